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

  OutletRegistry registry() {
    OutletRegistry registry = OutletRegistry.standard();
    for (Path f : files) {
      Main.requireFiles(f);
      try {
        registry = registry.with(f);
      } catch (IOException e) {
        throw new Main.UserError(e.getMessage());
      }
    }
    return registry;
  }
}
