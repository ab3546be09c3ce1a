package org.presslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.cli.AnalyzeCommandTest.Run;

/** {@code presslens train encoder} stops with one line before any work when it cannot finish. */
class TrainCommandTest {
  @TempDir Path dir;

  @Test
  void encoderNamesAMissingInputAndTheFolderItMustRunFrom() throws Exception {
    Path stance = Files.writeString(dir.resolve("train.jsonl"), "");
    Path claims = Files.writeString(dir.resolve("train.tsv"), "");
    Path jar = Files.writeString(dir.resolve("model.jar"), "");
    Path missing = dir.resolve("dev.tsv");

    Run noDev = AnalyzeCommandTest.run("train", "encoder", "--newsmtsc-train", stance.toString(), "--checkthat-train", claims.toString(),
        "--checkthat-dev", missing.toString(), "--base-model", jar.toString(), "--out", dir.resolve("out").toString());
    assertThat(noDev.status()).isEqualTo(2);
    assertThat(noDev.err().lines()).containsExactly("presslens: " + missing + ": no such file");

    Run badFold = AnalyzeCommandTest.run("train", "encoder", "--newsmtsc-train", stance.toString(), "--checkthat-train", claims.toString(),
        "--base-model", jar.toString(), "--out", dir.resolve("out").toString(), "--cv-folds", "5");
    assertThat(badFold.status()).isEqualTo(2);
    assertThat(badFold.err().lines()).containsExactly("presslens: --cv-folds takes folds 0 to 4, comma-separated, or none: not 5");

    // Tests run in presslens-cli/, where there is no training/ folder: as a user outside the repository.
    Run elsewhere = AnalyzeCommandTest.run("train", "encoder", "--newsmtsc-train", stance.toString(), "--checkthat-train", claims.toString(),
        "--base-model", jar.toString(), "--out", dir.resolve("out").toString());
    assertThat(elsewhere.status()).isEqualTo(2);
    assertThat(elsewhere.err().lines())
        .containsExactly("presslens: training/finetune.py not found: run presslens train encoder from the repository root");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
