package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.presslens.core.Annotator;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Layer;
import org.presslens.core.Mention;
import org.presslens.core.Quote;
import org.presslens.core.Span;
import org.presslens.nlp.attribution.Attributor.Draft;

/**
 * Who said what: quotes and reported speech with their cue, speaker and the speaker's entity.
 *
 * <p>The rules ({@link Attributor}) read the article first; the trained {@link AttributionModel}
 * takes their reading as features and decides; {@link SpeakerResolver} says who each speaker is.
 * docs/ATTRIBUTION.md says why and what each part covers.
 */
public final class AttributionAnnotator implements Annotator {
  private final AttributionModel model;

  public AttributionAnnotator(AttributionModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return "attribution";
  }

  @Override
  public Set<Layer> requires() {
    return Set.of(Layer.TOKENS, Layer.SENTENCES, Layer.VECTORS, Layer.ENTITIES);
  }

  @Override
  public Set<Layer> provides() {
    return Set.of(Layer.QUOTES);
  }

  @Override
  public void annotate(Document document) {
    Tokens tokens = new Tokens(document.text(), document.tokens());
    List<Entity> entities = new ArrayList<>(document.entities());
    document.setQuotes(quotes(model, new AttributionFeatures(tokens, document.vectors()), entities));
    if (!entities.equals(document.entities())) {
      document.reviseEntities(entities);
    }
  }

  /**
   * The model's quotes for a document, speakers resolved among its entities; a named speaker the
   * entity stage missed is added to {@code entities} (a mutable list) first.
   */
  static List<Quote> quotes(AttributionModel model, AttributionFeatures features, List<Entity> entities) {
    Tokens tokens = features.tokens();
    List<Draft> drafts = DraftPasses.apply(features, model.find(features));
    MissedSpeakers.add(tokens, drafts, entities);
    return quotes(tokens, drafts, new SpeakerResolver(tokens, entities, drafts).resolve());
  }

  /** Quotes from drafts, each with its speaker's entity id (or null). */
  static List<Quote> quotes(Tokens tokens, List<Draft> drafts, String[] entities) {
    List<Quote> quotes = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      List<Span> content = d.content.stream().map(p -> tokens.span(p[0], p[1])).toList();
      quotes.add(
          new Quote(
              "q" + (i + 1), d.kind, content, mention(tokens, d.cue), mention(tokens, d.speaker), entities[i]));
    }
    return quotes;
  }

  private static Mention mention(Tokens tokens, int[] range) {
    if (range == null) {
      return null;
    }
    Span span = tokens.span(range[0], range[1]);
    return new Mention(span, tokens.text().slice(span));
  }
}
