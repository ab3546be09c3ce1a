package org.presslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    Path ptc = dir.resolve("ptc");
    for (String entry : new String[] {"train-articles", "dev-articles", "train-task-flc-tc.labels", "dev-task-flc-tc.labels"}) {
      Files.createDirectories(ptc.resolve(entry));
    }
    Path polnear = dir.resolve("polnear");
    for (String entry : new String[] {"train/text", "train/attributions", "dev/text", "dev/attributions"}) {
      Files.createDirectories(polnear.resolve(entry));
    }
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
    Path ptc = dir.resolve("ptc");
    for (String entry : new String[] {"train-articles", "dev-articles", "train-task-flc-tc.labels", "dev-task-flc-tc.labels"}) {
      Files.createDirectories(ptc.resolve(entry));
    }
    // A span head from some other fit: its notes name a run the shipped graph is not.
    Path head = dir.resolve("spans-head.tsv.gz");
    try (var gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(head))) {
      gz.write("# classes=no|yes\n# bias=0\n# final fit=2.0 minutes on 1 CPU threads\n# method=another fit\ndense:0\t1\n"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    Run other = AnalyzeCommandTest.run("train", "techniques", "--ptc", ptc.toString(), "--span-head", head.toString(),
        "--out", dir.resolve("out").toString());
    assertThat(other.status()).isEqualTo(2);
    assertThat(other.err().lines()).containsExactly("presslens: " + head + " was not fitted with the encoder this build runs: copy its"
        + " encoder.onnx into presslens-nlp/src/main/resources/org/presslens/nlp/encoder and rebuild (mvn package) first");

    Path polnear = dir.resolve("polnear");
    for (String entry : new String[] {"train/text", "train/attributions", "dev/text", "dev/attributions"}) {
      Files.createDirectories(polnear.resolve(entry));
    }
    Run noHeads = AnalyzeCommandTest.run("train", "attribution", "--polnear", polnear.toString(), "--heads", dir.toString(),
        "--out", dir.resolve("out").toString());
    assertThat(noHeads.status()).isEqualTo(2);
    assertThat(noHeads.err().lines())
        .containsExactly("presslens: " + dir.resolve("encoder.onnx") + ": not found; " + dir + " should be the fine-tuned encoder's export");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  private static String[] args(String[] tail, String... head) {
    String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }
}
