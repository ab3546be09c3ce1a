package org.presslens.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.presslens.core.Article;
import org.presslens.core.Claim;
import org.presslens.core.Credit;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.PersuasionTechnique;
import org.presslens.core.Quote;
import org.presslens.core.Span;
import org.presslens.core.Technique;
import org.presslens.core.Text;

/**
 * A self-contained HTML page (no network, no external assets) showing analysed articles with
 * entities highlighted by type, quotes coloured by speaker (speaker and cue on hover),
 * persuasion techniques underlined (name and definition on hover), and a side panel of voices,
 * claims, techniques, credits and entities.
 *
 * <p>Article text is untrusted: every piece of it goes through {@link #escape}.
 */
public final class HtmlReport {
  private static final Map<String, String> COLOURS =
      new java.util.TreeMap<>(Map.of(
          "PERSON", "#fde68a", "ORGANIZATION", "#bfdbfe", "LOCATION", "#bbf7d0", "DATE", "#e9d5ff",
          "MONEY", "#fecaca", "PERCENT", "#fed7aa", "NUMBER", "#e5e7eb")); // sorted: the same page on every run
  private static final String OTHER_COLOUR = "#f5f5f4";
  /** Text colours for quotes, one per speaker in order of words spoken, then round again. */
  private static final List<String> VOICE_COLOURS =
      List.of("#b91c1c", "#1d4ed8", "#047857", "#7e22ce", "#c2410c", "#0e7490", "#a21caf", "#4d7c0f");

  /** Underline colours of the techniques, by {@link PersuasionTechnique#ordinal()}. */
  private static final List<String> TECHNIQUE_COLOURS =
      List.of("#0369a1", "#dc2626", "#9333ea", "#0f766e", "#ca8a04", "#4f46e5", "#ea580c", "#16a34a",
          "#e11d48", "#7c3aed", "#0891b2", "#be185d", "#65a30d", "#525252");
  private static final java.util.regex.Pattern PARAGRAPH_BREAK = java.util.regex.Pattern.compile("\\r?\\n[ \\t]*\\r?\\n\\s*");

  private HtmlReport() {}

  /** The page head: styles and the opening of the body. */
  public static String header(String pageTitle) {
    StringBuilder css = new StringBuilder();
    COLOURS.forEach((t, c) -> css.append(".t-").append(t).append("{background:").append(c).append("}"));
    for (int v = 0; v < VOICE_COLOURS.size(); v++) {
      css.append(".v").append(v).append("{color:").append(VOICE_COLOURS.get(v)).append("}");
    }
    for (int k = 0; k < TECHNIQUE_COLOURS.size(); k++) {
      css.append(".tk").append(k).append("{text-decoration-color:").append(TECHNIQUE_COLOURS.get(k)).append("}");
    }
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        + "<title>" + escape(pageTitle) + "</title><style>"
        + "body{font:16px/1.6 Georgia,serif;margin:0;background:#fafaf9;color:#1c1917}"
        + "article.pl{display:grid;grid-template-columns:minmax(0,3fr) minmax(220px,1fr);gap:2em;"
        + "max-width:1200px;margin:2em auto;padding:0 1em;border-bottom:1px solid #d6d3d1}"
        + "h1{font-size:1.6em;margin:.2em 0}.meta{color:#57534e;font:14px sans-serif}"
        + ".body p{margin:0 0 1em}mark{padding:0;background:" + OTHER_COLOUR + "}"
        + ".tq{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:4px}"
        + "aside{font:14px/1.5 sans-serif}aside h2{font-size:1em;margin:1.2em 0 .3em}"
        + "aside ul{list-style:none;padding:0;margin:0}aside li{margin:.15em 0}"
        + ".legend span{display:inline-block;margin:0 .4em .3em 0;padding:0 .4em;border-radius:3px}"
        + ".count{color:#78716c}.alias{color:#78716c;font-size:.9em}"
        + ".claim{font:bold 11px sans-serif;color:#fff;background:#b45309;border-radius:3px;padding:0 3px;margin-right:2px}"
        + ".q{border-bottom:2px solid currentColor}.share{height:8px;background:#e7e5e4;border-radius:4px}"
        + ".share span{display:block;height:8px;background:#57534e;border-radius:4px}summary{cursor:pointer}"
        + ".stance .positive b{color:#15803d}.stance .negative b{color:#b91c1c}.flags b{color:#b45309}"
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
    Voices voices = Voices.of(doc);
    b.append("<div class=\"body\">").append(markedText(doc, voices)).append("</div></div>");
    b.append(sidePanel(doc, voices)).append("</article>\n");
    return b.toString();
  }

