package org.presslens.nlp.attribution;

import java.util.Arrays;
import java.util.List;
import org.presslens.core.TokenVectors;
import org.presslens.nlp.attribution.Attributor.Draft;
import org.presslens.nlp.attribution.Quotations.Quotation;

/**
 * What the attribution model reads of a document: the encoder's vector of each token (the cue
 * head's input), and for each token near a cue, that vector beside the cue's (the role head's);
 * the window of tokens around a cue that the role head reads; the quotations; and the rules'
 * reading, whose quotations the model keeps where its own cues find none.
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
  private final Tokens t;
  private final List<Quotation> quotations;
  /** Index into {@link #quotations} of the quotation holding each token (marks included), or -1. */
  private final int[] quotation;
  private final List<Draft> rules;
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
  }

  Tokens tokens() {
    return t;
  }

  /** The document's quotations ({@link Quotations#find}), which the rules read too. */
  List<Quotation> quotations() {
    return quotations;
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
}
