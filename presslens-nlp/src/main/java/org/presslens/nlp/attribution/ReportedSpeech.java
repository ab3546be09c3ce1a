package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.presslens.nlp.attribution.Attributor.Draft;
import org.presslens.nlp.attribution.CueLexicon.Kind;

/**
 * The rules' pass over reported speech, sentence by sentence: "X said (that) …", "…, X said",
 * "according to X", "X wants to …", "X's claim that …", "it was reported by X that …", and the
 * headline's "Name: …".
 */
final class ReportedSpeech {
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
  /** Time words that may sit between a cue and its content: "said Tuesday the plan …". */
  private static final Set<String> TIME_WORDS =
      Set.of(
          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
          "today", "tonight", "morning", "afternoon", "evening", "night", "earlier", "later", "recently");

  private final RuleReading r;
  private final Tokens t;
  private final boolean[] taken;
  private final boolean[] quoted;
  private final int[] pieceEnd;
  private final CueLexicon lexicon;

  ReportedSpeech(RuleReading r) {
    this.r = r;
    this.t = r.t;
    this.taken = r.taken;
    this.quoted = r.quoted;
    this.pieceEnd = r.pieceEnd;
    this.lexicon = r.lexicon;
  }

  /** Pass 2: reported speech, sentence by sentence. */
  void read() {
    for (int s = 0; s < t.size(); s = t.sentenceEnd(s)) {
      reported(s, t.sentenceEnd(s));
    }
  }


  private void reported(int s, int e) {
    Draft headline = nameColon(s, e);
    if (headline != null && !r.overlapsTaken(headline)) {
      headline.kind = r.kindOf(headline);
      r.add(headline);
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
      if (d != null && !r.overlapsTaken(d)) {
        d.kind = r.kindOf(d);
        r.add(d);
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
    int[] content = r.trimmed(c + 1, e);
    return content == null || content[1] - content[0] < 3
        ? null
        : new Draft(null, new ArrayList<>(List.of(content)), new int[] {c, c + 1}, new int[] {s, c});
  }

  private Draft accordingTo(int c, int s, int e) {
    int[] speaker = r.nounPhraseFrom(c + 2, e);
    if (speaker == null) {
      return null;
    }
    int[] cue = {c, c + 2};
    if (firstWordAt(s, c)) {
      int k = speaker[1];
      while (k < e && !t.isPunct(k, ",")) {
        k++;
      }
      int[] content = r.trimmed(k + 1, e);
      return content == null ? null : new Draft(null, List.of(content), cue, speaker);
    }
    int[] content = r.trimmed(s, c);
    return content == null ? null : new Draft(null, List.of(content), cue, speaker);
  }

  private Draft verbCue(int c, int s, int e, Kind kind) {
    int[] cue = {c, c + 1};
    if (t.pos(c).equals("VBN") && c > s && RuleReading.BE.contains(t.lower(c - 1)) && t.is(c + 1, "by")) {
      // "it was reported by the agency that …"
      int[] speaker = r.nounPhraseFrom(c + 2, e);
      if (speaker == null) {
        return null;
      }
      int k = speaker[1];
      while (k < e && k < speaker[1] + 3 && !t.is(k, "that")) {
        k++;
      }
      int[] content = t.is(k, "that") ? r.trimmed(k, e) : null;
      return content == null ? null : new Draft(null, List.of(content), new int[] {c - 1, c + 1}, speaker);
    }
    int[] subject;
    if (t.pos(c).equals("VBG") && !(c > s && RuleReading.BE.contains(t.lower(c - 1)))) {
      // "…, saying that …": the participle shares the subject of the sentence.
      subject = c > s && t.isPunct(c - 1, ",") ? r.participleSubject(s, c) : null;
    } else {
      subject = r.subjectOf(c);
    }
    int contentStart = subject == null ? -1 : contentAfter(c, e, kind);
    if (contentStart >= 0) {
      int end = contentEnd(c, contentStart, e, kind);
      if (end == e && pieceEnd[e - 1] > e) {
        // A quotation that opens in the content and runs past the sentence is content to its end.
        end = pieceEnd[e - 1];
      }
      int[] content = r.trimmed(contentStart, end);
      if (content != null && !(kind == Kind.OBJECT && isNaming(content))) {
        return new Draft(null, List.of(content), cue, subject);
      }
    }
    if (kind != Kind.SPEECH || !endsClause(c + 1, e)) {
      return null;
    }
    // "…, the minister said." and "…, said the minister."
    if (subject != null && subject[0] > s && separates(subject[0] - 1)) {
      int[] content = r.trimmed(s, subject[0] - 1);
      return content == null ? null : new Draft(null, List.of(content), cue, subject);
    }
    if (c > s && separates(c - 1)) {
      int[] speaker = r.nounPhraseFrom(c + 1, e);
      int[] content = r.trimmed(s, c - 1);
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
        while (v < e && (t.pos(v).startsWith("RB") || RuleReading.BETWEEN_SUBJECT_AND_VERB.contains(t.lower(v)))) {
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
      speaker = r.nounPhraseEndingAt(c - 2);
    } else {
      return null;
    }
    int[] content = speaker == null ? null : r.trimmed(c + 1, e);
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
}
