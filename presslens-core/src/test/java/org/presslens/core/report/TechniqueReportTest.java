package org.presslens.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.core.PersuasionTechnique;
import org.presslens.core.Quote;
import org.presslens.core.Span;
import org.presslens.core.Technique;
import org.presslens.core.Token;

/** Techniques in the summary, the text report and the HTML page, on a document built by hand. */
class TechniqueReportTest {
  //                                 0         1         2         3         4         5
  //                                 012345678901234567890123456789012345678901234567890123
  private static final String TEXT = "Evil thugs rule. Ann said \"a total disaster\" today.";

  private static Document document() {
    Document d = new Document(Article.ofText("test", TEXT));
    d.setTokens(List.of(token(0, 4, "Evil"), token(5, 10, "thugs"), token(11, 15, "rule"), token(15, 16, "."),
        token(17, 20, "Ann"), token(21, 25, "said"), token(26, 27, "\""), token(27, 28, "a"), token(29, 34, "total"),
        token(35, 43, "disaster"), token(43, 44, "\""), token(45, 50, "today"), token(50, 51, ".")));
    d.setEntities(List.of(new Entity("e1", "PERSON", "Ann", List.of(new Mention(new Span(17, 20), "Ann")))));
    d.setQuotes(List.of(new Quote("q1", "direct", List.of(new Span(27, 43)), new Mention(new Span(21, 25), "said"),
        new Mention(new Span(17, 20), "Ann"), "e1")));
    // Name calling over "Evil thugs", loaded language over "Evil" (overlapping), exaggeration in the quote.
    d.setTechniques(List.of(new Technique("Name_Calling,Labeling", new Span(0, 10), 0.6, null),
        new Technique("Loaded_Language", new Span(0, 4), 0.4, null),
        new Technique("Exaggeration,Minimisation", new Span(27, 43), 0.5, "q1")));
    return d;
  }

  private static Token token(int start, int end, String word) {
    return new Token(new Span(start, end), word, "NN", "O", 0);
  }

  @Test
  void summaryCountsWordsAndSplitsReporterFromQuotes() {
    TechniqueSummary s = TechniqueSummary.of(document());
    // Words: Evil thugs rule Ann said a total disaster today = 9; covered: Evil thugs a total disaster = 5.
    assertThat(s.coveredShare()).isCloseTo(5 / 9.0, within(1e-9));
    assertThat(s.counts().get(PersuasionTechnique.NAME_CALLING)).isEqualTo(new TechniqueSummary.Split(1, 0));
    assertThat(s.counts().get(PersuasionTechnique.EXAGGERATION_MINIMISATION)).isEqualTo(new TechniqueSummary.Split(0, 1));
    assertThat(s.total()).isEqualTo(new TechniqueSummary.Split(2, 1));
  }

  @Test
  void textReportTabulatesTechniquesAndNamesWhoUsedEach() {
    String text = TextReport.render(document());
    assertThat(text).contains("Persuasion techniques  (56% of the words; 2 by the reporter, 1 in quotes)");
    assertThat(text).containsPattern("Exaggeration or minimisation +0 +1");
    assertThat(text).contains("\"a total disaster\"  — Ann");
    assertThat(text).contains("\"Evil thugs\"  — the article");
  }

  @Test
  void htmlUnderlinesEachTechniqueWithItsDefinitionAndStaysWellNested() {
    String page = HtmlReport.page(document());
    assertThat(page).contains("title=\"Name calling, labelling: " + PersuasionTechnique.NAME_CALLING.definition());
    assertThat(page).contains("(score 0.50; Ann)");
    assertThat(page).contains("<h2>Persuasion techniques</h2>").contains("1 reporter · 0 quotes");
    // Overlapping layers (two techniques on "Evil", a technique over a quote) must still nest.
    Deque<String> open = new ArrayDeque<>();
    Matcher tag = Pattern.compile("<(/?)(span|mark|p|div|article|aside|ul|ol|li|h1|h2|details|summary)\\b[^>]*>").matcher(page);
    while (tag.find()) {
      if (tag.group(1).isEmpty()) {
        open.push(tag.group(2));
      } else {
        assertThat(open.pop()).as("closing </" + tag.group(2) + "> at " + tag.start()).isEqualTo(tag.group(2));
      }
    }
    assertThat(open).isEmpty();
  }
}
