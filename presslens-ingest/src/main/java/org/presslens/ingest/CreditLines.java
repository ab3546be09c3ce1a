package org.presslens.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.presslens.core.Credit;

/**
 * Recognises credit and syndication lines: "Source » X", "(AP) —", "X contributed to this
 * report", "This article originally appeared on X", agency bylines.
 *
 * <p>These say who really wrote or first published a text, which is what provenance needs when an
 * aggregator republishes an outlet's article.
 */
public final class CreditLines {

  /** A credit found in a string: UTF-16 range of the credit text, and whether it fills its line. */
  public record Found(int begin, int end, String text, String name, Credit.Kind kind, boolean wholeLine) {}

  private static final String AGENCIES =
      "AP|Associated Press|Reuters|AFP|Agence France-Presse|UPI|Bloomberg|dpa|DPA|PA|PA Media|"
          + "Press Association|Xinhua|ANSA|EFE|Kyodo|Yonhap|TASS|Interfax|IANS|PTI|ANI|CNN|AAP|CP|"
          + "The Canadian Press|Canadian Press|The Associated Press|NYT|Tribune News Service|"
          + "Anadolu|Anadolu Agency|KCNA|WAM|SPA|IRNA|Belga|ATS|APA|Ritzau|NTB|TT|Lusa";
  private static final String NAME = "([^\\n]{1,120}?)";

  /**
   * @param needs strings of which the text, lower-cased, must hold one for the pattern to have a
   *     chance: checked first, because most texts hold no credit and the patterns try every line
   */
  private record Rule(Credit.Kind kind, Pattern pattern, boolean wholeLine, List<String> needs) {}

  /**
   * Each rule reads one line. Runs of spaces are taken possessively ({@code *+}, {@code ++})
   * wherever a word must follow them: given back one by one, a line of spaces cost its length
   * squared times the 120 lengths a name may have (the randomized test found a 22 KB text that
   * read for over a minute).
   */
  private static final List<Rule> RULES =
      List.of(
          new Rule(
              Credit.Kind.SOURCE_LINE,
              Pattern.compile("(?im)^[ \\t]*+(?:source|via|sources?)[ \\t]*+(?:»|>>|:|›|→)[ \\t]*+" + NAME + "[ \\t.]*$"),
              true,
              List.of("source", "via")),
          new Rule(
              Credit.Kind.WIRE_DATELINE,
              Pattern.compile(
                  "(?m)^[ \\t]*+(?:[A-Z][A-Za-z .,'’\\-]{0,60}?[ \\t]*+)?\\((" + AGENCIES + ")\\)[ \\t]*(?:[—–-]{1,2}|:)"),
              false,
              List.of("(")),
          new Rule(
              Credit.Kind.CONTRIBUTED,
              Pattern.compile(
                  "(?im)^[ \\t]*+(?:[-—–*_][ \\t]*+)?" + NAME
                      + "[ \\t]++contributed[ \\t]+(?:to[ \\t]+)?(?:this|the)[ \\t]+(?:report|reporting|story|article)[ \\t.]*$"),
              true,
              List.of("contributed")),
          new Rule(
              Credit.Kind.ORIGINALLY_PUBLISHED,
              Pattern.compile(
                  "(?im)^[ \\t]*+(?:this|the)[ \\t]+(?:article|story|post|piece|report)[ \\t]+(?:was[ \\t]+)?"
                      + "(?:originally[ \\t]+|first[ \\t]+)?(?:appeared|published|ran|posted)[ \\t]+(?:originally[ \\t]+)?"
                      + "(?:on|in|at|by)[ \\t]+" + NAME + "[ \\t.]*$"),
              true,
              List.of("appeared", "published", "ran", "posted")),
          new Rule(
              Credit.Kind.BYLINE_AGENCY,
              Pattern.compile("(?m)^[ \\t]*+By[ \\t]++[^\\n]{1,80}?,?[ \\t]++(?:of[ \\t]+)?(?:the[ \\t]+)?(" + AGENCIES + ")[ \\t.]*$"),
              true,
              List.of("by")));

  private CreditLines() {}

  /** The credit lines in {@code text}, in text order. */
  public static List<Found> find(String text) {
    List<Found> found = new ArrayList<>();
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (Rule rule : RULES) {
      if (rule.needs().stream().noneMatch(lower::contains)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        int begin = m.start();
        while (begin < m.end() && Character.isWhitespace(text.charAt(begin))) {
          begin++;
        }
        int end = m.end();
        while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
        String name = cleanName(m.group(1));
        if (name.isEmpty()) {
          continue;
        }
        found.add(new Found(begin, end, text.substring(begin, end), name, rule.kind(), rule.wholeLine()));
      }
    }
    found.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    return found;
  }

  private static String cleanName(String raw) {
    String s = raw.strip().replaceAll("[.\\s]+$", "");
    return s.replaceFirst("(?i)^www\\.", "").strip();
  }
}
