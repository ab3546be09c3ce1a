package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

  /** A linear model over the encoder's vectors is only right for the weights it was fitted on. */
  @Test
  void theShippedModelsWereTrainedOnTheShippedEncoder() {
    for (String file : List.of("technique-spans.tsv.gz", "technique-kinds.tsv.gz")) {
      assertThat(org.presslens.core.learn.LinearModel.resource(org.presslens.nlp.techniques.TechniqueModel.class, file, "presslens train techniques")
          .notes().get("encoder"))
          .as(file + ": retrain it after the encoder (presslens train techniques)")
          .isEqualTo(org.presslens.nlp.encoder.Encoder.standard().name());
    }
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

  // ---- the advocacy sentences of issue 18: the kind of each span and its extent, a word either side allowed ----

  /**
   * Asserts a found span of {@code technique} (one of {@code alternatives}) that covers
   * {@code words} give or take a word at either edge: it starts no more than one word before or
   * after them, and ends likewise.
   */
  private static void spans(Document d, String words, String... alternatives) {
    String text = d.text().value();
    int at = text.indexOf(words);
    assertThat(at).as("test text holds " + words).isNotNegative();
    int start = d.text().codePointOffset(at);
    int end = d.text().codePointOffset(at + words.length());
    assertThat(d.techniques())
        .as("a span of %s over '%s'", java.util.Arrays.toString(alternatives), words)
        .anySatisfy(t -> {
          assertThat(java.util.List.of(alternatives)).contains(t.technique());
          assertThat(wordsBetween(d, Math.min(start, t.span().start()), Math.max(start, t.span().start()))).isLessThanOrEqualTo(1);
          assertThat(wordsBetween(d, Math.min(end, t.span().end()), Math.max(end, t.span().end()))).isLessThanOrEqualTo(1);
        });
  }

  private static long wordsBetween(Document d, int from, int to) {
    return d.tokens().stream().filter(k -> k.span().start() >= from && k.span().end() <= to)
        .filter(k -> k.word().codePoints().anyMatch(Character::isLetterOrDigit)).count();
  }

  @Test
  @org.junit.jupiter.api.Disabled("issue 18, still wrong with the refitted encoder's span head: one Loaded_Language span over the"
      + " whole sentence; a span head that only says 'inside a technique or not' cannot part adjacent techniques")
  void advocacyEpithetsAreMarkedAsWholePhrases() {
    Document d = analyze("Their heroic souls stood firm while the junta's thugs butchered them in cold blood.");
    spans(d, "heroic souls", "Loaded_Language");
    spans(d, "the junta's thugs", "Name_Calling,Labeling");
    spans(d, "butchered them in cold blood", "Loaded_Language", "Exaggeration,Minimisation");
  }

  @Test
  @org.junit.jupiter.api.Disabled("issue 18, still wrong with the refitted encoder's span head: one Loaded_Language span over "
      + "'The council caved in a cowardly bid to placate the bosses'; 'the bosses' not named as a label")
  void aCowardlyCaveInIsLoadedAndTheBossesAreALabel() {
    Document d = analyze("The council caved in a cowardly bid to placate the bosses.");
    spans(d, "caved", "Loaded_Language");
    spans(d, "a cowardly bid", "Loaded_Language");
    spans(d, "the bosses", "Name_Calling,Labeling");
  }

  @Test
  void aRepairedBridgeIsNoTechnique() {
    Document d = analyze("The bridge reopened on Monday after repairs costing £2 million.");
    assertThat(d.techniques()).isEmpty();
  }
}
