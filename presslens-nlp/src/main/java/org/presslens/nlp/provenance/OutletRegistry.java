package org.presslens.nlp.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.presslens.core.Outlet;

/**
 * The outlets PressLens knows: the curated list shipped with it ({@code outlets.json}: wires,
 * state media, major outlets, each fact with its public reference), extended or overridden by the
 * user's files. A user file is either a registry in the same JSON format (an entry replaces the
 * shipped one with the same name or a shared domain) or a rating table (TSV or CSV with a header
 * and a {@code domain} or {@code source_url_normalized} column, such as the Baly et al. and Idiap
 * files), whose other columns become ratings of the outlet with that domain. Lookups never guess:
 * an outlet not found is unrated.
 */
public final class OutletRegistry {
  private static final String RESOURCE = "outlets.json";
  /** Columns of rating tables that describe the row rather than rate the outlet. */
  private static final List<String> NOT_RATINGS = List.of("source_url", "source_url_normalized", "domain", "ref", "label_source");

  private final List<Outlet> outlets;
  private final Map<String, Outlet> byDomain = new HashMap<>();
  private final Map<String, Outlet> byName = new HashMap<>();

  private OutletRegistry(List<Outlet> outlets) {
    this.outlets = List.copyOf(outlets);
    for (Outlet o : this.outlets) {
      o.domains().forEach(d -> byDomain.put(d.toLowerCase(Locale.ROOT), o));
      byName.put(key(o.name()), o);
      o.aliases().forEach(a -> byName.putIfAbsent(key(a), o));
    }
  }

  /** The shipped registry. */
  public static OutletRegistry standard() {
    try (InputStream in = OutletRegistry.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new OutletRegistry(parse(new ObjectMapper().readTree(in), RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** This registry with a user's file laid over it; a bad file fails with its name and why. */
  public OutletRegistry with(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      List<Outlet> added;
      try {
        added = parse(new ObjectMapper().readTree(file.toFile()), file.toString());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IOException(file + ": malformed JSON: " + e.getOriginalMessage());
      }
      List<Outlet> kept = new ArrayList<>();
      for (Outlet o : outlets) {
        boolean replaced = added.stream().anyMatch(a -> key(a.name()).equals(key(o.name()))
            || a.domains().stream().anyMatch(d -> o.domains().contains(d)));
        if (!replaced) {
          kept.add(o);
        }
      }
      kept.addAll(added);
      return new OutletRegistry(kept);
    }
    if (name.endsWith(".tsv") || name.endsWith(".csv")) {
      return withRatings(file, name.endsWith(".tsv") ? "\t" : ",");
    }
    throw new IOException(file + ": a registry is .json, a rating table .tsv or .csv");
  }

  /** The outlet publishing at a domain or one of its subdomains ("www.bbc.co.uk" → BBC). */
  public Optional<Outlet> byDomain(String domain) {
    if (domain == null) {
      return Optional.empty();
    }
    String d = domain.toLowerCase(Locale.ROOT);
    while (true) {
      Outlet o = byDomain.get(d);
      if (o != null) {
        return Optional.of(o);
      }
      int dot = d.indexOf('.');
      if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
        return Optional.empty(); // never match a bare public suffix ("co.uk")
      }
      d = d.substring(dot + 1);
    }
  }

  /** The outlet with this name or alias, ignoring case and a leading "the". */
  public Optional<Outlet> byName(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
  }

  public int size() {
    return outlets.size();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT).replaceFirst("^the\\s+", "").strip();
  }

  private OutletRegistry withRatings(Path file, String separator) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(file + ": empty");
    }
    List<String> header = split(lines.get(0), separator);
    int domainColumn = header.indexOf("domain") >= 0 ? header.indexOf("domain") : header.indexOf("source_url_normalized");
    if (domainColumn < 0) {
      throw new IOException(file + ": no domain or source_url_normalized column in the header");
    }
    Map<String, Outlet> rated = new LinkedHashMap<>();
    outlets.forEach(o -> rated.put(o.name(), o));
    for (int n = 1; n < lines.size(); n++) {
      List<String> cells = split(lines.get(n), separator);
      if (cells.size() <= domainColumn || cells.get(domainColumn).isBlank()) {
        continue;
      }
      String domain = cells.get(domainColumn).strip().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
      Map<String, String> ratings = new LinkedHashMap<>();
      for (int c = 0; c < Math.min(header.size(), cells.size()); c++) {
        if (!NOT_RATINGS.contains(header.get(c)) && !cells.get(c).isBlank()) {
          ratings.put(header.get(c), cells.get(c).strip());
        }
      }
      Outlet known = byDomain(domain).orElse(null);
      Outlet base = known != null ? rated.get(known.name())
          : rated.getOrDefault(domain, new Outlet(domain, List.of(domain), List.of(), null, null, null, List.of(), List.of(), Map.of(), List.of()));
      Map<String, String> all = new LinkedHashMap<>(base.ratings());
      all.putAll(ratings);
      rated.put(base.name(), new Outlet(base.name(), base.domains(), base.aliases(), base.kind(), base.owner(), base.country(),
          base.affiliations(), base.opponents(), all, base.references()));
    }
    return new OutletRegistry(new ArrayList<>(rated.values()));
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

  private static List<Outlet> parse(JsonNode root, String source) throws IOException {
    JsonNode list = root.path("outlets");
    if (!list.isArray()) {
      throw new IOException(source + ": no \"outlets\" list");
    }
    List<Outlet> out = new ArrayList<>();
    for (JsonNode o : list) {
      String name = o.path("name").asText(null);
      if (name == null || name.isBlank()) {
        throw new IOException(source + ": an outlet without a name: " + o);
      }
      List<Outlet.Affiliation> affiliations = ties(o.path("affiliations"), null);
      List<Outlet.Affiliation> opponents = ties(o.path("opponents"), "opposes");
      Map<String, String> ratings = new LinkedHashMap<>();
      o.path("ratings").fields().forEachRemaining(e -> ratings.put(e.getKey(), e.getValue().asText()));
      out.add(new Outlet(name, strings(o.path("domains")), strings(o.path("aliases")), o.path("kind").asText(null),
          o.path("owner").asText(null), o.path("country").asText(null), affiliations, opponents, ratings,
          strings(o.path("references"))));
    }
    return out;
  }

  /** Ties as the file lists them: {"type", "with", "reference"}; {@code type} when the file leaves it out. */
  private static List<Outlet.Affiliation> ties(JsonNode array, String type) {
    List<Outlet.Affiliation> out = new ArrayList<>();
    for (JsonNode a : array) {
      out.add(new Outlet.Affiliation(a.path("type").asText(type), a.path("with").asText(), a.path("reference").asText(null)));
    }
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
