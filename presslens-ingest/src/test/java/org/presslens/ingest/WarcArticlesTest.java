package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** WARC records are named by their own offset, and a cut file is called what it is. */
class WarcArticlesTest {
  @TempDir Path dir;

  private static final String GOOD = "<html><body><article><p>The harbour at Porthaven reopened on Monday after a week of "
      + "repairs, the authority said.</p></article></body></html>";
  private static final String EMPTY = "<html><body><nav><a href=\"/\">Home</a></nav></body></html>";

  private static WarcResponse response(String url, String body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(200, "OK")
        .body(MediaType.parse("text/html"), body.getBytes(StandardCharsets.UTF_8)).build();
    return new WarcResponse.Builder(URI.create(url)).date(Instant.parse("2024-05-01T10:00:00Z")).body(http).build();
  }

  /** Writes the pages as records of a plain WARC; returns the offset each record starts at. */
  private List<Long> write(Path warc, String... pages) throws IOException {
    List<Long> offsets = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        WarcWriter writer = new WarcWriter(channel)) {
      for (int i = 0; i < pages.length; i++) {
        offsets.add(channel.position());
        writer.write(response("https://news.example/" + i, pages[i]));
      }
    }
    return offsets;
  }

  private static List<Item> read(Path warc) {
    List<Item> out = new ArrayList<>();
    for (Inputs.Input in : Inputs.expand(List.of(warc.toString()))) {
      Inputs.read(in, new ByteArrayInputStream(new byte[0])).forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void eachRecordIsNamedByItsOwnOffset() throws IOException {
    Path warc = dir.resolve("crawl.warc");
    List<Long> offsets = write(warc, GOOD, EMPTY, GOOD);
    List<Item> items = read(warc);
    assertThat(items).extracting(Item::input)
        .containsExactly(warc + "@" + offsets.get(0), warc + "@" + offsets.get(1), warc + "@" + offsets.get(2));
    assertThat(items.get(1)).isInstanceOf(Item.Failed.class);
    assertThat(((Item.Failed) items.get(1)).error().getMessage())
        .isEqualTo(warc + "@" + offsets.get(1) + ": no article text found in the HTML");
  }

  /**
   * A WARC the randomized test made (a mutated record header) on which jwarc read the end of
   * the file forever: it ends with one failure instead.
   */
  @Test
  @org.junit.jupiter.api.Timeout(30)
  void aRecordThatRunsPastTheEndNeverHangs() throws IOException {
    Path warc = dir.resolve("endless.warc");
    try (var in = WarcArticlesTest.class.getResourceAsStream("fuzz-endless-trailer.warc")) {
      Files.copy(in, warc);
    }
    List<Item> items = read(warc);
    assertThat(items).last().satisfies(i -> assertThat(((Item.Failed) i).error().getMessage())
        .startsWith(warc + "@").contains("truncated WARC").doesNotContain("\n"));
  }

  @Test
  void aCutFileIsCalledTruncatedAndItsRecordsBeforeTheCutAreRead() throws IOException {
    Path warc = dir.resolve("cut.warc");
    List<Long> offsets = write(warc, GOOD, GOOD, GOOD);
    long size = Files.size(warc);
    try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.WRITE)) {
      channel.truncate(offsets.get(2) + (size - offsets.get(2)) / 2);
    }
    List<Item> items = read(warc);
    assertThat(items).hasSize(3);
    assertThat(items.subList(0, 2)).allSatisfy(i -> assertThat(i).isInstanceOf(Item.Read.class));
    String last = ((Item.Failed) items.get(2)).error().getMessage();
    assertThat(last).startsWith(warc + "@" + offsets.get(2) + ": truncated WARC").doesNotContain("gzip").doesNotContain("\n");

    // Gzipped, cut inside the third record's member: the same, named as gzip data.
    Path gz = dir.resolve("cut.warc.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(dir.resolve("cut.warc")));
    }
    assertThat(read(gz)).last().satisfies(i -> assertThat(((Item.Failed) i).error().reason()).contains("truncated"));
  }
}
