package org.presslens.nlp.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.presslens.core.Annotator;
import org.presslens.core.Claim;
import org.presslens.core.Document;
import org.presslens.core.Layer;
import org.presslens.core.Span;
import org.presslens.core.Token;
import org.presslens.nlp.QuoteOverlap;

/**
 * Check-worthy claims: each sentence scored by the {@link ClaimModel}; those at or above half
 * the threshold are listed (near misses with {@code checkworthy: false}, for readers who want
 * more recall), with the decision at the threshold. A sentence said in a quote or reported speech
 * is linked to that quote, and narrowed to its content when the content is most of the sentence.
 */
public final class ClaimAnnotator implements Annotator {
  /** Share of a sentence a quote must cover for the claim to be narrowed to the quote. */
  private static final double MOSTLY = 0.6;

  private final ClaimModel model;
  private final double threshold;

  /** @param threshold the decision threshold; the model's own (chosen by cross-validation on train) by default */
  public ClaimAnnotator(ClaimModel model, double threshold) {
    this.model = model;
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return "claims";
  }

  @Override
  public Set<Layer> requires() {
    return Set.of(Layer.TOKENS, Layer.SENTENCES, Layer.VECTORS, Layer.ENTITIES, Layer.QUOTES);
  }

  @Override
  public Set<Layer> provides() {
    return Set.of(Layer.CLAIMS);
  }

  @Override
  public void annotate(Document document) {
    List<Token> tokens = document.tokens();
    List<Claim> claims = new ArrayList<>();
    int from = 0;
    while (from < tokens.size()) {
      org.presslens.core.Pipeline.stopIfCancelled();
      int sentence = tokens.get(from).sentence();
      int to = from;
      while (to < tokens.size() && tokens.get(to).sentence() == sentence) {
        to++;
      }
      Span span = new Span(tokens.get(from).span().start(), tokens.get(to - 1).span().end());
      double score = isCreditLine(document, span) ? 0 : model.score(document, from, to);
      if (score >= threshold / 2) {
        claims.add(inQuote(document, span, score, score >= threshold));
      }
      from = to;
    }
    document.setClaims(claims);
  }

  /** "Reuters contributed to this report" says who wrote, not what happened. */
  private static boolean isCreditLine(Document document, Span sentence) {
    return document.article().credits().stream().anyMatch(c -> c.span() != null && c.span().overlaps(sentence));
  }

  /** The claim linked to the quote content it shares most with. */
  private static Claim inQuote(Document document, Span sentence, double score, boolean checkworthy) {
    QuoteOverlap best = QuoteOverlap.most(document, sentence);
    String quote = best == null ? null : best.quote().id();
    // Narrowed to the quote only when the quote is most of the sentence: in "X said A, which
    // could cost B", B is the reporter's and a checker needs it too.
    Span span = best != null && best.shared().length() >= MOSTLY * sentence.length() ? best.shared() : sentence;
    return new Claim(span, score, checkworthy, quote, Checkables.in(document, span));
  }
}
