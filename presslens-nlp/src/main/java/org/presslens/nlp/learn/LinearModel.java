package org.presslens.nlp.learn;

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
 * A logistic-regression classifier over named binary features, as liblinear trains it: one weight
 * vector per class (one-vs-rest), or a single vector for the second of two classes. Stored as
 * gzipped text ({@code # key=value} notes, then {@code feature<TAB>weight…}), so it needs no ML
 * library at run time and a retrained model diffs as text.
 */
public final class LinearModel {
  private final List<String> classes;
  private final Map<String, float[]> weights;
  private final double[] bias;
  private final Map<String, String> notes;

  LinearModel(List<String> classes, Map<String, float[]> weights, double[] bias, Map<String, String> notes) {
    this.classes = List.copyOf(classes);
    this.weights = weights;
    this.bias = bias.clone();
    this.notes = Map.copyOf(notes);
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
    return new LinearModel(classes, weights, bias, all);
  }

  /** Probability of each class given the features present; they sum to 1. */
  public double[] probabilities(Collection<String> features) {
    double[] z = bias.clone();
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
    if (classes.size() != 2) {
      throw new IllegalStateException("not a two-class model: " + classes);
    }
    return probabilities(features)[1];
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
    return new LinearModel(classes, weights, bias, notes);
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
      for (Map.Entry<String, float[]> e : new TreeMap<>(weights).entrySet()) {
        w.write(e.getKey());
        for (float v : e.getValue()) {
          w.write('\t');
          w.write(String.format(Locale.ROOT, "%.5g", v));
        }
        w.write('\n');
      }
    }
  }
}
