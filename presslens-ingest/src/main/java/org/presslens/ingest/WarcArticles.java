package org.presslens.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
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
 * Item.Failed} named {@code FILE@OFFSET}, and reading resumes at the next record: the next
 * {@code WARC/1.x} header line in a plain file, the next gzip member in a gzipped one (each
 * record is its own member, as the WARC standard recommends).
 *
 * <p>A record whose Content-Length is wrong shows only when the next record cannot be parsed where
 * the length says it starts; the failure then names the record with the wrong length. A file cut
 * inside its last record ends with "truncated WARC", named by that record's offset, after the
 * records before it.
 */
final class WarcArticles {
  private static final byte[] WARC_LINE = "WARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b, 8};

  private WarcArticles() {}

  static Iterator<Item> read(String name, Path path) {
    FileChannel channel;
    WarcReader first;
    try {
      channel = FileChannel.open(path);
      first = new WarcReader(new EndGuard(channel));
    } catch (IOException e) {
      return java.util.List.<Item>of(new Item.Failed(new BadInputException(name, "cannot open as WARC (" + Bytes.why(e) + ")"))).iterator();
    }
    boolean gzip = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    return new LazyItems(channel) {
      private WarcReader reader = first;
      /** The start of the last record read, -1 before the first. */
      private long lastStart = -1;

      @Override
      protected Item read() throws IOException {
        long before = reader.position();
        java.util.Optional<WarcRecord> record;
        try {
          record = reader.next();
        } catch (IOException | RuntimeException e) { // jwarc reports some malformed records unchecked
          // jwarc moves its position past the last record once that record's body is read: a
          // failure before that leaves it at the last record, one after at the new one. In a
          // gzipped file it moves to the next member even when the last record's own bytes are
          // what failed to parse, so there only running out of bytes is the new record's fault.
          return resume(gzip && !endsEarly(e) ? before : reader.position(), e);
        }
        if (record.isEmpty()) {
          end();
          return null;
        }
        // The reader's position (in the file, wherever the reader started) is that of the record
        // it has just read, not the one before.
        lastStart = reader.position();
        String where = name + "@" + lastStart;
        try {
          return record.get() instanceof WarcResponse response ? article(where, response) : null;
        } catch (IOException | RuntimeException e) {
          return resume(lastStart, e);
        }
      }

      /** The failure of the record at or just before {@code failedAt}, after which reading goes on. */
      private Item resume(long failedAt, Exception e) throws IOException {
        boolean headerThere = startsAt(channel, failedAt, gzip ? GZIP_MAGIC : WARC_LINE) && failedAt > lastStart;
        long bad = headerThere || lastStart < 0 ? failedAt : lastStart;
        long next = nextRecord(channel, Math.max(bad + 1, gzip ? failedAt : bad + 1), gzip);
        if (next < 0 && endsEarly(e)) {
          end();
          return truncated(name + "@" + bad);
        }
        String why = headerThere || lastStart < 0
            ? "malformed WARC record"
            : "WARC record does not end where its Content-Length says";
        String reason = why + " (" + firstLine(e) + "); " + (next < 0 ? "no record after it" : "reading resumes at @" + next);
        if (next < 0) {
          end();
        } else {
          channel.position(next);
          reader = new WarcReader(new EndGuard(channel)); // counts positions from the channel's, so from the file's start
          lastStart = -1;
        }
        return new Item.Failed(new BadInputException(name + "@" + bad, reason));
      }

      @Override
      protected Item failure(IOException e) {
        if (endsEarly(e)) {
          return truncated(name + "@" + Math.max(lastStart, reader.position()));
        }
        return new Item.Failed(new BadInputException(name, "cannot read (" + firstLine(e) + ")"));
      }

      /** A file cut inside its last record (a crawl that stopped, a download that broke). */
      private Item truncated(String where) {
        return new Item.Failed(new BadInputException(where, "truncated WARC: the file ends inside a record"
            + (gzip ? " (its gzip data stops short)" : "") + "; the records before it were read"));
      }
    };
  }

