package org.presslens.nlp.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The liblinear wrapper: classes map to the right weights, and a stored model scores the same. */
class LinearModelTest {
  @Test
  void twoClassesScoreTheSecond() {
    // Class 0 first in the data, so liblinear's own vector scores class 0: the sign must flip.
    List<List<String>> x = new ArrayList<>();
    int[] y = new int[40];
    for (int i = 0; i < 40; i++) {
      y[i] = i % 2;
      x.add(List.of(y[i] == 1 ? "spin" : "fact", "common"));
    }
    LinearModel m = new LinearTrainer(x, y, List.of("plain", "technique"), 1).fit(1);
    assertThat(m.probability(List.of("spin"))).isGreaterThan(0.8);
    assertThat(m.probability(List.of("fact"))).isLessThan(0.2);
  }

  @Test
  void manyClassesKeepTheirNamesAndSumToOne(@TempDir Path dir) throws Exception {
    List<String> classes = List.of("a", "b", "c");
    List<List<String>> x = new ArrayList<>();
    int[] y = new int[60];
    for (int i = 0; i < 60; i++) {
      y[i] = 2 - i % 3; // first seen: c, b, a, so liblinear's order differs from ours
      x.add(List.of("word=" + classes.get(y[i])));
    }
    LinearModel m = new LinearTrainer(x, y, classes, 1).fit(1);
    for (int k = 0; k < 3; k++) {
      double[] p = m.probabilities(List.of("word=" + classes.get(k)));
      assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-9));
      int best = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
      assertThat(best).isEqualTo(k);
    }
    Path file = dir.resolve("m.tsv.gz");
    m.withNotes(java.util.Map.of("data", "test")).write(file);
    LinearModel read = LinearModel.read(Files.newInputStream(file));
    assertThat(read.classes()).isEqualTo(classes);
    assertThat(read.notes()).containsEntry("data", "test");
    assertThat(read.probabilities(List.of("word=b"))[1]).isCloseTo(m.probabilities(List.of("word=b"))[1], within(1e-3));
  }
}
