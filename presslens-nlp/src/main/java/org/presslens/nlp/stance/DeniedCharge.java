package org.presslens.nlp.stance;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.presslens.core.Token;

/**
 * A target that its sentence says was wronged: the subject of a passive verb that an adverb of
 * denial modifies ("the Alliance was wrongly branded a terrorist organisation", "the officers
 * were unfairly dismissed", "he has been falsely accused"). Whatever the verb charges the target
 * with, the sentence denies it, so the reading cannot be negative; the stance model reads the
 * charge's words and not the adverb that denies them (issue 16's sentence). In NewsMTSC the
 * targets of such sentences are labelled neutral or positive ("the ad unfairly uses Abbott's
 * disability against him": positive for Abbott); no sentence of rw-train or rw-dev has this
 * passive form, so the stance figures are unchanged by it.
 */
final class DeniedCharge {
  private static final Set<String> DENIAL = Set.of("wrongly", "wrongfully", "falsely", "unfairly", "unjustly", "mistakenly",
      "baselessly", "unjustifiably", "erroneously");
  private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "'s");

  private DeniedCharge() {}

  /**
   * Whether a mention whose tokens end before index {@code after} (as {@code Document.tokensOf}
   * gives them) is the subject of such a passive: followed by forms of "be" (and "has"/"have"), at
   * most one other adverb, an adverb of denial and a past participle.
   */
  static boolean of(List<Token> tokens, int after) {
    int i = after;
    int be = 0;
    while (i < tokens.size() && BE.contains(lower(tokens.get(i)))) {
      be++;
      i++;
    }
    if (be == 0) {
      return false;
    }
    if (i < tokens.size() && tokens.get(i).pos().startsWith("RB") && !DENIAL.contains(lower(tokens.get(i)))) {
      i++; // "was also wrongly …"
    }
    return i + 1 < tokens.size() && DENIAL.contains(lower(tokens.get(i))) && tokens.get(i + 1).pos().equals("VBN");
  }

  private static String lower(Token t) {
    return t.word().toLowerCase(Locale.ROOT);
  }
}
