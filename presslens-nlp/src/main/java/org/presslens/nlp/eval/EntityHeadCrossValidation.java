package org.presslens.nlp.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.core.Span;
import org.presslens.core.Token;
import org.presslens.core.learn.LinearModel;
import org.presslens.core.learn.LinearTrainer;
import org.presslens.nlp.BackboneAnnotator;
import org.presslens.nlp.EntityAnnotator;
import org.presslens.nlp.backbone.corenlp.CoreNlpBackbone;
import org.presslens.nlp.encoder.Encoder;
import org.presslens.nlp.encoder.EncoderAnnotator;

/**
 * Would an entity head over the encoder's token vectors beat the CoreNLP CRF? (issue 16's stretch
 * goal). The NER sets here are small and have no train split, so the question is answered by
 * cross-validation: the documents of every gold file are dealt into K folds (document i of a file
 * in fold i mod K), and each fold is tagged by heads fitted on the other folds of all the files.
 * The CRF is fitted on none of them: it is scored on every document as it ships.
 *
 * <p>Two heads, each an L2-regularised logistic regression ({@link LinearTrainer}: liblinear,
 * one-vs-rest, probabilities normalised) per PressLens token over BIO labels of PER, ORG and LOC:
 * one reads the token's encoder vector and the casing of the token and its neighbours (the
 * shipped encoder is uncased); the other reads the CRF's labels of the token and its neighbours
 * beside those, a head that corrects the CRF rather than replacing it. Labels are decoded by
 * {@link #viterbi}, then go through the same within-article resolution as the CRF's ({@link
 * EntityAnnotator}). Gold spans that do not fall on PressLens token boundaries stay misses, as they
 * do for the CRF.
 */
public final class EntityHeadCrossValidation {
  static final List<String> LABELS = List.of("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC");
  private static final Map<String, String> TO_PRESSLENS = Map.of("PER", "PERSON", "ORG", "ORGANIZATION", "LOC", "LOCATION");

  /**
   * Per gold file (keyed by the path given), counts per type: the CRF's, the head's over the
   * vectors, and the head's with the CRF's labels beside them.
   */
  public record Result(Map<Path, NerEval.Result> crf, Map<Path, NerEval.Result> head, Map<Path, NerEval.Result> stacked) {}

  /** One gold document with what the backbone and the encoder made of it. */
  private record Sample(Path file, int index, NerEval.GoldDocument gold, Document analysed, int[] labels) {}

  private EntityHeadCrossValidation() {}

