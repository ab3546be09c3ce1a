package org.presslens.nlp.claims;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presslens.core.Pipeline;
import org.presslens.nlp.encoder.Encoder;
import org.presslens.nlp.eval.CheckThatTsv;
import org.presslens.nlp.eval.Counts;
import org.presslens.nlp.learn.Inputs;
import org.presslens.core.learn.LinearModel;
import org.presslens.core.learn.LinearTrainer;

/**
 * Trains the check-worthiness model on CheckThat! TSV files: L2-regularised logistic regression
 * (liblinear) over {@link ClaimFeatures}, the encoder's mean vector of the sentence, or both.
 * What it reads, the regularisation C and the decision threshold are all chosen by
 * cross-validation on train: {@value #FOLDS} folds of consecutive rows (so that sentences of one
 * debate mostly stay in one fold, as later debates are unseen ones), F1 of the positive class
 * over the out-of-fold scores at their best threshold. Dev and dev-test are scored once, at the
 * end, and choose nothing.
 */
public final class ClaimTrainer {
  private static final int FOLDS = 5;
  private static final int MIN_COUNT = 2;

  private ClaimTrainer() {}

  /**
   * The grids of C for what the model reads: the old words-only model chose 0.1 from 0.03–1; the
   * dense, standardised vectors want more regularisation (as for stance, where 0.01 won).
   */
  private static final Map<Inputs, double[]> GRID = Map.of(
      Inputs.WORDS, new double[] {0.03, 0.1, 0.3}, Inputs.VECTORS, new double[] {0.01, 0.03, 0.1}, Inputs.BOTH, new double[] {0.01, 0.03, 0.1});

  /** What training chose and measured. */
  public record Result(ClaimModel model, double c, double crossValidatedF1, Counts dev, Counts devTest) {}

  private record Example(List<String> features, float[] vector, boolean checkworthy) {}

