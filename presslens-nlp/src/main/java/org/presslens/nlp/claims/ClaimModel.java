package org.presslens.nlp.claims;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A logistic-regression check-worthiness model: a weight per feature name, a bias, and the
 * decision threshold chosen on dev. Stored as gzipped text ({@code # key=value} header lines,
 * then {@code feature<TAB>weight}), so it needs no ML library at run time and diffs as text.
 */
public final class ClaimModel {
  /** The model shipped with PressLens, rebuilt by {@code presslens train claims}. */
  public static final String RESOURCE = "claims-model.tsv.gz";

  private final Map<String, Double> weights;
  private final double bias;
  private final double threshold;
  private final Map<String, String> notes;

  ClaimModel(Map<String, Double> weights, double bias, double threshold, Map<String, String> notes) {
    this.weights = Map.copyOf(weights);
    this.bias = bias;
    this.threshold = threshold;
    this.notes = Map.copyOf(notes);
  }

  /** The shipped model. */
  public static ClaimModel standard() {
    try (InputStream in = ClaimModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE + ": run presslens train claims");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decision threshold chosen on dev. */
  public double threshold() {
    return threshold;
  }

  /** What the trainer wrote about data, parameters and scores. */
  public Map<String, String> notes() {
    return notes;
  }

  Map<String, Double> weightsView() {
    return weights;
  }

  double bias() {
    return bias;
  }

  /** Probability in [0, 1] that a sentence with these features is check-worthy. */
  double score(List<String> features) {
    double z = bias;
    for (String f : features) {
      Double w = weights.get(f);
      if (w != null) {
        z += w;
      }
    }
    return 1 / (1 + Math.exp(-z));
  }

  static ClaimModel read(InputStream gz) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz), StandardCharsets.UTF_8));
    Map<String, Double> weights = new HashMap<>();
    Map<String, String> notes = new java.util.LinkedHashMap<>();
    for (String line; (line = r.readLine()) != null; ) {
      if (line.startsWith("# ")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          notes.put(line.substring(2, eq), line.substring(eq + 1));
        }
        continue;
      }
      int tab = line.lastIndexOf('\t');
      weights.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
    }
    return new ClaimModel(weights, Double.parseDouble(notes.get("bias")), Double.parseDouble(notes.get("threshold")), notes);
  }

  /** Writes the model; features in name order, so that a retrained model diffs cleanly. */
  void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
      for (Map.Entry<String, String> n : new java.util.TreeMap<>(notes).entrySet()) {
        w.write("# " + n.getKey() + "=" + n.getValue() + "\n");
      }
      for (Map.Entry<String, Double> e : new java.util.TreeMap<>(weights).entrySet()) {
        w.write(e.getKey() + "\t" + String.format(java.util.Locale.ROOT, "%.5g", e.getValue()) + "\n");
      }
    }
  }
}
