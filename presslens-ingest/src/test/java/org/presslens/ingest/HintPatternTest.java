package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HintPatternTest {
  private static final String WORDS = "(?i)sidebar|\\bads?\\b|(?<![\\w-])hidden|(?<!ck-)widget";

  @Test
  void anElementIsMarkedAsItsClassAndIdJoinedByASpaceWouldBe() {
    HintPattern hints = new HintPattern(WORDS);
    Pattern joined = Pattern.compile(WORDS);
    String html = "<div class='Sidebar'></div><div id='ad'></div><div class='ck-widget' id='hidden'></div>"
        + "<div class='overflow-hidden' id='ads-top'></div><div class='ck-widget'></div><div class='col' id='main'></div>";
    for (Element e : Jsoup.parse(html).body().children()) {
      boolean expected = joined.matcher(e.className() + " " + e.id()).find();
      assertThat(hints.marks(e)).as(e.outerHtml()).isEqualTo(expected);
      assertThat(hints.marks(e)).as("remembered: " + e.outerHtml()).isEqualTo(expected);
    }
    assertThat(Jsoup.parse(html).body().children().stream().filter(hints::marks)).hasSize(4);
  }

  @Test
  void answersStayRightPastWhatItRemembers() {
    HintPattern hints = new HintPattern(WORDS);
    for (int i = 0; i < 120_000; i++) {
      assertThat(hints.find("card-" + i + (i % 3 == 0 ? " sidebar" : ""))).isEqualTo(i % 3 == 0);
    }
    assertThat(hints.find("card-7")).isFalse();
    assertThat(hints.find("card-9 sidebar")).isTrue();
  }
}
