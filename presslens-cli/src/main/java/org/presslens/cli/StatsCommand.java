package org.presslens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.presslens.corpus.CorpusSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code presslens stats}: counts over time and top lists for the articles a query matches. */
@Command(
    name = "stats",
    header = "Count articles over time and list the top speakers, entities and sources.",
    mixinStandardHelpOptions = true,
    description = {
      "For the articles a query matches (all when none is given): how many per day, week or",
      "month, and the top sources, speakers (by quotes), people, organisations, places and",
      "techniques; each source's technique share (the mean share of its articles' words inside",
      "persuasion-technique spans), the entities it portrays most positively and negatively (in",
      "how many articles), and the outlets it republishes from. --plot FILE.png draws the articles",
      "over time."
    })
final class StatsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "Which articles; the syntax of presslens search.")
  String query = "";

  @Mixin StoreOption store;

  @Option(names = "--by", paramLabel = "PERIOD", description = "day, week or month. Default: ${DEFAULT-VALUE}.")
  String by = "month";

  @Option(names = "--top", paramLabel = "N", description = "Entries in each top list. Default: ${DEFAULT-VALUE}.")
  int top = 10;

  @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw articles over time as a PNG chart.")
  Path plot;

  @Override
  public Integer call() throws IOException {
    if (!List.of("day", "week", "month").contains(by)) {
      throw new Main.UserError("--by must be day, week or month");
    }
    if (plot != null && !plot.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
      throw new Main.UserError("--plot writes PNG: name the file FILE.png");
    }
    Map<String, Integer> periods = new TreeMap<>();
    Map<String, Map<String, Integer>> tops = new java.util.LinkedHashMap<>();
    for (String list : List.of("sources", "speakers", "people", "organisations", "places", "techniques")) {
      tops.put(list, new HashMap<>());
    }
    Map<String, double[]> shareBySource = new HashMap<>();
    Map<String, SourceProfile> profiles = new TreeMap<>();
    int[] articles = {0};
    int[] undated = {0};
    try (CorpusSearch search = store.openForReading()) {
      search.eachMatch(query, json -> {
        JsonNode a;
        try {
          a = JSON.readTree(json);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        articles[0]++;
        String period = period(a.path("published").asText(null));
        if (period == null) {
          undated[0]++;
        } else {
          periods.merge(period, 1, Integer::sum);
        }
        String source = a.path("source").path("domain").asText(a.path("source").path("name").asText(null));
        count(tops.get("sources"), source);
        if (source != null) {
          profiles.computeIfAbsent(source, k -> new SourceProfile()).add(a);
        }
        if (source != null && a.has("technique_share")) {
          double[] sum = shareBySource.computeIfAbsent(source, k -> new double[2]);
          sum[0] += a.path("technique_share").asDouble();
          sum[1]++;
        }
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
      });
    } catch (IllegalArgumentException e) {
      throw new Main.UserError(e.getMessage());
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.printf("%d articles%s%n%nArticles by %s%n", articles[0], query.isBlank() ? "" : " match " + query, by);
    int max = periods.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    periods.forEach((p, n) -> out.printf("  %-10s %6d  %s%n", p, n, "█".repeat(Math.max(1, 40 * n / max))));
    if (undated[0] > 0) {
      out.printf("  %-10s %6d%n", "(no date)", undated[0]);
    }
    tops.forEach((name, counts) -> {
      if (counts.isEmpty()) {
        return;
      }
      out.printf("%nTop %s%n", name);
      counts.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(top)
          .forEach(e -> out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
    });
    if (!shareBySource.isEmpty()) {
      out.printf("%nTechnique share by source (mean share of words in technique spans)%n");
      shareBySource.entrySet().stream()
          .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> -e.getValue()[0] / e.getValue()[1])
              .thenComparing(Map.Entry::getKey))
          .limit(top)
          .forEach(e -> out.printf("  %5.1f%%  %s  (%d articles)%n", 100 * e.getValue()[0] / e.getValue()[1], e.getKey(), (int) e.getValue()[1]));
    }
    if (profiles.values().stream().anyMatch(SourceProfile::hasAny)) {
      out.printf("%nSources: whom they portray and where their texts come from%n");
      profiles.entrySet().stream()
          .sorted(Comparator.comparingInt((Map.Entry<String, SourceProfile> e) -> -e.getValue().articles).thenComparing(Map.Entry::getKey))
          .limit(top)
          .filter(e -> e.getValue().hasAny())
          .forEach(e -> {
            out.printf("  %s  (%d articles)%n", e.getKey(), e.getValue().articles);
            e.getValue().print(out, top);
          });
    }
    if (plot != null) {
      System.setProperty("java.awt.headless", "true"); // a chart to a file needs no display
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      periods.forEach((p, n) -> data.addValue(n, "articles", p));
      JFreeChart chart = ChartFactory.createBarChart(
          "Articles by " + by + (query.isBlank() ? "" : ": " + query), by, "articles", data);
      chart.removeLegend();
      ChartUtils.saveChartAsPNG(plot.toFile(), chart, Math.max(640, 24 * periods.size()), 400);
      out.printf("%nchart written to %s%n", plot);
    }
    return 0;
  }

  /** One source's articles: entities portrayed positively and negatively, and credited origins. */
  private static final class SourceProfile {
    int articles;
    final Map<String, Integer> praised = new HashMap<>();
    final Map<String, Integer> criticised = new HashMap<>();
    final Map<String, Integer> origins = new HashMap<>();

    void add(JsonNode a) {
      articles++;
      Map<String, String> names = new HashMap<>();
      a.path("entities").forEach(e -> names.put(e.path("id").asText(), e.path("name").asText()));
      java.util.Set<String> plus = new java.util.HashSet<>();
      java.util.Set<String> minus = new java.util.HashSet<>();
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

    boolean hasAny() {
      return !praised.isEmpty() || !criticised.isEmpty() || !origins.isEmpty();
    }

    void print(PrintStream out, int top) {
      line(out, "portrays positively", praised, top);
      line(out, "portrays negatively", criticised, top);
      line(out, "republishes from", origins, top);
    }

    private static void line(PrintStream out, String label, Map<String, Integer> counts, int top) {
      if (!counts.isEmpty()) {
        out.printf("    %-20s %s%n", label, String.join(", ", counts.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(top).map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
      }
    }
  }

  private static void count(Map<String, Integer> counts, String key) {
    if (key != null && !key.isBlank()) {
      counts.merge(key, 1, Integer::sum);
    }
  }

  /** The day, the Monday of the week, or the month of an ISO date; null when there is none. */
  private String period(String published) {
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
