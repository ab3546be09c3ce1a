package org.presslens.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat tables that exports write, one place for their columns: {@code presslens export}'s
 * CSV files and the Spark job's Parquet tables hold the same rows. Each table turns one article's
 * contract JSON into rows of strings (empty for unknown), in column order.
 */
public enum ExportTables {
  QUOTES(List.of("article", "published", "source", "speaker", "entity", "kind", "cue", "text")),
  ENTITIES(List.of("article", "published", "source", "entity", "type", "name", "text", "start", "end"));

  private final List<String> columns;

  ExportTables(List<String> columns) {
    this.columns = columns;
  }

  public List<String> columns() {
    return columns;
  }

  /** The rows of one stored article, whose id is {@code id}. */
  public List<List<String>> rows(String id, JsonNode article) {
    String published = article.path("published").asText("");
    String source = article.path("source").path("domain").asText(article.path("source").path("name").asText(""));
    int[] cp = article.path("text").asText().codePoints().toArray();
    Map<String, JsonNode> entities = new HashMap<>();
    article.path("entities").forEach(e -> entities.put(e.path("id").asText(), e));
    List<List<String>> rows = new ArrayList<>();
    if (this == QUOTES) {
      for (JsonNode q : article.path("quotes")) {
        StringBuilder content = new StringBuilder();
        for (JsonNode piece : q.path("content")) {
          int start = piece.path("start").asInt();
          content.append(content.isEmpty() ? "" : " … ").append(new String(cp, start, piece.path("end").asInt() - start));
        }
        JsonNode speaker = q.path("speaker");
        String entity = speaker.path("entity").asText("");
        String name = entities.containsKey(entity) ? entities.get(entity).path("name").asText() : speaker.path("text").asText("");
        rows.add(List.of(id, published, source, name, entity, q.path("kind").asText(), q.path("cue").path("text").asText(""),
            content.toString()));
      }
    } else {
      for (JsonNode e : article.path("entities")) {
        for (JsonNode m : e.path("mentions")) {
          rows.add(List.of(id, published, source, e.path("id").asText(), e.path("type").asText(), e.path("name").asText(),
              m.path("text").asText(), m.path("start").asText(), m.path("end").asText()));
        }
      }
    }
    return rows;
  }
}
