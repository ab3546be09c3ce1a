package org.presslens.nlp.claims;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.presslens.core.Pipeline;
import org.presslens.nlp.eval.CheckThatTsv;
import org.presslens.nlp.eval.Counts;
import org.presslens.nlp.learn.LinearTrainer;

/**
 * Trains the check-worthiness model on CheckThat! TSV files: L2-regularised logistic regression
 * (liblinear) over {@link ClaimFeatures}; the regularisation C and then the decision threshold
 * are chosen by F1 of the positive class on dev. Features seen fewer than twice in train are
 * dropped.
 */
public final class ClaimTrainer {
  private static final double[] C_GRID = {0.03, 0.1, 0.3, 1.0};
  private static final int MIN_COUNT = 2;

  private ClaimTrainer() {}

  /** What training chose and measured. */
  public record Result(ClaimModel model, double c, Counts dev, Counts devTest) {}

  /**
   * Trains on {@code train}, tunes on {@code dev}, measures on {@code devTest} (may be null), and
   * writes the model to {@code out}.
   */
  public static Result train(Path train, Path dev, Path devTest, Pipeline pipeline, Path out, PrintStream log)
      throws IOException, InterruptedException {
    List<Example> trainSet = featurize(CheckThatTsv.read(train), pipeline, log, "train");
    List<Example> devSet = featurize(CheckThatTsv.read(dev), pipeline, log, "dev");
    List<Example> devTestSet = devTest == null ? List.of() : featurize(CheckThatTsv.read(devTest), pipeline, log, "dev-test");

    int[] labels = trainSet.stream().mapToInt(e -> e.checkworthy() ? 1 : 0).toArray();
    LinearTrainer trainer = new LinearTrainer(trainSet.stream().map(Example::features).toList(), labels, List.of("no", "yes"), MIN_COUNT);
    ClaimModel best = null;
    double bestC = 0;
    Counts bestDev = null;
    for (double c : C_GRID) {
      ClaimModel candidate = new ClaimModel(trainer.fit(c));
      double[] scores = devSet.stream().mapToDouble(e -> candidate.score(e.features())).toArray();
      double threshold = bestThreshold(scores, devSet);
      Counts onDev = counts(scores, devSet, threshold);
      log.printf("C=%.2f: dev F1 %.4f at threshold %.3f%n", c, onDev.f1(), threshold);
      if (bestDev == null || onDev.f1() > bestDev.f1()) {
        best = candidate.withNotes(Map.of("threshold", String.format(java.util.Locale.ROOT, "%.4f", threshold)));
        bestC = c;
        bestDev = onDev;
      }
    }
    ClaimModel chosen = best;
    Counts onDevTest = null;
    if (!devTestSet.isEmpty()) {
      double[] scores = devTestSet.stream().mapToDouble(e -> chosen.score(e.features())).toArray();
      onDevTest = counts(scores, devTestSet, chosen.threshold());
    }
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("data", "CLEF-2024 CheckThat! Task 1 English: train " + trainSet.size() + " sentences, dev "
        + devSet.size() + (devTestSet.isEmpty() ? "" : ", dev-test " + devTestSet.size()));
    notes.put("method", "L2-regularised logistic regression (liblinear), features seen >= " + MIN_COUNT
        + " times in train: " + trainer.features());
    notes.put("C", String.valueOf(bestC));
    notes.put("dev", String.format(java.util.Locale.ROOT, "P %.4f R %.4f F1 %.4f", bestDev.precision(), bestDev.recall(), bestDev.f1()));
    if (onDevTest != null) {
      notes.put("dev-test", String.format(java.util.Locale.ROOT, "P %.4f R %.4f F1 %.4f", onDevTest.precision(), onDevTest.recall(), onDevTest.f1()));
    }
    ClaimModel model = chosen.withNotes(notes);
    model.write(out);
    return new Result(model, bestC, bestDev, onDevTest);
  }

  private record Example(List<String> features, boolean checkworthy) {}

  private static List<Example> featurize(List<CheckThatTsv.Row> rows, Pipeline pipeline, PrintStream log, String name)
      throws InterruptedException {
    List<List<String>> features = CheckThatTsv.analyze(rows, pipeline,
        d -> d.tokens().isEmpty() ? List.<String>of() : ClaimFeatures.of(d, 0, d.tokens().size()));
    List<Example> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new Example(features.get(i), rows.get(i).checkworthy()));
    }
    log.printf("%s: %d sentences analysed%n", name, out.size());
    return out;
  }

  /** The threshold among the scores that gives the best F1 of the positive class. */
  private static double bestThreshold(double[] scores, List<Example> gold) {
    double best = 0.5;
    double bestF1 = -1;
    for (double candidate : scores) {
      double f1 = counts(scores, gold, candidate).f1();
      if (f1 > bestF1) {
        bestF1 = f1;
        best = candidate;
      }
    }
    return best;
  }

  private static Counts counts(double[] scores, List<Example> gold, double threshold) {
    boolean[] predicted = new boolean[scores.length];
    boolean[] actual = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      predicted[i] = scores[i] >= threshold;
      actual[i] = gold.get(i).checkworthy();
    }
    return Counts.of(predicted, actual);
  }
}
