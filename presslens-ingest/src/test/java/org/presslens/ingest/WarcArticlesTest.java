package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WARC files as crawls leave them: a bad record is named and the records after it are read. */
class WarcArticlesTest {
  @TempDir Path dir;

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

  private List<Item> read(Path p) {
    List<Item> out = new ArrayList<>();
    WarcArticles.read(p.toString(), p).forEachRemaining(out::add);
    return out;
  }

  @Test
  void aRecordOneByteShortIsNamedAndTheRecordsAfterItAreRead() throws IOException {
    ByteArrayOutputStream warc = new ByteArrayOutputStream();
    warc.writeBytes(record(1, 0));
    long bad = warc.size();
    warc.writeBytes(record(2, -1));
    warc.writeBytes(record(3, 0));
    warc.writeBytes(record(4, 0));
    Path p = Files.write(dir.resolve("crawl.warc"), warc.toByteArray());
    List<Item> items = read(p);
    assertThat(items).filteredOn(i -> i instanceof Item.Read).extracting(i -> ((Item.Read) i).article().title())
        .contains("Story 1", "Story 3", "Story 4");
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
}
