package org.presslens.nlp.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.nlp.attribution.Attributor.Draft;

/** The decoding passes over the heads' readings, each on the kind it is for. */
class DraftPassesTest {

  private static Draft reading(int[] speaker, int[] cue, int[] content) {
    return new Draft("indirect", new ArrayList<>(List.of(content)), cue, speaker);
  }

  @Test
  void aContentPieceOpeningOnANameTakesTheTitleBeforeIt() {
    Tokens t = TaggedTokens.of("She/PRP criticized/VBD Mr./NNP Trump/NNP over/IN hiring/VBG workers/NNS ./.");
    Draft d = reading(new int[] {0, 1}, new int[] {1, 2}, new int[] {3, 7});
    DraftPasses.titlesWithTheirNames(t, List.of(d));
    assertThat(d.content.get(0)).containsExactly(2, 7);
  }

  @Test
  void aTitleBeforeAWordThatIsNoNameStaysOutside() {
    Tokens t = TaggedTokens.of("He/PRP blamed/VBD the/DT president/NN policies/NNS for/IN it/PRP ./.");
    Draft d = reading(new int[] {0, 1}, new int[] {1, 2}, new int[] {4, 7});
    DraftPasses.titlesWithTheirNames(t, List.of(d));
    assertThat(d.content.get(0)).containsExactly(4, 7);
  }

  @Test
  void aTitleInTheSpeakerStaysTheSpeakers() {
    Tokens t = TaggedTokens.of("Senator/NNP Obi/NNP backed/VBD it/PRP ./.");
    Draft d = reading(new int[] {0, 1}, new int[] {2, 3}, new int[] {1, 4});
    DraftPasses.titlesWithTheirNames(t, List.of(d));
    assertThat(d.content.get(0)).containsExactly(1, 4);
  }

  @Test
  void aPieceOpeningOnTheCuesSentenceStartsAtTheQuotationAfterIt() {
    Tokens t = TaggedTokens.of("“/`` We/PRP won/VBD ,/, ”/'' she/PRP told/VBD ABC/NNP by/IN phone/NN ./. “/`` Show/VB me/PRP ./. ”/''");
    Draft d = new Draft("direct", new ArrayList<>(List.of(new int[] {1, 3}, new int[] {7, 14})), new int[] {6, 7}, new int[] {5, 6});
    DraftPasses.startAtQuotations(t, Quotations.find(t), List.of(d));
    assertThat(d.content.get(1)).containsExactly(12, 14);
  }

  @Test
  void aQuotedFragmentBeforeTheQuotationKeepsThePieceWhole() {
    Tokens t = TaggedTokens.of("She/PRP said/VBD the/DT plan/NN was/VBD “/`` dead/JJ ./. ”/'' “/`` We/PRP fight/VBP ./. ”/''");
    Draft d = reading(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 13});
    DraftPasses.startAtQuotations(t, Quotations.find(t), List.of(d));
    assertThat(d.content.get(0)).containsExactly(2, 13);
  }

  @Test
  void aCueWithoutASpeakerTakesTheSubjectBeforeIt() {
    Tokens t = TaggedTokens.of("Mr./NNP Rubio/NNP said/VBD Monday/NNP that/IN he/PRP erred/VBD ./.");
    Draft d = reading(null, new int[] {2, 3}, new int[] {4, 7});
    assertThat(DraftPasses.subjectsAsSpeakers(t, List.of(d)).get(0).speaker).containsExactly(0, 2);
    Tokens officials = TaggedTokens.of("Transport/NN officials/NNS have/VBP also/RB said/VBN the/DT lane/NN stays/VBZ ./.");
    Draft o = reading(null, new int[] {4, 5}, new int[] {5, 8});
    assertThat(DraftPasses.subjectsAsSpeakers(officials, List.of(o)).get(0).speaker).containsExactly(0, 2);
  }

  @Test
  void itBeforeACueIsNoSpeaker() {
    Tokens t = TaggedTokens.of("It/PRP said/VBD the/DT lane/NN stays/VBZ ./.");
    Draft d = reading(null, new int[] {1, 2}, new int[] {2, 5});
    assertThat(DraftPasses.subjectsAsSpeakers(t, List.of(d)).get(0).speaker).isNull();
  }

  @Test
  void reportedSpeechStartsAfterThePrepositionItsCueTakes() {
    Tokens t = TaggedTokens.of("She/PRP commented/VBD on/IN the/DT new/JJ lane/NN ./.");
    Draft d = reading(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 6});
    DraftPasses.withoutLeadingPreposition(t, List.of(d));
    assertThat(d.content.get(0)).containsExactly(3, 6);
    Tokens to = TaggedTokens.of("She/PRP objected/VBD to/TO the/DT new/JJ lane/NN ./.");
    Draft kept = reading(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 6});
    DraftPasses.withoutLeadingPreposition(to, List.of(kept));
    assertThat(kept.content.get(0)).containsExactly(2, 6);
    // "For now, she said, the lane stays": the words before a parenthetical cue keep their preposition.
    Tokens before = TaggedTokens.of("For/IN now/RB ,/, she/PRP said/VBD ,/, the/DT lane/NN stays/VBZ ./.");
    Draft widened = new Draft("indirect", new ArrayList<>(List.of(new int[] {0, 2}, new int[] {6, 9})), new int[] {4, 5}, new int[] {3, 4});
    DraftPasses.withoutLeadingPreposition(before, List.of(widened));
    assertThat(widened.content.get(0)).containsExactly(0, 2);
  }
}
