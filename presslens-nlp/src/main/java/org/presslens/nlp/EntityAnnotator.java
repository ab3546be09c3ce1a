package org.presslens.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presslens.core.Annotator;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Layer;
import org.presslens.core.Mention;
import org.presslens.core.Span;
import org.presslens.core.Text;
import org.presslens.core.Token;

/**
 * Entities of the article: named mentions from the backbone's labels, repaired and resolved
 * within the article by {@link EntityResolver}, plus dates, money, percentages and numbers from
 * {@link ValueRecognizer}.
 */
public final class EntityAnnotator implements Annotator {
  private final boolean resolve;

  /**
   * @param resolve whether to run the within-article resolution; off only to measure what it adds
   */
  public EntityAnnotator(boolean resolve) {
    this.resolve = resolve;
  }

  @Override
  public String name() {
    return resolve ? "entities" : "entities-unresolved";
  }

  @Override
  public Set<Layer> requires() {
    return Set.of(Layer.TOKENS, Layer.SENTENCES);
  }

  @Override
  public Set<Layer> provides() {
    return Set.of(Layer.ENTITIES);
  }

  @Override
  public void annotate(Document document) {
    Text text = document.text();
    List<Token> tokens = document.tokens();
    List<EntityResolver.Cluster> clusters =
        resolve ? EntityResolver.resolve(tokens) : EntityResolver.unresolved(tokens);

    List<EntityDraft> drafts = new ArrayList<>();
    List<int[]> taken = new ArrayList<>();
    for (EntityResolver.Cluster c : clusters) {
      List<Mention> mentions = new ArrayList<>();
      for (Span s : c.spans()) {
        mentions.add(new Mention(s, text.slice(s)));
        taken.add(new int[] {text.charIndex(s.start()), text.charIndex(s.end())});
      }
      drafts.add(new EntityDraft(c.type(), nameOf(mentions), mentions));
    }

    Map<String, EntityDraft> values = new LinkedHashMap<>();
    for (ValueRecognizer.Value v : ValueRecognizer.find(text.value(), taken)) {
      Span span = text.spanOfChars(v.begin(), v.end());
      String surface = text.slice(span);
      values
          .computeIfAbsent(v.type() + "\u0000" + surface, k -> new EntityDraft(v.type(), surface, new ArrayList<>()))
          .mentions()
          .add(new Mention(span, surface));
    }
    drafts.addAll(values.values());

    drafts.sort(Comparator.comparing(d -> d.mentions().get(0)));
    List<Entity> entities = new ArrayList<>(drafts.size());
    for (EntityDraft d : drafts) {
      List<Mention> sorted = new ArrayList<>(d.mentions());
      sorted.sort(null);
      entities.add(new Entity("e" + (entities.size() + 1), d.type(), d.name(), sorted));
    }
    document.setEntities(entities);
  }

  private record EntityDraft(String type, String name, List<Mention> mentions) {}

  /** The most complete name: most words, then longest; an acronym only when nothing else exists. */
  static String nameOf(List<Mention> mentions) {
    Comparator<String> completeness =
        Comparator.<String>comparingInt(s -> EntityResolver.isAcronym(s) ? 0 : 1)
            .thenComparingInt(s -> s.split("\\s+").length)
            .thenComparingInt(String::length);
    String best = null;
    for (Mention m : mentions) {
      String t = m.text();
      if (best == null || completeness.compare(t, best) > 0) {
        best = t;
      }
    }
    return best;
  }
}
