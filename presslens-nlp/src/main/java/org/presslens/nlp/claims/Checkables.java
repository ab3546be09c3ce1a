package org.presslens.nlp.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.presslens.core.Claim.Checkable;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.core.Span;
import org.presslens.core.Token;

/**
 * What a checker would verify in a claim, as typed sub-spans: the values the entity stage found
 * (with the change and preposition that give them their meaning: "rise by £1,400", "by 2007"),
 * named events ("the Iraq War", "the Affordable Care Act") and comparisons ("more than any other
 * state", "the highest rate").
 */
final class Checkables {
  private static final Set<String> VALUE_TYPES = Set.of("NUMBER", "MONEY", "PERCENT", "DATE");
  private static final Set<String> LEADING_PREPOSITIONS =
      Set.of("by", "in", "on", "to", "from", "since", "until", "before", "after", "over", "under", "than",
          "about", "nearly", "almost", "around", "only", "just", "at", "of");
  /** Words of change and amount, which a value's meaning hangs on ("rise by £1,400"). */
  private static final Set<String> CHANGE =
      Set.of(
          "increase", "increased", "increases", "rise", "rose", "risen", "rising", "rises", "grow", "grew", "grown",
          "fall", "fell", "fallen", "drop", "dropped", "cut", "cuts", "double", "doubled", "triple",
          "tripled", "reduce", "reduced", "raise", "raised", "lose", "lost", "gain", "gained", "created",
          "spent", "spend", "cost", "costs", "paid", "voted", "passed", "signed", "killed", "died");
  private static final Set<String> EVENT_HEADS =
      Set.of("war", "act", "election", "elections", "summit", "olympics", "games", "cup", "crisis",
          "referendum", "treaty", "accord", "agreement", "bill", "attack", "attacks", "recession",
          "depression", "revolution", "convention", "primary", "championship");

  private Checkables() {}

  static List<Checkable> in(Document doc, Span claim) {
    List<Token> tokens = doc.tokens();
    List<Checkable> out = new ArrayList<>();
    for (Entity e : doc.entities()) {
      if (!VALUE_TYPES.contains(e.type())) {
        continue;
      }
      for (Mention m : e.mentions()) {
        if (claim.contains(m.span())) {
          out.add(new Checkable(e.type(), widened(doc, m.span(), claim)));
        }
      }
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!claim.contains(t.span())) {
        continue;
      }
      String w = t.word().toLowerCase(java.util.Locale.ROOT);
      if (t.pos().startsWith("NNP") && EVENT_HEADS.contains(w)) {
        int start = i;
        while (start - 1 >= 0 && tokens.get(start - 1).pos().startsWith("NNP") && claim.contains(tokens.get(start - 1).span())) {
          start--;
        }
        if (start < i) {
          out.add(new Checkable("EVENT", mention(doc, tokens.get(start).span().start(), t.span().end())));
        }
      } else if ((t.pos().equals("JJR") || t.pos().equals("RBR") || w.equals("more") || w.equals("less")
              || w.equals("fewer")) && i + 1 < tokens.size()) {
        int end = i + 1;
        int limit = Math.min(tokens.size(), i + 8);
        while (end < limit && claim.contains(tokens.get(end).span()) && !",.;:".contains(tokens.get(end).word())) {
          if (tokens.get(end).word().equals("than")) {
            end = Math.min(limit, end + 4);
            while (end > i + 1 && !claim.contains(tokens.get(end - 1).span())) {
              end--;
            }
            break;
          }
          end++;
        }
        if (containsThan(tokens, i, end)) {
          out.add(new Checkable("COMPARISON", mention(doc, t.span().start(), trimEnd(tokens, i, end))));
        }
      } else if (t.pos().equals("JJS") && i + 1 < tokens.size() && tokens.get(i + 1).pos().startsWith("NN")
          && claim.contains(tokens.get(i + 1).span())) {
        int start = i > 0 && tokens.get(i - 1).word().equalsIgnoreCase("the") ? i - 1 : i;
        out.add(new Checkable("COMPARISON", mention(doc, tokens.get(start).span().start(), tokens.get(i + 1).span().end())));
      }
    }
    out.sort((a, b) -> a.mention().compareTo(b.mention()));
    return out;
  }

  /** A value with the preposition and the word of change before it: "rise by £1,400". */
  private static Mention widened(Document doc, Span value, Span claim) {
    List<Token> tokens = doc.tokens();
    int first = 0;
    while (first < tokens.size() && tokens.get(first).span().end() <= value.start()) {
      first++;
    }
    int start = value.start();
    int k = first - 1;
    if (k >= 0 && claim.contains(tokens.get(k).span())
        && LEADING_PREPOSITIONS.contains(tokens.get(k).word().toLowerCase(java.util.Locale.ROOT))) {
      start = tokens.get(k).span().start();
      k--;
      if (k >= 0 && claim.contains(tokens.get(k).span())
          && CHANGE.contains(tokens.get(k).word().toLowerCase(java.util.Locale.ROOT))) {
        start = tokens.get(k).span().start();
      }
    }
    return mention(doc, start, value.end());
  }

  private static boolean containsThan(List<Token> tokens, int from, int to) {
    for (int k = from; k < to; k++) {
      if (tokens.get(k).word().equals("than")) {
        return true;
      }
    }
    return false;
  }

  private static int trimEnd(List<Token> tokens, int from, int to) {
    int end = to;
    while (end - 1 > from && !tokens.get(end - 1).word().codePoints().anyMatch(Character::isLetterOrDigit)) {
      end--;
    }
    return tokens.get(end - 1).span().end();
  }

  private static Mention mention(Document doc, int start, int end) {
    Span span = new Span(start, end);
    return new Mention(span, doc.text().slice(span));
  }
}
