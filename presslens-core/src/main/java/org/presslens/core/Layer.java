package org.presslens.core;

/** The annotation layers a {@link Document} can carry; annotators declare which they need and add. */
public enum Layer {
  TOKENS,
  SENTENCES,
  /** Contextual token vectors from the encoder, one per token: see {@link TokenVectors}. */
  VECTORS,
  ENTITIES,
  QUOTES,
  CLAIMS,
  TECHNIQUES,
  STANCE,
  PROVENANCE
}
