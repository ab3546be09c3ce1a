package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input never stops a batch: each yields one clear line naming it. */
class InputsTest {
  @TempDir Path dir;

  private List<Item> readAll(String... args) {
    List<Item> out = new ArrayList<>();
    for (Inputs.Input in : Inputs.expand(List.of(args))) {
      Inputs.read(in, new ByteArrayInputStream(new byte[0])).forEachRemaining(out::add);
    }
    return out;
  }

  private static String error(Item item) {
    assertThat(item).isInstanceOf(Item.Failed.class);
    String message = ((Item.Failed) item).error().getMessage();
    assertThat(message).doesNotContain("\n");
    return message;
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void utf16WithAByteOrderMarkIsTextAndAnUnreadableFileSaysWhy() throws IOException {
    String text = "Le maire de Zürich a dit que le café resterait ouvert. 😀";
    Path le = write("le.txt", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
    Path be = write("be.txt", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE));
    Path page = write("page.html", ("\uFEFF<html><body><article><p>" + text + "</p></article></body></html>")
        .getBytes(StandardCharsets.UTF_16LE));
    List<Item> items = readAll(le.toString(), be.toString(), page.toString());
    assertThat(items).allSatisfy(i -> assertThat(((Item.Read) i).article().text()).isEqualTo(text));
    // UTF-16 without a mark is still taken for binary: nothing says how to read it.
    assertThat(error(readAll(write("bare.txt", text.getBytes(StandardCharsets.UTF_16LE)).toString()).get(0)))
        .endsWith("binary data, not text");

    assertThat(Bytes.why(new java.nio.file.AccessDeniedException("/x/a.txt"))).isEqualTo("permission denied");
    Path locked = write("locked.txt", "Rain fell in Oslo.".getBytes(StandardCharsets.UTF_8));
    locked.toFile().setReadable(false, false);
    if (!Files.isReadable(locked)) { // as root every file is readable: the check above stands for it
      assertThat(error(readAll(locked.toString()).get(0))).isEqualTo(locked + ": cannot read (permission denied)");
    }
  }

  @Test
  void jsonArticlesHaveTheirFieldsInTheirTypesAndNothingAfterThem() throws IOException {
    Path p = write("typed.jsonl", String.join("\n",
        "{\"text\": 12345}",
        "{\"text\": \"Rain fell in Oslo.\"} trailing",
        "{\"text\": \"Rain fell in Oslo.\", \"published\": \"2005-99-99\"}",
        "{\"text\": \"Rain fell in Oslo.\", \"authors\": \"Ann\"}",
        "{\"text\": \"Rain fell in Oslo.\", \"published\": \"2005-02-01\", \"authors\": [\"Ann\"]}").getBytes(StandardCharsets.UTF_8));
    List<Item> items = readAll(p.toString());
    assertThat(items).hasSize(5);
    assertThat(error(items.get(0))).isEqualTo(p + ":1: \"text\" must be a string, not a number");
    assertThat(error(items.get(1))).startsWith(p + ":2: malformed JSON (").contains("'trailing'");
    assertThat(error(items.get(2))).isEqualTo(p + ":3: \"published\" is not a date: '2005-99-99' (write YYYY-MM-DD, ISO 8601 or RFC 1123)");
    assertThat(error(items.get(3))).isEqualTo(p + ":4: \"authors\" must be a list of strings, not a string");
    assertThat(items.get(4)).isInstanceOf(Item.Read.class);
  }

  /**
   * The randomized test found a date that held line breaks ("202\n\n…", JSON escapes) quoted
   * into a failure of many lines. Whatever a reason quotes, and whatever a file is named, the
   * failure is one line: control characters escaped, a quoted megabyte cut.
   */
  @Test
  void aFailureIsOneLineWhateverTheInputHolds() throws IOException {
    Path p = write("dates.jsonl", String.join("\n",
        "{\"text\": \"Rain fell in Oslo.\", \"published\": \"202\\n\\n\\r\\u2028\\u0000x\"}",
        "{\"text\": \"Rain fell in Oslo.\", \"published\": \"" + "9".repeat(1_000_000) + "\"}",
        "{\"text\": \"Rain fell in Oslo.\"}").getBytes(StandardCharsets.UTF_8));
    List<Item> items = readAll(p.toString());
    assertThat(error(items.get(0)))
        .isEqualTo(p + ":1: \"published\" is not a date: '202\\n\\n\\r\\u2028\\u0000x' (write YYYY-MM-DD, ISO 8601 or RFC 1123)");
    assertThat(error(items.get(1))).startsWith(p + ":2: \"published\" is not a date: '999").endsWith("…")
        .hasSize((p + ":2: ").length() + BadInputException.MAX_REASON_CHARS + 1);
    assertThat(items.get(2)).isInstanceOf(Item.Read.class);
    // A file name with a line break in it.
    Path named = write("two\nlines.html", new byte[0]);
    assertThat(error(readAll(named.toString()).get(0))).startsWith(dir + "/two\\nlines.html: ");
  }

  @Test
  void plainTextIsKeptExactlyButForTheByteOrderMark() throws IOException {
    String text = "Headline here\n\n  Body with  spaces\r\nand 😀.\n";
    Path p = write("a.txt", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
    Item item = readAll(p.toString()).get(0);
    assertThat(((Item.Read) item).article().text()).isEqualTo(text);
    assertThat(((Item.Read) item).article().title()).isEqualTo("Headline here");
  }

  @Test
  void eachKindOfBadInputGetsItsOwnOneLineReasonAndTheRestIsRead() throws IOException {
    Path empty = write("empty.txt", new byte[0]);
    Path binary = write("binary.txt", new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, 2});
    Path latin1 = write("latin1.txt", "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
    Path huge = dir.resolve("huge.txt");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(200L * 1024 * 1024); // sparse: 200 MB on paper, nothing on disk
    }
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("A perfectly good article that will be cut short. ".repeat(200).getBytes(StandardCharsets.UTF_8));
    }
    byte[] full = gz.toByteArray();
    Path truncated = write("cut.txt.gz", java.util.Arrays.copyOf(full, full.length / 2));
    Path noArticle = write("nav.html", "<html><body><nav><a href=/>Home</a></nav></body></html>".getBytes(StandardCharsets.UTF_8));
    Path good = write("good.txt", "Rain fell on Tuesday.".getBytes(StandardCharsets.UTF_8));

    List<Item> items = readAll(empty.toString(), binary.toString(), latin1.toString(), huge.toString(),
        truncated.toString(), noArticle.toString(), dir.resolve("missing.txt").toString(), good.toString());

    assertThat(error(items.get(0))).contains("empty.txt").contains("empty");
    assertThat(error(items.get(1))).contains("binary.txt").contains("binary");
    assertThat(error(items.get(2))).contains("latin1.txt").contains("not valid UTF-8");
    assertThat(error(items.get(3))).contains("huge.txt").contains("too large");
    assertThat(error(items.get(4))).contains("cut.txt.gz").contains("truncated");
    assertThat(error(items.get(5))).contains("nav.html").contains("no article text");
    assertThat(error(items.get(6))).contains("missing.txt").contains("no such file");
    assertThat(items.get(7)).isInstanceOf(Item.Read.class);
  }

