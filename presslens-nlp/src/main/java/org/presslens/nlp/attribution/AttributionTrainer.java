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
import org.presslens.nlp.encoder.FineTuningData;
import org.presslens.nlp.eval.AttributionEval;
import org.presslens.nlp.eval.ParallelAnalysis;
import org.presslens.nlp.eval.PolnearCorpus;
import org.presslens.core.learn.LinearModel;

/**
 * Makes the attribution model of a fine-tuned encoder's heads: the cue and role heads that
 * {@code training/finetune.py} trains with the encoder on PolNeAR train, leaving out every
 * {@value #HELD_OUT_EVERY}th train article (its fold 0). On those held-out articles, analysed with
 * that encoder, this chooses the three decision thresholds; dev is scored once, after.
 *
 * <p>The heads replaced taggers over words and the rules' reading (liblinear), which this class
 * trained before: on the same held-out articles, exact F1 0.472 against 0.497 for the heads of the
 * shared four-task encoder, match 0.654 against 0.686, speaker 0.581 against 0.603
 * (docs/ATTRIBUTION.md).
 */
public final class AttributionTrainer {
  private static final double[] THRESHOLDS = {0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8};
  /** Train article i (in name order) is held out to choose the thresholds when i mod this is 0. */
  public static final int HELD_OUT_EVERY = 10;
  static final String CUE_HEAD = "cues-head.tsv.gz";
  static final String ROLE_HEAD = "roles-head.tsv.gz";
  /** Where the shipped model lives in the source tree, as the commands in its notes write it. */
  private static final String RESOURCES = "presslens-nlp/src/main/resources/org/presslens/nlp/attribution/";

  private AttributionTrainer() {}

  /**
   * The model's figures on the held-out train articles at the thresholds chosen on them and
   * cross-fitted (see {@link HeldOut}), and on dev.
   */
  public record Result(HeldOut heldOut, HeldOut crossFitted, AttributionEval.Result dev) {}

  /** One analysed article: its gold, the features the model reads and the entities speakers resolve to. */
  record Prepared(PolnearCorpus.Labelled gold, AttributionFeatures features, List<Entity> entities) {}

  /**
   * One model's figures on the held-out train articles and the thresholds they were scored at:
   * chosen on those articles, or cross-fitted (chosen on the even-numbered held-out articles to
   * score the odd ones and the reverse, so that no article is scored at thresholds chosen on it).
   */
  public record HeldOut(AttributionEval.Result result, String thresholds) {}

