package org.presslens.core;

/** The annotation layers a {@link Document} can carry; annotators declare which they need and add. */
public enum Layer {
  TOKENS,
  SENTENCES,
  ENTITIES,
  QUOTES,
  CLAIMS,
  TECHNIQUES,
  STANCE,
  PROVENANCE
}
