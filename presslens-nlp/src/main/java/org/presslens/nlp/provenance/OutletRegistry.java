package org.presslens.nlp.provenance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.presslens.core.Outlet;

/**
 * The outlets and organisations PressLens knows, and the ties between them. Three tiers are laid
 * over one another, later ones winning fact by fact: the curated list shipped with PressLens
 * ({@code outlets.json}: wires, state media, major outlets), then registries built from Wikidata
 * ({@code presslens registry build}, marked {@code "built_from": "wikidata"}), then the user's own
 * files. A user file is a registry in the same JSON format or a rating table (TSV or CSV with a
 * header and a {@code domain} or {@code source_url_normalized} column, such as the Baly et al. and
 * Idiap files), whose other columns become ratings of the outlet with that domain.
 *
 * <p>Entries that describe the same outlet merge: the same Wikidata item, the same name, or a
 * shared domain. A later file's kind, owner and country replace the earlier ones; its domains,
 * aliases, references and ties are added (a tie with the same type and organisation takes the
 * later reference). {@link #fileOf} says which file each fact came from.
 *
 * <p>An entry's {@code owner} and its affiliations name organisations; where the registry has an
 * entry for one (by its Wikidata item, else its name or alias) {@link #chain} follows it on, to
 * {@link #CHAIN_DEPTH} ties from the outlet. Lookups are hash lookups and never guess: an outlet
 * not found is unrated, and a short name that two entries share matches neither.
 */
public final class OutletRegistry {
  /**
   * How many ties {@link #chain} follows from an outlet: outlet → owner → parent organisation →
   * affiliated organisation. Deeper ties (a conglomerate's shareholders' memberships) say more
   * about the economy than about the article.
   */
  public static final int CHAIN_DEPTH = 3;
  /** Tie types that describe an outlet's politics, not an organisation behind it: shown, never followed. */
  static final Set<String> NOT_FOLLOWED = Set.of("political alignment", "political ideology", "opposes");
  /**
   * Ties to a state or government, where a chain ends: a state's own memberships and alliances
   * (the UN, NATO, a trade bloc) are its foreign policy, not ties of every outlet it owns.
   */
  static final Set<String> ENDS_CHAIN = Set.of("state owner", "state media", "government body");

  private static final String RESOURCE = "outlets.json";
  private static final String SHIPPED = "shipped outlets.json";
  /** Columns of rating tables that describe the row rather than rate the outlet. */
  private static final List<String> NOT_RATINGS = List.of("source_url", "source_url_normalized", "domain", "ref", "label_source");
  private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");
  private static final Pattern ACRONYM = Pattern.compile("(?:[A-Z]\\.?){2,8}");
  private static final Set<String> ACRONYM_SKIPS = Set.of("the", "of", "and", "for", "in", "on", "a", "de", "la", "le", "du", "des", "el");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One file's entries, and which tier it belongs to. */
  private record Layer(int tier, List<Entry> entries) {}

  private final List<Layer> layers;
  private final List<Entry> entries;
  private final Map<String, Entry> byDomain;
  private final Map<String, Entry> byName;
  private final Map<String, Entry> byWikidata;
  /** Domain labels ("valleyaction" of valleyaction.example) and acronyms, {@link Entry#AMBIGUOUS} where two entries share one. */
  private final Map<String, Entry> byShortName;
  private final Map<Outlet, Entry> byOutlet;
  /** The registry a background load ({@link #loading}) will give, which every method waits for; null when this is it. */
  private final CompletableFuture<OutletRegistry> pending;

  private OutletRegistry(CompletableFuture<OutletRegistry> pending) {
    this.pending = pending;
    layers = List.of();
    entries = List.of();
    byDomain = byName = byWikidata = byShortName = Map.of();
    byOutlet = Map.of();
  }

