package org.presslens.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as pages write them in bylines and datelines, in English and German: "Tuesday May 14,
 * 2019 9:12 am", "14 May 2019", "May 14th, 2019", "Mar 24, 2025", "2019-05-14", "14.05.2019",
 * "14. Mai 2019". A numeric date with slashes is read only when one order alone makes it a date
 * (10/31/2024, 31/10/2024): 05/06/2019 is May or June by country, and is left alone.
 */
final class DateText {
  private static final Map<String, Integer> MONTHS = months();
  private static final String MONTH = "(jan(?:uary|uar)?|j[äa]n(?:ner)?|feb(?:ruary|ruar)?|mar(?:ch)?|m[äa]rz|apr(?:il)?|may|mai|"
      + "june?|juni|july?|juli|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)\\.?";
  private static final String DAY = "(0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th|\\.)?";
  private static final String YEAR = "((?:19|20)\\d{2})";
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile("(?iu)(?<![\\p{L}\\d])" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR + "(?!\\d)");
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile("(?iu)(?<![\\p{L}\\d])" + DAY + "\\s*(?:of\\s+)?" + MONTH + ",?\\s+" + YEAR + "(?!\\d)");
  private static final Pattern ISO = Pattern.compile("(?<!\\d)" + YEAR + "-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?!\\d)");
  private static final Pattern SLASHED = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/" + YEAR + "(?![\\d/])");
  private static final Pattern DOTTED = Pattern.compile("(?<![\\d.])(0?[1-9]|[12]\\d|3[01])\\.(0?[1-9]|1[0-2])\\." + YEAR + "(?!\\d)");

  /**
   * A date in a page's address: /2025/06/09/, /2025-06-09, Squarespace's /2025/6/9/, the
   * Guardian's /2025/dec/05/, /2023/october/03/ (English month names). A month or day of one
   * digit counts only where the address's part ends there ("/6/9/", "/6/9?…", "/6/9" at the end),
   * not in "/2025/6/95-ways".
   */
  private static final Pattern IN_ADDRESS = Pattern.compile("(?i)/" + YEAR
      + "[/-](0[1-9]|1[0-2]|[1-9](?=[/-])|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
      + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)[/-]((?:0[1-9]|[12]\\d|3[01])(?!\\d)|[1-9](?=[/?#]|$))");

  private DateText() {}

  /** The date in a page's address (already percent-decoded) as ISO 8601, or null. */
  static String inAddress(String address) {
    Matcher m = IN_ADDRESS.matcher(address);
    if (!m.find()) {
      return null;
    }
    String month = m.group(2);
    return date(m.group(1), Character.isDigit(month.charAt(0)) ? Integer.valueOf(month) : MONTHS.get(key(month)), m.group(3));
  }

  /** The first date in {@code text} as ISO 8601 ({@code YYYY-MM-DD}), or null. */
  static String find(String text) {
    return first(text).date();
  }

  /**
   * The first date in a text.
   *
   * @param date ISO 8601, or null when there is none
   * @param at where it starts in the text, or -1
   * @param end where it ends, or -1
   */
  record Found(String date, int at, int end) {
    static final Found NONE = new Found(null, -1, -1);
  }

  /** The first date in {@code text}: of the shapes this class reads, the one that starts first. */
  static Found first(String text) {
    if (text == null || text.isBlank()) {
      return Found.NONE;
    }
    Found best = Found.NONE;
    Matcher m = MONTH_DAY_YEAR.matcher(text);
    if (m.find()) {
      best = earlier(best, m, date(m.group(3), MONTHS.get(key(m.group(1))), m.group(2)));
    }
    m = DAY_MONTH_YEAR.matcher(text);
    if (m.find()) {
      best = earlier(best, m, date(m.group(3), MONTHS.get(key(m.group(2))), m.group(1)));
    }
    m = ISO.matcher(text);
    if (m.find()) {
      best = earlier(best, m, date(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
    }
    m = DOTTED.matcher(text);
    if (m.find()) {
      best = earlier(best, m, date(m.group(3), Integer.parseInt(m.group(2)), m.group(1)));
    }
    m = SLASHED.matcher(text);
    if (m.find()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      // Month first or day first: read only when the other order is no date.
      best = earlier(best, m, a > 12 && b <= 12 ? date(m.group(3), b, m.group(1)) : b > 12 && a <= 12 ? date(m.group(3), a, m.group(2)) : null);
    }
    return best;
  }

  /** {@code m}'s date when it reads as one and starts before {@code best}'s; else {@code best}. */
  private static Found earlier(Found best, Matcher m, String date) {
    return date != null && (best.date() == null || m.start() < best.at()) ? new Found(date, m.start(), m.end()) : best;
  }

  private static String key(String month) {
    String k = month.toLowerCase(Locale.ROOT).replace(".", "").replace('ä', 'a');
    return k.length() > 3 ? k.substring(0, 3) : k;
  }

  private static String date(String year, Integer month, String day) {
    if (month == null) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day)).toString();
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Map<String, Integer> months() {
    return Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("mär", 3),
        Map.entry("apr", 4), Map.entry("may", 5), Map.entry("mai", 5), Map.entry("jun", 6), Map.entry("jul", 7),
        Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("okt", 10), Map.entry("nov", 11),
        Map.entry("dec", 12), Map.entry("dez", 12));
  }
}
