package org.presslens.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.presslens.nlp.provenance.OutletRegistry;
import picocli.CommandLine.Option;

/** {@code --registry FILE}: the user's outlet facts or rating tables over the shipped registry. */
final class RegistryOption {
  @Option(names = "--registry", paramLabel = "FILE",
      description = {"Outlet facts (registry JSON, as docs/PROVENANCE.md shows) or a rating table (TSV/CSV with a",
          "domain column) laid over the shipped outlet registry; repeat for several, later ones win."})
  List<Path> files = new ArrayList<>();

  private OutletRegistry loading;

  /**
   * The shipped registry with the files laid over it, read on a thread of its own while the
   * caller loads the models; {@link #ready} waits for it and reports a bad file.
   */
  OutletRegistry registry() {
    files.forEach(Main::requireFiles);
    loading = OutletRegistry.loading(files);
    return loading;
  }

  /** The registry once read; a file that could not be read stops the command in one line. */
  OutletRegistry ready() {
    try {
      return (loading != null ? loading : registry()).await();
    } catch (IOException e) {
      throw new Main.UserError(e.getMessage());
    }
  }
}
