package org.presslens.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The flat tables that exports write, one place for their columns and types: {@code presslens
 * export}'s CSV files and Parquet folders and the Spark job's Parquet tables hold the same rows,
 * so one reader serves all of them. Each table turns one article's contract JSON into rows whose
 * values are in column order and of the column's type ({@code null} for unknown).
 *
 * <p>Every table starts with {@code article}, {@code published} and {@code source}; Parquet
 * writers add {@link #month} as the partition column.
 */
public enum ExportTables {
  /** One row per article, with its whole contract JSON. */
  ARTICLES(cols("title:string url:string words:int quotes:int technique_share:double json:string")),
  /** One row per quote: who said it, how, and its content pieces joined by " … ". */
  QUOTES(cols("quote:string speaker:string entity:string kind:string cue:string text:string")),
  /** One row per entity mention. */
  ENTITIES(cols("entity:string type:string name:string text:string start:int end:int")),
  /** One row per sentence scored for check-worthiness; speaker is empty in the reporter's voice. */
  CLAIMS(cols("text:string score:double checkworthy:boolean quote:string speaker:string start:int end:int")),
  /** One row per persuasion-technique span; speaker is empty in the reporter's voice. */
  TECHNIQUES(cols("technique:string text:string score:double quote:string speaker:string start:int end:int"));

  /** The types a column can have. */
  public enum Type { STRING, INT, DOUBLE, BOOLEAN }

  public record Column(String name, Type type) {}

  private final List<Column> columns;

  ExportTables(List<Column> own) {
    List<Column> all = new ArrayList<>(cols("article:string published:string source:string"));
    all.addAll(own);
    this.columns = List.copyOf(all);
  }

  private static List<Column> cols(String spec) {
    return Arrays.stream(spec.split(" "))
        .map(c -> new Column(c.substring(0, c.indexOf(':')), Type.valueOf(c.substring(c.indexOf(':') + 1).toUpperCase(Locale.ROOT))))
        .toList();
  }

  public List<Column> columns() {
    return columns;
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** The file or folder name of this table: {@code quotes}, {@code entities}, … */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The partition of an article: the month of its publication date (yyyy-MM), else "undated". */
  public static String month(String published) {
    return published != null && published.matches("\\d{4}-\\d{2}.*") ? published.substring(0, 7) : "undated";
  }

  /** The rows of one stored article, whose id is {@code id}. */
  public List<List<Object>> rows(String id, JsonNode article) {
    ArticleView a = new ArticleView(id, article);
    List<List<Object>> rows = new ArrayList<>();
    switch (this) {
      case ARTICLES -> rows.add(a.row(text(article, "title"), text(article.path("source"), "url"),
          words(article.path("text").asText()), article.path("quotes").size(),
          article.has("technique_share") ? article.path("technique_share").asDouble() : null, article.toString()));
      case QUOTES -> {
        for (JsonNode q : article.path("quotes")) {
          StringBuilder content = new StringBuilder();
          for (JsonNode piece : q.path("content")) {
            content.append(content.isEmpty() ? "" : " … ").append(a.slice(piece));
          }
          rows.add(a.row(q.path("id").asText(), a.speakerOf(q.path("id").asText()), text(q.path("speaker"), "entity"),
              q.path("kind").asText(), text(q.path("cue"), "text"), content.toString()));
        }
      }
      case ENTITIES -> {
        for (JsonNode e : article.path("entities")) {
          for (JsonNode m : e.path("mentions")) {
            rows.add(a.row(e.path("id").asText(), e.path("type").asText(), e.path("name").asText(), m.path("text").asText(),
                m.path("start").asInt(), m.path("end").asInt()));
          }
        }
      }
      case CLAIMS -> {
        for (JsonNode c : article.path("claims")) {
          String quote = text(c, "quote");
          rows.add(a.row(a.slice(c), c.path("score").asDouble(), c.path("checkworthy").asBoolean(), quote, a.speakerOf(quote),
              c.path("start").asInt(), c.path("end").asInt()));
        }
      }
      case TECHNIQUES -> {
        for (JsonNode t : article.path("techniques")) {
          String quote = text(t, "quote");
          rows.add(a.row(t.path("technique").asText(), a.slice(t), t.path("score").asDouble(), quote, a.speakerOf(quote),
              t.path("start").asInt(), t.path("end").asInt()));
        }
      }
    }
    return rows;
  }

  private static int words(String text) {
    return text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  /** A field's text, or null when it is missing or JSON null. */
  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  /** What the rows of one article share: its key columns, its text and its speakers by quote id. */
  private static final class ArticleView {
    private final List<Object> key;
    private final int[] codePoints;
    private final Map<String, String> speakers = new HashMap<>();

    ArticleView(String id, JsonNode article) {
      JsonNode source = article.path("source");
      String domain = text(source, "domain");
      key = Arrays.asList(id, text(article, "published"), domain != null ? domain : text(source, "name"));
      codePoints = article.path("text").asText().codePoints().toArray();
      Map<String, String> names = new HashMap<>();
      article.path("entities").forEach(e -> names.put(e.path("id").asText(), e.path("name").asText()));
      for (JsonNode q : article.path("quotes")) {
        String entity = text(q.path("speaker"), "entity");
        String name = entity != null && names.containsKey(entity) ? names.get(entity) : text(q.path("speaker"), "text");
        speakers.put(q.path("id").asText(), name);
      }
    }

    List<Object> row(Object... own) {
      List<Object> row = new ArrayList<>(key);
      row.addAll(Arrays.asList(own));
      return row;
    }

    /** The text of a span (start and end in code points, as the contract counts). */
    String slice(JsonNode span) {
      int start = span.path("start").asInt();
      return new String(codePoints, start, span.path("end").asInt() - start);
    }

    /** The name of the speaker of a quote (null for the reporter's voice or no speaker). */
    String speakerOf(String quote) {
      return quote == null ? null : speakers.get(quote);
    }
  }
}
