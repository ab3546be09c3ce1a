package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.presslens.nlp.attribution.Attributor.Draft;
import org.presslens.nlp.attribution.CueLexicon.Kind;
import org.presslens.nlp.attribution.Quotations.Quotation;

/**
 * What the rule passes of {@link Attributor} share: the tokens read so far (taken by a draft,
 * inside a quotation), the drafts found, and the grammar they all lean on: noun phrases, the
 * subject of a verb, the speaker of an earlier draft, and content trimmed to its words.
 */
final class RuleReading {
  /** Words that may stand between a subject and its verb: "has also said", "would not say". */
  static final Set<String> BETWEEN_SUBJECT_AND_VERB =
      Set.of(
          "has", "have", "had", "will", "would", "did", "does", "do", "is", "was", "were", "are",
          "'s", "’s", "'ve", "’ve", "'d", "’d", "'ll", "’ll", "been", "also", "not", "n't", "n’t",
          "never", "then", "later", "once", "again", "can", "could", "may", "might", "should",
          "must", "shall");
  /** Prepositions allowed inside a speaker's noun phrase: "a spokesman for the ministry". */
  static final Set<String> NP_PREPOSITIONS = Set.of("of", "for", "at", "from", "in", "with");
  static final Set<String> BE = Set.of("is", "was", "were", "are", "been", "be", "being", "'s", "’s");
  /** Pronouns that are never subjects. */
  static final Set<String> OBJECT_PRONOUNS = Set.of("him", "them", "me", "us", "her", "whom");
  static final int MAX_NP = 14;
  static final int MIN_CONTENT_WORDS = 2;

  final Tokens t;
  final CueLexicon lexicon;
  /** Tokens some draft holds already: a token belongs to at most one attribution, as in PolNeAR. */
  final boolean[] taken;
  /** Tokens inside a quotation: a cue there belongs to the quoted speaker, not to the article. */
  final boolean[] quoted;
  /** For a token inside a quotation's piece, one past that piece's closing mark; else 0. */
  final int[] pieceEnd;
  /** The drafts so far, in the order the passes found them. */
  final List<Draft> drafts = new ArrayList<>();

  RuleReading(Tokens t, CueLexicon lexicon, List<Quotation> quotations) {
    this.t = t;
    this.lexicon = lexicon;
    this.taken = new boolean[t.size()];
    this.quoted = new boolean[t.size()];
    this.pieceEnd = new int[t.size()];
    for (Quotation q : quotations) {
      boolean speechLike = q.words(t) >= 4;
      for (int[] p : q.pieces()) {
        java.util.Arrays.fill(pieceEnd, p[0], p[1], Math.min(t.size(), p[1] + 1));
        if (speechLike) {
          java.util.Arrays.fill(quoted, p[0], p[1], true);
        }
      }
    }
  }

  /** Who does "…, saying …": the latest speaker in the sentence, else its subject. */
  int[] participleSubject(int s, int c) {
    int[] speaker = lastSpeakerBetween(s, c);
    return speaker != null ? speaker : sentenceSubject(s, c);
  }

  /** The first word of the sentence starting at {@code s}. */
  int firstWord(int s) {
    int k = s;
    while (k < t.size() && !t.isWord(k)) {
      k++;
    }
    return k;
  }

  /** The first noun phrase of the sentence when it names someone: a name or a pronoun. */
  int[] sentenceSubject(int s, int before) {
    int[] np = nounPhraseFrom(firstWord(s), before);
    if (np == null) {
      return null;
    }
    String pos = t.pos(np[1] - 1);
    return pos.startsWith("NNP") || pos.equals("PRP") ? np : null;
  }

  /** The speaker of the latest attribution whose cue lies in {@code [s, c)}. */
  int[] lastSpeakerBetween(int s, int c) {
    for (int i = drafts.size() - 1; i >= 0; i--) {
      Draft d = drafts.get(i);
      if (d.cue[0] >= s && d.cue[0] < c) {
        return d.speaker;
      }
    }
    return null;
  }

  /** Whether a noun phrase holds a name. */
  boolean names(int[] np) {
    for (int k = np[0]; k < np[1]; k++) {
      if (t.pos(k).startsWith("NNP")) {
        return true;
      }
    }
    return false;
  }


  /** The subject of a verb: the noun phrase before it, past auxiliaries, adverbs, appositives. */
  int[] subjectOf(int verb) {
    int j = verb - 1;
    int floor = t.sentenceStart(verb);
    while (j >= floor && (BETWEEN_SUBJECT_AND_VERB.contains(t.lower(j)) || t.pos(j).startsWith("RB"))) {
      j--;
    }
    if (j >= floor && t.isPunct(j, ")")) {
      // "Sen. Jane Doe (D-Ill.) said"
      int k = j - 1;
      while (k > floor && k > j - 8 && !t.isPunct(k, "(")) {
        k--;
      }
      if (t.isPunct(k, "(")) {
        j = k - 1;
      }
    }
    if (j < floor) {
      return null;
    }
    if (t.isPunct(j, ",")) {
      // "Jane Doe, a spokeswoman for the ministry, said", "Doe, who …, said"
      for (int k = j - 1; k >= floor && k >= j - 20; k--) {
        if (t.isPunct(k, ",")) {
          if (t.is(k + 1, "who")) {
            return nounPhraseEndingAt(k - 1);
          }
          int[] before = nounPhraseEndingAt(k - 1);
          return before != null ? before : nounPhraseEndingAt(j - 1);
        }
      }
      return null;
    }
    if (t.pos(j).equals("WP")) {
      return new int[] {j, j + 1};
    }
    if ((t.is(j, "and") || t.is(j, "but")) && j > floor) {
      // "She thanked the staff and said …", "He survived five years in prison and says …"
      return participleSubject(floor, j);
    }
    return nounPhraseEndingAt(j);
  }

