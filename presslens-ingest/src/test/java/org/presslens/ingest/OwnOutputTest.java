package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --format jsonl DIR > DIR/out.jsonl} must not read its own output back. */
class OwnOutputTest {
  @TempDir Path dir;

  /** What a run lists as its inputs, printed to its standard output (wherever that goes). */
  public static final class ListInputs {
    public static void main(String[] args) {
      for (Inputs.Input in : Inputs.expand(List.of(args))) {
        System.out.println(in.name());
      }
    }
  }

  @Test
  void aDirectoryLeavesOutTheFileStandardOutputIsRedirectedTo() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "The harbour reopened on Monday.");
    Path out = dir.resolve("out.jsonl");
    Files.writeString(out, "{\"text\": \"left from an earlier run\"}\n");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ListInputs.class.getName(), dir.toString())
        .redirectOutput(out.toFile()) // as the shell's ">" does: truncated, then written by the run
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readAllLines(out)).containsExactly(dir.resolve("a.txt").toString());
  }

  @Test
  void theRuleIsSameFileNotSameName() throws Exception {
    Files.writeString(dir.resolve("a.jsonl"), "{\"text\": \"one\"}\n");
    Path out = Files.writeString(dir.resolve("out.jsonl"), "");
    Path viaLink = Files.createSymbolicLink(dir.resolve("link.jsonl"), out);
    List<Inputs.Input> inputs = Inputs.expand(List.of(dir.toString()), List.of(viaLink));
    assertThat(inputs).extracting(Inputs.Input::name).containsExactly(dir.resolve("a.jsonl").toString());
    // Named on its own it is read: the user asked for that file.
    assertThat(Inputs.expand(List.of(out.toString()), List.of(out))).hasSize(1);
    assertThat(new File(out.toString())).exists();
  }
}
