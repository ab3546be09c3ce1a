package org.presslens.core.learn;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * L2-regularised logistic regression with liblinear over named binary features and, optionally, a
 * dense vector per example. The feature index (features seen at least {@code minCount} times) and
 * the problem are built once, so that several values of C can be tried on the same data.
 *
 * <p>Dense inputs are standardised (mean 0, variance 1 over the training examples), then scaled by
 * a {@code denseWeight}: with one C for all weights, a dense input scaled by a regularises as if
 * its own C were C·a², so words and vectors each get the regularisation they want. The stored
 * weights are folded back to the raw inputs, so the model reads them as they come.
 */
public final class LinearTrainer {
  /** Weights smaller than this are left out of the stored model: they change no decision. */
  private static final double NEGLIGIBLE = 1e-3;
  /** liblinear's stopping tolerance: tighter than its default, so that the optimum is reached. */
  private static final double STOPPING = 1e-3;

  private final List<String> classes;
  private final String[] names;
  private final Problem problem;
  private final int denseInputs;
  private final double[] denseMean;
  private final double[] denseScale;
  private final double denseWeight;

  /**
   * @param examples each example's features
   * @param labels each example's class, an index into {@code classes}
   */
  public LinearTrainer(List<? extends Collection<String>> examples, int[] labels, List<String> classes, int minCount) {
    this(examples, null, 1, labels, classes, minCount);
  }

  /**
   * @param examples each example's binary features
   * @param dense each example's dense inputs, all of one length; or null for none
   * @param denseWeight what the standardised dense inputs are multiplied by (1: as they are)
   * @param labels each example's class, an index into {@code classes}
   */
  public LinearTrainer(List<? extends Collection<String>> examples, List<float[]> dense, double denseWeight, int[] labels,
      List<String> classes, int minCount) {
    this.classes = List.copyOf(classes);
    this.denseWeight = denseWeight;
    denseInputs = dense == null || dense.isEmpty() ? 0 : dense.get(0).length;
    denseMean = new double[denseInputs];
    denseScale = new double[denseInputs];
    for (int j = 0; j < denseInputs; j++) {
      double sum = 0;
      double squares = 0;
      for (float[] v : dense) {
        sum += v[j];
        squares += (double) v[j] * v[j];
      }
      denseMean[j] = sum / dense.size();
      double variance = squares / dense.size() - denseMean[j] * denseMean[j];
      denseScale[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
    }
    Map<String, Integer> counts = new HashMap<>();
    examples.forEach(e -> e.forEach(f -> counts.merge(f, 1, Integer::sum)));
    TreeSet<String> kept = new TreeSet<>();
    counts.forEach((f, n) -> {
      if (n >= minCount) {
        kept.add(f);
      }
    });
    names = kept.toArray(String[]::new);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      index.put(names[i], i + 1);
    }
    problem = new Problem();
    problem.l = examples.size();
    problem.n = names.length + denseInputs + 1;
    problem.bias = 1;
    problem.x = new Feature[examples.size()][];
    problem.y = new double[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      int[] ids = examples.get(i).stream().map(index::get).filter(id -> id != null).mapToInt(Integer::intValue).distinct().sorted().toArray();
      Feature[] x = new Feature[ids.length + denseInputs + 1];
      for (int k = 0; k < ids.length; k++) {
        x[k] = new FeatureNode(ids[k], 1);
      }
      for (int j = 0; j < denseInputs; j++) {
        x[ids.length + j] = new FeatureNode(names.length + 1 + j, denseWeight * (dense.get(i)[j] - denseMean[j]) / denseScale[j]);
      }
      x[ids.length + denseInputs] = new FeatureNode(names.length + denseInputs + 1, 1);
      problem.x[i] = x;
      problem.y[i] = labels[i];
    }
  }

  /** Number of features kept. */
  public int features() {
    return names.length;
  }

  /** Trains with regularisation {@code c}. */
  public LinearModel fit(double c) {
    return fit(c, false);
  }

  /**
   * Trains with regularisation {@code c}; when {@code balanced}, each class's errors weigh
   * inversely to its frequency, so that a rare class counts as much as a common one.
   */
  public LinearModel fit(double c, boolean balanced) {
    Linear.disableDebugOutput();
    Parameter parameter = new Parameter(SolverType.L2R_LR, c, STOPPING);
    if (balanced) {
      int[] counts = new int[classes.size()];
      for (double y : problem.y) {
        counts[(int) y]++;
      }
      // Weights only for the classes the data has, so that a class without examples is reported
      // below as such rather than as liblinear's "label not found".
      int present = (int) java.util.Arrays.stream(counts).filter(n -> n > 0).count();
      double[] weights = new double[present];
      int[] labels = new int[present];
      for (int k = 0, j = 0; k < counts.length; k++) {
        if (counts[k] > 0) {
          labels[j] = k;
          weights[j++] = (double) problem.l / (present * counts[k]);
        }
      }
      parameter.setWeights(weights, labels);
    }
    Model m = Linear.train(problem, parameter);
    int[] seen = m.getLabels();
    double[] w = m.getFeatureWeights();
    int columns = m.getNrClass() == 2 ? 1 : m.getNrClass();
    if (m.getNrClass() != classes.size()) { // a two-class model of three classes would score the wrong ones
      throw new IllegalArgumentException("every class needs training examples: saw " + m.getNrClass() + " of " + classes.size());
    }
    // liblinear orders classes as first seen; a two-class model's vector scores seen[0].
    int[] column = new int[classes.size()];
    for (int k = 0; k < seen.length; k++) {
      column[seen[k]] = k;
    }
    double sign = columns == 1 && seen[0] != 1 ? -1 : 1;
    Map<String, float[]> weights = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      float[] v = new float[columns];
      boolean any = false;
      for (int k = 0; k < columns; k++) {
        double x = sign * w[i * columns + (columns == 1 ? 0 : column[k])];
        v[k] = (float) x;
        any |= Math.abs(x) >= NEGLIGIBLE;
      }
      if (any) {
        weights.put(names[i], v);
      }
    }
    double[] bias = new double[columns];
    for (int k = 0; k < columns; k++) {
      bias[k] = sign * w[(names.length + denseInputs) * columns + (columns == 1 ? 0 : column[k])];
    }
    // w·a(x − mean)/scale = (wa/scale)·x − Σ wa·mean/scale: raw-input weights and a shifted bias.
    float[][] denseWeights = new float[denseInputs][columns];
    for (int j = 0; j < denseInputs; j++) {
      for (int k = 0; k < columns; k++) {
        double x = sign * w[(names.length + j) * columns + (columns == 1 ? 0 : column[k])] * denseWeight / denseScale[j];
        denseWeights[j][k] = (float) x;
        bias[k] -= x * denseMean[j];
      }
    }
    return new LinearModel(classes, weights, denseWeights, bias, Map.of("C", String.valueOf(c)));
  }
}
