package org.presslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * The character encoding of an HTML page's bytes, decided as a browser decides it (the HTML
 * standard's encoding sniffing with the WHATWG Encoding Standard's labels): a byte-order mark;
 * else the transport's charset (an HTTP or WARC Content-Type); else a {@code <meta>} declaration
 * in the first 1024 bytes; else, for an undeclared page, UTF-8 when the bytes are valid UTF-8, or
 * what Mozilla's universal charset detector (juniversalchardet) makes of them, or windows-1252.
 *
 * <p>Labels map as the standard says, not as the JDK does: "iso-8859-1", "latin1" and
 * "us-ascii" are windows-1252 (so bytes 0x80-0x9F are curly quotes, dashes and €, not control
 * characters), "iso-8859-9" is windows-1254, "gb2312" is GBK, a {@code <meta>} that says UTF-16 is
 * UTF-8. The label table is the standard's own {@code encodings.json} (CC BY 4.0, WHATWG).
 */
final class HtmlEncoding {
  private static final Pattern META_CHARSET =
      Pattern.compile("(?is)<meta\\b[^>]*?\\bcharset\\s*=\\s*[\"']?\\s*([-\\w.:]+)");
  /** WHATWG label (lower case) to the standard's encoding name. */
  private static final Map<String, String> LABELS = labels();
  /** The standard's names whose JDK decoder has another name (the JDK's is the same mapping). */
  private static final Map<String, String> JDK_NAMES = Map.of(
      "gbk", "GB18030", // the standard's gbk decoder is its gb18030 decoder
      "big5", "Big5-HKSCS",
      "euc-kr", "x-windows-949",
      "shift_jis", "windows-31j",
      "windows-874", "x-windows-874",
      "iso-8859-8-i", "ISO-8859-8",
      "x-mac-cyrillic", "x-MacCyrillic",
      "macintosh", "x-MacRoman");

  /** A page's text and the encoding it was decoded with, and why. */
  record Decoded(String html, String encoding, String how) {}

  private HtmlEncoding() {}

  /**
   * Decodes {@code bytes}; {@code transportCharset} is the charset parameter of the HTTP or WARC
   * Content-Type, or null.
   */
  static Decoded decode(byte[] bytes, String transportCharset) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "utf-8", "bom");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "utf-16be", "bom");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "utf-16le", "bom");
    }
    String fromTransport = encodingOf(transportCharset);
    if (fromTransport != null && !fromTransport.equals("replacement")) {
      return decodeAs(bytes, fromTransport, "transport");
    }
    String fromMeta = encodingOf(metaLabel(bytes));
    if (fromMeta != null && !fromMeta.equals("replacement")) {
      // A page cannot be UTF-16 if its <meta> could be read as ASCII: the standard says UTF-8.
      return decodeAs(bytes, fromMeta.startsWith("utf-16") ? "utf-8" : fromMeta, "meta");
    }
    if (isUtf8(bytes)) {
      return new Decoded(new String(bytes, StandardCharsets.UTF_8), "utf-8", "detected");
    }
    String detected = encodingOf(detect(bytes));
    return decodeAs(bytes, detected == null || detected.equals("replacement") ? "windows-1252" : detected, "detected");
  }

  /** The standard's encoding name for a label, or null when the label is unknown. */
  static String encodingOf(String label) {
    if (label == null) {
      return null;
    }
    return LABELS.get(label.strip().toLowerCase(Locale.ROOT));
  }

  private static Decoded decodeAs(byte[] bytes, String encoding, String how) {
    Charset charset = jdkCharset(encoding);
    return new Decoded(new String(bytes, charset), encoding, how);
  }

  /** The JDK decoder of a standard encoding name; windows-1252 where the JDK has none. */
  private static Charset jdkCharset(String encoding) {
    if (encoding.equals("x-user-defined")) {
      return Charset.forName("windows-1252"); // its ASCII half; the rest maps to private use
    }
    try {
      return Charset.forName(JDK_NAMES.getOrDefault(encoding, encoding));
    } catch (IllegalArgumentException e) {
      return Charset.forName("windows-1252");
    }
  }

  /** The charset a {@code <meta>} in the first 1024 bytes declares, as the HTML prescan looks. */
  private static String metaLabel(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
    head = head.replaceAll("(?s)<!--.*?-->", "");
    Matcher m = META_CHARSET.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String detect(byte[] bytes) {
    UniversalDetector detector = new UniversalDetector(null);
    detector.handleData(bytes, 0, bytes.length);
    detector.dataEnd();
    return detector.getDetectedCharset();
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> labels() {
    try (InputStream in = HtmlEncoding.class.getResourceAsStream("whatwg-encodings.json")) {
      Map<String, String> out = new HashMap<>();
      for (JsonNode group : new ObjectMapper().readTree(in)) {
        for (JsonNode encoding : group.path("encodings")) {
          String name = encoding.path("name").asText().toLowerCase(Locale.ROOT);
          encoding.path("labels").forEach(label -> out.put(label.asText().toLowerCase(Locale.ROOT), name));
        }
      }
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("the WHATWG label table is missing from the jar", e);
    }
  }
}
