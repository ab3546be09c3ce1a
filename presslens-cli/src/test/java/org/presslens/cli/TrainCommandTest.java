package org.presslens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.cli.AnalyzeCommandTest.Run;

/** {@code presslens train …} stops with one line before any work when it cannot finish. */
class TrainCommandTest {
  @TempDir Path dir;

  @Test
  void encoderNamesAMissingInputAndTheFolderItMustRunFrom() throws Exception {
    Path stance = Files.writeString(dir.resolve("train.jsonl"), "");
    Path claims = Files.writeString(dir.resolve("train.tsv"), "");
    Path jar = Files.writeString(dir.resolve("model.jar"), "");
    Path missing = dir.resolve("dev.tsv");
    Path ptc = ptcFolder();
    Path polnear = polnearFolder();
    String[] corpora = {"--ptc", ptc.toString(), "--polnear", polnear.toString()};

    Run noDev = AnalyzeCommandTest.run(args(corpora, "train", "encoder", "--newsmtsc-train", stance.toString(), "--checkthat-train",
        claims.toString(), "--checkthat-dev", missing.toString(), "--base-model", jar.toString(), "--out", dir.resolve("out").toString()));
    assertThat(noDev.status()).isEqualTo(2);
    assertThat(noDev.err().lines()).containsExactly("presslens: " + missing + ": no such file");

    Run notPolnear = AnalyzeCommandTest.run("train", "encoder", "--newsmtsc-train", stance.toString(), "--checkthat-train", claims.toString(),
        "--base-model", jar.toString(), "--out", dir.resolve("out").toString(), "--ptc", ptc.toString(), "--polnear", ptc.toString());
    assertThat(notPolnear.status()).isEqualTo(2);
    assertThat(notPolnear.err().lines())
        .containsExactly("presslens: " + ptc.resolve("train/text") + ": not found; " + ptc + " should be PolNeAR's data folder");

    // Tests run in presslens-cli/, where there is no training/ folder: as a user outside the repository.
    Run elsewhere = AnalyzeCommandTest.run(args(corpora, "train", "encoder", "--newsmtsc-train", stance.toString(), "--checkthat-train",
        claims.toString(), "--base-model", jar.toString(), "--out", dir.resolve("out").toString()));
    assertThat(elsewhere.status()).isEqualTo(2);
    assertThat(elsewhere.err().lines())
        .containsExactly("presslens: training/finetune.py not found: run presslens train encoder from the repository root");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void theStageTrainersRefuseHeadsThatAreNotTheEncodersOwn() throws Exception {
    Path ptc = ptcFolder();
    // A span head from some other fit: its notes name a run the shipped graph is not.
    Path head = dir.resolve("spans-head.tsv.gz");
    writeHead(head, "final fit=2.0 minutes on 1 CPU threads", "method=another fit");
    Run other = AnalyzeCommandTest.run("train", "techniques", "--ptc", ptc.toString(), "--span-head", head.toString(),
        "--out", dir.resolve("out").toString());
    assertThat(other.status()).isEqualTo(2);
    assertThat(other.err().lines()).containsExactly("presslens: " + head + " was not fitted with the encoder this build runs: copy its"
        + " encoder.onnx into presslens-nlp/src/main/resources/org/presslens/nlp/encoder and rebuild (mvn package) first");

    Path polnear = polnearFolder();
    Run noHeads = AnalyzeCommandTest.run("train", "attribution", "--polnear", polnear.toString(), "--heads", dir.toString(),
        "--out", dir.resolve("out").toString());
    assertThat(noHeads.status()).isEqualTo(2);
    assertThat(noHeads.err().lines())
        .containsExactly("presslens: " + dir.resolve("encoder.onnx") + ": not found; " + dir + " should be the fine-tuned encoder's export");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aRefitKeepsOnlyChoicesMadeForTheRunThatLeftFold0Out() throws Exception {
    // The export of a run that left train fold 0 out, and the stage models made for it in the source tree.
    String data = "NewsMTSC rw-train.jsonl; CheckThat! 2024 train.tsv; PTC train-articles; PolNeAR train (train fold 0 of each left out)";
    String run = "final fit=82.3 minutes on 1 CPU threads";
    Path heldOut = Files.createDirectories(dir.resolve("ft/export")); // train encoder --work ft wrote it
    writeHead(heldOut.resolve("claims-head.tsv.gz"), "held out=train fold 0 (11646 examples) left out of the fit", "threshold=0.5422",
        run, "data=" + data, "thresholds=check-worthiness 0.5422: the best F1 on the held-out fold (int8)", "held-out claims=claims F1 0.7415");
    writeHead(heldOut.resolve("stance-head.tsv.gz"), "held out=train fold 0 (11646 examples) left out of the fit",
        "held-out stance=stance macro-F1 0.7479");
    Path repository = dir.resolve("repository");
    Path attribution = repository.resolve("presslens-nlp/src/main/resources/org/presslens/nlp/attribution/attribution-cues.tsv.gz");
    Path techniques = repository.resolve("presslens-nlp/src/main/resources/org/presslens/nlp/techniques/technique-spans.tsv.gz");
    Files.createDirectories(attribution.getParent());
    Files.createDirectories(techniques.getParent());
    writeHead(attribution, "held out=train fold 0 (11646 examples) left out of the fit", run, "cueThreshold=0.450",
        "sourceThreshold=0.250", "contentThreshold=0.550");
    writeHead(techniques, "held out=train fold 0 (11646 examples) left out of the fit", "final fit=an older run");

    assertThatThrownBy(() -> TrainCommand.FineTunedEncoder.HeldOutRun.of(heldOut, data, repository))
        .hasMessage(techniques + " was not made for the run in " + heldOut + " (final fit 82.3 minutes on 1 CPU threads): run presslens"
            + " train attribution and train techniques on that run's export first (training/README.md, step 5)");
    assertThatThrownBy(() -> TrainCommand.FineTunedEncoder.HeldOutRun.of(heldOut, "other data", repository))
        .hasMessage(heldOut + ": that run was fitted on \"" + data + "\", not on the data given here");
    writeHead(techniques, "held out=train fold 0 (11646 examples) left out of the fit", run, "threshold=0.325");
    TrainCommand.FineTunedEncoder.HeldOutRun chosen = TrainCommand.FineTunedEncoder.HeldOutRun.of(heldOut, data, repository);
    assertThat(chosen.threshold()).isEqualTo("0.5422");
    String that = " (the run that left train fold 0 out, 82.3 minutes on 1 CPU threads)";
    assertThat(chosen.notes()).containsEntry("refit of", "82.3 minutes on 1 CPU threads")
        .containsEntry("held-out claims", "claims F1 0.7415" + that)
        .containsEntry("held-out stance", "stance macro-F1 0.7479" + that)
        .containsEntry("thresholds", "check-worthiness 0.5422: the best F1 on the held-out fold (int8)" + that)
        .containsKey("refit").doesNotContainKey("threshold").doesNotContainKey("held out");

    // A refit of a refit has no held-out fold behind its choices: refused before any work.
    Path refitted = Files.createDirectories(dir.resolve("refitted"));
    writeHead(refitted.resolve("claims-head.tsv.gz"), "threshold=0.5422", "final fit=110.0 minutes on 1 CPU threads",
        "refit of=82.3 minutes on 1 CPU threads");
    Path stance = Files.writeString(dir.resolve("train.jsonl"), "");
    Path claims = Files.writeString(dir.resolve("train.tsv"), "");
    Path jar = Files.writeString(dir.resolve("model.jar"), "");
    Path ptc = ptcFolder();
    Path polnear = polnearFolder();
    String[] encoder = {"train", "encoder", "--newsmtsc-train", stance.toString(), "--checkthat-train", claims.toString(),
        "--base-model", jar.toString(), "--ptc", ptc.toString(), "--polnear", polnear.toString(), "--out", dir.resolve("out").toString()};
    Run twice = AnalyzeCommandTest.run(args(new String[] {"--refit", refitted.toString()}, encoder));
    assertThat(twice.status()).isEqualTo(2);
    assertThat(twice.err().lines()).containsExactly("presslens: " + refitted + ": not the export of a run that left train fold 0 out"
        + " (its claims head says \"held out=\"): there is nothing chosen to refit with");
    // Nor may the refit write over the run it reads.
    Path work = dir.resolve("ft");
    Run inPlace = AnalyzeCommandTest.run(args(new String[] {"--refit", heldOut.toString(), "--work", work.toString()}, encoder));
    assertThat(inPlace.status()).isEqualTo(2);
    assertThat(inPlace.err().lines())
        .containsExactly("presslens: --work " + work + " holds the run that --refit reads: give the refit a new --work folder");

    // The stage trainers take settings only from models made for the run these heads refit.
    for (String file : new String[] {"encoder.onnx", "roles-head.tsv.gz"}) {
      Files.writeString(refitted.resolve(file), "");
    }
    writeHead(refitted.resolve("cues-head.tsv.gz"), "refit of=an older run");
    Path settings = dir.resolve("attribution-cues.tsv.gz");
    writeHead(settings, "cueThreshold=0.450", "sourceThreshold=0.250", "contentThreshold=0.550");
    Run unchosen = AnalyzeCommandTest.run("train", "attribution", "--polnear", polnear.toString(), "--heads", refitted.toString(),
        "--settings-from", settings.toString(), "--out", dir.resolve("out").toString());
    assertThat(unchosen.status()).isEqualTo(2);
    assertThat(unchosen.err().lines()).containsExactly("presslens: " + settings + ": not an attribution model that presslens train"
        + " attribution wrote: its notes have no \"thresholds chosen\"");
    Path spans = dir.resolve("spans-head.tsv.gz");
    writeHead(spans, "refit of=an older run");
    assertThatThrownBy(() -> org.presslens.nlp.techniques.TechniqueTrainer.requireRefitHead(
            org.presslens.core.learn.LinearModel.read(spans), org.presslens.core.learn.LinearModel.read(techniques)))
        .hasMessage("not a span model that presslens train techniques wrote: its notes have no \"extend\"");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  /** An empty PTC folder with the entries presslens train checks for before any work. */
  private Path ptcFolder() throws java.io.IOException {
    Path ptc = dir.resolve("ptc");
    for (String entry : new String[] {"train-articles", "dev-articles", "train-task-flc-tc.labels", "dev-task-flc-tc.labels"}) {
      Files.createDirectories(ptc.resolve(entry));
    }
    return ptc;
  }

  /** An empty PolNeAR data folder with the entries presslens train checks for before any work. */
  private Path polnearFolder() throws java.io.IOException {
    Path polnear = dir.resolve("polnear");
    for (String entry : new String[] {"train/text", "train/attributions", "dev/text", "dev/attributions"}) {
      Files.createDirectories(polnear.resolve(entry));
    }
    return polnear;
  }

  /** A one-weight head file whose notes are {@code notes} ("key=value"), as export_onnx.py writes heads. */
  private static void writeHead(Path file, String... notes) throws java.io.IOException {
    StringBuilder text = new StringBuilder("# classes=no|yes\n# bias=0\n");
    for (String note : notes) {
      text.append("# ").append(note).append('\n');
    }
    try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
      gz.write(text.append("dense:0\t1\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static String[] args(String[] tail, String... head) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
