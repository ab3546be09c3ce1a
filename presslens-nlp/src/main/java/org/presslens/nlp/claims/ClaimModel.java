package org.presslens.nlp.claims;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.presslens.core.Document;
import org.presslens.core.learn.LinearModel;

/**
 * The check-worthiness model: a two-class logistic regression over {@link ClaimFeatures} and/or
 * the encoder's mean vector of the sentence, with the decision threshold chosen by
 * cross-validation on train kept in its notes.
 */
public final class ClaimModel {
  /** The model shipped with PressLens, rebuilt by {@code presslens train claims}. */
  public static final String RESOURCE = "claims-model.tsv.gz";

  private final LinearModel model;
  private final double threshold;

  ClaimModel(LinearModel model) {
    this.model = model;
    this.threshold = Double.parseDouble(model.notes().getOrDefault("threshold", "0.5"));
  }

  /** The shipped model. */
  public static ClaimModel standard() {
    return new ClaimModel(LinearModel.resource(ClaimModel.class, RESOURCE, "presslens train claims"));
  }

  /** The decision threshold chosen by cross-validation on train. */
  public double threshold() {
    return threshold;
  }

  /** What the trainer wrote about data, parameters and scores. */
  public Map<String, String> notes() {
    return model.notes();
  }

  /** Whether the model reads the encoder's vectors. */
  boolean readsVectors() {
    return model.denseInputs() > 0;
  }

  /** Probability in [0, 1] that the sentence of tokens {@code [from, to)} is check-worthy. */
  double score(Document doc, int from, int to) {
    return score(ClaimFeatures.of(doc, from, to), readsVectors() ? doc.vectors().mean(from, to) : null);
  }

  /** Probability in [0, 1] from features and (for a model that reads them) the sentence's mean vector. */
  double score(List<String> features, float[] vector) {
    return model.probability(features, vector);
  }

  ClaimModel withNotes(Map<String, String> notes) {
    return new ClaimModel(model.withNotes(notes));
  }

  void write(Path file) throws IOException {
    model.write(file);
  }
}
