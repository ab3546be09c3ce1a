package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.presslens.core.TokenVectors;
import org.presslens.nlp.attribution.Attributor.Draft;
import org.presslens.nlp.attribution.CueLexicon.Kind;
import org.presslens.nlp.attribution.Quotations.Quotation;

/**
 * What the attribution model sees: for each token, whether it is a cue; for each token near a
 * cue, how it stands to that cue (side, distance, what lies between, the rules' reading).
 *
 * <p>The rules' drafts are features, not answers: the model learns where to trust them.
 */
final class AttributionFeatures {
  /** Sentences read on each side of a cue's own; quotations crossing the edge are followed further. */
  private static final int SENTENCES_AROUND = 1;
  /** How far a quotation is followed past the window's sentences, in tokens. */
  private static final int QUOTATION_REACH = 150;
  /**
   * Tokens read on each side of a cue at most, whatever its sentences: a "sentence" of thousands
   * of words (a list or a table flattened into text) is read in a window, so that each cue costs
   * a bounded time and an article's cost stays linear in its length. News sentences are far
   * shorter; on PolNeAR the cap changes no figure (docs/ATTRIBUTION.md).
   */
  static final int MAX_REACH = 250;
  private static final String CLAUSE_PUNCTUATION = ",;:—–-(";
  private final Tokens t;
  private final List<Quotation> quotations;
  /** Index into {@link #quotations} of the quotation holding each token (marks included), or -1. */
  private final int[] quotation;
  /** The rule draft whose cue holds each token, or -1. */
  private final int[] ruleCue;
  /** For each token, 'c' when in some rule draft's content, 's' in its speaker, else 0. */
  private final char[] ruleRole;
  private final List<Draft> rules;
  private final String[] lex;
  /** The encoder's token vectors, which fine-tuned heads read; null where none were computed. */
  private final TokenVectors vectors;

  /** The features of a document; the rules read it here, on the same quotations. */
  AttributionFeatures(Tokens t) {
    this(t, null);
  }

  /** As {@link #AttributionFeatures(Tokens)}, with the encoder's vectors of the same tokens for heads that read them. */
  AttributionFeatures(Tokens t, TokenVectors vectors) {
    this.t = t;
    this.vectors = vectors;
    int n = t.size();
    quotations = Quotations.find(t);
    rules = Attributor.find(t, CueLexicon.STANDARD, quotations);
    quotation = new int[n];
    Arrays.fill(quotation, -1);
    for (int q = 0; q < quotations.size(); q++) {
      Quotation quote = quotations.get(q);
      for (int i = quote.open(); i <= quote.close() && i < n; i++) {
        quotation[i] = q;
      }
    }
    ruleCue = new int[n];
    Arrays.fill(ruleCue, -1);
    ruleRole = new char[n];
    for (int d = 0; d < rules.size(); d++) {
      Draft r = rules.get(d);
      Arrays.fill(ruleCue, r.cue[0], r.cue[1], d);
      for (int[] p : r.content) {
        Arrays.fill(ruleRole, p[0], p[1], 'c');
      }
      if (r.speaker != null) {
        Arrays.fill(ruleRole, r.speaker[0], r.speaker[1], 's');
      }
    }
    lex = new String[n];
    for (int i = 0; i < n; i++) {
      Kind verb = CueLexicon.STANDARD.verb(t.lower(i));
      lex[i] = verb != null ? verb.name() : CueLexicon.STANDARD.noun(t.lower(i)) ? "NOUN" : "-";
    }
  }

  Tokens tokens() {
    return t;
  }

  /** The rules' reading of the document. */
  List<Draft> rules() {
    return rules;
  }

  /** Whether token i lies inside a pair of quotation marks (or is one). */
  boolean quoted(int i) {
    return quotation[i] >= 0;
  }

  /** Token i's vector: what a fine-tuned cue head reads. */
  float[] cueInputs(int i) {
    return vectors().vector(i);
  }

  /** The mean vector of the tokens {@code [from, to)}: a cue, as a fine-tuned role head reads it. */
  float[] meanVector(int from, int to) {
    return vectors().mean(from, to);
  }

  /**
   * What a fine-tuned role head reads of token i beside a cue: its vector, the cue's mean vector
   * ({@link #meanVector}) and their product, one after the other ({@code training/finetune.py}).
   */
  float[] roleInputs(int i, float[] cue) {
    float[] v = vectors().vector(i);
    int d = v.length;
    float[] out = new float[3 * d];
    System.arraycopy(v, 0, out, 0, d);
    System.arraycopy(cue, 0, out, d, d);
    for (int k = 0; k < d; k++) {
      out[2 * d + k] = v[k] * cue[k];
    }
    return out;
  }

  private TokenVectors vectors() {
    if (vectors == null) {
      throw new IllegalStateException("this attribution model reads the encoder's vectors: run the vectors stage first");
    }
    return vectors;
  }

