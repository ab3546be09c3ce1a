package org.presslens.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.presslens.core.Annotator;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.core.report.HtmlReport;
import org.presslens.core.report.TextReport;

/**
 * How analysis time grows with the size of one input ({@code presslens bench --scaling}): inputs
 * made from a corpus at doubling sizes, each stage and the reports timed apart in CPU time of
 * the analysing thread (so that other processes on the machine weigh little), after one
 * discarded run of the smallest size to warm the code up, and the growth of
 * each as an exponent over the last doubling, log(t2 / t1) / log(n2 / n1): 1 is linear, 2 is
 * quadratic. Inputs: one sentence of N words (the corpus's words with sentence-ending
 * punctuation removed) and one article of N sentences (the corpus's articles one after another).
 */
final class Scaling {
  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  private Scaling() {}

  static void run(Pipeline pipeline, List<Article> corpus, List<Integer> sentenceWords, List<Integer> articleSentences,
      PrintStream out) {
    List<String> words = new ArrayList<>();
    for (Article a : corpus) {
      for (String w : a.text().split("\\s+")) {
        String kept = w.replaceAll("[.!?;:\"“”‘’()\\[\\]]", "");
        if (!kept.isEmpty()) {
          words.add(kept);
        }
      }
    }
    table(pipeline, "one sentence of N words", "words", sentenceWords, n -> {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < n; i++) {
        b.append(i == 0 ? "" : " ").append(words.get(i % words.size()));
      }
      return new Article("sentence-" + n, b.append('.').toString(), null, List.of(), null, "en",
          org.presslens.core.Source.UNKNOWN, List.of());
    }, doc -> doc.tokens().size(), out);
    table(pipeline, "one article of N sentences", "sentences", articleSentences, n -> {
      StringBuilder b = new StringBuilder();
      int sentences = 0;
      for (int i = 0; sentences < n; i++) {
        String text = corpus.get(i % corpus.size()).text();
        // Whole paragraphs, counted by their sentence ends, until the article is about n sentences long.
        for (String para : text.split("\n\\s*\n")) {
          if (sentences >= n) {
            break;
          }
          b.append(b.isEmpty() ? "" : "\n\n").append(para.strip());
          sentences += Math.max(1, para.split("[.!?][\"”’]?\\s").length);
        }
      }
      return new Article("article-" + n, b.toString(), null, List.of(), null, "en", org.presslens.core.Source.UNKNOWN, List.of());
    }, doc -> doc.sentences().size(), out);
  }

  private static void table(Pipeline pipeline, String title, String unit, List<Integer> sizes,
      java.util.function.IntFunction<Article> make, java.util.function.ToIntFunction<Document> measured, PrintStream out) {
    List<Annotator> stages = pipeline.annotators();
    List<String> columns = new ArrayList<>();
    stages.forEach(s -> columns.add(s.name()));
    columns.add("reports");
    columns.add("total");
    out.printf("%s (CPU seconds, 1 thread)%n", title);
    StringBuilder head = new StringBuilder(String.format("  %9s", unit));
    columns.forEach(c -> head.append(String.format(" %11s", shorten(c))));
    out.println(head);
    double[] previous = null;
    int previousSize = 0;
    double[] last = null;
    List<Integer> runs = new ArrayList<>();
    runs.add(-sizes.get(0)); // the warm-up, not printed
    runs.addAll(sizes);
    for (int run : runs) {
      int size = Math.abs(run);
      Article article = make.apply(size);
      Document doc = new Document(article);
      double[] seconds = new double[columns.size()];
      for (int i = 0; i < stages.size(); i++) {
        long t = CPU.getCurrentThreadCpuTime();
        stages.get(i).annotate(doc);
        seconds[i] = (CPU.getCurrentThreadCpuTime() - t) / 1e9;
      }
      long t = CPU.getCurrentThreadCpuTime();
      TextReport.render(doc);
      HtmlReport.page(doc);
      seconds[stages.size()] = (CPU.getCurrentThreadCpuTime() - t) / 1e9;
      seconds[columns.size() - 1] = java.util.Arrays.stream(seconds).sum();
      if (run < 0) {
        continue;
      }
      int n = measured.applyAsInt(doc);
      StringBuilder row = new StringBuilder(String.format("  %9d", n));
      for (double v : seconds) {
        row.append(String.format(" %11.2f", v));
      }
      out.println(row);
      if (last != null) {
        previous = last;
      }
      last = seconds;
      if (previous != null) {
        StringBuilder exp = new StringBuilder(String.format("  %9s", "exponent"));
        double ratio = Math.log((double) n / previousSize);
        for (int i = 0; i < seconds.length; i++) {
          // Stages that take under 50 ms at both sizes are noise, not growth.
          exp.append(previous[i] < 0.05 && seconds[i] < 0.05 ? String.format(" %11s", "-")
              : String.format(" %11.2f", Math.log(seconds[i] / Math.max(previous[i], 1e-6)) / ratio));
        }
        out.println(exp);
      }
      previousSize = n;
    }
  }

  private static String shorten(String name) {
    return name.length() <= 11 ? name : name.substring(0, 11);
  }
}
