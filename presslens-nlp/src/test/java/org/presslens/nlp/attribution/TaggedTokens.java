package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.List;
import org.presslens.core.Text;
import org.presslens.core.Token;

/** Tokens written as "word/TAG" pairs separated by spaces, one sentence: a pass's input without a pipeline. */
final class TaggedTokens {
  private TaggedTokens() {}

  static Tokens of(String s) {
    StringBuilder text = new StringBuilder();
    List<int[]> at = new ArrayList<>();
    List<String[]> parts = new ArrayList<>();
    for (String pair : s.split(" ")) {
      String[] p = pair.split("/");
      if (text.length() > 0) {
        text.append(' ');
      }
      at.add(new int[] {text.length(), text.length() + p[0].length()});
      text.append(p[0]);
      parts.add(p);
    }
    Text t = new Text(text.toString());
    List<Token> tokens = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      tokens.add(new Token(t.spanOfChars(at.get(i)[0], at.get(i)[1]), parts.get(i)[0], parts.get(i)[1], "O", 0));
    }
    return new Tokens(t, tokens);
  }
}
