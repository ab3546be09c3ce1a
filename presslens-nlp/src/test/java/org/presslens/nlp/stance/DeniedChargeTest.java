package org.presslens.nlp.stance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.core.Span;
import org.presslens.core.Token;

class DeniedChargeTest {
  /** Tokens of "word/POS" pairs separated by spaces. */
  private static List<Token> tokens(String tagged) {
    List<Token> out = new ArrayList<>();
    int at = 0;
    for (String pair : tagged.split(" ")) {
      String word = pair.substring(0, pair.lastIndexOf('/'));
      out.add(new Token(new Span(at, at + word.length()), word, pair.substring(pair.lastIndexOf('/') + 1), "O", 0));
      at += word.length() + 1;
    }
    return out;
  }

  private static boolean denied(String tagged, int targetWords) {
    return DeniedCharge.of(tokens(tagged), targetWords);
  }

  @Test
  void theSubjectOfAPassiveThatAnAdverbDeniesWasWronged() {
    assertThat(denied("The/DT Alliance/NNP was/VBD wrongly/RB branded/VBN a/DT terrorist/JJ group/NN", 2)).isTrue();
    assertThat(denied("He/PRP has/VBZ been/VBN falsely/RB accused/VBN", 1)).isTrue();
    assertThat(denied("The/DT officers/NNS were/VBD also/RB unfairly/RB dismissed/VBN", 2)).isTrue();
  }

  @Test
  void anAgentOrAChargeNobodyDeniesIsNot() {
    assertThat(denied("Spicer/NNP falsely/RB claimed/VBD that/IN gas/NN was/VBD never/RB used/VBN", 1)).isFalse();
    assertThat(denied("The/DT Alliance/NNP was/VBD branded/VBN a/DT terrorist/JJ group/NN", 2)).isFalse();
    assertThat(denied("The/DT Alliance/NNP was/VBD rightly/RB branded/VBN a/DT terrorist/JJ group/NN", 2)).isFalse();
    assertThat(denied("The/DT Alliance/NNP was/VBD wrongly/RB", 2)).isFalse();
  }
}
