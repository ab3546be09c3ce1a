package org.presslens.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The aggregates of the articles a query matches, as {@code presslens stats} and the API show
 * them: articles per day, week or month; top sources, speakers, people, organisations, places and
 * techniques; and per source its mean technique share, the entities it portrays positively and
 * negatively (in how many articles) and the outlets it republishes from.
 *
 * @param undated articles (or the unit counted) without a publication date
 * @param periods period ("2005-03", a day, or the Monday of a week) → articles (or the unit
 *     counted: quotes, mentions, technique spans)
 * @param tops list name → entry → count, most first
 * @param sources domain (or name) → profile, most articles first
 */
public record CorpusStats(int articles, int undated, Map<String, Integer> periods, Map<String, Map<String, Integer>> tops,
    Map<String, SourceProfile> sources) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> LISTS = List.of("sources", "speakers", "people", "organisations", "places", "techniques");

  /**
   * One source's articles.
   *
   * @param techniqueShare mean share of its articles' words inside technique spans, or null
   *     when none was analysed for techniques
   */
  public record SourceProfile(int articles, Double techniqueShare, Map<String, Integer> portraysPositively,
      Map<String, Integer> portraysNegatively, Map<String, Integer> republishesFrom) {}

  /** Articles per period; see {@link #of(CorpusSearch, String, String, int, String)}. */
  public static CorpusStats of(CorpusSearch search, String query, String by, int top) throws IOException {
    return of(search, query, by, top, "articles");
  }

  /**
   * @param by "day", "week" or "month"
   * @param count what {@code periods} counts in the matching articles: "articles", "quotes",
   *     "mentions" or "techniques", each optionally narrowed by a name after a colon: quotes of
   *     one speaker ("quotes:Patricia Hewitt"), mentions of one entity by name or alias
   *     ("mentions:NATO"), spans of one technique ("techniques:Loaded_Language")
   */
  public static CorpusStats of(CorpusSearch search, String query, String by, int top, String count) throws IOException {
    int colon = count.indexOf(':');
    String unit = colon < 0 ? count : count.substring(0, colon);
    String name = colon < 0 ? null : count.substring(colon + 1).strip();
    if (!List.of("articles", "quotes", "mentions", "techniques").contains(unit) || (unit.equals("articles") && name != null)) {
      throw new IllegalArgumentException("count articles, quotes[:SPEAKER], mentions[:ENTITY] or techniques[:NAME], not " + count);
    }
    if (!List.of("day", "week", "month").contains(by)) {
      throw new IllegalArgumentException("the period is day, week or month, not " + by);
    }
    Map<String, Integer> periods = new TreeMap<>();
    Map<String, Map<String, Integer>> tops = new LinkedHashMap<>();
    LISTS.forEach(l -> tops.put(l, new HashMap<>()));
    Map<String, Builder> sources = new HashMap<>();
    int[] counts = new int[2];
    search.eachMatch(query, json -> {
      JsonNode a;
      try {
        a = JSON.readTree(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      counts[0]++;
      String period = period(a.path("published").asText(null), by);
      int n = units(a, unit, name);
      if (period == null) {
        counts[1] += n;
      } else if (n > 0) {
        periods.merge(period, n, Integer::sum);
      }
      String source = a.path("source").path("domain").asText(a.path("source").path("name").asText(null));
      count(tops.get("sources"), source);
      Map<String, String> names = new HashMap<>();
      for (JsonNode e : a.path("entities")) {
        names.put(e.path("id").asText(), e.path("name").asText());
        String list = switch (e.path("type").asText()) {
          case "PERSON" -> "people";
          case "ORGANIZATION" -> "organisations";
          case "LOCATION" -> "places";
          default -> null;
        };
        if (list != null) {
          count(tops.get(list), e.path("name").asText());
        }
      }
      for (JsonNode q : a.path("quotes")) {
        String entity = q.path("speaker").path("entity").asText(null);
        count(tops.get("speakers"), entity != null && names.containsKey(entity) ? names.get(entity) : null);
      }
      for (JsonNode t : a.path("techniques")) {
        count(tops.get("techniques"), t.path("technique").asText(null));
      }
      if (source != null) {
        sources.computeIfAbsent(source, k -> new Builder()).add(a, names);
      }
    });
    Map<String, Map<String, Integer>> sortedTops = new LinkedHashMap<>();
    tops.forEach((list, c) -> sortedTops.put(list, mostFirst(c, top)));
    Map<String, SourceProfile> profiles = new LinkedHashMap<>();
    sources.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, Builder> e) -> -e.getValue().articles).thenComparing(Map.Entry::getKey))
        .forEach(e -> profiles.put(e.getKey(), e.getValue().build(top)));
    return new CorpusStats(counts[0], counts[1], periods, sortedTops, profiles);
  }

  /** How many of {@code unit} (named {@code name}, when given) one article holds. */
  private static int units(JsonNode a, String unit, String name) {
    if (unit.equals("articles")) {
      return 1;
    }
    Map<String, JsonNode> entities = new HashMap<>();
    a.path("entities").forEach(e -> entities.put(e.path("id").asText(), e));
    int n = 0;
    switch (unit) {
      case "quotes" -> {
        for (JsonNode q : a.path("quotes")) {
          JsonNode speaker = q.path("speaker");
          JsonNode entity = entities.get(speaker.path("entity").asText(""));
          n += name == null || named(entity, name) || name.equalsIgnoreCase(speaker.path("text").asText("")) ? 1 : 0;
        }
      }
      case "mentions" -> {
        for (JsonNode e : a.path("entities")) {
          n += name == null || named(e, name) ? e.path("mentions").size() : 0;
        }
      }
      default -> {
        for (JsonNode t : a.path("techniques")) {
          n += name == null || name.equals(t.path("technique").asText()) ? 1 : 0;
        }
      }
    }
    return n;
  }

  /** Whether an entity is called {@code name} (its name or an alias, ignoring case). */
  private static boolean named(JsonNode entity, String name) {
    if (entity == null) {
      return false;
    }
    if (name.equalsIgnoreCase(entity.path("name").asText())) {
      return true;
    }
    for (JsonNode alias : entity.path("aliases")) {
      if (name.equalsIgnoreCase(alias.asText())) {
        return true;
      }
    }
    return false;
  }

  private static final class Builder {
    int articles;
    int shared;
    double share;
    final Map<String, Integer> praised = new HashMap<>();
    final Map<String, Integer> criticised = new HashMap<>();
    final Map<String, Integer> origins = new HashMap<>();

    void add(JsonNode a, Map<String, String> names) {
      articles++;
      if (a.has("technique_share")) {
        shared++;
        share += a.path("technique_share").asDouble();
      }
      Set<String> plus = new HashSet<>();
      Set<String> minus = new HashSet<>();
      for (JsonNode st : a.path("stance")) {
        String name = names.get(st.path("entity").asText());
        switch (st.path("polarity").asText()) {
          case "positive" -> plus.add(name);
          case "negative" -> minus.add(name);
          default -> { }
        }
      }
      plus.forEach(n -> count(praised, n));
      minus.forEach(n -> count(criticised, n));
      count(origins, a.path("provenance").path("origin").path("name").asText(null));
    }

    SourceProfile build(int top) {
      return new SourceProfile(articles, shared == 0 ? null : share / shared, mostFirst(praised, top), mostFirst(criticised, top),
          mostFirst(origins, top));
    }
  }

  private static void count(Map<String, Integer> counts, String key) {
    if (key != null && !key.isBlank()) {
      counts.merge(key, 1, Integer::sum);
    }
  }

  private static Map<String, Integer> mostFirst(Map<String, Integer> counts, int top) {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(top)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The day, the Monday of the week, or the month of an ISO date; null when there is none. */
  private static String period(String published, String by) {
    if (published == null || published.length() < 10) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(published.substring(0, 10));
      return switch (by) {
        case "day" -> d.toString();
        case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
        default -> d.toString().substring(0, 7);
      };
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
