package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.PersuasionTechnique;
import org.presslens.core.Technique;

/** Persuasion techniques on texts written for the test. */
class TechniquesTest {
  private static final String SPIN = """
      Senator Blake launches a vicious, cowardly attack on patriots

      The corrupt elites in Washington have betrayed the American people once again.

      "This disgusting witch hunt is a total disaster for freedom," Blake told supporters on Tuesday. "They are traitors, plain and simple."
      """;

  private static Document analyze(String text) {
    return Shared.PIPELINE.analyze(Article.ofText("test", text));
  }

  private static Technique covering(Document d, String words) {
    int at = d.text().value().indexOf(words);
    assertThat(at).as("test text holds " + words).isNotNegative();
    int start = d.text().codePointOffset(at);
    int end = d.text().codePointOffset(at + words.length());
    return d.techniques().stream()
        .filter(t -> t.span().start() < end && start < t.span().end())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no technique on '" + words + "' in " + d.techniques()));
  }

  @Test
  void loadedWordsAndLabelsAreFound() {
    Document d = analyze(SPIN);
    covering(d, "vicious, cowardly");
    covering(d, "disgusting witch hunt");
    covering(d, "traitors");
    assertThat(d.techniques()).allSatisfy(t -> {
      assertThat(PersuasionTechnique.of(t.technique())).isPresent();
      assertThat(t.score()).isBetween(0.0, 1.0);
    });
  }

  @Test
  void aTechniqueInAQuoteIsTheSpeakersAndOneOutsideIsTheReporters() {
    Document d = analyze(SPIN);
    String blake = d.quotes().stream()
        .filter(q -> q.speaker() != null && q.speaker().text().equals("Blake"))
        .findFirst().orElseThrow().id();
    assertThat(covering(d, "traitors").quote()).isEqualTo(blake);
    assertThat(covering(d, "vicious, cowardly").quote()).isNull();
  }

  @Test
  void plainFactualReportingStaysClean() {
    Document d = analyze("""
        The committee met on Tuesday to review the budget. The report was published in March and \
        runs to 120 pages. Officials said the meeting would resume next week.

        The company reported revenue of 4.2 billion dollars for the quarter, up 3 percent on a year earlier.
        """);
    assertThat(d.techniques()).isEmpty();
  }
}
