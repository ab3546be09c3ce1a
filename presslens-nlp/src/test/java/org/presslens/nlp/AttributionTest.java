package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Quote;

/** Every construction that attribution handles, each on a short text written for the test. */
class AttributionTest {

  private static Document analyze(String text) {
    return Shared.PIPELINE.analyze(Article.ofText("test", text));
  }

  private static final String EDGES = "^[\\s\"“”,.;:!?]+|[\\s\"“”,.;:!?]+$";

  /**
   * The content pieces of a quote as text, without the quotation marks and end punctuation at
   * their edges (PolNeAR's scoring ignores them too).
   */
  private static List<String> content(Document d, Quote q) {
    return q.content().stream().map(s -> d.text().slice(s).replaceAll(EDGES, "")).toList();
  }

  private static Quote only(Document d) {
    assertThat(d.quotes()).hasSize(1);
    return d.quotes().get(0);
  }

  private static Quote withCue(Document d, String cue) {
    return d.quotes().stream()
        .filter(q -> q.cue() != null && q.cue().text().equals(cue))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no quote with cue " + cue + " in " + d.quotes()));
  }

  private static String entityId(Document d, String name) {
    return d.entities().stream()
        .filter(e -> e.name().equals(name))
        .map(Entity::id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entity " + name + " in " + d.entities()));
  }

  @Test
  void directQuoteInterruptedByItsCueIsOneQuoteWithTwoPieces() {
    Document d = analyze("Jane Hewitt leads the party. “We will win,” she said, “whatever it takes.”");
    Quote q = only(d);
    assertThat(q.kind()).isEqualTo("direct");
    assertThat(content(d, q)).containsExactly("We will win", "whatever it takes");
    assertThat(q.cue().text()).isEqualTo("said");
    assertThat(q.speaker().text()).isEqualTo("she");
    assertThat(q.speakerEntity()).isEqualTo(entityId(d, "Jane Hewitt"));
  }

  @Test
  void textEndingRightAfterAQuoteAndANounPhraseDoesNotCrash() {
    // The cue search after a quote used to read past the last token (a NewsMTSC sentence).
    Document d = analyze("“We will win,” the senator");
    assertThat(d.quotes()).allSatisfy(q -> assertThat(q.content()).isNotEmpty());
  }

  @Test
  void quoteIntroducedByAColon() {
    Document d = analyze("Ms Hewitt said: “The budget is balanced for the first time in ten years.”");
    Quote q = only(d);
    assertThat(q.kind()).isEqualTo("direct");
    assertThat(content(d, q)).containsExactly("The budget is balanced for the first time in ten years");
    assertThat(q.cue().text()).isEqualTo("said");
    assertThat(q.speaker().text()).isEqualTo("Ms Hewitt");
    assertThat(q.speakerEntity()).isEqualTo(entityId(d, "Hewitt"));
  }

  @Test
  void quoteRunningOverTwoParagraphs() {
    Document d = analyze(
        "Mark Dobson told the meeting: “We have worked hard for this result and we are proud of it.\n\n"
            + "“And we will keep working until every family in the town has a home.”");
    Quote q = only(d);
    assertThat(content(d, q)).containsExactly(
        "We have worked hard for this result and we are proud of it",
        "And we will keep working until every family in the town has a home");
    assertThat(q.speaker().text()).isEqualTo("Mark Dobson");
    assertThat(q.cue().text()).isEqualTo("told");
  }

  @Test
  void quoteStandingAloneAfterTheParagraphThatNamesTheSpeaker() {
    Document d = analyze(
        "Mark Dobson, the union's leader, said the strike would go on.\n\n"
            + "“We fought for every job in this harbour and we will not stop now.”");
    assertThat(d.quotes()).hasSize(2);
    Quote alone = d.quotes().get(1);
    assertThat(alone.kind()).isEqualTo("direct");
    assertThat(content(d, alone)).containsExactly("We fought for every job in this harbour and we will not stop now");
    assertThat(alone.cue()).isEqualTo(d.quotes().get(0).cue());
    assertThat(alone.speaker()).isEqualTo(d.quotes().get(0).speaker());
    assertThat(alone.speaker().text()).startsWith("Mark Dobson"); // the appositive may come with it
    assertThat(alone.speakerEntity()).isEqualTo(entityId(d, "Mark Dobson")).isEqualTo(d.quotes().get(0).speakerEntity());
  }

  @Test
  void reportedSpeechWithAndWithoutThat() {
    Document d = analyze("Mark Dobson said that the strike would go on. Jane Hewitt said the talks had failed.");
    Quote first = d.quotes().get(0);
    assertThat(first.kind()).isEqualTo("indirect");
    assertThat(content(d, first)).containsExactly("that the strike would go on");
    assertThat(first.speakerEntity()).isEqualTo(entityId(d, "Mark Dobson"));
    Quote second = d.quotes().get(1);
    assertThat(content(d, second)).containsExactly("the talks had failed");
    assertThat(second.speaker().text()).isEqualTo("Jane Hewitt");
  }

  @Test
  void toldReportersSkipsTheListeners() {
    Document d = analyze("Mark Dobson told reporters on Tuesday that the port would close.");
    Quote q = only(d);
    assertThat(q.cue().text()).isEqualTo("told");
    assertThat(content(d, q)).containsExactly("that the port would close");
    assertThat(q.speaker().text()).isEqualTo("Mark Dobson");
  }

  @Test
  void otherVerbsOfSaying() {
    for (String verb : List.of("warned", "insisted", "denied", "explained", "advised")) {
      Document d = analyze("Jane Hewitt " + verb + " that the figures were wrong.");
      Quote q = only(d);
      assertThat(q.cue().text()).isEqualTo(verb);
      assertThat(content(d, q)).containsExactly("that the figures were wrong");
      assertThat(q.speakerEntity()).isEqualTo(entityId(d, "Jane Hewitt"));
    }
  }

  @Test
  void accordingToBeforeAndAfterTheContent() {
    Document d = analyze(
        "According to the Harbour Authority, the port will reopen on Monday.\n\n"
            + "Ships will wait outside, according to Jane Hewitt.");
    Quote first = d.quotes().get(0);
    assertThat(first.cue().text()).isEqualTo("According to");
    assertThat(content(d, first)).containsExactly("the port will reopen on Monday");
    assertThat(first.speaker().text()).isEqualTo("the Harbour Authority");
    assertThat(first.speakerEntity()).isEqualTo(entityId(d, "Harbour Authority"));
    Quote second = d.quotes().get(1);
    assertThat(content(d, second)).containsExactly("Ships will wait outside");
    assertThat(second.speakerEntity()).isEqualTo(entityId(d, "Jane Hewitt"));
  }

  @Test
  void speakerAfterTheContentAndInverted() {
    Document d = analyze(
        "The vote was a disgrace, Mark Dobson said in a statement.\n\n"
            + "The harbour will stay open all winter, said Jane Hewitt.");
    Quote first = d.quotes().get(0);
    assertThat(first.cue().text()).isEqualTo("said in a statement"); // PolNeAR's cue, circumstance and all
    assertThat(content(d, first)).containsExactly("The vote was a disgrace");
    assertThat(first.speaker().text()).isEqualTo("Mark Dobson");
    Quote second = d.quotes().get(1);
    assertThat(content(d, second)).containsExactly("The harbour will stay open all winter");
    assertThat(second.speaker().text()).isEqualTo("Jane Hewitt");
  }

  @Test
  void passiveAndNominalCues() {
    Document d = analyze(
        "It was reported by the Harbour Authority that two ships had run aground.\n\n"
            + "Jane Hewitt's claim that the port was safe was soon disproved.");
    Quote passive = d.quotes().get(0);
    assertThat(passive.cue().text()).isEqualTo("was reported");
    assertThat(content(d, passive)).containsExactly("that two ships had run aground");
    assertThat(passive.speaker().text()).isEqualTo("the Harbour Authority");
    Quote nominal = d.quotes().get(1);
    assertThat(nominal.cue().text()).isEqualTo("claim");
    assertThat(content(d, nominal).get(0)).startsWith("that the port was safe");
    assertThat(nominal.speakerEntity()).isEqualTo(entityId(d, "Jane Hewitt"));
  }

  @Test
  void reportedSpeechWithAQuotedFragmentIsMixed() {
    Document d = analyze("Jane Hewitt said the plan was “dead on arrival” and called for a new vote.");
    Quote q = withCue(d, "said");
    assertThat(q.kind()).isEqualTo("mixed");
    assertThat(content(d, q).get(0)).startsWith("the plan was “dead on arrival”");
    assertThat(q.speaker().text()).isEqualTo("Jane Hewitt");
  }

  @Test
  void titlesScareQuotesAndNicknamesAreNotAttributed() {
    Document d = analyze(
        "The so-called “reform” passed last week. Mark Dobson starred in “The Long Night” in 2004. "
            + "Mark “the Hammer” Dobson retired in 2010.");
    assertThat(d.quotes()).isEmpty();
  }

  @Test
  void pronounsAgreeInGender() {
    Document d = analyze(
        "Mr. John Smith met Mrs. Mary Jones in London. She said the talks had gone well. "
            + "He said nothing had been agreed.");
    assertThat(d.quotes()).hasSize(2);
    assertThat(d.quotes().get(0).speakerEntity()).isEqualTo(entityId(d, "Mary Jones"));
    assertThat(d.quotes().get(1).speakerEntity()).isEqualTo(entityId(d, "John Smith"));
  }

  @Test
  void roleNounsResolveToThePersonIntroducedWithThem() {
    Document d = analyze(
        "Jane Hewitt, the spokeswoman, met the press. The harbour stayed closed. "
            + "The spokeswoman said that repairs would take a month.");
    Quote q = only(d);
    assertThat(q.speaker().text()).isEqualTo("The spokeswoman");
    assertThat(q.speakerEntity()).isEqualTo(entityId(d, "Jane Hewitt"));
  }

  @Test
  void unnamedSpeakersStayUnresolved() {
    Document d = analyze("Officials said the road would reopen next week.");
    Quote q = only(d);
    assertThat(q.speaker().text()).isEqualTo("Officials");
    assertThat(q.speakerEntity()).isNull();
  }

  @Test
  void offsetsCountCodePointsOutsideTheBasicPlane() {
    Document d = analyze("🎉🎉 Party time. Jane Hewitt said: “We won 😀 every seat in the north.”");
    Quote q = only(d);
    assertThat(content(d, q)).containsExactly("We won 😀 every seat in the north");
    assertThat(q.content().get(0).start()).isEqualTo(
        d.text().value().codePointCount(0, d.text().value().indexOf("We won")));
  }
}
