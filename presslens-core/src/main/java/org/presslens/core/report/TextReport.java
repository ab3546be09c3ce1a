package org.presslens.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presslens.core.Article;
import org.presslens.core.Credit;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Quote;

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
    if (doc.provenance() != null) {
      b.append("\nProvenance: ").append(doc.provenance().summary()).append('\n');
      for (org.presslens.core.Provenance.Flag f : doc.provenance().flags()) {
        b.append("  ! ").append(f.type()).append(": ").append(f.evidence()).append('\n');
      }
    }
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
    Voices voices = Voices.of(doc);
    voices(b, doc, voices);
    claims(b, doc, voices);
    techniques(b, doc, voices);
    stance(b, doc, voices);
    return b.toString();
  }

  /** How each holder portrays each entity, with the sentence that shows it most. */
  private static void stance(StringBuilder b, Document doc, Voices voices) {
    if (!doc.has(org.presslens.core.Layer.STANCE)) {
      return;
    }
    b.append("\nStance towards people and organisations\n");
    if (doc.stance().isEmpty()) {
      b.append("  (none found)\n");
    }
    Map<String, Entity> entities = new LinkedHashMap<>();
    doc.entities().forEach(e -> entities.put(e.id(), e));
    for (org.presslens.core.Stance st : doc.stance()) {
      String holder = org.presslens.core.Stance.REPORTER.equals(st.holder()) ? Voices.REPORTER : voices.speakerOf(st.holder());
      b.append(String.format(java.util.Locale.ROOT, "  %-28s %-9s %+.2f  by %s%n", entities.get(st.entity()).name(),
          st.polarity(), st.score(), holder));
      if (!st.evidence().isEmpty()) {
        b.append("        \"").append(Claims.abbreviate(doc.text().slice(st.evidence().get(0)), 110)).append("\"\n");
      }
    }
  }

  /** Persuasion techniques: a table of counts by voice, then each span with its speaker. */
  private static void techniques(StringBuilder b, Document doc, Voices voices) {
    TechniqueSummary summary = TechniqueSummary.of(doc);
    TechniqueSummary.Split total = summary.total();
    b.append(String.format("%nPersuasion techniques  (%d%% of the words; %d by the reporter, %d in quotes)%n",
        Math.round(100 * summary.coveredShare()), total.reporter(), total.quoted()));
    if (doc.techniques().isEmpty()) {
      b.append("  (none found)\n");
      return;
    }
    b.append(String.format("  %-38s %8s %7s%n", "technique", "reporter", "quotes"));
    summary.counts().forEach((kind, split) ->
        b.append(String.format("  %-38s %8d %7d%n", kind.title(), split.reporter(), split.quoted())));
    b.append('\n');
    for (org.presslens.core.Technique t : doc.techniques()) {
      String name = org.presslens.core.PersuasionTechnique.of(t.technique()).map(k -> k.title()).orElse(t.technique());
      b.append(String.format(java.util.Locale.ROOT, "  %.2f  %-28s \"%s\"  — %s%n", t.score(), name,
          Claims.abbreviate(doc.text().slice(t.span()), 100), voices.speakerOf(t.quote())));
    }
  }

  /** Check-worthy claims, highest score first, with who made them and what to check. */
  private static void claims(StringBuilder b, Document doc, Voices voices) {
    List<Claims.Ranked> ranked = Claims.ranked(doc, voices);
    b.append("\nClaims to check\n");
    if (ranked.isEmpty()) {
      b.append("  (none found)\n");
    }
    for (Claims.Ranked r : ranked) {
      b.append(String.format(java.util.Locale.ROOT, "  %.2f  %s  — %s%n", r.claim().score(), Claims.abbreviate(r.text(), 140), r.speaker()));
      if (!r.claim().checkables().isEmpty()) {
        b.append("        check: ").append(String.join("; ", r.claim().checkables().stream().map(k -> k.mention().text() + " (" + k.type() + ")").toList())).append('\n');
      }
    }
  }

  /** Who speaks, how much, and each quote under its speaker. */
  private static void voices(StringBuilder b, Document doc, Voices v) {
    b.append(String.format("%nVoices  (%d%% of the words quoted or reported, %d%% in the reporter's own voice)%n",
        Math.round(100 * v.quotedShare()), Math.round(100 * (1 - v.quotedShare()))));
    if (v.voices().isEmpty()) {
      b.append("  (nobody is quoted)\n");
    }
    for (Voices.Voice voice : v.voices()) {
      b.append("  ").append(voice.name()).append("  ").append(voice.quotes().size())
          .append(voice.quotes().size() == 1 ? " quote, " : " quotes, ").append(voice.words()).append(" words\n");
      for (Quote q : voice.quotes()) {
        String content = String.join(" … ", q.content().stream().map(s -> doc.text().slice(s)).toList());
        b.append(String.format("    %-8s \"%s\"", q.kind(), Claims.abbreviate(content, 120)));
        b.append("  (").append(q.speaker() == null ? "" : q.speaker().text() + " ").append(q.cue().text()).append(")\n");
      }
    }
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
