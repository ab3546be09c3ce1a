package org.presslens.nlp.claims;

import java.util.List;
import java.util.Map;
import org.presslens.core.Document;
import org.presslens.core.learn.LinearModel;
import org.presslens.nlp.encoder.Encoder;

/**
 * The check-worthiness model: a logistic output over the mean of a sentence's token vectors (the
 * document's {@code VECTORS} layer), trained together with the encoder under it, fine-tuned on
 * CheckThat! 2024 and NewsMTSC at once ({@link Encoder#REBUILD}); the decision threshold, chosen
 * by cross-validation on train, is kept in its notes with data, command and scores.
 */
public final class ClaimModel {
  /** The head, a resource beside the encoder it was trained with. */
  static final String HEAD = "claims-head.tsv.gz";

  private final LinearModel head;
  private final double threshold;

  private ClaimModel(LinearModel head) {
    if (head.denseInputs() != Encoder.DIMENSION || head.classes().size() != 2) {
      throw new IllegalStateException(HEAD + " is not a two-class head over one pooled vector of " + Encoder.DIMENSION);
    }
    this.head = head;
    this.threshold = Double.parseDouble(head.notes().getOrDefault("threshold", "0.5"));
  }

  /**
   * The shipped model.
   *
   * @throws IllegalStateException when the head is missing or is not a two-class head over one
   *     pooled vector
   */
  public static ClaimModel standard() {
    return new ClaimModel(LinearModel.resource(Encoder.class, HEAD, Encoder.REBUILD));
  }

  /** The decision threshold chosen by cross-validation on train. */
  public double threshold() {
    return threshold;
  }

  /** What the trainer wrote about data, parameters and scores. */
  public Map<String, String> notes() {
    return head.notes();
  }

  /** Probability in [0, 1] that the sentence of tokens {@code [from, to)} is check-worthy. */
  double score(Document doc, int from, int to) {
    return head.probability(List.of(), doc.vectors().mean(from, to));
  }
}
