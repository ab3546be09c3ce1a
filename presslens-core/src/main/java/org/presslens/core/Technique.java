package org.presslens.core;

/** A persuasion technique (a SemEval-2020 Task 11 name) found on a span, with its score. */
public record Technique(String technique, Span span, double score, String quote) {}
