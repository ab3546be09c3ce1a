package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages and files written to hurt a reader: each is read within its budget, yields one article
 * or one one-line failure naming it, and the input after it is still read. The budgets are
 * generous ceilings against hangs and blow-ups (ten times and more what they take here), not
 * speed measurements.
 */
class HostileInputTest {
  static final String PARAGRAPH =
      "The council met on Tuesday, and the mayor said the budget would rise by five percent next year.";

  @TempDir Path dir;

  /** Reads the hostile input and then a good one, as a batch would. */
  private List<Item> readWithGoodAfter(Path hostile) throws IOException {
    Path good = dir.resolve("zz-good.txt");
    Files.writeString(good, "Rain fell in Oslo on Monday, the weather office said.");
    List<Item> out = new ArrayList<>();
    for (Inputs.Input in : Inputs.expand(List.of(hostile.toString(), good.toString()))) {
      Inputs.read(in, new ByteArrayInputStream(new byte[0])).forEachRemaining(out::add);
    }
    assertThat(out).isNotEmpty();
    Item last = out.get(out.size() - 1);
    assertThat(last).isInstanceOf(Item.Read.class);
    assertThat(last.input()).isEqualTo(good.toString());
    return out.subList(0, out.size() - 1);
  }

  static String nested(String open, String close, int depth, String inside) {
    StringBuilder b = new StringBuilder(depth * (open.length() + close.length()) + inside.length() + 40);
    b.append("<html><body>");
    b.append(open.repeat(depth)).append(inside).append(close.repeat(depth));
    return b.append("</body></html>").toString();
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void deeplyNestedPagesAreReadWithoutRecursion() throws IOException {
    for (int depth : new int[] {2_000, 100_000}) {
      Path page = write("nested-" + depth + ".html", nested("<div>", "</div>", depth, "<p>" + PARAGRAPH + "</p>"));
      List<Item> items = readWithGoodAfter(page);
      assertThat(items).hasSize(1);
      assertThat(items.get(0)).as("depth " + depth).isInstanceOf(Item.Read.class);
      assertThat(((Item.Read) items.get(0)).article().text()).isEqualTo(PARAGRAPH);
    }
  }

  /**
   * Nesting that jsoup's tree builder or the extractor once paid for per level, each level
   * weighed by the text under it: block quotes, table cells, formatting elements misnested around
   * blocks (and, before jsoup 1.22, their open list searched per tag). Elements deeper than
   * {@link HtmlArticles#MAX_DEPTH} join the element at that depth, as browsers do, so a page is
   * read in time linear in its size.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void nestingOfEveryKindOfElementIsBounded() throws IOException {
    String[][] kinds = {
      {"<blockquote>", "</blockquote>"}, {"<table><tr><td>", "</td></tr></table>"}, {"<font color=\"red\"><div>", "</div></font>"},
    };
    for (String[] kind : kinds) {
      Path page = write("nested-" + kind[0].replaceAll("\\W+", "-") + ".html",
          nested(kind[0], kind[1], 100_000, "<p>" + PARAGRAPH + "</p>"));
      List<Item> items = readWithGoodAfter(page);
      assertThat(items).as(kind[0]).singleElement().isInstanceOf(Item.Read.class);
      assertThat(((Item.Read) items.get(0)).article().text()).as(kind[0]).isEqualTo(PARAGRAPH);
    }
    // 100,000 formatting elements left open, each different, before the article.
    StringBuilder open = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      open.append("<b id=\"b").append(i).append("\">");
    }
    List<Item> items = readWithGoodAfter(write("open-b.html", "<html><body>" + open + "<p>" + PARAGRAPH + "</p></body></html>"));
    assertThat(((Item.Read) items.get(0)).article().text()).isEqualTo(PARAGRAPH);
  }

  /**
   * A hundred thousand siblings to drop (scripts, hidden divs, sidebars): jsoup removes one
   * child by searching its parent's list, so dropping them one by one cost their number squared.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void manySiblingsToDropAreDroppedInLinearTime() throws IOException {
    for (String sibling : List.of("<script>x</script>", "<div style=\"display:none\">x</div>", "<div class=\"sidebar\">x</div>")) {
      Path page = write("siblings.html",
          "<html><body>" + sibling.repeat(100_000) + "<article><p>" + PARAGRAPH + "</p></article></body></html>");
      List<Item> items = readWithGoodAfter(page);
      assertThat(((Item.Read) items.get(0)).article().text()).as(sibling).isEqualTo(PARAGRAPH);
    }
  }

  /**
   * A megabyte where a byline goes (meta author, JSON-LD author, a byline element): the patterns
   * that clean a byline cost quadratic time in a run of spaces or punctuation and recursed once
   * per repeated job word ("senior senior … writer" overflowed the stack), so a byline is read up
   * to its first thousand characters. The page is read; no name comes out of the noise.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void megabyteBylinesAreCutBeforeTheirPatterns() throws IOException {
    for (String noise : List.of("senior ".repeat(150_000) + "writer", "Ann" + " ".repeat(1_000_000) + "!",
        "Ann" + "!".repeat(1_000_000) + "x", "Ann Lee" + " on".repeat(300_000))) {
      String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(noise);
      String page = "<html><head><meta name=\"author\" content=\"" + noise + "\">"
          + "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": {\"name\": " + json + "}}</script>"
          + "</head><body><div class=\"byline\">By " + noise + "</div><article><p>" + PARAGRAPH + "</p></article></body></html>";
      List<Item> items = readWithGoodAfter(write("byline.html", page));
      assertThat(items).singleElement().isInstanceOf(Item.Read.class);
      assertThat(((Item.Read) items.get(0)).article().text()).endsWith(PARAGRAPH);
    }
    // A real byline of many writers is still read whole.
    List<String> names = new ArrayList<>();
    PageMetadata.addNames(names, "By Ana Silva, Bob Lee, Chris Toy and Dana Wu");
    assertThat(names).containsExactly("Ana Silva", "Bob Lee", "Chris Toy", "Dana Wu");
  }

  /**
   * Huge single lines and runs of white space, as text and in a page: the patterns that find a
   * headline and credit lines take runs of spaces possessively, so a line is read in time linear in
   * its length. The first case is the randomized test's (seed 23832587323855, case 29664): 22 KB
   * that read for over a minute.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void hugeSingleLinesAndRunsOfSpacesAreReadInLinearTime() throws IOException {
    String found = "Port reop" + " ".repeat(3_901) + "\r\n".repeat(3_538) + " ".repeat(11_428);
    List<Item> items = readWithGoodAfter(write("fuzz-29664.txt", found));
    assertThat(((Item.Read) items.get(0)).article().text()).isEqualTo(found);
    String line = "Source: " + " ".repeat(500_000) + "x" + " contributed".repeat(25_000) + " ".repeat(500_000);
    for (String text : List.of(line, " ".repeat(500_000) + "Port reopens\n\n" + line + "\n" + "By ".repeat(125_000) + "\n",
        "(AP)".repeat(125_000) + "\n" + "- ".repeat(250_000) + "contributed to this report")) {
      items = readWithGoodAfter(write("line.txt", text));
      assertThat(((Item.Read) items.get(0)).article().text()).isEqualTo(text);
      items = readWithGoodAfter(write("line.html", "<html><body><article><pre>" + text + "</pre></article></body></html>"));
      assertThat(items).singleElement().isInstanceOf(Item.Read.class);
    }
  }

  private static String reason(Item item) {
    assertThat(item).isInstanceOf(Item.Failed.class);
    String reason = ((Item.Failed) item).error().getMessage();
    assertThat(reason).doesNotContain("\n");
    return reason;
  }

  /** Writes {@code bytes} bytes of {@code unit} repeated, gzipped when the name ends in .gz. */
  private Path writeRepeated(String name, String head, String unit, long bytes, String tail) throws IOException {
    Path p = dir.resolve(name);
    byte[] chunk = unit.repeat(Math.max(1, (1 << 16) / unit.length())).getBytes(StandardCharsets.UTF_8);
    try (java.io.OutputStream raw = Files.newOutputStream(p);
        java.io.OutputStream out = name.endsWith(".gz") ? new java.util.zip.GZIPOutputStream(raw, 1 << 16) : raw) {
      out.write(head.getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < bytes; written += chunk.length) {
        out.write(chunk);
      }
      out.write(tail.getBytes(StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void fiftyMegabytesOfOneTagAreRefusedAndFifteenAreRead() throws IOException {
    Path huge = writeRepeated("one-tag.html", "<html><body><p>", "word ", 50L << 20, "</p></body></html>");
    assertThat(reason(readWithGoodAfter(huge).get(0))).isEqualTo(huge + ": file is 50 MB, larger than 16 MB, too large for one article");
    // The same inside gzip is counted as it is inflated.
    Path gz = writeRepeated("one-tag.html.gz", "<html><body><p>", "word ", 50L << 20, "</p></body></html>");
    assertThat(reason(readWithGoodAfter(gz).get(0))).isEqualTo(gz + ": larger than 16 MB, too large for one article");
    // Just under the limit: one tag, one paragraph, read in linear time.
    Path big = writeRepeated("big-tag.html", "<html><body><article><p>", "word ", 15L << 20, "</p></article></body></html>");
    List<Item> items = readWithGoodAfter(big);
    assertThat(items).singleElement().isInstanceOf(Item.Read.class);
    assertThat(((Item.Read) items.get(0)).article().text()).startsWith("word word").hasSizeGreaterThan(15 << 20);
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void gzipBombsStopAtTheLimitWhateverTheyHold() throws IOException {
    // 256 MB of spaces gzip to a quarter of a megabyte; each reader stops inflating at 16 MB.
    long bomb = 256L << 20;
    Path html = writeRepeated("bomb.html.gz", "<html><body>", " ", bomb, "</body></html>");
    assertThat(reason(readWithGoodAfter(html).get(0))).endsWith("larger than 16 MB, too large for one article");
    Path json = writeRepeated("bomb.json.gz", "{\"text\": \"", " ", bomb, "\"}");
    assertThat(reason(readWithGoodAfter(json).get(0))).endsWith("larger than 16 MB, too large for one article");
    // A JSONL line of 256 MB: that line is refused, never held, and the lines after it are read.
    Path jsonl = writeRepeated("bomb.jsonl.gz", "{\"text\": \"", " ", bomb,
        "\"}\n{\"text\": \"Rain fell in Oslo on Monday.\"}\n");
    List<Item> lines = readWithGoodAfter(jsonl);
    assertThat(reason(lines.get(0))).isEqualTo(jsonl + ":1: line longer than 16 MB");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).isInstanceOf(Item.Read.class);
    assertThat(lines.get(1).input()).isEqualTo(jsonl + ":2");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void feedsWithEntitiesOrADoctypeAreRefusedWithoutExpandingThem() throws IOException {
    StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    laughs.append("]>\n<rss version=\"2.0\"><channel><title>Laughs</title><item><title>&lol9;</title>"
        + "<description>&lol9;</description></item></channel></rss>");
    Path bomb = write("laughs.rss", laughs.toString());
    assertThat(reason(readWithGoodAfter(bomb).get(0))).startsWith(bomb + ": not a readable RSS or Atom feed (");
    Path xxe = write("xxe.rss", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<rss version=\"2.0\"><channel><title>T</title><item><title>&x;</title><description>&x;</description>"
        + "</item></channel></rss>");
    List<Item> items = readWithGoodAfter(xxe);
    assertThat(reason(items.get(0))).startsWith(xxe + ": not a readable RSS or Atom feed (");
    // Elements nested 100,000 deep inside an item, and its HTML text nested as deep.
    Path nestedFeed = write("nested.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item>"
        + "<title>Deep</title>" + "<x>".repeat(100_000) + "</x>".repeat(100_000) + "<description>"
        + "&lt;div&gt;".repeat(100_000) + PARAGRAPH + "</description></item></channel></rss>");
    assertThat(reason(readWithGoodAfter(nestedFeed).get(0)))
        .isEqualTo(nestedFeed + ": not a readable RSS or Atom feed (elements nested deeper than 256)");
    // HTML nested as deep inside an item's description is text, read like any page.
    Path nestedText = write("nested-text.rss", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item>"
        + "<title>Deep</title><description>" + "&lt;div&gt;".repeat(100_000) + PARAGRAPH + "</description></item></channel></rss>");
    assertThat(((Item.Read) readWithGoodAfter(nestedText).get(0)).article().text()).isEqualTo(PARAGRAPH);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void tenThousandAttributesAndDeepJsonAreBounded() throws IOException {
    StringBuilder attributes = new StringBuilder("<html><body><article><div");
    for (int i = 0; i < 10_000; i++) {
      attributes.append(" data-a").append(i).append("=\"").append(i).append('"');
    }
    attributes.append("><p>").append(PARAGRAPH).append("</p></div></article></body></html>");
    List<Item> items = readWithGoodAfter(write("attributes.html", attributes.toString()));
    assertThat(((Item.Read) items.get(0)).article().text()).isEqualTo(PARAGRAPH);
    // JSON nested 100,000 deep: Jackson's nesting limit refuses it, as one line.
    Path deep = write("deep.json", "[".repeat(100_000) + "]".repeat(100_000));
    assertThat(reason(readWithGoodAfter(deep).get(0))).startsWith(deep + ": malformed JSON (");
    Path deepLine = write("deep.jsonl", "{\"text\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}\n");
    assertThat(reason(readWithGoodAfter(deepLine).get(0))).startsWith(deepLine + ":1: malformed JSON (");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void deeplyNestedInlineAndUnlikelyElementsStayBounded() throws IOException {
    // Inline elements and boilerplate class names take other paths through the extractor.
    Path spans = write("spans.html", nested("<span>", "</span>", 100_000, PARAGRAPH));
    assertThat(readWithGoodAfter(spans)).hasSize(1);
    Path sidebars = write("sidebars.html",
        nested("<div class=\"sidebar\">", "</div>", 20_000, "<p>" + PARAGRAPH + "</p>"));
    assertThat(readWithGoodAfter(sidebars)).hasSize(1);
  }
}
