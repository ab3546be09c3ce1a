package org.presslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.presslens.core.Article;
import org.presslens.core.Credit;
import org.presslens.core.Source;
import org.presslens.core.Text;

/** HTML pages: the article body, its metadata (title, authors, date, publisher, URL, language) and credits. */
public final class HtmlArticles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(T[0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern BY = Pattern.compile("(?i)^\\s*by\\s+");

  private HtmlArticles() {}

  /** Parses raw bytes, decoded as a browser would (see {@link HtmlEncoding}). */
  public static Article of(String input, byte[] html, String url) throws BadInputException {
    return of(input, html, url, null);
  }

  /**
   * Parses raw bytes served with {@code transportCharset}, the charset of the HTTP or WARC
   * Content-Type (null when none was given).
   */
  static Article of(String input, byte[] html, String url, String transportCharset) throws BadInputException {
    HtmlEncoding.Decoded decoded = HtmlEncoding.decode(html, transportCharset);
    if (!decoded.encoding().startsWith("utf-16") && Bytes.looksBinary(html)) {
      throw new BadInputException(input, "binary data, not HTML");
    }
    return of(input, decoded.html(), url);
  }

  /** Parses an HTML string (from JSONL, where it is already text). */
  public static Article of(String input, String html, String url) throws BadInputException {
    return of(input, Jsoup.parse(html, url == null ? "" : url));
  }

  private static Article of(String input, Document doc) throws BadInputException {
    List<JsonNode> ld = jsonLd(doc);
    String title = title(doc, ld);
    List<String> authors = authors(doc, ld);
    String published = published(doc, ld);
    String language = language(doc);
    String canonical = firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta(doc, "og:url"), doc.location());
    String domain = Source.domainOf(canonical);
    String siteName = firstNonBlank(meta(doc, "og:site_name"), ldPublisher(ld), meta(doc, "application-name"));

    List<String> pageBlocks = doc.body() == null ? List.of() : ContentExtractor.allBlocks(doc.body());
    String body = ContentExtractor.extract(doc);
    if (body.isBlank()) {
      throw new BadInputException(input, "no article text found in the HTML");
    }

    // Whole-line credits leave the text; inline ones ("(AP) —") stay and get a span.
    List<String> kept = new ArrayList<>();
    List<Credit> credits = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String para : body.split("\n\n")) {
      boolean creditLine = false;
      for (CreditLines.Found f : CreditLines.find(para)) {
        if (f.wholeLine() && f.begin() == 0 && f.end() == para.length()) {
          creditLine = true;
          if (seen.add(f.kind() + f.name())) {
            credits.add(new Credit(f.text(), f.name(), f.kind(), null));
          }
        }
      }
      if (!creditLine) {
        kept.add(para);
      }
    }
    String text = String.join("\n\n", kept);
    if (text.isBlank()) {
      throw new BadInputException(input, "no article text found in the HTML");
    }
    Text indexed = new Text(text);
    for (CreditLines.Found f : CreditLines.find(text)) {
      if (seen.add(f.kind() + f.name())) {
        credits.add(new Credit(f.text(), f.name(), f.kind(), indexed.spanOfChars(f.begin(), f.end())));
      }
    }
    for (String block : pageBlocks) { // credit lines outside the body: "Source » X" under the headline
      for (CreditLines.Found f : CreditLines.find(block)) {
        if (f.wholeLine() && seen.add(f.kind() + f.name())) {
          credits.add(new Credit(f.text(), f.name(), f.kind(), null));
        }
      }
    }
    return new Article(input, text, title, authors, published, language, new Source(siteName, domain, canonical), credits);
  }

  private static String title(Document doc, List<JsonNode> ld) {
    String t = firstNonBlank(meta(doc, "og:title"), meta(doc, "twitter:title"), ldText(ld, "headline"));
    if (t == null) {
      Element h1 = doc.selectFirst("h1");
      t = h1 != null ? h1.text() : null;
    }
    if (t == null || t.isBlank()) {
      t = doc.title().replaceFirst("\\s+[|\\-–—»]\\s+[^|\\-–—»]{2,60}$", "");
    }
    return t == null || t.isBlank() ? null : t.strip();
  }

  private static List<String> authors(Document doc, List<JsonNode> ld) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode node : ld) {
      JsonNode a = node.get("author");
      if (a == null) {
        continue;
      }
      for (JsonNode one : a.isArray() ? a : List.of(a)) {
        String n = one.isTextual() ? one.asText() : one.path("name").asText("");
        addAuthor(names, n);
      }
    }
    if (names.isEmpty()) {
      for (Element m : doc.select("meta[name=author], meta[property=article:author], meta[name=byl], meta[name=sailthru.author]")) {
        addAuthor(names, m.attr("content"));
      }
    }
    if (names.isEmpty()) {
      for (Element e : doc.select("[rel=author], [itemprop=author] [itemprop=name], .byline__name, .author-name")) {
        addAuthor(names, e.text());
      }
    }
    return new ArrayList<>(names);
  }

  private static void addAuthor(Set<String> names, String raw) {
    if (raw == null || raw.isBlank() || raw.startsWith("http")) {
      return;
    }
    for (String part : BY.matcher(raw.strip()).replaceFirst("").split("\\s*(?:,|\\band\\b|&)\\s*")) {
      String n = part.strip();
      if (!n.isEmpty() && n.length() < 80) {
        names.add(n);
      }
    }
  }

  private static String published(Document doc, List<JsonNode> ld) {
    String raw = firstNonBlank(
        meta(doc, "article:published_time"),
        ldText(ld, "datePublished"),
        meta(doc, "pubdate"), meta(doc, "publishdate"), meta(doc, "date"), meta(doc, "dc.date"),
        meta(doc, "DC.date.issued"), meta(doc, "sailthru.date"), meta(doc, "parsely-pub-date"),
        attr(doc, "time[datetime]", "datetime"));
    return raw == null ? null : isoDate(raw.strip());
  }

  /** ISO 8601 as the page gives it when it can be read as such; null when it cannot. */
  static String isoDate(String raw) {
    Matcher m = ISO_DATE.matcher(raw);
    if (m.find()) {
      try {
        if (m.group(2) != null && (m.group(2).endsWith("Z") || m.group(2).matches(".*[+-]\\d{2}:?\\d{2}"))) {
          return OffsetDateTime.parse(m.group(0).replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toString();
        }
        return LocalDate.parse(m.group(1)).toString();
      } catch (DateTimeParseException e) {
        // fall through to the other formats
      }
    }
    try { // "Tue, 3 Jun 2008 11:05:30 GMT", as RSS and HTTP headers write it
      return ZonedDateTime.parse(raw, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime().toString();
    } catch (DateTimeParseException e) {
      // not a date PressLens can read
    }
    return null;
  }

  private static String language(Document doc) {
    String lang = firstNonBlank(attr(doc, "html[lang]", "lang"), meta(doc, "content-language"), meta(doc, "og:locale"));
    if (lang == null) {
      Element http = doc.selectFirst("meta[http-equiv~=(?i)content-language]");
      lang = http == null ? null : http.attr("content");
    }
    if (lang == null || lang.isBlank()) {
      return null;
    }
    return lang.strip().split("[-_,;\\s]")[0].toLowerCase(Locale.ROOT);
  }

  private static List<JsonNode> jsonLd(Document doc) {
    List<JsonNode> out = new ArrayList<>();
    for (Element s : doc.select("script[type=application/ld+json]")) {
      try {
        JsonNode n = JSON.readTree(s.data());
        collectLd(n, out);
      } catch (Exception e) {
        // broken JSON-LD is common and never fatal: the page's other metadata remains
      }
    }
    return out;
  }

  private static void collectLd(JsonNode n, List<JsonNode> out) {
    if (n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collectLd(c, out));
    } else if (n.isObject()) {
      if (n.has("@graph")) {
        collectLd(n.get("@graph"), out);
      }
      String type = n.path("@type").toString();
      if (type.contains("Article") || type.contains("Posting") || type.contains("Report") || n.has("headline")) {
        out.add(n);
      }
    }
  }

  private static String ldText(List<JsonNode> ld, String field) {
    for (JsonNode n : ld) {
      JsonNode v = n.get(field);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    return null;
  }

  private static String ldPublisher(List<JsonNode> ld) {
    for (JsonNode n : ld) {
      String name = n.path("publisher").path("name").asText("");
      if (!name.isBlank()) {
        return name;
      }
    }
    return null;
  }

  private static String meta(Document doc, String key) {
    Element m = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "], meta[itemprop=" + key + "]");
    return m == null || m.attr("content").isBlank() ? null : m.attr("content").strip();
  }

  private static String attr(Document doc, String selector, String attr) {
    Element e = doc.selectFirst(selector);
    return e == null || e.attr(attr).isBlank() ? null : e.attr(attr).strip();
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
