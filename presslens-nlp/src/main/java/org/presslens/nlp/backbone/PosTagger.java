package org.presslens.nlp.backbone;

import java.util.List;

/** Assigns Penn Treebank part-of-speech tags. Thread-safe. */
public interface PosTagger {
  /** One tag per token of the sentence. */
  List<String> tag(List<RawToken> sentence);
}
