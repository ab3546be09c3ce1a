package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs double quotation marks into quotations, over tokens.
 *
 * <p>Curly marks say which way they face; straight marks alternate within a paragraph, and so do
 * doubled apostrophes ({@code ''}), which some newspapers' archives write for both marks (one
 * after a PTB-style {@code ``} closes it). A
 * quotation still open at the end of its paragraph continues when the next paragraph opens with
 * a mark (the news convention for a quote over several paragraphs); otherwise it ends with its
 * paragraph. Single marks are left alone: they are apostrophes far more often than quotes.
 */
final class Quotations {
  private Quotations() {}

  /**
   * One quotation: the token ranges inside the marks, one per paragraph it spans.
   *
   * @param open index of the opening mark
   * @param close index of the last closing mark, or of the last token when the mark is missing
   * @param pieces {@code [from, to)} token ranges between the marks
   */
  record Quotation(int open, int close, List<int[]> pieces) {
    int words(Tokens t) {
      int n = 0;
      for (int[] p : pieces) {
        for (int i = p[0]; i < p[1]; i++) {
          if (t.isWord(i)) {
            n++;
          }
        }
      }
      return n;
    }
  }

  static List<Quotation> find(Tokens t) {
    List<Quotation> found = new ArrayList<>();
    int open = -1;
    List<int[]> pieces = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      if (open >= 0 && i > 0 && t.paragraph(i) != t.paragraph(i - 1)) {
        // The paragraph ended inside a quotation.
        pieces.add(new int[] {open + 1, i});
        if (t.mark(i) == Mark.OPEN || t.mark(i) == Mark.STRAIGHT) {
          open = i;
          continue;
        }
        found.add(new Quotation(firstOpen(pieces), i - 1, pieces));
        pieces = new ArrayList<>();
        open = -1;
      }
      Mark m = t.mark(i);
      if (m == Mark.NONE || m == Mark.STRAIGHT && open < 0 && t.gluedToNumber(i)) {
        continue; // a straight mark right after a number opens nothing: inches ("a 15'' screen", "a 27\" monitor")
      }
      boolean closes = open >= 0 && (m == Mark.CLOSE || m == Mark.STRAIGHT);
      if (closes) {
        pieces.add(new int[] {open + 1, i});
        found.add(new Quotation(firstOpen(pieces), i, pieces));
        pieces = new ArrayList<>();
        open = -1;
      } else if (m != Mark.CLOSE) {
        // An opening mark, also one inside an unclosed quotation: the first was stray.
        pieces.clear();
        open = i;
      }
    }
    if (open >= 0) {
      pieces.add(new int[] {open + 1, t.size()});
      found.add(new Quotation(firstOpen(pieces), t.size() - 1, pieces));
    }
    found.removeIf(q -> q.pieces().stream().allMatch(p -> p[0] >= p[1]));
    return found;
  }

  private static int firstOpen(List<int[]> pieces) {
    return pieces.get(0)[0] - 1;
  }

  /** What kind of double quotation mark a token is. */
  enum Mark {
    NONE,
    OPEN,
    CLOSE,
    STRAIGHT;

    static Mark of(String surface) {
      return switch (surface) {
        case "\u201C", "\u201E", "\u00AB", "``" -> OPEN;
        case "\u201D", "\u00BB" -> CLOSE;
        case "\"", "''" -> STRAIGHT;
        default -> NONE;
      };
    }
  }
}