  /** A whole page for one article. */
  public static String page(Document doc) {
    String title = doc.article().title() == null ? doc.article().input() : doc.article().title();
    return header("PressLens: " + title) + article(doc) + footer();
  }

  /** An element laid over a span of the text: its tags, and its nesting rank (outermost first). */
  private record Layer(Span span, int rank, String open, String close) {}

  /**
   * The text with quote content coloured by speaker, techniques underlined and entity mentions
   * marked, each with what it is on hover. These overlap freely, so the text is cut at every edge
   * and each piece is wrapped in the elements over it, quotes outermost: the page stays well
   * nested whatever overlaps what. Claim badges go before their claims.
   */
  private static String markedText(Document doc, Voices voices) {
    Text text = doc.text();
    List<Layer> layers = new ArrayList<>();
    for (int v = 0; v < voices.voices().size(); v++) {
      Voices.Voice voice = voices.voices().get(v);
      for (Quote q : voice.quotes()) {
        String open = "<span class=\"q v" + v % VOICE_COLOURS.size() + "\" title=\""
            + escape(voice.name() + " (" + q.cue().text() + ") · " + q.kind()) + "\">";
        q.content().forEach(s -> layers.add(new Layer(s, 0, open, "</span>")));
      }
    }
    for (Technique t : doc.techniques()) {
      PersuasionTechnique.of(t.technique()).ifPresent(kind -> layers.add(new Layer(t.span(), 1,
          "<span class=\"tq tk" + kind.ordinal() + "\" title=\"" + escape(kind.title() + ": " + kind.definition()
              + String.format(java.util.Locale.ROOT, " (score %.2f; ", t.score()) + voices.speakerOf(t.quote()) + ")") + "\">",
          "</span>")));
    }
    for (Entity e : doc.entities()) {
      String open = "<mark class=\"t-" + escape(e.type()) + "\" title=\"" + escape(e.type() + ": " + e.name()) + "\">";
      e.mentions().forEach(m -> layers.add(new Layer(m.span(), 2, open, "</mark>")));
    }
    java.util.TreeMap<Integer, String> badges = claimBadges(doc);
    java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>(badges.keySet());
    cuts.add(0);
    cuts.add(text.length());
    for (Layer l : layers) {
      cuts.add(Math.min(l.span().start(), text.length()));
      cuts.add(Math.min(l.span().end(), text.length()));
    }
    layers.sort(java.util.Comparator.comparing(Layer::span));
    List<Layer> active = new ArrayList<>();
    int next = 0;
    StringBuilder b = new StringBuilder("<p>");
    int from = 0;
    for (int to : cuts.tailSet(0, false)) {
      int at = from;
      String badge = badges.get(at);
      if (badge != null) {
        b.append(badge);
      }
      active.removeIf(l -> l.span().end() <= at);
      for (; next < layers.size() && layers.get(next).span().start() <= at; next++) {
        if (layers.get(next).span().end() > at) {
          active.add(layers.get(next));
        }
      }
      active.sort(java.util.Comparator.comparingInt(Layer::rank).thenComparing(Layer::span));
      appendWrapped(b, text, at, to, active);
      from = to;
    }
    return b.append("</p>").toString();
  }

