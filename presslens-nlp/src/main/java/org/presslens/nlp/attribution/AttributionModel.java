package org.presslens.nlp.attribution;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.presslens.nlp.attribution.Attributor.Draft;
import org.presslens.core.learn.LinearModel;

/**
 * The trained attribution model, in two steps.
 *
 * <ol>
 *   <li>A <b>cue tagger</b> says of each token whether it is a cue ("said", "according to",
 *       "told"); neighbouring cue tokens make one cue.
 *   <li>For each cue, a <b>role tagger</b> says of each token around it whether it is the cue's
 *       source, the first token of its content, inside it, its last, or none of these. The source
 *       is the best-scoring run of tokens; the content the span that best reads as first,
 *       inside…, last, with the cue and source passed over, so that "“…,” she said, “…”" gives
 *       one content of two pieces.
 * </ol>
 *
 * Both are linear heads over the encoder's token vectors, fine-tuned with it on PolNeAR's train
 * split ({@code training/finetune.py}); {@link AttributionTrainer} chooses the three decision
 * thresholds, which are in the cue model's notes.
 */
public final class AttributionModel {
  static final String CUE_FILE = "attribution-cues.tsv.gz";
  static final String ROLE_FILE = "attribution-roles.tsv.gz";
  /** The role tagger's classes: content is read as its first token, the tokens inside, its last. */
  static final List<String> ROLES = List.of("other", "source", "begin", "inside", "end");
  static final int OTHER = 0;
  static final int SOURCE = 1;
  static final int BEGIN = 2;
  static final int INSIDE = 3;
  static final int END = 4;
  private static final String REBUILD = "presslens train encoder, then presslens train attribution (docs/ATTRIBUTION.md)";

  private final LinearModel cues;
  private final LinearModel roles;
  private final Thresholds thresholds;

  /**
   * Decision thresholds, as probabilities: of a cue token, of a source token, and the least a
   * content span must score (summed log-odds against "other") as the log-odds of {@code content}.
   */
  record Thresholds(double cue, double source, double content) {
    Map<String, String> notes() {
      return Map.of("cueThreshold", format(cue), "sourceThreshold", format(source), "contentThreshold", format(content));
    }

    private static String format(double v) {
      return String.format(Locale.ROOT, "%.3f", v);
    }

    static Thresholds of(Map<String, String> notes) {
      return new Thresholds(
          Double.parseDouble(notes.get("cueThreshold")),
          Double.parseDouble(notes.get("sourceThreshold")),
          Double.parseDouble(notes.get("contentThreshold")));
    }
  }

  /** @throws IllegalStateException when a model reads words rather than the encoder's vectors alone */
  AttributionModel(LinearModel cues, LinearModel roles, Thresholds thresholds) {
    if (cues.readsFeatures() || roles.readsFeatures() || cues.denseInputs() == 0 || roles.denseInputs() == 0) {
      throw new IllegalStateException("the attribution models must be heads over the encoder's vectors alone, not word tables: "
          + REBUILD);
    }
    this.cues = cues;
    this.roles = roles;
    this.thresholds = thresholds;
  }

  private static final class Standard {
    static final AttributionModel MODEL = load();

    private static AttributionModel load() {
      LinearModel cues = LinearModel.resource(AttributionModel.class, CUE_FILE, REBUILD);
      return new AttributionModel(cues, LinearModel.resource(AttributionModel.class, ROLE_FILE, REBUILD), Thresholds.of(cues.notes()));
    }
  }

  /** The model PressLens ships, loaded once. */
  public static AttributionModel standard() {
    return Standard.MODEL;
  }

  Thresholds thresholds() {
    return thresholds;
  }

  /** This model with {@code notes} added to both files' notes. */
  AttributionModel withNotes(Map<String, String> notes) {
    return new AttributionModel(cues.withNotes(notes), roles.withNotes(notes), thresholds);
  }

  /** Writes both models into {@code dir}, the thresholds with the cue model. */
  void write(Path dir) throws IOException {
    cues.withNotes(thresholds.notes()).write(dir.resolve(CUE_FILE));
    roles.write(dir.resolve(ROLE_FILE));
  }

  /** The attributions of one document, in text order. */
  List<Draft> find(AttributionFeatures f) {
    return find(f, cueProbabilities(f), thresholds, cue -> roleProbabilities(f, cue));
  }

