package org.presslens.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.presslens.core.learn.LinearModel;
import org.presslens.core.learn.LinearTrainer;

/**
 * Trains {@link PageType} on a WCXB split (the dev split: the only one with labels here) and
 * chooses, by the same folds, which types are read whole.
 *
 * <p>Every choice is made by 5 folds over the pages (page i in fold i mod 5, in id order): the
 * classifier's setting (C, class balance, whether the words of the page's address count) by the
 * mean accuracy of the folds held out in turn; then, for each predicted type, the share of the
 * page's text in its best container below which the page is read whole rather than as that
 * container (0: never; 1: always), by the mean word-F1 of the pages that cross-validation
 * predicted to be of that type. The figures reported are nested: for each outer fold, those
 * choices are made on the other four folds alone (their own four-fold cross-validation), the
 * classifier fitted on them, and the fold scored: held-out accuracy per type and held-out word-F1
 * of the text the chosen reading gives. The shipped model is then chosen and fitted the same way
 * on all pages.
 *
 * <p>Every reading of every page is extracted once, up front (the three ways a type changes the
 * reading: a thread, a product, any other; each as one container and whole), so the folds score
 * exactly the text the reader gives with that fold's model.
 */
public final class PageTypeTrainer {
  private static final int FOLDS = 5;
  /** Binary features seen fewer times than this are left out: a word of one site's addresses says nothing. */
  private static final int MIN_COUNT = 3;
  private static final double[] C = {0.01, 0.03, 0.1, 0.3, 1, 3, 10};
  /**
   * The shares of the page's text, in its best container, below which a type's pages may be read
   * whole: 0 never, 1 always (but where the container holds all the text).
   */
  private static final double[] SHARES = {0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

  /** The readings extracted for every page: {@link #GROUPS} × (container, whole). */
  private static final List<String> GROUPS = List.of("article", "forum", "product");

  /** A setting of the classifier. */
  record Setting(double c, boolean balanced, boolean addressWords) {
    @Override
    public String toString() {
      return "C " + c + (balanced ? ", balanced" : "") + (addressWords ? ", address words" : "");
    }
  }

  /**
   * One outer fold's result: the setting and, per type, the share below which a page is read
   * whole, chosen on the other folds; the held-out accuracy, word-F1 of all pages and of article
   * pages.
   */
  public record Fold(int fold, String setting, String readWhole, double accuracy, double f1, double articleF1) {}

  /**
   * What training found.
   *
   * @param folds the outer folds' held-out figures
   * @param confusion held-out predictions over all folds: gold type → predicted type → pages
   * @param setting the shipped model's setting, chosen by 5 folds over all pages
   * @param readWhole per type, the share below which the shipped model reads a page whole
   * @param cvAccuracy the shipped setting's 5-fold accuracy over all pages
   */
  public record Result(List<Fold> folds, Map<String, Map<String, Integer>> confusion, String setting,
      String readWhole, double cvAccuracy) {
    /** Held-out accuracy (recall) of one gold type over all folds. */
    public double accuracy(String type) {
      Map<String, Integer> row = confusion.get(type);
      int all = row.values().stream().mapToInt(Integer::intValue).sum();
      return all == 0 ? 0 : (double) row.getOrDefault(type, 0) / all;
    }
  }

  private final List<WcxbBenchmark.Page> pages;
  private final List<PageType.Features> features = new ArrayList<>();
  private final int[] labels;
  /** f1[i][g * 2 + (whole ? 1 : 0)]: page i's word-F1 read as group g, as one container or whole. */
  private final double[][] f1;

  /**
   * Reads every page's features and label, and its word-F1 under each of the six readings (what
   * choosing the read-whole shares needs, and six extractions a page cost).
   */
  private PageTypeTrainer(List<WcxbBenchmark.Page> pages, PrintStream log) throws IOException {
    this.pages = pages;
    labels = new int[pages.size()];
    f1 = new double[pages.size()][GROUPS.size() * 2];
    List<PageType> groupReadings = new ArrayList<>();
    for (String g : GROUPS) {
      groupReadings.add(PageType.fixed(g, false));
      groupReadings.add(PageType.fixed(g, true));
    }
    for (int i = 0; i < pages.size(); i++) {
      WcxbBenchmark.Page page = pages.get(i);
      labels[i] = label(page);
      byte[] bytes = page.bytes();
      features.add(HtmlArticles.features(bytes, page.url()));
      for (int r = 0; r < groupReadings.size(); r++) {
        String text;
        try {
          text = HtmlArticles.of(page.html().toString(), bytes, page.url(), null, ContentExtractor.Params.DEFAULT,
              groupReadings.get(r)).text();
        } catch (BadInputException e) {
          text = "";
        }
        f1[i][r] = page.prf(text)[2];
      }
      if ((i + 1) % 250 == 0) {
        log.println("read " + (i + 1) + " of " + pages.size() + " pages");
      }
    }
  }

  /** Pages whose features were read elsewhere, for fitting page-type models alone (no read-whole shares). */
  private PageTypeTrainer(List<WcxbBenchmark.Page> pages, List<PageType.Features> features) throws IOException {
    if (features.size() != pages.size()) {
      throw new IllegalArgumentException(features.size() + " pages' features for " + pages.size() + " pages");
    }
    this.pages = pages;
    this.features.addAll(features);
    labels = new int[pages.size()];
    for (int i = 0; i < pages.size(); i++) {
      labels[i] = label(pages.get(i));
    }
    f1 = null;
  }

  private static int label(WcxbBenchmark.Page page) throws IOException {
    int label = PageType.TYPES.indexOf(page.type());
    if (label < 0) {
      throw new IOException(page.html() + ": unknown page type " + page.type());
    }
    return label;
  }

  /**
   * Trains on the WCXB split {@code split}, writes the model to {@code out} with its notes, and
   * returns the nested cross-validation's figures.
   */
  public static Result train(Path split, Path out, PrintStream log) throws IOException {
    long start = System.nanoTime();
    List<WcxbBenchmark.Page> pages = WcxbBenchmark.pages(split);
    log.println("reading " + pages.size() + " pages six ways ...");
    PageTypeTrainer t = new PageTypeTrainer(pages, log);
    List<Setting> grid = grid();

    List<Fold> folds = new ArrayList<>();
    Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
    for (String type : PageType.TYPES) {
      Map<String, Integer> row = new LinkedHashMap<>();
      PageType.TYPES.forEach(p -> row.put(p, 0));
      confusion.put(type, row);
    }
    int rightUnaddressed = 0;
    for (int fold = 0; fold < FOLDS; fold++) {
      final int held = fold;
      Choice choice = t.choose(grid, Set.of(held));
      PageType model = PageType.of(t.fit(choice.setting(), i -> i % FOLDS != held)
          .withNotes(choice.notes()));
      int right = 0;
      int n = 0;
      double sum = 0;
      double articleSum = 0;
      int articles = 0;
      for (int i = held; i < pages.size(); i += FOLDS) {
        String predicted = model.type(t.features.get(i));
        String gold = PageType.TYPES.get(t.labels[i]);
        confusion.get(gold).merge(predicted, 1, Integer::sum);
        right += predicted.equals(gold) ? 1 : 0;
        rightUnaddressed += model.type(PageType.withoutAddress(t.features.get(i))).equals(gold) ? 1 : 0;
        double f = t.f1(i, predicted, model.readsWhole(predicted, t.features.get(i)));
        sum += f;
        n++;
        if (gold.equals("article")) {
          articleSum += f;
          articles++;
        }
      }
      Fold f = new Fold(fold + 1, choice.setting().toString(), choice.rules(), (double) right / n, sum / n,
          articleSum / articles);
      log.printf(Locale.ROOT, "fold %d: %s, %s: held-out accuracy %.4f, F1 %.4f, articles %.4f%n",
          f.fold(), f.setting(), f.readWhole(), f.accuracy(), f.f1(), f.articleF1());
      folds.add(f);
    }

    double unaddressed = (double) rightUnaddressed / pages.size();
    log.printf(Locale.ROOT, "held-out accuracy of the pages without their address: %.4f%n", unaddressed);
    Choice shipped = t.choose(grid, Set.of());
    double minutes = (System.nanoTime() - start) / 6e10;
    Map<String, String> notes = new LinkedHashMap<>(shipped.notes());
    notes.put("data", "WCXB dev split (Foley 2026, CC BY 4.0): " + pages.size() + " pages of 7 types");
    notes.put("command", "bin/" + PageType.REBUILD);
    notes.put("method", "L2-regularised logistic regression (liblinear), one-vs-rest, over the page's declared types, "
        + "shape and container share (" + PageType.DENSE.size() + " numbers, standardised) and, when chosen, the words of "
        + "its address; each page seen twice, with and without its address; binary features seen >= " + MIN_COUNT
        + " times; C, class balance and address words by 5-fold "
        + "accuracy (page i in fold i mod 5), then per predicted type the container's share of the page's text below "
        + "which the page is read whole, by the folds' word-F1");
    notes.put("setting", shipped.setting().toString());
    notes.put("cross-validated accuracy", String.format(Locale.ROOT, "%.4f", shipped.accuracy()));
    StringBuilder nested = new StringBuilder();
    for (Fold f : folds) {
      nested.append(nested.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
          "fold %d accuracy %.4f F1 %.4f articles %.4f", f.fold(), f.accuracy(), f.f1(), f.articleF1()));
    }
    notes.put("nested cross-validation (held-out)", nested.toString());
    StringBuilder perType = new StringBuilder();
    Result result = new Result(folds, confusion, shipped.setting().toString(), shipped.rules(), shipped.accuracy());
    for (String type : PageType.TYPES) {
      perType.append(perType.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.3f", type, result.accuracy(type)));
    }
    notes.put("held-out accuracy per type", perType.toString());
    notes.put("held-out accuracy without the address", String.format(Locale.ROOT, "%.4f", unaddressed));
    notes.put("training minutes (2 cores)", String.format(Locale.ROOT, "%.1f", minutes));
    LinearModel model = t.fit(shipped.setting(), i -> true).withNotes(notes);
    model.write(out);
    return result;
  }

  /** A setting and each type's share below which a page is read whole, with the setting's cross-validated accuracy. */
  private record Choice(Setting setting, Map<String, Double> wholeBelow, double accuracy) {
    /** The model's notes that carry the reading rule. */
    Map<String, String> notes() {
      return PageType.readWholeNote(wholeBelow);
    }

    String rules() {
      return PageType.readWholeNote(wholeBelow).get(PageType.READ_WHOLE);
    }
  }

  /**
   * Chooses the setting and each type's share below which a page is read whole by cross-validation over the folds not in
   * {@code heldOut}, each of them held out in turn.
   */
  private Choice choose(List<Setting> grid, Set<Integer> heldOut) {
    Chosen chosen = chooseSetting(grid, heldOut);
    double[][] probabilities = chosen.probabilities();
    // The share below which a page is read whole, per type: on the pages cross-validation
    // predicted so, by their word-F1; the lower share when two tie.
    String[] predicted = new String[pages.size()];
    for (int i = 0; i < pages.size(); i++) {
      predicted[i] = probabilities[i] == null ? null : PageType.TYPES.get(LinearModel.argmax(probabilities[i]));
    }
    Map<String, Double> below = new LinkedHashMap<>();
    for (String type : PageType.TYPES) {
      double bestShare = 0;
      double bestSum = -1;
      for (double share : SHARES) {
        double sum = 0;
        for (int i = 0; i < pages.size(); i++) {
          if (type.equals(predicted[i])) {
            sum += f1(i, type, PageType.containerShare(features.get(i)) < share);
          }
        }
        if (sum > bestSum + 1e-9) {
          bestSum = sum;
          bestShare = share;
        }
      }
      below.put(type, bestShare);
    }
    return new Choice(chosen.setting(), below, chosen.accuracy());
  }

  /** A setting, its cross-validated accuracy, and each page's cross-validated type probabilities under it (null for held-out pages). */
  private record Chosen(Setting setting, double accuracy, double[][] probabilities) {}

  /** The setting of {@code grid} whose accuracy, by cross-validation over the folds not in {@code heldOut}, is highest. */
  private Chosen chooseSetting(List<Setting> grid, Set<Integer> heldOut) {
    List<Integer> inner = new ArrayList<>();
    for (int f = 0; f < FOLDS; f++) {
      if (!heldOut.contains(f)) {
        inner.add(f);
      }
    }
    double[][][] probabilities = new double[grid.size()][pages.size()][];
    for (int f : inner) {
      Map<Boolean, LinearTrainer> trainers = new LinkedHashMap<>();
      for (int s = 0; s < grid.size(); s++) {
        Setting setting = grid.get(s);
        LinearTrainer trainer = trainers.computeIfAbsent(setting.addressWords(),
            words -> trainer(words, i -> i % FOLDS != f && !heldOut.contains(i % FOLDS)));
        LinearModel m = trainer.fit(setting.c(), setting.balanced());
        for (int i = f; i < pages.size(); i += FOLDS) {
          probabilities[s][i] = m.probabilities(binary(i, setting.addressWords()), features.get(i).dense());
        }
      }
    }
    int best = -1;
    double bestAccuracy = -1;
    for (int s = 0; s < grid.size(); s++) {
      int right = 0;
      int n = 0;
      for (int i = 0; i < pages.size(); i++) {
        if (probabilities[s][i] != null) {
          right += LinearModel.argmax(probabilities[s][i]) == labels[i] ? 1 : 0;
          n++;
        }
      }
      double accuracy = (double) right / n;
      if (accuracy > bestAccuracy + 1e-12) {
        bestAccuracy = accuracy;
        best = s;
      }
    }
    return new Chosen(grid.get(best), bestAccuracy, probabilities[best]);
  }

  private static List<Setting> grid() {
    List<Setting> grid = new ArrayList<>();
    for (boolean words : new boolean[] {false, true}) {
      for (boolean balanced : new boolean[] {false, true}) {
        for (double c : C) {
          grid.add(new Setting(c, balanced, words));
        }
      }
    }
    return grid;
  }

  /**
   * Each page's kind ({@link PageType#kind}) from a model that never saw the page: for page i,
   * one fitted on the other four folds (page i in fold i mod 5), its setting chosen by
   * cross-validation on those folds alone, as {@link #train} chooses it. What trains a model that
   * reads the kind ({@link TitleTrainer}) must see kinds as unseen pages get them: the shipped
   * model, fitted on all of dev, is right on dev more often than on any other page. Null when some
   * type has pages in fewer than three folds: choosing the setting fits on three folds (neither
   * the held-out one nor the inner one), and every type must be among them.
   *
   * @param features each page's features, in the order of {@code pages}, as {@link HtmlArticles#of} reads them
   *     ({@link HtmlArticles#features} and {@link HtmlArticles#titleChoice} give them)
   */
  static String[] heldOutKinds(List<WcxbBenchmark.Page> pages, List<PageType.Features> features) throws IOException {
    PageTypeTrainer t = new PageTypeTrainer(pages, features);
    for (int type = 0; type < PageType.TYPES.size(); type++) {
      Set<Integer> folds = new java.util.HashSet<>();
      for (int i = 0; i < pages.size(); i++) {
        if (t.labels[i] == type) {
          folds.add(i % FOLDS);
        }
      }
      if (folds.size() < 3) {
        return null;
      }
    }
    String[] kinds = new String[pages.size()];
    for (int fold = 0; fold < FOLDS; fold++) {
      int held = fold;
      Setting setting = t.chooseSetting(grid(), Set.of(held)).setting();
      PageType model = PageType.of(t.fit(setting, i -> i % FOLDS != held));
      for (int i = held; i < pages.size(); i += FOLDS) {
        kinds[i] = PageType.kind(model.type(t.features.get(i)));
      }
    }
    return kinds;
  }

  private double f1(int page, String type, boolean whole) {
    int group = Math.max(0, GROUPS.indexOf(type));
    return f1[page][group * 2 + (whole ? 1 : 0)];
  }

  private List<String> binary(int page, boolean addressWords) {
    List<String> all = features.get(page).binary();
    return addressWords ? all : all.stream().filter(f -> !PageType.isAddressWord(f)).toList();
  }

  /**
   * A trainer on the pages {@code train} accepts, each twice: as it is and without its address,
   * as a page read from a file that names none comes (WCXB gives every page's).
   */
  private LinearTrainer trainer(boolean addressWords, java.util.function.IntPredicate train) {
    List<List<String>> x = new ArrayList<>();
    List<float[]> dense = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      if (train.test(i)) {
        x.add(binary(i, addressWords));
        dense.add(features.get(i).dense());
        y.add(labels[i]);
        PageType.Features unaddressed = PageType.withoutAddress(features.get(i));
        x.add(unaddressed.binary());
        dense.add(unaddressed.dense());
        y.add(labels[i]);
      }
    }
    return new LinearTrainer(x, dense, 1, y.stream().mapToInt(Integer::intValue).toArray(), PageType.TYPES, MIN_COUNT);
  }

  private LinearModel fit(Setting setting, java.util.function.IntPredicate train) {
    return trainer(setting.addressWords(), train).fit(setting.c(), setting.balanced());
  }
}
