package org.presslens.nlp.techniques;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presslens.core.Document;
import org.presslens.core.PersuasionTechnique;
import org.presslens.core.Pipeline;
import org.presslens.core.Span;
import org.presslens.core.Technique;
import org.presslens.nlp.eval.ParallelAnalysis;
import org.presslens.nlp.eval.PtcCorpus;
import org.presslens.nlp.eval.TechniqueEval;
import org.presslens.nlp.learn.LinearModel;
import org.presslens.nlp.learn.LinearTrainer;

/**
 * Trains the techniques models on the PTC train split and tunes them on dev: the span model's C
 * and decision threshold by SI F1, the kind model's C by TC accuracy on the gold dev spans. Nothing
 * is chosen on any other split; features seen fewer than twice in train are dropped.
 */
public final class TechniqueTrainer {
  private static final double[] SPAN_C = {0.01, 0.03, 0.1};
  /** Share of the span threshold that extends a run, tried on dev. */
  private static final double[] EXTEND = {1, 0.7, 0.5, 0.35, 0.25};
  private static final double[] KIND_C = {0.1, 0.3, 1, 3};
  private static final int MIN_COUNT = 2;

  private TechniqueTrainer() {}

  /** The trained model and its scores on dev and train. */
  public record Result(TechniqueModel model, TechniqueEval.Report dev, TechniqueEval.Report train) {}

  /** Trains, tunes, scores and writes both models into {@code out} (a folder). */
  public static Result train(Path trainArticles, Path trainLabels, Path devArticles, Path devLabels, Pipeline pipeline, Path out, PrintStream log)
      throws IOException, InterruptedException {
    List<PtcCorpus.Labelled> train = PtcCorpus.read(trainArticles, trainLabels);
    List<PtcCorpus.Labelled> dev = PtcCorpus.read(devArticles, devLabels);
    List<Document> trainDocs = analyze(train, pipeline, log, "train");
    List<Document> devDocs = analyze(dev, pipeline, log, "dev");
    List<TechniqueFeatures> trainFeatures = trainDocs.stream().map(TechniqueFeatures::new).toList();
    List<TechniqueFeatures> devFeatures = devDocs.stream().map(TechniqueFeatures::new).toList();

    LinearModel spans = trainSpans(train, trainFeatures, dev, devFeatures, log);
    LinearModel kinds = trainKinds(train, trainFeatures, dev, devFeatures, log);
    TechniqueModel chosen = new TechniqueModel(spans, kinds);
    TechniqueEval.Report onDev = TechniqueEval.score(dev, annotate(devDocs, chosen), chosen);
    TechniqueEval.Report onTrain = TechniqueEval.score(train, annotate(trainDocs, chosen), chosen);
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("data", "PTC v2 (SemEval-2020 Task 11): train " + train.size() + " articles, dev " + dev.size());
    notes.put("dev", String.format(Locale.ROOT, "SI F1 %.4f, TC micro-F1 %.4f, technique-aware F1 %.4f", onDev.si().f1(), onDev.tc(), onDev.aware().f1()));
    notes.put("train", String.format(Locale.ROOT, "SI F1 %.4f, TC micro-F1 %.4f, technique-aware F1 %.4f", onTrain.si().f1(), onTrain.tc(), onTrain.aware().f1()));
    TechniqueModel model = new TechniqueModel(spans.withNotes(notes), kinds.withNotes(notes));
    model.write(out);
    return new Result(model, onDev, onTrain);
  }

  private static List<Document> analyze(List<PtcCorpus.Labelled> data, Pipeline pipeline, PrintStream log, String name)
      throws InterruptedException {
    long t0 = System.nanoTime();
    List<Document> docs = ParallelAnalysis.map(data.stream().map(PtcCorpus.Labelled::article).toList(), pipeline, d -> d);
    log.printf("%s: %d articles analysed in %.0f s%n", name, docs.size(), (System.nanoTime() - t0) / 1e9);
    return docs;
  }

  /** The span model's trainer: is each train token part of a technique? */
  private static LinearTrainer tokenTrainer(List<PtcCorpus.Labelled> train, List<TechniqueFeatures> features) {
    List<List<String>> examples = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (int d = 0; d < train.size(); d++) {
      TechniqueFeatures f = features.get(d);
      List<Technique> gold = train.get(d).gold();
      for (int i = 0; i < f.size(); i++) {
        Span token = f.token(i).span();
        examples.add(f.ofToken(i));
        labels.add(gold.stream().anyMatch(t -> t.span().overlaps(token)) ? 1 : 0);
      }
    }
    return new LinearTrainer(examples, labels.stream().mapToInt(Integer::intValue).toArray(), List.of("none", "technique"), MIN_COUNT);
  }

