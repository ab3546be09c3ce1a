package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.presslens.nlp.attribution.CueLexicon.Kind;
import org.presslens.nlp.attribution.Quotations.Quotation;

/**
 * Finds the attributions of one document by rules over tokens and part-of-speech tags, in three
 * passes:
 *
 * <ol>
 *   <li>quotations with a cue beside them: "“…,” she said", "“…,” said Ms Hewitt, “…”",
 *       "He said: “…”";
 *   <li>reported speech, sentence by sentence: "X said (that) …", "…, X said", "according to X",
 *       "X wants to …", "X's claim that …", "it was reported by X that …";
 *   <li>quotations standing alone in a paragraph after one that names the speaker.
 * </ol>
 *
 * A token belongs to at most one attribution, as in PolNeAR: once taken, a cue inside content is
 * not read again. Quotations that no pass attributes (titles, scare quotes, nicknames) are left
 * out.
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

  /** Words that may stand between a subject and its verb: "has also said", "would not say". */
  private static final Set<String> BETWEEN_SUBJECT_AND_VERB =
      Set.of(
          "has", "have", "had", "will", "would", "did", "does", "do", "is", "was", "were", "are",
          "'s", "’s", "'ve", "’ve", "'d", "’d", "'ll", "’ll", "been", "also", "not", "n't", "n’t",
          "never", "then", "later", "once", "again", "can", "could", "may", "might", "should",
          "must", "shall");
  /** Prepositions allowed inside a speaker's noun phrase: "a spokesman for the ministry". */
  private static final Set<String> NP_PREPOSITIONS = Set.of("of", "for", "at", "from", "in", "with");
  private static final Set<String> BE = Set.of("is", "was", "were", "are", "been", "be", "being", "'s", "’s");
  /** Words after a comma that open the reporter's own comment on the content. */
  private static final Set<String> COMMENT_OPENERS =
      Set.of("which", "while", "whereas", "although", "though", "but", "after", "before", "as",
          "because", "despite", "even", "adding", "according");
  /** Labels that stand before a colon without being anybody: "Editor's Note: …". */
  private static final Set<String> NOT_SPEAKERS =
      Set.of("note", "update", "updated", "watch", "related", "read", "photo", "source", "sources",
          "credit", "correction", "editor", "video", "listen", "see", "more", "breaking", "exclusive",
          "analysis", "opinion", "live", "graphic", "map", "chart", "q", "a");
  /** Words that open a clause after a cue: "said if elected he would …". */
  private static final Set<String> SUBORDINATORS =
      Set.of("if", "when", "because", "although", "though", "while", "despite", "unless", "once", "whether");
  /** Pronouns that are never subjects. */
  private static final Set<String> OBJECT_PRONOUNS = Set.of("him", "them", "me", "us", "her", "whom");
  /** Time words that may sit between a cue and its content: "said Tuesday the plan …". */
  private static final Set<String> TIME_WORDS =
      Set.of(
          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
          "today", "tonight", "morning", "afternoon", "evening", "night", "earlier", "later", "recently");
  /** Dashes that credit a quotation: "“…” — Jane Doe". */
  private static final Set<String> DASHES = Set.of("-", "--", "–", "—", "―");
  private static final int MAX_NP = 14;
  private static final int MIN_CONTENT_WORDS = 2;

  private final Tokens t;
  private final CueLexicon lexicon;
  private final boolean[] taken;
  /** Tokens inside a quotation: a cue there belongs to the quoted speaker, not to the article. */
  private final boolean[] quoted;
  /** For a token inside a quotation's piece, one past that piece's closing mark; else 0. */
  private final int[] pieceEnd;
  private final List<Draft> drafts = new ArrayList<>();

  private Attributor(Tokens t, CueLexicon lexicon) {
    this.t = t;
    this.lexicon = lexicon;
    this.taken = new boolean[t.size()];
    this.quoted = new boolean[t.size()];
    this.pieceEnd = new int[t.size()];
  }

  /** The attributions of a document with these quotations ({@link Quotations#find}), in text order. */
  static List<Draft> find(Tokens tokens, CueLexicon lexicon, List<Quotation> quotations) {
    return new Attributor(tokens, lexicon).run(quotations);
  }

  private List<Draft> run(List<Quotation> quotations) {
    for (Quotation q : quotations) {
      boolean speechLike = q.words(t) >= 4;
      for (int[] p : q.pieces()) {
        java.util.Arrays.fill(pieceEnd, p[0], p[1], Math.min(t.size(), p[1] + 1));
        if (speechLike) {
          java.util.Arrays.fill(quoted, p[0], p[1], true);
        }
      }
    }
    List<Quotation> unattributed = new ArrayList<>();
    for (int i = 0; i < quotations.size(); i++) {
      Quotation q = quotations.get(i);
      if (taken[q.open() + 1 < t.size() ? q.open() + 1 : q.open()]) {
        continue;
      }
      Draft d = cueAfter(q);
      if (d == null) {
        d = cueBefore(q);
      }
      if (d != null) {
        // Quotations that follow with no cue of their own go on with this one:
        // "“We will win,” she said, “whatever it takes.”"
        int after = d.cue[0] > q.close() ? Math.max(d.cue[1], d.speaker[1]) : q.close() + 1;
        while (i + 1 < quotations.size() && continues(after, quotations.get(i + 1))) {
          Quotation next = quotations.get(++i);
          d.content.addAll(directPieces(next));
          after = next.close() + 1;
        }
        add(d);
      } else {
        unattributed.add(q);
      }
    }
    for (int s = 0; s < t.size(); s = t.sentenceEnd(s)) {
      reported(s, t.sentenceEnd(s));
    }
    drafts.sort(Comparator.comparingInt(Draft::start));
    for (Quotation q : unattributed) {
      if (!isTaken(q.open() + 1, q.close())) {
        standingAlone(q);
      }
    }
    drafts.sort(Comparator.comparingInt(Draft::start));
    return drafts;
  }

  // ---- pass 1: quotations with their cue beside them ----

  /**
   * "“…,” she said", "“…,” said the minister"; beside a quotation that closes on a comma, any
   * verb of saying, manner of speaking included: "“…,” grumbled Desmond Achterberg", "“…,” Ruth
   * Kamau sighed".
   */
  private Draft cueAfter(Quotation q) {
    Draft credited = dashCredit(q);
    if (credited != null) {
      return credited;
    }
    boolean handsOn = q.close() > q.open() + 1 && t.isPunct(q.close() - 1, ",?!");
    int i = q.close() + 1;
    int end = Math.min(t.size(), i + MAX_NP + 4);
    if (i < t.size() && t.isPunct(i, ",")) {
      i++;
    }
    if (i >= end || t.sentenceStart(i) != t.sentenceStart(q.close())) {
      return null;
    }
    int[] speaker;
    int cue;
    int[] np = nounPhraseFrom(i, end);
    if (np != null && (cue = skipToVerb(afterAppositive(np[1]), end + 30)) >= 0 && (isSpeechCue(cue) || handsOn && isSaying(cue))) {
      speaker = np;
    } else if ((cue = skipToVerb(i, end)) >= 0 && (isSpeechCue(cue) || handsOn && isSaying(cue)) && !t.pos(cue).equals("VBG")
        && (np = nounPhraseFrom(cue + 1, end)) != null) {
      speaker = np;
    } else {
      return null;
    }
    return new Draft("direct", directPieces(q), new int[] {cue, cue + 1}, speaker);
  }

  /**
   * Whether the verb at {@code k}, right beside a quotation that hands on with a comma, says how it
   * was spoken: a finite verb that is neither "to be" nor an auxiliary ("“…,” sighed Ruth Kamau",
   * "“…,” he fumed"). Only this position makes "sighed" a cue; elsewhere it is no speech.
   */
  private boolean isSaying(int k) {
    String pos = t.pos(k);
    return !taken[k] && (pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP"))
        && !BE.contains(t.lower(k)) && !BETWEEN_SUBJECT_AND_VERB.contains(t.lower(k));
  }

  /**
   * "“…” -Commissioner Rafael Quintero": a dash, then a name closing the paragraph, credits the
   * quotation before it (the dash is the cue).
   */
  private Draft dashCredit(Quotation q) {
    int dash = q.close() + 1;
    if (dash >= t.size() || !DASHES.contains(t.lower(dash)) || t.paragraph(dash) != t.paragraph(q.close())) {
      return null;
    }
    int end = dash + 1;
    while (end < t.size() && t.paragraph(end) == t.paragraph(dash)) {
      end++;
    }
    while (end > dash + 1 && !t.isWord(end - 1)) {
      end--;
    }
    if (end == dash + 1 || end - dash - 1 > MAX_NP) {
      return null;
    }
    boolean named = false;
    for (int k = dash + 1; k < end; k++) {
      if (t.pos(k).startsWith("VB") || t.pos(k).equals("MD")) {
        return null; // a clause, not a credit line
      }
      named |= t.pos(k).startsWith("NNP");
    }
    return named ? new Draft("direct", directPieces(q), new int[] {dash, dash + 1}, new int[] {dash + 1, end}) : null;
  }

  /** Past ", the party's candidate," after a name: where the verb may be. */
  private int afterAppositive(int i) {
    if (i < t.size() && t.isPunct(i, ",")) {
      for (int k = i + 1; k < t.size() && k < i + 30 && t.sentenceStart(k) == t.sentenceStart(i); k++) {
        if (t.isPunct(k, ",")) {
          return k + 1;
        }
        if (t.pos(k).equals("VBD") || t.pos(k).equals("VBZ") || t.pos(k).equals("VBP") || t.pos(k).equals("MD")) {
          return i; // a finite verb: this is a clause, not an appositive
        }
      }
    }
    return i;
  }

  /**
   * Whether {@code next} goes on with the quotation whose attribution ends at {@code after}:
   * nothing but punctuation and a short circumstance ("on Thursday during a speech in New
   * York.") lies between, and {@code next} has no cue of its own.
   */
  private boolean continues(int after, Quotation next) {
    if (next.open() < after || next.open() - after > 20 || t.paragraph(next.open()) != t.paragraph(after - 1)) {
      return false;
    }
    for (int k = after; k < next.open(); k++) {
      String pos = t.pos(k);
      if (t.isWord(k) && (pos.startsWith("VB") || pos.startsWith("PRP") || pos.equals("MD") || pos.startsWith("W"))) {
        return false;
      }
    }
    return cueAfter(next) == null;
  }

  /**
   * "He said: “…”", "She told reporters, “…”", "X said “…”", and any verb before a colon: "Trump
   * boomed: “…”". A quotation that the sentence goes on after ("said “the wind is at our backs”
   * despite …") is reported speech with a quoted fragment: pass 2 reads it.
   */
  private Draft cueBefore(Quotation q) {
    int j = q.open() - 1;
    boolean colon = j >= 0 && t.isPunct(j, ":");
    boolean introduced = false;
    while (j >= 0 && (t.isPunct(j, ",:") || t.is(j, "that"))) {
      j--;
      introduced = true;
    }
    if (j < 0 || !colon && sentenceGoesOn(q)) {
      return null;
    }
    // Without a colon, comma or "that" only a cue right before the mark introduces it
    // ("said on “Meet the Press”" is no quote of anybody).
    int floor = introduced ? Math.max(0, j - 6) : j;
    for (int cue = j; cue >= floor && cue >= t.sentenceStart(j); cue--) {
      if (taken[cue]) {
        return null;
      }
      boolean isCue = isSpeechCue(cue) || colon && t.pos(cue).startsWith("VB") && !BE.contains(t.lower(cue));
      if (isCue && cue == firstWord(t.sentenceStart(cue))) {
        // "Said Dorothy Poynter, who grew up with him, “…”", "Continued Stone: “…”"
        int[] speaker = nounPhraseFrom(cue + 1, j + 1);
        return speaker == null ? null : new Draft("direct", directPieces(q), new int[] {cue, cue + 1}, speaker);
      }
      if (isCue) {
        int[] speaker = t.pos(cue).equals("VBG") && cue > 0 && t.isPunct(cue - 1, ",")
            ? participleSubject(t.sentenceStart(cue), cue)
            : subjectOf(cue);
        if (speaker == null) {
          return null;
        }
        return new Draft("direct", directPieces(q), new int[] {cue, cue + 1}, speaker);
      }
      if (!introduced) {
        return null;
      }
      if (t.pos(cue).startsWith("VB") || t.isPunct(cue, ".;")) {
        return null;
      }
    }
    return null;
  }

  /** Whether words follow a quotation's closing mark in its sentence. */
  private boolean sentenceGoesOn(Quotation q) {
    int end = t.sentenceEnd(q.close());
    for (int k = q.close() + 1; k < end && t.paragraph(k) == t.paragraph(q.close()); k++) {
      if (t.isWord(k)) {
        return true;
      }
    }
    return false;
  }

  // ---- pass 2: reported speech ----

  private void reported(int s, int e) {
    Draft headline = nameColon(s, e);
    if (headline != null && !overlapsTaken(headline)) {
      headline.kind = kindOf(headline);
      add(headline);
    }
    for (int c = s; c < e; c++) {
      if (taken[c] || quoted[c]) {
        continue;
      }
      Draft d = null;
      Kind verb = t.pos(c).startsWith("VB") ? lexicon.verb(t.lower(c)) : null;
      if (t.is(c, "according") && t.is(c + 1, "to")) {
        d = accordingTo(c, s, e);
      } else if (verb != null) {
        d = verbCue(c, s, e, verb);
      } else if (t.pos(c).startsWith("NN") && lexicon.noun(t.lower(c)) && t.is(c + 1, "that")) {
        d = nounCue(c, e);
      }
      if (d != null && !overlapsTaken(d)) {
        d.kind = kindOf(d);
        add(d);
      }
    }
  }

  /** Headline style, a name and a colon: "Carson: Clinton ‘Not Fit to Serve’". */
  private Draft nameColon(int s, int e) {
    int c = s;
    while (c < e && c < s + 6 && t.pos(c).startsWith("NNP")) {
      c++;
    }
    if (c == s || c >= e || !t.isPunct(c, ":") || NOT_SPEAKERS.contains(t.lower(c - 1))
        || s > 0 && t.paragraph(s - 1) == t.paragraph(s)) {
      return null;
    }
    int[] content = trimmed(c + 1, e);
    return content == null || content[1] - content[0] < 3
        ? null
        : new Draft(null, new ArrayList<>(List.of(content)), new int[] {c, c + 1}, new int[] {s, c});
  }

  private Draft accordingTo(int c, int s, int e) {
    int[] speaker = nounPhraseFrom(c + 2, e);
    if (speaker == null) {
      return null;
    }
    int[] cue = {c, c + 2};
    if (firstWordAt(s, c)) {
      int k = speaker[1];
      while (k < e && !t.isPunct(k, ",")) {
        k++;
      }
      int[] content = trimmed(k + 1, e);
      return content == null ? null : new Draft(null, List.of(content), cue, speaker);
    }
    int[] content = trimmed(s, c);
    return content == null ? null : new Draft(null, List.of(content), cue, speaker);
  }

  private Draft verbCue(int c, int s, int e, Kind kind) {
    int[] cue = {c, c + 1};
    if (t.pos(c).equals("VBN") && c > s && BE.contains(t.lower(c - 1)) && t.is(c + 1, "by")) {
      // "it was reported by the agency that …"
      int[] speaker = nounPhraseFrom(c + 2, e);
      if (speaker == null) {
        return null;
      }
      int k = speaker[1];
      while (k < e && k < speaker[1] + 3 && !t.is(k, "that")) {
        k++;
      }
      int[] content = t.is(k, "that") ? trimmed(k, e) : null;
      return content == null ? null : new Draft(null, List.of(content), new int[] {c - 1, c + 1}, speaker);
    }
    int[] subject;
    if (t.pos(c).equals("VBG") && !(c > s && BE.contains(t.lower(c - 1)))) {
      // "…, saying that …": the participle shares the subject of the sentence.
      subject = c > s && t.isPunct(c - 1, ",") ? participleSubject(s, c) : null;
    } else {
      subject = subjectOf(c);
    }
    int contentStart = subject == null ? -1 : contentAfter(c, e, kind);
    if (contentStart >= 0) {
      int end = contentEnd(c, contentStart, e, kind);
      if (end == e && pieceEnd[e - 1] > e) {
        // A quotation that opens in the content and runs past the sentence is content to its end.
        end = pieceEnd[e - 1];
      }
      int[] content = trimmed(contentStart, end);
      if (content != null && !(kind == Kind.OBJECT && isNaming(content))) {
        return new Draft(null, List.of(content), cue, subject);
      }
    }
    if (kind != Kind.SPEECH || !endsClause(c + 1, e)) {
      return null;
    }
    // "…, the minister said." and "…, said the minister."
    if (subject != null && subject[0] > s && separates(subject[0] - 1)) {
      int[] content = trimmed(s, subject[0] - 1);
      return content == null ? null : new Draft(null, List.of(content), cue, subject);
    }
    if (c > s && separates(c - 1)) {
      int[] speaker = nounPhraseFrom(c + 1, e);
      int[] content = trimmed(s, c - 1);
      return speaker == null || content == null ? null : new Draft(null, List.of(content), cue, speaker);
    }
    return null;
  }

  /**
   * Whether judged content is only a name given to something: "call him “the Hammer”", "dubbed
   * it “Obamacare”". Such quotation marks hold a nickname, not anybody's words.
   */
  private boolean isNaming(int[] content) {
    int unquoted = 0;
    boolean inside = false;
    boolean anyQuote = false;
    for (int k = content[0]; k < content[1]; k++) {
      if (t.mark(k) != Quotations.Mark.NONE) {
        inside = !inside;
        anyQuote = true;
      } else if (!inside && t.isWord(k)) {
        unquoted++;
      }
    }
    return anyQuote && unquoted <= 1;
  }

  /** Who does "…, saying …": the latest speaker in the sentence, else its subject. */
  private int[] participleSubject(int s, int c) {
    int[] speaker = lastSpeakerBetween(s, c);
    return speaker != null ? speaker : sentenceSubject(s, c);
  }

  /** The first word of the sentence starting at {@code s}. */
  private int firstWord(int s) {
    int k = s;
    while (k < t.size() && !t.isWord(k)) {
      k++;
    }
    return k;
  }

  /** The first noun phrase of the sentence when it names someone: a name or a pronoun. */
  private int[] sentenceSubject(int s, int before) {
    int[] np = nounPhraseFrom(firstWord(s), before);
    if (np == null) {
      return null;
    }
    String pos = t.pos(np[1] - 1);
    return pos.startsWith("NNP") || pos.equals("PRP") ? np : null;
  }

  /** The speaker of the latest attribution whose cue lies in {@code [s, c)}. */
  private int[] lastSpeakerBetween(int s, int c) {
    for (int i = drafts.size() - 1; i >= 0; i--) {
      Draft d = drafts.get(i);
      if (d.cue[0] >= s && d.cue[0] < c) {
        return d.speaker;
      }
    }
    return null;
  }

  /**
   * Where the content of {@code cue} that starts at {@code from} ends: at {@code e}, or before
   * what the reporter adds after it:
   *
   * <ul>
   *   <li>a second verb of the same speaker: "… and added that …", "… but did not say …";
   *   <li>a participle clause: "…, referring to the convention";
   *   <li>a comment joined by a comma: "…, which …", "…, while …", "…, but …";
   *   <li>for judging verbs, anything after the object: "praised the plan, …".
   * </ul>
   */
  private int contentEnd(int cue, int from, int e, Kind kind) {
    for (int k = from + 2; k < e; k++) {
      if (quoted[k]) {
        continue;
      }
      if (t.is(k, "and") || t.is(k, "but")) {
        int v = k + 1;
        while (v < e && (t.pos(v).startsWith("RB") || BETWEEN_SUBJECT_AND_VERB.contains(t.lower(v)))) {
          v++;
        }
        if (v < e && v > k + 1 && t.pos(v).equals("VBN") || v < e && t.pos(v).equals(t.pos(cue))) {
          return k;
        }
      }
      if (t.mark(k) != Quotations.Mark.NONE && t.isPunct(k - 1, ",") && k + 1 < e && t.pos(k + 1).equals("VBG")) {
        return k + 1; // "… “expanded the party,” claiming …"
      }
      boolean punctuation = t.isPunct(k, ",;") || t.is(k, "—") || t.is(k, "–") || t.is(k, "--");
      if (punctuation && (kind == Kind.OBJECT
          || k + 1 < e && (t.pos(k + 1).equals("VBG") || COMMENT_OPENERS.contains(t.lower(k + 1))))) {
        return k;
      }
    }
    return e;
  }

  /** "the minister's claim that …", "his warning that …". */
  private Draft nounCue(int c, int e) {
    int[] speaker;
    if (c > 0 && t.pos(c - 1).equals("PRP$")) {
      speaker = new int[] {c - 1, c};
    } else if (c > 1 && t.pos(c - 1).equals("POS")) {
      speaker = nounPhraseEndingAt(c - 2);
    } else {
      return null;
    }
    int[] content = speaker == null ? null : trimmed(c + 1, e);
    return content == null ? null : new Draft(null, List.of(content), new int[] {c, c + 1}, speaker);
  }

  /** Where the content after a cue begins, or -1 when the cue takes none here. */
  private int contentAfter(int c, int e, Kind kind) {
    int k = c + 1;
    if (k < e && (t.is(k, "out") || t.is(k, "up")) && t.pos(k).equals("RP")) {
      k++;
    }
    // "told reporters on Tuesday that …", "said in a statement: …"
    // "said Thursday during a town hall in Buffalo, New York, that …"
    for (int j = k; j < e && j <= k + 20; j++) {
      if (t.is(j, "that") || t.isPunct(j, ":")) {
        return t.is(j, "that") ? j : j + 1;
      }
      if (t.pos(j).startsWith("VB") || t.pos(j).equals("MD") || t.isPunct(j, ";.") || t.mark(j) != Quotations.Mark.NONE
          || j > k + 6 && !t.isPunct(j, ",") && !t.pos(j).startsWith("NN") && !t.pos(j).equals("IN") && !t.pos(j).equals("DT")
              && !t.pos(j).startsWith("JJ") && !t.pos(j).equals("CD")) {
        break;
      }
    }
    while (k < e - 1 && TIME_WORDS.contains(t.lower(k))) {
      k++;
    }
    if (k >= e) {
      return -1;
    }
    if (kind == Kind.INTENT && t.is(k, "to")) {
      return k;
    }
    if (kind == Kind.OBJECT) {
      if ((t.pos(k).equals("IN") || t.pos(k).equals("TO")) && !t.is(k, "that") && k + 1 < e) {
        k++; // "railed against the deal", "pointed to the figures"
      }
      return t.isWord(k) ? k : -1;
    }
    // A clause follows directly ("said the plan failed"), not a phrase ("said in a statement").
    String pos = t.pos(k);
    // "said about 1,400 workers …" is a clause; "said in a statement" is not.
    boolean preposition = pos.equals("IN") && !SUBORDINATORS.contains(t.lower(k))
        && !(k + 1 < e && t.pos(k + 1).equals("CD"));
    if (!t.isWord(k) && t.mark(k) == Quotations.Mark.NONE || preposition || pos.equals("TO") || pos.equals("CC")) {
      return -1;
    }
    int words = 0;
    for (int j = k; j < e && words < 3; j++) {
      if (t.isWord(j)) {
        words++;
      }
    }
    return words >= 3 ? k : -1;
  }

  // ---- pass 3: quotations standing alone ----

  /**
   * A quotation with no cue of its own takes the voice that introduces it:
   *
   * <ul>
   *   <li>a paragraph that is one quotation, after a paragraph whose attribution names the speaker;
   *   <li>a paragraph that is one quotation, after a paragraph that names somebody and ends on a
   *       colon: "And from board chair Mei-Lin Castellanos:" (the colon is the cue);
   *   <li>a sentence that is one quotation, after a sentence of the same paragraph whose
   *       attribution names the speaker: "Priya Ramaswamy said she was worried. “What that
   *       company did …”".
   * </ul>
   */
  private void standingAlone(Quotation q) {
    if (q.words(t) < 4 || wordsBeside(q)) {
      return;
    }
    int par = t.paragraph(q.open());
    boolean opensParagraph = q.open() == 0 || t.paragraph(q.open() - 1) != par;
    Draft previous = null;
    for (Draft d : drafts) {
      if (d.speaker != null && d.end() <= q.open() && t.paragraph(d.end() - 1) == (opensParagraph ? par - 1 : par)) {
        previous = d;
      }
    }
    if (previous != null) {
      // The speaker and cue are those that introduce this voice.
      add(new Draft("direct", directPieces(q), previous.cue, previous.speaker));
    } else if (opensParagraph && q.open() > 0 && t.isPunct(q.open() - 1, ":")) {
      int colon = q.open() - 1;
      int[] speaker = nounPhraseEndingAt(colon - 1);
      if (speaker != null && t.paragraph(colon) == par - 1 && names(speaker)) {
        add(new Draft("direct", directPieces(q), new int[] {colon, colon + 1}, speaker));
      }
    }
  }

  /** Whether words stand beside a quotation in its sentence: then it is no sentence of its own. */
  private boolean wordsBeside(Quotation q) {
    for (int k = t.sentenceStart(q.open()); k < q.open(); k++) {
      if (t.isWord(k)) {
        return true;
      }
    }
    for (int k = q.close() + 1; k < t.size() && t.sentenceStart(k) == t.sentenceStart(q.close()) && t.paragraph(k) == t.paragraph(q.close()); k++) {
      if (t.isWord(k)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a noun phrase holds a name. */
  private boolean names(int[] np) {
    for (int k = np[0]; k < np[1]; k++) {
      if (t.pos(k).startsWith("NNP")) {
        return true;
      }
    }
    return false;
  }

  // ---- noun phrases ----

  /** The subject of a verb: the noun phrase before it, past auxiliaries, adverbs, appositives. */
  private int[] subjectOf(int verb) {
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
  private int[] nounPhraseEndingAt(int j) {
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
  private int[] nounPhraseFrom(int i, int end) {
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

  private boolean isHead(int k) {
    String pos = t.pos(k);
    return pos.startsWith("NN") || pos.equals("PRP") || (pos.equals("CD") && t.isWord(k));
  }

  private boolean inNounPhrase(int k) {
    String pos = t.pos(k);
    return isHead(k)
        || pos.equals("DT") || pos.startsWith("JJ") || pos.equals("POS") || pos.equals("PRP$")
        || pos.equals("HYPH") || t.isPunct(k, "()-") || (pos.equals("VBN") && k + 1 < t.size() && isHead(k + 1));
  }

  // ---- helpers ----

  private boolean isSpeechCue(int k) {
    return k >= 0 && k < t.size() && !taken[k] && t.pos(k).startsWith("VB")
        && lexicon.verb(t.lower(k)) == Kind.SPEECH;
  }

  /** The first verb at or after {@code i} past auxiliaries and adverbs, or -1. */
  private int skipToVerb(int i, int end) {
    end = Math.min(end, t.size()); // callers may look past the last token
    int k = i;
    while (k < end && (BETWEEN_SUBJECT_AND_VERB.contains(t.lower(k)) && !lexiconVerb(k) || t.pos(k).startsWith("RB"))) {
      k++;
    }
    return k < end && t.pos(k).startsWith("VB") ? k : -1;
  }

  private boolean lexiconVerb(int k) {
    return lexicon.verb(t.lower(k)) != null;
  }

  /** Whether only punctuation, or a short phrase ("in a statement", "on Tuesday"), follows. */
  private boolean endsClause(int i, int e) {
    for (int k = i; k < e && k < i + 7; k++) {
      if (!t.isWord(k)) {
        return true;
      }
      if (t.pos(k).startsWith("VB") || t.is(k, "that")) {
        return false;
      }
    }
    return i >= e;
  }

  /** A comma or closing mark that separates content from "X said". */
  private boolean separates(int k) {
    return t.isPunct(k, ",") || t.mark(k) == Quotations.Mark.CLOSE || t.mark(k) == Quotations.Mark.STRAIGHT;
  }

  private boolean firstWordAt(int s, int c) {
    for (int k = s; k < c; k++) {
      if (t.isWord(k) && !t.pos(k).equals("CC")) {
        return false;
      }
    }
    return true;
  }

  /** {@code [from, to)} without leading commas and trailing sentence punctuation; null if short. */
  private int[] trimmed(int from, int to) {
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
  private List<int[]> directPieces(Quotation q) {
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

  private String kindOf(Draft d) {
    for (int[] p : d.content) {
      for (int k = p[0]; k < p[1]; k++) {
        if (t.mark(k) != Quotations.Mark.NONE) {
          return "mixed";
        }
      }
    }
    return "indirect";
  }

  private boolean isTaken(int from, int to) {
    for (int k = from; k < to && k < taken.length; k++) {
      if (taken[k]) {
        return true;
      }
    }
    return false;
  }

  private boolean overlapsTaken(Draft d) {
    for (int[] p : d.content) {
      if (isTaken(p[0], p[1])) {
        return true;
      }
    }
    return isTaken(d.cue[0], d.cue[1]) || (d.speaker != null && isTaken(d.speaker[0], d.speaker[1]));
  }

  private void add(Draft d) {
    for (int[] p : d.content) {
      mark(p[0], p[1]);
    }
    mark(d.cue[0], d.cue[1]);
    if (d.speaker != null) {
      mark(d.speaker[0], d.speaker[1]);
    }
    drafts.add(d);
  }

  private void mark(int from, int to) {
    for (int k = from; k < to; k++) {
      taken[k] = true;
    }
  }
}
