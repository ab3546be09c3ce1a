package org.presslens.nlp.techniques;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.presslens.nlp.techniques.TechniqueModel.Decoding;

/** The span decoding is kept in the span model's notes: it must read back as it was written. */
class DecodingTest {

  @Test
  void aDecodingSurvivesItsNotesEvenWithTagsThatArePunctuation() {
    // Penn Treebank has "," and ":" among its tags: the notes must not split on them.
    Decoding d = new Decoding(14 / 40.0, 0.35, Set.of("IN", ",", ":", "HYPH"), Set.of("DT", "CC", ","));
    assertThat(Decoding.of(d.notes())).isEqualTo(d);
  }

  @Test
  void aModelWithoutTrimmingNotesTrimsNothing() {
    Decoding d = new Decoding(0.5, 1, Set.of(), Set.of());
    assertThat(Decoding.of(d.notes())).isEqualTo(d);
    assertThat(Decoding.of(java.util.Map.of("threshold", "0.5")).trimEnd()).isEmpty();
  }
}
