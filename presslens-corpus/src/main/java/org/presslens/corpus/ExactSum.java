package org.presslens.corpus;

import java.util.Arrays;

/**
 * A sum of doubles without rounding error until it is read: Shewchuk's non-overlapping partials,
 * read as Python's {@code math.fsum} reads them (J. R. Shewchuk, "Adaptive Precision
 * Floating-Point Arithmetic and Fast Robust Geometric Predicates", 1997). The value read is the
 * exact sum correctly rounded, so it does not depend on the order of the additions: the sums of a
 * store's segments added up, less its deleted articles, equal a pass over its live articles to the
 * last bit. Finite values only.
 */
final class ExactSum {
  /** Non-overlapping, increasing in magnitude; their exact sum is the sum so far. */
  private double[] partials = new double[4];
  private int n;

  /** Adds {@code x} exactly. */
  void add(double x) {
    int i = 0;
    for (int j = 0; j < n; j++) {
      double y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        double swap = x;
        x = y;
        y = swap;
      }
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) {
        partials[i++] = lo;
      }
      x = hi;
    }
    if (i == partials.length) {
      partials = Arrays.copyOf(partials, 2 * i);
    }
    partials[i] = x;
    n = i + 1;
  }

  /** Adds (sign 1) or takes away (sign -1) another sum, exactly. */
  void add(ExactSum other, int sign) {
    for (int j = 0; j < other.n; j++) {
      add(sign * other.partials[j]);
    }
  }

  /** The exact sum rounded to the nearest double (ties to even), as {@code math.fsum} rounds it. */
  double value() {
    int k = n;
    if (k == 0) {
      return 0.0;
    }
    double hi = partials[--k];
    double lo = 0.0;
    while (k > 0) {
      double x = hi;
      double y = partials[--k];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) {
        break;
      }
    }
    // Half-way cases: the partials below may tip the rounding of hi + lo.
    if (k > 0 && ((lo < 0.0 && partials[k - 1] < 0.0) || (lo > 0.0 && partials[k - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) {
        hi = x;
      }
    }
    return hi;
  }

  /** The partials, for storing; {@link #of} reads them back. */
  double[] partials() {
    return Arrays.copyOf(partials, n);
  }

  /** A sum from stored partials. */
  static ExactSum of(double[] partials) {
    ExactSum s = new ExactSum();
    for (double p : partials) {
      s.add(p);
    }
    return s;
  }
}
