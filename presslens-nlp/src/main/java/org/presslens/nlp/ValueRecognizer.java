package org.presslens.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds money amounts, percentages, dates and other numbers with regular expressions, so that
 * the statistical backbone can run without its slow numeric classifiers.
 */
final class ValueRecognizer {

  /** A value found in the text: type and UTF-16 range. */
  record Value(String type, int begin, int end) {}

  private static final String MONTH =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December"
          + "|Jan\\.?|Feb\\.?|Mar\\.|Apr\\.?|Jun\\.|Jul\\.|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
  private static final String DAY = "(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";
  private static final String YEAR = "(?:1[5-9]\\d\\d|20\\d\\d)";
  private static final String NUM = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
  private static final String SCALE = "(?:\\s?(?:million|billion|trillion|bn|m|tn|k)\\b)";
  private static final String SPELLED =
      "(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
          + "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
          + "|ninety|hundred|thousand|million|billion|dozen)(?:[- ](?:one|two|three|four|five|six"
          + "|seven|eight|nine|hundred|thousand|million|billion))*";

  /** Types in priority order: an earlier type wins where two would overlap. */
  private static final List<Rule> RULES =
      List.of(
          new Rule(
              "MONEY",
              "(?:(?:US|A|C|NZ|HK)?[$£€¥]|USD ?|GBP ?|EUR ?)(?:" + NUM + ")" + SCALE + "?"
                  + "|\\b(?:" + NUM + ")" + SCALE + "?\\s?(?:dollars|pounds|euros|yen|pence|cents|rupees)\\b"),
          new Rule("PERCENT", "\\b(?:" + NUM + ")\\s?(?:%|per ?cent\\b|percentage points?\\b)"),
          new Rule(
              "DATE",
              "\\b(?:" + DAY + "\\s+" + MONTH + "(?:,?\\s+" + YEAR + ")?"
                  + "|" + MONTH + "\\s+" + DAY + "(?:,?\\s+" + YEAR + ")?(?![\\d,.]*\\d)"
                  + "|" + MONTH + ",?\\s+" + YEAR
                  + "|" + YEAR + "-[01]\\d-[0-3]\\d"
                  + "|[01]?\\d/[0-3]?\\d/(?:\\d\\d)?\\d\\d"
                  + "|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                  + "|(?:the\\s+)?" + YEAR + "s"
                  + "|(?<=\\b(?i:in|by|since|from|until|till|before|after|of|during|to|between|and|early|late|mid-?)\\s)" + YEAR
                  + ")\\b"),
          new Rule(
              "NUMBER",
              "(?<![\\w.,])(?:" + NUM + ")" + SCALE + "?(?![\\w]|[.,]\\d)|\\b" + SPELLED + "\\b"));

  private record Rule(String type, Pattern pattern) {
    /** Dates are matched case-sensitively ("May" the month, not "may" the verb); the rest not. */
    Rule(String type, String regex) {
      this(type, Pattern.compile(regex, type.equals("DATE") ? 0 : Pattern.CASE_INSENSITIVE));
    }
  }

  private ValueRecognizer() {}

  /**
   * The values in {@code text}, none overlapping another or any of the {@code taken} UTF-16 ranges
   * (pairs of begin, end), in text order.
   */
  static List<Value> find(String text, List<int[]> taken) {
    List<int[]> occupied = new ArrayList<>(taken);
    List<Value> found = new ArrayList<>();
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        if (m.end() == m.start() || overlaps(occupied, m.start(), m.end())) {
          continue;
        }
        occupied.add(new int[] {m.start(), m.end()});
        found.add(new Value(rule.type(), m.start(), m.end()));
      }
    }
    found.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    return found;
  }

  private static boolean overlaps(List<int[]> ranges, int begin, int end) {
    for (int[] r : ranges) {
      if (begin < r[1] && r[0] < end) {
        return true;
      }
    }
    return false;
  }
}
