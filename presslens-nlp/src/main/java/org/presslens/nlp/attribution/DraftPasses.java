package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presslens.nlp.attribution.Attributor.Draft;

/**
 * The passes over the drafts once the taggers and the rules have read a document, each small and
 * named for what it fixes, run in this order by {@link #apply}:
 *
 * <ol>
 *   <li>{@link #dropNotSpeech}: "Arbor released the build", "Okafor presented the accounts",
 *       "Traders are angry about the lane", "experience shows that …" report no speech; "polls
 *       show …" does, a record being its source.
 *   <li>{@link #widenParenthetical}: "Five years ago, she said, the turbines offered a hedge": a
 *       cue set off by commas inside a sentence attributes the whole sentence.
 *   <li>{@link #startAtQuotations}: in "“…,” Carson told ABC by phone. “Please show me…”" the
 *       second piece starts at its quotation mark, not after "told".
 *   <li>{@link #titlesWithTheirNames}: a piece opening on "Trump's instincts" after "Mr." takes
 *       the title.
 *   <li>{@link #subjectsAsSpeakers}: a reading with a cue and no speaker takes the subject right
 *       before its cue: "Mr. Rubio said Monday that …".
 *   <li>{@link #withoutLeadingPreposition}: "commented on the plan" reports "the plan".
 *   <li>{@link #closeQuotations}: "“No one controls the vote. What those of us … saw.”" is
 *       quoted to its closing mark, not to the end of its first sentence.
 *   <li>{@link #trimSpeakers}: "Last week Priya Ramaswamy" is Priya Ramaswamy; "Arbor today" is
 *       Arbor.
 * </ol>
 */
final class DraftPasses {
  private static final Map<String, List<String>> NOT_SPEECH = WordLists.read("not-speech.txt");
  private static final Set<String> NOT_SPEECH_WORDS = new HashSet<>();
  /** Words that report a belief or speech when a clause follows them: "worried that …", "recalled that …". */
  private static final Set<String> UNLESS_CLAUSE = new HashSet<>();

  /** What shows a finding when it is the speaker of a showing word: "polls", "the audit files". */
  private static final Set<String> RECORDS = Set.copyOf(NOT_SPEECH.get("records"));
  private static final Set<String> SHOWING = Set.copyOf(NOT_SPEECH.get("showing"));

  static {
    NOT_SPEECH.forEach((section, words) -> {
      if (!section.equals("records")) {
        NOT_SPEECH_WORDS.addAll(words);
      }
    });
    for (String section : List.of("feeling", "recalling", "observing", "deciding")) {
      UNLESS_CLAUSE.addAll(NOT_SPEECH.get(section));
    }
  }