  /**
   * The attributions of one document from its cue probabilities, the role probabilities around
   * each cue ({@code roles}, so that a caller trying thresholds can cache them) and thresholds.
   * The rules' readings the taggers miss are kept: the quotation standing alone after the
   * paragraph that names its speaker, and the quotation that goes on after its cue, have no cue
   * of their own for the taggers to find.
   */
  static List<Draft> find(AttributionFeatures f, double[] cueP, Thresholds thresholds, Function<int[], Roles> roles) {
    List<Scored> found = new ArrayList<>();
    for (int[] cue : cueRuns(cueP, thresholds.cue())) {
      org.presslens.core.Pipeline.stopIfCancelled();
      Draft d = draft(f, cue, roles.apply(cue), thresholds);
      if (d != null) {
        found.add(new Scored(d, max(cueP, cue)));
      }
    }
    List<Draft> drafts = distinct(found);
    BitSet covered = new BitSet();
    drafts.forEach(d -> d.content.forEach(p -> covered.set(p[0], p[1])));
    List<Draft> fallback = new ArrayList<>();
    for (Draft rule : f.rules()) {
      List<int[]> uncovered = rule.content.stream().filter(p -> !touches(covered, p)).toList();
      if (uncovered.isEmpty()) {
        continue;
      }
      Draft sameCue = drafts.stream().filter(d -> d.cue[0] < rule.cue[1] && rule.cue[0] < d.cue[1]).findFirst().orElse(null);
      if (uncovered.size() == rule.content.size()) {
        // A quotation standing alone shares its cue with an earlier attribution: it takes that
        // attribution's reading of the cue and speaker, so that both name the speaker alike.
        fallback.add(sameCue == null ? rule : new Draft(rule.kind, rule.content, sameCue.cue, sameCue.speaker));
      } else if (sameCue != null) {
        // "“…,” she said on Tuesday. “…”": the quotation after the cue goes on with it.
        sameCue.content.addAll(uncovered);
        sameCue.content.sort(Comparator.comparingInt(p -> p[0]));
        sameCue.kind = kind(f, sameCue.content);
      }
    }
    drafts.addAll(fallback);
    drafts.sort(Comparator.comparingInt(Draft::start));
    return drafts;
  }

  private static boolean touches(BitSet tokens, int[] range) {
    int next = tokens.nextSetBit(range[0]);
    return next >= 0 && next < range[1];
  }

  /** Every word quoted: direct; some: mixed; none: indirect. */
  private static String kind(AttributionFeatures f, List<int[]> pieces) {
    int words = 0;
    int quoted = 0;
    for (int[] p : pieces) {
      for (int i = p[0]; i < p[1]; i++) {
        if (f.tokens().isWord(i)) {
          words++;
          quoted += f.quoted(i) ? 1 : 0;
        }
      }
    }
    return quoted == words ? "direct" : quoted > 0 ? "mixed" : "indirect";
  }

  /** A draft with the probability of its cue, to choose between two readings of one content. */
  private record Scored(Draft draft, double cue) {}

  double[] cueProbabilities(AttributionFeatures f) {
    double[] p = new double[f.tokens().size()];
    for (int i = 0; i < p.length; i++) {
      org.presslens.core.Pipeline.stopIfCancelled();
      p[i] = !f.cueCandidate(i) ? 0 : cues.probability(List.of(), f.cueInputs(i));
    }
    return p;
  }

