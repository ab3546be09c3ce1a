package org.presslens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.presslens.core.json.ExportTables;
import org.presslens.corpus.CorpusSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code presslens export}: the store's content for other tools. */
@Command(
    name = "export",
    header = "Export the store as JSONL or CSV.",
    mixinStandardHelpOptions = true,
    description = {
      "Write the store's content to standard output:",
      "  jsonl          one contract JSON object per article (what analyze --format jsonl prints)",
      "  quotes-csv     one row per quote: article, published, source, speaker, entity, kind, cue, text",
      "  entities-csv   one row per entity mention: article, published, source, entity, type, name, text, start, end"
    })
final class ExportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin StoreOption store;

  @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl, quotes-csv or entities-csv. Default: ${DEFAULT-VALUE}.")
  String format = "jsonl";

  @Override
  public Integer call() throws IOException {
    if (!format.equals("jsonl") && !format.equals("quotes-csv") && !format.equals("entities-csv")) {
      throw new Main.UserError("--format must be jsonl, quotes-csv or entities-csv");
    }
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    ExportTables table = format.equals("quotes-csv") ? ExportTables.QUOTES : format.equals("entities-csv") ? ExportTables.ENTITIES : null;
    try (CorpusSearch search = store.openForReading()) {
      if (table != null) {
        out.println(csv(table.columns().toArray(String[]::new)));
      }
      search.eachArticle((id, json) -> {
        if (table == null) {
          out.println(json);
          return;
        }
        try {
          table.rows(id, JSON.readTree(json)).forEach(row -> out.println(csv(row.toArray(String[]::new))));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    out.flush();
    return 0;
  }

  /** One RFC 4180 row. */
  static String csv(String... values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      if (!b.isEmpty()) {
        b.append(',');
      }
      String s = v == null ? "" : v;
      boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
      b.append(quote ? '"' + s.replace("\"", "\"\"") + '"' : s);
    }
    return b.toString();
  }
}
