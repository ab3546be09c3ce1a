package org.presslens.nlp.techniques;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.presslens.core.Document;
import org.presslens.core.Span;
import org.presslens.nlp.learn.LinearModel;

/**
 * The two models of the techniques stage. The span model gives each token the probability that
 * it is part of a persuasion technique; runs of such tokens within a sentence become spans (see
 * {@link #runs}; both thresholds chosen on PTC dev). The kind model names each span's technique from its
 * words and context. Both are logistic regressions over {@link TechniqueFeatures}.
 */
public final class TechniqueModel {
  static final String SPANS = "technique-spans.tsv.gz";
  static final String KINDS = "technique-kinds.tsv.gz";
  private static final String REBUILD = "presslens train techniques";

  private final LinearModel spans;
  private final LinearModel kinds;
  private final double threshold;
  private final double extend;

  TechniqueModel(LinearModel spans, LinearModel kinds) {
    this.spans = spans;
    this.kinds = kinds;
    this.threshold = Double.parseDouble(spans.notes().getOrDefault("threshold", "0.5"));
    this.extend = Double.parseDouble(spans.notes().getOrDefault("extend", "1"));
  }

  /** The shipped models, rebuilt by {@code presslens train techniques}. */
  public static TechniqueModel standard() {
    return new TechniqueModel(        LinearModel.resource(TechniqueModel.class, SPANS, REBUILD),
        LinearModel.resource(TechniqueModel.class, KINDS, REBUILD));
  }

  void write(Path folder) throws IOException {
    spans.write(folder.resolve(SPANS));
    kinds.write(folder.resolve(KINDS));
  }

  /** The runs of tokens that the span model finds in a document. */
  List<Run> runs(TechniqueFeatures f) {
    return runs(f, tokenProbabilities(f), threshold, extend);
  }

  LinearModel spans() {
    return spans;
  }

  LinearModel kinds() {
    return kinds;
  }

  /** A run of tokens {@code [from, to)} found to be a technique, with its mean probability. */
  record Run(int from, int to, double score) {
    Span span(TechniqueFeatures f) {
      return new Span(f.token(from).span().start(), f.token(to - 1).span().end());
    }
  }

  /** Each token's probability of being part of a technique. */
  double[] tokenProbabilities(TechniqueFeatures f) {
    return tokenProbabilities(spans, f);
  }

  static double[] tokenProbabilities(LinearModel spans, TechniqueFeatures f) {
    double[] p = new double[f.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = spans.probability(f.ofToken(i));
    }
    return p;
  }

  /**
   * Runs of tokens found with two thresholds, as edges are traced in images: a run holds at least
   * one token at or above {@code high} and extends, within its sentence, over the tokens next to
   * it at or above {@code high * extend} (the "of" in "enemy of the people"). Punctuation at
   * either end is left out, as PTC's annotators leave it out.
   */
  static List<Run> runs(TechniqueFeatures f, double[] p, double high, double extend) {
    double low = high * extend;
    List<Run> out = new ArrayList<>();
    int i = 0;
    while (i < p.length) {
      if (p[i] < high) {
        i++;
        continue;
      }
      int from = i;
      int to = i + 1;
      while (from > f.sentenceStart(i) && p[from - 1] >= low) {
        from--;
      }
      while (to < f.sentenceEnd(i) && p[to] >= low) {
        to++;
      }
      i = to;
      while (from < to && !f.isWord(from)) {
        from++;
      }
      while (to > from && !f.isWord(to - 1)) {
        to--;
      }
      if (from < to) {
        double sum = 0;
        for (int k = from; k < to; k++) {
          sum += p[k];
        }
        if (!out.isEmpty() && out.get(out.size() - 1).to() > from) {
          continue; // reached back into the previous run: already covered
        }
        out.add(new Run(from, to, sum / (to - from)));
      }
    }
    return out;
  }

  /** Probability of each technique (in {@link #kindNames()} order) for tokens {@code [from, to)}. */
  double[] kindProbabilities(TechniqueFeatures f, int from, int to) {
    return kinds.probabilities(f.ofSpan(from, to));
  }

  /**
   * Names the technique of each given span of an analysed document. A span given k times gets the
   * k most probable techniques, as PTC lists a span once for each technique it carries.
   */
  public List<String> classify(Document document, List<Span> given) {
    TechniqueFeatures f = new TechniqueFeatures(document);
    Map<Span, Integer> seen = new HashMap<>();
    List<String> out = new ArrayList<>(given.size());
    for (Span span : given) {
      int[] range = f.tokensOf(span);
      double[] p = range == null ? kinds.probabilities(List.of()) : kindProbabilities(f, range[0], range[1]);
      int rank = seen.merge(span, 1, Integer::sum) - 1;
      Integer[] order = new Integer[p.length];
      for (int k = 0; k < p.length; k++) {
        order[k] = k;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
      out.add(kinds.classes().get(order[Math.min(rank, p.length - 1)]));
    }
    return out;
  }

  List<String> kindNames() {
    return kinds.classes();
  }
}
