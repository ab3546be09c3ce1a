package org.presslens.core;

import java.util.List;

/**
 * How one holder portrays one entity in an article: the reporter in their own voice, or a quoted
 * speaker in one quote.
 *
 * @param entity id of the entity portrayed
 * @param holder {@link #REPORTER}, or the id of the quote whose speaker holds the stance
 * @param polarity "positive", "negative" or "neutral"
 * @param score the holder's mean lean over the sentences that mention the entity, in [-1, 1]:
 *     probability of positive minus probability of negative
 * @param evidence the sentences (or parts in the quote) that carry it, most telling first
 */
public record Stance(String entity, String holder, String polarity, double score, List<Span> evidence) {
  /** The holder of what the article says in its own voice. */
  public static final String REPORTER = "reporter";

  public Stance {
    evidence = List.copyOf(evidence);
  }
}
