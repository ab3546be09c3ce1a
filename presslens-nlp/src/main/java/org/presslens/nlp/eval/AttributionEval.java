package org.presslens.nlp.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.presslens.core.Pipeline;
import org.presslens.core.Quote;
import org.presslens.core.Span;
import org.presslens.core.Text;

/**
 * Attribution scored on PolNeAR (read by {@link PolnearCorpus}). Every gold attribution counts,
 * beliefs and intentions too.
 *
 * <ul>
 *   <li><b>exact</b>: the content's text equals the gold's, ignoring whitespace, quotation marks
 *       and punctuation at the ends of each piece;
 *   <li><b>match</b>: the Jaccard overlap of content characters is at least 0.5 (pairs are
 *       matched one to one, best overlap first);
 *   <li><b>speaker</b>: a matched pair whose predicted speaker overlaps the gold source, or where
 *       neither has one; precision over predictions, recall over gold;
 *   <li><b>direct</b>: the same two restricted to gold content holding a quotation mark and to
 *       predictions of kind direct or mixed.
 * </ul>
 */
public final class AttributionEval {
  private static final double MIN_JACCARD = 0.5;
  private static final String MARKS = "\"\u201C\u201D\u201E\u00AB\u00BB'\u2018\u2019";
  private static final String END_PUNCTUATION = ".,;:!?";

  private AttributionEval() {}

  /** The scores, summed over articles. */
  public record Result(
      int articles, int gold, int predicted, Counts exact, Counts match, Counts speaker,
      Counts directMatch, Counts directSpeaker) {}

  /** One attribution on either side, in code points. */
  record Attribution(List<Span> content, List<Span> speaker, boolean direct) {}

  /** Reads the gold under {@code dir} (text/, attributions/) and scores the pipeline on it. */
  public static Result run(Path dir, Pipeline pipeline) throws IOException {
    List<PolnearCorpus.Labelled> data = PolnearCorpus.read(dir);
    List<List<Quote>> predicted = new ArrayList<>();
    for (PolnearCorpus.Labelled l : data) {
      predicted.add(pipeline.analyze(l.article()).quotes());
    }
    return score(data, predicted);
  }

  /** Scores each article's predicted quotes against its gold. */
  public static Result score(List<PolnearCorpus.Labelled> data, List<List<Quote>> predictedQuotes) {
    int[] totals = new int[12];
    for (int d = 0; d < data.size(); d++) {
      List<Attribution> gold = new ArrayList<>();
      for (PolnearCorpus.Attribution g : data.get(d).gold()) {
        gold.add(new Attribution(g.content(), g.source(), g.direct()));
      }
      List<Attribution> predicted = new ArrayList<>();
      for (Quote q : predictedQuotes.get(d)) {
        List<Span> speaker = q.speaker() == null ? List.of() : List.of(q.speaker().span());
        predicted.add(new Attribution(q.content(), speaker, !q.kind().equals("indirect")));
      }
      score(data.get(d).article().text(), gold, predicted, totals);
    }
    return new Result(
        data.size(), totals[0], totals[1],
        counts(totals[2], totals[1], totals[0]),
        counts(totals[3], totals[1], totals[0]),
        counts(totals[4], totals[1], totals[0]),
        counts(totals[5], totals[7], totals[6]),
        counts(totals[8], totals[7], totals[6]));
  }

  private static Counts counts(int tp, int predicted, int gold) {
    return new Counts(tp, predicted - tp, gold - tp);
  }

