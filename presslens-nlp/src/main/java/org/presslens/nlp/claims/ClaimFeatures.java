package org.presslens.nlp.claims;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.core.Span;
import org.presslens.core.Token;

/**
 * The features of one sentence that say whether it states something checkable: its words and
 * word pairs (digits folded to 0), tags, the types of values and names in it, and a few classes
 * of words that mark facts (change, comparison, records) or their absence (opinion, prediction,
 * questions). The learner weighs them; nothing here decides.
 */
final class ClaimFeatures {
  /** Words of change and amount, here and in {@link Checkables}. */
  static final Set<String> CHANGE =
      Set.of(
          "increase", "increased", "increases", "rise", "rose", "risen", "rising", "rises", "grow", "grew", "grown",
          "fall", "fell", "fallen", "drop", "dropped", "cut", "cuts", "double", "doubled", "triple",
          "tripled", "reduce", "reduced", "raise", "raised", "lose", "lost", "gain", "gained", "created",
          "spent", "spend", "cost", "costs", "paid", "voted", "passed", "signed", "killed", "died");
  private static final Set<String> SUPERLATIVE =
      Set.of("most", "least", "record", "first", "largest", "highest", "lowest", "biggest", "only", "ever");
  private static final Set<String> OPINION =
      Set.of("think", "believe", "feel", "hope", "should", "must", "ought", "wish", "want", "love", "proud");
  private static final Set<String> FIRST_PERSON = Set.of("i", "we", "my", "our", "me", "us");
  private static final Set<String> MODAL_FUTURE = Set.of("will", "would", "'ll", "’ll", "going", "gonna");

  private ClaimFeatures() {}

  /** Feature names of the sentence covering tokens {@code [from, to)}. */
  static List<String> of(Document doc, int from, int to) {
    List<Token> tokens = doc.tokens();
    Set<String> f = new LinkedHashSet<>();
    String[] nameType = nameTypes(doc, from, to);
    String previous = "<s>";
    String previousPos = "<s>";
    int words = 0;
    boolean firstPerson = false;
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      // A name stands for its type: whether a sentence is checkable does not depend on whom
      // it names, and the debates of one year name other people than those of the next.
      String w = nameType[i - from] != null ? "<" + nameType[i - from] + ">" : normal(t.word());
      f.add("w=" + w);
      f.add("b=" + previous + "_" + w);
      f.add("p=" + t.pos());
      f.add("pp=" + previousPos + "_" + t.pos());
      if (t.pos().equals("CD")) {
        f.add("has:number");
      }
      if (t.pos().equals("JJR") || t.pos().equals("RBR") || w.equals("than")) {
        f.add("has:comparison");
      }
      if (t.pos().equals("JJS") || t.pos().equals("RBS") || SUPERLATIVE.contains(w)) {
        f.add("has:superlative");
      }
      if (CHANGE.contains(w)) {
        f.add("has:change");
      }
      if (OPINION.contains(w)) {
        f.add("has:opinion");
      }
      if (MODAL_FUTURE.contains(w)) {
        f.add("has:future");
      }
      if (FIRST_PERSON.contains(w)) {
        firstPerson = true;
      }
      if (w.matches("(1[89]|20)00")) {
        f.add("has:year");
      }
      if (t.word().codePoints().anyMatch(Character::isLetterOrDigit)) {
        words++;
      }
      previous = w;
      previousPos = t.pos();
    }
    f.add("b=" + previous + "_</s>");
    if (firstPerson) {
      f.add("has:first-person");
    }
    if (to > from && tokens.get(to - 1).word().equals("?")) {
      f.add("ends:question");
    }
    f.add("len=" + (words <= 5 ? "1-5" : words <= 10 ? "6-10" : words <= 20 ? "11-20" : words <= 40 ? "21-40" : "40+"));
    Span sentence = new Span(tokens.get(from).span().start(), tokens.get(to - 1).span().end());
    int names = 0;
    for (Entity e : doc.entities()) {
      for (Mention m : e.mentions()) {
        if (sentence.contains(m.span())) {
          f.add("e=" + e.type());
          names++;
        }
      }
    }
    f.add("names=" + Math.min(names, 4));
    return new ArrayList<>(f);
  }

  /** For each token of {@code [from, to)}, the type of the person, organisation or place it names. */
  private static String[] nameTypes(Document doc, int from, int to) {
    List<Token> tokens = doc.tokens();
    String[] types = new String[to - from];
    Span sentence = new Span(tokens.get(from).span().start(), tokens.get(to - 1).span().end());
    for (Entity e : doc.entities()) {
      if (!e.type().equals("PERSON") && !e.type().equals("ORGANIZATION") && !e.type().equals("LOCATION")) {
        continue;
      }
      for (Mention m : e.mentions()) {
        if (!sentence.overlaps(m.span())) {
          continue;
        }
        for (int i = from; i < to; i++) {
          if (m.span().contains(tokens.get(i).span())) {
            types[i - from] = e.type();
          }
        }
      }
    }
    return types;
  }

  /** Lower case, every digit folded to 0 so that "1,400" and "2,700" are one word. */
  static String normal(String word) {
    StringBuilder b = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      b.append(Character.isDigit(c) ? '0' : Character.toLowerCase(c));
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
