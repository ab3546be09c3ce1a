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

  private static final String EDGES = "^[\\s\"“”',.;:!?]+|[\\s\"“”',.;:!?]+$";

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
  void aSourceStandsInItsCuesParagraph() {
    // The role head once took the speaker the next paragraph names for "campaigners said".
    Document d = analyze("""
        The Clean Rivers Movement has won a landmark ruling for the valley, campaigners said on Wednesday.

        "The movement is a force for good," said Maria Lopez, director of the Valley Rivers Alliance.
        """);
    Quote first = d.quotes().get(0);
    assertThat(first.speaker().text()).isEqualTo("campaigners");
    assertThat(d.quotes()).filteredOn(q -> q.speaker() != null && q.speaker().text().startsWith("Maria Lopez")).hasSize(1);
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
  void aQuotationResumedAfterTheCuesSentenceStartsAtItsMark() {
    // The words that finish the cue's sentence (whom it was told to, how) are no part of the quote.
    Document d = analyze("Tomas Lindqvist runs the ferry company. “Show me somebody who is accurate in everything that happened"
        + " 40 years ago,” Lindqvist told ABC’s Maria Santos by phone. “Please show me that person. I will sit at their knee.”");
    Quote q = withCue(d, "told");
    assertThat(content(d, q)).containsExactly("Show me somebody who is accurate in everything that happened 40 years ago",
        "Please show me that person. I will sit at their knee");
    assertThat(q.speakerEntity()).isEqualTo(entityId(d, "Tomas Lindqvist"));
  }

  @Test
  void aRecordThatShowsSomethingIsItsSource() {
    // A finding with its source, as PolNeAR annotates it; "the studio showed the trailer" and
    // "experience shows that …" (no-speech.txt, aParentheticalCueAttributesTheWholeSentence) stay silent.
    Document d = analyze("Figures from the statistics office show a rise in house prices in the north.");
    Quote q = only(d);
    assertThat(q.kind()).isEqualTo("indirect");
    assertThat(q.cue().text()).isEqualTo("show");
    assertThat(q.speaker().text()).isEqualTo("Figures from the statistics office");
    assertThat(content(d, q)).containsExactly("a rise in house prices in the north");
  }

  @Test
  void doubledApostrophesOpenAndCloseQuotations() {
    // Some newspapers' archives write both marks as two apostrophes: the first opens, the next closes.
    Document d = analyze("Anna Hughes has kept the hardware store in Courtland for thirty years.\n\n"
        + "''Thirty years ago, it was booming,'' Ms. Hughes said. ''But those days are never coming back.''");
    Quote q = withCue(d, "said");
    assertThat(q.kind()).isEqualTo("direct");
    assertThat(content(d, q)).containsExactly("Thirty years ago, it was booming", "But those days are never coming back");
    assertThat(q.speakerEntity()).isEqualTo(entityId(d, "Anna Hughes"));
    Document inches = analyze("The shop sells a 15'' screen for £90, Anna Hughes said. Nobody buys it.");
    assertThat(inches.quotes()).allSatisfy(x -> assertThat(x.kind()).isEqualTo("indirect"));
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
  void aQuotationOfSeveralSentencesIsQuotedToItsClosingMark() {
    Document d = analyze("“The county's water is not for sale,” she said. “No one on this street was asked. What we know is that"
        + " in 2019 most of the councillors here did not back the pipeline. It was the water board that pushed it through.”");
    Quote q = withCue(d, "said");
    assertThat(content(d, q)).containsExactly("The county's water is not for sale", "No one on this street was asked. What we know is"
        + " that in 2019 most of the councillors here did not back the pipeline. It was the water board that pushed it through");
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
    // The content may end at the fragment's closing mark, which content() strips as an edge.
    assertThat(content(d, q).get(0)).startsWith("the plan was “dead on arrival");
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

  // ---- the six kinds of issue 17, each on the case that showed it ----

  @Test
  void aQuotationAfterTheSentenceNamingItsSpeakerIsTheirs() {
    Document d = analyze("Council split over riverside plan\n\nLast week Priya Ramaswamy, a Green councillor, said she was worried "
        + "about the developer. \"What that company did in Corby was leave half-built estates behind for years.\"");
    Quote q = d.quotes().stream().filter(x -> x.kind().equals("direct")).findFirst().orElseThrow();
    assertThat(content(d, q)).containsExactly("What that company did in Corby was leave half-built estates behind for years");
    assertThat(q.speakerEntity()).isEqualTo(entityId(d, "Priya Ramaswamy"));
    assertThat(withCue(d, "said").speaker().text()).isEqualTo("Priya Ramaswamy, a Green councillor");
  }

  @Test
  void aDashCreditAndAColonIntroductionNameTheirQuotations() {
    Document d = analyze("Harbour names new chief\n\n“Hannah has spent twenty years on the docks, and the crews trust her judgment.” "
        + "-Commissioner Rafael Quintero\n\nAnd from board chair Mei-Lin Castellanos:\n\n“We could not have found a steadier hand for the port.”");
    assertThat(d.quotes()).hasSize(2);
    assertThat(d.quotes()).allMatch(q -> q.kind().equals("direct"));
    assertThat(d.quotes().get(0).speakerEntity()).isEqualTo(entityId(d, "Rafael Quintero"));
    assertThat(content(d, d.quotes().get(1))).containsExactly("We could not have found a steadier hand for the port");
    assertThat(d.quotes().get(1).speakerEntity()).isEqualTo(entityId(d, "Mei-Lin Castellanos"));
  }

  @Test
  void anyVerbOfSayingAfterAQuotationIsItsCue() {
    Document d = analyze("Traders fight bus lane\n\n“The bus lane will ruin my trade,” grumbled Desmond Achterberg, who runs a bakery.\n\n"
        + "“We were never asked,” sighed Ruth Kamau, a florist.\n\n“Nobody is ruining anything,” insisted transport officer Linh Tran.\n\n"
        + "“It is a disgrace,” Omar Siddiqui fumed.");
    assertThat(d.quotes()).extracting(q -> q.cue().text()).containsExactly("grumbled", "sighed", "insisted", "fumed");
    assertThat(d.quotes()).extracting(Quote::speakerEntity).containsExactly(
        entityId(d, "Desmond Achterberg"), entityId(d, "Ruth Kamau"), entityId(d, "Linh Tran"), entityId(d, "Omar Siddiqui"));
  }

  @Test
  void aParentheticalCueAttributesTheWholeSentence() {
    Document d = analyze("Wind power's long bet\n\nThe economist Farida Haddad has studied energy markets for two decades.\n\n"
        + "Five years ago, she said, the new turbines offered a cheap hedge against high gas prices.\n\n"
        + "But experience shows that binding targets do two things.");
    Quote q = only(d);
    assertThat(q.cue().text()).isEqualTo("said");
    assertThat(q.kind()).isEqualTo("indirect");
    assertThat(q.speakerEntity()).isEqualTo(entityId(d, "Farida Haddad"));
    assertThat(content(d, q)).containsExactly("Five years ago", "the new turbines offered a cheap hedge against high gas prices");
  }

  @Test
  void titledAndAppositiveSpeakersAreTheirPerson() {
    Document d = analyze("Former minister for Women and Equalities Nkechi Boateng said the trip had been planned for months.\n\n"
        + "The judge, Mr Justice Abernethy, said a related case would resume in May.");
    assertThat(d.quotes()).hasSize(2);
    assertThat(d.quotes().get(0).speakerEntity()).isEqualTo(entityId(d, "Nkechi Boateng"));
    assertThat(d.quotes().get(1).speakerEntity()).isEqualTo(entityId(d, "Abernethy"));
  }

  @Test
  void aNameAfterAPrepositionIsStillNotTheSpeaker() {
    Document d = analyze("A spokesman for Jane Hewitt said the campaign would go on.");
    assertThat(only(d).speakerEntity()).isNull();
  }

  /**
   * The kind behind "Arbor released …", "Okafor presented …", "Traders are angry about …": 53
   * news sentences without speech (releases, announcements, presentations, offers, feelings,
   * perception, plain events), written for this test, yield no quote at all.
   */
  @Test
  void sentencesWithoutSpeechYieldNoQuote() throws java.io.IOException {
    List<String> sentences;
    try (var in = AttributionTest.class.getResourceAsStream("no-speech.txt")) {
      sentences = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
    assertThat(sentences).hasSizeGreaterThanOrEqualTo(50);
    List<String> quoted = sentences.stream()
        .filter(s -> !analyze(s).quotes().isEmpty())
        .toList();
    assertThat(quoted).isEmpty();
  }

  @Test
  void aNoteWithoutSpeechShowsNoQuotedWords() {
    Document d = analyze("Arbor today released the eleventh test build of its tablet software. Union treasurer Maria Okafor "
        + "presented the accounts at Monday's meeting. Ravi Menon has offered to buy Chirper for $21 billion. Traders on Mill "
        + "Road are angry about a new bus lane. The bridge reopened on Monday after repairs.");
    assertThat(d.quotes()).isEmpty();
    assertThat(org.presslens.core.report.Voices.of(d).quotedShare()).isZero();
    assertThat(org.presslens.core.report.TextReport.render(d)).contains("(nobody is quoted)");
  }

  @Test
  void aSpeakerTheEntityStageMissedBecomesAPersonEntity() {
    Document analysed = analyze("Tarquin Obi-Wellesley said the plan would fail. He said the council had been warned.");
    // The entity stage as if it had found nobody: the speaker must still become one person.
    Document d = analysed.copy(analysed.article(), java.util.Set.of(org.presslens.core.Layer.TOKENS,
        org.presslens.core.Layer.SENTENCES, org.presslens.core.Layer.VECTORS));
    d.setEntities(List.of());
    new org.presslens.nlp.attribution.AttributionAnnotator(org.presslens.nlp.attribution.AttributionModel.standard()).annotate(d);
    assertThat(d.entities()).extracting(Entity::name, Entity::type).containsExactly(org.assertj.core.groups.Tuple.tuple("Tarquin Obi-Wellesley", "PERSON"));
    assertThat(d.quotes()).hasSize(2).allSatisfy(q -> assertThat(q.speakerEntity()).isEqualTo(d.entities().get(0).id()));
  }
}
