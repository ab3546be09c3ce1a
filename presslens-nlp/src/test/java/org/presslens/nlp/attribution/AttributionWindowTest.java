package org.presslens.nlp.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.core.Text;
import org.presslens.core.Token;

/** The tokens read around a cue: its sentence and the next on each side, at most a bounded reach. */
class AttributionWindowTest {
  /** Whitespace tokens; a token ending in "." ends its sentence. */
  private static Tokens tokens(String s) {
    Text text = new Text(s);
    List<Token> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(s);
    int sentence = 0;
    while (m.find()) {
      out.add(new Token(text.spanOfChars(m.start(), m.end()), m.group(), "NN", "O", sentence));
      if (m.group().endsWith(".")) {
        sentence++;
      }
    }
    return new Tokens(text, out);
  }

  @Test
  void aNewsSentenceIsReadWithItsNeighbours() {
    AttributionFeatures f = new AttributionFeatures(tokens("Rain fell. The mayor said the port would shut. Ships left. Then calm."));
    int said = 4;
    assertThat(f.window(said, said + 1)).containsExactly(0, 11); // "Rain" … "left."
  }

  @Test
  void aSentenceOfTenThousandWordsIsReadInABoundedWindow() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      b.append(i == 5_000 ? "said " : "word ");
    }
    AttributionFeatures f = new AttributionFeatures(tokens(b.append("end.").toString()));
    assertThat(f.window(5_000, 5_001)).containsExactly(5_000 - AttributionFeatures.MAX_REACH, 5_001 + AttributionFeatures.MAX_REACH);
    assertThat(f.window(3, 4)).containsExactly(0, 4 + AttributionFeatures.MAX_REACH);
  }
}
