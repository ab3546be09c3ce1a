package org.presslens.core;

/** A factual claim with its check-worthiness score in [0, 1], decision and enclosing quote id. */
public record Claim(Span span, double score, boolean checkworthy, String quote) {}
