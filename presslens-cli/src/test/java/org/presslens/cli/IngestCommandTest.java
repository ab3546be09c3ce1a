package org.presslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.presslens.corpus.CorpusSearch;
import org.presslens.corpus.CorpusStore;

/** Ingest end to end: formats, idempotence, and a real process killed mid-ingest. */
class IngestCommandTest {
  @TempDir Path dir;

  private static AnalyzeCommandTest.Run run(String... args) {
    return AnalyzeCommandTest.run(args);
  }

  /** A WARC file as CC-NEWS writes it: gzipped records, HTML responses among other records. */
  private Path writeWarc(String name) throws IOException {
    Path warc = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(warc); WarcWriter writer = new WarcWriter(out)) {
      writer.write(response("https://news.example/a", "text/html",
          "<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
              + "<p>The harbour at Porthaven reopened on Monday after a week of repairs, the authority said.</p>"
              + "<p>Jane Hewitt said the ferries would run again from Tuesday.</p></article></body></html>"));
      writer.write(response("https://news.example/logo.png", "image/png", "PNG"));
      writer.write(response("https://news.example/b", "text/html; charset=utf-8",
          "<html><head><title>Rail fares rise</title></head><body><article><h1>Rail fares rise</h1>"
              + "<p>Rail fares will rise by 4 percent in January, the operators announced on Friday.</p>"
              + "</article></body></html>"));
    }
    return warc;
  }

  private static WarcResponse response(String url, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse(type), bytes).build();
    return new WarcResponse.Builder(URI.create(url)).date(Instant.parse("2024-05-01T10:00:00Z")).body(http).build();
  }

  /**
   * A full disk, for real: a tmpfs of 1.2 MB mounted for the test (root only, as CI runs; skipped
   * elsewhere). The store keeps what it committed, and the one line says how much that is.
   */
  @Test
  void aFullDiskIsOneLineAndTheStoreKeepsWhatItCommitted() throws Exception {
    Path mount = dir.resolve("small-disk");
    Files.createDirectories(mount);
    boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", mount.toString())
        .redirectErrorStream(true).start().waitFor() == 0;
    org.junit.jupiter.api.Assumptions.assumeTrue(mounted, "needs root to mount a small tmpfs");
    try {
      StringBuilder jsonl = new StringBuilder();
      for (int i = 0; i < 400; i++) {
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 30; s++) {
          text.append("Mayor Jane Okoro of Porthaven said on day ").append(i).append(" that budget line ").append(s)
              .append(" would rise by ").append(i * 31 + s).append(" pounds. ");
        }
        jsonl.append("{\"text\": \"").append(text).append("\", \"url\": \"https://news.example/").append(i).append("\"}\n");
      }
      Path input = dir.resolve("many.jsonl");
      Files.writeString(input, jsonl);
      Path store = mount.resolve("store");
      AnalyzeCommandTest.Run r = run("ingest", "--store", store.toString(), input.toString());
      assertThat(r.status()).isEqualTo(1);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("presslens: the disk holding " + java.util.regex.Pattern.quote(store.toString())
          + " is full: (\\d+|no) articles were stored, rerun to continue").matcher(r.err());
      assertThat(m.find()).as(r.err()).isTrue();
      assertThat(r.err()).doesNotContain("Exception", "\tat ");
      // Whether the disk fills before the first commit depends on how fast articles come; what
      // was committed, if anything, is all there.
      if (!m.group(1).equals("no")) {
        try (CorpusSearch search = CorpusSearch.open(store)) {
          assertThat(search.articles()).isEqualTo(Integer.parseInt(m.group(1)));
        }
      }
    } finally {
      new ProcessBuilder("umount", mount.toString()).start().waitFor();
    }
  }

  @Test
  void statsOnAStoreLeftEmptyByAnAbortedIngestSayNoArticles() throws Exception {
    Path store = dir.resolve("empty");
    org.presslens.corpus.CorpusStore.open(store).close();
    AnalyzeCommandTest.Run r = run("stats", "--store", store.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("0 articles");
    assertThat(r.err()).doesNotContain("$facets");
  }

  @Test
  void aStoreAnotherProcessIsWritingIsRefusedInOneLineBeforeModelsLoad() throws Exception {
    Path store = dir.resolve("busy");
    Path text = dir.resolve("a.txt");
    Files.writeString(text, "Rain fell in Oslo on Monday, the weather office said.");
    try (org.presslens.corpus.CorpusStore other = org.presslens.corpus.CorpusStore.open(store)) {
      AnalyzeCommandTest.Run r = run("ingest", "--store", store.toString(), text.toString());
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("presslens: the store at " + store + " is being written by another process (an ingest, "
          + "or a server taking ingests); try again when it has finished" + System.lineSeparator());
    }
  }

  @Test
  void ingestsTextJsonlAndWarcOnceAndSearchesThem() throws Exception {
    Path text = dir.resolve("a.txt");
    Files.writeString(text, "Mark Dobson said the strike at the port would go on until the pay offer improved.");
    Path jsonl = dir.resolve("b.jsonl");
    Files.writeString(jsonl, "{\"text\": \"The council approved a budget of £3 million for new housing.\", "
        + "\"url\": \"https://paper.example/budget\", \"published\": \"2024-04-02\"}\n{not json\n");
    Path warc = writeWarc("crawl.warc");
    Path store = dir.resolve("store");

    AnalyzeCommandTest.Run first = run("ingest", "--store", store.toString(), text.toString(), jsonl.toString(), warc.toString());
    assertThat(first.status()).isEqualTo(1); // the malformed JSONL line
    assertThat(first.err()).contains(jsonl + ":2: malformed JSON").contains("ingested 4, skipped 0 already stored, failed 1");

    AnalyzeCommandTest.Run again = run("ingest", "--store", store.toString(), text.toString(), jsonl.toString(), warc.toString());
    assertThat(again.err()).contains("ingested 0, skipped 4 already stored");

    try (CorpusSearch search = CorpusSearch.open(store)) {
      assertThat(search.articles()).isEqualTo(4);
      assertThat(search.articles("ferries", 10)).singleElement()
          .satisfies(h -> assertThat(h.input()).startsWith(warc + "@"));
      assertThat(search.quotes("speaker:Dobson", 10)).hasSize(1);
      assertThat(search.articles("published:[2024-04-01 TO 2024-04-30]", 10)).hasSize(1);
    }
    AnalyzeCommandTest.Run found = run("search", "--store", store.toString(), "--format", "jsonl", "rail");
    assertThat(found.out().lines()).singleElement().satisfies(l -> assertThat(l).contains("\"title\":\"Rail fares rise\""));

    // Export round trips: the JSONL is the contract as analyze writes it; CSV has a row per quote.
    AnalyzeCommandTest.Run jsonlOut = run("export", "--store", store.toString());
    assertThat(jsonlOut.out().lines()).hasSize(4).allSatisfy(l ->
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(l).has("quotes")).isTrue());
    AnalyzeCommandTest.Run csv = run("export", "--store", store.toString(), "--format", "quotes-csv");
    assertThat(csv.out().lines().findFirst()).contains("article,published,source,quote,speaker,entity,kind,cue,text");
    assertThat(csv.out()).contains("Mark Dobson");
    // Parquet: the same quote rows, read back with Parquet's own reader.
    Path parquet = dir.resolve("tables");
    assertThat(run("export", "--store", store.toString(), "--format", "parquet", "--output", parquet.toString()).status()).isZero();
    long parquetQuotes = 0;
    try (var files = Files.walk(parquet.resolve("quotes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(file))) {
          parquetQuotes += reader.getRecordCount();
        }
      }
    }
    assertThat(parquetQuotes).isEqualTo(csv.out().lines().count() - 1).isPositive();
    assertThat(run("export", "--store", store.toString(), "--format", "parquet", "--output", parquet.toString()).err())
        .contains("already exists");

    Path chart = dir.resolve("chart.png");
    AnalyzeCommandTest.Run stats = run("stats", "--store", store.toString(), "--plot", chart.toString());
    assertThat(stats.status()).isZero();
    assertThat(stats.out()).contains("4 articles").contains("2024-04").contains("Top speakers").contains("Mark Dobson")
        .contains("Technique share by source");
    try (CorpusSearch search = CorpusSearch.open(store)) {
      assertThat(search.articles("flag:unrated-source", 10)).isNotEmpty();
    }
    byte[] png = Files.readAllBytes(chart);
    assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    AnalyzeCommandTest.Run quotes = run("stats", "--store", store.toString(), "--count", "quotes:Mark Dobson");
    assertThat(quotes.out()).contains("Quotes of Mark Dobson by month");
    assertThat(run("stats", "--store", store.toString(), "--count", "sheep").status()).isEqualTo(2);
    Path svg = dir.resolve("chart.svg");
    assertThat(run("stats", "--store", store.toString(), "--plot", svg.toString()).status()).isZero();
    assertThat(Files.readString(svg)).contains("<svg").contains("Articles by month");
  }

  @Test
  void provenanceIsSearchableAndProfiledPerSource() throws Exception {
    Path store = dir.resolve("store");
    AnalyzeCommandTest.Run ingest = run("ingest", "--store", store.toString(), "--registry", "../examples/outlets.json",
        "../examples/advocacy-repost.txt", "../examples/harbour-strike.txt");
    assertThat(ingest.status()).isZero();
    try (CorpusSearch search = CorpusSearch.open(store)) {
      assertThat(search.articles("flag:affiliated-source", 10)).singleElement()
          .satisfies(h -> assertThat(h.input()).endsWith("advocacy-repost.txt"));
      assertThat(search.articles("origin:\"Valley Action Network\"", 10)).hasSize(1);
      assertThat(search.articles("praised:\"Valley Rivers Alliance\"", 10)).hasSize(1);
      assertThat(search.articles("flag:syndicated-copy", 10)).hasSize(2);
    }
  }

  @Test
  void aGzippedWarcWithABrokenTailKeepsWhatCameBefore() throws Exception {
    Path plain = writeWarc("crawl.warc");
    Path gz = dir.resolve("crawl.warc.gz");
    byte[] bytes = Files.readAllBytes(plain);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(bytes, 0, bytes.length - 40); // cut inside the last record
    }
    Path store = dir.resolve("store");
    AnalyzeCommandTest.Run r = run("ingest", "--store", store.toString(), gz.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains(gz + "@").contains("ingested 1");
  }

  /**
   * Kills a real ingest with SIGKILL after its first commit: the store must open with every
   * committed article, and the same command run again must finish the job without duplicates.
   */
  @Test
  void killedIngestLeavesAUsableStoreAndResumesWithoutDuplicates() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    int total = 3 * CorpusStore.COMMIT_EVERY;
    for (int i = 0; i < total; i++) {
      Files.writeString(corpus.resolve(String.format("%04d.txt", i)),
          "Report " + i + ". The council of town " + i + " met on Monday. Its leader said spending would rise by "
              + i + " percent next year, and the opposition said the plan for town " + i + " was reckless.");
    }
    Path store = dir.resolve("store");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx2g", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "ingest", "--store", store.toString(), corpus.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("ingest.log").toFile());
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    int committed = 0;
    while (p.isAlive() && System.nanoTime() < deadline) {
      committed = committedArticles(store);
      if (committed >= CorpusStore.COMMIT_EVERY) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(p.isAlive()).as("ingest still running when its first commit appeared").isTrue();
    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    int afterCrash = committedArticles(store);
    assertThat(afterCrash).isBetween(CorpusStore.COMMIT_EVERY, total);
    wholeStoreStatsEqualAMatchAllQuery(store, afterCrash); // whatever facet totals the kill left beside the index

    AnalyzeCommandTest.Run resumed = run("ingest", "--store", store.toString(), corpus.toString());
    assertThat(resumed.status()).isZero();
    assertThat(resumed.err()).contains("skipped " + afterCrash + " already stored");
    try (CorpusSearch search = CorpusSearch.open(store)) {
      assertThat(search.articles()).isEqualTo(total);
      assertThat(search.articles("town", total + 10)).extracting(CorpusSearch.ArticleHit::id).doesNotHaveDuplicates();
    }
    wholeStoreStatsEqualAMatchAllQuery(store, total);
  }

  /** Whole-store stats (from the facet totals kept per segment) count what a query matching every article counts. */
  private static void wholeStoreStatsEqualAMatchAllQuery(Path store, int articles) throws IOException {
    try (CorpusSearch search = CorpusSearch.open(store)) {
      org.presslens.corpus.CorpusStats whole = org.presslens.corpus.CorpusStats.of(search, "", "day", 10);
      assertThat(whole.articles()).isEqualTo(articles);
      assertThat(whole).isEqualTo(org.presslens.corpus.CorpusStats.of(search, "*:*", "day", 10));
    }
  }

  /** Articles in the store's last commit, 0 while there is none; never blocks the writer. */
  private static int committedArticles(Path store) {
    try (CorpusSearch search = CorpusSearch.open(store)) {
      return search.articles();
    } catch (IOException e) {
      return 0;
    }
  }
}
