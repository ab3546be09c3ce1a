package org.presslens.core.learn;

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
  void dataWithoutOneOfTheClassesIsRefusedSayingSo() {
    // A small fold may lack a class: balanced or not, training says so (it had given a two-class
    // model of three classes, or liblinear's "class label 1 specified in weight is not found").
    List<String> classes = List.of("a", "b", "c");
    List<List<String>> x = new ArrayList<>();
    int[] y = new int[40];
    for (int i = 0; i < 40; i++) {
      y[i] = i % 4 == 0 ? 2 : 0; // no "b"; "c" rare
      x.add(List.of("word=" + classes.get(y[i])));
    }
    for (boolean balanced : new boolean[] {false, true}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LinearTrainer(x, y, classes, 1).fit(1, balanced))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every class needs training examples");
    }
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

  @Test
  void denseInputsAreReadRawThoughTrainedStandardised(@TempDir Path dir) throws Exception {
    // The label hangs on input 0 around 10 (far from 0, on a small scale) while input 1 is noise
    // on a large scale: only standardisation lets one C fit both, and the stored weights must
    // take the raw values back.
    java.util.Random random = new java.util.Random(7);
    List<List<String>> words = new ArrayList<>();
    List<float[]> dense = new ArrayList<>();
    int[] y = new int[400];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 2;
      words.add(List.of());
      dense.add(new float[] {10 + (y[i] == 1 ? 0.02f : -0.02f) + (float) random.nextGaussian() * 0.01f,
          (float) random.nextGaussian() * 500});
    }
    LinearModel m = new LinearTrainer(words, dense, 1, y, List.of("no", "yes"), 1).fit(1);
    assertThat(m.denseInputs()).isEqualTo(2);
    int right = 0;
    for (int i = 0; i < y.length; i++) {
      right += (m.probability(List.of(), dense.get(i)) >= 0.5) == (y[i] == 1) ? 1 : 0;
    }
    assertThat(right).isGreaterThan(380);
    Path file = dir.resolve("dense.tsv.gz");
    m.write(file);
    LinearModel read = LinearModel.read(Files.newInputStream(file));
    assertThat(read.denseInputs()).isEqualTo(2);
    float[] probe = {10.02f, 100};
    assertThat(read.probability(List.of(), probe)).isCloseTo(m.probability(List.of(), probe), within(1e-3));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read.probability(List.of(), new float[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSoftmaxHeadNormalisesItsClassesJointly() throws Exception {
    String table = "# classes=a|b|c\n# bias=0|0|0\n# link=softmax\ndense:0\t1\t2\t3\n";
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
      gz.write(table.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    LinearModel m = LinearModel.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
    double[] p = m.probabilities(List.of(), new float[] {1});
    double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    assertThat(p).containsExactly(new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z}, within(1e-9));
  }
}
