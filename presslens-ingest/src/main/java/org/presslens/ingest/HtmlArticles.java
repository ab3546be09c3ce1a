package org.presslens.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.presslens.core.Article;
import org.presslens.core.Credit;
import org.presslens.core.Source;
import org.presslens.core.Text;

/** HTML pages: the article body, its metadata (title, authors, date, publisher, URL, language) and credits. */
public final class HtmlArticles {
  private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(T[0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?");

  private static final Pattern BYLINE =
      Pattern.compile("^(?:(?:[Ww]ritten|[Pp]osted|[Rr]eported|[Ww]ords)\\s+)?(?:[Bb]y|BY):?\\s+\\p{Lu}[^!?]*[^.!?]$");

  /**
   * How deep a page's elements nest at most: deeper ones join the element at this depth, in
   * document order, as browsers do (Chromium caps at 512). The deepest of 1,589 real pages (WCXB
   * dev and the extraction benchmark) nests 57 deep. Reading a page costs its size times this
   * depth at worst (the extractor weighs each block by the text under it), so the cap is what
   * keeps a page nested 100,000 deep as cheap as a flat one.
   */
  static final int MAX_DEPTH = 128;

  private HtmlArticles() {}

  /**
   * Filler text of page templates: "Lorem ipsum dolor sit amet…", or "Lorem ipsum" (and a
   * number) alone; a sentence about the filler ("Lorem ipsum is dummy text…") is no filler.
   */
  private static final Pattern PLACEHOLDER = Pattern.compile("(?i)lorem ipsum(?:\\s+dolor\\b|\\s*\\d*\\s*$)");

  /**
   * A run of 24 or more letters, digits and hyphens that holds a GUID's first groups
   * ("4466aaa5-b3b2-4d16"): GUIDs run together. Code's identifiers hold underscores, brackets or
   * quotes, addresses dots or slashes; checksums and slugs hold no GUID.
   */
  private static final Pattern MACHINE_TOKEN = Pattern.compile(
      "(?<![A-Za-z0-9-])(?=[A-Za-z0-9-]*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4})[A-Za-z0-9-]{24,}(?![A-Za-z0-9-])");

  /**
   * A paragraph of three or more {@link #MACHINE_TOKEN}s that make most of its characters: what
   * eBay writes around its "Sponsored" labels, hundreds of GUIDs that its style sheet hides
   * letter by letter. One id in a sentence ("Take note of the UUID - eg. ba5b7f3a-…") is text.
   */
  static boolean isMachineText(String para) {
    int visible = 0;
    for (int i = 0; i < para.length(); i++) {
      if (!Character.isWhitespace(para.charAt(i))) {
        visible++;
      }
    }
    int machine = 0;
    int tokens = 0;
    Matcher m = MACHINE_TOKEN.matcher(para);
    while (m.find()) {
      machine += m.end() - m.start();
      tokens++;
    }
    return tokens >= 3 && machine * 2 > visible;
  }

  /** A copy of a product page, less its reviews and the other products it offers. */
  private static Document productCopy(Document pristine) {
    Document doc = pristine.clone();
    ContentExtractor.removeProductExtras(doc);
    return doc;
  }

  /** Parses HTML as every reader of pages here does, with nesting capped at {@link #MAX_DEPTH}. */
  static Document parse(String html, String url) {
    Document doc = Parser.htmlParser().setMaxDepth(MAX_DEPTH).parseInput(html, url == null ? "" : url);
    placeStreamedParts(doc);
    return doc;
  }

  /**
   * Puts the parts of a page that React's streaming server rendering sent late where a browser
   * shows them. Each part arrives as {@code <div hidden id="S:n">} at the end of the body, and a
   * script moves its content to the placeholder it was streamed for: {@code $RC("B:m", "S:n")} (or
   * {@code $RR}) into a boundary's {@code <template id="B:m">}, replacing the boundary's loading
   * fallback up to its {@code <!--/$-->}; {@code $RS("S:n", "P:m")} into a {@code <template
   * id="P:m">}. The script calls give the pairs; a page saved without them is paired by number
   * ({@code S:n} with {@code B:n}), the pairing every such page on WCXB dev has. A part whose
   * placeholder is gone stays where it is, shown.
   */
  private static void placeStreamedParts(Document doc) {
    List<Element> parts = doc.select("div[hidden][id~=^S:[0-9a-f]+$]");
    if (parts.isEmpty()) {
      return;
    }
    Map<String, String> placeholderOf = new java.util.HashMap<>();
    for (Element script : doc.select("script")) {
      Matcher call = REACT_CALL.matcher(script.data());
      while (call.find()) {
        boolean segment = call.group(1).equals("S"); // $RS(segment, placeholder); $RC and $RR(boundary, segment)
        placeholderOf.put(segment ? call.group(2) : call.group(3), segment ? call.group(3) : call.group(2));
      }
    }
    for (Element part : parts) {
      String id = placeholderOf.getOrDefault(part.id(), "B:" + part.id().substring(2));
      Element placeholder = doc.getElementById(id);
      if (placeholder == null || !placeholder.tagName().equals("template") || placeholder.parent() == null) {
        part.removeAttr("hidden");
        continue;
      }
      if (id.startsWith("B:")) {
        removeFallback(placeholder);
      }
      placeholder.parent().insertChildren(placeholder.siblingIndex(), new ArrayList<>(part.childNodes()));
      placeholder.remove();
      part.remove();
    }
  }

  private static final Pattern REACT_CALL = Pattern.compile("\\$R([CRS])\\(\"([A-Z]:[0-9a-f]+)\",\\s*\"([A-Z]:[0-9a-f]+)\"");

  /**
   * What React shows while a boundary waits: the nodes after its placeholder up to the boundary's
   * closing {@code <!--/$-->} (boundaries inside it open with {@code <!--$…-->}). Left in place
   * when no closing comment follows at that level.
   */
  private static void removeFallback(Element placeholder) {
    List<org.jsoup.nodes.Node> fallback = new ArrayList<>();
    int depth = 0;
    for (org.jsoup.nodes.Node n = placeholder.nextSibling(); n != null; n = n.nextSibling()) {
      if (n instanceof org.jsoup.nodes.Comment c && c.getData().startsWith("/$")) {
        if (depth == 0) {
          fallback.forEach(org.jsoup.nodes.Node::remove);
          return;
        }
        depth--;
      } else if (n instanceof org.jsoup.nodes.Comment c && c.getData().startsWith("$")) {
        depth++;
      }
      fallback.add(n);
    }
  }

  /** Parses raw bytes, decoded as a browser would (see {@link HtmlEncoding}). */
  public static Article of(String input, byte[] html, String url) throws BadInputException {
    return of(input, html, url, (String) null);
  }

  /**
   * Parses raw bytes with the {@code declared} charset of an HTTP request's Content-Type (null
   * when none was given), decoded as a browser would (see {@link HtmlEncoding}): a byte-order
   * mark wins over the declaration, which wins over the page's meta tag.
   */
  public static Article of(String input, byte[] html, String url, java.nio.charset.Charset declared)
      throws BadInputException {
    return of(input, html, url, declared == null ? null : declared.name());
  }

  /**
   * Parses raw bytes served with {@code transportCharset}, the charset of the HTTP or WARC
   * Content-Type (null when none was given).
   */
  static Article of(String input, byte[] html, String url, String transportCharset) throws BadInputException {
    return of(input, html, url, transportCharset, ContentExtractor.Params.DEFAULT, PageType.shipped());
  }

  /**
   * A page {@link PoliteFetcher} brought: read from its final URL (after redirects) with the
   * charset the server gave, and the redirects followed recorded in its extraction.
   */
  static Article of(String input, PoliteFetcher.Page page) throws BadInputException {
    Article a = of(input, page.body(), page.url(), page.charset());
    return new Article(a.input(), a.text(), a.title(), a.authors(), a.published(), a.language(), a.source(), a.credits(),
        a.extraction().withRedirects(page.redirects()));
  }

  /**
   * As {@link #of(String, byte[], String, String)}, with the extractor's constants and the page
   * types' classifier (for tuning and training them).
   */
  static Article of(String input, byte[] html, String url, String transportCharset, ContentExtractor.Params params,
      PageType types) throws BadInputException {
    HtmlEncoding.Decoded decoded = HtmlEncoding.decode(html, transportCharset);
    if (!decoded.encoding().startsWith("utf-16") && Bytes.isBinary(html, null)) {
      throw new BadInputException(input, "binary data, not HTML");
    }
    return of(input, decoded.html(), url, params, types);
  }

  /** Parses an HTML string (from JSONL, where it is already text). */
  public static Article of(String input, String html, String url) throws BadInputException {
    return of(input, html, url, ContentExtractor.Params.DEFAULT, PageType.shipped());
  }

  /**
   * Reads a page, turning whatever a hostile page provokes in the parser or the extractor into a
   * failure of that page alone. The extractor walks pages iteratively, so nesting depth is no
   * threat; the stack-overflow net is for a library that still recurses.
   */
  private static Article of(String input, String html, String url, ContentExtractor.Params params, PageType types)
      throws BadInputException {
    try {
      return read(input, html, url, params, types);
    } catch (BadInputException e) {
      throw e;
    } catch (StackOverflowError e) {
      throw new BadInputException(input, "HTML nested too deeply to read");
    } catch (RuntimeException e) {
      throw new BadInputException(input, "cannot read the HTML (" + String.valueOf(e).lines().findFirst().orElse("") + ")");
    }
  }

  private static Article read(String input, String html, String url, ContentExtractor.Params params, PageType types)
      throws BadInputException {
    Parsed parsed = Parsed.of(html, url);
    Document pristine = parsed.pristine();
    Document doc = parsed.doc();
    PageMetadata meta = parsed.meta();
    String canonical = parsed.canonical();
    String domain = parsed.domain();
    String siteName = parsed.siteName();
    // Metadata first: extraction cuts the page.
    PageMetadata.Found<String> title = meta.title(siteName, domain);
    List<TitleChooser.Candidate> titles = TitleChooser.candidates(doc, title.value(), siteName, domain);
    PageMetadata.Found<List<String>> authors = meta.authors(false);
    PageMetadata.Found<String> published = meta.published(doc.location(), false);
    String modified = meta.modified();
    List<String> pageBlocks = doc.body() == null ? List.of() : ContentExtractor.allBlocks(doc.body());

    FirstLook look = firstLook(doc, pristine, canonical, meta, params);
    String body = look.container();
    String type = types.type(look.features());
    if (type.equals("forum")) { // a thread's replies are its content, and its author opened it: read again
      Document thread = pristine.clone();
      PageMetadata threadMeta = new PageMetadata(thread);
      authors = threadMeta.authors(true);
      published = threadMeta.published(doc.location(), true);
      body = ContentExtractor.extract(thread, params, true).container();
      if (body.isBlank()) {
        body = ContentExtractor.extractLeniently(pristine.clone(), params, true);
      }
    }
    // A product page less its reviews and the other products it offers, copied for each reading.
    Document product = type.equals("product") ? productCopy(pristine) : null;
    if (product != null) {
      // Many blocks, not one container of prose: its main region is the content when the page
      // marks one. The first reading's container, which may be the reviews, only when neither
      // reading finds anything.
      String shown = ContentExtractor.extract(product.clone(), params, false).container();
      String region = ContentExtractor.extractMain(product.clone());
      shown = region != null && region.length() > shown.length() ? region : shown;
      body = shown.isBlank() ? body : shown;
    }
    // A listing's cards, a service page's sections: no one container holds the content, the page
    // does (below which share of the page's text, per type, is the trained model's note).
    if (types.readsWhole(type, look.features()) || body.isBlank()) {
      String page = ContentExtractor.extractPage(product != null ? product : pristine.clone());
      body = page.isBlank() ? body : page;
    }
    String kind = PageType.kind(type);
    title = TitleChooser.choose(TitleChooser.shipped(), titles, title, kind, url == null ? null : canonical);

    if (body.isBlank()) {
      throw new BadInputException(input, "no article text found in the HTML");
    }

    // Whole-line credits leave the text; inline ones ("(AP) —") stay and get a span.
    List<String> kept = new ArrayList<>();
    List<Credit> credits = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    // Repaired as read out, not before: the readings (and the models fitted on them) see the page as served.
    String[] paragraphs = Mojibake.repair(body).split("\n\n");
    for (int i = 0; i < paragraphs.length; i++) {
      String para = paragraphs[i];
      if (i < 3 && isByline(para)) {
        continue; // the byline is metadata (authors, date), not the article's text
      }
      if (PLACEHOLDER.matcher(para).lookingAt()) {
        continue; // a template's filler a page left in, hidden or not: no one's words
      }
      if (isMachineText(para)) {
        continue; // ids a script writes and a style sheet hides (eBay's "Sponsored" label): no one's words
      }
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
      for (CreditLines.Found f : CreditLines.find(Mojibake.repair(block))) {
        if (f.wholeLine() && seen.add(f.kind() + f.name())) {
          credits.add(new Credit(f.text(), f.name(), f.kind(), null));
        }
      }
    }
    boolean pageDate = "modified".equals(published.from()) || ("json-ld".equals(published.from()) && meta.datesOnlyThePage());
    if (pageDate && !kind.equals(PageKind.ARTICLE) && !kind.equals(PageKind.FORUM)) {
      published = new PageMetadata.Found<>(null, null); // a shop's or a service's page is saved, not published
    }
    PageMetadata.Found<String> language = meta.language(text);
    Map<String, String> from = new TreeMap<>();
    putFrom(from, "title", title);
    putFrom(from, "authors", authors);
    putFrom(from, "published", published);
    putFrom(from, "language", language);
    List<String> names = authors.value() == null ? List.of() : authors.value().stream().map(Mojibake::repair).toList();
    return new Article(input, text, title.value() == null ? null : Mojibake.repair(title.value()), names, published.value(),
        language.value(), new Source(siteName, domain, canonical), credits,
        new Article.Extraction(kind, modified, from));
  }

  /**
   * What the first reading of a page finds, before its type is known: the text of its best
   * container of prose (read as an article's), and the page's features for {@link PageType}.
   */
  private record FirstLook(String container, PageType.Features features) {}

  /**
   * {@code doc} is a copy of the page as parsed, which this cuts (its metadata must be read
   * before); {@code pristine} is the page as parsed, which this leaves whole.
   */
  private static FirstLook firstLook(Document doc, Document pristine, String canonical, PageMetadata meta,
      ContentExtractor.Params params) {
    PageType.Shape shape = PageType.shape(doc, canonical, meta.ldTypes());
    ContentExtractor.Extracted found = ContentExtractor.extract(doc, params, false);
    String container = found.container();
    if (container.isBlank()) { // nothing left after the boilerplate went: try again, removing less
      container = ContentExtractor.extractLeniently(pristine.clone(), params, false);
    }
    return new FirstLook(container, shape.with(container, found.pageChars()));
  }

  /**
   * A page parsed once, and what every reading of it reads first. Each reading cuts the page, so
   * each takes its own copy of {@code pristine}, which costs about a fifth of parsing it again;
   * {@code doc} is the first reading's copy, on which the metadata is read before the cut.
   */
  private record Parsed(Document pristine, Document doc, PageMetadata meta, String canonical, String domain,
      String siteName) {
    static Parsed of(String html, String url) {
      Document pristine = parse(html, url);
      Document doc = pristine.clone();
      PageMetadata meta = new PageMetadata(doc);
      String canonical = HtmlArticles.canonical(doc);
      return new Parsed(pristine, doc, meta, canonical, Source.domainOf(canonical), HtmlArticles.siteName(doc, meta));
    }

    FirstLook firstLook() {
      return HtmlArticles.firstLook(doc, pristine, canonical, meta, ContentExtractor.Params.DEFAULT);
    }
  }

  /**
   * What {@link TitleChooser} and {@link PageType} read of a page (for training them), as {@link
   * #of} computes it: the title candidates, the rules' title, the page's features for its type and
   * its own address (null when read without one).
   */
  record TitleChoice(List<TitleChooser.Candidate> candidates, String ruleTitle, PageType.Features features,
      String address) {}

  static TitleChoice titleChoice(byte[] bytes, String url) {
    Parsed parsed = Parsed.of(HtmlEncoding.decode(bytes, null).html(), url);
    String title = parsed.meta().title(parsed.siteName(), parsed.domain()).value();
    List<TitleChooser.Candidate> candidates =
        TitleChooser.candidates(parsed.doc(), title, parsed.siteName(), parsed.domain());
    return new TitleChoice(candidates, title, parsed.firstLook().features(), url == null ? null : parsed.canonical());
  }

  /** The features {@link PageType} reads of a page (for training it), as {@link #of} computes them. */
  static PageType.Features features(byte[] bytes, String url) {
    return Parsed.of(HtmlEncoding.decode(bytes, null).html(), url).firstLook().features();
  }

  /** The site's name as the page gives it: og:site_name, else the JSON-LD publisher, else application-name. */
  private static String siteName(Document doc, PageMetadata meta) {
    return firstNonBlank(meta(doc, "og:site_name"), meta.ldPublisher(), meta(doc, "application-name"));
  }

  /** The page's own address: its canonical link, else og:url, else where it was read from. */
  private static String canonical(Document doc) {
    return firstNonBlank(attr(doc, "link[rel=canonical]", "href"), meta(doc, "og:url"), doc.location());
  }

  /** "By Ana Silva and Li Wei", "Written by ...": a short line that only names the writers. */
  private static boolean isByline(String para) {
    // Ends without a full stop and is short: "By Monday, the council had voted." is a sentence.
    return para.length() <= 200 && !para.contains("\n") && para.split("\\s+").length <= 14 && BYLINE.matcher(para).find();
  }

  private static void putFrom(Map<String, String> from, String field, PageMetadata.Found<?> found) {
    if (found.from() != null) {
      from.put(field, found.from());
    }
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
