package org.presslens.nlp.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.nlp.attribution.Attributor.Draft;

/** A named speaker the entity stage missed becomes a person entity; other speakers do not. */
class MissedSpeakersTest {

  private static Tokens tagged(String s) {
    return TaggedTokens.of(s);
  }

  private static List<Entity> added(Tokens t, int speakerFrom, int speakerTo, List<Entity> known) {
    List<Entity> entities = new ArrayList<>(known);
    Draft d = new Draft("indirect", new ArrayList<>(List.of(new int[] {speakerTo + 1, t.size() - 1})), new int[] {speakerTo, speakerTo + 1},
        new int[] {speakerFrom, speakerTo});
    MissedSpeakers.add(t, List.of(d), entities);
    return entities;
  }

  @Test
  void aNamedSpeakerNobodyFoundBecomesAPerson() {
    Tokens t = tagged("Councillor/NNP Tarquin/NNP Obi-Wellesley/NNP said/VBD the/DT plan/NN would/MD fail/VB ./.");
    List<Entity> entities = added(t, 0, 3, List.of(new Entity("e4", "DATE", "Monday", List.of())));
    assertThat(entities).hasSize(2);
    Entity person = entities.get(1);
    assertThat(person.id()).isEqualTo("e5");
    assertThat(person.type()).isEqualTo("PERSON");
    assertThat(person.name()).isEqualTo("Tarquin Obi-Wellesley");
  }

  @Test
  void theNameBeforeAnAppositiveIsTheOneTaken() {
    Tokens t = tagged("Tarquin/NNP Obi/NNP ,/, a/DT Green/NNP councillor/NN ,/, said/VBD the/DT plan/NN failed/VBD ./.");
    List<Entity> entities = added(t, 0, 6, List.of());
    assertThat(entities).extracting(Entity::name).containsExactly("Tarquin Obi");
  }

  @Test
  void organisationsNamesAfterPrepositionsAndCoveredNamesAreLeftAlone() {
    assertThat(added(tagged("White/NNP House/NNP said/VBD the/DT talks/NNS would/MD go/VB on/RP ./."), 0, 2, List.of())).isEmpty();
    assertThat(added(tagged("A/DT spokesman/NN for/IN Jane/NNP Doe/NNP said/VBD it/PRP would/MD end/VB ./."), 0, 5, List.of())).isEmpty();
    Tokens t = tagged("Jane/NNP Doe/NNP said/VBD it/PRP would/MD end/VB ./.");
    Entity jane = new Entity("e1", "PERSON", "Jane Doe", List.of(new Mention(t.span(0, 2), "Jane Doe")));
    assertThat(added(t, 0, 2, List.of(jane))).containsExactly(jane);
  }
}