  /**
   * Text {@code [from, to)} inside the given elements; blank lines become paragraph breaks (with
   * the elements closed around them) and single newlines line breaks.
   */
  private static void appendWrapped(StringBuilder b, Text text, int from, int to, List<Layer> active) {
    if (from >= to) {
      return;
    }
    String plain = text.slice(new Span(from, to));
    java.util.regex.Matcher breaks = PARAGRAPH_BREAK.matcher(plain);
    int at = 0;
    while (true) {
      boolean found = breaks.find();
      String piece = plain.substring(at, found ? breaks.start() : plain.length());
      if (!piece.isEmpty()) {
        active.forEach(l -> b.append(l.open()));
        b.append(escape(piece).replace("\n", "<br>"));
        for (int k = active.size() - 1; k >= 0; k--) {
          b.append(active.get(k).close());
        }
      }
      if (!found) {
        return;
      }
      b.append("</p><p>");
      at = breaks.end();
    }
  }

  /** A badge before each check-worthy claim, with its score and what to check on hover. */
  private static java.util.TreeMap<Integer, String> claimBadges(Document doc) {
    java.util.TreeMap<Integer, String> badges = new java.util.TreeMap<>();
    for (Claim c : doc.claims()) {
      if (!c.checkworthy()) {
        continue;
      }
      String score = String.format(java.util.Locale.ROOT, "%.2f", c.score());
      String check = Claims.whatToCheck(c);
      String title = "Check-worthy claim, score " + score + (check.isEmpty() ? "" : ". Check: " + check);
      badges.merge(c.span().start(), "<span class=\"claim\" title=\"" + escape(title) + "\">✓ " + score + "</span>",
          (x, y) -> x);
    }
    return badges;
  }

