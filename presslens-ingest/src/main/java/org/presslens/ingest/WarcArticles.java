package org.presslens.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Articles from a WARC file (plain or gzipped, as CC-NEWS publishes them): each HTTP response
 * record with status 200 and an HTML body, read with jwarc. Other records (requests, metadata,
 * redirects, images) are skipped silently. A record that cannot be read is an {@link
 * Item.Failed} named {@code FILE@OFFSET}; a file that stops parsing ends with one failure.
 */
final class WarcArticles {
  private WarcArticles() {}

  static Iterator<Item> read(String name, Path path) {
    WarcReader reader;
    try {
      reader = new WarcReader(new EndGuard(java.nio.channels.FileChannel.open(path)));
    } catch (IOException e) {
      return java.util.List.<Item>of(new Item.Failed(new BadInputException(name, "cannot open as WARC (" + Bytes.why(e) + ")"))).iterator();
    }
    boolean gzip = name.toLowerCase(Locale.ROOT).endsWith(".gz");
    return new LazyItems(reader) {
      @Override
      protected Item read() throws IOException {
        java.util.Optional<WarcRecord> record;
        try {
          record = reader.next();
        } catch (RuntimeException e) {
          throw new IOException(e.getMessage(), e); // jwarc reports some malformed records unchecked
        }
        if (record.isEmpty()) {
          end();
          return null;
        }
        // The reader's position is that of the record it has just read, not the one before.
        String where = name + "@" + reader.position();
        return record.get() instanceof WarcResponse response ? article(where, response) : null;
      }

      @Override
      protected Item failure(IOException e) {
        String where = name + "@" + reader.position();
        if (e instanceof EOFException || e.getCause() instanceof EOFException) {
          return new Item.Failed(new BadInputException(where, "truncated WARC: the file ends inside a record"
              + (gzip ? " (its gzip data stops short)" : "") + "; the records before it were read"));
        }
        return new Item.Failed(new BadInputException(where, "malformed WARC record, rest of file skipped ("
            + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()) + ")"));
      }
    };
  }

  /**
   * A file channel that fails once read on past its end too often: jwarc, given a record whose
   * length runs past the end of the file in some ways, reads the end again and again without
   * end (the randomized test found one). Nothing reads a hundred times at the end legitimately.
   */
  private static final class EndGuard implements java.nio.channels.ReadableByteChannel {
    private static final int READS_AT_END = 100;
    private final java.nio.channels.ReadableByteChannel file;
    private int atEnd;

    EndGuard(java.nio.channels.ReadableByteChannel file) {
      this.file = file;
    }

    @Override
    public int read(java.nio.ByteBuffer dst) throws IOException {
      int n = file.read(dst);
      if (n < 0 && ++atEnd > READS_AT_END) {
        throw new EOFException("the file ends inside a record");
      }
      return n;
    }

    @Override
    public boolean isOpen() {
      return file.isOpen();
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }

  /** The article of one response record, null when it is no HTML page. */
  private static Item article(String where, WarcResponse response) throws IOException {
    HttpResponse http;
    try {
      http = response.http();
    } catch (IOException e) {
      return new Item.Failed(new BadInputException(where, "malformed HTTP response (" + e.getMessage() + ")"));
    }
    if (http.status() != 200) {
      return null;
    }
    MediaType type = http.contentType();
    String base = type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
    if (!base.equals("text/html") && !base.equals("application/xhtml+xml")) {
      return null;
    }
    try (InputStream body = http.body().stream()) {
      byte[] bytes = Bytes.read(body, false, where);
      return new Item.Read(HtmlArticles.of(where, bytes, response.target()));
    } catch (BadInputException e) {
      return new Item.Failed(e);
    }
  }
}
