package org.presslens.nlp.techniques;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.presslens.core.Document;
import org.presslens.core.PersuasionTechnique;
import org.presslens.core.Pipeline;
import org.presslens.core.Span;
import org.presslens.core.Technique;
import org.presslens.nlp.encoder.Encoder;
import org.presslens.nlp.encoder.FineTuningData;
import org.presslens.nlp.eval.ParallelAnalysis;
import org.presslens.nlp.eval.PtcCorpus;
import org.presslens.nlp.eval.TechniqueEval;
import org.presslens.core.learn.LinearModel;
import org.presslens.core.learn.LinearTrainer;
import org.presslens.nlp.techniques.TechniqueModel.Decoding;

/**
 * Makes the techniques models from the PTC train split, never choosing on dev. The span model is
 * the spans head that {@code training/finetune.py} fine-tuned with the encoder, leaving out train
 * fold 0 (article i in fold i mod {@value #FOLDS}); its decoding (the two run thresholds and the
 * edge trimming) is chosen here by SI F1 on that fold's articles, scored by the shipped int8 graph.
 * The kind model is trained here: what it reads and C by {@value #FOLDS}-fold cross-validated
 * accuracy on the gold spans. Dev is scored once, after every choice is made.
 *
 * <p>The head replaced a token tagger over words and the encoder's vectors (liblinear), which this
 * class trained before: its 3-fold SI F1 was 0.3921, the head's on the held-out fold 0.4194
 * (docs/TECHNIQUES.md).
 */
public final class TechniqueTrainer {
  /** Three folds, as {@code training/finetune.py} folds PTC: article i in fold i mod 3. */
  private static final int FOLDS = 3;
  private static final int MIN_COUNT = 2;
  /** Where the shipped model lives in the source tree, as the commands in its notes write it. */
  private static final String RESOURCES = "presslens-nlp/src/main/resources/org/presslens/nlp/techniques/";

  /**
   * One point of a search: what the model reads, C, and the weight of the standardised vectors
   * (their own C is C·weight², so words and vectors can each get the regularisation they want).
   */
  private record Setting(Inputs inputs, double c, double vectorWeight) {
    Setting(Inputs inputs, double c) {
      this(inputs, c, 1);
    }

    @Override
    public String toString() {
      return inputs + "/C " + c + (inputs == Inputs.WORDS || vectorWeight == 1 ? "" : "/vector weight " + vectorWeight);
    }
  }

  /**
   * The kind model's search. A first search (3-fold accuracy) found words alone best at C 1
   * (0.5852; 0.5801 at 0.3, 0.5803 at 3), vectors alone at most 0.5310 (C 0.003–0.03), and both
   * at one C at most 0.5751 (C 0.01–0.1): words want C near 1, vectors near 0.003, so the points
   * with both give the vectors their own C through the weight.
   */
  private static final List<Setting> KIND_GRID = List.of(
      new Setting(Inputs.WORDS, 0.3), new Setting(Inputs.WORDS, 1), new Setting(Inputs.WORDS, 3),
      new Setting(Inputs.BOTH, 1, 0.05), new Setting(Inputs.BOTH, 1, 0.1), new Setting(Inputs.BOTH, 0.3, 0.1));