  /** Words a cue may hold beside its verb without saying anything: "has offered", "angry about". */
  private static final Set<String> EMPTY_IN_CUE = Set.of("has", "have", "had", "is", "are", "was", "were", "be", "been", "being",
      "will", "would", "also", "not", "about", "at", "with", "by", "over", "to", "remain", "remains", "remained", "seem", "seems",
      "seemed", "became", "become", "becomes", "grew", "got", "very", "so", "deeply");
  /** Time words that open or close a speaker phrase without being the speaker. */
  private static final Set<String> TIME_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "yesterday", "today", "tonight", "now", "then", "earlier", "later", "recently", "meanwhile");
  private static final Set<String> TIME_NOUNS = Set.of("week", "month", "year", "night", "morning", "afternoon", "evening",
      "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "spring", "summer", "autumn", "fall",
      "winter");
  private static final Set<String> TIME_OPENERS = Set.of("last", "next", "this", "earlier", "later", "on", "in", "early", "late");
  private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been");

  private DraftPasses() {}

  /** The drafts after every pass, in text order, over the document's tokens and quotations that {@code f} holds. */
  static List<Draft> apply(AttributionFeatures f, List<Draft> drafts) {
    Tokens t = f.tokens();
    // The passes move content edges in place; the drafts given may be cached readings that a
    // threshold search decodes again, so they work on copies.
    List<Draft> copies = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      copies.add(new Draft(d.kind, new ArrayList<>(d.content.stream().map(int[]::clone).toList()), d.cue, d.speaker));
    }
    List<Draft> kept = dropNotSpeech(t, copies);
    kept = widenParenthetical(t, kept);
    kept = startAtQuotations(t, f.quotations(), kept);
    kept = titlesWithTheirNames(t, kept);
    kept = subjectsAsSpeakers(t, kept);
    kept = withoutLeadingPreposition(t, kept);
    kept = closeQuotations(t, f.quotations(), kept);
    kept.sort(java.util.Comparator.comparingInt(Draft::start));
    return trimSpeakers(t, kept);
  }

  /**
   * Drops the readings whose cue holds nothing but the words of {@code not-speech.txt} (and
   * auxiliaries), unless their content is quoted: perceiving, releasing, presenting, offering,
   * showing; and feeling, recalling, observing or deciding unless a clause follows ("worried that
   * …", "recalled that he had …" report a belief or speech and stay). Showing stays when a record
   * or measure shows ("polls show Clinton with a lead": a finding, with its source).
   */
  static List<Draft> dropNotSpeech(Tokens t, List<Draft> drafts) {
    List<Draft> kept = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      if (d.cue == null || !d.kind.equals("indirect") || !saysNothing(t, d.cue)
          || holdsAny(t, d.cue, UNLESS_CLAUSE) && isClause(t, d.content) || showsARecord(t, d)) {
        kept.add(d);
      }
    }
    return kept;
  }

  /** Whether content reads as a clause: it opens with "that" or holds a finite verb. */
  private static boolean isClause(Tokens t, List<int[]> content) {
    for (int[] p : content) {
      for (int k = p[0]; k < p[1]; k++) {
        String pos = t.pos(k);
        if (t.is(k, "that") && k == p[0] || pos.equals("VBD") || pos.equals("VBZ") || pos.equals("VBP") || pos.equals("MD")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean saysNothing(Tokens t, int[] cue) {
    boolean any = false;
    for (int k = cue[0]; k < cue[1]; k++) {
      String w = t.lower(k);
      if (NOT_SPEECH_WORDS.contains(w)) {
        any = true;
      } else if (EMPTY_IN_CUE.contains(w) || TIME_WORDS.contains(w) || !t.isWord(k)) {
        continue; // "has offered", "today released"
      } else if (!any || !t.pos(k).matches("NNS?")) {
        return false; // a common noun after the verb is its object, swallowed into the cue: "approved plans"
      }
    }
    return any;
  }

  /** Whether a record or measure is the speaker of a showing cue: "Polls show …", "An analysis by Politifact showed …". */
  private static boolean showsARecord(Tokens t, Draft d) {
    return d.speaker != null && holdsAny(t, d.cue, SHOWING) && holdsAny(t, d.speaker, RECORDS);
  }

  private static boolean holdsAny(Tokens t, int[] range, Set<String> words) {
    for (int k = range[0]; k < range[1]; k++) {
      if (words.contains(t.lower(k))) {
        return true;
      }
    }
    return false;
  }


  /**
   * A content piece whose first word is inside a quotation and that ends before its closing mark (in the same
   * paragraph) runs on to that mark: a quotation of several sentences is one piece, where the role
   * head, reading farther and farther from the cue, often stops at the first sentence's end. Never
   * over another reading's cue, speaker or content, or its own.
   */
  static List<Draft> closeQuotations(Tokens t, List<Quotations.Quotation> quotations, List<Draft> drafts) {
    java.util.BitSet taken = new java.util.BitSet(t.size());
    for (Draft d : drafts) {
      d.content.forEach(p -> taken.set(p[0], p[1]));
      for (int[] r : new int[][] {d.cue, d.speaker}) {
        if (r != null) {
          taken.set(r[0], r[1]);
        }
      }
    }
    for (Draft d : drafts) {
      for (int[] p : d.content) {
        int first = p[0];
        while (first < p[1] && !t.isWord(first)) {
          first++; // a piece may open on the marks before the quotation: ". “No one …"
        }
        for (Quotations.Quotation q : quotations) {
          for (int[] inside : q.pieces()) {
            if (inside[0] <= first && first < inside[1] && p[1] < inside[1]) {
              int end = inside[1];
              while (end > p[1] && t.isPunct(end - 1, ",;:")) {
                end--;
              }
              int next = taken.nextSetBit(p[1]);
              if (end > p[1] && (next < 0 || next >= end)) {
                taken.set(p[1], end);
                p[0] = first;
                p[1] = end;
              }
            }
          }
        }
      }
    }
    return drafts;
  }

  /**
   * A content piece that opens on plain words ending a sentence, then a quotation, starts at the
   * quotation: in "“…,” Carson told ABC’s George Stephanopoulos by phone. “Please show me…”" the
   * words before the second quotation finish the cue's sentence (its listener, a time, a place),
   * and the quoted speech goes on after them. Pieces whose first word is quoted are left alone.
   */
  static List<Draft> startAtQuotations(Tokens t, List<Quotations.Quotation> quotations, List<Draft> drafts) {
    for (Draft d : drafts) {
      for (int[] p : d.content) {
        int[] words = words(t, p[0], p[1]);
        if (words == null || quoted(quotations, words[0])) {
          continue;
        }
        int first = words[0];
        // Only the first quotation after the piece's start: a quoted fragment before it ("was
        // “dead on arrival”") makes the piece mixed speech, to be kept whole.
        Quotations.Quotation next = quotations.stream().filter(q -> q.open() > first).findFirst().orElse(null);
        // The words dropped finish one sentence, the cue's: no reported sentence is lost with them.
        if (next != null && next.open() < p[1] && endsSentence(t, first, next.open())
            && t.sentenceEnd(first) >= next.open() - 1) {
          int inside = next.open() + 1;
          while (inside < p[1] && !t.isWord(inside)) {
            inside++;
          }
          if (inside < p[1]) {
            p[0] = inside;
          }
        }
      }
    }
    return drafts;
  }

  /**
   * A content piece that opens on a name keeps the title written before it: "Mr. Trump's
   * pugilistic instincts", never "Trump's …" with "Mr." left outside.
   */
  static List<Draft> titlesWithTheirNames(Tokens t, List<Draft> drafts) {
    for (Draft d : drafts) {
      for (int[] p : d.content) {
        while (p[0] > 0 && MissedSpeakers.isTitle(t.lower(p[0] - 1)) && t.pos(p[0]).startsWith("NNP") && !within(d.cue, p[0] - 1)
            && !within(d.speaker, p[0] - 1)) {
          p[0]--;
        }
      }
    }
    return drafts;
  }

  /**
   * A reading with a cue but no speaker takes the noun phrase or pronoun (not "it") right before its cue
   * as the speaker ("Mr. Rubio said Monday that …", "she told reporters …"): the subject of the
   * verb of saying, with only adverbs and auxiliaries between.
   */
  static List<Draft> subjectsAsSpeakers(Tokens t, List<Draft> drafts) {
    List<Draft> out = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      out.add(d.speaker != null || d.cue == null ? d : withSpeaker(d, subjectBefore(t, d)));
    }
    return out;
  }

  private static Draft withSpeaker(Draft d, int[] speaker) {
    return speaker == null ? d : new Draft(d.kind, d.content, d.cue, speaker);
  }

  private static int[] subjectBefore(Tokens t, Draft d) {
    int k = d.cue[0] - 1;
    while (k >= t.sentenceStart(d.cue[0]) && (t.pos(k).startsWith("RB") || t.pos(k).equals("MD") || BE.contains(t.lower(k))
        || t.is(k, "has") || t.is(k, "have") || t.is(k, "had"))) {
      k--;
    }
    if (k < t.sentenceStart(d.cue[0]) || inContent(d, k)) {
      return null;
    }
    if (t.pos(k).equals("PRP") && !t.is(k, "it")) {
      return new int[] {k, k + 1};
    }
    if (!t.pos(k).startsWith("NN")) {
      return null;
    }
    int from = k;
    while (from - 1 >= t.sentenceStart(d.cue[0]) && (t.pos(from - 1).startsWith("NN") || t.pos(from - 1).equals("JJ")
        || t.pos(from - 1).equals("DT") || MissedSpeakers.isTitle(t.lower(from - 1))) && !inContent(d, from - 1)) {
      from--;
    }
    return new int[] {from, k + 1};
  }

  private static boolean inContent(Draft d, int i) {
    return d.content.stream().anyMatch(p -> within(p, i));
  }

  /**
   * Reported speech that opens, after its cue, on the preposition the cue takes ("commented on", "warned of",
   * "argued for", "disagreed with", "clashed over") starts after it: what was said is about the
   * thing named, as PolNeAR marks it. "about" and "to" are left alone: PolNeAR keeps them about as
   * often as not.
   */
  static List<Draft> withoutLeadingPreposition(Tokens t, List<Draft> drafts) {
    for (Draft d : drafts) {
      if (!d.kind.equals("indirect")) {
        continue;
      }
      int[] p = d.content.get(0);
      if (d.cue != null && p[0] >= d.cue[1] && p[1] - p[0] > 1 && CUE_PREPOSITIONS.contains(t.lower(p[0]))) {
        p[0]++;
      }
    }
    return drafts;
  }

  private static final Set<String> CUE_PREPOSITIONS = Set.of("on", "of", "for", "with", "over");

  private static boolean within(int[] range, int i) {
    return range != null && range[0] <= i && i < range[1];
  }

  private static boolean quoted(List<Quotations.Quotation> quotations, int i) {
    return quotations.stream().anyMatch(q -> q.pieces().stream().anyMatch(inside -> within(inside, i)));
  }

  /** Whether the tokens {@code [from, mark)} end with a sentence's final stop, right before the mark. */
  private static boolean endsSentence(Tokens t, int from, int mark) {
    int k = mark - 1;
    while (k > from && (t.mark(k) != Quotations.Mark.NONE || t.isPunct(k, "'‘’)"))) {
      k--;
    }
    return k > from && t.isPunct(k, ".!?");
  }

  /**
   * A cue and its speaker set off by commas inside a sentence ("…, she said, …") attribute the
   * whole sentence: the content is the words before and after them. Readings whose cue lies in
   * that content ("the turbines offered") are the speaker's words, not attributions of their own.
   */
  static List<Draft> widenParenthetical(Tokens t, List<Draft> drafts) {
    List<Draft> out = new ArrayList<>(drafts);
    for (Draft d : drafts) {
      if (d.cue == null || d.speaker == null || !out.contains(d)) {
        continue;
      }
      int from = Math.min(d.cue[0], d.speaker[0]);
      int to = Math.max(d.cue[1], d.speaker[1]);
      if (from < 1 || to >= t.size() || !t.isPunct(from - 1, ",") || !t.isPunct(to, ",")) {
        continue;
      }
      int start = t.sentenceStart(from);
      int end = t.sentenceEnd(from);
      int[] before = words(t, start, from - 1);
      int[] after = words(t, to + 1, end);
      if (before == null || after == null || hasQuoteMark(t, start, end)) {
        continue; // quoted speech has its own readings, by the quotation rules
      }
      Draft whole = new Draft("indirect", new ArrayList<>(List.of(before, after)), d.cue, d.speaker);
      out.removeIf(o -> o.cue != null && o.cue[0] >= start && o.cue[1] <= end);
      out.add(whole);
    }
    return out;
  }

  /** {@code [from, to)} without punctuation at either end, or null when no word is left. */
  private static int[] words(Tokens t, int from, int to) {
    while (from < to && !t.isWord(from)) {
      from++;
    }
    while (to > from && !t.isWord(to - 1)) {
      to--;
    }
    return from < to ? new int[] {from, to} : null;
  }

  /**
   * Whether a straight or curly double mark stands in {@code [from, to)}. The doubled apostrophes
   * of some newspapers' text ({@code ''}) are left out on purpose: counting them, the held-out
   * PolNeAR articles' exact content fell from 0.5255 to 0.5247 (docs/ATTRIBUTION.md).
   */
  private static boolean hasQuoteMark(Tokens t, int from, int to) {
    for (int k = from; k < to; k++) {
      if (t.isPunct(k, "\"“”")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Takes time phrases off a speaker's edges ("Last week Priya Ramaswamy", "On Monday the
   * minister", "Arbor today") and a verb "to be" off its end ("Traders on Mill Road are").
   */
  static List<Draft> trimSpeakers(Tokens t, List<Draft> drafts) {
    List<Draft> out = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      out.add(d.speaker == null ? d : new Draft(d.kind, d.content, d.cue, trimmed(t, d.speaker)));
    }
    return out;
  }

  private static int[] trimmed(Tokens t, int[] speaker) {
    int from = speaker[0];
    int to = speaker[1];
    boolean moved = true;
    while (moved && from < to - 1) {
      moved = false;
      if (TIME_WORDS.contains(t.lower(from)) || t.isPunct(from, ",")) {
        from++;
        moved = true;
      } else if (TIME_OPENERS.contains(t.lower(from)) && from + 1 < to - 1 && TIME_NOUNS.contains(t.lower(from + 1))) {
        from += 2;
        moved = true;
      }
    }
    while (to - 1 > from && (TIME_WORDS.contains(t.lower(to - 1)) || BE.contains(t.lower(to - 1)) || t.isPunct(to - 1, ","))) {
      to--;
    }
    return from == speaker[0] && to == speaker[1] ? speaker : new int[] {from, to};
  }
}