  /**
   * Adds one article's counts: [0] gold, [1] predicted, [2] exact, [3] match, [4] speaker,
   * [5] direct match, [6] direct gold, [7] direct predicted, [8] direct speaker.
   */
  static void score(String text, List<Attribution> gold, List<Attribution> predicted, int[] totals) {
    Text slicer = new Text(text);
    totals[0] += gold.size();
    totals[1] += predicted.size();
    totals[2] += matchExact(slicer, gold, predicted);
    List<int[]> pairs = matchOverlap(gold, predicted);
    totals[3] += pairs.size();
    for (Attribution g : gold) {
      if (g.direct()) {
        totals[6]++;
      }
    }
    for (Attribution p : predicted) {
      if (p.direct()) {
        totals[7]++;
      }
    }
    for (int[] pair : pairs) {
      Attribution g = gold.get(pair[0]);
      Attribution p = predicted.get(pair[1]);
      boolean speakerRight = g.speaker().isEmpty() && p.speaker().isEmpty() || overlaps(g.speaker(), p.speaker());
      if (speakerRight) {
        totals[4]++;
      }
      if (g.direct() && p.direct()) {
        totals[5]++;
        if (speakerRight) {
          totals[8]++;
        }
      }
    }
  }

  private static int matchExact(Text text, List<Attribution> gold, List<Attribution> predicted) {
    Map<String, Integer> goldByText = new HashMap<>();
    for (Attribution g : gold) {
      goldByText.merge(normalized(text, g.content()), 1, Integer::sum);
    }
    int hits = 0;
    for (Attribution p : predicted) {
      String key = normalized(text, p.content());
      Integer left = goldByText.get(key);
      if (left != null && left > 0) {
        goldByText.put(key, left - 1);
        hits++;
      }
    }
    return hits;
  }

  /** One-to-one pairs (gold index, predicted index) with Jaccard ≥ 0.5, best first. */
  private static List<int[]> matchOverlap(List<Attribution> gold, List<Attribution> predicted) {
    record Pair(int g, int p, double jaccard) {}
    List<Pair> candidates = new ArrayList<>();
    List<BitSet> goldChars = gold.stream().map(a -> chars(a.content())).toList();
    for (int pi = 0; pi < predicted.size(); pi++) {
      BitSet pc = chars(predicted.get(pi).content());
      for (int gi = 0; gi < gold.size(); gi++) {
        BitSet gc = goldChars.get(gi);
        if (!gc.intersects(pc)) {
          continue;
        }
        BitSet inter = (BitSet) gc.clone();
        inter.and(pc);
        BitSet union = (BitSet) gc.clone();
        union.or(pc);
        double j = (double) inter.cardinality() / union.cardinality();
        if (j >= MIN_JACCARD) {
          candidates.add(new Pair(gi, pi, j));
        }
      }
    }
    candidates.sort((a, b) -> Double.compare(b.jaccard(), a.jaccard()));
    boolean[] goldUsed = new boolean[gold.size()];
    boolean[] predUsed = new boolean[predicted.size()];
    List<int[]> pairs = new ArrayList<>();
    for (Pair c : candidates) {
      if (!goldUsed[c.g()] && !predUsed[c.p()]) {
        goldUsed[c.g()] = true;
        predUsed[c.p()] = true;
        pairs.add(new int[] {c.g(), c.p()});
      }
    }
    return pairs;
  }

  private static BitSet chars(List<Span> spans) {
    BitSet b = new BitSet();
    spans.forEach(s -> b.set(s.start(), s.end()));
    return b;
  }

  private static boolean overlaps(List<Span> a, List<Span> b) {
    for (Span x : a) {
      for (Span y : b) {
        if (x.overlaps(y)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The content's pieces, each stripped of whitespace, marks and end punctuation, joined. */
  static String normalized(Text text, List<Span> pieces) {
    StringBuilder b = new StringBuilder();
    for (Span s : pieces) {
      String piece = text.slice(s);
      int from = 0;
      int to = piece.length();
      while (from < to && strippable(piece.charAt(from))) {
        from++;
      }
      while (to > from && strippable(piece.charAt(to - 1))) {
        to--;
      }
      if (from < to) {
        b.append(b.isEmpty() ? "" : " ").append(piece, from, to);
      }
    }
    return b.toString().replaceAll("\\s+", " ");
  }

  private static boolean strippable(char c) {
    return Character.isWhitespace(c) || MARKS.indexOf(c) >= 0 || END_PUNCTUATION.indexOf(c) >= 0;
  }
}