  private static String sidePanel(Document doc, Voices voices) {
    StringBuilder b = new StringBuilder("<aside>");
    if (doc.provenance() != null) {
      b.append("<h2>Provenance</h2><p class=\"provenance\">").append(escape(doc.provenance().summary())).append("</p>");
      if (!doc.provenance().flags().isEmpty()) {
        b.append("<ul class=\"flags\">");
        doc.provenance().flags().forEach(f -> b.append("<li><b>").append(escape(f.type())).append("</b> ")
            .append(escape(f.evidence())).append("</li>"));
        b.append("</ul>");
      }
    }
    voicesPanel(b, doc, voices);
    claimsPanel(b, doc, voices);
    techniquesPanel(b, doc);
    stancePanel(b, doc, voices);
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

  /** Who speaks: a bar of quoted against reporter's words, then each speaker and their quotes. */
  private static void voicesPanel(StringBuilder b, Document doc, Voices voices) {
    long quoted = Math.round(100 * voices.quotedShare());
    b.append("<h2>Voices</h2><div class=\"share\" role=\"img\" aria-label=\"").append(quoted)
        .append("% quoted or reported speech\"><span style=\"width:").append(quoted).append("%\"></span></div>")
        .append("<p class=\"count\">").append(quoted).append("% of the words quoted or reported, ")
        .append(100 - quoted).append("% the reporter's own</p>");
    if (voices.voices().isEmpty()) {
      b.append("<p class=\"count\">Nobody is quoted.</p>");
      return;
    }
    b.append("<ul class=\"voices\">");
    for (int v = 0; v < voices.voices().size(); v++) {
      Voices.Voice voice = voices.voices().get(v);
      b.append("<li><details><summary><span class=\"q v").append(v % VOICE_COLOURS.size()).append("\">")
          .append(escape(voice.name())).append("</span> <span class=\"count\">").append(voice.quotes().size())
          .append(voice.quotes().size() == 1 ? " quote, " : " quotes, ").append(voice.words())
          .append(" words</span></summary><ul>");
      for (Quote q : voice.quotes()) {
        String content = String.join(" … ", q.content().stream().map(s -> doc.text().slice(s)).toList());
        b.append("<li class=\"alias\">").append(escape(q.kind())).append(": ")
            .append(escape(content.length() > 160 ? content.substring(0, 159) + "…" : content)).append("</li>");
      }
      b.append("</ul></details></li>");
    }
    b.append("</ul>");
  }

  /** Check-worthy claims, highest score first, with who made them and what to check. */
  private static void claimsPanel(StringBuilder b, Document doc, Voices voices) {
    List<Claims.Ranked> ranked = Claims.ranked(doc, voices);
    b.append("<h2>Claims to check</h2>");
    if (ranked.isEmpty()) {
      b.append("<p class=\"count\">None found.</p>");
      return;
    }
    b.append("<ol class=\"claims\">");
    for (Claims.Ranked r : ranked) {
      b.append("<li><span class=\"claim\">").append(String.format(java.util.Locale.ROOT, "%.2f", r.claim().score()))
          .append("</span> ").append(escape(Claims.abbreviate(r.text(), 160)))
          .append(" <span class=\"alias\">— ").append(escape(r.speaker())).append("</span>");
      if (!r.claim().checkables().isEmpty()) {
        b.append("<br><span class=\"alias\">check: ")
            .append(escape(Claims.whatToCheck(r.claim())))
            .append("</span>");
      }
      b.append("</li>");
    }
    b.append("</ol>");
  }

  /** Share of words in technique spans, then each technique found, by voice, as the legend. */
  private static void techniquesPanel(StringBuilder b, Document doc) {
    TechniqueSummary summary = TechniqueSummary.of(doc);
    long share = Math.round(100 * summary.coveredShare());
    b.append("<h2>Persuasion techniques</h2><div class=\"share\" role=\"img\" aria-label=\"").append(share)
        .append("% of the words in technique spans\"><span style=\"width:").append(share).append("%\"></span></div>")
        .append("<p class=\"count\">").append(share).append("% of the words; ").append(summary.total().reporter())
        .append(" by the reporter, ").append(summary.total().quoted()).append(" in quotes</p>");
    if (summary.counts().isEmpty()) {
      b.append("<p class=\"count\">None found.</p>");
      return;
    }
    b.append("<ul class=\"techniques\">");
    summary.counts().forEach((kind, split) -> b.append("<li><span class=\"tq tk").append(kind.ordinal())
        .append("\" title=\"").append(escape(kind.definition())).append("\">").append(escape(kind.title()))
        .append("</span> <span class=\"count\">").append(split.reporter()).append(" reporter · ")
        .append(split.quoted()).append(" quotes</span></li>"));
    b.append("</ul>");
  }

  /** How each holder portrays each entity; the evidence on hover. */
  private static void stancePanel(StringBuilder b, Document doc, Voices voices) {
    if (!doc.has(org.presslens.core.Layer.STANCE)) {
      return;
    }
    b.append("<h2>Stance</h2>");
    if (doc.stance().isEmpty()) {
      b.append("<p class=\"count\">No person or organisation scored.</p>");
      return;
    }
    Map<String, Entity> entities = new java.util.HashMap<>();
    doc.entities().forEach(e -> entities.put(e.id(), e));
    b.append("<ul class=\"stance\">");
    for (org.presslens.core.Stance st : doc.stance()) {
      String holder = org.presslens.core.Stance.REPORTER.equals(st.holder()) ? Voices.REPORTER : voices.speakerOf(st.holder());
      String evidence = String.join(" … ", st.evidence().stream().map(span -> doc.text().slice(span)).toList());
      b.append("<li class=\"").append(escape(st.polarity())).append("\" title=\"").append(escape(evidence)).append("\">")
          .append(escape(entities.get(st.entity()).name())).append(": <b>").append(escape(st.polarity())).append("</b> ")
          .append(String.format(java.util.Locale.ROOT, "%+.2f", st.score()))
          .append(" <span class=\"alias\">by ").append(escape(holder)).append("</span></li>");
    }
    b.append("</ul>");
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
