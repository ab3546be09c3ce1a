package org.presslens.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityHeadCrossValidationTest {
  @TempDir Path dir;

  /** Six one-sentence documents in Universal NER's IOB2 form, written here. */
  private Path gold() throws Exception {
    String[][] sentences = {
      {"Maria", "B-PER", "Okafor", "I-PER", "visited", "O", "Lagos", "B-LOC", "on", "O", "Monday", "O", ".", "O"},
      {"The", "O", "council", "O", "of", "O", "Porthaven", "B-LOC", "met", "O", "Ravi", "B-PER", "Menon", "I-PER", ".", "O"},
      {"Arbor", "B-ORG", "hired", "O", "Ines", "B-PER", "Carvalho", "I-PER", "in", "O", "Lisbon", "B-LOC", ".", "O"},
      {"Shares", "O", "of", "O", "Chirper", "B-ORG", "fell", "O", "in", "O", "London", "B-LOC", ".", "O"},
      {"Linh", "B-PER", "Tran", "I-PER", "joined", "O", "Reuters", "B-ORG", "last", "O", "year", "O", ".", "O"},
      {"Farida", "B-PER", "Haddad", "I-PER", "left", "O", "Paris", "B-LOC", "for", "O", "Oslo", "B-LOC", ".", "O"},
    };
    List<String> lines = new ArrayList<>();
    for (String[] s : sentences) {
      lines.add("# newdoc");
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < s.length; i += 2) {
        text.append(i == 0 || s[i].equals(".") ? "" : " ").append(s[i]);
      }
      lines.add("# text = " + text);
      for (int i = 0; i < s.length; i += 2) {
        lines.add((i / 2 + 1) + "\t" + s[i] + "\t" + s[i + 1]);
      }
      lines.add("");
    }
    Path file = dir.resolve("gold.iob2");
    Files.write(file, lines);
    return file;
  }

  @Test
  void scoresTheCrfAndTheHeadOnTheSameGoldSpans() throws Exception {
    Path gold = gold();
    EntityHeadCrossValidation.Result r = EntityHeadCrossValidation.run(List.of(gold), 2, 0.1, true, line -> {});
    NerEval.Result crf = r.crf().get(gold);
    NerEval.Result head = r.head().get(gold);
    // 14 gold entities: 5 PER, 3 ORG, 6 LOC, each counted once as found or missed.
    assertThat(crf.overall().tp() + crf.overall().fn()).isEqualTo(14);
    assertThat(head.overall().tp() + head.overall().fn()).isEqualTo(14);
    assertThat(head.byType().get("PER").tp() + head.byType().get("PER").fn()).isEqualTo(5);
    assertThat(crf.documents()).isEqualTo(6);
    // The CRF knows these names; a head fitted on three sentences finds fewer, never more than there are.
    assertThat(crf.overall().f1()).isGreaterThan(0.6);
    assertThat(head.overall().tp()).isBetween(0, 14);
  }

  @Test
  void refusesFewerThanTwoFolds() throws Exception {
    Path gold = gold();
    assertThatThrownBy(() -> EntityHeadCrossValidation.run(List.of(gold), 1, 0.1, false, line -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 folds");
  }
}
