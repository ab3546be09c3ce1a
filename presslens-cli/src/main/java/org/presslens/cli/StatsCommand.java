package org.presslens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.presslens.corpus.CorpusSearch;
import org.presslens.corpus.CorpusStats;
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
      "month, and the top sources, speakers quoted, people, organisations, places and",
      "techniques, each by the number of articles; for each top source its technique share",
      "(the mean share of its articles' words inside persuasion-technique spans), the entities",
      "it portrays most positively and negatively, and the outlets it republishes from.",
      "--count quotes:NAME (or mentions:, techniques:) counts those instead of articles.",
      "--plot FILE.png or FILE.svg draws the counts over time."
    })
final class StatsCommand implements Callable<Integer> {
  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "Which articles; the syntax of presslens search.")
  String query = "";

  @Mixin StoreOption store;

  @Option(names = "--by", paramLabel = "PERIOD", description = "day, week or month. Default: ${DEFAULT-VALUE}.")
  String by = "month";

  @Option(names = "--top", paramLabel = "N", description = "Entries in each top list. Default: ${DEFAULT-VALUE}.")
  int top = 10;

  @Option(names = "--count", paramLabel = "WHAT",
      description = {"What to count per period: articles (default), quotes, mentions or techniques, each",
          "optionally of one name: 'quotes:Patricia Hewitt', 'mentions:NATO', 'techniques:Loaded_Language'."})
  String count = "articles";

  @Option(names = "--plot", paramLabel = "FILE", description = "Also draw articles over time: FILE.png or FILE.svg.")
  Path plot;

  @Override
  public Integer call() throws IOException {
    if (!List.of("day", "week", "month").contains(by)) {
      throw new Main.UserError("--by must be day, week or month");
    }
    String plotName = plot == null ? "" : plot.toString().toLowerCase(java.util.Locale.ROOT);
    if (plot != null && !plotName.endsWith(".png") && !plotName.endsWith(".svg")) {
      throw new Main.UserError("--plot writes PNG or SVG: name the file FILE.png or FILE.svg");
    }
    CorpusStats stats;
    try (CorpusSearch search = store.openForReading()) {
      stats = CorpusStats.of(search, query, by, top, count);
    } catch (IllegalArgumentException e) {
      throw new Main.UserError(e.getMessage());
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int colon = count.indexOf(':');
    String counted = Character.toUpperCase(count.charAt(0)) + (colon < 0 ? count.substring(1)
        : count.substring(1, colon) + " of " + count.substring(colon + 1));
    out.printf("%d articles%s%n%n%s by %s%n", stats.articles(), query.isBlank() ? "" : " match " + query, counted, by);
    int max = stats.periods().values().stream().mapToInt(Integer::intValue).max().orElse(1);
    stats.periods().forEach((p, n) -> out.printf("  %-10s %6d  %s%n", p, n, "█".repeat(Math.max(1, 40 * n / max))));
    if (stats.undated() > 0) {
      out.printf("  %-10s %6d%n", "(no date)", stats.undated());
    }
    stats.tops().forEach((name, counts) -> {
      if (!counts.isEmpty()) {
        out.printf("%nTop %s (articles)%n", name);
        counts.forEach((k, n) -> out.printf("  %6d  %s%n", n, k));
      }
    });
    Map<String, CorpusStats.SourceProfile> sources = stats.sources();
    if (sources.values().stream().anyMatch(p -> p.techniqueShare() != null)) {
      out.printf("%nTechnique share by source (mean share of words in technique spans)%n");
      sources.entrySet().stream()
          .filter(e -> e.getValue().techniqueShare() != null)
          .sorted(Map.Entry.comparingByValue((a, b) -> Double.compare(b.techniqueShare(), a.techniqueShare())))
          .limit(top)
          .forEach(e -> out.printf("  %5.1f%%  %s  (%d articles)%n", 100 * e.getValue().techniqueShare(), e.getKey(), e.getValue().articles()));
    }
    if (sources.values().stream().anyMatch(StatsCommand::hasProfile)) {
      out.printf("%nSources: whom they portray and where their texts come from%n");
      sources.entrySet().stream().filter(e -> hasProfile(e.getValue())).limit(top).forEach(e -> {
        out.printf("  %s  (%d articles)%n", e.getKey(), e.getValue().articles());
        line(out, "portrays positively", e.getValue().portraysPositively());
        line(out, "portrays negatively", e.getValue().portraysNegatively());
        line(out, "republishes from", e.getValue().republishesFrom());
      });
    }
    if (plot != null) {
      System.setProperty("java.awt.headless", "true"); // a chart to a file needs no display
      DefaultCategoryDataset data = new DefaultCategoryDataset();
      stats.periods().forEach((p, n) -> data.addValue(n, count, p));
      JFreeChart chart = ChartFactory.createBarChart(
          counted + " by " + by + (query.isBlank() ? "" : ": " + query), by, count, data);
      chart.removeLegend();
      int width = Math.max(640, 24 * stats.periods().size());
      if (plotName.endsWith(".svg")) {
        org.jfree.svg.SVGGraphics2D svg = new org.jfree.svg.SVGGraphics2D(width, 400);
        chart.draw(svg, new java.awt.Rectangle(0, 0, width, 400));
        java.nio.file.Files.writeString(plot, svg.getSVGDocument(), StandardCharsets.UTF_8);
      } else {
        ChartUtils.saveChartAsPNG(plot.toFile(), chart, width, 400);
      }
      out.printf("%nchart written to %s%n", plot);
    }
    return 0;
  }

  private static boolean hasProfile(CorpusStats.SourceProfile p) {
    return !p.portraysPositively().isEmpty() || !p.portraysNegatively().isEmpty() || !p.republishesFrom().isEmpty();
  }

  private static void line(PrintStream out, String label, Map<String, Integer> counts) {
    if (!counts.isEmpty()) {
      out.printf("    %-20s %s%n", label, String.join(", ", counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
    }
  }
}
