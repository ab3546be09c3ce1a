package org.presslens.nlp.learn;

import java.util.List;

/**
 * What a trained stage's linear model reads of an example: its binary word and lexicon features,
 * the encoder's pooled vectors, or both side by side. Each trainer chooses among the three by
 * cross-validation on train; the shipped model records its choice in its notes.
 */
public enum Inputs {
  WORDS, VECTORS, BOTH;

  /** The binary features the model reads: none for {@link #VECTORS}. */
  public List<String> words(List<String> features) {
    return this == VECTORS ? List.of() : features;
  }

  /** The dense inputs the model reads: null for {@link #WORDS}. */
  public float[] vectors(float[] vectors) {
    return this == WORDS ? null : vectors;
  }
}
