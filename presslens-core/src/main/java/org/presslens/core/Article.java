package org.presslens.core;

import java.util.List;
import java.util.Map;

/**
 * An article as a reader produced it: the body text and what is known about it, before analysis.
 *
 * @param input the input as the user named it (a path, "path:line" for JSONL, "-" for stdin)
 * @param text the body text; never changed after reading
 * @param published ISO 8601 date or date-time, or null
 * @param language BCP 47 language tag, or null when unknown
 * @param extraction how a web page's text and metadata were had; {@link Extraction#NONE} otherwise
 */
public record Article(
    String input,
    String text,
    String title,
    List<String> authors,
    String published,
    String language,
    Source source,
    List<Credit> credits,
    Extraction extraction) {

  public Article {
    authors = List.copyOf(authors);
    credits = List.copyOf(credits);
    source = source == null ? Source.UNKNOWN : source;
    extraction = extraction == null ? Extraction.NONE : extraction;
  }

  /** An article with nothing said about how its metadata were had. */
  public Article(String input, String text, String title, List<String> authors, String published, String language,
      Source source, List<Credit> credits) {
    this(input, text, title, authors, published, language, source, credits, Extraction.NONE);
  }

  /** A plain-text article with nothing known but its text. */
  public static Article ofText(String input, String text) {
    return new Article(input, text, null, List.of(), null, null, Source.UNKNOWN, List.of());
  }

  /**
   * How a web page's text and metadata were had.
   *
   * @param pageKind what the page is: "article", or "listing", "forum", "product" or "other" for a
   *     page whose main content is no single article; null when not judged (plain text, JSONL)
   * @param modified the page's last-modified date as it gives it (ISO 8601), or null
   * @param from where each metadata field came from, by field name ("title", "authors",
   *     "published", "language"): "json-ld", "meta", "byline", "time", "url", "text" and the like
   * @param redirects for a page fetched by its address, the URLs that redirected, in the order
   *     followed: the address asked for first, the final URL (the source's) not among them; empty
   *     when none did or nothing was fetched
   */
  public record Extraction(String pageKind, String modified, Map<String, String> from, List<String> redirects) {
    public static final Extraction NONE = new Extraction(null, null, Map.of());

    public Extraction {
      from = Map.copyOf(from);
      redirects = List.copyOf(redirects);
    }

    /** A page read without following redirects (a file, a WARC record, a request body). */
    public Extraction(String pageKind, String modified, Map<String, String> from) {
      this(pageKind, modified, from, List.of());
    }

    /** The same, reached through {@code redirects}. */
    public Extraction withRedirects(List<String> redirects) {
      return new Extraction(pageKind, modified, from, redirects);
    }
  }
}
