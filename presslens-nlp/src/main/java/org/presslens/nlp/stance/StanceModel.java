package org.presslens.nlp.stance;

import java.util.List;
import java.util.Map;
import org.presslens.core.Document;
import org.presslens.core.Span;
import org.presslens.core.TokenVectors;
import org.presslens.core.learn.LinearModel;
import org.presslens.nlp.encoder.Encoder;

/**
 * Target-dependent sentiment: how a sentence portrays the person or organisation a mention
 * names, negative, neutral or positive.
 *
 * <p>A softmax head over two pooled vectors of the document's {@code VECTORS} layer, the mean of
 * the target's token vectors and the mean of its sentence's, gives the three probabilities. The
 * head was trained together with the encoder under it, fine-tuned on NewsMTSC (Hamborg and
 * Donnay 2021) and CheckThat! at once ({@code training/finetune.py}, exported by
 * {@code training/export_onnx.py}; {@link Encoder#REBUILD}); data, command and scores are the
 * notes in the head's header. Why fine-tuning, and what it was measured against:
 * {@code docs/ENCODER.md}.
 */
public final class StanceModel {
  /** The head, a resource beside the encoder it was trained with. */
  static final String HEAD = "stance-head.tsv.gz";

  private static volatile StanceModel standard;

  private final LinearModel head;

  private StanceModel(LinearModel head) {
    if (head.denseInputs() != 2 * Encoder.DIMENSION) {
      throw new IllegalStateException(HEAD + " reads " + head.denseInputs() + " inputs, not the " + 2 * Encoder.DIMENSION + " of two pooled vectors");
    }
    this.head = head;
  }

  /**
   * The shipped model, loaded on first use and shared by every pipeline and thread of the
   * process from then on.
   *
   * @throws IllegalStateException when the head is missing or does not read two pooled vectors
   */
  public static StanceModel standard() {
    StanceModel m = standard;
    if (m == null) {
      synchronized (StanceModel.class) {
        m = standard;
        if (m == null) {
          standard = m = new StanceModel(LinearModel.resource(Encoder.class, HEAD, Encoder.REBUILD));
        }
      }
    }
    return m;
  }

  /** Class names in the order of {@link #probabilities}: negative, neutral, positive. */
  public List<String> polarities() {
    return head.classes();
  }

  /** The head's notes: data, command, settings and scores of the training run. */
  public Map<String, String> notes() {
    return head.notes();
  }

  /**
   * Probability of each polarity for the mention at {@code target} in a document with tokens,
   * sentences and vectors, in the order of {@link #polarities()}; null when no token lies under
   * the span.
   *
   * @throws IllegalStateException when the document has no VECTORS layer (the encoder stage has
   *     not run on it)
   */
  public double[] probabilities(Document doc, Span target) {
    if (doc.vectors() == null) {
      throw new IllegalStateException("stance reads the encoder's vectors: run the encoder stage before it");
    }
    int[] mention = doc.tokensOf(target);
    if (mention == null) {
      return null;
    }
    // The sentence of the target's first token, reaching to its last, as training pooled it (FineTuningData).
    int[] sentence = doc.sentenceOf(mention[0]);
    int to = Math.max(mention[1], sentence[1]);
    TokenVectors v = doc.vectors();
    float[] inputs = new float[2 * Encoder.DIMENSION];
    System.arraycopy(v.mean(mention[0], mention[1]), 0, inputs, 0, Encoder.DIMENSION);
    System.arraycopy(v.mean(sentence[0], to), 0, inputs, Encoder.DIMENSION, Encoder.DIMENSION);
    return head.probabilities(List.of(), inputs);
  }
}
