package org.presslens.nlp.techniques;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.presslens.core.Document;
import org.presslens.core.Span;
import org.presslens.core.learn.LinearModel;

/**
 * The two models of the techniques stage. The span model, a head fine-tuned with the encoder,
 * gives each token the probability that it is part of a persuasion technique from the token's
 * vector; runs of such tokens within a sentence become spans (see {@link Decoding}). The kind
 * model names each span's technique from its words and context: a logistic regression over
 * {@link TechniqueFeatures}' words and lexicon features and, where cross-validation on train chose
 * them, the encoder's vectors.
 */
public final class TechniqueModel {
  static final String SPANS = "technique-spans.tsv.gz";
  static final String KINDS = "technique-kinds.tsv.gz";
  private static final String REBUILD = "presslens train encoder, then presslens train techniques (docs/TECHNIQUES.md)";

  private final LinearModel spans;
  private final LinearModel kinds;
  private final Decoding decoding;

  /** @throws IllegalStateException when the span model is not a head over one token vector */
  TechniqueModel(LinearModel spans, LinearModel kinds) {
    if (spans.readsFeatures() || spans.denseInputs() != org.presslens.nlp.encoder.Encoder.DIMENSION) {
      throw new IllegalStateException(SPANS + " must be a head over one token vector of the encoder, not a word table: " + REBUILD);
    }
    this.spans = spans;
    this.kinds = kinds;
    this.decoding = Decoding.of(spans.notes());
  }

  /** The shipped models, rebuilt by {@code presslens train techniques}. */
  public static TechniqueModel standard() {
    return new TechniqueModel(LinearModel.resource(TechniqueModel.class, SPANS, REBUILD),
        LinearModel.resource(TechniqueModel.class, KINDS, REBUILD));
  }

  void write(Path folder) throws IOException {
    spans.write(folder.resolve(SPANS));
    kinds.write(folder.resolve(KINDS));
  }

  /** The runs of tokens that the span model finds in a document. */
  List<Run> runs(TechniqueFeatures f) {
    return runs(f, tokenProbabilities(f), decoding);
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

  /**
   * How token probabilities become spans, chosen on the train fold the span head's fit left out
   * ({@link TechniqueTrainer}) and kept in the span model's notes: a run holds at least one token at or above {@code threshold} and extends over
   * its neighbours at or above {@code threshold × extend}; then tokens whose part-of-speech tag
   * (almost) never begins a gold span are trimmed off its start ({@code trimStart}: "of", "and"),
   * and those that (almost) never end one off its end ({@code trimEnd}: "the", "by").
   */
  record Decoding(double threshold, double extend, Set<String> trimStart, Set<String> trimEnd) {
    static Decoding of(Map<String, String> notes) {
      return new Decoding(Double.parseDouble(notes.getOrDefault("threshold", "0.5")), Double.parseDouble(notes.getOrDefault("extend", "1")),
          tags(notes.getOrDefault("trim start", "")), tags(notes.getOrDefault("trim end", "")));
    }

    Map<String, String> notes() {
      Map<String, String> notes = new LinkedHashMap<>();
      notes.put("threshold", String.format(Locale.ROOT, "%.3f", threshold));
      notes.put("extend", String.valueOf(extend));
      notes.put("trim start", String.join(" ", new TreeSet<>(trimStart)));
      notes.put("trim end", String.join(" ", new TreeSet<>(trimEnd)));
      return notes;
    }

    /** Tags written with spaces between them: Penn Treebank tags hold commas ("," is one) but no spaces. */
    private static Set<String> tags(String list) {
      return list.isBlank() ? Set.of() : Set.of(list.strip().split(" +"));
    }
  }

  /** Each token's probability of being part of a technique. */
  double[] tokenProbabilities(TechniqueFeatures f) {
    return tokenProbabilities(spans, f);
  }

  static double[] tokenProbabilities(LinearModel spans, TechniqueFeatures f) {
    double[] p = new double[f.size()];
    for (int i = 0; i < p.length; i++) {
      org.presslens.core.Pipeline.stopIfCancelled();
      p[i] = spans.probability(List.of(), f.vector(i));
    }
    return p;
  }

  /**
   * Runs of tokens found with two thresholds, as edges are traced in images (see {@link
   * Decoding}), within a sentence. Punctuation at either end is left out, as PTC's annotators leave
   * it out, and so are the function words that {@code d} trims.
   */
  static List<Run> runs(TechniqueFeatures f, double[] p, Decoding d) {
    double low = d.threshold() * d.extend();
    List<Run> out = new ArrayList<>();
    int i = 0;
    while (i < p.length) {
      if (p[i] < d.threshold()) {
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
      while (from < to && (!f.isWord(from) || d.trimStart().contains(f.pos(from)))) {
        from++;
      }
      while (to > from && (!f.isWord(to - 1) || d.trimEnd().contains(f.pos(to - 1)))) {
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
    return kindProbabilities(kinds, f, from, to);
  }

  static double[] kindProbabilities(LinearModel kinds, TechniqueFeatures f, int from, int to) {
    return kinds.probabilities(f.ofSpan(from, to), kinds.denseInputs() > 0 ? f.spanVectors(from, to) : null);
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
      double[] p = range == null ? kinds.probabilities(List.of(), kinds.denseInputs() > 0 ? new float[kinds.denseInputs()] : null)
          : kindProbabilities(f, range[0], range[1]);
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