  @Test
  void malformedJsonlLinesAreNamedByLineAndTheOtherLinesAreRead() throws IOException {
    String jsonl = "{\"text\": \"First article.\", \"url\": \"https://example.com/1\"}\n"
        + "{\"text\": \"broken\n"
        + "[1, 2]\n"
        + "\n"
        + "{\"html\": \"<html><body><article><p>Second article, from HTML, which is long enough to count as prose.</p></article></body></html>\"}\n";
    Path p = write("batch.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
    List<Item> items = readAll(p.toString());
    assertThat(items).hasSize(4);
    assertThat(((Item.Read) items.get(0)).article().source().url()).isEqualTo("https://example.com/1");
    assertThat(((Item.Read) items.get(0)).article().source().domain()).isEqualTo("example.com");
    assertThat(error(items.get(1))).startsWith(p + ":2: malformed JSON");
    assertThat(error(items.get(2))).startsWith(p + ":3: expected a JSON object");
    assertThat(((Item.Read) items.get(3)).input()).isEqualTo(p + ":5");
  }

  @Test
  void aJsonFileIsOneArticleAnArrayOrAStreamOfThem() throws IOException {
    Path array = write("two.json", """
        [
          {"text": "First article of the array.", "title": "One"},
          {"text": "Second article of the array."}
        ]
        """.getBytes(StandardCharsets.UTF_8));
    List<Item> items = readAll(array.toString());
    assertThat(items).hasSize(2).allSatisfy(i -> assertThat(i).isInstanceOf(Item.Read.class));
    assertThat(((Item.Read) items.get(1)).input()).isEqualTo(array + "#2");

    Path notAnArticle = write("registry.json", "{\n \"outlets\": []\n}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(readAll(notAnArticle.toString())).singleElement()
        .satisfies(i -> assertThat(error(i)).startsWith(notAnArticle + "#1: no \"text\" or \"html\""));

    Path broken = write("broken.json", "{\"text\": \"unterminated".getBytes(StandardCharsets.UTF_8));
    assertThat(readAll(broken.toString())).singleElement()
        .satisfies(i -> assertThat(error(i)).startsWith(broken + ": malformed JSON"));
  }

  @Test
  void directoriesAreReadRecursivelyInNameOrderIncludingGzip() throws IOException {
    Files.createDirectories(dir.resolve("b"));
    write("b/two.txt", "Second.".getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("First.".getBytes(StandardCharsets.UTF_8));
    }
    write("a.txt.gz", gz.toByteArray());
    write("ignored.pdf", new byte[] {1, 2, 3});
    List<Item> items = readAll(dir.toString());
    assertThat(items).extracting(i -> ((Item.Read) i).article().text()).containsExactly("First.", "Second.");
  }
}