  /**
   * Chooses the thresholds of the heads in {@code heads} (written by {@code export_onnx.py}:
   * {@code encoder.onnx}, {@value #CUE_HEAD}, {@value #ROLE_HEAD}) on the train articles their fit
   * left out, scores dev once, and writes the model into {@code out}.
   *
   * @param trainDir PolNeAR's train split, the one the heads were fitted on
   * @throws IllegalArgumentException when the heads' notes do not say that train fold 0 was left out
   */
  public static Result train(Path trainDir, Path devDir, Path heads, Path out, PrintStream log)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    requireHeldOutHeads(trainDir, heads);
    LinearModel cues = LinearModel.read(heads.resolve(CUE_HEAD));
    LinearModel roles = LinearModel.read(heads.resolve(ROLE_HEAD));
    List<PolnearCorpus.Labelled> all = PolnearCorpus.read(trainDir);
    List<PolnearCorpus.Labelled> heldOut = new ArrayList<>();
    for (int i = 0; i < all.size(); i += HELD_OUT_EVERY) {
      heldOut.add(all.get(i));
    }
    Pipeline pipeline = pipeline(heads);
    List<Prepared> data = prepare(heldOut, pipeline, log, "held-out train");
    Choice best = thresholds(cues, roles, data);
    HeldOut onThem = new HeldOut(best.result(), "chosen on these articles: " + best.thresholds());
    HeldOut crossFitted = crossFitted(cues, roles, data);
    log.printf("held out, at the best thresholds: %s (%s)%ncross-fitted: %s (%s)%n", describe(onThem.result()), onThem.thresholds(),
        describe(crossFitted.result()), crossFitted.thresholds());
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("thresholds chosen", "on PolNeAR train's every " + HELD_OUT_EVERY + "th article (" + heldOut.size()
        + "), which the heads' fit left out: best mean of exact, match and speaker F1");
    notes.put("held-out articles", describe(best.result()));
    notes.put("held-out articles, cross-fitted", describe(crossFitted.result()) + " (" + crossFitted.thresholds() + ")");
    notes.put("attribution command", "bin/presslens train attribution --polnear ../shared/datasets/polnear/data --heads DIR"
        + " --out " + RESOURCES);
    AttributionModel model = new AttributionModel(cues, roles, best.thresholds());
    return new Result(onThem, crossFitted, scoreDevAndWrite(model, notes, pipeline, devDir, out, log, started));
  }

  /**
   * The model of heads refitted on all of PolNeAR train ({@code presslens train encoder --refit}),
   * at the thresholds that {@link #train} chose for the heads of the run that left train fold 0
   * out: {@code settings} is that model's cue file ({@value AttributionModel#CUE_FILE}), whose notes
   * hold the thresholds and the held-out figures, copied into the new model's notes. There is no
   * held-out set left to choose on, so nothing is chosen here; dev is scored once.
   *
   * @return the model's figures on dev
   * @throws IllegalArgumentException when {@link #requireRefitHeads} refuses the inputs
   */
  public static AttributionEval.Result refit(Path devDir, Path heads, LinearModel settings, Path out, PrintStream log)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    requireRefitHeads(heads, settings);
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("thresholds chosen", "for the heads of the run that left train fold 0 out (" + settings.notes().get("final fit")
        + "), " + settings.notes().get("thresholds chosen"));
    notes.put("held-out articles", settings.notes().get("held-out articles") + " (that run's heads)");
    notes.put("held-out articles, cross-fitted", settings.notes().get("held-out articles, cross-fitted") + " (that run's heads)");
    notes.put("attribution command", "bin/presslens train attribution --polnear ../shared/datasets/polnear/data --heads DIR"
        + " --settings-from " + RESOURCES + AttributionModel.CUE_FILE + " --out " + RESOURCES);
    AttributionModel model = new AttributionModel(LinearModel.read(heads.resolve(CUE_HEAD)), LinearModel.read(heads.resolve(ROLE_HEAD)),
        Thresholds.of(settings.notes()));
    return scoreDevAndWrite(model, notes, pipeline(heads), devDir, out, log, started);
  }

  /**
   * Checks that the heads in {@code heads} are a refit of the run whose heads {@code settings}
   * (an {@value AttributionModel#CUE_FILE} that {@link #train} wrote) was made from, and that it
   * holds every note a refit copies.
   *
   * @throws IllegalArgumentException when not: then the thresholds were chosen for other heads
   * @throws IOException when a head cannot be read
   */
  public static void requireRefitHeads(Path heads, LinearModel settings) throws IOException {
    FineTuningData.requireNotes(settings, "an attribution model", "presslens train attribution", List.of("cueThreshold",
        "sourceThreshold", "contentThreshold", "thresholds chosen", "held-out articles", "held-out articles, cross-fitted"));
    LinearModel cues = LinearModel.read(heads.resolve(CUE_HEAD));
    LinearModel.read(heads.resolve(ROLE_HEAD));
    FineTuningData.requireRefitOf(cues, settings, heads.toString());
  }

  private static Pipeline pipeline(Path heads) throws IOException {
    return org.presslens.nlp.Analyzer.beforeAttribution(org.presslens.nlp.encoder.Encoder.read(heads.resolve("encoder.onnx")));
  }

  /** Scores {@code model} on dev, once, and writes it into {@code out} with {@code notes} and that figure. */
  private static AttributionEval.Result scoreDevAndWrite(AttributionModel model, Map<String, String> notes, Pipeline pipeline,
      Path devDir, Path out, PrintStream log, long started) throws IOException, InterruptedException {
    List<Prepared> dev = prepare(PolnearCorpus.read(devDir), pipeline, log, "dev");
    AttributionEval.Result onDev = score(model, dev);
    notes.put("dev (scored once, after every choice)", describe(onDev) + " (" + dev.size() + " articles)");
    log.printf("dev: %s (%.0f s in all)%n", describe(onDev), (System.nanoTime() - started) / 1e9);
    model.withNotes(notes).write(out);
    return onDev;
  }

  /**
   * Checks that the heads in {@code heads} were fitted without train fold 0 ({@code finetune.py
   * --exclude-fold 0} writes the note, {@code export_onnx.py} copies it into each head) and that
   * {@code trainDir} is PolNeAR's train split.
   *
   * @throws IllegalArgumentException when not: then these articles are no held-out set
   * @throws IOException when a head cannot be read
   */
  public static void requireHeldOutHeads(Path trainDir, Path heads) throws IOException {
    LinearModel cues = LinearModel.read(heads.resolve(CUE_HEAD));
    if (!FineTuningData.fittedWithoutFold0(cues) || !trainDir.normalize().getFileName().toString().equals("train")) {
      throw new IllegalArgumentException(heads + ": its heads must have been fitted without train fold 0 (their notes say"
          + " \"held out=" + cues.notes().getOrDefault("held out", "") + "\"), and " + trainDir
          + " must be PolNeAR's train split: else there is no held-out set");
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
            drafts = DraftPasses.apply(f, drafts);
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

  static String describe(AttributionEval.Result r) {
    return String.format(Locale.ROOT, "exact F1 %.4f, match F1 %.4f, speaker F1 %.4f, direct found %.4f, direct speaker %.4f",
        r.exact().f1(), r.match().f1(), r.speaker().f1(), r.directMatch().recall(), r.directSpeaker().recall());
  }
}
