package org.presslens.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.core.json.ExportTables;

/** Parquet export read back with Parquet's own reader: layout, types, nulls, and a safe target. */
class ParquetExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static JsonNode article(String published) throws IOException {
    String text = "“We will win,” said Jane Hewitt. Fares rose 5% in 2024.";
    return JSON.readTree("""
        {"text": %s, "title": "Fares", "published": %s, "source": {"name": "Gazette", "domain": "gazette.example", "url": null},
         "entities": [{"id": "E1", "type": "PERSON", "name": "Jane Hewitt", "mentions": [{"start": 20, "end": 31, "text": "Jane Hewitt"}]}],
         "quotes": [{"id": "Q1", "kind": "direct", "content": [{"start": 1, "end": 12}],
                     "cue": {"start": 15, "end": 19, "text": "said"},
                     "speaker": {"start": 20, "end": 31, "text": "Jane Hewitt", "entity": "E1"}}],
         "claims": [{"start": 33, "end": 55, "score": 0.81, "checkworthy": true, "quote": null, "checkables": []}],
         "techniques": [{"technique": "Slogans", "start": 1, "end": 12, "score": 0.6, "quote": "Q1"}],
         "technique_share": 0.2}
        """.formatted(JSON.writeValueAsString(text), published == null ? "null" : '"' + published + '"'));
  }

  private static List<Group> read(Path file) throws IOException {
    List<Group> rows = new ArrayList<>();
    try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(new LocalInputFile(file)) {
      @Override
      protected org.apache.parquet.hadoop.api.ReadSupport<Group> getReadSupport() {
        return new GroupReadSupport();
      }
    }.withConf(new PlainParquetConfiguration()).build()) {
      for (Group g = reader.read(); g != null; g = reader.read()) {
        rows.add(g);
      }
    }
    return rows;
  }

  @Test
  void writesEveryTablePartitionedByMonthWithTypedColumns() throws IOException {
    Path out = dir.resolve("tables");
    try (ParquetExport export = ParquetExport.create(out)) {
      export.add("a1", article("2024-04-02"));
      export.add("a2", article(null));
    }
    assertThat(Files.exists(dir.resolve("tables.partial"))).isFalse();
    for (ExportTables table : ExportTables.values()) {
      for (String month : List.of("2024-04", "undated")) {
        Path file = out.resolve(table.fileName()).resolve("month=" + month).resolve("part-00000.parquet");
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
          assertThat(reader.getFileMetaData().getSchema()).isEqualTo(ParquetExport.schema(table));
        }
        assertThat(read(file)).as(table + " " + month).hasSize(1);
      }
    }
    Group quote = read(out.resolve("quotes/month=2024-04/part-00000.parquet")).get(0);
    assertThat(quote.getString("speaker", 0)).isEqualTo("Jane Hewitt");
    assertThat(quote.getString("text", 0)).isEqualTo("We will win");
    assertThat(quote.getString("published", 0)).isEqualTo("2024-04-02");
    Group claim = read(out.resolve("claims/month=undated/part-00000.parquet")).get(0);
    assertThat(claim.getDouble("score", 0)).isEqualTo(0.81);
    assertThat(claim.getBoolean("checkworthy", 0)).isTrue();
    assertThat(claim.getFieldRepetitionCount("published")).isZero(); // unknown stays null, not ""
    assertThat(claim.getFieldRepetitionCount("speaker")).isZero(); // the reporter's voice
    Group technique = read(out.resolve("techniques/month=2024-04/part-00000.parquet")).get(0);
    assertThat(technique.getString("speaker", 0)).isEqualTo("Jane Hewitt");
    assertThat(technique.getInteger("end", 0)).isEqualTo(12);
    Group article = read(out.resolve("articles/month=2024-04/part-00000.parquet")).get(0);
    assertThat(article.getInteger("quotes", 0)).isEqualTo(1);
    assertThat(JSON.readTree(article.getString("json", 0))).isEqualTo(article("2024-04-02"));
  }

  @Test
  void refusesAFolderThatHoldsSomethingAndReplacesAnInterruptedExport() throws IOException {
    Path used = Files.createDirectories(dir.resolve("used"));
    Files.writeString(used.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> ParquetExport.create(used)).hasMessageContaining("already exists");
    assertThat(used.resolve("keep.txt")).hasContent("mine");

    Path out = dir.resolve("fresh");
    Files.createDirectories(dir.resolve("fresh.partial/quotes"));
    try (ParquetExport export = ParquetExport.create(out)) {
      export.add("a1", article("2024-04-02"));
    }
    assertThat(out.resolve("quotes/month=2024-04/part-00000.parquet")).exists();
    assertThat(dir.resolve("fresh.partial")).doesNotExist();
  }
}
