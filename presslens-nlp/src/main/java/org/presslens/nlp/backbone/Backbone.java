package org.presslens.nlp.backbone;

/**
 * The statistical models PressLens builds on. Everything above this package sees only these
 * interfaces, so the implementation (today CoreNLP) can be replaced by one of our own.
 */
public record Backbone(
    Tokenizer tokenizer,
    SentenceSplitter sentenceSplitter,
    PosTagger posTagger,
    EntityRecognizer entityRecognizer) {}