  /** Whether token i is read as a possible cue: a word, or a colon ("Trump: …"). */
  boolean cueCandidate(int i) {
    return t.isWord(i) || t.isPunct(i, ":");
  }

  /** Whether tokens i and j lie in the same quotation. */
  boolean sameQuotation(int i, int j) {
    return quotation[i] >= 0 && quotation[i] == quotation[j];
  }

  /** Features of token i as a possible cue word. */
  List<String> cue(int i) {
    List<String> f = new ArrayList<>(32);
    String w = t.lower(i);
    String p = t.pos(i);
    f.add("w=" + w);
    f.add("p=" + p);
    f.add("lex=" + lex[i]);
    f.add("lex|p=" + lex[i] + "|" + p);
    f.add("w-1=" + word(i - 1));
    f.add("w+1=" + word(i + 1));
    f.add("w-1|w=" + word(i - 1) + "|" + w);
    f.add("w|w+1=" + w + "|" + word(i + 1));
    f.add("p-1=" + pos(i - 1));
    f.add("p+1=" + pos(i + 1));
    f.add("p-2|p-1=" + pos(i - 2) + "|" + pos(i - 1));
    f.add("p+1|p+2=" + pos(i + 1) + "|" + pos(i + 2));
    f.add("lex|p-1=" + lex[i] + "|" + pos(i - 1));
    f.add("lex|p+1=" + lex[i] + "|" + pos(i + 1));
    f.add("lex-1=" + (i > 0 ? lex[i - 1] : "^"));
    f.add("lex+1=" + (i + 1 < t.size() ? lex[i + 1] : "$"));
    if (w.length() > 3) {
      f.add("suf3=" + w.substring(w.length() - 3));
    }
    f.add("stem=" + stem(w));
    f.add("stem|p+1=" + stem(w) + "|" + pos(i + 1));
    f.add("w|w+2=" + w + "|" + word(i + 2));
    for (int k = i - 1; k >= Math.max(t.sentenceStart(i), i - 3); k--) {
      if (t.pos(k).startsWith("NNP") || t.pos(k).equals("PRP")) {
        f.add("subject=" + t.pos(k) + "|" + lex[i]);
        break;
      }
    }
    f.add("q=" + quoted(i) + "|" + lex[i]);
    f.add("rule=" + (ruleCue[i] >= 0) + "|" + lex[i]);
    f.add("ruleRole=" + (ruleRole[i] == 0 ? '-' : ruleRole[i]));
    int start = t.sentenceStart(i);
    int end = t.sentenceEnd(i);
    f.add("at=" + bucket(i - start) + "|" + bucket(end - 1 - i));
    for (int k = i + 1; k < Math.min(end, i + 4); k++) {
      if (t.is(k, "that") || t.isPunct(k, ":") || t.mark(k) != Quotations.Mark.NONE) {
        f.add("soon=" + (t.mark(k) != Quotations.Mark.NONE ? "mark" : t.lower(k)) + "|" + lex[i]);
      }
    }
    for (int k = i - 1; k >= Math.max(start, i - 4); k--) {
      if (t.isPunct(k, ",") || t.mark(k) != Quotations.Mark.NONE) {
        f.add("after=" + (t.mark(k) != Quotations.Mark.NONE ? "mark" : ",") + "|" + lex[i]);
      }
    }
    if (!"O".equals(t.token(i).ner())) {
      f.add("ner=" + t.token(i).ner());
    }
    return f;
  }

  /** The tokens {@code [from, to)} read for the content and source of the cue {@code [cs, ce)}. */
  int[] window(int cs, int ce) {
    int from = t.sentenceStart(cs);
    int to = t.sentenceEnd(ce - 1);
    for (int s = 0; s < SENTENCES_AROUND; s++) {
      from = from > 0 ? t.sentenceStart(from - 1) : from;
      to = to < t.size() ? t.sentenceEnd(to) : to;
    }
    for (Quotation q : quotations) {
      if (q.open() < from && q.close() >= from) {
        from = Math.max(q.open(), cs - QUOTATION_REACH);
      }
      if (q.open() < to && q.close() >= to) {
        to = Math.min(q.close() + 1, ce + QUOTATION_REACH);
      }
    }
    return new int[] {Math.max(from, cs - MAX_REACH), Math.min(to, ce + MAX_REACH)};
  }

