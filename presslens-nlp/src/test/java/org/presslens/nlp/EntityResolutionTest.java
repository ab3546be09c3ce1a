package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Mention;

class EntityResolutionTest {
  private static Document analyze(String text) {
    return Shared.PIPELINE.analyze(Article.ofText("test", text));
  }

  private static Optional<Entity> named(Document d, String name) {
    return d.entities().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  private static List<String> mentionTexts(Entity e) {
    return e.mentions().stream().map(Mention::text).toList();
  }

  @Test
  void parentheticalAcronymsJoinTheirEntityAndAreFoundAgainLater() {
    Document d = analyze(
        "Turkey has fought the Kurdistan Workers' Party (PKK/KADEK) for decades. "
            + "Officials said PKK fighters crossed the border. KADEK is the group's later name.");
    Entity pkk = named(d, "Kurdistan Workers' Party").orElseThrow();
    assertThat(pkk.type()).isEqualTo("ORGANIZATION");
    assertThat(mentionTexts(pkk)).contains("Kurdistan Workers' Party", "PKK", "KADEK");
    assertThat(mentionTexts(pkk).stream().filter("PKK"::equals)).hasSize(2);
  }

  @Test
  void surnamesAndHonorificsJoinTheFullName() {
    Document d = analyze(
        "Patricia Hewitt, the health secretary, spoke on Monday. Ms Hewitt said the plan was sound. "
            + "Hewitt later left.");
    Entity hewitt = named(d, "Patricia Hewitt").orElseThrow();
    assertThat(hewitt.type()).isEqualTo("PERSON");
    assertThat(hewitt.mentions()).hasSize(3);
    assertThat(d.entities().stream().filter(e -> e.type().equals("PERSON"))).hasSize(1);
  }

  @Test
  void peopleWhoShareASurnameStayApartAndABareSurnameGoesToTheMostRecent() {
    Document d = analyze(
        "Bill Clinton arrived first. Hillary Clinton arrived an hour later. Clinton told reporters she was tired.");
    Entity bill = named(d, "Bill Clinton").orElseThrow();
    Entity hillary = named(d, "Hillary Clinton").orElseThrow();
    assertThat(bill).isNotEqualTo(hillary);
    assertThat(bill.mentions()).hasSize(1);
    assertThat(mentionTexts(hillary)).containsExactly("Hillary Clinton", "Clinton");
  }

  @Test
  void jobTitlesAreNotPartOfNamesAndMultiwordPlacesAreOneMention() {
    Document d = analyze("Secretary of State Hillary Clinton flew to Camp David on Friday.");
    assertThat(named(d, "Hillary Clinton")).get().extracting(Entity::type).isEqualTo("PERSON");
    assertThat(d.entities()).noneMatch(e -> e.name().equals("State"));
    assertThat(named(d, "Camp David")).get().extracting(Entity::type).isEqualTo("LOCATION");
  }

  @Test
  void pronounsAreNeverEntitiesButTheUsIs() {
    Document d = analyze("He said it was over. She told Us Weekly nothing. The US and the U.S. Navy agreed.");
    assertThat(d.entities()).flatExtracting(Entity::mentions).extracting(Mention::text)
        .doesNotContain("He", "She", "it");
  }

  @Test
  void valuesAreRecognised() {
    Document d = analyze("Prices rose 2.5% to £3.2 million by 14 March 2025, and 1,400 workers voted in 2007.");
    assertThat(d.entities()).extracting(Entity::type, Entity::name).contains(
        org.assertj.core.groups.Tuple.tuple("PERCENT", "2.5%"),
        org.assertj.core.groups.Tuple.tuple("MONEY", "£3.2 million"),
        org.assertj.core.groups.Tuple.tuple("DATE", "14 March 2025"),
        org.assertj.core.groups.Tuple.tuple("NUMBER", "1,400"),
        org.assertj.core.groups.Tuple.tuple("DATE", "2007"));
  }

  @Test
  void aBlankLineAlwaysEndsASentence() {
    Document d = analyze("Council approves budget\n\nThe council voted on Monday. It passed.");
    assertThat(d.sentences()).hasSize(3);
    assertThat(d.text().slice(d.sentences().get(0))).isEqualTo("Council approves budget");
  }

  @Test
  void offsetsAreCodePointsEvenOutsideTheBasicMultilingualPlane() {
    String text = "🚀😀 Angela Merkel met 𝔘nicode fans in Berlin. 🎉 Merkel left Berlin on Sunday.";
    Document d = analyze(text);
    assertThat(d.entities()).isNotEmpty();
    int[] cps = text.codePoints().toArray();
    for (Entity e : d.entities()) {
      for (Mention m : e.mentions()) {
        String slice = new String(cps, m.span().start(), m.span().length());
        assertThat(slice).isEqualTo(m.text());
      }
    }
    assertThat(named(d, "Angela Merkel")).get().extracting(e -> e.mentions().size()).isEqualTo(2);
    for (var s : d.sentences()) {
      assertThat(s.end()).isLessThanOrEqualTo(cps.length);
    }
  }
}
