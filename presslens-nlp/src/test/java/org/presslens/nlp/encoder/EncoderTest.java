package org.presslens.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.presslens.core.Span;
import org.presslens.core.Text;
import org.presslens.core.Token;
import org.presslens.core.TokenVectors;

class EncoderTest {
  private final Encoder encoder = Encoder.standard();

  /** Tokens at the spaces of a text, as the backbone would cut a simple one; sentences at '.'. */
  private static List<Token> tokensOf(Text text) {
    List<Token> tokens = new ArrayList<>();
    String s = text.value();
    int sentence = 0;
    for (int i = 0; i < s.length(); ) {
      int end = s.indexOf(' ', i);
      end = end < 0 ? s.length() : end;
      if (end > i) {
        String word = s.substring(i, end);
        tokens.add(new Token(text.spanOfChars(i, end), word, "NN", "O", sentence));
        sentence += word.equals(".") ? 1 : 0;
      }
      i = end + 1;
    }
    return tokens;
  }

  @Test
  void everyHeadShippedWasTrainedWithTheGraph() {
    // A head refitted without the graph (or the other way round) would read vectors it never saw.
    java.util.Map<String, Class<?>> heads = new java.util.LinkedHashMap<>();
    heads.put("stance-head.tsv.gz", Encoder.class);
    heads.put("claims-head.tsv.gz", Encoder.class);
    heads.put("attribution-cues.tsv.gz", org.presslens.nlp.attribution.AttributionModel.class);
    heads.put("attribution-roles.tsv.gz", org.presslens.nlp.attribution.AttributionModel.class);
    heads.put("technique-spans.tsv.gz", org.presslens.nlp.techniques.TechniqueModel.class);
    for (var head : heads.entrySet()) {
      java.util.Map<String, String> notes = org.presslens.core.learn.LinearModel.resource(head.getValue(), head.getKey(), Encoder.REBUILD).notes();
      assertThat(notes).containsKeys("method", "final fit", "data");
      assertThat(encoder.notes()).as(head.getKey())
          .contains("method: " + notes.get("method"))
          .contains("final fit: " + notes.get("final fit"))
          .contains("data: " + notes.get("data"));
    }
  }

  @Test
  void vectorsAlignToCodePointTokensOutsideTheBasicMultilingualPlane() {
    // 𝒳 and 😀 are two UTF-16 units each: a span read as char indices would slice other words.
    Text text = new Text("The 𝒳 party 😀 said its leader Ann Okoro won .");
    List<Token> tokens = tokensOf(text);
    TokenVectors vectors = encoder.encode(text, tokens);
    assertThat(vectors.size()).isEqualTo(tokens.size());
    assertThat(vectors.dimension()).isEqualTo(Encoder.DIMENSION);

    String[] words = {"The", "𝒳", "party", "😀", "said", "its", "leader", "Ann", "Okoro", "won", "."};
    TokenVectors expected = encoder.encodeSentences(List.<String[]>of(words)).get(0);
    for (int i = 0; i < words.length; i++) {
      assertThat(text.slice(tokens.get(i).span())).isEqualTo(words[i]);
      assertThat(vectors.vector(i)).containsExactly(expected.vector(i), within(1e-4f));
      assertThat(norm(vectors.vector(i))).as("token %s", words[i]).isGreaterThan(0);
    }
  }

  @Test
  void anEmptyTextHasNoVectors() {
    TokenVectors vectors = encoder.encode(new Text(""), List.of());
    assertThat(vectors.size()).isZero();
    assertThat(vectors.dimension()).isEqualTo(Encoder.DIMENSION);
  }

  @Test
  void aSentenceLongerThanTheModelIsReadInWindowsStitchedBack() {
    // 50,000 one-piece words in ten sentences of 5,000: each sentence takes many windows.
    String[] vocabulary = {"the", "council", "voted", "on", "a", "new", "budget", "for", "schools", "and", "roads", "today"};
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      b.append(i % 5000 == 4999 ? "." : vocabulary[(i * 7 + i / 13) % vocabulary.length]).append(' ');
    }
    Text text = new Text(b.toString());
    List<Token> tokens = tokensOf(text);
    assertThat(tokens).hasSize(50_000);
    TokenVectors vectors = encoder.encode(text, tokens);
    assertThat(vectors.size()).isEqualTo(50_000);
    for (int i = 0; i < vectors.size(); i++) {
      assertThat(norm(vectors.vector(i))).as("token %d", i).isGreaterThan(0);
    }
    // A kept piece has the vector of its window read on its own: stitching moves nothing.
    List<Windows.Window> plan = Windows.plan(5000, WordPieces.WIDTH - 2, WordPieces.OVERLAP);
    Windows.Window middle = plan.get(plan.size() / 2);
    int sentenceStart = 10_000;
    String[] window = new String[middle.end() - middle.start()];
    for (int i = 0; i < window.length; i++) {
      window[i] = tokens.get(sentenceStart + middle.start() + i).word();
    }
    TokenVectors alone = encoder.encodeSentences(List.<String[]>of(window)).get(0);
    // Each sequence is its own call of the graph, so the kept pieces match to float rounding.
    for (int p = middle.keepFrom(); p < middle.keepTo(); p++) {
      assertThat(vectors.vector(sentenceStart + p)).containsExactly(alone.vector(p - middle.start()), within(1e-5f));
    }
  }

  @Test
  void manyThreadsSharingTheSessionGetWhatOneThreadGets() throws Exception {
    List<Text> texts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      texts.add(new Text("Minister " + i + " said the port strike would end on Friday . "
          + "Union leaders called the offer " + (i % 2 == 0 ? "an insult" : "a fair start") + " ."));
    }
    List<float[]> alone = new ArrayList<>();
    for (Text t : texts) {
      alone.add(flat(encoder.encode(t, tokensOf(t))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<float[]>> shared = new ArrayList<>();
      for (int round = 0; round < 3; round++) {
        for (Text t : texts) {
          shared.add(pool.submit(() -> flat(encoder.encode(t, tokensOf(t)))));
        }
      }
      for (int i = 0; i < shared.size(); i++) {
        assertThat(shared.get(i).get()).containsExactly(alone.get(i % texts.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static float[] flat(TokenVectors v) {
    float[] all = new float[v.size() * v.dimension()];
    for (int i = 0; i < v.size(); i++) {
      System.arraycopy(v.vector(i), 0, all, i * v.dimension(), v.dimension());
    }
    return all;
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }
}