  /** Runs of neighbouring tokens at or above the threshold, as {@code [from, to)}. */
  static List<int[]> cueRuns(double[] p, double threshold) {
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < p.length; i++) {
      if (p[i] >= threshold) {
        int from = i;
        while (i + 1 < p.length && p[i + 1] >= threshold) {
          i++;
        }
        runs.add(new int[] {from, i + 1});
      }
    }
    return runs;
  }

  /** The role probabilities of the tokens around a cue. */
  record Roles(int from, double[][] p) {}

  Roles roleProbabilities(AttributionFeatures f, int[] cue) {
    int[] window = f.window(cue[0], cue[1]);
    double[][] p = new double[window[1] - window[0]][];
    float[] cueVector = f.meanVector(cue[0], cue[1]);
    for (int i = window[0]; i < window[1]; i++) {
      p[i - window[0]] = i >= cue[0] && i < cue[1] ? null : roles.probabilities(List.of(), f.roleInputs(i, cueVector));
    }
    return new Roles(window[0], p);
  }

  /**
   * The cue's source and content as the role probabilities and thresholds give them; null without
   * content. The source lies in the cue's paragraph. Content crosses a paragraph break only inside
   * a quotation (a quote running over several paragraphs), and then takes one piece per paragraph.
   */
  /**
   * Whether a piece holds a noun, verb, adjective, adverb or number: "It" and "by" left over
   * around a passive cue and its source ("It was reported by the Harbour Authority that …") say
   * nothing.
   */
  private static boolean holdsContentWord(Tokens t, int[] piece) {
    for (int k = piece[0]; k < piece[1]; k++) {
      if (t.pos(k).matches("NN.*|VB.*|JJ.*|RB.*|CD")) {
        return true;
      }
    }
    return false;
  }

  static Draft draft(AttributionFeatures f, int[] cue, Roles roles, Thresholds thresholds) {
    Tokens t = f.tokens();
    int offset = roles.from();
    int n = roles.p().length;
    double[] score = new double[n];
    boolean[] barrier = new boolean[n];
    for (int k = 0; k < n; k++) {
      double[] p = roles.p()[k];
      int i = offset + k;
      // A source stands in its cue's paragraph: "…, campaigners said." does not take the speaker
      // the next paragraph names.
      score[k] = p == null || t.paragraph(i) != t.paragraph(cue[0]) ? Double.NEGATIVE_INFINITY
          : logit(p[SOURCE]) - logit(thresholds.source());
      barrier[k] = k > 0 && t.paragraph(i) != t.paragraph(i - 1) && !f.sameQuotation(i - 1, i);
    }
    int[] source = bestRun(score);
    boolean[] skip = new boolean[n];
    for (int k = 0; k < n; k++) {
      skip[k] = roles.p()[k] == null || source != null && k >= source[0] && k < source[1];
    }
    int[] content = bestSpan(roles.p(), skip, barrier, logit(thresholds.content()));
    if (content == null) {
      return null;
    }
    List<int[]> pieces = new ArrayList<>();
    int from = -1;
    for (int k = content[0]; k <= content[1]; k++) {
      int i = offset + k;
      boolean inside = k < content[1] && !skip[k];
      if (from >= 0 && (!inside || t.paragraph(i) != t.paragraph(i - 1))) {
        int[] piece = trimmed(t, from, i, false);
        if (piece != null && (f.quoted(piece[0]) || holdsContentWord(t, piece))) {
          pieces.add(piece);
        }
        from = -1;
      }
      if (inside && from < 0) {
        from = i;
      }
    }
    if (pieces.stream().noneMatch(p -> trimmed(t, p[0], p[1], true) != null)) {
      return null;
    }
    String kind = kind(f, pieces);
    int[] speaker = source == null ? null : speaker(t, offset + source[0], offset + source[1]);
    int[] cueWords = trimmed(t, cue[0], cue[1], true);
    if (cueWords != null && cueWords[1] - cueWords[0] > 1 && t.is(cueWords[1] - 1, "by")) {
      cueWords[1]--; // "was reported by the Authority": the agent's "by" is neither cue nor source, as in PolNeAR
    }
    return new Draft(kind, pieces, cueWords == null ? cue.clone() : cueWords, speaker);
  }

  /**
   * {@code [from, to)} without the quotation marks and clause punctuation at its edges, or with
   * {@code wordsOnly} without anything but words there; null if nothing is left.
   */
  private static int[] trimmed(Tokens t, int from, int to, boolean wordsOnly) {
    while (from < to && isEdge(t, from, wordsOnly)) {
      from++;
    }
    while (to > from && isEdge(t, to - 1, wordsOnly)) {
      to--;
    }
    return from < to ? new int[] {from, to} : null;
  }

  /** A source without edge punctuation or a possessive ending: "Jane Hewitt's claim" is Jane Hewitt's. */
  private static int[] speaker(Tokens t, int from, int to) {
    int[] s = trimmed(t, from, to, true);
    if (s != null && s[1] - s[0] > 1 && (t.is(s[1] - 1, "'s") || t.is(s[1] - 1, "’s"))) {
      s[1]--;
    }
    return s;
  }

  /**
   * The drafts, leaving out one whose content is mostly another's (two cues read
   * for one content: "said" and "in a statement"); the likelier cue keeps it.
   */
  private static List<Draft> distinct(List<Scored> found) {
    List<Scored> byCue = new ArrayList<>(found);
    byCue.sort(Comparator.comparingDouble(Scored::cue).reversed());
    List<Draft> kept = new ArrayList<>();
    List<Integer> keptSizes = new ArrayList<>();
    // The kept drafts holding each token: a draft is compared only with those it shares tokens
    // with, so that an article of thousands of attributions costs their tokens, not their pairs.
    Map<Integer, List<Integer>> holders = new HashMap<>();
    for (Scored s : byCue) {
      BitSet tokens = new BitSet();
      int first = Integer.MAX_VALUE;
      for (int[] p : s.draft().content) {
        tokens.set(p[0], p[1]);
        first = Math.min(first, p[0]);
      }
      int size = tokens.cardinality();
      Map<Integer, Integer> shared = new HashMap<>();
      for (int i = size == 0 ? -1 : tokens.nextSetBit(first); i >= 0; i = tokens.nextSetBit(i + 1)) {
        for (int k : holders.getOrDefault(i, List.of())) {
          shared.merge(k, 1, Integer::sum);
        }
      }
      boolean duplicate = false;
      for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
        int inter = e.getValue();
        duplicate |= inter * 2 >= size + keptSizes.get(e.getKey()) - inter;
      }
      if (!duplicate) {
        int index = kept.size();
        kept.add(s.draft());
        keptSizes.add(size);
        for (int i = size == 0 ? -1 : tokens.nextSetBit(first); i >= 0; i = tokens.nextSetBit(i + 1)) {
          holders.computeIfAbsent(i, k -> new ArrayList<>(2)).add(index);
        }
      }
    }
    return kept;
  }

  /** Quotation marks and clause punctuation at a piece's edges belong to the reporter's sentence. */
  private static boolean isEdge(Tokens t, int i, boolean wordsOnly) {
    return wordsOnly ? !t.isWord(i) : t.mark(i) != Quotations.Mark.NONE || t.isPunct(i, ",;:");
  }

  /** The highest-scoring run of tokens; null if none scores above 0. */
  static int[] bestRun(double[] score) {
    double best = 0;
    int[] run = null;
    double sum = 0;
    int start = -1;
    for (int k = 0; k < score.length; k++) {
      if (start < 0 || sum <= 0) {
        start = k;
        sum = 0;
      }
      sum += score[k];
      if (sum > best) {
        best = sum;
        run = new int[] {start, k + 1};
      }
    }
    return run;
  }

  /**
   * The content span {@code [a, b)} whose tokens best read as begin, inside…, end against other
   * (skipped tokens count nothing; no span goes on past a barrier), if it scores above
   * {@code minimum}; one token reads as begin.
   */
  static int[] bestSpan(double[][] p, boolean[] skip, boolean[] barrier, double minimum) {
    int n = p.length;
    double best = minimum;
    int[] span = null;
    double open = Double.NEGATIVE_INFINITY; // best score of a span begun earlier and still inside
    int openFrom = -1;
    boolean crossed = false;
    for (int k = 0; k < n; k++) {
      crossed |= barrier[k];
      if (skip[k]) {
        continue;
      }
      if (crossed) {
        openFrom = -1;
        crossed = false;
      }
      double other = Math.log(Math.max(1e-9, p[k][OTHER]));
      double begin = Math.log(Math.max(1e-9, p[k][BEGIN])) - other;
      double inside = Math.log(Math.max(1e-9, p[k][INSIDE])) - other;
      double end = Math.log(Math.max(1e-9, p[k][END])) - other;
      if (openFrom >= 0 && open + end > best) {
        best = open + end;
        span = new int[] {openFrom, k + 1};
      }
      if (begin > best) {
        best = begin;
        span = new int[] {k, k + 1};
      }
      double carried = openFrom >= 0 ? open + inside : Double.NEGATIVE_INFINITY;
      if (begin >= carried) {
        open = begin;
        openFrom = k;
      } else {
        open = carried;
      }
    }
    return span;
  }

  private static double max(double[] p, int[] range) {
    double m = 0;
    for (int i = range[0]; i < range[1]; i++) {
      m = Math.max(m, p[i]);
    }
    return m;
  }

  private static double logit(double p) {
    double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return Math.log(q / (1 - q));
  }
}
