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
import java.util.function.IntPredicate;
import org.presslens.core.learn.LinearModel;
import org.presslens.core.learn.LinearTrainer;

/**
 * Trains {@link TitleChooser} on a WCXB split (the dev split: the only one with labels here).
 *
 * <p>Each page with a gold title gives its candidates, each labelled right when its words equal
 * the gold's (the benchmark's title rule). A logistic regression scores candidates; a page's title
 * is its best-scoring one, and accuracy is the share of pages whose title is right (pages where no
 * candidate is right count as wrong). C is chosen by 5 folds over the pages (page i in fold i mod
 * 5, in id order, as {@code eval extraction --folds 5} counts them). The figures reported are
 * nested: for each outer fold, C is chosen by four-fold cross-validation on the other folds alone,
 * the model fitted on them, and the fold scored. The shipped model is chosen and fitted the same
 * way on all pages. A page's kind, one of the features, comes from a page-type model fitted
 * without the page's fold ({@link PageTypeTrainer#heldOutKinds}), as an unseen page's would.
 */
public final class TitleTrainer {
  private static final int FOLDS = 5;
  private static final double[] C = {0.03, 0.1, 0.3, 1, 3};
  private static final List<String> CLASSES = List.of("other", "title");

  private TitleTrainer() {}

  /** One outer fold: the C chosen on the other folds, and the held-out accuracy of the model and of the rules alone. */
  public record Fold(int fold, double c, double accuracy, double rules) {}

  /**
   * What training found.
   *
   * @param folds the outer folds' held-out figures
   * @param c the shipped model's C, chosen by 5 folds over all pages
   * @param cvAccuracy that C's 5-fold accuracy over all pages
   * @param pages pages with a gold title
   * @param oracle the share of those pages where some candidate is right
   */
  public record Result(List<Fold> folds, double c, double cvAccuracy, int pages, double oracle) {}

  private record Page(int fold, List<Set<String>> features, List<Boolean> right, boolean rulesRight) {}

  /** The pages read, and whether their kinds came from page-type models that never saw them. */
  private record Read(List<Page> pages, boolean heldOutKinds) {}

  /** Reads {@code split}, trains, writes the model to {@code out} with its figures in its notes. */
  public static Result train(Path split, Path out, PrintStream log) throws IOException {
    Read read = read(split, log);
    List<Page> pages = read.pages();
    List<Fold> folds = new ArrayList<>();
    for (int k = 0; k < FOLDS; k++) {
      int held = k;
      double c = bestC(pages, p -> p != held);
      LinearModel m = fit(pages, i -> pages.get(i).fold() != held, c);
      folds.add(new Fold(k + 1, c, accuracy(m, pages, p -> p == held), rulesAccuracy(pages, p -> p == held)));
      log.printf(Locale.ROOT, "fold %d: C %s, held-out accuracy %.4f (rules %.4f)%n", k + 1, c, folds.get(k).accuracy(),
          folds.get(k).rules());
    }
    double c = bestC(pages, p -> true);
    double cv = cvAccuracy(pages, p -> true, c);
    double oracle = pages.stream().filter(p -> p.right().contains(true)).count() / (double) pages.size();
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("data", "WCXB dev split (" + pages.size() + " pages with a gold title), " + split.getFileName());
    notes.put("command", TitleChooser.REBUILD);
    notes.put("setting", "logistic regression (liblinear), C " + c + ", chosen by 5 folds over the pages (page i in fold i mod 5)");
    notes.put("nested", String.format(Locale.ROOT, "held-out title accuracy %.4f (rules alone %.4f), mean over 5 folds",
        folds.stream().mapToDouble(Fold::accuracy).average().orElse(0), folds.stream().mapToDouble(Fold::rules).average().orElse(0)));
    notes.put("candidates", String.format(Locale.ROOT, "some candidate right on %.4f of pages", oracle));
    notes.put("kind", read.heldOutKinds() ? "each training page's kind from a page-type model fitted without the page's fold"
        : "the shipped page-type model's (the split has too few pages of some type to fit one without each fold)");
    fit(pages, i -> true, c).withNotes(notes).write(out);
    return new Result(folds, c, cv, pages.size(), oracle);
  }

