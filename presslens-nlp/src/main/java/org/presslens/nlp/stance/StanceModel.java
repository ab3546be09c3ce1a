package org.presslens.nlp.stance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.presslens.core.Document;
import org.presslens.core.Span;
import org.presslens.core.learn.LinearModel;

/**
 * Target-dependent sentiment: how a sentence portrays the person or organisation a mention
 * names, negative, neutral or positive. A logistic regression over {@link StanceFeatures},
 * trained on NewsMTSC by {@code presslens train stance}.
 */
public final class StanceModel {
  static final String RESOURCE = "stance-model.tsv.gz";

  private final LinearModel model;

  StanceModel(LinearModel model) {
    this.model = model;
  }

  public static StanceModel standard() {
    return new StanceModel(LinearModel.resource(StanceModel.class, RESOURCE, "presslens train stance"));
  }

  /** Class names in the order of {@link #probabilities}: negative, neutral, positive. */
  public List<String> polarities() {
    return model.classes();
  }

  /**
   * Probability of each polarity for the mention at {@code target} in an analysed document, or
   * null when no token lies under the span.
   */
  public double[] probabilities(Document doc, Span target) {
    StanceFeatures.Place p = StanceFeatures.locate(doc, target);
    if (p == null) {
      return null;
    }
    // A model trained on vectors alone has no word weights: the words it is given change nothing.
    return model.probabilities(StanceFeatures.of(doc, p, target), model.denseInputs() == 0 ? null : StanceFeatures.vectors(doc, p));
  }

  StanceModel withNotes(Map<String, String> notes) {
    return new StanceModel(model.withNotes(notes));
  }

  void write(Path file) throws IOException {
    model.write(file);
  }
}
