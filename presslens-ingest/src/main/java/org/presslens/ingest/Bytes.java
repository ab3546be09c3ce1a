package org.presslens.ingest;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reading an input's bytes safely: size limit, gzip, strict UTF-8, binary detection. */
final class Bytes {
  /** No news article is this long; anything larger is a mistake (a dump, a video, a disk image). */
  static final int MAX_ARTICLE_BYTES = 16 * 1024 * 1024;

  private Bytes() {}

  /** Reads at most {@link #MAX_ARTICLE_BYTES}, gunzipping when {@code gzip}. */
  static byte[] read(InputStream in, boolean gzip, String input) throws BadInputException {
    try (InputStream s = gzip ? new GZIPInputStream(in, 1 << 16) : in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = s.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_ARTICLE_BYTES) {
          throw new BadInputException(
              input, "larger than " + MAX_ARTICLE_BYTES / (1024 * 1024) + " MB, too large for one article");
        }
      }
      return out.toByteArray();
    } catch (EOFException e) {
      throw new BadInputException(input, "truncated gzip data (unexpected end of file)");
    } catch (ZipException e) {
      throw new BadInputException(input, "not valid gzip data (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new BadInputException(input, "cannot read (" + e.getMessage() + ")");
    }
  }

  /** Decodes strict UTF-8, dropping a leading byte-order mark; rejects binary data and empty text. */
  static String utf8Text(byte[] bytes, String input) throws BadInputException {
    if (looksBinary(bytes)) {
      throw new BadInputException(input, "binary data, not text");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (MalformedInputException e) {
      throw new BadInputException(input, "not valid UTF-8 (" + firstBadByte(bytes) + ")");
    } catch (CharacterCodingException e) {
      throw new BadInputException(input, "not valid UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new BadInputException(input, "empty: no text to analyse");
    }
    return text;
  }

  /** NUL bytes never occur in text files, and do in almost every binary format. */
  static boolean looksBinary(byte[] bytes) {
    int limit = Math.min(bytes.length, 8192);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static String firstBadByte(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? "bad byte at offset " + in.position() : "bad byte sequence";
  }
}