  /**
   * Trains on {@code train}, chooses by cross-validation on it, measures on {@code dev} and
   * {@code devTest} (either may be null), and writes the model to {@code out}.
   */
  public static Result train(Path train, Path dev, Path devTest, Pipeline pipeline, Path out, PrintStream log)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    List<Example> trainSet = featurize(CheckThatTsv.read(train), pipeline, log, "train");
    Inputs bestInputs = null;
    double bestC = 0;
    double bestThreshold = 0.5;
    double bestF1 = -1;
    StringBuilder tried = new StringBuilder();
    for (Inputs inputs : Inputs.values()) {
      for (double c : GRID.get(inputs)) {
        double[] scores = new double[trainSet.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
          int from = fold * trainSet.size() / FOLDS;
          int to = (fold + 1) * trainSet.size() / FOLDS;
          List<Example> in = new ArrayList<>(trainSet.subList(0, from));
          in.addAll(trainSet.subList(to, trainSet.size()));
          LinearModel m = fit(in, inputs, c);
          for (int i = from; i < to; i++) {
            scores[i] = m.probability(inputs.words(trainSet.get(i).features()), inputs.vectors(trainSet.get(i).vector()));
          }
        }
        double threshold = bestThreshold(scores, trainSet);
        Counts counts = counts(scores, trainSet, threshold);
        log.printf("%s, C=%.2f: %d-fold F1 %.4f at threshold %.3f%n", inputs, c, FOLDS, counts.f1(), threshold);
        tried.append(String.format(Locale.ROOT, "%s%s/%s %.4f", tried.length() == 0 ? "" : "; ", inputs, c, counts.f1()));
        if (counts.f1() > bestF1) {
          bestF1 = counts.f1();
          bestInputs = inputs;
          bestC = c;
          bestThreshold = threshold;
        }
      }
    }
    ClaimModel model = new ClaimModel(fit(trainSet, bestInputs, bestC)
        .withNotes(Map.of("threshold", String.format(Locale.ROOT, "%.4f", bestThreshold))));
    Counts onDev = dev == null ? null : measure(model, featurize(CheckThatTsv.read(dev), pipeline, log, "dev"));
    Counts onDevTest = devTest == null ? null : measure(model, featurize(CheckThatTsv.read(devTest), pipeline, log, "dev-test"));
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("data", "CLEF-2024 CheckThat! Task 1 English: train " + trainSet.size() + " sentences");
    notes.put("command", "bin/presslens train claims"
        + " --train ../shared/datasets/checkworthy-ct24/CT24_checkworthy_english_train.tsv"
        + " --dev ../shared/datasets/checkworthy-ct24/CT24_checkworthy_english_dev.tsv"
        + " --dev-test ../shared/datasets/checkworthy-ct24/CT24_checkworthy_english_dev-test.tsv"
        + " --out presslens-nlp/src/main/resources/org/presslens/nlp/claims/claims-model.tsv.gz");
    notes.put("method", "L2-regularised logistic regression (liblinear) over " + bestInputs
        + " (words: features seen >= " + MIN_COUNT + " times in train; vectors: the encoder's mean vector of the sentence);"
        + " inputs, C and threshold by " + FOLDS + "-fold cross-validation on train (folds of consecutive rows)");
    notes.put("encoder", Encoder.standard().name());
    notes.put("C", String.valueOf(bestC));
    notes.put("cross-validated F1", String.format(Locale.ROOT, "%.4f", bestF1));
    notes.put("cross-validation", tried.toString());
    if (onDev != null) {
      notes.put("dev", String.format(Locale.ROOT, "P %.4f R %.4f F1 %.4f", onDev.precision(), onDev.recall(), onDev.f1()));
    }
    if (onDevTest != null) {
      notes.put("dev-test", String.format(Locale.ROOT, "P %.4f R %.4f F1 %.4f", onDevTest.precision(), onDevTest.recall(), onDevTest.f1()));
    }
    notes.put("training minutes (2 cores)", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 6e10));
    model = model.withNotes(notes);
    model.write(out);
    return new Result(model, bestC, bestF1, onDev, onDevTest);
  }

  private static LinearModel fit(List<Example> examples, Inputs inputs, double c) {
    int[] labels = examples.stream().mapToInt(e -> e.checkworthy() ? 1 : 0).toArray();
    List<float[]> vectors = inputs == Inputs.WORDS ? null : examples.stream().map(Example::vector).toList();
    return new LinearTrainer(examples.stream().map(e -> inputs.words(e.features())).toList(), vectors, 1, labels, List.of("no", "yes"), MIN_COUNT).fit(c);
  }

  private static Counts measure(ClaimModel model, List<Example> gold) {
    double[] scores = gold.stream().mapToDouble(e -> model.score(e.features(), model.readsVectors() ? e.vector() : null)).toArray();
    return counts(scores, gold, model.threshold());
  }

  private static List<Example> featurize(List<CheckThatTsv.Row> rows, Pipeline pipeline, PrintStream log, String name)
      throws InterruptedException {
    List<Example> read = CheckThatTsv.analyze(rows, pipeline, d -> d.tokens().isEmpty()
        ? new Example(List.of(), new float[Encoder.DIMENSION], false)
        : new Example(ClaimFeatures.of(d, 0, d.tokens().size()), d.vectors().mean(0, d.tokens().size()), false));
    List<Example> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new Example(read.get(i).features(), read.get(i).vector(), rows.get(i).checkworthy()));
    }
    log.printf("%s: %d sentences analysed%n", name, out.size());
    return out;
  }

  /** The threshold among the scores that gives the best F1 of the positive class. */
  private static double bestThreshold(double[] scores, List<Example> gold) {
    double best = 0.5;
    double bestF1 = -1;
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    // Every 1/200 quantile is a candidate: the F1 curve is flat at that grain, and it is 200 passes, not n.
    for (int q = 1; q < 200; q++) {
      double candidate = sorted[q * sorted.length / 200];
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