  /**
   * Analyses every document once (CoreNLP and the encoder: about a minute for UNER dev and
   * wikigold), then fits and scores both heads fold by fold.
   *
   * @param golds IOB2 or CoNLL files ({@link NerEval#read})
   * @param folds K, at least 2
   * @param c the heads' inverse regularisation strength
   * @param progress told after each fold
   * @return the three scorings, every gold file in each (zero counts for a file with no documents)
   * @throws IllegalArgumentException when {@code folds} is below 2
   * @throws IOException when a gold file cannot be read
   */
  public static Result run(List<Path> golds, int folds, double c, Consumer<String> progress) throws IOException {
    if (folds < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + folds);
    }
    Pipeline pipeline = new Pipeline(List.of(new BackboneAnnotator(CoreNlpBackbone.load()), new EncoderAnnotator(Encoder.standard())));
    List<Sample> samples = new ArrayList<>();
    Map<Path, Map<String, Counts>> crf = new LinkedHashMap<>();
    Map<Path, Map<String, Counts>> head = new LinkedHashMap<>();
    Map<Path, Map<String, Counts>> stacked = new LinkedHashMap<>();
    for (Path gold : golds) {
      for (Map<Path, Map<String, Counts>> counts : List.of(crf, head, stacked)) {
        Map<String, Counts> zero = new LinkedHashMap<>();
        NerEval.TYPES.forEach(t -> zero.put(t, new Counts(0, 0, 0)));
        counts.put(gold, zero);
      }
      List<NerEval.GoldDocument> docs = NerEval.read(gold);
      for (int i = 0; i < docs.size(); i++) {
        Document d = pipeline.analyze(Article.ofText(gold.toString(), docs.get(i).text()));
        samples.add(new Sample(gold, i, docs.get(i), d, goldLabels(d.tokens(), docs.get(i))));
        NerEval.count(docs.get(i).entities(), resolved(d, nerOf(d.tokens())), crf.get(gold));
      }
    }
    for (int k = 0; k < folds; k++) {
      List<Sample> train = new ArrayList<>();
      List<Sample> test = new ArrayList<>();
      for (Sample s : samples) {
        (s.index() % folds == k ? test : train).add(s);
      }
      for (boolean withCrf : new boolean[] {false, true}) {
        LinearModel model = fit(train, c, withCrf);
        for (Sample s : test) {
          NerEval.count(s.gold().entities(), resolved(s.analysed(), tag(model, s.analysed(), withCrf)),
              (withCrf ? stacked : head).get(s.file()));
        }
      }
      progress.accept("fold " + (k + 1) + " of " + folds);
    }
    return new Result(results(crf, samples), results(head, samples), results(stacked, samples));
  }

  private static Map<Path, NerEval.Result> results(Map<Path, Map<String, Counts>> counts, List<Sample> samples) {
    Map<Path, NerEval.Result> out = new LinkedHashMap<>();
    counts.forEach((file, byType) -> {
      List<Sample> of = samples.stream().filter(s -> s.file().equals(file)).toList();
      out.put(file, new NerEval.Result(byType, of.size(), of.stream().mapToInt(s -> s.gold().sentences()).sum()));
    });
    return out;
  }

  private static String[] nerOf(List<Token> tokens) {
    return tokens.stream().map(Token::ner).toArray(String[]::new);
  }

  /** The entity stage's mentions when the tokens carry {@code labels} instead of the CRF's. */
  private static Set<NerEval.TypedSpan> resolved(Document analysed, String[] labels) {
    List<Token> relabelled = new ArrayList<>(labels.length);
    for (int i = 0; i < labels.length; i++) {
      Token t = analysed.tokens().get(i);
      relabelled.add(new Token(t.span(), t.word(), t.pos(), labels[i], t.sentence()));
    }
    Document d = new Document(analysed.article());
    d.setTokens(relabelled);
    d.setSentences(analysed.sentences());
    new EntityAnnotator(true).annotate(d);
    return NerEval.spansOf(d);
  }

  private static int[] goldLabels(List<Token> tokens, NerEval.GoldDocument gold) {
    int[] labels = new int[tokens.size()];
    for (NerEval.TypedSpan s : gold.entities()) {
      boolean first = true;
      for (int i = 0; i < tokens.size(); i++) {
        Span t = tokens.get(i).span();
        if (t.start() >= s.start() && t.end() <= s.end()) {
          labels[i] = LABELS.indexOf((first ? "B-" : "I-") + s.type());
          first = false;
        }
      }
    }
    return labels;
  }

  private static boolean sameSentence(List<Token> tokens, int i, int j) {
    return j >= 0 && j < tokens.size() && tokens.get(j).sentence() == tokens.get(i).sentence();
  }

  /** The named features of token {@code i}: the casing of it and its neighbours, and the CRF's labels. */
  private static List<String> features(List<Token> tokens, int i, boolean withCrf) {
    List<String> f = new ArrayList<>();
    for (int offset = -1; offset <= 1; offset++) {
      int j = i + offset;
      if (!sameSentence(tokens, i, j)) {
        f.add(offset + ":none");
        continue;
      }
      String w = tokens.get(j).word();
      int first = w.codePointAt(0);
      boolean letters = w.chars().anyMatch(Character::isLetter);
      if (Character.isUpperCase(first)) {
        f.add(offset + ":capital");
      }
      if (letters && w.equals(w.toUpperCase(Locale.ROOT))) {
        f.add(offset + ":upper");
      }
      if (letters && w.equals(w.toLowerCase(Locale.ROOT))) {
        f.add(offset + ":lower");
      }
      if (w.chars().anyMatch(Character::isDigit)) {
        f.add(offset + ":digit");
      }
      if (!Character.isLetterOrDigit(first)) {
        f.add(offset + ":punct");
      }
      if (!sameSentence(tokens, j, j - 1)) {
        f.add(offset + ":starts" + (Character.isUpperCase(first) ? ":capital" : ""));
      }
      if (withCrf) {
        String label = tokens.get(j).ner();
        f.add(offset + ":crf:" + label);
        // The conjunction a linear model cannot form itself: the CRF's entity goes on (I-, not B-).
        if (offset == -1 && !label.equals("O") && label.equals(tokens.get(i).ner())) {
          f.add("crf:continues");
        }
      }
    }
    return f;
  }

  private static LinearModel fit(List<Sample> train, double c, boolean withCrf) {
    List<List<String>> examples = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (Sample s : train) {
      List<Token> tokens = s.analysed().tokens();
      for (int i = 0; i < tokens.size(); i++) {
        examples.add(features(tokens, i, withCrf));
        vectors.add(s.analysed().vectors().vector(i));
        labels.add(s.labels()[i]);
      }
    }
    int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
    return new LinearTrainer(examples, vectors, 1, y, LABELS, 1).fit(c);
  }

  /** BIO labels of the document's tokens, by {@link #viterbi} over the model's probabilities. */
  private static String[] tag(LinearModel model, Document d, boolean withCrf) {
    List<Token> tokens = d.tokens();
    double[][] logp = new double[tokens.size()][];
    boolean[] starts = new boolean[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      double[] p = model.probabilities(features(tokens, i, withCrf), d.vectors().vector(i));
      logp[i] = Arrays.stream(p).map(x -> Math.log(Math.max(x, 1e-9))).toArray();
      starts[i] = !sameSentence(tokens, i, i - 1);
    }
    int[] best = viterbi(logp, starts);
    String[] io = new String[best.length];
    for (int i = 0; i < best.length; i++) {
      String label = LABELS.get(best[i]);
      io[i] = label.equals("O") ? "O" : TO_PRESSLENS.get(label.substring(2));
    }
    return io;
  }

  /**
   * The most probable sequence of {@link #LABELS} under the BIO constraints: I-X only after B-X
   * or I-X, never at a sentence's start.
   *
   * @param logp per token, the log-probability of each of {@link #LABELS}
   * @param starts per token, whether a sentence starts there
   * @return per token, an index into {@link #LABELS}
   */
  static int[] viterbi(double[][] logp, boolean[] starts) {
    int n = logp.length;
    int l = LABELS.size();
    double[][] best = new double[n][l];
    int[][] back = new int[n][l];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < l; k++) {
        String label = LABELS.get(k);
        boolean inside = label.startsWith("I-");
        double from = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int q = 0; q < (i == 0 ? 1 : l); q++) {
          double prev = i == 0 ? 0 : best[i - 1][q];
          String before = LABELS.get(q);
          boolean allowed = !inside || !starts[i] && i > 0 && !before.equals("O") && before.substring(2).equals(label.substring(2));
          if (allowed && prev > from) {
            from = prev;
            arg = q;
          }
        }
        best[i][k] = from + logp[i][k];
        back[i][k] = arg;
      }
    }
    int[] out = new int[n];
    if (n == 0) {
      return out;
    }
    int k = 0;
    for (int q = 1; q < l; q++) {
      if (best[n - 1][q] > best[n - 1][k]) {
        k = q;
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      out[i] = k;
      k = back[i][k];
    }
    return out;
  }
}
