package org.presslens.ingest;

/**
 * An input that cannot be read as an article; the message is one line naming the input, whatever
 * the input holds: line breaks and other control characters in its name or in a value the reason
 * quotes are written as escapes ({@code \n}, {@code \u0000}), and a reason is cut at
 * {@value #MAX_REASON_CHARS} characters.
 */
public final class BadInputException extends Exception {
  /** Enough for any reason PressLens writes and a value it quotes; a quoted megabyte is cut. */
  static final int MAX_REASON_CHARS = 500;

  private final String input;
  private final String reason;

  public BadInputException(String input, String reason) {
    super(oneLine(input, Integer.MAX_VALUE) + ": " + oneLine(reason, MAX_REASON_CHARS));
    this.input = input;
    this.reason = oneLine(reason, MAX_REASON_CHARS);
  }

  /** The input as the user named it. */
  public String input() {
    return input;
  }

  /** Why it could not be read, without the input's name, in one line. */
  public String reason() {
    return reason;
  }

  /** {@code s} with its control and line-separator characters escaped, cut at {@code max} chars ("…" marks a cut). */
  static String oneLine(String s, int max) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 16);
    for (int i = 0; i < s.length(); i++) {
      if (b.length() >= max) {
        return b.append('…').toString();
      }
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
