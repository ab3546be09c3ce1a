package org.presslens.ingest;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
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
      throw new BadInputException(input, "cannot read (" + why(e) + ")");
    }
  }

  /**
   * Why reading failed, in words: Java names only the path in the message of a file-system
   * error ("cannot read (PATH)"), so the reason is taken from the exception's kind.
   */
  static String why(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName()
        : message.lines().findFirst().orElse(e.getClass().getSimpleName());
  }

  /** Decodes strict UTF-8, or UTF-16 after its byte-order mark; rejects binary data and empty text. */
  static String utf8Text(byte[] bytes, String input) throws BadInputException {
    return text(bytes, null, input);
  }

  /**
   * Decodes text strictly: in the encoding its byte-order mark names (UTF-8, UTF-16 BE or LE),
   * else in the {@code declared} charset (an HTTP request's), else UTF-8. The mark is dropped.
   * Binary data (NUL bytes in a text that has no UTF-16 mark) and empty text are refused.
   */
  static String text(byte[] bytes, Charset declared, String input) throws BadInputException {
    Charset bom = bomCharset(bytes);
    Charset charset = bom != null ? bom : declared != null ? declared : StandardCharsets.UTF_8;
    if (isBinary(bytes, declared)) {
      throw new BadInputException(input, "binary data, not text");
    }
    int skip = bom == null ? 0 : bom == StandardCharsets.UTF_8 ? 3 : 2;
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    String text;
    try {
      text = decoder.decode(in).toString();
    } catch (MalformedInputException | java.nio.charset.UnmappableCharacterException e) {
      throw new BadInputException(input, "not valid " + charset.name() + " (" + firstBadByte(bytes, skip, charset) + ")");
    } catch (CharacterCodingException e) {
      throw new BadInputException(input, "not valid " + charset.name());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a mark in a declared charset (UTF-16 without the BOM sniffed above)
    }
    if (text.isBlank()) {
      throw new BadInputException(input, "empty: no text to analyse");
    }
    return text;
  }

  /** The encoding a byte-order mark at the start names, or null when there is none. */
  static Charset bomCharset(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /**
   * Whether bytes are binary data rather than text: NUL bytes, unless a byte-order mark or the
   * declared charset says the text is UTF-16 or UTF-32, whose ASCII characters carry NULs.
   */
  static boolean isBinary(byte[] bytes, Charset declared) {
    Charset charset = bomCharset(bytes) != null ? bomCharset(bytes) : declared;
    boolean wide = charset != null && (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32"));
    return !wide && looksBinary(bytes);
  }

  /** NUL bytes never occur in text files, and do in almost every binary format. */
  private static boolean looksBinary(byte[] bytes) {
    int limit = Math.min(bytes.length, 8192);
    for (int i = 0; i < limit; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static String firstBadByte(byte[] bytes, int skip, Charset charset) {
    CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? "bad byte at offset " + in.position() : "bad byte sequence";
  }
}
