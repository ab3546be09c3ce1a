package org.presslens.nlp.learn;

import java.util.SplittableRandom;

/**
 * A fixed sparse random projection of vectors to fewer dimensions (Achlioptas, "Database-friendly
 * random projections", PODS 2001: entries +1, 0, -1 with probabilities 1/6, 2/3, 1/6), which keeps
 * distances within a small factor with high probability (Johnson–Lindenstrauss).
 *
 * <p>Why: a linear model that reads an encoder vector beside each of millions of examples (one per
 * token around each attribution cue) cannot hold 384 numbers per example in memory; it can hold a
 * few dozen. The matrix is generated from its seed, so training and analysis build the same one
 * and the model file need not carry it.
 */
public final class RandomProjection {
  private final int from;
  /** For each output dimension, the input dimensions added (+1) and subtracted (-1). */
  private final int[][] plus;
  private final int[][] minus;

  /**
   * @param from the input dimension
   * @param to the output dimension
   * @param seed the seed the matrix is drawn from; a model trained on one seed must be read with it
   */
  public RandomProjection(int from, int to, long seed) {
    this.from = from;
    plus = new int[to][];
    minus = new int[to][];
    SplittableRandom random = new SplittableRandom(seed);
    for (int k = 0; k < to; k++) {
      int[] p = new int[from];
      int[] m = new int[from];
      int np = 0;
      int nm = 0;
      for (int j = 0; j < from; j++) {
        int draw = random.nextInt(6);
        if (draw == 0) {
          p[np++] = j;
        } else if (draw == 1) {
          m[nm++] = j;
        }
      }
      plus[k] = java.util.Arrays.copyOf(p, np);
      minus[k] = java.util.Arrays.copyOf(m, nm);
    }
  }

  /** The output dimension. */
  public int dimension() {
    return plus.length;
  }

  /**
   * The projection of a vector (unscaled: the models that read it standardise their inputs).
   *
   * @throws IllegalArgumentException when the vector is not of the input dimension
   */
  public float[] apply(float[] v) {
    if (v.length != from) {
      throw new IllegalArgumentException("a projection of " + from + " dimensions, given " + v.length);
    }
    float[] out = new float[plus.length];
    for (int k = 0; k < out.length; k++) {
      float s = 0;
      for (int j : plus[k]) {
        s += v[j];
      }
      for (int j : minus[k]) {
        s -= v[j];
      }
      out[k] = s;
    }
    return out;
  }
}
