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
