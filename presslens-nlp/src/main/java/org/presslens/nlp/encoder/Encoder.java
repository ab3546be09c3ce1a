package org.presslens.nlp.encoder;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presslens.core.Text;
import org.presslens.core.Token;
import org.presslens.core.TokenVectors;

/**
 * A transformer encoder: contextual vectors for the tokens of a text, aligned to PressLens's own
 * tokens.
 *
 * <p>The model is all-MiniLM-L6-v2 (Wang et al. 2020, "MiniLM"; sentence-transformers'
 * fine-tuning; Apache-2.0; 6 layers, {@value #DIMENSION}-wide) <b>fine-tuned by PressLens</b> on
 * stance (NewsMTSC), check-worthiness (CheckThat! 2024), persuasion-technique spans (PTC) and
 * attribution (PolNeAR) together, every layer, through the int8 rounding, and quantised
 * to int8 by the rules of the int8 graph in LangChain4j's model jar on Maven Central
 * ({@code training/README.md}); the graph ({@value #MODEL}) ships in this package with the heads
 * trained with it. The {@code tokenizer.json} comes from that model jar. ONNX Runtime runs the
 * graph and DJL's binding of Hugging Face's {@code tokenizers} cuts words into WordPiece pieces;
 * nothing is downloaded at run time. Why one fine-tuned encoder for every stage: {@code
 * docs/ENCODER.md}.
 *
 * <p>How a text is read (the why is in {@code docs/ENCODER.md}): every sentence is one sequence,
 * {@code [CLS] pieces [SEP]}, as the sentence-level training sets of the heads above it were
 * encoded, and each sequence is one call of the graph (no batching: the int8 graph quantises
 * its activations with one scale per call, so a sentence batched with others would get
 * vectors that depend on its neighbours); a sentence longer than {@value WordPieces#WIDTH} pieces is read in overlapping windows stitched back (see
 * {@link WordPieces}). The pieces are those of each token's own text, so the alignment to tokens is
 * exact by construction; a token's vector is the mean of its pieces' last hidden states, zeros
 * for a token without pieces.
 *
 * <p>One instance serves every thread of a process: ONNX Runtime's session and the tokenizer are
 * both safe to share, and each call runs single-threaded (parallelism comes from analysing
 * several documents at once), so results do not depend on how many threads share it.
 */
public final class Encoder {
  /** Floats per token vector. */
  public static final int DIMENSION = 384;

  /** The fine-tuned graph, a resource of this package. */
  static final String MODEL = "encoder.onnx";
  /** How to rebuild the graph and its heads. */
  public static final String REBUILD = "presslens train encoder (training/README.md)";
  private static final String NAME = "all-MiniLM-L6-v2 fine-tuned on NewsMTSC stance, CheckThat! 2024 check-worthiness, PTC technique spans and PolNeAR attribution (int8, " + MODEL;
  private static final String OUTPUT = "last_hidden_state";

  private static volatile Encoder standard;

  private final String name;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final Set<String> inputs;
  private final WordPieces pieces;