  /**
   * A file channel that fails once read on past its end too often: jwarc, given a record whose
   * length runs past the end of the file in some ways, reads the end again and again without
   * end (the randomized test found one). Nothing reads a hundred times at the end legitimately.
   */
  private static final class EndGuard implements java.nio.channels.SeekableByteChannel {
    private static final int READS_AT_END = 100;
    // Seekable, so that jwarc counts record offsets from the file's position after a resume.
    private final FileChannel file;
    private int atEnd;

    EndGuard(FileChannel file) {
      this.file = file;
    }

    @Override
    public int write(java.nio.ByteBuffer src) {
      throw new java.nio.channels.NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
      return file.position();
    }

    @Override
    public java.nio.channels.SeekableByteChannel position(long newPosition) throws IOException {
      file.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public java.nio.channels.SeekableByteChannel truncate(long size) {
      throw new java.nio.channels.NonWritableChannelException();
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

  /** Whether reading stopped because the bytes ran out (jwarc wraps some EOFs unchecked). */
  private static boolean endsEarly(Exception e) {
    return e instanceof EOFException || e.getCause() instanceof EOFException;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.lines().findFirst().orElse("").replaceAll("\\s+", " ");
  }

  /** Whether the file holds {@code prefix} at {@code offset}. */
  private static boolean startsAt(FileChannel channel, long offset, byte[] prefix) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(prefix.length);
    int n = channel.read(buf, offset);
    return n == prefix.length && java.util.Arrays.equals(buf.array(), prefix);
  }

  /**
   * The offset of the first record start at or after {@code from}: a gzip member's magic bytes,
   * or a {@code WARC/1.} at the start of a line; -1 when there is none.
   */
  private static long nextRecord(FileChannel channel, long from, boolean gzip) throws IOException {
    byte[] needle = gzip ? GZIP_MAGIC : WARC_LINE;
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    long offset = from;
    while (true) {
      buf.clear();
      int n = channel.read(buf, offset);
      if (n < needle.length) {
        return -1;
      }
      byte[] bytes = buf.array();
      for (int i = 0; i + needle.length <= n; i++) {
        if (matches(bytes, i, needle) && (gzip || lineStart(channel, bytes, i, offset))) {
          return offset + i;
        }
      }
      offset += n - needle.length + 1;
    }
  }

  private static boolean matches(byte[] bytes, int at, byte[] needle) {
    for (int j = 0; j < needle.length; j++) {
      if (bytes[at + j] != needle[j]) {
        return false;
      }
    }
    return true;
  }

  private static boolean lineStart(FileChannel channel, byte[] bytes, int i, long offset) throws IOException {
    if (offset + i == 0) {
      return true;
    }
    if (i > 0) {
      return bytes[i - 1] == '\n';
    }
    ByteBuffer one = ByteBuffer.allocate(1);
    channel.read(one, offset - 1);
    return one.get(0) == '\n';
  }

  /** The article of one response record, null when it is no HTML page. */
  private static Item article(String where, WarcResponse response) throws IOException {
    HttpResponse http;
    try {
      http = response.http();
    } catch (IOException e) {
      if (endsEarly(e)) {
        throw e; // the file is cut: the reader says so, once
      }
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
    EndWatch body = new EndWatch(http.body().stream());
    try (body) {
      byte[] bytes = Bytes.read(body, false, where);
      return new Item.Read(HtmlArticles.of(where, bytes, response.target(), type.parameters().get("charset")));
    } catch (BadInputException e) {
      if (body.cut != null) {
        throw body.cut; // the file ends inside this record: the reader says so, once
      }
      return new Item.Failed(e);
    }
  }

  /** A record's body that remembers whether the file ended inside it. */
  private static final class EndWatch extends java.io.FilterInputStream {
    EOFException cut;

    EndWatch(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (EOFException e) {
        cut = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (EOFException e) {
        cut = e;
        throw e;
      }
    }
  }
}