  private static Read read(Path split, PrintStream log) throws IOException {
    List<WcxbBenchmark.Page> all = WcxbBenchmark.pages(split);
    List<HtmlArticles.TitleChoice> choices = new ArrayList<>();
    for (WcxbBenchmark.Page p : all) {
      choices.add(HtmlArticles.titleChoice(p.bytes(), p.url()));
      if (choices.size() % 250 == 0) {
        log.println("read " + choices.size() + " pages");
      }
    }
    log.println("page kinds, each from a page-type model fitted without the page's fold ...");
    String[] kinds = PageTypeTrainer.heldOutKinds(all, choices.stream().map(HtmlArticles.TitleChoice::features).toList());
    if (kinds == null) {
      log.println("too few pages of some type to fit a page-type model without each fold: the shipped model's kinds");
    }
    List<Page> pages = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      String gold = all.get(i).gold().path("title").asText("");
      if (gold.isBlank()) {
        continue;
      }
      List<String> goldWords = WcxbBenchmark.words(gold);
      HtmlArticles.TitleChoice choice = choices.get(i);
      String kind = kinds != null ? kinds[i] : PageType.kind(PageType.shipped().type(choice.features()));
      TitleChooser.Page page = TitleChooser.page(choice.ruleTitle(), kind, choice.address(), choice.candidates());
      List<Set<String>> features = new ArrayList<>();
      List<Boolean> right = new ArrayList<>();
      for (TitleChooser.Candidate c : choice.candidates()) {
        features.add(TitleChooser.features(c, page));
        right.add(WcxbBenchmark.words(c.text()).equals(goldWords));
      }
      boolean rulesRight = choice.ruleTitle() != null && WcxbBenchmark.words(choice.ruleTitle()).equals(goldWords);
      pages.add(new Page(i % FOLDS, features, right, rulesRight));
    }
    return new Read(pages, kinds != null);
  }

  /** The C whose four- (or five-) fold accuracy over the folds {@code use} accepts is highest. */
  private static double bestC(List<Page> pages, IntPredicate use) {
    double best = C[0];
    double bestAccuracy = -1;
    for (double c : C) {
      double a = cvAccuracy(pages, use, c);
      if (a > bestAccuracy) {
        bestAccuracy = a;
        best = c;
      }
    }
    return best;
  }

  private static double cvAccuracy(List<Page> pages, IntPredicate use, double c) {
    double sum = 0;
    int folds = 0;
    for (int k = 0; k < FOLDS; k++) {
      if (!use.test(k)) {
        continue;
      }
      int held = k;
      LinearModel m = fit(pages, i -> use.test(pages.get(i).fold()) && pages.get(i).fold() != held, c);
      sum += accuracy(m, pages, p -> p == held);
      folds++;
    }
    return sum / folds;
  }

  private static LinearModel fit(List<Page> pages, IntPredicate train, double c) {
    List<Set<String>> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      if (train.test(i)) {
        x.addAll(pages.get(i).features());
        pages.get(i).right().forEach(r -> y.add(r ? 1 : 0));
      }
    }
    return new LinearTrainer(x, y.stream().mapToInt(Integer::intValue).toArray(), CLASSES, 1).fit(c);
  }

  /** The share of the pages of the folds {@code folds} accepts whose best-scoring candidate is right. */
  private static double accuracy(LinearModel m, List<Page> pages, IntPredicate folds) {
    int n = 0;
    int right = 0;
    for (Page p : pages) {
      if (!folds.test(p.fold())) {
        continue;
      }
      n++;
      int best = -1;
      double bestScore = -1;
      for (int j = 0; j < p.features().size(); j++) {
        double s = m.probability(p.features().get(j));
        if (s > bestScore) {
          bestScore = s;
          best = j;
        }
      }
      right += best >= 0 && p.right().get(best) ? 1 : 0;
    }
    return n == 0 ? 0 : (double) right / n;
  }

  private static double rulesAccuracy(List<Page> pages, IntPredicate folds) {
    return pages.stream().filter(p -> folds.test(p.fold())).mapToDouble(p -> p.rulesRight() ? 1 : 0).average().orElse(0);
  }
}
