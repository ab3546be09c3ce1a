package org.presslens.nlp.eval;

/** True positives, false positives and false negatives, with the scores they give. */
public record Counts(int tp, int fp, int fn) {
  public double precision() {
    return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
  }

  public double recall() {
    return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** The counts of predictions against gold decisions, item by item. */
  public static Counts of(boolean[] predicted, boolean[] actual) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < predicted.length; i++) {
      tp += predicted[i] && actual[i] ? 1 : 0;
      fp += predicted[i] && !actual[i] ? 1 : 0;
      fn += !predicted[i] && actual[i] ? 1 : 0;
    }
    return new Counts(tp, fp, fn);
  }

  Counts plus(Counts o) {
    return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
  }
}
