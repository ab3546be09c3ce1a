package org.presslens.nlp.claims;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.presslens.nlp.learn.LinearModel;

/**
 * The check-worthiness model: a two-class logistic regression over {@link ClaimFeatures}, with the
 * decision threshold chosen on dev kept in its notes.
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

  /** The decision threshold chosen on dev. */
  public double threshold() {
    return threshold;
  }

  /** What the trainer wrote about data, parameters and scores. */
  public Map<String, String> notes() {
    return model.notes();
  }

  /** Probability in [0, 1] that a sentence with these features is check-worthy. */
  double score(List<String> features) {
    return model.probability(features);
  }

  ClaimModel withNotes(Map<String, String> notes) {
    return new ClaimModel(model.withNotes(notes));
  }

  void write(Path file) throws IOException {
    model.write(file);
  }
}
