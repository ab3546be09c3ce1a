package org.presslens.nlp.backbone;

import java.util.List;

/** Splits a string into tokens. Thread-safe. */
public interface Tokenizer {
  /** The tokens of {@code text}, in order. */
  List<RawToken> tokenize(String text);
}
