package org.presslens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.core.Quote;
import org.presslens.core.Span;
import org.presslens.core.Text;
import org.presslens.core.Token;

class VoicesTest {
  private static final String TEXT =
      "Jane Doe spoke. “We will win,” she said. Officials said the port was shut. Doe said: “Never.”";

  /** A document with whitespace tokens, one entity and three quotes, built by hand. */
  private static Document document() {
    Text text = new Text(TEXT);
    Document d = new Document(Article.ofText("t", TEXT));
    List<Token> tokens = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(TEXT);
    while (m.find()) {
      tokens.add(new Token(text.spanOfChars(m.start(), m.end()), m.group(), "NN", "O", 0));
    }
    d.setTokens(tokens);
    Mention jane = mention(text, "Jane Doe");
    Mention doe = mention(text, "Doe said");
    d.setEntities(List.of(new Entity("e1", "PERSON", "Jane Doe",
        List.of(jane, new Mention(new Span(doe.span().start(), doe.span().start() + 3), "Doe")))));
    d.setQuotes(List.of(
        new Quote("q1", "direct", List.of(mention(text, "We will win").span()), mention(text, "said"),
            mention(text, "she"), "e1"),
        new Quote("q2", "indirect", List.of(mention(text, "the port was shut").span()),
            mention(text, "said the"), mention(text, "Officials"), null),
        new Quote("q3", "direct", List.of(mention(text, "Never.").span()), mention(text, "said:"), null, null)));
    return d;
  }

  private static Mention mention(Text text, String s) {
    int i = TEXT.indexOf(s);
    return new Mention(text.spanOfChars(i, i + s.length()), s);
  }

  @Test
  void quotesOfOneEntityAreOneVoiceAndSharesAddUp() {
    Voices v = Voices.of(document());
    assertThat(v.voices()).extracting(Voices.Voice::name)
        .containsExactly("Officials", "Jane Doe", Voices.UNATTRIBUTED);
    Voices.Voice jane = v.voices().get(1);
    assertThat(jane.entity()).isEqualTo("e1");
    assertThat(jane.words()).isEqualTo(3);
    assertThat(v.voices().get(0).words()).isEqualTo(4);
    assertThat(v.quotedWords()).isEqualTo(8);
    assertThat(v.quotedShare()).isEqualTo(8.0 / v.totalWords());
  }

  @Test
  void wordsAreCountedOnceWhateverTheSpansOrderAndOverlap() {
    // Words at [0,4) [5,9) [10,14) [15,19) [20,24).
    List<Token> words = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      words.add(new Token(new Span(5 * i, 5 * i + 4), "word", "NN", "O", 0));
    }
    assertThat(Voices.countWords(words, List.of())).isZero();
    assertThat(Voices.countWords(words, List.of(new Span(4, 5)))).isZero(); // the space between two words
    assertThat(Voices.countWords(words, List.of(new Span(3, 6)))).isEqualTo(2); // the edges of two words
    assertThat(Voices.countWords(words, List.of(new Span(12, 13), new Span(13, 14)))).isEqualTo(1); // one word cut in two
    assertThat(Voices.countWords(words, List.of(new Span(15, 24), new Span(0, 24), new Span(6, 7)))).isEqualTo(5);
    assertThat(Voices.countWords(words, List.of(new Span(20, 30), new Span(0, 1)))).isEqualTo(2);
  }

  @Test
  void reportsListEachQuoteUnderItsSpeaker() {
    Document d = document();
    String text = TextReport.render(d);
    assertThat(text).contains("Voices").contains("Jane Doe  1 quote, 3 words")
        .contains("direct   \"We will win\"  (she said)");
    String html = HtmlReport.page(d);
    assertThat(html).contains("<span class=\"q v1\" title=\"Jane Doe (said) · direct\">We will win</span>");
    assertThat(html).contains("Officials</span> <span class=\"count\">1 quote, 4 words");
  }
}
