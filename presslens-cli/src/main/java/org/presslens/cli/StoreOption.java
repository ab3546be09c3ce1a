package org.presslens.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.presslens.corpus.CorpusSearch;
import picocli.CommandLine.Option;

/** The {@code --store} option that every corpus command shares (a picocli mixin). */
final class StoreOption {
  @Option(names = "--store", paramLabel = "DIR", description = "The store's folder. Default: ${DEFAULT-VALUE}.")
  Path folder = Path.of("presslens-data");

  /** The store's last commit for reading; a missing or empty store is the user's error. */
  CorpusSearch openForReading() {
    try {
      return CorpusSearch.open(folder);
    } catch (IOException e) {
      throw new Main.UserError(e.getMessage());
    }
  }
}
