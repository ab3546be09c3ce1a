package org.presslens.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs text encoded twice as UTF-8: UTF-8 bytes once read as ISO-8859-1 and written as UTF-8
 * again, so that a right single quote (E2 80 99) reads "â" and two C1 control characters. Pages
 * are saved this way by a publishing system that re-encodes its own output (24 of WCXB's 1,497
 * dev pages); a browser shows the same garbage, but the quote marks and dashes that attribution
 * reads are lost. Only a text that holds a C1 control (U+0080–U+009F), which no text holds, is
 * repaired, so Latin text ("Â", "é") elsewhere is never touched. In such a text each sequence
 * that decodes as UTF-8 and holds a C1 control is repaired, and so is one that begins with "Â" or
 * "Ã" without one ("Ã©" is "é", "Â¶" is "¶"); correct letters beside it ("liberté »", "Spaß«",
 * whose bytes would decode too) stay. {@link
 * HtmlArticles} repairs what it reads out (text, credit lines, title, authors), not the page
 * before reading it: the readings, and the models fitted on them, see the page as it was served.
 */
final class Mojibake {
  private Mojibake() {}

  /** {@code text} with each doubly encoded UTF-8 sequence decoded; {@code text} itself when it holds none. */
  static String repair(String text) {
    if (!holdsC1(text, 0, text.length())) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int continuation = c >= '\u00C2' && c <= '\u00DF' ? 1 : c >= '\u00E0' && c <= '\u00EF' ? 2 : c >= '\u00F0' && c <= '\u00F4' ? 3 : 0;
      String decoded = continuation > 0 && i + continuation < text.length() ? decode(text, i, continuation + 1) : null;
      if (decoded != null) {
        out.append(decoded);
        i += continuation + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The UTF-8 character that {@code length} characters from {@code start} spell as bytes, or null. */
  private static String decode(String text, int start, int length) {
    byte[] bytes = new byte[length];
    bytes[0] = (byte) text.charAt(start);
    for (int k = 1; k < length; k++) {
      char c = text.charAt(start + k);
      if (c < '\u0080' || c > '\u00BF') {
        return null;
      }
      bytes[k] = (byte) c;
    }
    // A sequence with a control of its own is garbage wherever it stands; one without is "Ã©"
    // or "Â¶" only when it begins with Â or Ã (C2, C3): a correct "é" before a no-break space
    // and "»" (E9 A0 BB), or "ß«" (DF AB), would decode as well, and stay.
    if (!holdsC1(text, start + 1, start + length) && bytes[0] != (byte) 0xC2 && bytes[0] != (byte) 0xC3) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean holdsC1(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= '\u0080' && c <= '\u009F') {
        return true;
      }
    }
    return false;
  }
}
