package org.presslens.nlp.provenance;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Outlet registries built from Wikidata (CC0): {@link #QUERY} asks the Wikidata Query Service for
 * news media with an official website and the organisations up to two ties behind them, one row
 * per fact; {@link #build} turns its results (the SPARQL 1.1 JSON results format) into a registry
 * file that {@link OutletRegistry#with} reads, each entry naming its Wikidata item and each tie
 * referenced by the item's statement ({@code https://www.wikidata.org/wiki/Q42#P127}).
 */
public final class WikidataRegistry {
  /** The query, as docs/PROVENANCE.md prints it. */
  public static final String QUERY = resource("wikidata-query.rq");
  /** The public Wikidata Query Service. */
  public static final URI ENDPOINT = URI.create("https://query.wikidata.org/sparql");

  private static final String ENTITY = "http://www.wikidata.org/entity/";
  private static final String ITEM_PAGE = "https://www.wikidata.org/wiki/";
  /** The query's facts that tie an item to another: fact → (tie type, Wikidata property). */
  private static final Map<String, String> TIES = Map.of("owned by", "P127", "parent organization", "P749", "affiliation", "P1416",
      "member of", "P463", "political alignment", "P1387", "political ideology", "P1142");
  private static final ObjectMapper JSON = new ObjectMapper();

  private WikidataRegistry() {}

  /**
   * What a build wrote.
   *
   * @param rows result rows read
   * @param skipped rows without an item, fact or value, or with a fact the query does not ask for
   * @param entries outlets and organisations written
   * @param withDomains entries with at least one domain
   * @param sharedSites websites left out because they are a path on a host (the entry would claim
   *     the whole host) or because an older item already claims the domain
   */
  public record Built(int rows, int skipped, int entries, int withDomains, int sharedSites) {}

  /**
   * Reads SPARQL 1.1 JSON results of {@link #QUERY} and writes the registry to {@code out}
   * (replaced whole, only once the build succeeded: a failed build leaves any earlier file as it
   * was).
   *
   * @throws IOException naming {@code results} and what is wrong with it, or {@code out} when it
   *     cannot be written
   */
  public static Built build(Path results, Path out) throws IOException {
    Map<String, Item> items = new HashMap<>();
    int[] counts = new int[2];
    try (JsonParser p = JSON.getFactory().createParser(results.toFile())) {
      read(p, results, items, counts);
    } catch (JsonProcessingException e) {
      throw new IOException(results + ": malformed JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
    }
    if (items.isEmpty()) {
      throw new IOException(results + ": no rows of the registry query (docs/PROVENANCE.md): nothing to build");
    }
    List<Item> ordered = new ArrayList<>(items.values());
    ordered.sort(Comparator.comparingLong(i -> number(i.qid)));
    // Older items first: a domain two items claim (an outlet and its publisher) goes to the older one.
    Map<String, String> claimed = new HashMap<>();
    int shared = 0;
    for (Item item : ordered) {
      for (String site : item.websites) {
        String domain = domainOf(site);
        if (domain == null || claimed.putIfAbsent(domain, item.qid) != null && !claimed.get(domain).equals(item.qid)) {
          shared++;
        } else {
          item.domains.add(domain);
        }
      }
    }
    Path temp = partFile(out);
    int withDomains = 0;
    try {
      try (JsonGenerator g = JSON.getFactory().createGenerator(temp.toFile(), JsonEncoding.UTF8)) {
        g.writeStartObject();
        g.writeStringField("about", "Outlets and organisations from Wikidata (CC0), built by presslens registry build from "
            + results.getFileName() + "; each entry's facts are its Wikidata item's, each tie cites the item's statement. "
            + "The query is in docs/PROVENANCE.md.");
        g.writeStringField("built_from", "wikidata");
        g.writeStringField("built", LocalDate.now(ZoneOffset.UTC).toString());
        g.writeArrayFieldStart("outlets");
        for (Item item : ordered) {
          withDomains += item.domains.isEmpty() ? 0 : 1;
          write(g, item, items);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return new Built(counts[0], counts[1], ordered.size(), withDomains, shared);
  }

  /**
   * Runs {@link #QUERY} at a SPARQL endpoint, one POST request, and saves the JSON results to
   * {@code into} (only once they arrived whole).
   *
   * @param userAgent names the tool and how to reach its user, as Wikimedia's User-Agent policy asks
   * @param timeout for connecting, and again for the endpoint to start answering
   * @throws IOException naming the endpoint and why: unreachable, timed out, or its HTTP status
   */
  public static void download(URI endpoint, String userAgent, Duration timeout, Path into) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("User-Agent", userAgent)
        .header("Accept", "application/sparql-results+json")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8)))
        .build();
    Path temp = partFile(into);
    try {
      HttpResponse<Path> response = client.send(request, HttpResponse.BodyHandlers.ofFile(temp));
      if (response.statusCode() != 200) {
        String body = Files.readString(temp, StandardCharsets.UTF_8).strip();
        String first = body.lines().findFirst().orElse("");
        throw new IOException(endpoint + ": HTTP " + response.statusCode() + (first.isEmpty() ? "" : ": " + abbreviate(first)));
      }
      Files.move(temp, into, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (HttpTimeoutException e) {
      throw new IOException(endpoint + ": no answer within " + timeout.toSeconds() + " s");
    } catch (ConnectException e) {
      throw new IOException(endpoint + ": cannot connect (" + (e.getMessage() == null ? "connection refused or no network" : e.getMessage()) + ")");
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(endpoint.toString())) {
        throw e;
      }
      throw new IOException(endpoint + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(endpoint + ": interrupted");
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A new file beside {@code target} to write before moving it into place: same file system (the
   * move is atomic), and the user's usual permissions, unlike a temporary file's owner-only ones.
   */
  private static Path partFile(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return Files.createFile(dir.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".part"));
  }

  /** Streams the bindings, so a results file of hundreds of megabytes never sits in memory as a tree. */
  private static void read(JsonParser p, Path file, Map<String, Item> items, int[] counts) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException(file + ": not SPARQL 1.1 JSON results (no JSON object)");
    }
    boolean sawBindings = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.getCurrentName();
      p.nextToken();
      if (field.equals("head")) {
        JsonNode vars = ((JsonNode) JSON.readTree(p)).path("vars");
        List<String> names = new ArrayList<>();
        vars.forEach(v -> names.add(v.asText()));
        if (!names.containsAll(List.of("item", "fact", "value"))) {
          throw new IOException(file + ": not the results of the registry query in docs/PROVENANCE.md (columns " + names
              + ", expected item, itemLabel, fact, value, valueLabel)");
        }
      } else if (field.equals("results") && p.currentToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String inner = p.getCurrentName();
          p.nextToken();
          if (inner.equals("bindings") && p.currentToken() == JsonToken.START_ARRAY) {
            sawBindings = true;
            while (p.nextToken() == JsonToken.START_OBJECT) {
              counts[0]++;
              if (!add(JSON.readTree(p), items)) {
                counts[1]++;
              }
            }
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    if (!sawBindings) {
      throw new IOException(file + ": not SPARQL 1.1 JSON results (no results.bindings list)");
    }
  }

  /** One row: a fact about an item. False when the row is not one the query writes. */
  private static boolean add(JsonNode row, Map<String, Item> items) {
    String qid = qid(row.path("item").path("value").asText(null));
    String fact = row.path("fact").path("value").asText(null);
    JsonNode value = row.path("value");
    String v = value.path("value").asText(null);
    if (qid == null || fact == null || v == null || v.isBlank()) {
      return false;
    }
    Item item = items.computeIfAbsent(qid, Item::new);
    String label = row.path("itemLabel").path("value").asText(null);
    if (label != null && !label.isBlank() && !label.equals(qid)) {
      item.label = label;
    }
    String target = "uri".equals(value.path("type").asText()) ? qid(v) : null;
    String targetLabel = row.path("valueLabel").path("value").asText(null);
    if (target != null && (targetLabel == null || targetLabel.isBlank())) {
      targetLabel = target;
    }
    switch (fact) {
      case "website" -> item.websites.add(v);
      case "instance of" -> {
        if (target != null && !targetLabel.equals(target)) {
          item.kinds.put(number(target), targetLabel);
        }
      }
      case "country" -> item.countries.add(v.toUpperCase(Locale.ROOT));
      case "alias", "short name" -> item.aliases.add(v);
      case "state owner" -> {
        if (target == null) {
          return false;
        }
        item.stateOwners.add(target);
      }
      default -> {
        if (!TIES.containsKey(fact)) {
          return false;
        }
        // Alignments may be items ("far-right") or, rarely, text; organisations are always items.
        String with = target != null ? targetLabel : v;
        item.ties.add(new Tie(fact, target, with));
      }
    }
    return true;
  }

  private static void write(JsonGenerator g, Item item, Map<String, Item> items) throws IOException {
    String page = ITEM_PAGE + item.qid;
    String name = item.label != null ? item.label : item.qid;
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("wikidata", item.qid);
    strings(g, "domains", item.domains);
    Set<String> aliases = new LinkedHashSet<>(item.aliases);
    aliases.remove(name);
    strings(g, "aliases", aliases);
    if (!item.kinds.isEmpty()) {
      g.writeStringField("kind", item.kinds.firstEntry().getValue()); // the oldest class: "newspaper", not "daily newspaper"
    }
    Tie owner = item.ties.stream().filter(t -> t.fact.equals("owned by"))
        .min(Comparator.comparingLong(t -> t.target == null ? Long.MAX_VALUE : number(t.target))).orElse(null);
    if (owner != null) {
      g.writeStringField("owner", nameOf(owner, items));
    }
    if (!item.countries.isEmpty()) {
      g.writeStringField("country", item.countries.first());
    }
    g.writeArrayFieldStart("affiliations");
    Set<String> written = new java.util.HashSet<>();
    for (Tie t : item.ties) {
      boolean state = t.fact.equals("owned by") && t.target != null && item.stateOwners.contains(t.target);
      String type = state ? "state owner" : t.fact;
      if (!written.add(type + "\u0000" + (t.target != null ? t.target : t.with))) {
        continue;
      }
      g.writeStartObject();
      g.writeStringField("type", type);
      g.writeStringField("with", nameOf(t, items));
      if (t.target != null) {
        g.writeStringField("wikidata", t.target);
      }
      g.writeStringField("reference", page + "#" + TIES.get(t.fact));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("references");
    g.writeString(page);
    g.writeEndArray();
    g.writeEndObject();
  }

  /** The tie's organisation by its own item's label when the results hold it, else the row's label. */
  private static String nameOf(Tie t, Map<String, Item> items) {
    Item target = t.target == null ? null : items.get(t.target);
    return target != null && target.label != null ? target.label : t.with;
  }

  private static void strings(JsonGenerator g, String field, Iterable<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /**
   * The domain an official website stands for: its host without "www.", or null when the site is
   * a path on a shared host ("https://www.gov.uk/government/organisations/x") or not a web URL.
   */
  static String domainOf(String website) {
    try {
      URI uri = URI.create(website.strip());
      if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        return null;
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      if (!path.isEmpty() && !path.equals("/") && !path.matches("/(index\\.[a-z]+|[a-z]{2}(-[a-z]{2})?)/?")) {
        return null; // a language root ("/en/") is still the outlet's own site
      }
      return uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\d?\\.", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** "http://www.wikidata.org/entity/Q42" → "Q42"; null for anything else. */
  private static String qid(String uri) {
    if (uri == null || !uri.startsWith(ENTITY)) {
      return null;
    }
    String id = uri.substring(ENTITY.length());
    return id.matches("Q[1-9][0-9]*") ? id : null;
  }

  private static long number(String qid) {
    return Long.parseLong(qid.substring(1));
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private static String resource(String name) {
    try (InputStream in = WikidataRegistry.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Tie(String fact, String target, String with) {}

  /** What the rows say about one item. */
  private static final class Item {
    final String qid;
    String label;
    final Set<String> websites = new LinkedHashSet<>();
    final List<String> domains = new ArrayList<>();
    /** Classes by QID number: the oldest names the kind. */
    final TreeMap<Long, String> kinds = new TreeMap<>();
    final TreeSet<String> countries = new TreeSet<>();
    final Set<String> aliases = new LinkedHashSet<>();
    final Set<String> stateOwners = new LinkedHashSet<>();
    final Set<Tie> ties = new LinkedHashSet<>();

    Item(String qid) {
      this.qid = qid;
    }
  }
}
