package org.presslens.nlp;

import org.presslens.core.Pipeline;

/** One pipeline for all tests of this module: the models load once (seconds), not per test. */
final class Shared {
  static final Pipeline PIPELINE = Analyzer.standard();

  private Shared() {}
}
