package org.presslens.nlp.attribution;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presslens.core.Entity;
import org.presslens.core.Pipeline;
import org.presslens.core.Quote;
import org.presslens.nlp.attribution.AttributionModel.Roles;
import org.presslens.nlp.attribution.AttributionModel.Thresholds;
import org.presslens.nlp.eval.AttributionEval;
import org.presslens.nlp.eval.ParallelAnalysis;
import org.presslens.nlp.eval.PolnearCorpus;
import org.presslens.core.learn.LinearModel;
import org.presslens.core.learn.LinearTrainer;

/**
 * Trains the attribution model on PolNeAR's train split. Every tenth train article (in name
 * order) is held out to choose the three thresholds; then both taggers are refitted on all of
 * train. Dev is only scored, never used to choose.
 *
 * <p>Both taggers read words only. Beside the encoder's token vectors each lost on the held-out
 * articles (mean of exact, match and speaker F1): the cue tagger 0.5663 against 0.5687, the role
 * tagger (vectors randomly projected to 32) 0.5683 against 0.5687; docs/ATTRIBUTION.md.
 */
public final class AttributionTrainer {
  /**
   * Regularisation of both taggers. On the held-out train articles C = 0.3 beat 0.1 (match F1
   * 0.652 against 0.638) and 1 (0.636); each fit of the role tagger takes minutes, so it is fixed
   * here.
   */
  private static final double C = 0.3;
  private static final double[] THRESHOLDS = {0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};
  /** Train article i (in name order) is held out to choose the thresholds when i mod this is 0. */
  public static final int HELD_OUT_EVERY = 10;
  private static final int MIN_COUNT = 2;

  private AttributionTrainer() {}

  /** The trained model and its scores on the held-out train articles (while choosing) and on dev. */
  public record Result(AttributionModel model, AttributionEval.Result heldOut, AttributionEval.Result dev) {}

  /** One analysed article: its gold, the features the model reads and the entities speakers resolve to. */
  record Prepared(PolnearCorpus.Labelled gold, AttributionFeatures features, List<Entity> entities) {}

