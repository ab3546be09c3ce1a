package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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

/**
 * WARC files as crawls leave them: each record is named by its own offset, a bad record is named
 * and the records after it are read, and a cut file is called what it is.
 */
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

  private static String page(int n) {
    return "<html><head><title>Story " + n + "</title></head><body><article><p>Story number " + n
        + " tells of the harbour council, which met on Monday, voted, argued, and voted again"
        + " until late in the evening.</p></article></body></html>";
  }

  /** One response record; {@code lengthError} is added to the true Content-Length. */
  private static byte[] record(int n, int lengthError) {
    byte[] body = page(n).getBytes(StandardCharsets.UTF_8);
    byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
        + "\r\n\r\n" + page(n)).getBytes(StandardCharsets.UTF_8);
    String head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/story-" + n
        + "\r\nWARC-Date: 2024-05-06T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000" + n
        + ">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " + (http.length + lengthError)
        + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(http);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static List<Item> read(Path warc) {
    List<Item> out = new ArrayList<>();
    for (Inputs.Input in : Inputs.expand(List.of(warc.toString()))) {
      Inputs.read(in, new ByteArrayInputStream(new byte[0])).forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void aRecordOneByteShortIsNamedAndTheRecordsAfterItAreRead() throws IOException {
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    warc.writeBytes(record(1, 0));
    long bad = warc.size();
    warc.writeBytes(record(2, -1));
    long third = warc.size();
    warc.writeBytes(record(3, 0));
    long fourth = warc.size();
    warc.writeBytes(record(4, 0));
    Path p = Files.write(dir.resolve("crawl.warc"), warc.toByteArray());
    List<Item> items = read(p);
    assertThat(items).filteredOn(i -> i instanceof Item.Read).extracting(i -> ((Item.Read) i).article().title())
        .contains("Story 1", "Story 3", "Story 4");
    // After reading resumes, records are still named by their own offset in the file.
    assertThat(items).filteredOn(i -> i instanceof Item.Read).extracting(Item::input)
        .contains(p + "@0", p + "@" + third, p + "@" + fourth);
    List<String> failures = items.stream().filter(i -> i instanceof Item.Failed)
        .map(i -> ((Item.Failed) i).error().getMessage()).toList();
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0)).contains(p + "@" + bad).doesNotContain("\n");
  }

  @Test
  void inAGzippedWarcEachRecordIsItsOwnMemberAndABadOneIsSkippedToo() throws IOException {
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    warc.writeBytes(gzip(record(1, 0)));
    long bad = warc.size();
    warc.writeBytes(gzip(record(2, -1)));
    warc.writeBytes(gzip(record(3, 0)));
    Path p = Files.write(dir.resolve("crawl.warc.gz"), warc.toByteArray());
    List<Item> items = read(p);
    assertThat(items).filteredOn(i -> i instanceof Item.Read).extracting(i -> ((Item.Read) i).article().title())
        .contains("Story 1", "Story 3");
    assertThat(items).filteredOn(i -> i instanceof Item.Failed).hasSize(1)
        .allSatisfy(i -> assertThat(((Item.Failed) i).error().getMessage()).contains(p + "@" + bad));
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    }
    return out.toByteArray();
  }

  @Test
  void aFileCutAfterABadRecordNamesBothAndReadsWhatLiesBetween() throws IOException {
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    warc.writeBytes(record(1, 0));
    long bad = warc.size();
    warc.writeBytes(record(2, -1));
    long third = warc.size();
    warc.writeBytes(record(3, 0));
    long cut = warc.size();
    byte[] last = record(4, 0);
    warc.writeBytes(last);
    byte[] whole = warc.toByteArray();
    Path p = Files.write(dir.resolve("crawl.warc"), java.util.Arrays.copyOf(whole, (int) cut + last.length / 2));
    List<Item> items = read(p);
    // The short record's page is read, then its end is found wrong.
    assertThat(items).extracting(Item::input)
        .containsExactly(p + "@0", p + "@" + bad, p + "@" + bad, p + "@" + third, p + "@" + cut);
    assertThat(((Item.Failed) items.get(2)).error().reason()).contains("Content-Length").contains("resumes at @" + third);
    assertThat(((Item.Read) items.get(3)).article().title()).isEqualTo("Story 3");
    assertThat(((Item.Failed) items.get(4)).error().reason()).startsWith("truncated WARC");

    // Cut inside the page itself: the same one line.
    Path q = Files.write(dir.resolve("late-cut.warc"), java.util.Arrays.copyOf(whole, (int) cut + last.length - 40));
    List<Item> late = read(q);
    assertThat(late).last().satisfies(i -> assertThat(i.input()).isEqualTo(q + "@" + cut))
        .satisfies(i -> assertThat(((Item.Failed) i).error().reason()).startsWith("truncated WARC"));
    assertThat(late).hasSize(5);
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
