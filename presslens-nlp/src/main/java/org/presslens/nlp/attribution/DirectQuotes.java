package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.presslens.nlp.attribution.Attributor.Draft;
import org.presslens.nlp.attribution.Quotations.Quotation;

/**
 * The rules' passes over quotation marks: a quotation with its cue beside it ("“…,” she said",
 * "“…,” said Ms Hewitt, “…”", "He said: “…”", "“…” -Name"), then, after {@link ReportedSpeech},
 * a quotation standing alone after the sentence or paragraph that names its speaker.
 */
final class DirectQuotes {
  /** Dashes that credit a quotation: "“…” — Jane Doe". */
  private static final Set<String> DASHES = Set.of("-", "--", "–", "—", "―");

  private final RuleReading r;
  private final Tokens t;
  private final boolean[] taken;
  private final List<Draft> drafts;

  DirectQuotes(RuleReading r) {
    this.r = r;
    this.t = r.t;
    this.taken = r.taken;
    this.drafts = r.drafts;
  }

  /**
   * Pass 1: attributes each quotation with a cue beside it (and the quotations that go on with
   * it); returns those left without one, for {@link #standAlone}.
   */
  List<Quotation> besideTheirCues(List<Quotation> quotations) {
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
          d.content.addAll(r.directPieces(next));
          after = next.close() + 1;
        }
        r.add(d);
      } else {
        unattributed.add(q);
      }
    }
    return unattributed;
  }

  /** Pass 3: the quotations pass 1 left, where no later pass took their words either. */
  void standAlone(List<Quotation> unattributed) {
    for (Quotation q : unattributed) {
      if (!r.isTaken(q.open() + 1, q.close())) {
        standingAlone(q);
      }
    }
  }


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
    int end = Math.min(t.size(), i + RuleReading.MAX_NP + 4);
    if (i < t.size() && t.isPunct(i, ",")) {
      i++;
    }
    if (i >= end || t.sentenceStart(i) != t.sentenceStart(q.close())) {
      return null;
    }
    int[] speaker;
    int cue;
    int[] np = r.nounPhraseFrom(i, end);
    if (np != null && (cue = r.skipToVerb(afterAppositive(np[1]), end + 30)) >= 0 && (r.isSpeechCue(cue) || handsOn && isSaying(cue))) {
      speaker = np;
    } else if ((cue = r.skipToVerb(i, end)) >= 0 && (r.isSpeechCue(cue) || handsOn && isSaying(cue)) && !t.pos(cue).equals("VBG")
        && (np = r.nounPhraseFrom(cue + 1, end)) != null) {
      speaker = np;
    } else {
      return null;
    }
    return new Draft("direct", r.directPieces(q), new int[] {cue, cue + 1}, speaker);
  }

  /**
   * Whether the verb at {@code k}, right beside a quotation that hands on with a comma, says how it
   * was spoken: a finite verb that is neither "to be" nor an auxiliary ("“…,” sighed Ruth Kamau",
   * "“…,” he fumed"). Only this position makes "sighed" a cue; elsewhere it is no speech.
   */
  private boolean isSaying(int k) {
    String pos = t.pos(k);
    return !taken[k] && (pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP"))
        && !RuleReading.BE.contains(t.lower(k)) && !RuleReading.BETWEEN_SUBJECT_AND_VERB.contains(t.lower(k));
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
    if (end == dash + 1 || end - dash - 1 > RuleReading.MAX_NP) {
      return null;
    }
    boolean named = false;
    for (int k = dash + 1; k < end; k++) {
      if (t.pos(k).startsWith("VB") || t.pos(k).equals("MD")) {
        return null; // a clause, not a credit line
      }
      named |= t.pos(k).startsWith("NNP");
    }
    return named ? new Draft("direct", r.directPieces(q), new int[] {dash, dash + 1}, new int[] {dash + 1, end}) : null;
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
      boolean isCue = r.isSpeechCue(cue) || colon && t.pos(cue).startsWith("VB") && !RuleReading.BE.contains(t.lower(cue));
      if (isCue && cue == r.firstWord(t.sentenceStart(cue))) {
        // "Said Dorothy Poynter, who grew up with him, “…”", "Continued Stone: “…”"
        int[] speaker = r.nounPhraseFrom(cue + 1, j + 1);
        return speaker == null ? null : new Draft("direct", r.directPieces(q), new int[] {cue, cue + 1}, speaker);
      }
      if (isCue) {
        int[] speaker = t.pos(cue).equals("VBG") && cue > 0 && t.isPunct(cue - 1, ",")
            ? r.participleSubject(t.sentenceStart(cue), cue)
            : r.subjectOf(cue);
        if (speaker == null) {
          return null;
        }
        return new Draft("direct", r.directPieces(q), new int[] {cue, cue + 1}, speaker);
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
      r.add(new Draft("direct", r.directPieces(q), previous.cue, previous.speaker));
    } else if (opensParagraph && q.open() > 0 && t.isPunct(q.open() - 1, ":")) {
      int colon = q.open() - 1;
      int[] speaker = r.nounPhraseEndingAt(colon - 1);
      if (speaker != null && t.paragraph(colon) == par - 1 && r.names(speaker)) {
        r.add(new Draft("direct", r.directPieces(q), new int[] {colon, colon + 1}, speaker));
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
}
