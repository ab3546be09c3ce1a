package org.presslens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.core.json.ContractJson;
import org.presslens.core.report.HtmlReport;
import org.presslens.core.report.TextReport;
import org.presslens.ingest.Inputs;
import org.presslens.ingest.Item;
import org.presslens.nlp.Analyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code presslens analyze}: analyse articles and print or write the results. */
@Command(
    name = "analyze",
    header = "Analyse articles and print the result (JSON, JSONL, text or HTML).",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse news articles: sentences, entities (people, organisations, places, dates, amounts)",
      "resolved within each article, title, authors, date, publisher and credit lines.",
      "",
      "INPUT is a .txt, .html/.htm or .jsonl file (one article per line, {\"text\": …} or",
      "{\"html\": …}), any of them .gz, a directory (read recursively; the file standard output",
      "goes to is left out), a WARC or feed file, an http(s):// address of a page or feed (fetched",
      "politely: robots.txt, one request a second per host, redirects followed), or - for standard input.",
      "Pages in a language other than English get their language, sentences and provenance only: the",
      "other stages know English only (the output's not_analysed lists them).",
      "Results go to standard output in input order; progress and errors go to standard error.",
      "Exit status: 0 all inputs analysed, 1 some input failed (the rest are still analysed), 2 usage error.",
      "",
      "Examples:",
      "  presslens analyze --format text examples/harbour-strike.txt",
      "  presslens analyze --format html --out report/ articles/",
      "  cat article.txt | presslens analyze --format jsonl -",
      "  presslens analyze --format text https://example.org/news/some-story"
    })
final class AnalyzeCommand implements java.util.concurrent.Callable<Integer> {

  enum Format { json, jsonl, text, html }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json (indented), jsonl (one line per article), text (a summary to read) or html (a page to open). Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write one file per article into DIR instead of standard output.")
  Path out;

  @picocli.CommandLine.Mixin RegistryOption registry;

  @Option(names = "--claim-threshold", paramLabel = "X",
      description = "Score from which a claim counts as check-worthy, in [0, 1]. Lower it for more"
          + " recall; the default is the model's own, chosen by cross-validation on train.")
  Double claimThreshold;

  @Option(names = "--threads", paramLabel = "N",
      description = "Articles analysed at once. Default: all cores (${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Files, directories, http(s) addresses, or - for standard input.")
  List<String> inputs;

  @Override
  public Integer call() throws IOException {
    if (threads < 1) {
      throw new Main.UserError("--threads must be at least 1");
    }
    if (out != null) {
      Files.createDirectories(out);
    }
    List<Inputs.Input> expanded = Inputs.expand(inputs);
    if (claimThreshold != null && (claimThreshold < 0 || claimThreshold > 1)) {
      throw new Main.UserError("--claim-threshold must be between 0 and 1");
    }
    Pipeline pipeline = Analyzer.standard(claimThreshold, registry.registry());
    registry.ready();
    PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Sink sink = new Sink(stdout, expanded.size() == 1 && !Inputs.holdsMany(expanded.get(0)));
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "presslens-analyze");
      t.setDaemon(true);
      return t;
    });
    Deque<Future<Object>> pending = new ArrayDeque<>();
    int window = threads * 4;
    int total = expanded.stream().anyMatch(Inputs::holdsMany) ? -1 : expanded.size();
    try (Progress progress = new Progress(System.err, total, "articles")) {
      for (Inputs.Input input : expanded) {
        Iterator<Item> items = Inputs.read(input, System.in);
        while (items.hasNext()) {
          Item item = items.next();
          pending.add(pool.submit(() -> AnalysisTask.run(pipeline, item)));
          while (pending.size() >= window) {
            emit(pending.poll(), sink, failures, progress);
          }
        }
      }
      while (!pending.isEmpty()) {
        emit(pending.poll(), sink, failures, progress);
      }
    } finally {
      pool.shutdownNow();
    }
    sink.finish();
    stdout.flush();
    return failures.get() > 0 ? 1 : 0;
  }

  private static void emit(Future<Object> future, Sink sink, AtomicInteger failures, Progress progress) {
    Document d = AnalysisTask.collect(future);
    if (d == null) {
      failures.incrementAndGet();
    } else {
      sink.write(d);
    }
    progress.step();
  }

  /** Where results go: standard output in one of the formats, or one file each under --out. */
  private final class Sink {
    private final PrintStream stdout;
    private final boolean single;
    private final Map<String, Integer> usedNames = new HashMap<>();
    private int written;

    Sink(PrintStream stdout, boolean single) {
      this.stdout = stdout;
      this.single = single;
    }

    void write(Document doc) {
      if (out != null) {
        writeFile(doc);
        return;
      }
      switch (format) {
        case jsonl -> stdout.println(ContractJson.toJsonLine(doc));
        case json -> {
          if (single) {
            stdout.println(ContractJson.toPrettyJson(doc));
          } else {
            stdout.print(written == 0 ? "[\n" : ",\n");
            stdout.print(ContractJson.toPrettyJson(doc));
          }
        }
        case text -> {
          if (written > 0) {
            stdout.println();
          }
          stdout.print(TextReport.render(doc));
        }
        case html -> {
          if (written == 0) {
            stdout.print(HtmlReport.header("PressLens analysis"));
          }
          stdout.print(HtmlReport.article(doc));
        }
      }
      written++;
    }

    void finish() {
      if (out != null) {
        return;
      }
      if (format == Format.json && !single) {
        stdout.println(written == 0 ? "[]" : "\n]");
      }
      if (format == Format.html && written > 0) {
        stdout.print(HtmlReport.footer());
      }
    }

    private void writeFile(Document doc) {
      String base = doc.article().input().equals("-") ? "stdin"
          : Path.of(doc.article().input().replace(':', '_')).getFileName().toString();
      base = base.replaceAll("[^\\w.\\-]", "_");
      int n = usedNames.merge(base, 1, Integer::sum);
      String name = (n == 1 ? base : base + "-" + n) + switch (format) {
        case json, jsonl -> ".json";
        case text -> ".txt";
        case html -> ".html";
      };
      String content = switch (format) {
        case json -> ContractJson.toPrettyJson(doc) + "\n";
        case jsonl -> ContractJson.toJsonLine(doc) + "\n";
        case text -> TextReport.render(doc);
        case html -> HtmlReport.page(doc);
      };
      try {
        Files.writeString(out.resolve(name), content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
