package org.presslens.nlp.techniques;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.presslens.core.Annotator;
import org.presslens.core.Document;
import org.presslens.core.Layer;
import org.presslens.core.Span;
import org.presslens.core.Technique;
import org.presslens.nlp.QuoteOverlap;

/**
 * Persuasion techniques: spans found by the {@link TechniqueModel}'s span model, each named by its
 * kind model, scored by the span's mean token probability times the technique's probability, and
 * linked to the quote it falls in: a technique in a quote is the speaker's, not the reporter's.
 */
public final class TechniqueAnnotator implements Annotator {
  private final TechniqueModel model;

  public TechniqueAnnotator(TechniqueModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return "techniques";
  }

  @Override
  public Set<Layer> requires() {
    return Set.of(Layer.TOKENS, Layer.SENTENCES, Layer.VECTORS, Layer.ENTITIES, Layer.QUOTES);
  }

  @Override
  public Set<Layer> provides() {
    return Set.of(Layer.TECHNIQUES);
  }

  @Override
  public void annotate(Document document) {
    TechniqueFeatures f = new TechniqueFeatures(document);
    List<Technique> found = new ArrayList<>();
    for (TechniqueModel.Run run : model.runs(f)) {
      org.presslens.core.Pipeline.stopIfCancelled();
      double[] kinds = model.kindProbabilities(f, run.from(), run.to());
      int best = org.presslens.core.learn.LinearModel.argmax(kinds);
      Span span = run.span(f);
      found.add(new Technique(model.kindNames().get(best), span, run.score() * kinds[best], quoteOf(document, span)));
    }
    document.setTechniques(found);
  }

  /** The id of the quote whose content holds most of the span (at least half), or null. */
  static String quoteOf(Document document, Span span) {
    QuoteOverlap most = QuoteOverlap.most(document, span);
    return most != null && 2 * most.shared().length() >= span.length() ? most.quote().id() : null;
  }

}
