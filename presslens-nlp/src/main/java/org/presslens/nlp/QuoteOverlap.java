package org.presslens.nlp;

import org.presslens.core.Document;
import org.presslens.core.Quote;
import org.presslens.core.Span;

/**
 * The quote content that shares most of a span: how the stages that give a span to a speaker
 * (claims, techniques, stance) find the quote it was said in.
 *
 * @param piece the content piece of {@code quote}
 * @param shared the part of the span inside that piece
 */
public record QuoteOverlap(Quote quote, Span piece, Span shared) {
  /** The first content piece sharing the most code points with {@code span}, or null when none overlaps. */
  public static QuoteOverlap most(Document document, Span span) {
    QuoteOverlap best = null;
    for (Quote q : document.quotes()) {
      for (Span piece : q.content()) {
        if (piece.overlaps(span)) {
          Span shared = new Span(Math.max(piece.start(), span.start()), Math.min(piece.end(), span.end()));
          if (best == null || shared.length() > best.shared().length()) {
            best = new QuoteOverlap(q, piece, shared);
          }
        }
      }
    }
    return best;
  }
}
