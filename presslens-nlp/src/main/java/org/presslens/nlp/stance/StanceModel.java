package org.presslens.nlp.stance;

import java.util.HashMap;
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
 * <p>An encoder fine-tuned on NewsMTSC (all-MiniLM-L6-v2, every layer, int8; Hamborg and Donnay
 * 2021 for the data) reads the target's sentence on its own, and a softmax head over two pooled
 * vectors, the mean of the target's token vectors and the mean of its sentence's, gives the three
 * probabilities. The model is trained offline ({@code training/finetune.py}, exported by
 * {@code training/export_onnx.py}; the steps are in {@code training/README.md}); data, command and
 * scores are the notes in the head's header. Why fine-tuning, and what it was measured against:
 * {@code docs/ENCODER.md}.
 */
public final class StanceModel {
  static final String ENCODER = "stance-encoder.onnx";
  static final String HEAD = "stance-head.tsv.gz";
  private static final String REBUILD = "the stance steps of training/README.md";

  private static volatile StanceModel standard;

  private final Encoder encoder;
  private final LinearModel head;

  private StanceModel(Encoder encoder, LinearModel head) {
    if (head.denseInputs() != 2 * Encoder.DIMENSION) {
      throw new IllegalStateException(HEAD + " reads " + head.denseInputs() + " inputs, not the " + 2 * Encoder.DIMENSION + " of two pooled vectors");
    }
    this.encoder = encoder;
    this.head = head;
  }

  /**
   * The shipped model, loaded on first use (about a second: a second ONNX Runtime session) and
   * shared by every pipeline and thread of the process from then on.
   *
   * @throws IllegalStateException when the model's resources are missing
   */
  public static StanceModel standard() {
    StanceModel m = standard;
    if (m == null) {
      synchronized (StanceModel.class) {
        m = standard;
        if (m == null) {
          standard = m = new StanceModel(Encoder.fineTuned(StanceModel.class, ENCODER, REBUILD),
              LinearModel.resource(StanceModel.class, HEAD, REBUILD));
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
   * Probability of each polarity for the mention at {@code target} in a document with tokens and
   * sentences, or null when no token lies under the span.
   */
  public double[] probabilities(Document doc, Span target) {
    return reader(doc).probabilities(target);
  }

  /** Reads the mentions of one document, each sentence through the encoder once. */
  Reader reader(Document doc) {
    return new Reader(doc);
  }

  /** The mentions of one document; not for sharing between threads. */
  final class Reader {
    private final Document doc;
    /** The encoder's vectors of the token ranges read so far, by range ([from, to) packed). */
    private final Map<Long, TokenVectors> sentences = new HashMap<>();

    private Reader(Document doc) {
      this.doc = doc;
    }

    /** As {@link StanceModel#probabilities(Document, Span)}. */
    double[] probabilities(Span target) {
      int[] mention = doc.tokensOf(target);
      if (mention == null) {
        return null;
      }
      // The sentence of the target's first token, reaching to its last, as training pooled it (FineTuningData).
      int[] sentence = doc.sentenceOf(mention[0]);
      int from = sentence[0];
      int to = Math.max(mention[1], sentence[1]);
      TokenVectors v = sentences.computeIfAbsent((long) from << 32 | to, k -> encoder.encode(doc.text(), doc.tokens().subList(from, to)));
      float[] inputs = new float[2 * Encoder.DIMENSION];
      System.arraycopy(v.mean(mention[0] - from, mention[1] - from), 0, inputs, 0, Encoder.DIMENSION);
      System.arraycopy(v.mean(0, to - from), 0, inputs, Encoder.DIMENSION, Encoder.DIMENSION);
      return head.probabilities(List.of(), inputs);
    }
  }
}
