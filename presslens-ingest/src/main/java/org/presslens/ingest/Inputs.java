package org.presslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.presslens.core.Article;
import org.presslens.core.Source;

/**
 * What the user names on the command line, turned into articles: files by extension (optionally
 * gzipped: .txt, .html, .htm, .jsonl, .json, .warc, .rss, .atom, .xml feeds), http(s) URLs of
 * feeds or pages, directories read recursively in name order, and "-" for standard input.
 *
 * <p>Reading never throws for a bad input: each one yields an {@link Item.Failed} with a one-line
 * reason, and the rest goes on.
 */
public final class Inputs {
  /** Trailing tokens after a value ("{…} garbage") make a line malformed rather than being ignored. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final List<String> KNOWN = List.of(".txt", ".html", ".htm", ".jsonl", ".json", ".warc", ".rss", ".atom");

  private Inputs() {}

  /** One input to read: a file, an http(s) URL (a feed or a page), or standard input. */
  public record Input(String name, Path path) {
    public boolean isStdin() {
      return path == null && name.equals("-");
    }

    public boolean isUrl() {
      return path == null && !name.equals("-");
    }
  }

  /**
   * Expands the user's arguments into inputs in order. A directory gives its known files,
   * recursively and sorted; an argument that is no readable file stays an input, and reading it
   * yields the failure.
   */
  public static List<Input> expand(List<String> args) {
    return expand(args, ownOutputs());
  }

