package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Randomized tests of the readers, in the Lucene style: valid seed inputs (an HTML page, an RSS
 * feed, an Atom feed, a WARC file, JSON and JSONL), mutated at random (bytes flipped, cut,
 * repeated, structure inserted), each read as the CLI reads a file. Whatever the bytes, reading
 * must end, never throw, and give articles or one-line failures that name the input. Found so far:
 * a WARC record header that sent jwarc reading the end of the file forever (now a test of its
 * own in WarcArticlesTest). The pieces it inserts include what cost a reader per level or per
 * sibling before (deep block quotes, misnested formatting, hidden siblings, megabyte bylines).
 *
 * <p>A short run is part of the build. A long one, on demand: {@code mvn -pl presslens-ingest -am
 * test -Dtest=ReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Dpresslens.fuzz.seconds=600}.
 * A failure prints its seed; {@code -Dpresslens.fuzz.seed=N} replays it, and the input that broke
 * is kept under target/fuzz-failures.
 */
class ReaderFuzzTest {
  private static final long SECONDS = Long.getLong("presslens.fuzz.seconds", 8);
  private static final long SEED = Long.getLong("presslens.fuzz.seed", System.nanoTime());
  /**
   * A single read that takes longer than this is a hang or a blow-up, whatever the machine: the
   * largest case (a piece repeated 50,000 times, a few megabytes) reads in seconds.
   */
  private static final long READ_LIMIT_NANOS = 60_000_000_000L;

  /** What the mutations insert: the edges of each format's structure. */
  private static final String[] PIECES = {
    "<", ">", "</", "<div>", "</div>", "<p>", "<!--", "-->", "<![CDATA[", "]]>", "<script>", "&amp;", "&#x0;", "&lol;",
    "<!DOCTYPE x [<!ENTITY a \"aaaaaaaa\">]>", "\"", "{", "}", "[", "]", ":", ",", "\\", "\\u0000", "null", "1e999999",
    "\r\n", "\n\n", "\u0000", "\uFEFF", "\uD800", "WARC/1.0\r\n", "Content-Length: 99999999\r\n", "\r\n\r\n",
    "<item>", "</item>", "<entry>", "<link>", "</link>", "<?xml version=\"1.0\"?>", "😀", "\u202E",
    // What made a reader pay per level or per sibling before (HostileInputTest keeps each case).
    "<blockquote>", "<table><tr><td>", "<font color=red><div>", "<b id=x>", "<button>", "<li>", "<a href=/x>",
    "<div style=\"display:none\">x</div>", "<script></script>", "<meta name=\"author\" content=\"", "senior ", " ", "!",
    "<div class=\"byline\">By ", "{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"", "\\n"
  };

  @TempDir Path dir;

  private record Seed(String extension, byte[] bytes) {}

  @Test
  void readersNeverThrowOrHangOnMutatedInput() throws Exception {
    System.out.printf("ReaderFuzzTest: seed %d (replay with -Dpresslens.fuzz.seed=%d)%n", SEED, SEED);
    Random random = new Random(SEED);
    List<Seed> seeds = seeds();
    long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
    int cases = 0;
    while (System.nanoTime() < deadline || cases < seeds.size()) {
      Seed seed = seeds.get(cases % seeds.size());
      byte[] input = mutate(seed.bytes(), random);
      boolean gzip = random.nextInt(8) == 0;
      Path file = dir.resolve("case-" + cases + seed.extension() + (gzip ? ".gz" : ""));
      Files.write(file, gzip ? gzip(input, random) : input);
      check(file, input, cases);
      Files.delete(file);
      cases++;
    }
    System.out.printf("ReaderFuzzTest: %d cases in %d s, seed %d%n", cases, SECONDS, SEED);
  }