  /** Features of token i as content or source of the cue {@code [cs, ce)}; i is outside the cue. */
  List<String> role(int i, int cs, int ce) {
    List<String> f = new ArrayList<>(40);
    boolean left = i < cs;
    String side = left ? "L" : "R";
    int distance = left ? cs - i : i - ce + 1;
    String d = side + bucket(distance);
    String p = t.pos(i);
    String cueWord = t.lower(ce - 1);
    String cueLex = lex[ce - 1];
    f.add("d=" + d);
    f.add("d|p=" + d + "|" + p);
    f.add("s|p=" + side + "|" + p);
    f.add("s|w=" + side + "|" + t.lower(i));
    f.add("s|p-1|p=" + side + "|" + pos(i - 1) + "|" + p);
    f.add("s|p|p+1=" + side + "|" + p + "|" + pos(i + 1));
    f.add("s|cue=" + side + "|" + cueWord);
    f.add("d|cue=" + d + "|" + cueWord);
    f.add("s|lex=" + side + "|" + cueLex);
    f.add("s|lex|p=" + side + "|" + cueLex + "|" + p);
    f.add("s|cue-1=" + side + "|" + word(cs - 1));
    f.add("s|cue+1=" + side + "|" + word(ce));
    if (!"O".equals(t.token(i).ner())) {
      f.add("s|ner=" + side + "|" + t.token(i).ner());
    }
    int sentences = t.token(i).sentence() - t.token(left ? cs : ce - 1).sentence();
    f.add("sent=" + sentences);
    f.add("sent|q=" + sentences + "|" + quoted(i));
    f.add("s|q=" + side + "|" + quoted(i) + "|" + quoted(cs));
    if (sameQuotation(i, cs)) {
      f.add("sameQuotation");
    }
    // What lies between the token and the cue.
    int commas = 0;
    boolean verb = false;
    boolean that = false;
    boolean marks = false;
    boolean colon = false;
    String between = "-";
    String opener = "-";
    int from = left ? i + 1 : ce;
    int to = left ? cs : i;
    for (int k = left ? to - 1 : from; left ? k >= from : k < to; k += left ? -1 : 1) {
      if (t.isPunct(k, ",")) {
        commas++;
      }
      verb |= t.pos(k).startsWith("VB");
      that |= t.is(k, "that");
      marks |= t.mark(k) != Quotations.Mark.NONE;
      colon |= t.isPunct(k, ":");
      if (!lex[k].equals("-")) {
        between = lex[k];
      }
      if (t.isPunct(k, CLAUSE_PUNCTUATION)) {
        opener = k + 1 < t.size() ? t.lower(k + 1) : "$";
      }
    }
    f.add("s|commas=" + side + "|" + Math.min(commas, 2));
    f.add("d|verb=" + d + "|" + verb);
    f.add("s|that=" + side + "|" + that);
    f.add("s|marks=" + side + "|" + marks);
    f.add("s|colon=" + side + "|" + colon);
    f.add("s|opener=" + side + "|" + opener);
    f.add("s|commas|p=" + side + "|" + Math.min(commas, 2) + "|" + p);
    f.add("s|cueBetween=" + side + "|" + between);
    f.add("s|w-1=" + side + "|" + word(i - 1));
    f.add("s|toEdge=" + side + "|" + bucket(left ? i - t.sentenceStart(i) : t.sentenceEnd(i) - 1 - i));
    int start = t.sentenceStart(i);
    if (i == start) {
      f.add("sentenceStart|" + side);
    }
    if (i == t.sentenceEnd(i) - 1) {
      f.add("sentenceEnd|" + side);
    }
    // The rules' reading of this cue, if they read it.
    int draft = -1;
    for (int k = cs; k < ce && draft < 0; k++) {
      draft = ruleCue[k];
    }
    f.add("rule=" + (draft < 0 ? "none" : roleIn(rules.get(draft), i)));
    f.add("ruleAny=" + (ruleRole[i] == 0 ? '-' : ruleRole[i]) + "|" + side);
    return f;
  }

  private static String roleIn(Draft d, int i) {
    for (int[] p : d.content) {
      if (i >= p[0] && i < p[1]) {
        return "content";
      }
    }
    return d.speaker != null && i >= d.speaker[0] && i < d.speaker[1] ? "speaker" : "other";
  }

  /** A crude stem, so that a rare form shares weight with its siblings: "argues", "argued", "arguing". */
  private static String stem(String w) {
    for (String ending : new String[] {"ing", "ed", "es", "s", "e"}) {
      if (w.length() > ending.length() + 2 && w.endsWith(ending)) {
        return w.substring(0, w.length() - ending.length());
      }
    }
    return w;
  }

  private String word(int i) {
    return i < 0 ? "^" : i >= t.size() ? "$" : t.lower(i);
  }

  private String pos(int i) {
    return i < 0 ? "^" : i >= t.size() ? "$" : t.pos(i);
  }

  private static String bucket(int distance) {
    if (distance <= 3) {
      return String.valueOf(distance);
    }
    return distance <= 5 ? "4-5" : distance <= 8 ? "6-8" : distance <= 12 ? "9-12" : distance <= 20 ? "13-20" : distance <= 40 ? "21-40" : "41+";
  }
}