  /**
   * As {@link #expand(List)}, leaving out of directories the files in {@code ownOutputs}: the
   * files this process writes to, so that {@code analyze DIR > DIR/out.jsonl} never reads its own
   * output back (a file named as an argument is read: the user asked for it).
   */
  static List<Input> expand(List<String> args, List<Path> ownOutputs) {
    List<Input> out = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-") || arg.startsWith("http://") || arg.startsWith("https://")) {
        out.add(new Input(arg, null));
        continue;
      }
      Path p = Path.of(arg);
      if (!Files.isDirectory(p)) {
        out.add(new Input(arg, p));
        continue;
      }
      try (Stream<Path> walk = Files.walk(p)) {
        walk.filter(Files::isRegularFile)
            .filter(f -> isKnown(f.getFileName().toString()))
            .filter(f -> ownOutputs.stream().noneMatch(o -> sameFile(o, f)))
            .sorted()
            .forEach(f -> out.add(new Input(f.toString(), f)));
      } catch (IOException | UncheckedIOException e) {
        out.add(new Input(arg, p)); // reading a directory fails with its own reason
      }
    }
    return out;
  }

  /**
   * The regular files this process's standard output and error are redirected to, where the
   * system says (Linux's /proc/self/fd); none elsewhere or when they are terminals or pipes.
   */
  static List<Path> ownOutputs() {
    List<Path> out = new ArrayList<>();
    for (int fd = 1; fd <= 2; fd++) {
      Path link = Path.of("/proc/self/fd/" + fd);
      try {
        Path target = link.toRealPath();
        if (Files.isRegularFile(target)) {
          out.add(target);
        }
      } catch (IOException | SecurityException e) {
        // not Linux, or a pipe or terminal: nothing to leave out
      }
    }
    return out;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether an input may hold many articles (JSONL, WARC), so that its count is unknown before reading. */
  public static boolean holdsMany(Input input) {
    if (input.isStdin()) {
      return false;
    }
    String n = stripGz(input.name().toLowerCase(Locale.ROOT));
    return input.isUrl() || n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".warc") || n.endsWith(".rss")
        || n.endsWith(".atom") || n.endsWith(".xml");
  }

  /** Whether a file name has an extension PressLens reads. */
  static boolean isKnown(String name) {
    String n = stripGz(name.toLowerCase(Locale.ROOT));
    return KNOWN.stream().anyMatch(n::endsWith);
  }

  /**
   * The articles of one input, lazily (a JSONL file may hold millions). Never throws: should a
   * reader or a library under it break on some input anyway, that input ends with one failure
   * naming it and the batch goes on with the next.
   */
  public static Iterator<Item> read(Input input, InputStream stdin) {
    Iterator<Item> items;
    try {
      items = open(input, stdin);
    } catch (RuntimeException | StackOverflowError e) {
      return failed(input.name(), broken(e));
    }
    return new Iterator<>() {
      private Item last; // the failure that ended the input, until delivered
      private boolean stopped;

      @Override
      public boolean hasNext() {
        if (stopped) {
          return last != null;
        }
        try {
          return items.hasNext();
        } catch (RuntimeException | StackOverflowError e) {
          stop(e);
          return true;
        }
      }

      @Override
      public Item next() {
        if (!stopped) {
          try {
            return items.next();
          } catch (java.util.NoSuchElementException e) {
            throw e;
          } catch (RuntimeException | StackOverflowError e) {
            stop(e);
          }
        }
        if (last == null) {
          throw new java.util.NoSuchElementException();
        }
        Item item = last;
        last = null;
        return item;
      }

      private void stop(Throwable e) {
        stopped = true;
        last = new Item.Failed(new BadInputException(input.name(), broken(e)));
      }
    };
  }

  private static String broken(Throwable e) {
    String what = e instanceof StackOverflowError ? "nested too deeply to read" : String.valueOf(e).lines().findFirst().orElse("");
    return "reading stopped here (" + what + ")";
  }

  private static Iterator<Item> open(Input input, InputStream stdin) {
    String name = input.name();
    if (input.isStdin()) {
      return single(() -> TextArticles.of(name, Bytes.read(stdin, false, name)));
    }
    if (input.isUrl()) {
      return url(name);
    }
    if (Files.isDirectory(input.path())) {
      return failed(name, "directory that cannot be listed");
    }
    if (!Files.isRegularFile(input.path())) {
      return failed(name, "no such file or directory");
    }
    String lower = input.path().getFileName().toString().toLowerCase(Locale.ROOT);
    boolean gzip = lower.endsWith(".gz");
    String ext = stripGz(lower);
    if (ext.endsWith(".warc")) {
      return WarcArticles.read(name, input.path());
    }
    if (ext.endsWith(".rss") || ext.endsWith(".atom") || ext.endsWith(".xml")) {
      try {
        return FeedArticles.read(name, readFile(input, gzip), PoliteFetcher.DEFAULT);
      } catch (BadInputException e) {
        return List.<Item>of(new Item.Failed(e)).iterator();
      }
    }
    if (ext.endsWith(".jsonl")) {
      return jsonl(input, gzip);
    }
    if (ext.endsWith(".json")) {
      return json(input, gzip);
    }
    return single(() -> {
      byte[] bytes = readFile(input, gzip);
      if (ext.endsWith(".html") || ext.endsWith(".htm")) {
        return HtmlArticles.of(name, bytes, null);
      }
      return TextArticles.of(name, bytes);
    });
  }

  /**
   * A URL: a feed's items when it serves RSS or Atom, else the page as one article, read from the
   * final URL after redirects with the charset the server gave.
   */
  private static Iterator<Item> url(String url) {
    PoliteFetcher.Page page;
    try {
      page = PoliteFetcher.DEFAULT.fetchPage(url);
    } catch (BadInputException e) {
      return List.<Item>of(new Item.Failed(e)).iterator();
    }
    if (isFeed(page.body())) {
      return FeedArticles.read(url, page.body(), PoliteFetcher.DEFAULT);
    }
    return single(() -> HtmlArticles.of(url, page));
  }

  /**
   * The web page at an http(s) address as one article, fetched politely (robots.txt obeyed, one
   * request a second per host, 15 s timeouts, at most {@link Bytes#MAX_ARTICLE_BYTES}, redirects
   * followed and recorded in {@link org.presslens.core.Article.Extraction#redirects()}) and read
   * from its final URL with the charset the server gave.
   *
   * @throws BadInputException naming the URL, when it is no http(s) URL, robots.txt disallows it,
   *     the server cannot be reached or answers other than 200, it serves a feed (many articles,
   *     not a page), or the page holds no text
   */
  public static org.presslens.core.Article page(String url) throws BadInputException {
    return page(url, PoliteFetcher.DEFAULT);
  }

  /**
   * As {@link #page(String)}, for a server others can reach: every hop, robots.txt included, must
   * resolve to a public address (not loopback, this network, link-local or the like).
   *
   * @throws BadInputException as {@link #page(String)} does, and for an address inside a network
   */
  public static org.presslens.core.Article publicPage(String url) throws BadInputException {
    return page(url, PoliteFetcher.PUBLIC_ONLY);
  }

  private static org.presslens.core.Article page(String url, PoliteFetcher fetcher) throws BadInputException {
    PoliteFetcher.Page page = fetcher.fetchPage(url);
    if (isFeed(page.body())) {
      throw new BadInputException(url, "a feed of many articles, not one page (give it to analyze or ingest instead)");
    }
    return HtmlArticles.of(url, page);
  }

  /** RSS or Atom by its first bytes; an XHTML page also begins {@code <?xml}, and is a page. */
  private static boolean isFeed(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.UTF_8).stripLeading();
    String lower = head.toLowerCase(Locale.ROOT);
    return (head.startsWith("<?xml") && !lower.contains("<html") && !lower.contains("<!doctype html"))
        || head.startsWith("<rss") || head.startsWith("<feed") || head.startsWith("<rdf");
  }

  private static byte[] readFile(Input input, boolean gzip) throws BadInputException {
    try {
      if (!gzip && Files.size(input.path()) > Bytes.MAX_ARTICLE_BYTES) {
        throw new BadInputException(input.name(), "file is " + Files.size(input.path()) / (1024 * 1024)
            + " MB, larger than " + Bytes.MAX_ARTICLE_BYTES / (1024 * 1024) + " MB, too large for one article");
      }
      try (InputStream in = Files.newInputStream(input.path())) {
        return Bytes.read(in, gzip, input.name());
      }
    } catch (IOException e) {
      throw new BadInputException(input.name(), "cannot read (" + Bytes.why(e) + ")");
    }
  }

  private interface Reader {
    org.presslens.core.Article read() throws BadInputException;
  }

  private static Iterator<Item> failed(String name, String reason) {
    return List.<Item>of(new Item.Failed(new BadInputException(name, reason))).iterator();
  }

  private static Iterator<Item> single(Reader reader) {
    Item item;
    try {
      item = new Item.Read(reader.read());
    } catch (BadInputException e) {
      item = new Item.Failed(e);
    }
    return List.of(item).iterator();
  }

  /** One article per line: {"text": …} or {"html": …}, with optional url, title, authors, published, language, source. */
  private static Iterator<Item> jsonl(Input input, boolean gzip) {
    BoundedLines lines;
    try {
      InputStream raw = Files.newInputStream(input.path());
      InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
      lines = new BoundedLines(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), Bytes.MAX_ARTICLE_BYTES);
    } catch (IOException e) {
      return failed(input.name(), readProblem(e));
    }
    return new LazyItems(lines) {
      private int lineNo;

      @Override
      protected Item read() throws IOException {
        String line = lines.next();
        lineNo++;
        if (line == null) {
          end();
          return null;
        }
        if (line == BoundedLines.TOO_LONG) {
          return new Item.Failed(new BadInputException(input.name() + ":" + lineNo,
              "line longer than " + Bytes.MAX_ARTICLE_BYTES / (1024 * 1024) + " MB"));
        }
        return line.isBlank() ? null : parseLine(input.name() + ":" + lineNo, line);
      }

      @Override
      protected Item failure(IOException e) {
        return new Item.Failed(new BadInputException(input.name() + ":" + (lineNo + 1), readProblem(e)));
      }
    };
  }

  /**
   * A JSON file: one article object, an array of them, or objects one after another (JSONL
   * written as .json); each is named FILE#N.
   */
  private static Iterator<Item> json(Input input, boolean gzip) {
    String name = input.name();
    try {
      byte[] bytes = readFile(input, gzip);
      List<Item> items = new ArrayList<>();
      try (com.fasterxml.jackson.databind.MappingIterator<JsonNode> values =
          JSON.readerFor(JsonNode.class).readValues(Bytes.utf8Text(bytes, name))) {
        while (values.hasNext()) {
          JsonNode value = values.next();
          for (JsonNode node : value.isArray() ? value : List.of(value)) {
            items.add(parseNode(name + "#" + (items.size() + 1), node));
          }
        }
      } catch (IOException | RuntimeException e) {
        Throwable cause = e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException ? e.getCause() : e;
        String why = cause instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
        why = String.valueOf(why).lines().findFirst().orElse("");
        items.add(new Item.Failed(new BadInputException(name, "malformed JSON (" + why + ")")));
      }
      return items.iterator();
    } catch (BadInputException e) {
      return List.<Item>of(new Item.Failed(e)).iterator();
    }
  }

  private static String readProblem(IOException e) {
    if (e instanceof java.io.EOFException) {
      return "truncated gzip data (unexpected end of file)";
    }
    if (e instanceof java.nio.charset.CharacterCodingException) {
      return "not valid UTF-8";
    }
    if (e instanceof java.util.zip.ZipException) {
      return "not valid gzip data (" + e.getMessage() + ")";
    }
    return "cannot read (" + Bytes.why(e) + ")";
  }

  private static Item parseLine(String name, String line) {
    try {
      try {
        return parseNode(name, JSON.readTree(line));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new BadInputException(name, "malformed JSON (" + e.getOriginalMessage() + ")");
      }
    } catch (BadInputException e) {
      return new Item.Failed(e);
    }
  }

  /** One article object: {"text": …} or {"html": …} with optional metadata. */
  private static Item parseNode(String name, JsonNode node) {
    try {
      return new Item.Read(article(name, node));
    } catch (BadInputException e) {
      return new Item.Failed(e);
    }
  }

  /**
   * One article given as a JSON object: {"text": …} or {"html": …}, with optional url, title,
   * authors, published, language and source {name, domain}; the URL is kept, never fetched.
   */
  public static Article article(String name, JsonNode node) throws BadInputException {
    requireShape(name, node);
    String url = text(node, "url");
    String domain = text(node.path("source"), "domain");
    Source source = new Source(text(node.path("source"), "name"), domain != null ? domain : Source.domainOf(url), url);
    List<String> authors = new ArrayList<>();
    node.path("authors").forEach(a -> authors.add(a.asText()));
    if (node.hasNonNull("html")) {
      return HtmlArticles.of(name, node.get("html").asText(), url);
    }
    String text = text(node, "text");
    if (text == null || text.isBlank()) {
      throw new BadInputException(name, "no \"text\" or \"html\" field, or it is empty");
    }
    return TextArticles.of(name, text, text(node, "title"), authors, text(node, "published"), text(node, "language"), source);
  }

  private static final List<String> STRING_FIELDS = List.of("text", "html", "url", "title", "published", "language");

  /**
   * Checks that an article object has its fields in their types: strings for text, html, url,
   * title, published and language; a list of strings for authors; an object of strings for
   * source; and published a date that exists, as ISO 8601 or RFC 1123 write it. A number where
   * text belongs is a mistake to report, not a text to analyse.
   */
  public static void requireShape(String name, JsonNode node) throws BadInputException {
    if (node == null || !node.isObject()) {
      throw new BadInputException(name, "expected a JSON object with \"text\" or \"html\"");
    }
    for (String field : STRING_FIELDS) {
      requireString(name, node, field, field);
    }
    String published = text(node, "published");
    if (published != null && HtmlArticles.isoDate(published.strip()) == null) {
      throw new BadInputException(name, "\"published\" is not a date: '" + published
          + "' (write YYYY-MM-DD, ISO 8601 or RFC 1123)");
    }
    JsonNode authors = node.get("authors");
    if (authors != null && !authors.isNull()) {
      if (!authors.isArray()) {
        throw new BadInputException(name, "\"authors\" must be a list of strings, not " + kind(authors));
      }
      for (JsonNode a : authors) {
        if (!a.isTextual()) {
          throw new BadInputException(name, "\"authors\" must be a list of strings; it holds " + kind(a));
        }
      }
    }
    JsonNode source = node.get("source");
    if (source != null && !source.isNull()) {
      if (!source.isObject()) {
        throw new BadInputException(name, "\"source\" must be an object with \"name\" and \"domain\", not " + kind(source));
      }
      requireString(name, source, "name", "source.name");
      requireString(name, source, "domain", "source.domain");
    }
  }

  private static void requireString(String name, JsonNode node, String field, String path) throws BadInputException {
    JsonNode v = node.get(field);
    if (v != null && !v.isNull() && !v.isTextual()) {
      throw new BadInputException(name, "\"" + path + "\" must be a string, not " + kind(v));
    }
  }

  private static String kind(JsonNode v) {
    return switch (v.getNodeType()) {
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case STRING -> "a string";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> v.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String stripGz(String name) {
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }
}
