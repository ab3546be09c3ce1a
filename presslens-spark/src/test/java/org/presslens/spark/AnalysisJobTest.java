package org.presslens.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.core.json.ContractJson;
import org.presslens.core.json.ExportTables;
import org.presslens.corpus.Clusters;
import org.presslens.corpus.MinHash;
import org.presslens.corpus.ParquetExport;
import org.presslens.ingest.Inputs;
import org.presslens.ingest.Item;

/** The Spark job in local mode on files the test writes: same rows as the CLI, bad records counted, reruns idempotent. */
class AnalysisJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSession.builder().master("local[2]").appName("presslens-test").config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2").getOrCreate();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void articlesQuotesAndEntitiesMatchTheCliAndARerunAddsNothing(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    Path jsonl = Files.writeString(in.resolve("batch.jsonl"),
        "{\"text\": \"Union leader Patricia Hewitt said on Tuesday that the ferry strike was off.\", \"url\": \"https://news.example/a\", \"published\": \"2025-03-04\"}\n"
            + "{not json\n"
            + "{\"text\": \"Rain fell in Oslo on Monday, the Norwegian Meteorological Institute said.\", \"published\": \"2025-04-01\"}\n");
    Path text = Files.writeString(in.resolve("story.txt"), "Harbour reopens\n\n\"We are open again,\" said harbour master Tom Reed.");
    Path warc = in.resolve("crawl.warc");
    try (var out = Files.newOutputStream(warc); var writer = new org.netpreserve.jwarc.WarcWriter(out)) {
      byte[] page = ("<html><head><title>Rail fares rise</title></head><body><article><h1>Rail fares rise</h1>"
          + "<p>Rail fares will rise by 4 percent in January, the operators announced on Friday.</p></article></body></html>")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      var http = new org.netpreserve.jwarc.HttpResponse.Builder(200, "OK")
          .body(org.netpreserve.jwarc.MediaType.parse("text/html"), page).build();
      writer.write(new org.netpreserve.jwarc.WarcResponse.Builder(java.net.URI.create("https://news.example/rail"))
          .date(java.time.Instant.parse("2024-05-01T10:00:00Z")).body(http).build());
    }
    String out = dir.resolve("out").toString();

    AnalysisJob.Result first = AnalysisJob.run(spark, List.of(in.toString()), out);
    assertThat(first.analysed()).isEqualTo(4);
    assertThat(first.added()).isEqualTo(4);
    assertThat(first.failed()).isEqualTo(1);

    List<Row> articles = spark.read().parquet(out + "/articles").collectAsList();
    assertThat(articles).hasSize(4);
    assertThat(articles).extracting(r -> r.<String>getAs("month")).containsExactlyInAnyOrder("2025-03", "2025-04", "undated", "undated"); // a crawl date is not a publication date

    // The same articles through the CLI's own reader and pipeline give the same JSON.
    for (Path file : List.of(jsonl, text, warc)) {
      for (var it = Inputs.read(new Inputs.Input("file:" + file, file), null); it.hasNext(); ) {
        if (it.next() instanceof Item.Read read) {
          ObjectNode expected = ContractJson.toTree(AnalysisJob.ExecutorPipeline.get().analyze(read.article()));
          String quoted = JSON.writeValueAsString(read.article().text());
          Row row = articles.stream().filter(r -> r.<String>getAs("json").contains(quoted)).findFirst().orElseThrow();
          assertThat(JSON.readTree(row.<String>getAs("json"))).isEqualTo(expected);
        }
      }
    }
    List<Row> quotes = spark.read().parquet(out + "/quotes").collectAsList();
    assertThat(quotes).extracting(r -> r.<String>getAs("speaker")).contains("Patricia Hewitt", "Tom Reed");
    assertThat(spark.read().parquet(out + "/entities").count()).isGreaterThanOrEqualTo(4);
    // One row per claim the articles list (how many depends on the model, not on the job).
    long listed = 0;
    for (Row a : articles) {
      listed += JSON.readTree(a.<String>getAs("json")).path("claims").size();
    }
    assertThat(listed).isPositive();
    assertThat(spark.read().parquet(out + "/claims").count()).isEqualTo(listed);

    // presslens export --format parquet writes the same tables: same schema, same rows.
    Path exported = dir.resolve("export");
    try (ParquetExport export = ParquetExport.create(exported)) {
      for (Row a : articles) {
        export.add(a.getAs("article"), JSON.readTree(a.<String>getAs("json")));
      }
    }
    for (ExportTables table : ExportTables.values()) {
      if (table == ExportTables.TECHNIQUES && !holdsParquet(Path.of(out, "techniques"))) {
        continue; // no technique in these short texts: Spark writes no data file, nothing to compare
      }
      Dataset<Row> fromSpark = spark.read().parquet(out + "/" + table.fileName());
      Dataset<Row> fromExport = spark.read().parquet(exported.resolve(table.fileName()).toString());
      assertThat(fromExport.schema()).as(table.fileName()).isEqualTo(fromSpark.schema());
      assertThat(fromExport.collectAsList()).as(table.fileName()).containsExactlyInAnyOrderElementsOf(fromSpark.collectAsList());
    }

    AnalysisJob.Result again = AnalysisJob.run(spark, List.of(in.toString()), out);
    assertThat(again.added()).isZero();
    assertThat(spark.read().parquet(out + "/articles").count()).isEqualTo(4);
    assertThat(spark.read().parquet(out + "/quotes").count()).isEqualTo(quotes.size());
  }

  @Test
  void clustersCopiesAsTheStoreDoesAcrossRuns(@TempDir Path dir) throws Exception {
    String story = "The ferry company said on Tuesday that crossings between Porthaven and the islands would resume next week "
        + "after engineers finished repairs to the harbour ramp, which was damaged in last month's storm. Passengers with "
        + "tickets for cancelled sailings can claim refunds until the end of March, a spokesperson for the company said, "
        + "and extra sailings will run on Saturday to clear the backlog of freight waiting on the quay.";
    Path first = Files.createDirectories(dir.resolve("week1"));
    Files.writeString(first.resolve("a.jsonl"), String.join("\n",
        line(story, "https://gazette.example/ferry", "2025-01-02"),
        line("Share this article. " + story + " Source » Gazette", "https://aggregator.example/ferry", "2025-01-03"),
        line("Rain fell across the county on Monday and more is expected, forecasters said, as rivers rose.", "https://gazette.example/rain", "2025-01-02")));
    String out = dir.resolve("out").toString();
    AnalysisJob.run(spark, List.of(first.toString()), out);
    assertThat(clusters(out)).containsExactly(List.of("https://gazette.example/ferry", "https://aggregator.example/ferry"));

    // A later run with one more copy: clusters are recomputed over old and new articles.
    Path second = Files.createDirectories(dir.resolve("week2"));
    Files.writeString(second.resolve("b.jsonl"), line(story + " Reporting by the Gazette.", "https://wire.example/ferry", "2025-01-05"));
    AnalysisJob.run(spark, List.of(second.toString()), out);
    List<List<String>> found = clusters(out);
    assertThat(found).containsExactly(List.of("https://gazette.example/ferry", "https://aggregator.example/ferry", "https://wire.example/ferry"));

    // The store's own algorithm on the same texts gives the same clusters, ids and originals.
    java.util.Map<String, int[]> signatures = new java.util.HashMap<>();
    java.util.Map<String, String> published = new java.util.HashMap<>();
    for (Row a : spark.read().parquet(out + "/articles").collectAsList()) {
      signatures.put(a.getAs("article"), MinHash.signature(JSON.readTree(a.<String>getAs("json")).path("text").asText()));
      published.put(a.getAs("article"), a.getAs("published"));
    }
    List<Clusters.Cluster> expected = Clusters.of(MinHash.clusters(signatures), published).all();
    assertThat(expected).hasSize(1);
    List<Row> rows = spark.read().parquet(out + "/clusters").orderBy("rank").collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs("article")).isEqualTo(expected.get(0).members());
    assertThat(rows).extracting(r -> r.<String>getAs("cluster") + " " + r.<String>getAs("original"))
        .containsOnly(expected.get(0).id() + " " + expected.get(0).original());
  }

  private static String line(String text, String url, String published) throws Exception {
    return JSON.writeValueAsString(JSON.createObjectNode().put("text", text).put("url", url).put("published", published));
  }

  /** The clusters table as lists of member URLs, in rank order (the original, published first, leads). */
  private static List<List<String>> clusters(String out) {
    java.util.Map<String, String> urls = new java.util.HashMap<>();
    for (Row a : spark.read().parquet(out + "/articles").collectAsList()) {
      urls.put(a.getAs("article"), a.getAs("url"));
    }
    java.util.Map<String, java.util.TreeMap<Integer, String>> byCluster = new java.util.TreeMap<>();
    for (Row r : spark.read().parquet(out + "/clusters").collectAsList()) {
      byCluster.computeIfAbsent(r.getAs("cluster"), k -> new java.util.TreeMap<>()).put(r.getAs("rank"), urls.get(r.<String>getAs("article")));
    }
    return byCluster.values().stream().map(m -> List.copyOf(m.values())).toList();
  }

  private static boolean holdsParquet(Path folder) throws java.io.IOException {
    if (!java.nio.file.Files.isDirectory(folder)) {
      return false;
    }
    try (var files = java.nio.file.Files.walk(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    }
  }
}
