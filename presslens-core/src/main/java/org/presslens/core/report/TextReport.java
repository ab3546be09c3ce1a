package org.presslens.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presslens.core.Article;
import org.presslens.core.Credit;
import org.presslens.core.Document;
import org.presslens.core.Entity;

/** A readable terminal summary of one analysed article. */
public final class TextReport {
  /** Named types first, in this order; value types after. */
  private static final List<String> TYPE_ORDER =
      List.of("PERSON", "ORGANIZATION", "LOCATION", "DATE", "MONEY", "PERCENT", "NUMBER");

  private TextReport() {}

  /** The summary, ending with a newline. */
  public static String render(Document doc) {
    Article a = doc.article();
    StringBuilder b = new StringBuilder();
    String title = a.title() == null ? "(untitled)" : a.title();
    b.append(title).append('\n').append("=".repeat(Math.min(78, Math.max(8, title.length())))).append('\n');
    line(b, "Input", a.input());
    String source = join(a.source().name(), a.source().domain());
    line(b, "Source", source);
    line(b, "URL", a.source().url());
    line(b, "Published", a.published());
    line(b, "Authors", a.authors().isEmpty() ? null : String.join(", ", a.authors()));
    line(b, "Language", a.language());
    line(b, "Length", doc.text().length() + " characters, " + doc.sentences().size() + " sentences, "
        + doc.tokens().size() + " tokens");
    if (!a.credits().isEmpty()) {
      b.append("\nCredits\n");
      for (Credit c : a.credits()) {
        b.append("  ").append(c.name()).append("  (").append(c.kind().label()).append(": \"")
            .append(c.text()).append("\")\n");
      }
    }
    b.append("\nEntities\n");
    if (doc.entities().isEmpty()) {
      b.append("  (none found)\n");
    }
    for (Map.Entry<String, List<Entity>> group : byType(doc.entities()).entrySet()) {
      b.append("  ").append(group.getKey()).append('\n');
      List<Entity> sorted = new ArrayList<>(group.getValue());
      sorted.sort((x, y) -> Integer.compare(y.mentions().size(), x.mentions().size()));
      for (Entity e : sorted) {
        b.append("    ").append(e.name()).append("  ×").append(e.mentions().size());
        List<String> aliases = e.aliases();
        if (!aliases.isEmpty()) {
          b.append("  (also: ").append(String.join(", ", aliases)).append(')');
        }
        b.append('\n');
      }
    }
    return b.toString();
  }

  /** Entities grouped by type, named types first. */
  static Map<String, List<Entity>> byType(List<Entity> entities) {
    Map<String, List<Entity>> out = new LinkedHashMap<>();
    for (String t : TYPE_ORDER) {
      for (Entity e : entities) {
        if (e.type().equals(t)) {
          out.computeIfAbsent(t, k -> new ArrayList<>()).add(e);
        }
      }
    }
    for (Entity e : entities) {
      if (!TYPE_ORDER.contains(e.type())) {
        out.computeIfAbsent(e.type(), k -> new ArrayList<>()).add(e);
      }
    }
    return out;
  }

  private static void line(StringBuilder b, String label, String value) {
    if (value != null && !value.isBlank()) {
      b.append(String.format("%-10s %s%n", label + ":", value));
    }
  }

  private static String join(String name, String domain) {
    if (name == null) {
      return domain;
    }
    return domain == null ? name : name + " (" + domain + ")";
  }
}
