package org.presslens.nlp.eval;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.core.Span;
import org.presslens.core.Token;
import org.presslens.nlp.BackboneAnnotator;
import org.presslens.nlp.EntityAnnotator;
import org.presslens.nlp.backbone.corenlp.CoreNlpBackbone;
import org.presslens.nlp.encoder.Encoder;
import org.presslens.nlp.encoder.EncoderAnnotator;

/**
 * Would an entity head over the encoder's token vectors beat the CoreNLP CRF? (issue 16's stretch
 * goal). The NER sets here are small and have no train split, so the question is answered by
 * cross-validation: the documents of every gold file are dealt into K folds (document i of a file
 * in fold i mod K), and each fold is tagged by a head fitted on the other folds of all the files.
 *
 * <p>The head is a multinomial logistic regression (liblinear, L2) per PressLens token over
 * BIO labels of PER, ORG and LOC, reading the token's encoder vector (the shipped encoder is
 * uncased, so the casing of the token and its neighbours is given beside it), and optionally the
 * CRF's own labels of the token and its neighbours (a head that corrects the CRF rather than
 * replacing it). Labels are decoded by Viterbi under BIO constraints, then go through the same
 * within-article resolution as the CRF's ({@link EntityAnnotator}). Gold spans that do not fall
 * on PressLens token boundaries stay misses, as they do for the CRF.
 */
public final class EntityHeadCrossValidation {
  private static final List<String> LABELS = List.of("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC");
  private static final Map<String, String> TO_PRESSLENS = Map.of("PER", "PERSON", "ORG", "ORGANIZATION", "LOC", "LOCATION");
  private static final List<String> CRF_LABELS = List.of("O", "PERSON", "ORGANIZATION", "LOCATION");
  private static final int SHAPES = 8;

  /** Per gold file: the CRF's counts and the head's, per type, on the same documents. */
  public record Result(Map<Path, NerEval.Result> crf, Map<Path, NerEval.Result> head) {}

  /** One gold document with what the backbone and the encoder made of it. */
  private record Sample(Path file, int index, NerEval.GoldDocument gold, Document analysed, int[] labels) {}

  private EntityHeadCrossValidation() {}

