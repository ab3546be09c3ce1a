package org.presslens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.presslens.core.Article;
import org.presslens.corpus.CorpusSearch;
import org.presslens.corpus.CorpusStats;

/**
 * Search latency over {@value #QUERIES} varied queries on a store: single words, two-word ANDs,
 * phrases, field queries (title, speaker, entity, person), date ranges, and quote searches, all
 * drawn with a fixed seed from the corpus's own words so that they hit. Prints p50, p99 and max;
 * then the time of {@code presslens stats} for {@value #STATS_QUERIES} of them and for the whole
 * store, first on a freshly opened store (what {@code presslens stats} pays each run), then again.
 */
final class SearchBench {
  static final int QUERIES = 1000;
  static final int STATS_QUERIES = 100;
  /** The kinds of generated query, in the order they take turns; what each line of the breakdown names. */
  static final List<String> SHAPES = List.of("word", "two words", "phrase", "title:", "entity:", "w1 OR w2",
      "person: OR speaker:", "word AND published:[range]");

  private SearchBench() {}

  static void run(Path store, List<Article> articles, PrintStream out) throws IOException {
    Random random = new Random(20261127L);
    List<String> queries = new ArrayList<>();
    List<Boolean> quoteMode = new ArrayList<>();
    while (queries.size() < QUERIES) {
      Article a = articles.get(random.nextInt(articles.size()));
      String[] words = Arrays.stream(a.text().split("[^\\p{L}]+")).filter(w -> w.length() > 4).toArray(String[]::new);
      if (words.length < 3) {
        continue;
      }
      String w1 = words[random.nextInt(words.length)].toLowerCase(Locale.ROOT);
      String w2 = words[random.nextInt(words.length)].toLowerCase(Locale.ROOT);
      int k = random.nextInt(words.length - 1);
      String query = switch (queries.size() % SHAPES.size()) {
        case 0 -> w1;
        case 1 -> w1 + " " + w2;
        case 2 -> "\"" + words[k].toLowerCase(Locale.ROOT) + " " + words[k + 1].toLowerCase(Locale.ROOT) + "\"";
        case 3 -> "title:" + w1;
        case 4 -> "entity:" + words[random.nextInt(words.length)];
        case 5 -> w1 + " OR " + w2;
        case 6 -> "person:" + words[random.nextInt(words.length)] + " OR speaker:" + w2;
        default -> w1 + " AND published:[2000-01-01 TO 2030-12-31]";
      };
      queries.add(query);
      quoteMode.add(queries.size() % 10 == 0);
    }
    // What presslens stats pays each run: open the store and compute the whole store's statistics
    // on objects nothing has used yet.
    long opening = System.nanoTime();
    long fresh;
    try (CorpusSearch search = CorpusSearch.open(store)) {
      long t = System.nanoTime();
      CorpusStats.of(search, "", "month", 10);
      fresh = System.nanoTime() - t;
      opening = t - opening;
    }
    try (CorpusSearch search = CorpusSearch.open(store)) {
      long gcBefore = gcMillis();
      long[] nanos = new long[queries.size()];
      for (int i = 0; i < queries.size(); i++) {
        long t = System.nanoTime();
        if (quoteMode.get(i)) {
          search.quotes(queries.get(i), 10);
        } else {
          search.articles(queries.get(i), 10);
        }
        nanos[i] = System.nanoTime() - t;
      }
      long gc = gcMillis() - gcBefore;
      // Each shape apart (quote searches apart from article searches), to see which makes the tail.
      java.util.Map<String, List<Long>> byShape = new java.util.TreeMap<>();
      for (int i = 0; i < queries.size(); i++) {
        String shape = (quoteMode.get(i) ? "quotes " : "articles ") + SHAPES.get(i % SHAPES.size());
        byShape.computeIfAbsent(shape, k -> new ArrayList<>()).add(nanos[i]);
      }
      Arrays.sort(nanos);
      out.printf("search            %d queries on %d articles: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          queries.size(), search.articles(), nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
          nanos[nanos.length - 1] / 1e6);
      // A collection stops every query running, so the slowest queries may be those a pause fell on.
      out.printf("  garbage collection during the queries: %d ms in all, of %.0f ms%n", gc, Arrays.stream(nanos).sum() / 1e6);
      byShape.forEach((shape, times) -> {
        long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf("  %-36s %4d queries: p50 %6.1f ms, p90 %6.1f ms, max %6.1f ms%n", shape, t.length, t[t.length / 2] / 1e6,
            t[(int) (t.length * 0.9)] / 1e6, t[t.length - 1] / 1e6);
      });

      // Stats from facets, for some of the same queries and for the whole store; and, to compare,
      // the whole store counted by reading every article's JSON (what --count techniques does).
      long[] stats = new long[STATS_QUERIES];
      for (int i = 0; i < stats.length; i++) {
        long t = System.nanoTime();
        CorpusStats.of(search, queries.get(i), "month", 10);
        stats[i] = System.nanoTime() - t;
      }
      Arrays.sort(stats);
      // The whole store twice: first computed, then as a server's later requests on the same commit get it.
      long t = System.nanoTime();
      CorpusStats.of(search, "", "month", 10);
      long all = System.nanoTime() - t;
      t = System.nanoTime();
      CorpusStats.of(search, "", "month", 10);
      long again = System.nanoTime() - t;
      t = System.nanoTime();
      CorpusStats.of(search, "", "month", 10, "techniques");
      long json = System.nanoTime() - t;
      out.printf("stats             %d queries: p50 %.1f ms, p99 %.1f ms; all articles %.1f ms on a freshly opened store (opened in"
          + " %.1f ms), %.1f ms after the queries (%.2f ms again on the same commit), %.1f ms reading every JSON%n", stats.length,
          stats[stats.length / 2] / 1e6, stats[(int) (stats.length * 0.99)] / 1e6, fresh / 1e6, opening / 1e6, all / 1e6,
          again / 1e6, json / 1e6);
    }
  }

  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
  }
}
