package org.presslens.core;

import java.util.Arrays;

/**
 * One contextual vector per token of a document: row {@code i} belongs to {@code tokens().get(i)}.
 * Immutable; a row of zeros marks a token the encoder had no piece for (a control character,
 * say).
 *
 * <p>Shape: {@link #size()} rows of {@link #dimension()} floats, stored row after row.
 */
public final class TokenVectors {
  private final int dimension;
  private final float[] values;

  /**
   * @param dimension floats per token
   * @param values {@code tokens × dimension} floats, row after row; taken as is, not copied
   */
  public TokenVectors(int dimension, float[] values) {
    if (dimension <= 0 || values.length % dimension != 0) {
      throw new IllegalArgumentException(values.length + " values are not rows of " + dimension);
    }
    this.dimension = dimension;
    this.values = values;
  }

  /** Number of tokens. */
  public int size() {
    return values.length / dimension;
  }

  /** Floats per token. */
  public int dimension() {
    return dimension;
  }

  /** A copy of token {@code i}'s vector. */
  public float[] vector(int i) {
    return Arrays.copyOfRange(values, i * dimension, (i + 1) * dimension);
  }

  /**
   * The mean of the vectors of tokens {@code [from, to)}, or zeros when the range is empty: the
   * usual pooling of a span's vectors into one.
   */
  public float[] mean(int from, int to) {
    float[] sum = new float[dimension];
    for (int i = from; i < to; i++) {
      for (int k = 0, o = i * dimension; k < dimension; k++) {
        sum[k] += values[o + k];
      }
    }
    if (to > from) {
      for (int k = 0; k < dimension; k++) {
        sum[k] /= to - from;
      }
    }
    return sum;
  }
}