  private Encoder(String name, byte[] model, WordPieces pieces) throws OrtException {
    this.name = name;
    environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = environment.createSession(model, options);
    }
    inputs = session.getInputNames();
    this.pieces = pieces;
  }

  /**
   * The process's encoder, loaded on first use (about a second) and shared from then on.
   *
   * @throws IllegalStateException when the graph or the tokenizer is missing from the class path
   *     (the message says which and how to get it) or ONNX Runtime cannot load the graph
   */
  public static Encoder standard() {
    Encoder e = standard;
    if (e == null) {
      synchronized (Encoder.class) {
        e = standard;
        if (e == null) {
          standard = e = load();
        }
      }
    }
    return e;
  }

  /**
   * A graph that {@code training/export_onnx.py} wrote, read from a file: for the tools that
   * measure a candidate beside the shipped graph ({@link #standard()} is what analysis reads).
   *
   * @throws IOException when the file cannot be read or ONNX Runtime cannot load it
   */
  public static Encoder read(java.nio.file.Path graph) throws IOException {
    byte[] bytes = java.nio.file.Files.readAllBytes(graph);
    try {
      return new Encoder(graph + " (SHA-256 " + fingerprint(bytes) + ")", bytes, WordPieces.standard());
    } catch (OrtException e) {
      throw new IOException("ONNX Runtime could not load " + graph + ": " + e.getMessage(), e);
    }
  }

  private static Encoder load() {
    WordPieces pieces = WordPieces.standard();
    try (InputStream graph = Encoder.class.getResourceAsStream(MODEL)) {
      if (graph == null) {
        throw new IllegalStateException("the encoder graph " + MODEL + " is not on the class path: run " + REBUILD);
      }
      byte[] bytes = graph.readAllBytes();
      return new Encoder(NAME + ", SHA-256 " + fingerprint(bytes) + ")", bytes, pieces);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not load the encoder " + MODEL + ": " + e.getMessage(), e);
    }
  }

  /** The first 12 hex digits of the graph's SHA-256: which weights, in a model's notes. */
  private static String fingerprint(byte[] graph) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(graph)).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Names the model and fingerprints its weights, for the notes of the models trained on its
   * vectors: a model whose notes name another fingerprint read vectors it was not fitted on.
   */
  public String name() {
    return name;
  }

  /**
   * The training run's notes written into the graph ({@code training/export_onnx.py}: data,
   * settings, minutes and scores, as "key: value; …"), the same the heads trained with it carry.
   */
  public String notes() {
    try {
      return session.getMetadata().getDescription();
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime could not read the encoder's metadata: " + e.getMessage(), e);
    }
  }

  /**
   * Vectors for {@code tokens} of {@code text}: row {@code i} is token {@code i}'s. Tokens are
   * grouped into sentences by {@link Token#sentence()}, as the backbone numbers them.
   *
   * @return {@code tokens.size()} rows of {@value #DIMENSION} floats; empty for no tokens
   */
  public TokenVectors encode(Text text, List<Token> tokens) {
    return new TokenVectors(DIMENSION, vectors(WordPieces.sentences(text, tokens)));
  }

  /** The word pieces this encoder reads, and how it cuts a text into sequences. */
  public WordPieces pieces() {
    return pieces;
  }

  /**
   * Vectors of sentences given as words, each sentence read on its own: for training heads on
   * sentence-level data. Row {@code i} of element {@code s} is word {@code i} of sentence
   * {@code s}, exactly what {@link #encode} gives for those sentences' tokens in a text.
   */
  public List<TokenVectors> encodeSentences(List<String[]> sentences) {
    float[] all = vectors(sentences);
    List<TokenVectors> out = new ArrayList<>();
    int offset = 0;
    for (String[] words : sentences) {
      int end = offset + words.length * DIMENSION;
      out.add(new TokenVectors(DIMENSION, Arrays.copyOfRange(all, offset, end)));
      offset = end;
    }
    return out;
  }

  /** The words of all sentences, one row each, in order: the mean of each word's pieces. */
  private float[] vectors(List<String[]> sentences) {
    List<WordPieces.Sequence> sequences = pieces.sequences(sentences);
    int words = sentences.stream().mapToInt(s -> s.length).sum();
    float[] sum = new float[words * DIMENSION];
    int[] pieces = new int[words];
    for (WordPieces.Sequence sequence : sequences) {
      org.presslens.core.Pipeline.stopIfCancelled();
      run(sequence, sum, pieces);
    }
    for (int t = 0; t < words; t++) {
      if (pieces[t] > 1) {
        for (int k = t * DIMENSION; k < (t + 1) * DIMENSION; k++) {
          sum[k] /= pieces[t];
        }
      }
    }
    return sum;
  }

  /** Runs one sequence through the graph and adds each kept piece's vector to its token's sum. */
  private void run(WordPieces.Sequence sequence, float[] sum, int[] pieces) {
    long[] ids = sequence.ids();
    long[] shape = {1, ids.length};
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1L);
    Map<String, OnnxTensor> feed = new HashMap<>();
    try {
      feed.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
      feed.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
      if (inputs.contains("token_type_ids")) {
        feed.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
      }
      try (OrtSession.Result result = session.run(feed, Set.of(OUTPUT))) {
        FloatBuffer out = ((OnnxTensor) result.get(OUTPUT).orElseThrow()).getFloatBuffer();
        for (int p = sequence.keepFrom(); p < sequence.keepTo(); p++) {
          int t = sequence.token()[p];
          if (t < 0) {
            continue;
          }
          for (int k = 0; k < DIMENSION; k++) {
            sum[t * DIMENSION + k] += out.get(p * DIMENSION + k);
          }
          pieces[t]++;
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("the encoder failed on a sequence of " + ids.length + " pieces: " + e.getMessage(), e);
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }
}
