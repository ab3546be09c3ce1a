package org.presslens.nlp.provenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.presslens.core.Annotator;
import org.presslens.core.Article;
import org.presslens.core.Credit;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Layer;
import org.presslens.core.Outlet;
import org.presslens.core.Provenance;
import org.presslens.core.Stance;
import org.presslens.core.report.Voices;

/**
 * Who is behind an article. The publisher comes from the article's source (its domain, else the
 * name its page gives), the origin from its first credit line that names where the text came
 * from; both are looked up in the {@link OutletRegistry}. Then the flags, each with its evidence:
 *
 * <ul>
 *   <li>{@code affiliated-source}: the publisher or origin is affiliated with an organisation
 *       that the article (in its own voice or a quote) portrays positively, or opposes one that
 *       it portrays negatively;
 *   <li>{@code single-voice}: one speaker has most of the article's quoted and reported words;
 *   <li>{@code unrated-source}: the publisher or origin is not in the registry;
 *   <li>{@code syndicated-copy}: a credit line says the text was first published elsewhere.
 * </ul>
 */
public final class ProvenanceAnnotator implements Annotator {
  /** Share of the quoted words one speaker must hold for a single-voice flag. */
  static final double SINGLE_VOICE = 0.6;
  /** Fewer quoted words than this make no voice "dominant": a two-line quote is not a campaign. */
  static final int MIN_QUOTED_WORDS = 30;
  private static final Set<Credit.Kind> ORIGINS = Set.of(Credit.Kind.SOURCE_LINE, Credit.Kind.ORIGINALLY_PUBLISHED,
      Credit.Kind.WIRE_DATELINE, Credit.Kind.BYLINE_AGENCY);
  private static final Set<Credit.Kind> REPUBLISHED = Set.of(Credit.Kind.SOURCE_LINE, Credit.Kind.ORIGINALLY_PUBLISHED);

  private final OutletRegistry registry;

  public ProvenanceAnnotator(OutletRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String name() {
    return "provenance";
  }

  @Override
  public Set<Layer> requires() {
    return Set.of(Layer.TOKENS, Layer.ENTITIES, Layer.QUOTES, Layer.STANCE);
  }

  @Override
  public Set<Layer> provides() {
    return Set.of(Layer.PROVENANCE);
  }

  @Override
  public void annotate(Document doc) {
    Article a = doc.article();
    Provenance.Party publisher = null;
    if (a.source().domain() != null || a.source().name() != null) {
      Outlet outlet = registry.byDomain(a.source().domain()).or(() -> registry.byName(a.source().name())).orElse(null);
      String name = outlet != null ? outlet.name() : a.source().name() != null ? a.source().name() : a.source().domain();
      publisher = new Provenance.Party(name, a.source().domain(), a.source().domain() != null ? "url" : "metadata", outlet);
    }
    Credit credit = a.credits().stream().filter(c -> ORIGINS.contains(c.kind())).findFirst().orElse(null);
    Provenance.Party origin = null;
    if (credit != null) {
      Outlet outlet = registry.byName(credit.name()).orElse(null);
      origin = new Provenance.Party(outlet != null ? outlet.name() : credit.name(),
          outlet != null && !outlet.domains().isEmpty() ? outlet.domains().get(0) : null, credit.kind().label(), outlet);
    }

    List<Provenance.Flag> flags = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    if (credit != null && REPUBLISHED.contains(credit.kind())) {
      flags.add(new Provenance.Flag("syndicated-copy", "\"" + credit.text() + "\""));
      summary.add("Republished from " + describe(origin));
    } else if (origin != null) {
      summary.add("Wire copy from " + describe(origin));
    }
    if (publisher != null) {
      summary.add((summary.isEmpty() ? "Published by " : "published by ") + describe(publisher));
    }
    List<String> portrayals = new ArrayList<>();
    for (Provenance.Party party : new Provenance.Party[] {origin, publisher}) {
      if (party == null) {
        continue;
      }
      if (party.outlet() == null) {
        flags.add(new Provenance.Flag("unrated-source", party.name() + " is not in the outlet registry"));
        continue;
      }
      for (Outlet.Affiliation aff : party.outlet().affiliations()) {
        Stance st = portrayed(doc, aff.with(), "positive");
        if (st != null) {
          flags.add(new Provenance.Flag("affiliated-source", party.name() + " (" + aff.type() + ": " + aff.with() + ", "
              + aff.reference() + "); the article portrays " + aff.with() + " positively" + evidence(doc, st)));
          portrayals.add(aff.with() + " portrayed positively");
        }
      }
      for (Outlet.Affiliation opponent : party.outlet().opponents()) {
        Stance st = portrayed(doc, opponent.with(), "negative");
        if (st != null) {
          flags.add(new Provenance.Flag("affiliated-source", party.name() + " (opposes " + opponent.with() + ", "
              + opponent.reference() + "); the article portrays " + opponent.with() + " negatively" + evidence(doc, st)));
          portrayals.add(opponent.with() + " portrayed negatively");
        }
      }
    }
    Voices voices = Voices.of(doc);
    if (voices.quotedWords() >= MIN_QUOTED_WORDS && !voices.voices().isEmpty()) {
      Voices.Voice top = voices.voices().get(0);
      double share = (double) top.words() / voices.quotedWords();
      if (share >= SINGLE_VOICE && !top.name().equals(Voices.UNATTRIBUTED)) {
        long ofArticle = Math.round(100.0 * top.words() / Math.max(1, voices.totalWords()));
        flags.add(new Provenance.Flag("single-voice", String.format(Locale.ROOT,
            "%d%% of the quoted and reported words are %s's (%d quotes); %d%% of the article's words", Math.round(100 * share),
            top.name(), top.quotes().size(), ofArticle)));
        summary.add(ofArticle + "% of the text is quotes from " + top.name());
      }
    }
    portrayals.stream().distinct().forEach(summary::add);
    if (summary.isEmpty()) {
      summary.add("Publisher unknown");
    }
    if (flags.isEmpty()) {
      summary.add("no flags");
    }
    String line = String.join("; ", summary);
    doc.setProvenance(new Provenance(publisher, origin, flags, Character.toUpperCase(line.charAt(0)) + line.substring(1)));
  }

  /** "X (state media: Government of Y)" or "X (unrated)". */
  private static String describe(Provenance.Party party) {
    if (party.outlet() == null) {
      return party.name() + " (unrated)";
    }
    List<String> ties = party.outlet().affiliations().stream().map(a -> "affiliated with " + a.with()).distinct().toList();
    String kind = party.outlet().kind();
    List<String> facts = new ArrayList<>();
    if (kind != null) {
      facts.add(kind);
    }
    facts.addAll(ties);
    return facts.isEmpty() ? party.name() : party.name() + " (" + String.join(", ", facts) + ")";
  }

  /** A holder's stance of this polarity towards the entity named so, or null. */
  private static Stance portrayed(Document doc, String name, String polarity) {
    Entity entity = entityNamed(doc, name);
    return entity == null ? null : doc.stance().stream()
        .filter(s -> s.entity().equals(entity.id()) && s.polarity().equals(polarity)).findFirst().orElse(null);
  }

  private static String evidence(Document doc, Stance st) {
    return st.evidence().isEmpty() ? "" : ": \"" + doc.text().slice(st.evidence().get(0)) + "\"";
  }

  /** The article's entity with this name or alias, ignoring case. */
  private static Entity entityNamed(Document doc, String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Entity e : doc.entities()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(wanted)
          || e.aliases().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(wanted))) {
        return e;
      }
    }
    return null;
  }
}
