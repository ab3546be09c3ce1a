package org.presslens.nlp.backbone;

import java.util.List;

/** Groups tokens into sentences. Thread-safe. */
public interface SentenceSplitter {
  /** The tokens grouped by sentence; every token lands in exactly one sentence, in order. */
  List<List<RawToken>> split(List<RawToken> tokens);
}