  /**
   * Merges the layers' entries, tier by tier, and indexes the result. An entry that one file
   * alone describes is used as parsed (merges copy first: a layer's entries never change, and
   * every registry laid over this one reuses them).
   */
  private OutletRegistry(List<Layer> layers) {
    this.pending = null;
    this.layers = List.copyOf(layers);
    List<Layer> ordered = new ArrayList<>(layers);
    ordered.sort((a, b) -> Integer.compare(a.tier(), b.tier())); // stable: files keep their order within a tier
    int expected = ordered.stream().mapToInt(l -> l.entries().size()).sum();
    entries = new ArrayList<>(expected);
    byDomain = new HashMap<>(expected * 3);
    byName = new HashMap<>(expected * 2);
    byWikidata = new HashMap<>(expected * 2);
    byShortName = new HashMap<>(expected * 3);
    byOutlet = new HashMap<>(expected * 2);
    Map<Entry, Integer> position = new java.util.IdentityHashMap<>(expected * 2);
    for (Layer layer : ordered) {
      for (Entry e : layer.entries()) {
        Entry target = e.wikidata != null ? byWikidata.get(e.wikidata) : null;
        if (target == null) {
          target = known(byName.get(e.nameKey));
        }
        for (int i = 0; target == null && i < e.domains.size(); i++) {
          target = byDomain.get(e.domains.get(i));
        }
        if (target == null && e.ratingRow) {
          String parent = indexedDomain(e.domains.get(0), byDomain);
          target = parent == null ? null : byDomain.get(parent);
        }
        if (target != null && e.wikidata != null && target.wikidata != null && !e.wikidata.equals(target.wikidata)) {
          target = null; // two Wikidata items that share a name or a site stay two organisations
        }
        Entry merged;
        if (target == null) {
          merged = e;
          position.put(merged, entries.size());
          entries.add(merged);
        } else {
          merged = target.mergedHere ? target : Entry.copyOf(target);
          if (merged != target) {
            int at = position.remove(target);
            position.put(merged, at);
            entries.set(at, merged);
            for (String d : target.domains) {
              byDomain.replace(d, target, merged);
            }
            byName.replace(target.nameKey, target, merged);
            if (target.wikidata != null) {
              byWikidata.replace(target.wikidata, target, merged);
            }
          }
          merged.absorb(e);
        }
        for (String d : merged.domains) {
          byDomain.putIfAbsent(d, merged);
        }
        byName.merge(merged.nameKey, merged, Entry::either);
        if (merged.wikidata != null) {
          byWikidata.putIfAbsent(merged.wikidata, merged);
        }
      }
    }
    // Names first, then aliases: an outlet's own name beats another's alias.
    Map<String, Entry> aliases = new HashMap<>(expected * 2);
    for (Entry e : entries) {
      byOutlet.put(e.outlet(), e);
      for (String a : e.aliases) {
        aliases.merge(key(a), e, Entry::either);
      }
      for (String d : e.domains) {
        int dot = d.indexOf('.');
        shortName(key(dot < 0 ? d : d.substring(0, dot)), e);
      }
      shortName(acronym(e.name), e);
    }
    aliases.forEach(byName::putIfAbsent);
  }

  private void shortName(String s, Entry e) {
    if (s != null && s.length() >= 2) {
      byShortName.merge(s, e, Entry::either);
    }
  }

  private static Entry known(Entry e) {
    return e == Entry.AMBIGUOUS ? null : e;
  }

