package org.presslens.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.presslens.core.Article;
import org.presslens.core.Credit;
import org.presslens.core.Source;
import org.presslens.core.Text;

/** Plain-text articles: the text exactly as given, a headline when the first line is one, credits. */
public final class TextArticles {
  /** A first line this short, followed by a blank line, is a headline ("title, blank line, body"). */
  private static final Pattern HEADLINE = Pattern.compile("\\A[ \\t]*+([^\\n]{1,200}?)[ \\t]*+\\r?\\n[ \\t]*+\\r?\\n");

  private TextArticles() {}

  /** An article whose text is exactly {@code text}. */
  public static Article of(String input, String text) {
    return of(input, text, null, List.of(), null, null, Source.UNKNOWN);
  }

  /**
   * A plain-text article from its bytes: strict UTF-8, or UTF-16 after its byte-order mark;
   * binary data and empty text are refused.
   */
  public static Article of(String input, byte[] bytes) throws BadInputException {
    return of(input, bytes, null);
  }

  /** As {@link #of(String, byte[])}, in the {@code charset} a request declared when it has no byte-order mark. */
  public static Article of(String input, byte[] bytes, java.nio.charset.Charset charset) throws BadInputException {
    return of(input, Bytes.text(bytes, charset, input));
  }

  /** An article whose text is exactly {@code text}, with metadata known from elsewhere (JSONL). */
  public static Article of(
      String input, String text, String title, List<String> authors, String published, String language, Source source) {
    Text indexed = new Text(text);
    List<Credit> credits = new ArrayList<>();
    for (CreditLines.Found f : CreditLines.find(text)) {
      credits.add(new Credit(f.text(), f.name(), f.kind(), indexed.spanOfChars(f.begin(), f.end())));
    }
    if (title == null) {
      Matcher m = HEADLINE.matcher(text);
      if (m.find() && !m.group(1).isBlank() && credits.stream().noneMatch(c -> c.span().start() == 0)) {
        title = m.group(1).strip();
      }
    }
    if (language != null) {
      return new Article(input, text, title, authors, published, language, source, credits);
    }
    String identified = LanguageIdentifier.identify(text);
    return new Article(input, text, title, authors, published, identified, source, credits,
        new Article.Extraction(null, null, identified == null ? java.util.Map.of() : java.util.Map.of("language", "text")));
  }
}
