package org.presslens.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.core.Span;

/** The SemEval-2020 Task 11 span scores, and reading PTC files. */
class TechniqueScoringTest {
  @Test
  void overlapCreditFollowsTheTaskFormula() {
    // Predicted [0,10) covers half of gold [5,15); predicted [20,30) misses; gold [40,44) unfound.
    TechniqueEval.Overlap o = TechniqueEval.overlap(List.of(new Span(0, 10), new Span(20, 30)),
        List.of(new Span(5, 15), new Span(40, 44)));
    assertThat(o.precision()).isCloseTo((5 / 10.0) / 2, within(1e-9));
    assertThat(o.recall()).isCloseTo((5 / 10.0) / 2, within(1e-9));
    assertThat(o.f1()).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void overlappingSpansOnOneSideAreMergedFirst() {
    // Two gold techniques on overlapping words are one span for span identification.
    TechniqueEval.Overlap o = TechniqueEval.overlap(List.of(new Span(0, 8)), List.of(new Span(0, 4), new Span(2, 8)));
    assertThat(o.gold()).isEqualTo(1);
    assertThat(o.f1()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void nothingPredictedScoresZeroNotNaN() {
    TechniqueEval.Overlap o = TechniqueEval.overlap(List.of(), List.of(new Span(0, 4)));
    assertThat(o.precision()).isZero();
    assertThat(o.f1()).isZero();
  }

  @Test
  void ptcFilesAreReadWithTheByteOrderMarkAsPositionZero(@TempDir Path dir) throws Exception {
    Path articles = Files.createDirectory(dir.resolve("articles"));
    Files.writeString(articles.resolve("article7.txt"), "\uFEFFEvil thugs win.\n", StandardCharsets.UTF_8);
    Files.writeString(articles.resolve("article8.txt"), "Nothing here.\n", StandardCharsets.UTF_8);
    Path labels = Files.writeString(dir.resolve("labels"), "7\tName_Calling,Labeling\t1\t11\n7\tLoaded_Language\t1\t5\n");
    List<PtcCorpus.Labelled> read = PtcCorpus.read(articles, labels);
    assertThat(read).extracting(PtcCorpus.Labelled::id).containsExactly("7", "8");
    PtcCorpus.Labelled seven = read.get(0);
    assertThat(seven.article().text().substring(1, 11)).isEqualTo("Evil thugs");
    assertThat(seven.gold()).extracting(t -> t.technique()).containsExactly("Name_Calling,Labeling", "Loaded_Language");
    assertThat(read.get(1).gold()).isEmpty();

    Path spanOnly = Files.writeString(dir.resolve("si"), "7\t1\t11\n");
    assertThat(PtcCorpus.read(articles, spanOnly).get(0).gold().get(0).technique()).isNull();
  }
}
