package org.presslens.core;

/**
 * An immutable article text with the one conversion between Java's UTF-16 indices and the
 * code-point offsets that the public model and the contract use.
 *
 * <p>Everything that gets offsets from a Java API (regexes, tokenizers, jsoup) converts them
 * here, never by hand.
 */
public final class Text {
  private final String value;
  /** codePointStarts[i] = UTF-16 index of code point i; null when the text is all BMP. */
  private final int[] charIndexOfCodePoint;
  private final int codePointLength;

  public Text(String value) {
    this.value = value;
    this.codePointLength = value.codePointCount(0, value.length());
    if (codePointLength == value.length()) {
      charIndexOfCodePoint = null;
    } else {
      charIndexOfCodePoint = new int[codePointLength + 1];
      int cp = 0;
      for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
        charIndexOfCodePoint[cp++] = i;
      }
      charIndexOfCodePoint[codePointLength] = value.length();
    }
  }

  /** The text as a Java string. */
  public String value() {
    return value;
  }

  /** Length in code points. */
  public int length() {
    return codePointLength;
  }

  /** Code-point offset of a UTF-16 index (an index inside a surrogate pair maps to its pair). */
  public int codePointOffset(int charIndex) {
    if (charIndexOfCodePoint == null) {
      return charIndex;
    }
    int i = java.util.Arrays.binarySearch(charIndexOfCodePoint, charIndex);
    return i >= 0 ? i : -i - 2;
  }

  /** UTF-16 index of a code-point offset. */
  public int charIndex(int codePointOffset) {
    return charIndexOfCodePoint == null ? codePointOffset : charIndexOfCodePoint[codePointOffset];
  }

  /** The span, in code points, of the UTF-16 range {@code [charStart, charEnd)}. */
  public Span spanOfChars(int charStart, int charEnd) {
    return new Span(codePointOffset(charStart), codePointOffset(charEnd));
  }

  /** The text covered by a code-point span. */
  public String slice(Span span) {
    return value.substring(charIndex(span.start()), charIndex(span.end()));
  }

  @Override
  public String toString() {
    return value;
  }
}