  /** Share of the span threshold that extends a run. */
  private static final double[] EXTEND = {1, 0.7, 0.5, 0.35, 0.25};
  /**
   * A tag is trimmed off a span's start (end) when fewer than this share of the gold-span tokens
   * carrying it start (end) a gold span. Never 0 (no trimming): a span ending on "the" or "by",
   * where the gold (almost) never ends, is a broken phrase to a reader whatever SI F1 says; a
   * first search that could choose no trimming did so (SI F1 0.3857 against 0.3819 trimmed) and
   * 10.8 % of its dev spans ended on a function word, against 0.7 % of the gold.
   */
  private static final double[] RARE_EDGE = {0.01, 0.03};
  /** Tags seen fewer times than this inside gold spans are never trimmed: too little evidence. */
  private static final int EDGE_EVIDENCE = 50;
  /** Function words, for the report of spans that start or end on one. */
  private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "by", "of", "and", "or", "to", "in", "for", "with",
      "on", "at", "from", "but", "that", "as");

  private TechniqueTrainer() {}

  /**
   * The model's figures on train (SI F1 on the held-out fold, at the decoding chosen there, NaN
   * for a {@link #refit}; the kind model's cross-validated accuracy) and on dev.
   */
  public record Result(double heldOutSi, double crossValidatedTc, TechniqueEval.Report dev) {}

  /** One gold span's example for the kind model. */
  private record SpanExample(List<String> words, float[] vectors, int label) {}

  /**
   * Chooses the span head's decoding on the train fold its fit left out, trains the kind model,
   * scores dev once, and writes both models into {@code out}.
   *
   * @param spanHead {@code spans-head.tsv.gz} of the encoder that {@code pipeline} runs, fitted
   *     without train fold 0
   * @throws IllegalArgumentException when the head's notes do not say that train fold 0 was left out
   */
  public static Result train(Path trainArticles, Path trainLabels, Path devArticles, Path devLabels, LinearModel spanHead,
      Pipeline pipeline, Path out, PrintStream log) throws IOException, InterruptedException {
    long started = System.nanoTime();
    requireHeldOutHead(spanHead);
    List<PtcCorpus.Labelled> train = PtcCorpus.read(trainArticles, trainLabels);
    List<TechniqueFeatures> features = analyze(train, pipeline, log, "train").stream().map(TechniqueFeatures::new).toList();
    double[][] probabilities = new double[train.size()][];
    for (int d = 0; d < train.size(); d += FOLDS) {
      probabilities[d] = TechniqueModel.tokenProbabilities(spanHead, features.get(d));
    }
    Searched held = searchDecoding(train, features, probabilities, d -> d % FOLDS == 0);
    log.printf("span head, held-out fold: SI F1 %.4f (P %.4f, R %.4f) with threshold %.3f, extend %s, edge rarity %s%n",
        held.si().f1(), held.si().precision(), held.si().recall(), held.decoding().threshold(), held.decoding().extend(), held.rareEdge());
    Map<String, String> spanNotes = new LinkedHashMap<>(); // added to the head's own notes
    spanNotes.put("decoding", "run thresholds and edge trimming by SI F1 on the " + (train.size() + FOLDS - 1) / FOLDS
        + " train articles of fold 0 (article i in fold i mod " + FOLDS + "), which the head's fit left out");
    spanNotes.put("held-out SI", String.format(Locale.ROOT, "F1 %.4f (P %.4f, R %.4f)", held.si().f1(), held.si().precision(), held.si().recall()));
    // The edge rarity was chosen on the held-out fold, with trimmed tags learnt from the other folds' gold;
    // the shipped tags are learnt from all of train's.
    Decoding decoding = withEdges(held.decoding(), train, features, d -> true, held.rareEdge());
    spanNotes.putAll(decoding.notes());
    spanNotes.put("edge rarity", held.rareEdge() + " (the trimmed tags learnt from all train gold spans; on the held-out fold, from the other folds')");
    if (!Decoding.of(spanNotes).equals(decoding)) {
      throw new IllegalStateException("the decoding does not survive its notes: " + decoding); // fail before the long fits, not after
    }
    return finish(train, features, spanHead.withNotes(spanNotes), held.si().f1(), "", devArticles, devLabels, pipeline, out, log, started);
  }

  /**
   * The model of a span head refitted on all of PTC train ({@code presslens train encoder
   * --refit}), decoded as {@link #train} chose for the head of the run that left train fold 0
   * out: {@code settings} is that model's span file ({@value TechniqueModel#SPANS}), whose notes
   * hold the decoding and the held-out SI, copied into the new model's notes. Nothing about the
   * spans is chosen here (no held-out fold is left); the kind model is trained as {@link #train}
   * trains it, and dev is scored once.
   *
   * @throws IllegalArgumentException when {@link #requireRefitHead} refuses the inputs
   */
  public static Result refit(Path trainArticles, Path trainLabels, Path devArticles, Path devLabels, LinearModel spanHead,
      LinearModel settings, Pipeline pipeline, Path out, PrintStream log) throws IOException, InterruptedException {
    long started = System.nanoTime();
    requireRefitHead(spanHead, settings);
    Decoding decoding = Decoding.of(settings.notes());
    Map<String, String> spanNotes = new LinkedHashMap<>(decoding.notes());
    spanNotes.put("decoding", "chosen for the head of the run that left train fold 0 out (" + settings.notes().get("final fit") + "): "
        + settings.notes().get("decoding"));
    spanNotes.put("held-out SI", settings.notes().get("held-out SI") + " (that run's head)");
    spanNotes.put("edge rarity", settings.notes().get("edge rarity"));
    List<PtcCorpus.Labelled> train = PtcCorpus.read(trainArticles, trainLabels);
    List<TechniqueFeatures> features = analyze(train, pipeline, log, "train").stream().map(TechniqueFeatures::new).toList();
    return finish(train, features, spanHead.withNotes(spanNotes), Double.NaN, " --settings-from " + RESOURCES + TechniqueModel.SPANS,
        devArticles, devLabels, pipeline, out, log, started);
  }

  /**
   * Checks that {@code spanHead} reads one token vector and is a refit of the run whose head
   * {@code settings} (a {@value TechniqueModel#SPANS} that {@link #train} wrote) was made from,
   * and that {@code settings} holds the whole decoding and every note a refit copies.
   *
   * @throws IllegalArgumentException when not: then the decoding was chosen for another head
   */
  public static void requireRefitHead(LinearModel spanHead, LinearModel settings) {
    FineTuningData.requireNotes(settings, "a span model", "presslens train techniques",
        List.of("threshold", "extend", "trim start", "trim end", "decoding", "held-out SI", "edge rarity"));
    requireTokenHead(spanHead);
    FineTuningData.requireRefitOf(spanHead, settings, "the span head");
  }

  private static void requireTokenHead(LinearModel spanHead) {
    if (spanHead.readsFeatures() || spanHead.denseInputs() != Encoder.DIMENSION) {
      throw new IllegalArgumentException("the span head must be a head over one token vector (" + Encoder.DIMENSION + " floats)");
    }
  }

  /** Trains the kind model beside {@code spans}, scores dev once, and writes both into {@code out}. */
  private static Result finish(List<PtcCorpus.Labelled> train, List<TechniqueFeatures> features, LinearModel spans, double heldOutSi,
      String commandTail, Path devArticles, Path devLabels, Pipeline pipeline, Path out, PrintStream log, long started)
      throws IOException, InterruptedException {
    Chosen kinds = trainKinds(train, features, log);

    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("kinds data", "PTC v2 (SemEval-2020 Task 11): train " + train.size() + " articles");
    notes.put("techniques command", "PRESSLENS_JAVA_OPTS=-Xmx16g bin/presslens train techniques --ptc ../shared/datasets/ptc-semeval2020"
        + " --span-head WORK/export/spans-head.tsv.gz" + commandTail + " --out " + RESOURCES);
    notes.put("encoder", Encoder.standard().name());
    TechniqueModel model = new TechniqueModel(spans, kinds.model());
    List<PtcCorpus.Labelled> dev = PtcCorpus.read(devArticles, devLabels);
    List<Document> devDocs = annotate(analyze(dev, pipeline, log, "dev"), model);
    TechniqueEval.Report onDev = TechniqueEval.score(dev, devDocs, model);
    notes.put("dev (scored once, after every choice)", String.format(Locale.ROOT, "SI F1 %.4f (P %.4f, R %.4f), TC micro-F1 %.4f, technique-aware F1 %.4f",
        onDev.si().f1(), onDev.si().precision(), onDev.si().recall(), onDev.tc(), onDev.aware().f1()));
    notes.put("dev spans on a function word", functionWordShare(devDocs, dev));
    notes.put("training minutes (2 cores)", String.format(Locale.ROOT, "%.1f", seconds(started) / 60));
    model = new TechniqueModel(spans.withNotes(notes), kinds.model().withNotes(notes));
    log.printf("dev: SI F1 %.4f, TC %.4f; function words: %s%n", onDev.si().f1(), onDev.tc(), notes.get("dev spans on a function word"));
    model.write(out);
    return new Result(heldOutSi, kinds.crossValidated(), onDev);
  }

  /**
   * Checks that {@code spanHead} is a head over one token vector fitted without train fold 0
   * ({@code finetune.py --exclude-fold 0} writes the note, {@code export_onnx.py} copies it).
   *
   * @throws IllegalArgumentException when it is not: then there is no held-out fold to choose its decoding on
   */
  public static void requireHeldOutHead(LinearModel spanHead) {
    requireTokenHead(spanHead);
    if (!FineTuningData.fittedWithoutFold0(spanHead)) {
      throw new IllegalArgumentException("the span head must have been fitted without train fold 0 (its notes say \"held out="
          + spanHead.notes().getOrDefault("held out", "") + "\"): else there is no held-out fold to choose its decoding on");
    }
  }

  /**
   * The SI of token scores made elsewhere: {@code training/finetune.py}'s out-of-fold span scores
   * over the PTC train articles ({@code --cv}; its folds are these, article i in fold i mod
   * {@value #FOLDS}), or those of the fold a fit left out ({@code held-out-spans.jsonl.gz}),
   * decoded as the shipped model decodes, with the run thresholds and the edge trimming searched
   * on the scored articles as {@link #train} searches them. So a candidate recipe is measured
   * before its encoder is exported. Articles without scores are left out of the measure, and said.
   *
   * @throws IllegalArgumentException when an article has scores for only some of its tokens
   */
  public static TechniqueEval.Overlap crossValidatedSi(Path trainArticles, Path trainLabels, Path scores, Pipeline pipeline, PrintStream log)
      throws IOException, InterruptedException {
    List<PtcCorpus.Labelled> train = PtcCorpus.read(trainArticles, trainLabels);
    List<TechniqueFeatures> features = analyze(train, pipeline, log, "train").stream().map(TechniqueFeatures::new).toList();
    Map<String, Map<Integer, double[]>> byArticle = FineTuningData.readSpanScores(scores, "train");
    List<Integer> scored = new ArrayList<>();
    for (int d = 0; d < train.size(); d++) {
      if (byArticle.containsKey(train.get(d).id())) {
        scored.add(d);
      }
    }
    if (scored.size() < train.size()) {
      log.printf("%d of %d train articles have scores; the others are left out%n", scored.size(), train.size());
    }
    // Every article keeps its place, and so its fold (the search folds by index); unscored ones stay null.
    double[][] probabilities = new double[train.size()][];
    for (int d : scored) {
      String id = train.get(d).id();
      double[] p = new double[features.get(d).size()];
      int filled = 0;
      for (Map.Entry<Integer, double[]> sentence : byArticle.getOrDefault(id, Map.of()).entrySet()) {
        if (sentence.getKey() + sentence.getValue().length > p.length) {
          throw new IllegalArgumentException(scores + ": article " + id + " has scores past its " + p.length + " tokens");
        }
        System.arraycopy(sentence.getValue(), 0, p, sentence.getKey(), sentence.getValue().length);
        filled += sentence.getValue().length;
      }
      if (filled != p.length) {
        throw new IllegalArgumentException(scores + ": article " + id + " has scores for " + filled + " of its " + p.length + " tokens");
      }
      probabilities[d] = p;
    }
    Searched s = searchDecoding(train, features, probabilities, scored::contains);
    log.printf("decoding: threshold %.3f, extend %s, edge rarity %s%n", s.decoding().threshold(), s.decoding().extend(), s.rareEdge());
    return s.si();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static List<Document> analyze(List<PtcCorpus.Labelled> data, Pipeline pipeline, PrintStream log, String name)
      throws InterruptedException {
    long t0 = System.nanoTime();
    List<Document> docs = ParallelAnalysis.map(data.stream().map(PtcCorpus.Labelled::article).toList(), pipeline, d -> d);
    log.printf("%s: %d articles analysed in %.0f s%n", name, docs.size(), seconds(t0));
    return docs;
  }

  /** A decoding, the edge-rarity share its trimmed tags came from, and the SI it reached. */
  private record Searched(Decoding decoding, double rareEdge, TechniqueEval.Overlap si) {}

  /**
   * The decoding with the best SI F1 over the train articles {@code scored} accepts, each decoded
   * from its (held-out or out-of-fold) probabilities with the edge tags learnt from the other
   * folds' gold.
   */
  private static Searched searchDecoding(List<PtcCorpus.Labelled> train, List<TechniqueFeatures> features, double[][] probabilities,
      IntPredicate scored) {
    Searched best = null;
    for (double rare : RARE_EDGE) {
      Decoding[] edges = new Decoding[FOLDS];
      for (int fold = 0; fold < FOLDS; fold++) {
        int held = fold;
        edges[fold] = withEdges(new Decoding(0, 1, Set.of(), Set.of()), train, features, d -> d % FOLDS != held, rare);
      }
      for (double extend : EXTEND) {
        for (int step = 4; step <= 28; step++) {
          double threshold = step / 40.0; // exactly the double that its note "%.3f" parses back to
          TechniqueEval.Overlap si = TechniqueEval.Overlap.NONE;
          for (int d = 0; d < train.size(); d++) {
            if (!scored.test(d)) {
              continue;
            }
            Decoding e = edges[d % FOLDS];
            TechniqueFeatures f = features.get(d);
            List<Span> found = TechniqueModel.runs(f, probabilities[d], new Decoding(threshold, extend, e.trimStart(), e.trimEnd()))
                .stream().map(r -> r.span(f)).toList();
            si = si.plus(TechniqueEval.overlap(found, train.get(d).gold().stream().map(Technique::span).toList()));
          }
          if (best == null || si.f1() > best.si().f1()) {
            best = new Searched(new Decoding(threshold, extend, edges[0].trimStart(), edges[0].trimEnd()), rare, si);
          }
        }
      }
    }
    return best;
  }

  /**
   * {@code d} with the tags trimmed off span edges learnt from the gold spans of the included
   * articles: a tag is trimmed off the start (end) when fewer than {@code rare} of the gold-span
   * tokens carrying it start (end) a span.
   */
  private static Decoding withEdges(Decoding d, List<PtcCorpus.Labelled> train, List<TechniqueFeatures> features, IntPredicate included,
      double rare) {
    Map<String, Integer> inside = new HashMap<>();
    Map<String, Integer> starts = new HashMap<>();
    Map<String, Integer> ends = new HashMap<>();
    for (int a = 0; a < train.size(); a++) {
      if (!included.test(a)) {
        continue;
      }
      TechniqueFeatures f = features.get(a);
      for (Technique t : train.get(a).gold()) {
        int[] range = f.tokensOf(t.span());
        if (range == null) {
          continue;
        }
        // Words only: punctuation is trimmed off every edge anyway.
        for (int i = range[0]; i < range[1]; i++) {
          if (f.isWord(i)) {
            inside.merge(f.pos(i), 1, Integer::sum);
          }
        }
        starts.merge(f.pos(range[0]), 1, Integer::sum);
        ends.merge(f.pos(range[1] - 1), 1, Integer::sum);
      }
    }
    Set<String> trimStart = new HashSet<>();
    Set<String> trimEnd = new HashSet<>();
    inside.forEach((tag, n) -> {
      if (n >= EDGE_EVIDENCE && starts.getOrDefault(tag, 0) < rare * n) {
        trimStart.add(tag);
      }
      if (n >= EDGE_EVIDENCE && ends.getOrDefault(tag, 0) < rare * n) {
        trimEnd.add(tag);
      }
    });
    return new Decoding(d.threshold(), d.extend(), trimStart, trimEnd);
  }

  /** The chosen kind model and its cross-validated accuracy. */
  private record Chosen(LinearModel model, double crossValidated) {}

  /** The kind model: inputs and C by cross-validated accuracy (one label per gold span). */
  private static Chosen trainKinds(List<PtcCorpus.Labelled> train, List<TechniqueFeatures> features, PrintStream log) {
    List<String> classes = Arrays.stream(PersuasionTechnique.values()).map(PersuasionTechnique::label).sorted().toList();
    List<List<SpanExample>> byArticle = new ArrayList<>();
    for (int d = 0; d < train.size(); d++) {
      byArticle.add(spanExamples(train.get(d), features.get(d), classes));
    }
    Setting best = null;
    double bestAccuracy = -1;
    StringBuilder tried = new StringBuilder();
    for (Setting setting : KIND_GRID) {
      int right = 0;
      int all = 0;
      for (int fold = 0; fold < FOLDS; fold++) {
        List<SpanExample> in = new ArrayList<>();
        List<SpanExample> held = new ArrayList<>();
        for (int d = 0; d < byArticle.size(); d++) {
          (d % FOLDS == fold ? held : in).addAll(byArticle.get(d));
        }
        LinearModel m = fitKinds(in, setting, classes);
        for (SpanExample e : held) {
          right += LinearModel.argmax(m.probabilities(e.words(), setting.inputs().vectors(e.vectors()))) == e.label() ? 1 : 0;
          all++;
        }
      }
      double accuracy = (double) right / all;
      log.printf("kind model %s: %d-fold accuracy %.4f%n", setting, FOLDS, accuracy);
      tried.append(String.format(Locale.ROOT, "%s%s %.4f", tried.length() == 0 ? "" : "; ", setting, accuracy));
      if (accuracy > bestAccuracy) {
        bestAccuracy = accuracy;
        best = setting;
      }
    }
    List<SpanExample> all = byArticle.stream().flatMap(List::stream).toList();
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("method", "span classifier: one-vs-rest L2-regularised logistic regression (liblinear) over " + best.inputs()
        + " (words: features seen >= " + MIN_COUNT + " times; vectors: the encoder's mean vectors of the span and its sentence);"
        + " inputs, C and vector weight by " + FOLDS + "-fold cross-validated accuracy on the train gold spans: " + best);
    notes.put("cross-validated accuracy", String.format(Locale.ROOT, "%.4f", bestAccuracy));
    notes.put("cross-validation", tried.toString());
    return new Chosen(fitKinds(all, best, classes).withNotes(notes), bestAccuracy);
  }

  private static LinearModel fitKinds(List<SpanExample> examples, Setting setting, List<String> classes) {
    Inputs inputs = setting.inputs();
    return new LinearTrainer(examples.stream().map(SpanExample::words).toList(),
        inputs == Inputs.WORDS ? null : examples.stream().map(SpanExample::vectors).toList(), setting.vectorWeight(),
        examples.stream().mapToInt(SpanExample::label).toArray(), classes, MIN_COUNT).fit(setting.c());
  }

  private static List<SpanExample> spanExamples(PtcCorpus.Labelled article, TechniqueFeatures f, List<String> classes) {
    List<SpanExample> out = new ArrayList<>();
    for (Technique t : article.gold()) {
      int[] range = f.tokensOf(t.span());
      int label = classes.indexOf(t.technique());
      if (range != null && label >= 0) {
        out.add(new SpanExample(f.ofSpan(range[0], range[1]), f.spanVectors(range[0], range[1]), label));
      }
    }
    return out;
  }

  /**
   * The share of spans that start, and that end, on a function word ("the", "of", "and"…), for the
   * predicted and the gold spans of dev: spans cut mid-phrase show here.
   */
  private static String functionWordShare(List<Document> predicted, List<PtcCorpus.Labelled> gold) {
    int[] found = new int[3];
    int[] expected = new int[3];
    for (int d = 0; d < gold.size(); d++) {
      TechniqueFeatures f = new TechniqueFeatures(predicted.get(d));
      predicted.get(d).techniques().forEach(t -> count(f, t.span(), found));
      gold.get(d).gold().forEach(t -> count(f, t.span(), expected));
    }
    return String.format(Locale.ROOT, "predicted %d spans, %.1f %% start and %.1f %% end on one; gold %d, %.1f %% and %.1f %%",
        found[0], 100.0 * found[1] / Math.max(1, found[0]), 100.0 * found[2] / Math.max(1, found[0]),
        expected[0], 100.0 * expected[1] / Math.max(1, expected[0]), 100.0 * expected[2] / Math.max(1, expected[0]));
  }

  private static void count(TechniqueFeatures f, Span span, int[] counts) {
    int[] range = f.tokensOf(span);
    if (range == null) {
      return;
    }
    counts[0]++;
    counts[1] += FUNCTION_WORDS.contains(f.token(range[0]).word().toLowerCase(Locale.ROOT)) ? 1 : 0;
    counts[2] += FUNCTION_WORDS.contains(f.token(range[1] - 1).word().toLowerCase(Locale.ROOT)) ? 1 : 0;
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
