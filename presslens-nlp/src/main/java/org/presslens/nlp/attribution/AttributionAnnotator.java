package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.presslens.core.Annotator;
import org.presslens.core.Document;
import org.presslens.core.Layer;
import org.presslens.core.Mention;
import org.presslens.core.Quote;
import org.presslens.core.Span;
import org.presslens.nlp.attribution.Attributor.Draft;

/**
 * Who said what: quotes and reported speech with their cue, speaker and the speaker's entity.
 *
 * <p>Rules over tokens, part-of-speech tags and the resolved entities; no parser, so the stage
 * costs little next to tagging. docs/ATTRIBUTION.md says why rules and what they cover.
 */
public final class AttributionAnnotator implements Annotator {

  @Override
  public String name() {
    return "attribution";
  }

  @Override
  public Set<Layer> requires() {
    return Set.of(Layer.TOKENS, Layer.SENTENCES, Layer.ENTITIES);
  }

  @Override
  public Set<Layer> provides() {
    return Set.of(Layer.QUOTES);
  }

  @Override
  public void annotate(Document document) {
    Tokens tokens = new Tokens(document.text(), document.tokens());
    List<Draft> drafts = Attributor.find(tokens, CueLexicon.STANDARD);
    String[] entities = new SpeakerResolver(tokens, document.entities(), drafts).resolve();
    List<Quote> quotes = new ArrayList<>(drafts.size());
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      List<Span> content = d.content.stream().map(p -> tokens.span(p[0], p[1])).toList();
      quotes.add(
          new Quote(
              "q" + (i + 1), d.kind, content, mention(tokens, d.cue), mention(tokens, d.speaker), entities[i]));
    }
    document.setQuotes(quotes);
  }

  private static Mention mention(Tokens tokens, int[] range) {
    if (range == null) {
      return null;
    }
    Span span = tokens.span(range[0], range[1]);
    return new Mention(span, tokens.text().slice(span));
  }
}
