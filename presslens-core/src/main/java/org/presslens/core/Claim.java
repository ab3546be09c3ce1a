package org.presslens.core;

import java.util.List;

/**
 * A sentence (or the part of it inside a quote) scored for check-worthiness.
 *
 * @param span the claim: a sentence, or its overlap with a quote's content
 * @param score confidence in [0, 1] that it is worth checking
 * @param checkworthy the decision at the threshold in force
 * @param quote id of the quote it was said in, or null for the reporter's voice
 * @param checkables what in it can be verified: numbers, amounts, dates, events, comparisons
 */
public record Claim(Span span, double score, boolean checkworthy, String quote, List<Checkable> checkables) {
  public Claim {
    checkables = List.copyOf(checkables);
  }

  /**
   * One verifiable part of a claim: "rise by £1,400" (MONEY), "by 2007" (DATE), "more than
   * any other country" (COMPARISON).
   *
   * @param type NUMBER, MONEY, PERCENT, DATE, EVENT or COMPARISON
   */
  public record Checkable(String type, Mention mention) {}
}
