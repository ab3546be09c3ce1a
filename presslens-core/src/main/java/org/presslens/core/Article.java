package org.presslens.core;

import java.util.List;

/**
 * An article as a reader produced it: the body text and what is known about it, before analysis.
 *
 * @param input the input as the user named it (a path, "path:line" for JSONL, "-" for stdin)
 * @param text the body text; never changed after reading
 * @param published ISO 8601 date or date-time, or null
 * @param language BCP 47 language tag, or null when unknown
 */
public record Article(
    String input,
    String text,
    String title,
    List<String> authors,
    String published,
    String language,
    Source source,
    List<Credit> credits) {

  public Article {
    authors = List.copyOf(authors);
    credits = List.copyOf(credits);
    source = source == null ? Source.UNKNOWN : source;
  }

  /** A plain-text article with nothing known but its text. */
  public static Article ofText(String input, String text) {
    return new Article(input, text, null, List.of(), null, null, Source.UNKNOWN, List.of());
  }
}
