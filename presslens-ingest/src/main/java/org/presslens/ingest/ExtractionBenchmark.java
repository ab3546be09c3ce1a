package org.presslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's metric: 4-word shingles over lower-cased {@code \w+}
 * tokens, counted with multiplicity; precision and recall per page, averaged over pages, then F1.
 */
public final class ExtractionBenchmark {
  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int SHINGLE = 4;

  /** Scores of one page. */
  public record PageScore(String id, double precision, double recall) {}

  /** Averages over all pages. */
  public record Result(List<PageScore> pages, double precision, double recall, double f1) {}

  private ExtractionBenchmark() {}

  /** Runs the extractor on {@code dir/html/ID.html.gz} against {@code dir/ground-truth.json}. */
  public static Result run(Path dir) throws IOException {
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("ground-truth.json").toFile());
    List<PageScore> pages = new ArrayList<>();
    for (Iterator<String> ids = truth.fieldNames(); ids.hasNext(); ) {
      String id = ids.next();
      Path page = dir.resolve("html").resolve(id + ".html.gz");
      String expected = truth.get(id).path("articleBody").asText("");
      String got;
      try (InputStream in = Files.newInputStream(page)) {
        got = HtmlArticles.of(page.toString(), Bytes.read(in, true, page.toString()), null).text();
      } catch (BadInputException e) {
        got = "";
      }
      double[] pr = score(expected, got);
      pages.add(new PageScore(id, pr[0], pr[1]));
    }
    double p = pages.stream().mapToDouble(PageScore::precision).average().orElse(0);
    double r = pages.stream().mapToDouble(PageScore::recall).average().orElse(0);
    return new Result(pages, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
  }

  /** Precision and recall of {@code got} against {@code expected}. */
  static double[] score(String expected, String got) {
    Map<String, Integer> truth = shingles(expected);
    Map<String, Integer> pred = shingles(got);
    int tp = 0;
    for (Map.Entry<String, Integer> e : pred.entrySet()) {
      tp += Math.min(e.getValue(), truth.getOrDefault(e.getKey(), 0));
    }
    int predTotal = pred.values().stream().mapToInt(Integer::intValue).sum();
    int truthTotal = truth.values().stream().mapToInt(Integer::intValue).sum();
    double precision = predTotal == 0 ? (truthTotal == 0 ? 1 : 0) : (double) tp / predTotal;
    double recall = truthTotal == 0 ? 1 : (double) tp / truthTotal;
    return new double[] {precision, recall};
  }

  private static Map<String, Integer> shingles(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    Map<String, Integer> out = new HashMap<>();
    if (words.size() < SHINGLE && !words.isEmpty()) {
      out.merge(String.join(" ", words), 1, Integer::sum);
    }
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      out.merge(String.join(" ", words.subList(i, i + SHINGLE)), 1, Integer::sum);
    }
    return out;
  }
}