  /** The shipped registry. */
  public static OutletRegistry standard() {
    try (InputStream in = OutletRegistry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      try (JsonParser parser = JSON.getFactory().createParser(in)) {
        return new OutletRegistry(List.of(parse(parser, SHIPPED, 0)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The shipped registry with these files laid over it (as {@link #with}, in order), read on a
   * thread of its own: a registry of ten thousand outlets takes a few hundred milliseconds to
   * read in a fresh JVM, which overlap the seconds the models take instead of adding to them.
   * Every method waits for the reading to end; {@link #await} reports a file that could not be
   * read.
   */
  public static OutletRegistry loading(List<Path> files) {
    List<Path> copy = List.copyOf(files);
    CompletableFuture<OutletRegistry> future = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        OutletRegistry r = standard();
        for (Path f : copy) {
          r = r.with(f);
        }
        future.complete(r);
      } catch (Throwable e) {
        future.completeExceptionally(e);
      }
    }, "presslens-outlet-registry");
    reader.setDaemon(true);
    reader.start();
    return new OutletRegistry(future);
  }

  /** This registry, once read: a file that could not be read fails here, with its name and why. */
  public OutletRegistry await() throws IOException {
    if (pending == null) {
      return this;
    }
    try {
      return pending.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new IOException(io.getMessage(), io);
      }
      throw e;
    }
  }

  private OutletRegistry loaded() {
    try {
      return await();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * This registry with a file laid over it: a registry JSON (one built from Wikidata joins the
   * Wikidata tier, below every user file) or a rating table. A bad file fails with its name and why.
   */
  public OutletRegistry with(Path file) throws IOException {
    if (pending != null) {
      return loaded().with(file);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    List<Layer> all = new ArrayList<>(layers);
    if (name.endsWith(".json")) {
      try (JsonParser parser = JSON.getFactory().createParser(file.toFile())) {
        all.add(parse(parser, file.toString(), 2));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IOException(file + ": malformed JSON: " + e.getOriginalMessage());
      }
    } else if (name.endsWith(".tsv") || name.endsWith(".csv")) {
      all.add(new Layer(2, ratings(file, name.endsWith(".tsv") ? "\t" : ",")));
    } else {
      throw new IOException(file + ": a registry is .json, a rating table .tsv or .csv");
    }
    return new OutletRegistry(all);
  }

  /** The outlet publishing at a domain or one of its subdomains ("www.bbc.co.uk" → BBC). */
  public Optional<Outlet> byDomain(String domain) {
    if (pending != null) {
      return loaded().byDomain(domain);
    }
    if (domain == null) {
      return Optional.empty();
    }
    String d = indexedDomain(bareDomain(domain), byDomain);
    return d == null ? Optional.empty() : Optional.of(byDomain.get(d).outlet());
  }

  /**
   * The outlet or organisation a credit line or a user names: by name or alias (ignoring case,
   * punctuation and a leading "the"), Wikidata item ("Q42"), domain ("valleyaction.example"), the
   * name its domain spells ("valley-action"), or its acronym ("VAN" for Valley Action Network)
   * when no other entry shares it.
   */
  public Optional<Outlet> byName(String name) {
    if (pending != null) {
      return loaded().byName(name);
    }
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String n = name.strip();
    Entry e = byName.get(key(n));
    if (e == Entry.AMBIGUOUS) {
      return Optional.empty();
    }
    if (e == null && QID.matcher(n).matches()) {
      e = byWikidata.get(n);
    }
    if (e == null && n.indexOf('.') > 0 && !n.contains(" ")) {
      String d = indexedDomain(bareDomain(n), byDomain);
      e = d == null ? null : byDomain.get(d);
    }
    if (e == null) {
      Entry s = byShortName.get(ACRONYM.matcher(n).matches() ? n.replace(".", "").toLowerCase(Locale.ROOT) : key(n));
      e = s == Entry.AMBIGUOUS ? null : s;
    }
    return e == null ? Optional.empty() : Optional.of(e.outlet());
  }

  /** A domain or a name, as a user types it to {@code presslens registry show}. */
  public Optional<Outlet> find(String domainOrName) {
    if (pending != null) {
      return loaded().find(domainOrName);
    }
    return byName(domainOrName).or(() -> byDomain(bareDomain(domainOrName)));
  }

  /** The Wikidata item ("Q42") an outlet was built from or linked to, if any. */
  public Optional<String> wikidata(Outlet outlet) {
    if (pending != null) {
      return loaded().wikidata(outlet);
    }
    Entry e = byOutlet.get(outlet);
    return e == null ? Optional.empty() : Optional.ofNullable(e.wikidata);
  }

  /**
   * The file a fact of an outlet came from (the one that set it last), or null when the outlet
   * is not this registry's. Facts: {@code name}, {@code kind}, {@code owner}, {@code country},
   * {@code domain:D}, {@code alias:A}, {@code reference:URL}, {@code rating:R}, and {@code tie:TYPE:WITH}
   * for an affiliation or opponent.
   */
  public String fileOf(Outlet outlet, String fact) {
    if (pending != null) {
      return loaded().fileOf(outlet, fact);
    }
    Entry e = byOutlet.get(outlet);
    return e == null ? null : e.files.getOrDefault(fact, e.file);
  }

  /** The fact key of a tie for {@link #fileOf}. */
  public static String tieFact(Outlet.Affiliation tie) {
    return "tie:" + tie.type() + ":" + tie.with();
  }

  /**
   * One tie in a chain: {@code from} is tied to {@code to} as {@code type} ("owner", "owned by",
   * "parent organization", "affiliation", "member of", "advocacy group", "state media",
   * "opposes", …), as {@code reference} documents and {@code file} says.
   *
   * @param outlet the registry's entry for {@code to}, or null when the registry knows only its name
   */
  public record Tie(String from, String type, String to, String reference, String file, Outlet outlet) {}

  /**
   * The organisations behind an outlet, nearest first, each with the ties that lead to it: the
   * owner and affiliations, theirs, and so on to {@link #CHAIN_DEPTH} ties; each organisation once,
   * by its shortest path, so a loop in the data ends where it closes; a state or government owner
   * ends its branch ({@link #ENDS_CHAIN}). Last come the organisations
   * the outlet or any of these opposes, each path ending in an "opposes" tie.
   */
  public List<List<Tie>> chain(Outlet outlet) {
    if (pending != null) {
      return loaded().chain(outlet);
    }
    List<List<Tie>> supports = new ArrayList<>();
    List<List<Tie>> opposes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(nodeKey(outlet));
    ArrayDeque<List<Tie>> queue = new ArrayDeque<>();
    queue.add(List.of());
    while (!queue.isEmpty()) {
      List<Tie> path = queue.poll();
      Outlet at = path.isEmpty() ? outlet : path.get(path.size() - 1).outlet();
      if (at == null) {
        continue;
      }
      for (Outlet.Affiliation o : at.opponents()) {
        opposes.add(extend(path, new Tie(at.name(), "opposes", o.with(), o.reference(), fileOf(at, tieFact(o)), null)));
      }
      if (path.size() == CHAIN_DEPTH) {
        continue;
      }
      for (Tie tie : ties(at)) {
        String k = tie.outlet() != null ? nodeKey(tie.outlet()) : key(tie.to());
        if (seen.add(k)) {
          List<Tie> longer = extend(path, tie);
          supports.add(longer);
          if (!ENDS_CHAIN.contains(tie.type())) {
            queue.add(longer);
          }
        }
      }
    }
    supports.addAll(opposes);
    return supports;
  }

  /** The names an organisation goes by here: its name and aliases, or just the name given when unknown. */
  public List<String> names(String organisation) {
    if (pending != null) {
      return loaded().names(organisation);
    }
    Entry e = byName.get(key(organisation));
    if (e == null || e == Entry.AMBIGUOUS) {
      return List.of(organisation);
    }
    List<String> out = new ArrayList<>();
    out.add(e.name);
    out.addAll(e.aliases);
    if (!out.contains(organisation)) {
      out.add(0, organisation);
    }
    return out;
  }

  public int size() {
    if (pending != null) {
      return loaded().size();
    }
    return entries.size();
  }

  /** The outlet's own ties, affiliations (with their references) before the bare owner field. */
  private List<Tie> ties(Outlet at) {
    Entry e = byOutlet.get(at);
    List<Tie> out = new ArrayList<>();
    for (Outlet.Affiliation a : at.affiliations()) {
      if (!NOT_FOLLOWED.contains(a.type())) {
        Entry target = e == null ? null : resolve(e.tieTargets.get(tieFact(a)), a.with());
        out.add(new Tie(at.name(), a.type(), target != null ? target.name : a.with(), a.reference(), fileOf(at, tieFact(a)),
            target == null ? null : target.outlet()));
      }
    }
    if (at.owner() != null && !at.owner().isBlank()) {
      Entry target = resolve(null, at.owner());
      out.add(new Tie(at.name(), "owner", target != null ? target.name : at.owner(),
          at.references().isEmpty() ? null : at.references().get(0), fileOf(at, "owner"), target == null ? null : target.outlet()));
    }
    return out;
  }

  private Entry resolve(String wikidata, String name) {
    Entry e = wikidata == null ? null : byWikidata.get(wikidata);
    e = e != null ? e : byName.get(key(name));
    return e == Entry.AMBIGUOUS ? null : e;
  }

  private String nodeKey(Outlet o) {
    Entry e = byOutlet.get(o);
    return e != null && e.wikidata != null ? e.wikidata : key(o.name());
  }

  private static List<Tie> extend(List<Tie> path, Tie tie) {
    List<Tie> out = new ArrayList<>(path);
    out.add(tie);
    return List.copyOf(out);
  }

  /** The domain or nearest parent domain the index holds, never a bare public suffix ("co.uk"); null for none. */
  private static String indexedDomain(String domain, Map<String, ?> index) {
    String d = domain;
    while (true) {
      if (index.containsKey(d)) {
        return d;
      }
      int dot = d.indexOf('.');
      if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
        return null;
      }
      d = d.substring(dot + 1);
    }
  }

  /** "https://www.Example.org/x" or "www.example.org" → "example.org". */
  private static String bareDomain(String s) {
    String d = s.strip().toLowerCase(Locale.ROOT);
    int scheme = d.indexOf("://");
    if (scheme >= 0) {
      d = d.substring(scheme + 3);
    }
    int slash = d.indexOf('/');
    if (slash >= 0) {
      d = d.substring(0, slash);
    }
    return d.startsWith("www.") ? d.substring(4) : d;
  }

  /**
   * A name as the indexes hold it: lower case, without a leading "the", punctuation or spaces.
   * Written out rather than with regular expressions: a registry of ten thousand outlets keys a
   * hundred thousand names as it loads.
   */
  static String key(String name) {
    String k = name.strip();
    if (k.regionMatches(true, 0, "the", 0, 3) && k.length() > 4 && Character.isWhitespace(k.charAt(3))) {
      k = k.substring(4);
    }
    StringBuilder out = new StringBuilder(k.length());
    for (int i = 0; i < k.length(); ) {
      int c = k.codePointAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.appendCodePoint(Character.toLowerCase(c));
      }
      i += Character.charCount(c);
    }
    return out.length() > 0 ? out.toString() : k.toLowerCase(Locale.ROOT);
  }

  /** "Valley Action Network" → "van", "Agence France-Presse" → "afp"; null for one word. */
  static String acronym(String name) {
    StringBuilder out = new StringBuilder();
    int start = -1;
    for (int i = 0; i <= name.length(); i++) {
      boolean inWord = i < name.length() && Character.isLetterOrDigit(name.charAt(i));
      if (inWord && start < 0) {
        start = i;
      } else if (!inWord && start >= 0) {
        if (!ACRONYM_SKIPS.contains(name.substring(start, i).toLowerCase(Locale.ROOT))) {
          out.append(Character.toLowerCase(name.charAt(start)));
        }
        start = -1;
      }
    }
    return out.length() >= 2 ? out.toString() : null;
  }

  private List<Entry> ratings(Path file, String separator) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(file + ": empty");
    }
    List<String> header = split(lines.get(0), separator);
    int domainColumn = header.indexOf("domain") >= 0 ? header.indexOf("domain") : header.indexOf("source_url_normalized");
    if (domainColumn < 0) {
      throw new IOException(file + ": no domain or source_url_normalized column in the header");
    }
    List<Entry> out = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      List<String> cells = split(lines.get(n), separator);
      if (cells.size() <= domainColumn || cells.get(domainColumn).isBlank()) {
        continue;
      }
      String domain = bareDomain(cells.get(domainColumn));
      Entry e = new Entry();
      e.ratingRow = true;
      e.file = file.toString();
      e.name = domain;
      e.nameKey = key(domain);
      e.domains.add(domain);
      for (int c = 0; c < Math.min(header.size(), cells.size()); c++) {
        if (!NOT_RATINGS.contains(header.get(c)) && !cells.get(c).isBlank()) {
          e.ratings.put(header.get(c), cells.get(c).strip());
        }
      }
      out.add(e);
    }
    return out;
  }

  /** One line of a table; double quotes around a cell protect its separators. */
  private static List<String> split(String line, String separator) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && line.startsWith(separator, i)) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /**
   * A registry file, read as a stream of tokens into entries (a tree of ten thousand outlets
   * would cost as much again to build as to read): its tier is {@code userTier} unless it says
   * {@code "built_from": "wikidata"}.
   */
  private static Layer parse(JsonParser p, String file, int userTier) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException(file + ": not a registry (a JSON object with an \"outlets\" list)");
    }
    List<Entry> out = null;
    int tier = userTier;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("outlets") && value == JsonToken.START_ARRAY) {
        out = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
          out.add(entry(p, file, out.size() + 1));
        }
      } else if (field.equals("built_from") && "wikidata".equals(p.getValueAsString())) {
        tier = 1;
      } else {
        p.skipChildren();
      }
    }
    if (out == null) {
      throw new IOException(file + ": no \"outlets\" list");
    }
    return new Layer(tier, out);
  }

  /** One outlet object, the parser on its opening brace. */
  private static Entry entry(JsonParser p, String file, int number) throws IOException {
    Entry e = new Entry();
    e.file = file;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "name" -> e.name = text(p);
        case "wikidata" -> e.wikidata = text(p);
        case "kind" -> e.kind = text(p);
        case "owner" -> e.owner = text(p);
        case "country" -> e.country = text(p);
        case "domains" -> strings(p, d -> e.domains.add(bareDomain(d)));
        case "aliases" -> strings(p, e.aliases::add);
        case "references" -> strings(p, e.references::add);
        case "affiliations" -> ties(p, e, null, e.affiliations);
        case "opponents" -> ties(p, e, "opposes", e.opponents);
        case "ratings" -> {
          if (value == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String rating = p.currentName();
              p.nextToken();
              e.ratings.put(rating, p.getValueAsString());
              p.skipChildren();
            }
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    if (e.name == null) {
      throw new IOException(file + ": outlet number " + number + " has no name");
    }
    e.nameKey = key(e.name);
    return e;
  }

  /** A scalar's text, null for null, blank or a list or object (skipped). */
  private static String text(JsonParser p) throws IOException {
    if (p.currentToken().isStructStart()) {
      p.skipChildren();
      return null;
    }
    String s = p.getValueAsString();
    return s == null || s.isBlank() ? null : s;
  }

  private static void strings(JsonParser p, java.util.function.Consumer<String> into) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String s = text(p);
      if (s != null) {
        into.accept(s);
      }
    }
  }

  /** Ties as the file lists them: {"type", "with", "reference", "wikidata"}; {@code type} when the file leaves it out. */
  private static void ties(JsonParser p, Entry e, String type, Map<String, Outlet.Affiliation> into) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String tieType = type;
      String with = "";
      String reference = null;
      String target = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        String v = text(p);
        switch (field) {
          case "type" -> tieType = v != null ? v : type;
          case "with" -> with = v != null ? v : "";
          case "reference" -> reference = v;
          case "wikidata" -> target = v;
          default -> { }
        }
      }
      Outlet.Affiliation tie = new Outlet.Affiliation(tieType, with, reference);
      into.put(tieFact(tie), tie);
      if (target != null) {
        e.tieTargets.put(tieFact(tie), target);
      }
    }
  }

  /** What the files say about one outlet, merged in file order, with the file behind each fact. */
  private static final class Entry {
    static final Entry AMBIGUOUS = new Entry();

    String name;
    String wikidata;
    String kind;
    String owner;
    String country;
    boolean ratingRow;
    final List<String> domains = new ArrayList<>();
    final List<String> aliases = new ArrayList<>();
    final List<String> references = new ArrayList<>();
    final Map<String, Outlet.Affiliation> affiliations = new LinkedHashMap<>();
    final Map<String, Outlet.Affiliation> opponents = new LinkedHashMap<>();
    final Map<String, String> tieTargets = new HashMap<>();
    final Map<String, String> ratings = new LinkedHashMap<>();
    /** The file the entry came from, and the facts later files set (merges are rare: kept apart). */
    String file;
    String nameKey;
    /** A copy a registry made to merge into: the parsed entries stay as their files say. */
    boolean mergedHere;
    final Map<String, String> files = new HashMap<>();
    private Outlet outlet;

    /**
     * The entry two index keys share: the one with a domain (an outlet rather than its namesake
     * organisation), else neither.
     */
    static Entry either(Entry x, Entry y) {
      if (x == y) {
        return x;
      }
      if (x != AMBIGUOUS && y != AMBIGUOUS && x.domains.isEmpty() != y.domains.isEmpty()) {
        return x.domains.isEmpty() ? y : x;
      }
      return AMBIGUOUS;
    }

    static Entry copyOf(Entry parsed) {
      Entry copy = new Entry();
      copy.mergedHere = true;
      copy.absorb(parsed);
      return copy;
    }

    /** Lays a later file's entry over this one. */
    void absorb(Entry later) {
      String nameFile = files.getOrDefault("name", file);
      if (name == null) { // the first file to describe the outlet
        file = later.file;
      } else {
        later.facts().forEach(fact -> files.put(fact, later.file));
      }
      if (name == null || !later.ratingRow) {
        if (name != null && !key(name).equals(key(later.name)) && !aliases.contains(name)) {
          aliases.add(name); // the earlier name still finds the outlet
          files.put("alias:" + name, nameFile);
        }
        name = later.name;
        nameKey = later.nameKey;
      }
      if (later.wikidata != null) {
        wikidata = later.wikidata;
      }
      if (later.kind != null) {
        kind = later.kind;
      }
      if (later.owner != null) {
        owner = later.owner;
      }
      if (later.country != null) {
        country = later.country;
      }
      addAll(domains, later.domains);
      addAll(aliases, later.aliases);
      aliases.remove(name);
      addAll(references, later.references);
      affiliations.putAll(later.affiliations);
      opponents.putAll(later.opponents);
      tieTargets.putAll(later.tieTargets);
      ratings.putAll(later.ratings);
      outlet = null;
    }

    /** The keys of the facts this entry states, as {@link OutletRegistry#fileOf} names them. */
    private List<String> facts() {
      List<String> out = new ArrayList<>();
      if (!ratingRow) { // a rating row's name is only its domain: it names no outlet
        out.add("name");
      }
      if (kind != null) {
        out.add("kind");
      }
      if (owner != null) {
        out.add("owner");
      }
      if (country != null) {
        out.add("country");
      }
      domains.forEach(d -> out.add("domain:" + d));
      aliases.forEach(a -> out.add("alias:" + a));
      references.forEach(r -> out.add("reference:" + r));
      affiliations.keySet().forEach(out::add);
      opponents.keySet().forEach(out::add);
      ratings.keySet().forEach(r -> out.add("rating:" + r));
      return out;
    }

    Outlet outlet() {
      if (outlet == null) {
        outlet = new Outlet(name, domains, aliases, kind, owner, country, List.copyOf(affiliations.values()),
            List.copyOf(opponents.values()), ratings, references);
      }
      return outlet;
    }

    private static void addAll(List<String> into, Collection<String> more) {
      for (String s : more) {
        if (!into.contains(s)) {
          into.add(s);
        }
      }
    }
  }
}
