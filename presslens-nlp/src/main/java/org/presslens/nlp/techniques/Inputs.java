package org.presslens.nlp.techniques;

/**
 * What a technique model reads of an example: its binary word and lexicon features alone, or
 * those and the encoder's pooled vectors side by side. {@link TechniqueTrainer} chooses by
 * cross-validation on train; the shipped model records its choice in its notes.
 */
enum Inputs {
  WORDS, BOTH;

  /** The dense inputs the model reads: null for {@link #WORDS}. */
  float[] vectors(float[] vectors) {
    return this == WORDS ? null : vectors;
  }
}
