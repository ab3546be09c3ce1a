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
 * then the time of {@code presslens stats} for {@value #STATS_QUERIES} of them and for the whole store.
 */
final class SearchBench {
  static final int QUERIES = 1000;
  static final int STATS_QUERIES = 100;

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
      String query = switch (queries.size() % 8) {
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
    try (CorpusSearch search = CorpusSearch.open(store)) {
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
      Arrays.sort(nanos);
      out.printf("search            %d queries on %d articles: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          queries.size(), search.articles(), nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6,
          nanos[nanos.length - 1] / 1e6);

      // Stats from facets, for some of the same queries and for the whole store; and, to compare,
      // the whole store counted by reading every article's JSON (what --count techniques does).
      long[] stats = new long[STATS_QUERIES];
      for (int i = 0; i < stats.length; i++) {
        long t = System.nanoTime();
        CorpusStats.of(search, queries.get(i), "month", 10);
        stats[i] = System.nanoTime() - t;
      }
      Arrays.sort(stats);
      long t = System.nanoTime();
      CorpusStats.of(search, "", "month", 10);
      long all = System.nanoTime() - t;
      t = System.nanoTime();
      CorpusStats.of(search, "", "month", 10, "techniques");
      long json = System.nanoTime() - t;
      out.printf("stats             %d queries: p50 %.1f ms, p99 %.1f ms; all articles %.1f ms (facets), %.1f ms reading every JSON%n",
          stats.length, stats[stats.length / 2] / 1e6, stats[(int) (stats.length * 0.99)] / 1e6, all / 1e6, json / 1e6);
    }
  }
}