  /** The noun phrase whose last token is {@code j}, or null when {@code j} ends none. */
  int[] nounPhraseEndingAt(int j) {
    if (j < 0 || taken[j] || !isHead(j) || OBJECT_PRONOUNS.contains(t.lower(j)) && t.pos(j).equals("PRP")) {
      return null;
    }
    if (t.pos(j).equals("PRP")) {
      return new int[] {j, j + 1};
    }
    int floor = Math.max(t.sentenceStart(j), j - MAX_NP + 1);
    int start = j;
    while (start - 1 >= floor && !taken[start - 1]) {
      int k = start - 1;
      if (t.pos(k).equals("PRP")) {
        break;
      }
      if (inNounPhrase(k)) {
        start = k;
      } else if (NP_PREPOSITIONS.contains(t.lower(k)) && k - 1 >= floor && isHead(k - 1)) {
        start = k;
      } else {
        break;
      }
    }
    return new int[] {start, j + 1};
  }

  /** The noun phrase that starts at {@code i}, up to a comma, verb or {@code end}. */
  int[] nounPhraseFrom(int i, int end) {
    int k = i;
    int lastHead = -1;
    while (k < end && k < i + MAX_NP && !taken[k]) {
      if (isHead(k)) {
        lastHead = k;
      } else if (!inNounPhrase(k) && !(NP_PREPOSITIONS.contains(t.lower(k)) && lastHead == k - 1)) {
        break;
      }
      k++;
    }
    return lastHead < 0 ? null : new int[] {i, lastHead + 1};
  }

  boolean isHead(int k) {
    String pos = t.pos(k);
    return pos.startsWith("NN") || pos.equals("PRP") || (pos.equals("CD") && t.isWord(k));
  }

  boolean inNounPhrase(int k) {
    String pos = t.pos(k);
    return isHead(k)
        || pos.equals("DT") || pos.startsWith("JJ") || pos.equals("POS") || pos.equals("PRP$")
        || pos.equals("HYPH") || t.isPunct(k, "()-") || (pos.equals("VBN") && k + 1 < t.size() && isHead(k + 1));
  }


  boolean isSpeechCue(int k) {
    return k >= 0 && k < t.size() && !taken[k] && t.pos(k).startsWith("VB")
        && lexicon.verb(t.lower(k)) == Kind.SPEECH;
  }

  /** The first verb at or after {@code i} past auxiliaries and adverbs, or -1. */
  int skipToVerb(int i, int end) {
    end = Math.min(end, t.size()); // callers may look past the last token
    int k = i;
    while (k < end && (BETWEEN_SUBJECT_AND_VERB.contains(t.lower(k)) && !lexiconVerb(k) || t.pos(k).startsWith("RB"))) {
      k++;
    }
    return k < end && t.pos(k).startsWith("VB") ? k : -1;
  }

  boolean lexiconVerb(int k) {
    return lexicon.verb(t.lower(k)) != null;
  }

  /** {@code [from, to)} without leading commas and trailing sentence punctuation; null if short. */
  int[] trimmed(int from, int to) {
    while (from < to && t.isPunct(from, ",;:")) {
      from++;
    }
    while (to > from && t.isPunct(to - 1, ".,;:!?")) {
      to--;
    }
    int words = 0;
    for (int k = from; k < to; k++) {
      if (t.isWord(k)) {
        words++;
      }
    }
    return words < MIN_CONTENT_WORDS ? null : new int[] {from, to};
  }

  /** The inside of a quotation's marks, without a trailing comma ("“We will win,” she said"). */
  List<int[]> directPieces(Quotation q) {
    List<int[]> pieces = new ArrayList<>();
    for (int[] p : q.pieces()) {
      int to = p[1];
      while (to > p[0] && t.isPunct(to - 1, ",")) {
        to--;
      }
      if (to > p[0]) {
        pieces.add(new int[] {p[0], to});
      }
    }
    return pieces;
  }

  String kindOf(Draft d) {
    for (int[] p : d.content) {
      for (int k = p[0]; k < p[1]; k++) {
        if (t.mark(k) != Quotations.Mark.NONE) {
          return "mixed";
        }
      }
    }
    return "indirect";
  }

  boolean isTaken(int from, int to) {
    for (int k = from; k < to && k < taken.length; k++) {
      if (taken[k]) {
        return true;
      }
    }
    return false;
  }

  boolean overlapsTaken(Draft d) {
    for (int[] p : d.content) {
      if (isTaken(p[0], p[1])) {
        return true;
      }
    }
    return isTaken(d.cue[0], d.cue[1]) || (d.speaker != null && isTaken(d.speaker[0], d.speaker[1]));
  }

  void add(Draft d) {
    for (int[] p : d.content) {
      mark(p[0], p[1]);
    }
    mark(d.cue[0], d.cue[1]);
    if (d.speaker != null) {
      mark(d.speaker[0], d.speaker[1]);
    }
    drafts.add(d);
  }

  void mark(int from, int to) {
    for (int k = from; k < to; k++) {
      taken[k] = true;
    }
  }
}
