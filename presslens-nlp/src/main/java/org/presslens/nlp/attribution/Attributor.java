package org.presslens.nlp.attribution;

import java.util.Comparator;
import java.util.List;
import org.presslens.nlp.attribution.Quotations.Quotation;

/**
 * Finds the attributions of one document by rules over tokens and part-of-speech tags, in three
 * passes, each in a class of its own:
 *
 * <ol>
 *   <li>{@link DirectQuotes#besideTheirCues}: quotations with a cue beside them: "“…,” she said",
 *       "“…,” said Ms Hewitt, “…”", "He said: “…”", "“…” -Name";
 *   <li>{@link ReportedSpeech#read}: reported speech, sentence by sentence: "X said (that) …",
 *       "…, X said", "according to X", "X wants to …", "X's claim that …", "it was reported by X
 *       that …";
 *   <li>{@link DirectQuotes#standAlone}: quotations standing alone after the sentence or paragraph
 *       that names the speaker.
 * </ol>
 *
 * A token belongs to at most one attribution, as in PolNeAR: once taken, a cue inside content is
 * not read again ({@link RuleReading} holds what is taken and the grammar the passes share).
 * Quotations that no pass attributes (titles, scare quotes, nicknames) are left out.
 */
final class Attributor {

  /** One attribution, in token indices; ranges are {@code [from, to)}. */
  static final class Draft {
    final List<int[]> content;
    final int[] cue;
    final int[] speaker;
    String kind;

    Draft(String kind, List<int[]> content, int[] cue, int[] speaker) {
      this.kind = kind;
      this.content = content;
      this.cue = cue;
      this.speaker = speaker;
    }

    int start() {
      return content.get(0)[0];
    }

    int end() {
      return content.get(content.size() - 1)[1];
    }
  }

  private Attributor() {}

  /** The attributions of a document with these quotations ({@link Quotations#find}), in text order. */
  static List<Draft> find(Tokens tokens, CueLexicon lexicon, List<Quotation> quotations) {
    RuleReading reading = new RuleReading(tokens, lexicon, quotations);
    DirectQuotes direct = new DirectQuotes(reading);
    List<Quotation> unattributed = direct.besideTheirCues(quotations);
    new ReportedSpeech(reading).read();
    reading.drafts.sort(Comparator.comparingInt(Draft::start));
    direct.standAlone(unattributed);
    reading.drafts.sort(Comparator.comparingInt(Draft::start));
    return reading.drafts;
  }
}
