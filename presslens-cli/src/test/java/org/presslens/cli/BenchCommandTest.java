package org.presslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.cli.AnalyzeCommandTest.Run;

/** {@code presslens bench} reports what its help promises; figures are never asserted, only their presence. */
class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void reportsSpeedStageSharesTheEncodersOwnRateAndHeap() throws Exception {
    for (int i = 0; i < 3; i++) {
      Files.writeString(dir.resolve("a" + i + ".txt"), "Harbour fees will rise by 4 percent in May, the port authority said on Tuesday. "
          + "\"We have no choice,\" said its director, Ana Ruiz. Fishermen in Vigo called the plan a disgrace.");
    }
    Run run = AnalyzeCommandTest.run("bench", "--corpus", dir.toString(), "--warmup", "1");
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 thread ", "stage shares ", "peak heap ");
    // The encoder runs wrapped as an English-only stage; its own rate must still be found and said.
    assertThat(run.out()).containsPattern("encoder +\\d+ word pieces/s");
  }
}
