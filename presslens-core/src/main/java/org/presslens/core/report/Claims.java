package org.presslens.core.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.presslens.core.Claim;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Quote;

/** Check-worthy claims as the reports list them: highest score first, with who made each. */
final class Claims {
  /** What the reporter says in their own voice is attributed to "the article". */
  static final String REPORTER = "the article";

  private Claims() {}

  record Ranked(Claim claim, String text, String speaker) {}

  static List<Ranked> ranked(Document doc) {
    Map<String, Quote> quotes = doc.quotes().stream().collect(Collectors.toMap(Quote::id, Function.identity()));
    Map<String, Entity> entities = doc.entities().stream().collect(Collectors.toMap(Entity::id, Function.identity()));
    return doc.claims().stream()
        .filter(Claim::checkworthy)
        .sorted(Comparator.comparingDouble(Claim::score).reversed())
        .map(c -> new Ranked(c, doc.text().slice(c.span()), speaker(c, quotes, entities)))
        .toList();
  }

  private static String speaker(Claim c, Map<String, Quote> quotes, Map<String, Entity> entities) {
    Quote q = c.quote() == null ? null : quotes.get(c.quote());
    if (q == null) {
      return REPORTER;
    }
    if (q.speakerEntity() != null && entities.containsKey(q.speakerEntity())) {
      return entities.get(q.speakerEntity()).name();
    }
    return q.speaker() == null ? Voices.UNATTRIBUTED : q.speaker().text();
  }

  /** A claim's checkables as one line: "rise by £1,400; by 2027". */
  static String whatToCheck(Claim c) {
    return c.checkables().stream().map(k -> k.mention().text()).collect(Collectors.joining("; "));
  }

  static String abbreviate(String s, int max) {
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
