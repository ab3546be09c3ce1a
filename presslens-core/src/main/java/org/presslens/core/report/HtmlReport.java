package org.presslens.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.presslens.core.Article;
import org.presslens.core.Credit;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.core.Text;

/**
 * A self-contained HTML page (no network, no external assets) showing analysed articles with
 * entities highlighted by type, a legend and a side panel of entities.
 *
 * <p>Article text is untrusted: every piece of it goes through {@link #escape}.
 */
public final class HtmlReport {
  private static final Map<String, String> COLOURS =
      Map.of(
          "PERSON", "#fde68a", "ORGANIZATION", "#bfdbfe", "LOCATION", "#bbf7d0", "DATE", "#e9d5ff",
          "MONEY", "#fecaca", "PERCENT", "#fed7aa", "NUMBER", "#e5e7eb");
  private static final String OTHER_COLOUR = "#f5f5f4";

  private HtmlReport() {}

  /** The page head: styles and the opening of the body. */
  public static String header(String pageTitle) {
    StringBuilder css = new StringBuilder();
    COLOURS.forEach((t, c) -> css.append(".t-").append(t).append("{background:").append(c).append("}"));
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        + "<title>" + escape(pageTitle) + "</title><style>"
        + "body{font:16px/1.6 Georgia,serif;margin:0;background:#fafaf9;color:#1c1917}"
        + "article.pl{display:grid;grid-template-columns:minmax(0,3fr) minmax(220px,1fr);gap:2em;"
        + "max-width:1200px;margin:2em auto;padding:0 1em;border-bottom:1px solid #d6d3d1}"
        + "h1{font-size:1.6em;margin:.2em 0}.meta{color:#57534e;font:14px sans-serif}"
        + ".body p{margin:0 0 1em}mark{border-radius:3px;padding:0 2px;background:" + OTHER_COLOUR + "}"
        + "aside{font:14px/1.5 sans-serif}aside h2{font-size:1em;margin:1.2em 0 .3em}"
        + "aside ul{list-style:none;padding:0;margin:0}aside li{margin:.15em 0}"
        + ".legend span{display:inline-block;margin:0 .4em .3em 0;padding:0 .4em;border-radius:3px}"
        + ".count{color:#78716c}.alias{color:#78716c;font-size:.9em}"
        + css + "</style></head><body>\n";
  }

  /** The page's closing tags. */
  public static String footer() {
    return "</body></html>\n";
  }

  /** One article: the text with entity mentions marked, and the side panel. */
  public static String article(Document doc) {
    Article a = doc.article();
    StringBuilder b = new StringBuilder("<article class=\"pl\"><div class=\"main\">");
    b.append("<h1>").append(escape(a.title() == null ? a.input() : a.title())).append("</h1>");
    b.append("<p class=\"meta\">");
    List<String> meta = new ArrayList<>();
    if (a.source().name() != null || a.source().domain() != null) {
      meta.add(a.source().name() != null ? a.source().name() : a.source().domain());
    }
    if (a.published() != null) {
      meta.add(a.published());
    }
    if (!a.authors().isEmpty()) {
      meta.add("by " + String.join(", ", a.authors()));
    }
    meta.add(a.input());
    b.append(escape(String.join(" · ", meta))).append("</p>");
    b.append("<div class=\"body\">").append(markedText(doc)).append("</div></div>");
    b.append(sidePanel(doc)).append("</article>\n");
    return b.toString();
  }

  /** A whole page for one article. */
  public static String page(Document doc) {
    String title = doc.article().title() == null ? doc.article().input() : doc.article().title();
    return header("PressLens: " + title) + article(doc) + footer();
  }

  private static String markedText(Document doc) {
    Text text = doc.text();
    List<Mention> marks = new ArrayList<>();
    Map<Mention, Entity> owner = new java.util.HashMap<>();
    for (Entity e : doc.entities()) {
      for (Mention m : e.mentions()) {
        marks.add(m);
        owner.put(m, e);
      }
    }
    marks.sort(null);
    StringBuilder b = new StringBuilder("<p>");
    int at = 0;
    for (Mention m : marks) {
      if (m.span().start() < at) {
        continue; // overlapping mentions: the first one wins
      }
      appendPlain(b, text, at, m.span().start());
      Entity e = owner.get(m);
      b.append("<mark class=\"t-").append(escape(e.type())).append("\" title=\"")
          .append(escape(e.type() + ": " + e.name())).append("\">")
          .append(escape(m.text())).append("</mark>");
      at = m.span().end();
    }
    appendPlain(b, text, at, text.length());
    return b.append("</p>").toString();
  }

  /** Plain text with blank lines turned into paragraph breaks and single newlines into line breaks. */
  private static void appendPlain(StringBuilder b, Text text, int from, int to) {
    if (from >= to) {
      return;
    }
    String plain = text.slice(new org.presslens.core.Span(from, to));
    String escaped = escape(plain).replaceAll("\\r?\\n[ \\t]*\\r?\\n\\s*", "</p><p>").replace("\n", "<br>");
    b.append(escaped);
  }

  private static String sidePanel(Document doc) {
    StringBuilder b = new StringBuilder("<aside>");
    b.append("<h2>Legend</h2><div class=\"legend\">");
    Map<String, List<Entity>> groups = TextReport.byType(doc.entities());
    for (Map.Entry<String, List<Entity>> g : groups.entrySet()) {
      b.append("<span class=\"t-").append(escape(g.getKey())).append("\">").append(escape(g.getKey()))
          .append(" <span class=\"count\">").append(g.getValue().size()).append("</span></span>");
    }
    b.append("</div>");
    List<Credit> credits = doc.article().credits();
    if (!credits.isEmpty()) {
      b.append("<h2>Credits</h2><ul>");
      for (Credit c : credits) {
        b.append("<li>").append(escape(c.name())).append(" <span class=\"alias\">")
            .append(escape(c.kind().label())).append("</span></li>");
      }
      b.append("</ul>");
    }
    for (Map.Entry<String, List<Entity>> g : groups.entrySet()) {
      b.append("<h2>").append(escape(g.getKey())).append("</h2><ul>");
      for (Entity e : g.getValue()) {
        b.append("<li><mark class=\"t-").append(escape(e.type())).append("\">").append(escape(e.name()))
            .append("</mark> <span class=\"count\">×").append(e.mentions().size()).append("</span>");
        if (!e.aliases().isEmpty()) {
          b.append(" <span class=\"alias\">").append(escape(String.join(", ", e.aliases()))).append("</span>");
        }
        b.append("</li>");
      }
      b.append("</ul>");
    }
    return b.append("</aside>").toString();
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
