package org.presslens.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;

/**
 * The aggregates of the articles a query matches, as {@code presslens stats} and the API show
 * them: articles per day, week or month; top sources, speakers, people, organisations, places and
 * techniques (in how many articles each appears); and for each top source its mean technique
 * share, the entities it portrays positively and negatively and the outlets it republishes from
 * (in how many articles). All of it comes from the store's Lucene facets and doc values, without
 * reading the stored JSON, except {@code count}s other than articles, which read the matches' JSON.
 *
 * @param undated articles (or the unit counted) without a publication date
 * @param periods period ("2005-03", a day, or the Monday of a week) → articles (or the unit
 *     counted: quotes, mentions, technique spans)
 * @param tops list name → entry → count, most first
 * @param sources the top sources, domain (or name) → profile, most articles first
 */
public record CorpusStats(int articles, int undated, Map<String, Integer> periods, Map<String, Map<String, Integer>> tops,
    Map<String, SourceProfile> sources) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The top lists and the facet each counts. */
  private static final Map<String, String> LISTS = orderedMap("sources", Schema.SOURCE_FACET, "speakers", Schema.SPEAKER_FACET,
      "people", Schema.PERSON, "organisations", Schema.ORGANIZATION, "places", Schema.LOCATION, "techniques", Schema.TECHNIQUE);

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * One source's articles.
   *
   * @param techniqueShare mean share of its articles' words inside technique spans, or null
   *     when none was analysed for techniques
   */
  public record SourceProfile(int articles, Double techniqueShare, Map<String, Integer> portraysPositively,
      Map<String, Integer> portraysNegatively, Map<String, Integer> republishesFrom) {}

  /** The statistics of a store with no articles: every count zero, every list empty. */
  public static CorpusStats empty() {
    Map<String, Map<String, Integer>> tops = new LinkedHashMap<>();
    LISTS.keySet().forEach(list -> tops.put(list, Map.of()));
    return new CorpusStats(0, 0, Map.of(), tops, Map.of());
  }

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
    Query matches = search.articleQuery(query);
    if (search.articles() == 0) {
      return empty(); // a store an ingest created and left before its first article has no facets to count
    }
    if (query.isBlank()) {
      return search.wholeStore(List.of(by, top, count), () -> compute(search, query, matches, by, top, unit, name));
    }
    return compute(search, query, matches, by, top, unit, name);
  }

  private static CorpusStats compute(CorpusSearch search, String query, Query matches, String by, int top, String unit,
      String name) throws IOException {
    Counted counted = query.isBlank() ? ofTotals(search.totals()) : ofMatches(search, matches);
    int articles = counted.articles();

    Map<String, Integer> periods = new TreeMap<>();
    int undated;
    if (unit.equals("articles")) {
      int dated = 0;
      for (Map.Entry<String, Integer> day : counted.labels(Schema.DAY).entrySet()) {
        String period = period(day.getKey(), by);
        if (period != null) { // not a real date ("2005-13-45"): counted as undated, as the JSON path does
          periods.merge(period, day.getValue(), Integer::sum);
          dated += day.getValue();
        }
      }
      undated = articles - dated;
    } else {
      int[] none = new int[1];
      search.eachMatch(query, json -> {
        JsonNode a = read(json);
        int n = units(a, unit, name);
        String period = period(a.path("published").asText(null), by);
        if (period == null) {
          none[0] += n;
        } else if (n > 0) {
          periods.merge(period, n, Integer::sum);
        }
      });
      undated = none[0];
    }

    Map<String, Map<String, Integer>> tops = new LinkedHashMap<>();
    for (Map.Entry<String, String> list : LISTS.entrySet()) {
      tops.put(list.getKey(), top(counted.labels(list.getValue()), top));
    }
    return new CorpusStats(articles, undated, periods, tops, counted.profiles(tops.get("sources"), top));
  }

  /** The counts stats are made of, whether from a query's matches or from the whole store's totals. */
  private interface Counted {
    /** Matching articles. */
    int articles();

    /** label → articles, for one facet; no zero counts. */
    Map<String, Integer> labels(String dim) throws IOException;

    /** The profiles of some sources of the matches (source → its matching articles), in that order. */
    Map<String, SourceProfile> profiles(Map<String, Integer> sources, int top) throws IOException;
  }

  /** Counted over a query's matches: one facet pass over them, and one drill-down per source profiled. */
  private static Counted ofMatches(CorpusSearch search, Query matches) throws IOException {
    FacetsCollector collected = search.collect(matches);
    Facets facets = search.counts(collected);
    int articles = collected.getMatchingDocs().stream().mapToInt(m -> m.totalHits).sum();
    return new Counted() {
      @Override
      public int articles() {
        return articles;
      }

      @Override
      public Map<String, Integer> labels(String dim) throws IOException {
        return labelsOf(facets, dim);
      }

      @Override
      public Map<String, SourceProfile> profiles(Map<String, Integer> sources, int top) throws IOException {
        Map<String, SourceProfile> profiles = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> source : sources.entrySet()) {
          DrillDownQuery one = new DrillDownQuery(Schema.FACETS, matches);
          one.add(Schema.SOURCE_FACET, source.getKey());
          FacetsCollector its = search.collect(one);
          Facets f = search.counts(its);
          profiles.put(source.getKey(), new SourceProfile(source.getValue(), meanTechniqueShare(its),
              top(labelsOf(f, Schema.PRAISED), top), top(labelsOf(f, Schema.CRITICISED), top), top(labelsOf(f, Schema.ORIGIN), top)));
        }
        return profiles;
      }
    };
  }

  /** Counted over the whole store, from the totals it keeps per segment: nothing per article is read. */
  private static Counted ofTotals(FacetTotals totals) {
    return new Counted() {
      @Override
      public int articles() {
        return totals.count(Schema.KIND, Schema.ARTICLE); // every article carries it (CorpusSearch.totals checks)
      }

      @Override
      public Map<String, Integer> labels(String dim) {
        return totals.counts.getOrDefault(dim, Map.of());
      }

      @Override
      public Map<String, SourceProfile> profiles(Map<String, Integer> sources, int top) throws IOException {
        Map<String, FacetTotals.SourceTotals> totalled = totals.sources(sources.keySet());
        Map<String, SourceProfile> profiles = new LinkedHashMap<>();
        sources.forEach((source, articles) -> {
          FacetTotals.SourceTotals s = totalled.get(source);
          profiles.put(source, new SourceProfile(articles, s.shared == 0 ? null : s.share.value() / s.shared,
              top(s.counts.getOrDefault(Schema.PRAISED, Map.of()), top), top(s.counts.getOrDefault(Schema.CRITICISED, Map.of()), top),
              top(s.counts.getOrDefault(Schema.ORIGIN, Map.of()), top)));
        });
        return profiles;
      }
    };
  }

  /** label → count of one facet's values (none for a facet no match carries). */
  private static Map<String, Integer> labelsOf(Facets facets, String dim) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    FacetResult all = facets.getAllChildren(dim);
    if (all != null) {
      for (LabelAndValue lv : all.labelValues) {
        out.put(lv.label, lv.value.intValue());
      }
    }
    return out;
  }

  /** The most frequent values of one facet, most first (ties by name), at most {@code top}. */
  private static Map<String, Integer> top(Map<String, Integer> counts, int top) {
    Map<String, Integer> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .limit(top)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /**
   * The mean technique share of collected articles, from doc values; null when none was analysed
   * for techniques. Summed exactly, so that it equals the whole store's from its totals to the last bit.
   */
  private static Double meanTechniqueShare(FacetsCollector collected) throws IOException {
    ExactSum sum = new ExactSum();
    int n = 0;
    for (FacetsCollector.MatchingDocs m : collected.getMatchingDocs()) {
      NumericDocValues shares = DocValues.getNumeric(m.context.reader(), Schema.TECHNIQUE_SHARE);
      DocIdSetIterator docs = m.bits.iterator();
      for (int d = docs == null ? DocIdSetIterator.NO_MORE_DOCS : docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (shares.advanceExact(d)) {
          sum.add(Double.longBitsToDouble(shares.longValue()));
          n++;
        }
      }
    }
    return n == 0 ? null : sum.value() / n;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** The day, the Monday of the week, or the month of an ISO date; null when there is none. */
  private static String period(String published, String by) {
    if (published == null || published.length() < 10) {
      return null;
    }
    // The whole store's stats turn every day of 25 years into a period: checked digits and
    // LocalDate.of, not a formatter's parse, which costs far more before the JIT has compiled it.
    Integer number = Dates.number(published.substring(0, 10));
    if (number == null) {
      return null;
    }
    try {
      LocalDate d = LocalDate.of(number / 10000, number / 100 % 100, number % 100);
      return switch (by) {
        case "day" -> published.substring(0, 10);
        case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
        default -> published.substring(0, 7);
      };
    } catch (java.time.DateTimeException e) {
      return null; // 2005-02-30, 2005-13-45
    }
  }
}
