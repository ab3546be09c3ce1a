package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;

class MojibakeTest {
  /** {@code text}'s UTF-8 bytes read as ISO-8859-1: what a publishing system that encodes twice writes. */
  private static String twice(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void doublyEncodedQuotesDashesAndEurosAreRepaired() {
    String said = "“We’re not moving,” she said — the fare is €4.";
    assertThat(twice(said)).isNotEqualTo(said).contains("â");
    assertThat(Mojibake.repair(twice(said))).isEqualTo(said);
    assertThat(Mojibake.repair("Let" + twice("’") + "s go to Zoë's café")).isEqualTo("Let’s go to Zoë's café");
  }

  @Test
  void inADoublyEncodedTextLettersWithoutAControlAreRepairedToo() {
    // "é" encoded twice is "Ã©", with no C1 control of its own; the quote's controls show the
    // text was encoded twice, and so are its letters and its pilcrow.
    assertThat(Mojibake.repair(twice("Zoë’s café ¶"))).isEqualTo("Zoë’s café ¶");
    assertThat(Mojibake.repair(twice("itertools — Functions creating iterators for efficient looping¶")))
        .isEqualTo("itertools — Functions creating iterators for efficient looping¶");
    // Correct text beside a doubly encoded quote keeps its letters: "é", a no-break space and "»"
    // (E9 A0 BB), or "ß«" (DF AB), would decode as UTF-8 too.
    assertThat(Mojibake.repair("« liberté\u00a0» et »Spaß« " + twice("’")))
        .isEqualTo("« liberté\u00a0» et »Spaß« ’");
  }

  @Test
  void latinTextAndLoneControlsAreLeftAsTheyAre() {
    for (String text : new String[] {"Â bientôt, señor", "Ã la carte", "São Paulo — Zürich", "a\u0085b", "\u00E2\u0080"}) {
      assertThat(Mojibake.repair(text)).isEqualTo(text);
    }
  }

  @Test
  void aPageSavedWithItsQuotesEncodedTwiceReadsWithItsQuotes() throws Exception {
    String body = "<p>" + twice("“The ferry is our lifeline,” said Ana Silva, a teacher on the island, who crosses "
        + "every weekday — and has done so for twelve years.") + "</p><p>The operator said it would keep a reduced "
        + "summer timetable if the regional government paid part of the cost of the crossing.</p>";
    Article a = HtmlArticles.of("page.html", ("<html><head><meta charset=\"utf-8\"></head><body><article><h1>Ferry</h1>"
        + body + "</article></body></html>").getBytes(StandardCharsets.UTF_8), "https://news.example/ferry");
    assertThat(a.text()).contains("“The ferry is our lifeline,” said Ana Silva").contains("weekday — and");
  }
}