  /**
   * @param golds IOB2 or CoNLL files ({@link NerEval#read})
   * @param folds K, at least 2
   * @param c liblinear's inverse regularisation strength
   * @param withCrfLabels whether the head reads the CRF's labels beside the vectors
   * @param progress told after each fold
   */
  public static Result run(List<Path> golds, int folds, double c, boolean withCrfLabels, Consumer<String> progress)
      throws IOException {
    if (folds < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + folds);
    }
    Pipeline pipeline = new Pipeline(List.of(new BackboneAnnotator(CoreNlpBackbone.load()), new EncoderAnnotator(Encoder.standard())));
    List<Sample> samples = new ArrayList<>();
    for (Path gold : golds) {
      List<NerEval.GoldDocument> docs = NerEval.read(gold);
      for (int i = 0; i < docs.size(); i++) {
        Document d = pipeline.analyze(Article.ofText(gold.toString(), docs.get(i).text()));
        samples.add(new Sample(gold, i, docs.get(i), d, goldLabels(d.tokens(), docs.get(i))));
      }
    }
    Map<Path, Map<String, Counts>> crf = new LinkedHashMap<>();
    Map<Path, Map<String, Counts>> head = new LinkedHashMap<>();
    for (Sample s : samples) {
      NerEval.count(s.gold().entities(), resolved(s.analysed(), nerOf(s.analysed().tokens())), crf.computeIfAbsent(s.file(), f -> new LinkedHashMap<>()));
    }
    for (int k = 0; k < folds; k++) {
      List<Sample> train = new ArrayList<>();
      List<Sample> test = new ArrayList<>();
      for (Sample s : samples) {
        (s.index() % folds == k ? test : train).add(s);
      }
      Model model = fit(train, c, withCrfLabels);
      for (Sample s : test) {
        String[] bio = decode(model, s.analysed(), withCrfLabels);
        String[] io = new String[bio.length];
        for (int i = 0; i < bio.length; i++) {
          io[i] = bio[i].equals("O") ? "O" : TO_PRESSLENS.get(bio[i].substring(2));
        }
        NerEval.count(s.gold().entities(), resolved(s.analysed(), io), head.computeIfAbsent(s.file(), f -> new LinkedHashMap<>()));
      }
      progress.accept("fold " + (k + 1) + " of " + folds);
    }
    return new Result(results(crf, samples), results(head, samples));
  }

  private static Map<Path, NerEval.Result> results(Map<Path, Map<String, Counts>> counts, List<Sample> samples) {
    Map<Path, NerEval.Result> out = new LinkedHashMap<>();
    counts.forEach((file, byType) -> {
      int docs = (int) samples.stream().filter(s -> s.file().equals(file)).count();
      int sentences = samples.stream().filter(s -> s.file().equals(file)).mapToInt(s -> s.gold().sentences()).sum();
      out.put(file, new NerEval.Result(byType, docs, sentences));
    });
    return out;
  }

  private static String[] nerOf(List<Token> tokens) {
    return tokens.stream().map(Token::ner).toArray(String[]::new);
  }

  /** The entity stage's mentions when the tokens carry {@code labels} instead of the CRF's. */
  private static java.util.Set<NerEval.TypedSpan> resolved(Document analysed, String[] labels) {
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

  private static Feature[] features(Document d, int i, boolean withCrfLabels) {
    List<Token> tokens = d.tokens();
    List<Feature> f = new ArrayList<>();
    int index = 1;
    float[] v = d.vectors().vector(i);
    for (int k = 0; k < v.length; k++) {
      f.add(new FeatureNode(index + k, v[k]));
    }
    index += v.length;
    for (int offset = -1; offset <= 1; offset++) {
      int j = i + offset;
      boolean in = sameSentence(tokens, i, j);
      if (withCrfLabels && in) {
        String label = tokens.get(j).ner();
        f.add(new FeatureNode(index + CRF_LABELS.indexOf(label), 1));
        // The conjunction a linear model cannot form itself: the CRF's entity goes on (I-, not B-).
        if (offset == -1 && !label.equals("O") && label.equals(tokens.get(i).ner())) {
          f.add(new FeatureNode(index + CRF_LABELS.size(), 1));
        }
      }
      index += CRF_LABELS.size() + 1;
      String w = in ? tokens.get(j).word() : "";
      int first = w.isEmpty() ? 0 : w.codePointAt(0);
      boolean starts = in && (j == 0 || tokens.get(j - 1).sentence() != tokens.get(j).sentence());
      boolean letters = w.chars().anyMatch(Character::isLetter);
      boolean[] shape = {
        !in,
        Character.isUpperCase(first),
        letters && w.equals(w.toUpperCase()),
        letters && w.equals(w.toLowerCase()),
        w.chars().anyMatch(Character::isDigit),
        !w.isEmpty() && !Character.isLetterOrDigit(first),
        starts,
        starts && Character.isUpperCase(first),
      };
      for (int k = 0; k < SHAPES; k++) {
        if (shape[k]) {
          f.add(new FeatureNode(index + k, 1));
        }
      }
      index += SHAPES;
    }
    f.add(new FeatureNode(index, 1)); // bias
    return f.toArray(new Feature[0]);
  }

  private static int featureCount() {
    return Encoder.DIMENSION + 3 * (CRF_LABELS.size() + 1 + SHAPES) + 1;
  }

  private static Model fit(List<Sample> train, double c, boolean withCrfLabels) {
    List<Feature[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (Sample s : train) {
      for (int i = 0; i < s.labels().length; i++) {
        x.add(features(s.analysed(), i, withCrfLabels));
        y.add((double) s.labels()[i]);
      }
    }
    Problem p = new Problem();
    p.l = x.size();
    p.n = featureCount();
    p.x = x.toArray(new Feature[0][]);
    p.y = y.stream().mapToDouble(Double::doubleValue).toArray();
    Linear.disableDebugOutput();
    return Linear.train(p, new Parameter(SolverType.L2R_LR, c, 0.01));
  }

  /** Viterbi over the head's log-probabilities; I-X only after B-X or I-X in the same sentence. */
  private static String[] decode(Model model, Document d, boolean withCrfLabels) {
    List<Token> tokens = d.tokens();
    int n = tokens.size();
    int l = LABELS.size();
    int[] order = model.getLabels();
    double[][] best = new double[n][l];
    int[][] back = new int[n][l];
    double[] p = new double[order.length];
    for (int i = 0; i < n; i++) {
      double[] logp = new double[l];
      java.util.Arrays.fill(logp, Math.log(1e-9)); // a label no training token had
      Linear.predictProbability(model, features(d, i, withCrfLabels), p);
      for (int k = 0; k < order.length; k++) {
        logp[order[k]] = Math.log(Math.max(p[k], 1e-9));
      }
      boolean starts = !sameSentence(tokens, i, i - 1);
      for (int k = 0; k < l; k++) {
        String label = LABELS.get(k);
        double from = Double.NEGATIVE_INFINITY;
        int arg = 0;
        for (int q = 0; q < (i == 0 ? 1 : l); q++) {
          double prev = i == 0 ? 0 : best[i - 1][q];
          boolean allowed = !label.startsWith("I-")
              || !starts && !LABELS.get(q).equals("O") && LABELS.get(q).substring(2).equals(label.substring(2));
          if (allowed && prev > from) {
            from = prev;
            arg = q;
          }
        }
        best[i][k] = from + logp[k];
        back[i][k] = arg;
      }
    }
    String[] out = new String[n];
    int k = 0;
    for (int q = 1; q < l && n > 0; q++) {
      if (best[n - 1][q] > best[n - 1][k]) {
        k = q;
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      out[i] = LABELS.get(k);
      k = back[i][k];
    }
    return out;
  }
}
