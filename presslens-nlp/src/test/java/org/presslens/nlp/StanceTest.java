package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Quote;
import org.presslens.core.Stance;

/** Stance towards entities, per holder, on an article written for the test. */
class StanceTest {
  private static final String ARTICLE = """
      Mayor praised for rescue of flood town

      Mayor Jane Okoro was widely praised on Monday for her brilliant, tireless leadership during the floods.

      Critics accused the Northern Water Company of disastrous negligence.

      "Jane Okoro is a liar and a fraud," said councillor Tom Reed, who has long opposed her.

      The committee will meet Jane Okoro again on Tuesday to discuss the budget.
      """;

  private static Document analyze(String text) {
    return Shared.PIPELINE.analyze(Article.ofText("test", text));
  }

  private static String id(Document d, String name) {
    return d.entities().stream().filter(e -> e.name().equals(name)).map(Entity::id).findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + name + " in " + d.entities()));
  }

  private static List<Stance> of(Document d, String name) {
    String id = id(d, name);
    return d.stance().stream().filter(s -> s.entity().equals(id)).toList();
  }

  @Test
  void theReportersAndEachSpeakersStanceAreKeptApart() {
    Document d = analyze(ARTICLE);
    List<Stance> okoro = of(d, "Jane Okoro");
    Stance reporter = okoro.stream().filter(s -> s.holder().equals(Stance.REPORTER)).findFirst().orElseThrow();
    assertThat(reporter.polarity()).isEqualTo("positive");
    assertThat(reporter.score()).isPositive();
    assertThat(d.text().slice(reporter.evidence().get(0))).contains("brilliant, tireless leadership");

    String reedsQuote = d.quotes().stream().filter(q -> q.speaker() != null && q.speaker().text().contains("Reed"))
        .map(Quote::id).findFirst().orElseThrow();
    Stance reed = okoro.stream().filter(s -> s.holder().equals(reedsQuote)).findFirst().orElseThrow();
    assertThat(reed.polarity()).isEqualTo("negative");
    assertThat(d.text().slice(reed.evidence().get(0))).isEqualTo("Jane Okoro is a liar and a fraud");
  }

  @Test
  void anAccusedCompanyIsPortrayedNegatively() {
    Document d = analyze(ARTICLE);
    assertThat(of(d, "Northern Water Company")).extracting(Stance::polarity).containsOnly("negative");
  }

  @Test
  void aPlainMentionIsNeutralAndHasNoEvidence() {
    Document d = analyze("The committee will meet Jane Okoro on Tuesday to discuss the budget for next year.");
    assertThat(of(d, "Jane Okoro")).singleElement().satisfies(s -> {
      assertThat(s.polarity()).isEqualTo("neutral");
      assertThat(s.evidence()).isEmpty();
    });
  }

  /** Issue 16: "wrongly branded" defends the group; its defender does not portray it negatively. */
  @Test
  void aDefenceAgainstALabelIsNotReadAsTheLabel() {
    Document d = analyze("The Valley Rivers Alliance was wrongly branded a terrorist organisation, its defender Maria Lopez said on Monday.");
    assertThat(of(d, "Valley Rivers Alliance")).extracting(Stance::polarity).doesNotContain("negative");
  }

  /** Issue 16: the dictator the troops free people from is portrayed negatively, not positively. */
  @Test
  void theDictatorOfALiberationIsPortrayedNegatively() {
    Document d = analyze("The troops came to free the people from the dictator Carlo Vess.");
    assertThat(of(d, "Carlo Vess")).extracting(Stance::polarity).containsOnly("negative");
  }
}