  /** Reads run here, so that a read that never ends fails the test instead of hanging the build. */
  private static final java.util.concurrent.ExecutorService READER = java.util.concurrent.Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fuzz-reader");
    t.setDaemon(true);
    return t;
  });

  private void check(Path file, byte[] input, int n) throws IOException {
    try {
      java.util.concurrent.Future<List<Item>> reading = READER.submit(() -> {
        List<Item> read = new ArrayList<>();
        for (Inputs.Input in : Inputs.expand(List.of(file.toString()))) {
          // The feed seeds carry no links, so that no case waits on the network: reading is what is tested.
          Inputs.read(in, new ByteArrayInputStream(new byte[0])).forEachRemaining(read::add);
        }
        return read;
      });
      List<Item> items;
      try {
        items = reading.get(READ_LIMIT_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        reading.cancel(true);
        throw new AssertionError("reading did not end within " + READ_LIMIT_NANOS / 1_000_000_000 + " s");
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause();
      }
      for (Item item : items) {
        assertThat(item.input()).startsWith(file.toString());
        if (item instanceof Item.Failed f) {
          assertThat(f.error().getMessage()).doesNotContain("\n").startsWith(file.toString());
        }
      }
    } catch (Throwable e) {
      Path kept = Path.of("target", "fuzz-failures");
      Files.createDirectories(kept);
      Path copy = kept.resolve("seed-" + SEED + "-case-" + n + "-" + file.getFileName());
      Files.write(copy, input);
      throw new AssertionError("seed " + SEED + ", case " + n + " (" + copy + "): " + e, e);
    }
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] out = seed;
    int mutations = 1 + random.nextInt(6);
    for (int m = 0; m < mutations; m++) {
      int at = out.length == 0 ? 0 : random.nextInt(out.length);
      ByteArrayOutputStream b = new ByteArrayOutputStream(out.length + 64);
      switch (random.nextInt(7)) {
        case 0 -> { // flip a few bytes
          out = out.clone();
          for (int i = 0; i < 1 + random.nextInt(8) && out.length > 0; i++) {
            out[random.nextInt(out.length)] = (byte) random.nextInt(256);
          }
          continue;
        }
        case 1 -> { // cut the end off
          b.write(out, 0, at);
        }
        case 2 -> { // delete a range
          int len = Math.min(out.length - at, random.nextInt(64));
          b.write(out, 0, at);
          b.write(out, at + len, out.length - at - len);
        }
        case 3 -> { // repeat a range many times
          int len = Math.min(out.length - at, 1 + random.nextInt(32));
          b.write(out, 0, at + len);
          for (int i = random.nextInt(2000); i > 0; i--) {
            b.write(out, at, len);
          }
          b.write(out, at + len, out.length - at - len);
        }
        default -> { // insert structure, sometimes many times over
          byte[] piece = PIECES[random.nextInt(PIECES.length)].getBytes(StandardCharsets.UTF_8);
          b.write(out, 0, at);
          // Now and then thousands of times, rarely tens of thousands: deep nesting, long runs.
          int times = random.nextInt(40) == 0 ? random.nextInt(50_000) : random.nextInt(4) == 0 ? random.nextInt(5000) : 1;
          for (int i = times; i > 0; i--) {
            b.writeBytes(piece);
          }
          b.write(out, at, out.length - at);
        }
      }
      out = b.toByteArray();
    }
    return out;
  }

  private static byte[] gzip(byte[] bytes, Random random) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(b)) {
      out.write(bytes);
    }
    byte[] gz = b.toByteArray();
    // Now and then a cut or corrupted stream, as downloads leave them.
    if (random.nextInt(3) == 0 && gz.length > 20) {
      return java.util.Arrays.copyOf(gz, 10 + random.nextInt(gz.length - 10));
    }
    return gz;
  }

  private static List<Seed> seeds() throws IOException {
    String page = "<!DOCTYPE html><html lang=\"en\"><head><title>Port reopens - Harbour News</title>"
        + "<meta property=\"og:site_name\" content=\"Harbour News\"><link rel=\"canonical\" href=\"https://news.example/a\">"
        + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Port reopens\","
        + "\"datePublished\":\"2024-05-06\",\"author\":[{\"name\":\"Ana Silva\"}]}</script></head><body>"
        + "<nav><a href=\"/\">Home</a></nav><article><h1>Port reopens</h1><p>HILLTOWN (AP) — The harbour at Porthaven "
        + "reopened on Monday after a week of repairs, the authority said.</p><div class=\"story\"><p>“We are open,” "
        + "said Jane Hewitt, the harbour master, adding that ferries would run again from Tuesday.</p></div>"
        + "<p>The Associated Press contributed to this report.</p></article><footer>© Harbour News</footer></body></html>";
    String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour News</title>"
        + "<item><title>Port reopens</title><pubDate>Mon, 06 May 2024 09:00:00 GMT</pubDate>"
        + "<description>&lt;p&gt;The harbour reopened on Monday, the authority said.&lt;/p&gt;</description></item>"
        + "<item><title>Ferries</title><description>Ferries run again from Tuesday.</description></item></channel></rss>";
    String atom = "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Harbour</title>"
        + "<entry><title>Port reopens</title><updated>2024-05-06T09:00:00Z</updated>"
        + "<content type=\"html\">&lt;p&gt;The harbour reopened on Monday.&lt;/p&gt;</content></entry></feed>";
    String json = "[{\"text\": \"The harbour reopened on Monday, the authority said.\", \"url\": \"https://news.example/a\","
        + " \"published\": \"2024-05-06\", \"authors\": [\"Ana Silva\"], \"source\": {\"name\": \"Harbour News\"}},"
        + " {\"html\": " + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(page) + "}]";
    String jsonl = "{\"text\": \"The harbour reopened on Monday, the authority said.\", \"title\": \"Port\"}\n"
        + "{\"html\": \"<p>Ferries run again from Tuesday, the operator said.</p>\"}\n";
    List<Seed> seeds = new ArrayList<>();
    seeds.add(new Seed(".html", page.getBytes(StandardCharsets.UTF_8)));
    seeds.add(new Seed(".rss", rss.getBytes(StandardCharsets.UTF_8)));
    seeds.add(new Seed(".atom", atom.getBytes(StandardCharsets.UTF_8)));
    seeds.add(new Seed(".json", json.getBytes(StandardCharsets.UTF_8)));
    seeds.add(new Seed(".jsonl", jsonl.getBytes(StandardCharsets.UTF_8)));
    seeds.add(new Seed(".txt", "Port reopens\n\nThe harbour reopened on Monday, the authority said.".getBytes(StandardCharsets.UTF_8)));
    seeds.add(new Seed(".warc", warc(page)));
    return seeds;
  }

  private static byte[] warc(String page) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (WarcWriter writer = new WarcWriter(java.nio.channels.Channels.newChannel(b))) {
      for (int i = 0; i < 2; i++) {
        HttpResponse http = new HttpResponse.Builder(200, "OK")
            .body(MediaType.parse("text/html"), page.getBytes(StandardCharsets.UTF_8)).build();
        writer.write(new WarcResponse.Builder(URI.create("https://news.example/" + i))
            .date(Instant.parse("2024-05-01T10:00:00Z")).body(http).build());
      }
    }
    return b.toByteArray();
  }
}
