package org.presslens.core.learn;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A logistic-regression classifier over named binary features and, optionally, a dense vector
 * (the encoder's, pooled), as liblinear trains it: one weight vector per class (one-vs-rest), or a
 * single vector for the second of two classes. Stored as gzipped text ({@code # key=value} notes,
 * then {@code feature<TAB>weight…}, the dense weights as features {@code dense:0…}), so it needs
 * no ML library at run time and a retrained model diffs as text. A model whose notes say
 * {@code link=softmax} (a head fine-tuned with the encoder) normalises its classes by softmax.
 */
public final class LinearModel {
  private static final String DENSE = "dense:";

  private final List<String> classes;
  private final Map<String, float[]> weights;
  /** dense[j][k]: the weight of dense input j for class column k; empty without dense inputs. */
  private final float[][] dense;
  private final double[] bias;
  private final Map<String, String> notes;
  /** Whether the classes were trained jointly (a softmax head) rather than one-vs-rest. */
  private final boolean softmax;

  LinearModel(List<String> classes, Map<String, float[]> weights, float[][] dense, double[] bias, Map<String, String> notes) {
    this.classes = List.copyOf(classes);
    this.weights = weights;
    this.dense = dense;
    this.bias = bias.clone();
    this.notes = Map.copyOf(notes);
    this.softmax = "softmax".equals(notes.get("link"));
  }

  /** How many dense inputs the model reads: 0 for binary features alone. */
  public int denseInputs() {
    return dense.length;
  }

  /** Whether the model reads binary word features (a liblinear table), not dense inputs alone (a head). */
  public boolean readsFeatures() {
    return !weights.isEmpty();
  }

  /** The class names, in the order of {@link #probabilities}. */
  public List<String> classes() {
    return classes;
  }

  /** What the trainer wrote about data, parameters and scores. */
  public Map<String, String> notes() {
    return notes;
  }

  /** The same weights with other notes. */
  public LinearModel withNotes(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(notes);
    all.putAll(more);
    return new LinearModel(classes, weights, dense, bias, all);
  }

  /** Probability of each class given the features present; they sum to 1. */
  public double[] probabilities(Collection<String> features) {
    return probabilities(features, null);
  }

  /**
   * Probability of each class given the binary features present and the dense inputs; they sum
   * to 1.
   *
   * @param inputs {@link #denseInputs()} values, or null for a model without dense inputs
   * @throws IllegalArgumentException when the number of dense inputs is not the model's
   */
  public double[] probabilities(Collection<String> features, float[] inputs) {
    double[] z = bias.clone();
    int n = inputs == null ? 0 : inputs.length;
    if (n != dense.length) {
      throw new IllegalArgumentException("the model reads " + dense.length + " dense inputs, given " + n);
    }
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < z.length; k++) {
        z[k] += dense[j][k] * inputs[j];
      }
    }
    for (String f : features) {
      float[] w = weights.get(f);
      if (w != null) {
        for (int k = 0; k < z.length; k++) {
          z[k] += w[k];
        }
      }
    }
    if (classes.size() == 2) {
      double p = sigmoid(z[0]);
      return new double[] {1 - p, p};
    }
    if (softmax) {
      double max = Arrays.stream(z).max().orElse(0);
      double sum = 0;
      for (int k = 0; k < z.length; k++) {
        z[k] = Math.exp(z[k] - max);
        sum += z[k];
      }
      for (int k = 0; k < z.length; k++) {
        z[k] /= sum;
      }
      return z;
    }
    // One-vs-rest scores normalised, as liblinear's predict_probability does.
    double sum = 0;
    for (int k = 0; k < z.length; k++) {
      z[k] = sigmoid(z[k]);
      sum += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= sum;
    }
    return z;
  }

  /** For a two-class model, the probability of the second class. */
  public double probability(Collection<String> features) {
    return probability(features, null);
  }

  /** For a two-class model, the probability of the second class given dense inputs too. */
  public double probability(Collection<String> features, float[] inputs) {
    if (classes.size() != 2) {
      throw new IllegalStateException("not a two-class model: " + classes);
    }
    return probabilities(features, inputs)[1];
  }

  /** The index of the most probable class. */
  public static int argmax(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      best = p[k] > p[best] ? k : best;
    }
    return best;
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  /** Reads a model from a classpath resource next to {@code owner}. */
  public static LinearModel resource(Class<?> owner, String name, String rebuild) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + ": run " + rebuild);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a model from a gzipped file, as {@link #write} writes it. */
  public static LinearModel read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  /** Reads a model from a gzipped stream, as {@link #write} writes it. */
  public static LinearModel read(InputStream gz) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8));
    Map<String, String> notes = new LinkedHashMap<>();
    Map<String, float[]> weights = new HashMap<>();
    for (String line; (line = r.readLine()) != null; ) {
      if (line.startsWith("# ")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          notes.put(line.substring(2, eq), line.substring(eq + 1));
        }
        continue;
      }
      String[] cells = line.split("\t");
      float[] w = new float[cells.length - 1];
      for (int k = 0; k < w.length; k++) {
        w[k] = Float.parseFloat(cells[k + 1]);
      }
      weights.put(cells[0], w);
    }
    List<String> classes = List.of(notes.get("classes").split("\\|"));
    double[] bias = Arrays.stream(notes.get("bias").split("\\|")).mapToDouble(Double::parseDouble).toArray();
    float[][] dense = new float[0][];
    for (int j = 0; weights.containsKey(DENSE + j); j++) {
      dense = Arrays.copyOf(dense, j + 1);
      dense[j] = weights.remove(DENSE + j);
    }
    return new LinearModel(classes, weights, dense, bias, notes);
  }

  /** Writes the model; features in name order, so that a retrained model diffs cleanly. */
  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Map<String, String> all = new TreeMap<>(notes);
    all.put("classes", String.join("|", classes));
    StringBuilder b = new StringBuilder();
    for (double v : bias) {
      b.append(b.length() == 0 ? "" : "|").append(v);
    }
    all.put("bias", b.toString());
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
      for (Map.Entry<String, String> n : all.entrySet()) {
        w.write("# " + n.getKey() + "=" + n.getValue() + "\n");
      }
      Map<String, float[]> rows = new TreeMap<>(weights);
      for (int j = 0; j < dense.length; j++) {
        rows.put(DENSE + j, dense[j]);
      }
      for (Map.Entry<String, float[]> e : rows.entrySet()) {
        w.write(e.getKey());
        // Dense weights are folded back from standardised inputs and meet the bias in large sums:
        // written exactly. Feature weights need no more than five digits.
        boolean exact = e.getKey().startsWith(DENSE);
        for (float v : e.getValue()) {
          w.write('\t');
          w.write(exact ? Float.toString(v) : String.format(Locale.ROOT, "%.5g", v));
        }
        w.write('\n');
      }
    }
  }
}
