package org.presslens.nlp.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomProjectionTest {
  /** A model trained on one projection is read with the same: the matrix is its seed's, in every JVM. */
  @Test
  void oneSeedGivesOneMatrix() {
    float[] v = randomVector(new SplittableRandom(1), 384);
    assertThat(new RandomProjection(384, 32, 7).apply(v)).containsExactly(new RandomProjection(384, 32, 7).apply(v));
    assertThat(new RandomProjection(384, 32, 8).apply(v)).isNotEqualTo(new RandomProjection(384, 32, 7).apply(v));
  }

  /** Linear, as a projection must be: P(a + b) = Pa + Pb. */
  @Test
  void isLinear() {
    SplittableRandom random = new SplittableRandom(2);
    float[] a = randomVector(random, 384);
    float[] b = randomVector(random, 384);
    float[] sum = new float[384];
    for (int j = 0; j < 384; j++) {
      sum[j] = a[j] + b[j];
    }
    RandomProjection p = new RandomProjection(384, 32, 20261130L);
    float[] pa = p.apply(a);
    float[] pb = p.apply(b);
    float[] pSum = p.apply(sum);
    for (int k = 0; k < 32; k++) {
      assertThat(pSum[k]).isCloseTo(pa[k] + pb[k], org.assertj.core.data.Offset.offset(1e-3f));
    }
  }

  /**
   * Distances survive within a factor (Johnson–Lindenstrauss): over pairs of random vectors, the
   * projected squared distance, scaled by 3/k (the entries' variance is 1/3), stays near the
   * original on average.
   */
  @Test
  void keepsDistancesOnAverage() {
    SplittableRandom random = new SplittableRandom(3);
    RandomProjection p = new RandomProjection(384, 32, 20261130L);
    double ratios = 0;
    int pairs = 200;
    for (int n = 0; n < pairs; n++) {
      float[] a = randomVector(random, 384);
      float[] b = randomVector(random, 384);
      double before = 0;
      double after = 0;
      float[] pa = p.apply(a);
      float[] pb = p.apply(b);
      for (int j = 0; j < 384; j++) {
        before += Math.pow(a[j] - b[j], 2);
      }
      for (int k = 0; k < 32; k++) {
        after += Math.pow(pa[k] - pb[k], 2);
      }
      ratios += after * 3 / 32 / before;
    }
    assertThat(ratios / pairs).isBetween(0.8, 1.2);
  }

  @Test
  void refusesAVectorOfAnotherWidth() {
    assertThatThrownBy(() -> new RandomProjection(384, 32, 1).apply(new float[10]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("384");
  }

  private static float[] randomVector(SplittableRandom random, int n) {
    float[] v = new float[n];
    for (int j = 0; j < n; j++) {
      v[j] = (float) random.nextGaussian();
    }
    return v;
  }
}
