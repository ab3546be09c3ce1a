package org.presslens.core.report;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.presslens.core.Document;
import org.presslens.core.PersuasionTechnique;
import org.presslens.core.Technique;
import org.presslens.core.Token;

/**
 * The persuasion techniques of one article in figures: the share of its words inside a technique
 * span (the figure Tanbih shows per article and per outlet), and how many of each technique are
 * the reporter's and how many are in quotes, the speakers'.
 *
 * @param coveredShare share of the article's words covered by some technique, in [0, 1]
 * @param counts for each technique found, its spans in the reporter's voice and in quotes; most
 *     frequent first
 */
public record TechniqueSummary(double coveredShare, Map<PersuasionTechnique, Split> counts) {
  /** Spans of one technique (or of all) in the reporter's voice and in quotes. */
  public record Split(int reporter, int quoted) {
    public int total() {
      return reporter + quoted;
    }

    Split plus(Split o) {
      return new Split(reporter + o.reporter, quoted + o.quoted);
    }
  }

  public static TechniqueSummary of(Document doc) {
    List<org.presslens.core.Span> covered = new java.util.ArrayList<>();
    Map<PersuasionTechnique, Split> counts = new EnumMap<>(PersuasionTechnique.class);
    for (Technique t : doc.techniques()) {
      covered.add(t.span());
      PersuasionTechnique.of(t.technique()).ifPresent(kind ->
          counts.merge(kind, t.quote() == null ? new Split(1, 0) : new Split(0, 1), Split::plus));
    }
    List<Token> words = doc.tokens().stream().filter(Voices::isWord).toList();
    int inside = Voices.countWords(words, covered);
    Map<PersuasionTechnique, Split> ordered = new java.util.LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<PersuasionTechnique, Split> e) -> e.getValue().total()).reversed()
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return new TechniqueSummary(words.isEmpty() ? 0 : (double) inside / words.size(), java.util.Collections.unmodifiableMap(ordered));
  }

  /** All techniques together. */
  public Split total() {
    return counts.values().stream().reduce(new Split(0, 0), Split::plus);
  }
}
