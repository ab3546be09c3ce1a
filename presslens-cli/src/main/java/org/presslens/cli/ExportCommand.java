package org.presslens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
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
    try (CorpusSearch search = store.openForReading()) {
      if (format.equals("quotes-csv")) {
        out.println(csv("article", "published", "source", "speaker", "entity", "kind", "cue", "text"));
      } else if (format.equals("entities-csv")) {
        out.println(csv("article", "published", "source", "entity", "type", "name", "text", "start", "end"));
      }
      search.eachArticle((id, json) -> {
        if (format.equals("jsonl")) {
          out.println(json);
          return;
        }
        try {
          rows(id, JSON.readTree(json), out);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    out.flush();
    return 0;
  }

  private void rows(String id, JsonNode a, PrintStream out) {
    String published = a.path("published").asText("");
    String source = a.path("source").path("domain").asText(a.path("source").path("name").asText(""));
    String text = a.path("text").asText();
    int[] cp = text.codePoints().toArray();
    Map<String, JsonNode> entities = new HashMap<>();
    a.path("entities").forEach(e -> entities.put(e.path("id").asText(), e));
    if (format.equals("quotes-csv")) {
      for (JsonNode q : a.path("quotes")) {
        StringBuilder content = new StringBuilder();
        for (JsonNode piece : q.path("content")) {
          content.append(content.isEmpty() ? "" : " … ").append(new String(cp, piece.path("start").asInt(),
              piece.path("end").asInt() - piece.path("start").asInt()));
        }
        JsonNode speaker = q.path("speaker");
        String entity = speaker.path("entity").asText("");
        String name = entities.containsKey(entity) ? entities.get(entity).path("name").asText() : speaker.path("text").asText("");
        out.println(csv(id, published, source, name, entity, q.path("kind").asText(), q.path("cue").path("text").asText(""),
            content.toString()));
      }
    } else {
      for (JsonNode e : a.path("entities")) {
        for (JsonNode m : e.path("mentions")) {
          out.println(csv(id, published, source, e.path("id").asText(), e.path("type").asText(), e.path("name").asText(),
              m.path("text").asText(), m.path("start").asText(), m.path("end").asText()));
        }
      }
    }
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
