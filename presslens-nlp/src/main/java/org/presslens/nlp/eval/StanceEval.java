package org.presslens.nlp.eval;

import java.io.PrintStream;
import java.util.List;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.core.learn.LinearModel;
import org.presslens.nlp.stance.StanceModel;

/**
 * Target-dependent sentiment on NewsMTSC, scored as its paper does: accuracy and the macro-F1
 * over the three classes (F1m). Each sentence is analysed as its own document.
 */
public final class StanceEval {
  private StanceEval() {}

  /** A confusion matrix, gold × predicted, over negative, neutral, positive. */
  public record Scores(int[][] confusion) {
    public static Scores of(int[][] confusion) {
      return new Scores(confusion);
    }

    public int total() {
      int n = 0;
      for (int[] row : confusion) {
        for (int v : row) {
          n += v;
        }
      }
      return n;
    }

    public double accuracy() {
      int right = 0;
      for (int k = 0; k < confusion.length; k++) {
        right += confusion[k][k];
      }
      return total() == 0 ? 0 : (double) right / total();
    }

    public double f1(int k) {
      int predicted = 0;
      int gold = 0;
      for (int j = 0; j < confusion.length; j++) {
        predicted += confusion[j][k];
        gold += confusion[k][j];
      }
      double p = predicted == 0 ? 0 : (double) confusion[k][k] / predicted;
      double r = gold == 0 ? 0 : (double) confusion[k][k] / gold;
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
      double sum = 0;
      for (int k = 0; k < confusion.length; k++) {
        sum += f1(k);
      }
      return sum / confusion.length;
    }
  }

  public static Scores run(List<NewsMtsc.Sentence> sentences, Pipeline pipeline, StanceModel model) throws InterruptedException {
    List<Document> docs = ParallelAnalysis.map(sentences.stream().map(NewsMtsc.Sentence::article).toList(), pipeline, d -> d);
    int[][] confusion = new int[3][3];
    for (int s = 0; s < sentences.size(); s++) {
      for (NewsMtsc.Target t : sentences.get(s).targets()) {
        double[] p = model.probabilities(docs.get(s), t.span());
        int predicted = p == null ? 1 : LinearModel.argmax(p); // no token under the target: neutral
        confusion[t.polarity()][predicted]++;
      }
    }
    return new Scores(confusion);
  }

  public static void print(Scores s, PrintStream out) {
    out.printf("targets %d%naccuracy %.4f%nmacro-F1 (F1m) %.4f%n", s.total(), s.accuracy(), s.macroF1());
    for (int k = 0; k < 3; k++) {
      out.printf("  %-9s F1 %.4f   gold→predicted %s%n", NewsMtsc.POLARITIES.get(k), s.f1(k), java.util.Arrays.toString(s.confusion()[k]));
    }
  }

}
