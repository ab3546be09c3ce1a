package org.presslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.presslens.core.Article;

/**
 * The WCXB web-content-extraction benchmark (Foley 2026; {@code dev/} or {@code test/} with
 * {@code ground-truth/ID.json} and {@code html/ID.html.gz}), scored as its own {@code evaluate.py}
 * scores it: word-level precision, recall and F1 per page over lower-cased {@code \w+} tokens
 * counted with multiplicity (a bag of words), each averaged over pages, overall and per page type;
 * plus the share of the gold's "with" snippets found and of its "without" snippets wrongly kept.
 *
 * <p>Metadata is scored where the gold has a value, by these rules: the title is right when its
 * words (as the metric tokenises them) equal the gold's; the authors are right when the first
 * author equals the gold's first listed name, or all our names read word for word as the gold's
 * field; the date is right when the published date begins with the gold's {@code YYYY-MM-DD} (or
 * {@code YYYY-MM}). Pages whose gold has no author or date count how often we give one anyway.
 */
public final class WcxbBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The scores of one page. {@code author} and {@code date} are null where the gold has none;
   * {@code extraAuthor}/{@code extraDate} say we gave one where the gold has none; {@code nanos}
   * is the CPU time its extraction took on its thread.
   */
  public record PageScore(
      String id,
      String type,
      double precision,
      double recall,
      double f1,
      double withRate,
      double withoutRate,
      boolean title,
      Boolean author,
      Boolean date,
      boolean extraAuthor,
      boolean extraDate,
      String pageKind,
      long nanos) {}

  /** Means over a set of pages; {@code author}/{@code date} over the pages whose gold has one. */
  public record Summary(
      int pages,
      double precision,
      double recall,
      double f1,
      double withRate,
      double withoutRate,
      double title,
      double author,
      int authorPages,
      double date,
      int datePages) {
    static Summary of(List<PageScore> pages) {
      List<PageScore> authored = pages.stream().filter(p -> p.author() != null).toList();
      List<PageScore> dated = pages.stream().filter(p -> p.date() != null).toList();
      return new Summary(pages.size(),
          mean(pages, PageScore::precision), mean(pages, PageScore::recall), mean(pages, PageScore::f1),
          mean(pages, PageScore::withRate), mean(pages, PageScore::withoutRate),
          share(pages, PageScore::title),
          share(authored, PageScore::author), authored.size(),
          share(dated, PageScore::date), dated.size());
    }
  }

  /** Every page's scores in id order, with the overall and per-type summaries. */
  public record Result(List<PageScore> pages, Summary overall, Map<String, Summary> byType) {
    /** Summaries of {@code k} folds over the pages (page i in fold i mod k, in id order). */
    public List<Summary> folds(int k) {
      List<Summary> out = new ArrayList<>();
      for (int f = 0; f < k; f++) {
        final int fold = f;
        List<PageScore> in = new ArrayList<>();
        for (int i = fold; i < pages.size(); i += k) {
          in.add(pages.get(i));
        }
        out.add(Summary.of(in));
      }
      return out;
    }
  }

  /** The page types in the order the benchmark's README lists them. */
  public static final List<String> TYPES = PageType.TYPES;

  private WcxbBenchmark() {}

  /** Whether {@code dir} is a WCXB split (ground-truth/ and html/). */
  public static boolean isSplit(Path dir) {
    return Files.isDirectory(dir.resolve("ground-truth")) && Files.isDirectory(dir.resolve("html"));
  }

  /**
   * The split a user names: {@code dir} itself when it is one, else the WCXB folder's
   * {@code dev/} split when that is one (the only split in ../shared/datasets); null otherwise.
   */
  public static Path split(Path dir) {
    return isSplit(dir) ? dir : isSplit(dir.resolve("dev")) ? dir.resolve("dev") : null;
  }

  /**
   * Extraction speed once the JIT has compiled the extractor: every page of the split {@code dir}
   * read from memory by {@link HtmlArticles} (decoding, parsing, metadata, page kind, main text),
   * {@code passes} times over, on this thread.
   *
   * @return pages per second of this thread's CPU time, one figure per pass (the first pass
   *     after the scoring run, so already warm)
   */
  public static double[] speed(Path dir, int passes) throws IOException {
    List<Page> pages = pages(dir);
    List<byte[]> bytes = new ArrayList<>();
    for (Page page : pages) {
      bytes.add(page.bytes());
    }
    double[] perSecond = new double[passes];
    for (int pass = 0; pass < passes; pass++) {
      long nanos = 0;
      for (int i = 0; i < pages.size(); i++) {
        nanos += extract(pages.get(i), bytes.get(i), ContentExtractor.Params.DEFAULT).nanos();
      }
      perSecond[pass] = pages.size() / (nanos / 1e9);
    }
    return perSecond;
  }

  /** A page's extraction (null when no text was found) and the CPU time it took on this thread. */
  private record Extraction(Article article, long nanos) {}

  private static Extraction extract(Page page, byte[] bytes, ContentExtractor.Params params) {
    // The thread's CPU time, not the wall clock: on a shared machine the wall clock measures the load.
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = cpu.getCurrentThreadCpuTime();
    Article a;
    try {
      a = HtmlArticles.of(page.html().toString(), bytes, page.url(), null, params, PageType.shipped());
    } catch (BadInputException e) {
      a = null; // no text found: scored as an empty extraction
    }
    return new Extraction(a, cpu.getCurrentThreadCpuTime() - start);
  }

  /** Scores every page of the split {@code dir} whose id {@code pick} accepts. */
  public static Result run(Path dir, Predicate<String> pick) throws IOException {
    return run(dir, pick, ContentExtractor.Params.DEFAULT);
  }

  /** One fold's choice in a cross-validation: the setting best on the other folds, scored on this one. */
  public record FoldChoice(int fold, String setting, double trainF1, Summary heldOut, Summary heldOutArticles) {}

  /**
   * Chooses the extractor's constants by k-fold cross-validation over the pages (page i in fold i
   * mod k): for each fold, the setting of the grid with the best mean page F1 on the other folds,
   * scored on the held-out fold. The figures of the whole split are never used to choose.
   */
  public static List<FoldChoice> crossValidate(Path dir, int k, java.io.PrintStream log) throws IOException {
    List<ContentExtractor.Params> grid = new ArrayList<>();
    for (double grow : new double[] {1.1, 1.25, 1.5}) {
      for (int reach : new int[] {4, 10, 20}) {
        grid.add(new ContentExtractor.Params(grow, reach));
      }
    }
    List<List<PageScore>> bySetting = new ArrayList<>();
    for (ContentExtractor.Params params : grid) {
      log.println("scoring " + params + " ...");
      bySetting.add(run(dir, id -> true, params).pages());
    }
    List<FoldChoice> out = new ArrayList<>();
    for (int fold = 0; fold < k; fold++) {
      int best = -1;
      double bestF1 = -1;
      for (int g = 0; g < grid.size(); g++) {
        List<PageScore> pages = bySetting.get(g);
        double sum = 0;
        int n = 0;
        for (int i = 0; i < pages.size(); i++) {
          if (i % k != fold) {
            sum += pages.get(i).f1();
            n++;
          }
        }
        if (sum / n > bestF1 + 1e-12) {
          bestF1 = sum / n;
          best = g;
        }
      }
      List<PageScore> heldOut = new ArrayList<>();
      List<PageScore> pages = bySetting.get(best);
      for (int i = fold; i < pages.size(); i += k) {
        heldOut.add(pages.get(i));
      }
      out.add(new FoldChoice(fold + 1, grid.get(best).toString(), bestF1, Summary.of(heldOut),
          Summary.of(heldOut.stream().filter(p -> p.type().equals("article")).toList())));
    }
    return out;
  }

  static Result run(Path dir, Predicate<String> pick, ContentExtractor.Params params) throws IOException {
    List<PageScore> pages = new ArrayList<>();
    for (Page page : pages(dir)) {
      if (pick.test(page.id())) {
        pages.add(score(page, params));
      }
    }
    Map<String, Summary> byType = new LinkedHashMap<>();
    for (String type : TYPES) {
      List<PageScore> of = pages.stream().filter(p -> p.type().equals(type)).toList();
      if (!of.isEmpty()) {
        byType.put(type, Summary.of(of));
      }
    }
    return new Result(pages, Summary.of(pages), byType);
  }

  /**
   * One page of a split: its id, its type as the benchmark names it, its address, its gold (the
   * {@code ground_truth} object) and its HTML file.
   */
  record Page(String id, String type, String url, JsonNode gold, Path html) {
    /** The page's bytes as stored (gunzipped). */
    byte[] bytes() throws IOException {
      try (InputStream in = Files.newInputStream(html)) {
        return Bytes.read(in, true, html.toString());
      } catch (BadInputException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    /** Word-level precision, recall and F1 of {@code text} against the page's main content. */
    double[] prf(String text) {
      return wordPrf(text, gold.path("main_content").asText(""));
    }
  }

  /** The pages of the split {@code dir} in id order (the order folds count in). */
  static List<Page> pages(Path dir) throws IOException {
    List<Path> golds;
    try (Stream<Path> s = Files.list(dir.resolve("ground-truth"))) {
      golds = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    List<Page> out = new ArrayList<>();
    for (Path gold : golds) {
      String id = gold.getFileName().toString().replaceFirst("\\.json$", "");
      JsonNode page = JSON.readTree(gold.toFile());
      String type = page.path("_internal").path("page_type").path("primary").asText("article");
      type = type.equals("category") ? "collection" : type; // as evaluate.py names it
      out.add(new Page(id, type, page.path("url").asText(null), page.path("ground_truth"),
          dir.resolve("html").resolve(id + ".html.gz")));
    }
    return out;
  }

  private static PageScore score(Page page, ContentExtractor.Params params) throws IOException {
    JsonNode gold = page.gold();
    Extraction read = extract(page, page.bytes(), params);
    Article a = read.article();
    long nanos = read.nanos();
    String text = a == null ? "" : a.text();
    double[] prf = page.prf(text);
    String goldAuthor = gold.path("author").asText("");
    String goldDate = gold.path("publish_date").asText("");
    List<String> authors = a == null ? List.of() : a.authors();
    String published = a == null ? null : a.published();
    return new PageScore(page.id(), page.type(), prf[0], prf[1], prf[2],
        snippetRate(text, gold.path("with")), snippetRate(text, gold.path("without")),
        a != null && a.title() != null && !words(a.title()).isEmpty() && words(a.title()).equals(words(gold.path("title").asText(""))),
        goldAuthor.isBlank() ? null : authorsMatch(authors, goldAuthor),
        goldDate.isBlank() ? null : published != null && published.startsWith(goldDate.strip()),
        goldAuthor.isBlank() && !authors.isEmpty(),
        goldDate.isBlank() && published != null,
        a == null ? null : a.extraction().pageKind(),
        nanos);
  }

  /** Our authors against the gold's author field (names joined by commas, "&" or "and"). */
  static boolean authorsMatch(List<String> ours, String gold) {
    if (ours.isEmpty()) {
      return false;
    }
    String[] goldNames = gold.split("\\s*(?:,|&|\\band\\b|\\|)\\s*");
    if (goldNames.length > 0 && words(ours.get(0)).equals(words(goldNames[0])) && !words(ours.get(0)).isEmpty()) {
      return true;
    }
    return words(String.join(" ", ours)).equals(words(gold));
  }

  /**
   * Word-level precision, recall and F1 of {@code predicted} against {@code reference}, exactly as
   * WCXB's {@code evaluate.py} computes them (1, 1, 1 when both are empty).
   */
  public static double[] wordPrf(String predicted, String reference) {
    List<String> pred = words(predicted);
    List<String> ref = words(reference);
    if (ref.isEmpty()) {
      return pred.isEmpty() ? new double[] {1, 1, 1} : new double[] {0, 0, 0};
    }
    if (pred.isEmpty()) {
      return new double[] {0, 0, 0};
    }
    Map<String, Integer> refCounts = new HashMap<>();
    ref.forEach(w -> refCounts.merge(w, 1, Integer::sum));
    int overlap = 0;
    for (String w : pred) {
      Integer left = refCounts.get(w);
      if (left != null && left > 0) {
        overlap++;
        refCounts.put(w, left - 1);
      }
    }
    double p = (double) overlap / pred.size();
    double r = (double) overlap / ref.size();
    return new double[] {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0};
  }

  /**
   * The text's words as Python's {@code re.findall(r'\w+', text.lower())} finds them: runs of
   * letters, numbers (any Unicode category N*, as {@code str.isalnum} counts them) and "_".
   */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      boolean word = isWordChar(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(lower.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(lower.substring(start));
    }
    return out;
  }

  private static boolean isWordChar(int cp) {
    if (cp == '_') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /**
   * The share of {@code snippets} found in {@code text}, case-insensitively; 1 when there are none
   * (as {@code evaluate.py} counts it, also for "without" snippets).
   */
  private static double snippetRate(String text, JsonNode snippets) {
    if (!snippets.isArray() || snippets.isEmpty()) {
      return 1;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int found = 0;
    for (JsonNode s : snippets) {
      if (lower.contains(s.asText().toLowerCase(Locale.ROOT))) {
        found++;
      }
    }
    return (double) found / snippets.size();
  }

  private static double mean(List<PageScore> pages, java.util.function.ToDoubleFunction<PageScore> f) {
    return pages.stream().mapToDouble(f).average().orElse(0);
  }

  private static double share(List<PageScore> pages, Predicate<PageScore> ok) {
    return pages.isEmpty() ? 0 : (double) pages.stream().filter(ok).count() / pages.size();
  }
}
