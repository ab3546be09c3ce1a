package org.presslens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.presslens.core.json.ExportTables;
import org.presslens.corpus.CorpusSearch;
import org.presslens.corpus.ParquetExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code presslens export}: the store's content for other tools. */
@Command(
    name = "export",
    header = "Export the store as JSONL, CSV or Parquet.",
    mixinStandardHelpOptions = true,
    description = {
      "Write the store's content for other tools (pandas, DuckDB, Spark, a spreadsheet):",
      "  jsonl            one contract JSON object per article (what analyze --format jsonl prints)",
      "  articles-csv     one row per article: title, url, words, quotes, technique_share, json",
      "  quotes-csv       one row per quote: quote, speaker, entity, kind, cue, text",
      "  entities-csv     one row per entity mention: entity, type, name, text, start, end",
      "  claims-csv       one row per sentence scored: text, score, checkworthy, quote, speaker, start, end",
      "  techniques-csv   one row per technique span: technique, text, score, quote, speaker, start, end",
      "  parquet          all five tables into --output DIR, partitioned by month (DIR/quotes/month=2005-01/…),",
      "                   the layout and columns of the Spark job's output",
      "Every table starts with article, published and source. JSONL and CSV go to standard output."
    })
final class ExportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin StoreOption store;

  @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl, TABLE-csv or parquet (see above). Default: ${DEFAULT-VALUE}.")
  String format = "jsonl";

  @Option(names = "--output", paramLabel = "DIR", description = "With --format parquet: a new folder to write the tables into.")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (format.equals("parquet")) {
      return parquet();
    }
    ExportTables table = null;
    if (!format.equals("jsonl")) {
      table = Arrays.stream(ExportTables.values()).filter(t -> format.equals(t.fileName() + "-csv")).findFirst()
          .orElseThrow(() -> new Main.UserError("--format must be jsonl, parquet or one of "
              + Arrays.stream(ExportTables.values()).map(t -> t.fileName() + "-csv").collect(Collectors.joining(", "))));
    }
    if (output != null) {
      throw new Main.UserError("--output is for --format parquet; JSONL and CSV go to standard output");
    }
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    ExportTables csvTable = table;
    try (CorpusSearch search = store.openForReading()) {
      if (csvTable != null) {
        out.println(csv(csvTable.columnNames()));
      }
      search.eachArticle((id, json) -> {
        if (csvTable == null) {
          out.println(json);
          return;
        }
        try {
          csvTable.rows(id, JSON.readTree(json)).forEach(row -> out.println(csv(row)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    out.flush();
    return 0;
  }

  private int parquet() throws IOException {
    if (output == null) {
      throw new Main.UserError("--format parquet needs --output DIR, a new folder for the tables");
    }
    try (CorpusSearch search = store.openForReading()) {
      ParquetExport export;
      try {
        export = ParquetExport.create(output);
      } catch (IOException e) {
        throw new Main.UserError(e.getMessage());
      }
      try (export) {
        search.eachArticle((id, json) -> {
          try {
            export.add(id, JSON.readTree(json));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
      System.err.printf("presslens: exported %d articles to %s%n", export.articles(), output);
    }
    return 0;
  }

  /** One RFC 4180 row. */
  static String csv(List<?> values) {
    StringBuilder b = new StringBuilder();
    for (Object v : values) {
      if (!b.isEmpty()) {
        b.append(',');
      }
      String s = v == null ? "" : v.toString();
      boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
      b.append(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
    }
    return b.toString();
  }
}