  /** Trains on {@code trainDir}, scores on {@code devDir}, writes both models into {@code out}. */
  public static Result train(Path trainDir, Path devDir, Pipeline pipeline, Path out, PrintStream log)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    List<Prepared> train = prepare(PolnearCorpus.read(trainDir), pipeline, log, "train");
    List<Prepared> fit = new ArrayList<>();
    List<Prepared> heldOut = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      (i % HELD_OUT_EVERY == 0 ? heldOut : fit).add(train.get(i));
    }
    Map<String, String> strings = new HashMap<>();
    Choice best = thresholds(cueTrainer(fit, strings).fit(C), roleTrainer(fit, strings, log).fit(C), heldOut);
    log.printf("held out %s at %s (%.0f s)%n", describe(best.result()), best.thresholds(), (System.nanoTime() - started) / 1e9);
    log.printf("refitting on all %d train articles%n", train.size());
    LinearModel cues = cueTrainer(train, strings).fit(C);
    LinearModel roles = roleTrainer(train, strings, log).fit(C);
    AttributionModel model = new AttributionModel(cues, roles, best.thresholds());
    List<Prepared> dev = prepare(PolnearCorpus.read(devDir), pipeline, log, "dev");
    AttributionEval.Result onDev = score(model, dev);
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("data", "PolNeAR train " + train.size() + " articles (every " + HELD_OUT_EVERY
        + "th held out to choose the thresholds, then refitted on all); dev " + dev.size() + " scored once");
    notes.put("command", "PRESSLENS_JAVA_OPTS=-Xmx18g bin/presslens train attribution --polnear ../shared/datasets/polnear/data"
        + " --out presslens-nlp/src/main/resources/org/presslens/nlp/attribution");
    notes.put("method", "cue tagger, and role tagger around each cue (source, content begin/inside/end, other), over words"
        + " (features seen >= " + MIN_COUNT + " times): L2-regularised logistic regression (liblinear), C " + C);
    notes.put("held out", describe(best.result()));
    notes.put("dev (scored once, after every choice)", describe(onDev));
    notes.put("training minutes (2 cores)", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 6e10));
    model = new AttributionModel(cues.withNotes(notes), roles.withNotes(notes), best.thresholds());
    model.write(out);
    return new Result(model, best.result(), onDev);
  }

  /**
   * One model's figures on the held-out train articles and the thresholds they were scored at:
   * chosen on those articles, or cross-fitted (chosen on the even-numbered held-out articles to
   * score the odd ones and the reverse, so that no article is scored at thresholds chosen on it).
   */
  public record HeldOut(AttributionEval.Result result, String thresholds) {}

  /**
   * Scores the attribution heads of a fine-tuned encoder ({@code training/finetune.py --tasks
   * attribution --exclude-fold 0}, written by {@code export_onnx.py --tasks cues,roles}:
   * {@code encoder.onnx}, {@code cues-head.tsv.gz}, {@code roles-head.tsv.gz} in {@code fineTuned})
   * on the train articles its fit left out: every {@value #HELD_OUT_EVERY}th, those on which this
   * trainer chooses the taggers' thresholds. Two figures: at the thresholds best on those articles
   * (the protocol of this trainer's held-out figure, which the shipped taggers' notes give), and
   * cross-fitted (see {@link HeldOut}). The shipped taggers are not scored here: refitted on all
   * of train, they have seen these articles.
   *
   * @return the figure at the best thresholds, then the cross-fitted one
   */
  public static List<HeldOut> scoreFineTuned(Path trainDir, Path fineTuned, PrintStream log)
      throws IOException, InterruptedException {
    List<PolnearCorpus.Labelled> all = PolnearCorpus.read(trainDir);
    List<PolnearCorpus.Labelled> heldOut = new ArrayList<>();
    for (int i = 0; i < all.size(); i += HELD_OUT_EVERY) {
      heldOut.add(all.get(i));
    }
    LinearModel cues = read(fineTuned.resolve("cues-head.tsv.gz"));
    LinearModel roles = read(fineTuned.resolve("roles-head.tsv.gz"));
    // finetune.py --exclude-fold 0 writes the note; export_onnx.py copies it into each head.
    String left = cues.notes().getOrDefault("held out", "");
    if (!left.startsWith("train fold 0 ") || !trainDir.normalize().getFileName().toString().equals("train")) {
      throw new IllegalArgumentException(fineTuned + ": its heads must have been fitted without train fold 0 (their notes say"
          + " \"held out=" + left + "\"), and " + trainDir + " must be PolNeAR's train split: else these articles are no held-out set");
    }
    org.presslens.nlp.encoder.Encoder encoder = org.presslens.nlp.encoder.Encoder.read(fineTuned.resolve("encoder.onnx"));
    List<Prepared> data = prepare(heldOut, org.presslens.nlp.Analyzer.beforeAttribution(encoder), log, "held-out train");
    Choice best = thresholds(cues, roles, data);
    HeldOut onThem = new HeldOut(best.result(), "chosen on these articles: " + best.thresholds());
    HeldOut crossFitted = crossFitted(cues, roles, data);
    log.printf("at the best thresholds: %s (%s)%ncross-fitted: %s (%s)%n", describe(onThem.result()), onThem.thresholds(),
        describe(crossFitted.result()), crossFitted.thresholds());
    return List.of(onThem, crossFitted);
  }

  private static LinearModel read(Path file) throws IOException {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      return LinearModel.read(in);
    }
  }

  /** Thresholds chosen on each half of {@code data} (even, odd), each scoring the other half. */
  private static HeldOut crossFitted(LinearModel cues, LinearModel roles, List<Prepared> data) {
    List<List<Prepared>> halves = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < data.size(); i++) {
      halves.get(i % 2).add(data.get(i));
    }
    List<PolnearCorpus.Labelled> gold = new ArrayList<>();
    List<List<Quote>> predicted = new ArrayList<>();
    List<String> chosen = new ArrayList<>();
    for (int h = 0; h < 2; h++) {
      Thresholds th = thresholds(cues, roles, halves.get(h)).thresholds();
      chosen.add(th.toString());
      AttributionModel model = new AttributionModel(cues, roles, th);
      for (Prepared p : halves.get(1 - h)) {
        gold.add(p.gold());
        predicted.add(AttributionAnnotator.quotes(model, p.features(), new ArrayList<>(p.entities())));
      }
    }
    return new HeldOut(AttributionEval.score(gold, predicted), "chosen on even " + chosen.get(0) + ", on odd " + chosen.get(1));
  }

  static List<Prepared> prepare(List<PolnearCorpus.Labelled> data, Pipeline pipeline, PrintStream log, String name)
      throws InterruptedException {
    long t0 = System.nanoTime();
    List<Prepared> analysed = ParallelAnalysis.map(data.stream().map(PolnearCorpus.Labelled::article).toList(), pipeline,
        doc -> new Prepared(null, new AttributionFeatures(new Tokens(doc.text(), doc.tokens()), doc.vectors()), doc.entities()));
    List<Prepared> out = new ArrayList<>();
    for (int i = 0; i < analysed.size(); i++) {
      out.add(new Prepared(data.get(i), analysed.get(i).features(), analysed.get(i).entities()));
    }
    log.printf("%s: %d articles analysed in %.0f s%n", name, out.size(), (System.nanoTime() - t0) / 1e9);
    return out;
  }

  /** Every word token (and colon): is it part of a gold cue? */
  private static LinearTrainer cueTrainer(List<Prepared> data, Map<String, String> strings) {
    List<List<String>> examples = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Prepared p : data) {
      int[] cue = AttributionLabels.of(p.features(), p.gold().gold()).cue();
      for (int i = 0; i < cue.length; i++) {
        if (cue[i] >= 0) {
          examples.add(interned(p.features().cue(i), strings));
          labels.add(cue[i]);
        }
      }
    }
    return new LinearTrainer(examples, labels.stream().mapToInt(Integer::intValue).toArray(), List.of("other", "cue"), MIN_COUNT);
  }

  /** Around each gold cue: is each token its source, its content's first token, inside it, its last, or none? */
  private static LinearTrainer roleTrainer(List<Prepared> data, Map<String, String> strings, PrintStream log) {
    List<List<String>> examples = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int contentTokens = 0;
    int contentInWindow = 0;
    for (Prepared p : data) {
      AttributionFeatures f = p.features();
      Tokens t = f.tokens();
      for (PolnearCorpus.Attribution g : p.gold().gold()) {
        List<Integer> cueTokens = AttributionLabels.tokensOf(t, g.cue());
        if (cueTokens.isEmpty()) {
          continue;
        }
        int cs = cueTokens.get(0);
        int ce = cueTokens.get(cueTokens.size() - 1) + 1;
        byte[] role = AttributionLabels.roles(t, g, cs, ce);
        contentTokens += AttributionLabels.tokensOf(t, g.content()).size();
        int[] window = f.window(cs, ce);
        for (int i = window[0]; i < window[1]; i++) {
          if (i >= cs && i < ce) {
            continue;
          }
          contentInWindow += role[i] >= AttributionModel.BEGIN ? 1 : 0;
          examples.add(interned(f.role(i, cs, ce), strings));
          labels.add((int) role[i]);
        }
      }
    }
    log.printf("role examples: %d; gold content tokens inside the window: %.1f %%%n", examples.size(), 100.0 * contentInWindow / contentTokens);
    return new LinearTrainer(examples, labels.stream().mapToInt(Integer::intValue).toArray(), AttributionModel.ROLES, MIN_COUNT);
  }

  record Choice(Thresholds thresholds, AttributionEval.Result result, double score) {}

  /** The thresholds with the best mean of exact, match and speaker F1 on the held-out articles. */
  static Choice thresholds(LinearModel cues, LinearModel roles, List<Prepared> heldOut) {
    AttributionModel probe = new AttributionModel(cues, roles, new Thresholds(0.5, 0.5, 0.5));
    List<double[]> cueP = heldOut.stream().map(p -> probe.cueProbabilities(p.features())).toList();
    List<Map<String, Roles>> roleCache = heldOut.stream().map(p -> (Map<String, Roles>) new HashMap<String, Roles>()).toList();
    Choice best = null;
    for (double cueT : THRESHOLDS) {
      for (double sourceT : THRESHOLDS) {
        for (double contentT : THRESHOLDS) {
          Thresholds th = new Thresholds(cueT, sourceT, contentT);
          List<List<Quote>> predicted = new ArrayList<>();
          for (int d = 0; d < heldOut.size(); d++) {
            AttributionFeatures f = heldOut.get(d).features();
            Map<String, Roles> cache = roleCache.get(d);
            List<Attributor.Draft> drafts = AttributionModel.find(f, cueP.get(d), th,
                cue -> cache.computeIfAbsent(cue[0] + ":" + cue[1], k -> probe.roleProbabilities(f, cue)));
            drafts = DraftPasses.apply(f.tokens(), drafts);
            predicted.add(AttributionAnnotator.quotes(f.tokens(), drafts, new String[drafts.size()]));
          }
          AttributionEval.Result r = AttributionEval.score(heldOut.stream().map(Prepared::gold).toList(), predicted);
          double score = (r.exact().f1() + r.match().f1() + r.speaker().f1()) / 3;
          if (best == null || score > best.score()) {
            best = new Choice(th, r, score);
          }
        }
      }
    }
    return best;
  }

  private static AttributionEval.Result score(AttributionModel model, List<Prepared> data) {
    List<List<Quote>> predicted = new ArrayList<>();
    for (Prepared p : data) {
      predicted.add(AttributionAnnotator.quotes(model, p.features(), new ArrayList<>(p.entities())));
    }
    return AttributionEval.score(data.stream().map(Prepared::gold).toList(), predicted);
  }

  private static List<String> interned(List<String> features, Map<String, String> strings) {
    List<String> out = new ArrayList<>(features.size());
    for (String f : features) {
      out.add(strings.computeIfAbsent(f, k -> k));
    }
    return out;
  }

  static String describe(AttributionEval.Result r) {
    return String.format(Locale.ROOT, "exact F1 %.4f, match F1 %.4f, speaker F1 %.4f, direct found %.4f, direct speaker %.4f",
        r.exact().f1(), r.match().f1(), r.speaker().f1(), r.directMatch().recall(), r.directSpeaker().recall());
  }
}
