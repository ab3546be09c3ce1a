package org.presslens.nlp.provenance;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 *   <li>{@code affiliated-source}: an organisation in the chain behind the publisher or origin
 *       (its owner, their parent, an affiliated organisation: {@link OutletRegistry#chain}) is one
 *       that the article (in its own voice or a quote) portrays positively, or one of them opposes
 *       an organisation the article portrays negatively; the evidence names the chain, each tie's
 *       reference, and the sentence;
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
  /** Ties a summary names for one outlet; the flags and {@code presslens registry show} give them all. */
  private static final int MAX_TIES_SHOWN = 3;
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
      Outlet outlet = registry.byDomain(a.source().domain()).or(() -> lookUp(doc, a.source().name())).orElse(null);
      String name = outlet != null ? outlet.name() : a.source().name() != null ? a.source().name() : a.source().domain();
      publisher = new Provenance.Party(name, a.source().domain(), a.source().domain() != null ? "url" : "metadata", outlet);
    }
    Credit credit = a.credits().stream().filter(c -> ORIGINS.contains(c.kind())).findFirst().orElse(null);
    Provenance.Party origin = null;
    if (credit != null) {
      Outlet outlet = lookUp(doc, credit.name()).orElse(null);
      origin = new Provenance.Party(outlet != null ? outlet.name() : credit.name(),
          outlet != null && !outlet.domains().isEmpty() ? outlet.domains().get(0) : null, credit.kind().label(), outlet);
    }

    List<Provenance.Flag> flags = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    // An organisation's own site naming itself as the source: one party, and no copy of anything.
    boolean selfCredited = origin != null && publisher != null && origin.outlet() != null && origin.outlet().equals(publisher.outlet());
    if (selfCredited) {
      summary.add("Published by " + describe(publisher) + ", which credits itself as the source");
    } else if (credit != null && REPUBLISHED.contains(credit.kind())) {
      flags.add(new Provenance.Flag("syndicated-copy", "\"" + credit.text() + "\""));
      summary.add("Republished from " + describe(origin));
    } else if (origin != null) {
      summary.add("Wire copy from " + describe(origin));
    }
    if (publisher != null && !selfCredited) {
      summary.add((summary.isEmpty() ? "Published by " : "published by ") + describe(publisher));
    }
    Set<String> portrayals = new LinkedHashSet<>();
    for (Provenance.Party party : new Provenance.Party[] {origin, selfCredited ? null : publisher}) {
      if (party == null) {
        continue;
      }
      if (party.outlet() == null) {
        flags.add(new Provenance.Flag("unrated-source", party.name() + " is not in the outlet registry"));
        continue;
      }
      for (List<OutletRegistry.Tie> path : registry.chain(party.outlet())) {
        OutletRegistry.Tie last = path.get(path.size() - 1);
        String polarity = last.type().equals("opposes") ? "negative" : "positive";
        Stance st = portrayed(doc, registry.names(last.to()), polarity);
        String portrayal = last.to() + " portrayed " + polarity + "ly";
        if (st != null && portrayals.add(portrayal)) {
          flags.add(new Provenance.Flag("affiliated-source", chain(party.outlet().name(), path) + "; the article portrays "
              + last.to() + " " + polarity + "ly" + evidence(doc, st)));
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
    summary.addAll(portrayals);
    if (summary.isEmpty()) {
      summary.add("Publisher unknown");
    }
    if (flags.isEmpty()) {
      summary.add("no flags");
    }
    String line = String.join("; ", summary);
    doc.setProvenance(new Provenance(publisher, origin, flags, Character.toUpperCase(line.charAt(0)) + line.substring(1)));
  }

  /**
   * The registry's outlet for a name the article gives, else for the names the entity stage
   * resolved it with: a credit line saying "VAN" finds Valley Action Network when the article
   * spells it out once.
   */
  private Optional<Outlet> lookUp(Document doc, String name) {
    Optional<Outlet> direct = registry.byName(name);
    if (direct.isPresent() || name == null) {
      return direct;
    }
    Entity entity = entityNamed(doc, List.of(name));
    if (entity == null) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    names.add(entity.name());
    names.addAll(entity.aliases());
    return names.stream().map(registry::byName).flatMap(Optional::stream).findFirst();
  }

  /** "Valley Action Network → owner: Valley Rivers Alliance (REFERENCE) → member of: Clean Rivers Movement (REFERENCE)". */
  static String chain(String outlet, List<OutletRegistry.Tie> path) {
    StringBuilder out = new StringBuilder(outlet);
    for (OutletRegistry.Tie tie : path) {
      out.append(" → ").append(tie.type()).append(": ").append(tie.to());
      if (tie.reference() != null) {
        out.append(" (").append(tie.reference()).append(')');
      }
    }
    return out.toString();
  }

  /** "X (advocacy group, affiliated with Y)" or "X (unrated)". */
  private static String describe(Provenance.Party party) {
    if (party.outlet() == null) {
      return party.name() + " (unrated)";
    }
    List<String> facts = new ArrayList<>();
    if (party.outlet().kind() != null) {
      facts.add(party.outlet().kind());
    }
    party.outlet().affiliations().stream().map(t -> phrase(t.type(), t.with())).distinct().limit(MAX_TIES_SHOWN).forEach(facts::add);
    return facts.isEmpty() ? party.name() : party.name() + " (" + String.join(", ", facts) + ")";
  }

  /** A tie as the summary reads it. */
  private static String phrase(String type, String with) {
    return switch (type == null ? "" : type) {
      case "owner", "owned by" -> "owned by " + with;
      case "parent organization", "parent organisation" -> "part of " + with;
      case "member of" -> "member of " + with;
      case "political alignment", "political ideology" -> with;
      default -> "affiliated with " + with;
    };
  }

  /** A holder's stance of this polarity towards the entity named so, or null. */
  private static Stance portrayed(Document doc, List<String> names, String polarity) {
    Entity entity = entityNamed(doc, names);
    return entity == null ? null : doc.stance().stream()
        .filter(s -> s.entity().equals(entity.id()) && s.polarity().equals(polarity)).findFirst().orElse(null);
  }

  private static String evidence(Document doc, Stance st) {
    return st.evidence().isEmpty() ? "" : ": \"" + doc.text().slice(st.evidence().get(0)) + "\"";
  }

  /** The article's entity with one of these names as its name or alias, ignoring case. */
  private static Entity entityNamed(Document doc, List<String> names) {
    for (String name : names) {
      String wanted = name.toLowerCase(Locale.ROOT);
      for (Entity e : doc.entities()) {
        if (e.name().toLowerCase(Locale.ROOT).equals(wanted)
            || e.aliases().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(wanted))) {
          return e;
        }
      }
    }
    return null;
  }
}
