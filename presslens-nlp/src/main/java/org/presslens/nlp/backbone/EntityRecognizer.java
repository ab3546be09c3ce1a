package org.presslens.nlp.backbone;

import java.util.List;

/** Labels tokens with PERSON, ORGANIZATION, LOCATION or O. Thread-safe. */
public interface EntityRecognizer {
  /** One label per token of the sentence, given its part-of-speech tags. */
  List<String> recognize(List<RawToken> sentence, List<String> posTags);
}
