package org.presslens.nlp.stance;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.presslens.core.Document;
import org.presslens.core.Quote;
import org.presslens.core.Span;
import org.presslens.core.Token;
import org.presslens.core.TokenVectors;
import org.presslens.nlp.lexicon.Valence;

/**
 * What the stance model reads of one target mention in its sentence. The sentence's words are
 * seen relative to the target: the target becomes {@code <T>} and other names {@code <PERSON>},
 * so that "<T> praised" and "praised <T>" differ and the model learns nothing about particular
 * people. Then the words on either side of the target, emotional valence (VADER) near it and in
 * the sentence with negation flipping it, and the target's role: subject, speaker of a quote,
 * inside one.
 */
final class StanceFeatures {
  private static final Set<String> NEGATORS = Set.of("not", "n't", "no", "never", "without", "nor", "hardly");
  private static final Set<String> SPEECH = Set.of("said", "says", "say", "told", "tells", "added", "asked", "according");
  private static final int WINDOW = 6;

  private StanceFeatures() {}

  /** Token indices of a target mention {@code [first, last]} in its sentence {@code [from, to)}. */
  record Place(int from, int first, int last, int to) {}

  /** Where {@code target} (a mention's span) lies among the tokens, or null if no token overlaps it. */
  static Place locate(Document doc, Span target) {
    List<Token> tokens = doc.tokens();
    int first = -1;
    int last = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).span().overlaps(target)) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first < 0) {
      return null;
    }
    int sentence = tokens.get(first).sentence();
    int from = first;
    while (from > 0 && tokens.get(from - 1).sentence() == sentence) {
      from--;
    }
    int to = last + 1;
    while (to < tokens.size() && tokens.get(to).sentence() == sentence) {
      to++;
    }
    return new Place(from, first, last, to);
  }

  /**
   * The encoder's reading of the target at {@code p}: the mean vector of its tokens, then that of
   * its sentence ({@code 2 × dimension} floats).
   */
  static float[] vectors(Document doc, Place p) {
    TokenVectors v = doc.vectors();
    float[] mention = v.mean(p.first(), p.last() + 1);
    float[] sentence = v.mean(p.from(), p.to());
    float[] both = Arrays.copyOf(mention, mention.length + sentence.length);
    System.arraycopy(sentence, 0, both, mention.length, sentence.length);
    return both;
  }

  /** The features of the target at {@code p} in its sentence. */
  static List<String> of(Document doc, Place p, Span target) {
    List<Token> tokens = doc.tokens();
    int from = p.from();
    int first = p.first();
    int last = p.last();
    int to = p.to();
    String[] w = new String[to - from];
    double[] v = new double[to - from];
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      String lower = t.word().toLowerCase(Locale.ROOT);
      w[i - from] = i >= first && i <= last ? "<T>" : t.ner().equals("PERSON") ? "<PERSON>" : lower;
      v[i - from] = i >= first && i <= last ? 0 : Valence.of(lower);
    }
    for (int i = 1; i < w.length; i++) {
      // "not good" reads as bad: a negator flips the valence of the next three words.
      if (NEGATORS.contains(w[i - 1]) || (i > 1 && NEGATORS.contains(w[i - 2])) || (i > 2 && NEGATORS.contains(w[i - 3]))) {
        v[i] = -v[i];
      }
    }
    int t0 = first - from;
    int t1 = last - from;
    Set<String> f = new LinkedHashSet<>();
    for (int i = 0; i < w.length; i++) {
      if (w[i].equals("<T>") && i > t0 && i <= t1) {
        continue; // one <T> for a mention of several tokens
      }
      f.add("u=" + w[i]);
      if (i + 1 < w.length && !(i >= t0 && i < t1)) {
        f.add("b=" + w[i] + "_" + w[i + 1]);
      }
      if (i < t0 && t0 - i <= WINDOW) {
        f.add("lw=" + w[i]);
      } else if (i > t1 && i - t1 <= WINDOW) {
        f.add("rw=" + w[i]);
      }
    }
    String[] left = new String[4];
    String[] right = new String[4];
    for (int k = 1; k <= 3; k++) {
      left[k] = t0 - k >= 0 ? w[t0 - k] : "<s>";
      right[k] = t1 + k < w.length ? w[t1 + k] : "</s>";
      f.add("l" + k + "=" + left[k]);
      f.add("r" + k + "=" + right[k]);
    }
    f.add("lt=" + left[2] + "_" + left[1] + "_<T>");
    f.add("tr=<T>_" + right[1] + "_" + right[2]);
    f.add("ltr=" + left[1] + "_<T>_" + right[1]);
    double near = 0;
    double all = 0;
    double most = 0;
    double least = 0;
    for (int i = 0; i < w.length; i++) {
      all += v[i];
      if (Math.abs(i - t0) <= WINDOW || Math.abs(i - t1) <= WINDOW) {
        near += v[i];
        most = Math.max(most, v[i]);
        least = Math.min(least, v[i]);
      }
    }
    bucket(f, "vnear=", near);
    bucket(f, "vall=", all);
    bucket(f, "vmax=", most);
    bucket(f, "vmin=", least);
    if (t0 == 0 || (t0 == 1 && w[0].equals("the"))) {
      f.add("subject");
    }
    if (t1 + 1 < w.length && SPEECH.contains(w[t1 + 1]) || t0 > 0 && SPEECH.contains(w[t0 - 1])) {
      f.add("speaks");
    }
    for (Quote q : doc.quotes()) {
      if (q.speaker() != null && q.speaker().span().overlaps(target)) {
        f.add("speaker");
      }
      if (q.content().stream().anyMatch(c -> c.contains(target))) {
        f.add("in-quote");
      }
    }
    return List.copyOf(f);
  }

  private static void bucket(Set<String> f, String name, double value) {
    String b = Valence.bucket(value);
    f.add(name + (b == null ? "0" : b));
  }
}
