package org.presslens.nlp.stance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.nlp.eval.NewsMtsc;
import org.presslens.nlp.eval.ParallelAnalysis;
import org.presslens.nlp.eval.StanceEval;
import org.presslens.nlp.learn.LinearModel;
import org.presslens.nlp.learn.LinearTrainer;

/**
 * Trains the stance model on NewsMTSC train. C, and whether classes are weighed to balance, are
 * chosen by macro-F1 in 5-fold cross-validation
 * over train sentences, never on dev: NewsMTSC has no other held-out split here, so dev is scored
 * once, after every choice is made.
 */
public final class StanceTrainer {
  private static final double[] C_GRID = {0.03, 0.1, 0.3, 1};
  private static final int FOLDS = 5;
  private static final int MIN_COUNT = 2;

  private StanceTrainer() {}

  public record Result(StanceModel model, double c, double crossValidatedF1, StanceEval.Scores dev) {}

  private record Example(List<String> features, int polarity) {}

  public static Result train(Path train, Path dev, Pipeline pipeline, Path out, PrintStream log) throws IOException, InterruptedException {
    List<List<Example>> bySentence = examples(NewsMtsc.read(train), pipeline);
    log.printf("train: %d sentences, %d targets%n", bySentence.size(), bySentence.stream().mapToInt(List::size).sum());
    double bestC = C_GRID[0];
    boolean bestBalanced = false;
    double bestF1 = -1;
    for (boolean balanced : new boolean[] {false, true}) {
    for (double c : C_GRID) {
      int[][] confusion = new int[3][3];
      for (int fold = 0; fold < FOLDS; fold++) {
        List<Example> in = new ArrayList<>();
        List<Example> held = new ArrayList<>();
        for (int s = 0; s < bySentence.size(); s++) {
          (s % FOLDS == fold ? held : in).addAll(bySentence.get(s));
        }
        LinearModel m = fit(in, c, balanced);
        for (Example e : held) {
          confusion[e.polarity()][LinearModel.argmax(m.probabilities(e.features()))]++;
        }
      }
      double f1 = StanceEval.Scores.of(confusion).macroF1();
      log.printf("C=%s%s: %d-fold macro-F1 %.4f%n", c, balanced ? ", classes balanced" : "", FOLDS, f1);
      if (f1 > bestF1) {
        bestF1 = f1;
        bestC = c;
        bestBalanced = balanced;
      }
    }
    }
    List<Example> all = bySentence.stream().flatMap(List::stream).toList();
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("data", "NewsMTSC real-world split: train " + bySentence.size() + " sentences, " + all.size() + " targets");
    notes.put("method", "L2-regularised logistic regression (liblinear), one-vs-rest, features seen >= " + MIN_COUNT
        + " times; C by " + FOLDS + "-fold cross-validated macro-F1 on train");
    notes.put("cross-validated macro-F1", String.format(Locale.ROOT, "%.4f", bestF1));
    notes.put("balanced", String.valueOf(bestBalanced));
    StanceModel model = new StanceModel(fit(all, bestC, bestBalanced));
    StanceEval.Scores onDev = dev == null ? null : StanceEval.run(NewsMtsc.read(dev), pipeline, model);
    if (onDev != null) {
      notes.put("dev", String.format(Locale.ROOT, "accuracy %.4f, macro-F1 %.4f", onDev.accuracy(), onDev.macroF1()));
    }
    model = model.withNotes(notes);
    model.write(out);
    return new Result(model, bestC, bestF1, onDev);
  }

  private static List<List<Example>> examples(List<NewsMtsc.Sentence> sentences, Pipeline pipeline) throws InterruptedException {
    List<Document> docs = ParallelAnalysis.map(sentences.stream().map(NewsMtsc.Sentence::article).toList(), pipeline, d -> d);
    List<List<Example>> out = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      List<Example> examples = new ArrayList<>();
      for (NewsMtsc.Target t : sentences.get(s).targets()) {
        List<String> f = StanceFeatures.of(docs.get(s), t.span());
        if (f != null) {
          examples.add(new Example(f, t.polarity()));
        }
      }
      out.add(examples);
    }
    return out;
  }

  private static LinearModel fit(List<Example> examples, double c, boolean balanced) {
    int[] labels = examples.stream().mapToInt(Example::polarity).toArray();
    return new LinearTrainer(examples.stream().map(Example::features).toList(), labels, NewsMtsc.POLARITIES, MIN_COUNT).fit(c, balanced);
  }

}