  /** The token model: C and the run thresholds with the best SI F1 on dev. */
  private static LinearModel trainSpans(List<PtcCorpus.Labelled> train, List<TechniqueFeatures> trainFeatures, 
      List<PtcCorpus.Labelled> dev, List<TechniqueFeatures> devFeatures, PrintStream log) {
    LinearTrainer trainer = tokenTrainer(train, trainFeatures);
    log.printf("span model: %d features%n", trainer.features());
    LinearModel best = null;
    double bestF1 = -1;
    for (double c : SPAN_C) {
      LinearModel candidate = trainer.fit(c);
      List<double[]> probabilities = new ArrayList<>();
      for (int d = 0; d < dev.size(); d++) {
        probabilities.add(TechniqueModel.tokenProbabilities(candidate, devFeatures.get(d)));
      }
      for (double extend : EXTEND) {
        for (int step = 4; step <= 28; step++) {
          double threshold = step * 0.025;
          TechniqueEval.Overlap si = TechniqueEval.Overlap.NONE;
          for (int d = 0; d < dev.size(); d++) {
            TechniqueFeatures f = devFeatures.get(d);
            List<Span> found = TechniqueModel.runs(f, probabilities.get(d), threshold, extend).stream().map(r -> r.span(f)).toList();
            si = si.plus(TechniqueEval.overlap(found, dev.get(d).gold().stream().map(Technique::span).toList()));
          }
          if (si.f1() > bestF1) {
            bestF1 = si.f1();
            best = candidate.withNotes(Map.of("threshold", String.format(Locale.ROOT, "%.3f", threshold), "extend", String.valueOf(extend)));
          }
        }
      }
      log.printf("span model C=%s: best dev SI F1 so far %.4f (%s)%n", c, bestF1, best.notes());
    }
    return best.withNotes(Map.of("method", "token tagger: L2-regularised logistic regression (liblinear), "
        + trainer.features() + " features seen >= " + MIN_COUNT + " times; C and the two run thresholds by dev SI F1"));
  }

  /** The span classifier: C with the best TC accuracy on the gold dev spans. */
  private static LinearModel trainKinds(List<PtcCorpus.Labelled> train, List<TechniqueFeatures> trainFeatures,
      List<PtcCorpus.Labelled> dev, List<TechniqueFeatures> devFeatures, PrintStream log) {
    List<String> classes = Arrays.stream(PersuasionTechnique.values()).map(PersuasionTechnique::label).sorted().toList();
    List<List<String>> examples = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    spanExamples(train, trainFeatures, classes, examples, labels);
    List<List<String>> devExamples = new ArrayList<>();
    List<Integer> devLabels = new ArrayList<>();
    spanExamples(dev, devFeatures, classes, devExamples, devLabels);
    LinearTrainer trainer = new LinearTrainer(examples, labels.stream().mapToInt(Integer::intValue).toArray(), classes, MIN_COUNT);
    log.printf("kind model: %d spans, %d features%n", labels.size(), trainer.features());
    LinearModel best = null;
    double bestAccuracy = -1;
    for (double c : KIND_C) {
      LinearModel candidate = trainer.fit(c);
      int right = 0;
      for (int i = 0; i < devExamples.size(); i++) {
        double[] p = candidate.probabilities(devExamples.get(i));
        int top = 0;
        for (int k = 1; k < p.length; k++) {
          top = p[k] > p[top] ? k : top;
        }
        right += top == devLabels.get(i) ? 1 : 0;
      }
      double accuracy = (double) right / devExamples.size();
      log.printf("kind model C=%s: dev accuracy (one label per span) %.4f%n", c, accuracy);
      if (accuracy > bestAccuracy) {
        bestAccuracy = accuracy;
        best = candidate;
      }
    }
    return best.withNotes(Map.of("method", "span classifier: one-vs-rest L2-regularised logistic regression (liblinear), "
        + trainer.features() + " features seen >= " + MIN_COUNT + " times; C by dev TC accuracy"));
  }

  private static void spanExamples(List<PtcCorpus.Labelled> data, List<TechniqueFeatures> features, List<String> classes,
      List<List<String>> examples, List<Integer> labels) {
    for (int d = 0; d < data.size(); d++) {
      TechniqueFeatures f = features.get(d);
      for (Technique t : data.get(d).gold()) {
        int[] range = f.tokensOf(t.span());
        int label = classes.indexOf(t.technique());
        if (range != null && label >= 0) {
          examples.add(f.ofSpan(range[0], range[1]));
          labels.add(label);
        }
      }
    }
  }

  private static List<Document> annotate(List<Document> analysed, TechniqueModel model) {
    TechniqueAnnotator annotator = new TechniqueAnnotator(model);
    List<Document> out = new ArrayList<>();
    for (Document d : analysed) {
      Document copy = d.copy(d.article(), annotator.requires());
      annotator.annotate(copy);
      out.add(copy);
    }
    return out;
  }
}
