package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;
import org.presslens.core.Claim;
import org.presslens.core.Document;

/** Check-worthy claims on sentences written for the test. */
class ClaimsTest {

  private static Document analyze(String text) {
    return Shared.PIPELINE.analyze(Article.ofText("test", text));
  }

  private static boolean checkworthy(String sentence) {
    return analyze(sentence).claims().stream().anyMatch(Claim::checkworthy);
  }

  @Test
  void factualClaimsWithNumbersAndDatesAreFlagged() {
    assertThat(checkworthy("Unemployment rose by 40 percent between 2008 and 2010.")).isTrue();
    assertThat(checkworthy("The state spent $3.2 billion on prisons last year, more than on universities.")).isTrue();
    assertThat(checkworthy("Crime in the city has fallen every year since 1995.")).isTrue();
  }

  @Test
  void opinionsQuestionsAndPleasantriesAreNot() {
    assertThat(checkworthy("I think we can do better than this.")).isFalse();
    assertThat(checkworthy("What are you going to do about it?")).isFalse();
    assertThat(checkworthy("Thank you all for coming tonight.")).isFalse();
  }

  @Test
  void aClaimInsideAQuoteIsNarrowedToItAndLinked() {
    Document d = analyze("Jane Hewitt said: “Rents have risen by 30 percent since 2019.”");
    Claim claim = d.claims().stream().filter(Claim::checkworthy).findFirst().orElseThrow();
    assertThat(claim.quote()).isEqualTo(d.quotes().get(0).id());
    assertThat(d.text().slice(claim.span())).isEqualTo("Rents have risen by 30 percent since 2019.");
  }

  @Test
  void checkablesNameWhatToVerify() {
    Document d = analyze("Bills will rise by £1,400 a year by 2027, more than in any other country.");
    Claim claim = d.claims().get(0);
    List<String> parts = claim.checkables().stream().map(k -> k.type() + ":" + k.mention().text()).toList();
    assertThat(parts).contains("MONEY:rise by £1,400", "DATE:by 2027");
    assertThat(parts).anyMatch(p -> p.startsWith("COMPARISON:more than"));
  }

  @Test
  void scoresAreProbabilitiesAndTheDecisionFollowsTheThreshold() {
    Document d = analyze("The bridge cost £80 million and opened in 2004. I love this town.");
    for (Claim c : d.claims()) {
      assertThat(c.score()).isBetween(0.0, 1.0);
      assertThat(c.checkworthy()).isEqualTo(c.score() >= org.presslens.nlp.claims.ClaimModel.standard().threshold());
    }
  }
}
