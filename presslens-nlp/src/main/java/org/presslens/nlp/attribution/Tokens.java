package org.presslens.nlp.attribution;

import java.util.List;
import java.util.Locale;
import org.presslens.core.Span;
import org.presslens.core.Text;
import org.presslens.core.Token;

/** The tokens of one document with what attribution asks of them: surface, paragraph, marks. */
final class Tokens {
  private final Text text;
  private final List<Token> tokens;
  private final String[] lower;
  private final int[] paragraph;
  private final Quotations.Mark[] marks;
  /** sentenceStart[i] and sentenceEnd[i]: token range of the sentence holding token i. */
  private final int[] sentenceStart;
  private final int[] sentenceEnd;

  Tokens(Text text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
    int n = tokens.size();
    lower = new String[n];
    paragraph = new int[n];
    marks = new Quotations.Mark[n];
    sentenceStart = new int[n];
    sentenceEnd = new int[n];
    int par = 0;
    int start = 0;
    for (int i = 0; i < n; i++) {
      String surface = text.slice(tokens.get(i).span());
      lower[i] = surface.toLowerCase(Locale.ROOT);
      marks[i] = Quotations.Mark.of(surface);
      if (i > 0) {
        String between = text.slice(new Span(tokens.get(i - 1).span().end(), tokens.get(i).span().start()));
        int nl = between.indexOf('\n');
        if (nl >= 0 && between.indexOf('\n', nl + 1) >= 0) {
          par++;
        }
        if (tokens.get(i).sentence() != tokens.get(i - 1).sentence()) {
          for (int j = start; j < i; j++) {
            sentenceEnd[j] = i;
          }
          start = i;
        }
      }
      paragraph[i] = par;
      sentenceStart[i] = start;
    }
    for (int j = start; j < n; j++) {
      sentenceEnd[j] = n;
    }
  }

  int size() {
    return tokens.size();
  }

  Text text() {
    return text;
  }

  Token token(int i) {
    return tokens.get(i);
  }

  /**
   * The first token that ends after code point {@code offset} (the first a span starting there can
   * overlap), or {@link #size()} when none does; binary search, tokens being in text order.
   */
  int firstEndingAfter(int offset) {
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).span().end() <= offset) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The token as written, lower-cased. */
  String lower(int i) {
    return lower[i];
  }

  boolean is(int i, String lowerWord) {
    return i >= 0 && i < lower.length && lower[i].equals(lowerWord);
  }

  String pos(int i) {
    return tokens.get(i).pos();
  }

  int paragraph(int i) {
    return paragraph[i];
  }

  Quotations.Mark mark(int i) {
    return marks[i];
  }

  /** Whether token i is written right after a digit, with no space: the inch mark of "a 15'' screen". */
  boolean gluedToNumber(int i) {
    return i > 0 && tokens.get(i - 1).span().end() == tokens.get(i).span().start()
        && Character.isDigit(lower[i - 1].charAt(lower[i - 1].length() - 1));
  }

  /** First token of i's sentence. */
  int sentenceStart(int i) {
    return sentenceStart[i];
  }

  /** One past the last token of i's sentence. */
  int sentenceEnd(int i) {
    return sentenceEnd[i];
  }

  /** Whether the token holds a letter or digit: a word, not punctuation. */
  boolean isWord(int i) {
    String w = lower[i];
    for (int k = 0; k < w.length(); k++) {
      if (Character.isLetterOrDigit(w.charAt(k))) {
        return true;
      }
    }
    return false;
  }

  boolean isPunct(int i, String chars) {
    return lower[i].length() == 1 && chars.indexOf(lower[i].charAt(0)) >= 0;
  }

  /** The code-point span of tokens {@code [from, to)}. */
  Span span(int from, int to) {
    return new Span(tokens.get(from).span().start(), tokens.get(to - 1).span().end());
  }
}
