package org.presslens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.presslens.core.Outlet;
import org.presslens.nlp.provenance.OutletRegistry;
import org.presslens.nlp.provenance.WikidataRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code presslens registry}: build the outlet registry from Wikidata and look into it. */
@Command(
    name = "registry",
    header = "Build outlet registries from Wikidata, and show what a registry knows.",
    mixinStandardHelpOptions = true,
    description = {
      "The outlet registry says who is behind an outlet: owner, parent organisation, affiliations,",
      "each with the page that documents it. PressLens ships a small curated one; Wikidata describes",
      "hundreds of thousands of outlets and organisations. Build a registry file from it, then use it:",
      "  presslens registry update --out outlets-wikidata.json          (online: asks query.wikidata.org)",
      "  presslens registry build --from-wikidata RESULTS.json --out outlets-wikidata.json   (offline)",
      "  presslens analyze --registry outlets-wikidata.json ARTICLE",
      "  presslens registry show --registry outlets-wikidata.json bbc.co.uk",
      "The query, ready to paste into https://query.wikidata.org/, is in docs/PROVENANCE.md."
    },
    subcommands = {RegistryCommand.Build.class, RegistryCommand.Update.class, RegistryCommand.Show.class})
final class RegistryCommand implements Runnable {
  static final String DEFAULT_OUT = "outlets-wikidata.json";

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no registry command given");
  }

  /** Builds and reports, or names the file and what is wrong in one line; exit status 1, nothing written. */
  static int build(Path results, Path out) {
    long t0 = System.nanoTime();
    try {
      WikidataRegistry.Built b = WikidataRegistry.build(results, out);
      System.out.printf(Locale.ROOT, "%s: %d outlets and organisations (%d with a domain) from %d rows in %.2f s%s%n", out, b.entries(),
          b.withDomains(), b.rows(), (System.nanoTime() - t0) / 1e9,
          (b.skipped() > 0 ? "; " + b.skipped() + (b.skipped() == 1 ? " row" : " rows") + " not of the registry query skipped" : "")
              + (b.sharedSites() > 0 ? "; " + b.sharedSites() + " websites left out (a path on a shared host, or an older item's domain)" : ""));
      System.out.println("Use it with: presslens analyze --registry " + out + " …");
      return 0;
    } catch (IOException e) {
      System.err.println("presslens: error: " + e.getMessage() + "; nothing written");
      return 1;
    }
  }

  @Command(name = "build", mixinStandardHelpOptions = true,
      header = "Build a registry file from Wikidata query results (offline).",
      description = {
        "Reads the results of the registry query (docs/PROVENANCE.md; in the Wikidata Query Service",
        "choose Download, JSON file) and writes a registry file: every outlet and organisation with its",
        "Wikidata item, domains, aliases, kind, country, owner, parent organisation, affiliations and",
        "memberships, each tie citing the item's statement. Give the file to analyze, ingest, serve",
        "and registry show with --registry. A bad results file is named with what is wrong, and nothing",
        "is written (an earlier registry file stays as it was)."
      })
  static final class Build implements Callable<Integer> {
    @Option(names = "--from-wikidata", required = true, paramLabel = "RESULTS.json",
        description = "SPARQL 1.1 JSON results of the registry query.")
    Path results;

    @Option(names = "--out", paramLabel = "FILE", description = "The registry file to write. Default: ${DEFAULT-VALUE}.")
    Path out = Path.of(DEFAULT_OUT);

    @Override
    public Integer call() {
      Main.requireFiles(results);
      return build(results, out);
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      header = "Run the registry query at a SPARQL endpoint (online) and build the registry file.",
      description = {
        "Sends the registry query once to the endpoint (by default the public Wikidata Query Service),",
        "saves the results beside --out and builds the registry from them, as registry build does.",
        "It names PressLens in its User-Agent, as Wikimedia asks; add how to reach you with --contact.",
        "Without network, or when the endpoint refuses, it says so in one line and writes nothing."
      })
  static final class Update implements Callable<Integer> {
    @Option(names = "--endpoint", paramLabel = "URL", description = "SPARQL endpoint. Default: ${DEFAULT-VALUE}.")
    URI endpoint = WikidataRegistry.ENDPOINT;

    @Option(names = "--out", paramLabel = "FILE", description = "The registry file to write. Default: ${DEFAULT-VALUE}.")
    Path out = Path.of(DEFAULT_OUT);

    @Option(names = "--timeout", paramLabel = "SECONDS",
        description = "How long to wait to connect, and for the endpoint to answer. Default: ${DEFAULT-VALUE}.")
    int timeout = 120;

    @Option(names = "--contact", paramLabel = "EMAIL|URL", description = "Added to the User-Agent so the endpoint's operators can reach you.")
    String contact;

    @Override
    public Integer call() throws IOException {
      if (timeout < 1) {
        throw new Main.UserError("--timeout must be at least 1 second");
      }
      String agent = "PressLens/" + version() + " (outlet registry update" + (contact == null ? "" : "; " + contact) + ") Java/"
          + Runtime.version().feature();
      Path results = out.resolveSibling(out.getFileName() + ".results.json");
      System.err.println("presslens: asking " + endpoint + " (one query, up to a minute on Wikidata)");
      try {
        WikidataRegistry.download(endpoint, agent, Duration.ofSeconds(timeout), results);
      } catch (IOException e) {
        System.err.println("presslens: error: " + e.getMessage() + "; nothing written");
        return 1;
      }
      System.err.println("presslens: results saved to " + results);
      return build(results, out);
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      header = "Show what the registry knows about an outlet or organisation, and who is behind it.",
      description = {
        "Looks DOMAIN|NAME up as analyze does (a domain or subdomain, a name, alias, acronym, the name a",
        "domain spells, or a Wikidata item such as Q42) in the shipped registry with the --registry files",
        "laid over it, and prints its facts, each with the file it came from, then the chain of",
        "organisations behind it (owner, parent, affiliations; up to " + OutletRegistry.CHAIN_DEPTH
            + " ties away), each tie with its reference."
      })
  static final class Show implements Callable<Integer> {
    @Parameters(paramLabel = "DOMAIN|NAME", description = "e.g. reuters.com, www.bbc.co.uk, \"Valley Action Network\", VAN, Q42.")
    String query;

    @Mixin RegistryOption registries;

    @Override
    public Integer call() {
      OutletRegistry registry = registries.ready();
      Outlet o = registry.find(query).orElse(null);
      if (o == null) {
        System.err.println("presslens: " + query + ": not in the outlet registry (" + registry.size()
            + " entries); an article from it is reported as unrated");
        return 1;
      }
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      out.println(o.name() + registry.wikidata(o).map(q -> "  (Wikidata " + q + ", https://www.wikidata.org/wiki/" + q + ")").orElse(""));
      fact(out, "name", o.name(), registry.fileOf(o, "name"));
      fact(out, "kind", o.kind(), registry.fileOf(o, "kind"));
      fact(out, "country", o.country(), registry.fileOf(o, "country"));
      fact(out, "owner", o.owner(), registry.fileOf(o, "owner"));
      o.domains().forEach(d -> fact(out, "domain", d, registry.fileOf(o, "domain:" + d)));
      o.aliases().forEach(a -> fact(out, "alias", a, registry.fileOf(o, "alias:" + a)));
      for (Outlet.Affiliation t : o.affiliations()) {
        fact(out, t.type(), t.with() + (t.reference() == null ? "" : "  " + t.reference()), registry.fileOf(o, OutletRegistry.tieFact(t)));
      }
      for (Outlet.Affiliation t : o.opponents()) {
        fact(out, "opposes", t.with() + (t.reference() == null ? "" : "  " + t.reference()), registry.fileOf(o, OutletRegistry.tieFact(t)));
      }
      o.ratings().forEach((k, v) -> fact(out, "rating " + k, v, registry.fileOf(o, "rating:" + k)));
      o.references().forEach(r -> fact(out, "reference", r, registry.fileOf(o, "reference:" + r)));
      List<List<OutletRegistry.Tie>> chain = registry.chain(o);
      out.println();
      if (chain.isEmpty()) {
        out.println("No organisation behind it in the registry.");
        return 0;
      }
      out.println("Behind it (up to " + OutletRegistry.CHAIN_DEPTH + " ties; an affiliated-source flag fires when an article praises one"
          + " of these, or criticises one it opposes):");
      for (List<OutletRegistry.Tie> path : chain) {
        OutletRegistry.Tie last = path.get(path.size() - 1);
        out.println("  " + last.to() + (last.type().equals("opposes") ? "  (opposed)" : "") + (last.outlet() == null ? "  (no entry of its own)" : ""));
        for (OutletRegistry.Tie t : path) {
          out.println("    " + t.from() + " → " + t.type() + " → " + t.to() + (t.reference() == null ? "" : "  " + t.reference())
              + (t.file() == null ? "" : "  [" + t.file() + "]"));
        }
      }
      return 0;
    }

    private static void fact(PrintStream out, String label, String value, String file) {
      if (value != null) {
        out.printf("  %-20s %s%s%n", label, value, file == null ? "" : "  [" + file + "]");
      }
    }
  }

  private static String version() {
    String v = RegistryCommand.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.1.0";
  }
}
