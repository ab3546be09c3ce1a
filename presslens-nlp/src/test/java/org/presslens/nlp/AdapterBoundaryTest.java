package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** CoreNLP is to be replaced by a model of our own: only its adapter package may know it. */
class AdapterBoundaryTest {
  @Test
  void nothingOutsideTheAdapterImportsCoreNlp() throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).getParent();
    List<Path> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders = files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/"))
          .filter(p -> !p.toString().contains("/backbone/corenlp/"))
          .filter(p -> {
            try {
              return Files.readString(p).contains("edu.stanford");
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .toList();
    }
    assertThat(offenders).isEmpty();
  }
}
