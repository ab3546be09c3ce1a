package org.presslens.nlp.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.presslens.core.Text;
import org.presslens.core.Token;
import org.presslens.core.TokenVectors;
import org.presslens.core.learn.LinearModel;

/**
 * Heads fine-tuned with the encoder ({@code training/finetune.py --tasks attribution}) read the
 * token vectors, laid out as the script lays them out: the cue head a token's vector, the role
 * head [token, cue mean, product].
 */
class FineTunedHeadsTest {
  private static final String SENTENCE = "The mayor said the port would shut.";
  private static final int DIM = 4;

  /** Whitespace tokens of one sentence. */
  private static Tokens tokens() {
    Text text = new Text(SENTENCE);
    List<Token> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+").matcher(SENTENCE);
    while (m.find()) {
      out.add(new Token(text.spanOfChars(m.start(), m.end()), m.group(), "NN", "O", 0));
    }
    return new Tokens(text, out);
  }

  /** Token i's vector: dimension 0 says "a verb of saying" (token 2), dimension 1 the token's index. */
  private static TokenVectors vectors(int n) {
    float[] values = new float[n * DIM];
    for (int i = 0; i < n; i++) {
      values[i * DIM] = i == 2 ? 1 : 0;
      values[i * DIM + 1] = i;
      values[i * DIM + 3] = 1;
    }
    return new TokenVectors(DIM, values);
  }

  /** A head in LinearModel's text format, dense weights only, as export_onnx.py writes it. */
  private static LinearModel head(String classes, String bias, String link, float[][] dense) throws Exception {
    StringBuilder b = new StringBuilder("# classes=" + classes + "\n# bias=" + bias + "\n" + (link == null ? "" : "# link=" + link + "\n"));
    for (int j = 0; j < dense.length; j++) {
      b.append("dense:").append(j);
      for (float w : dense[j]) {
        b.append('\t').append(w);
      }
      b.append('\n');
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }
    return LinearModel.read(new ByteArrayInputStream(bytes.toByteArray()));
  }

  @Test
  void theCueHeadReadsEachTokensVector() throws Exception {
    Tokens t = tokens();
    AttributionFeatures f = new AttributionFeatures(t, vectors(t.size()));
    LinearModel cues = head("other|cue", "-5", null, new float[][] {{10}, {0}, {0}, {0}});
    AttributionModel model = new AttributionModel(cues, cues, new AttributionModel.Thresholds(0.5, 0.5, 0.5));
    double[] p = model.cueProbabilities(f);
    assertThat(p[2]).isGreaterThan(0.99); // said
    assertThat(p[1]).isLessThan(0.01);
  }

  @Test
  void theRoleHeadReadsTheTokenTheCueAndTheirProduct() throws Exception {
    Tokens t = tokens();
    AttributionFeatures f = new AttributionFeatures(t, vectors(t.size()));
    float[] cue = f.meanVector(2, 3);
    float[] in = f.roleInputs(4, cue); // "port" beside the cue "said"
    assertThat(in).hasSize(3 * DIM);
    assertThat(in[1]).isEqualTo(4); // the token's own vector first
    assertThat(in[DIM]).isEqualTo(1); // then the cue's
    assertThat(in[DIM + 1]).isEqualTo(2);
    assertThat(in[2 * DIM + 1]).isEqualTo(8); // then their product
    // A role head whose "source" output grows with dimension 1 of the product: tokens after the cue score higher.
    float[][] dense = new float[3 * DIM][5];
    dense[2 * DIM + 1][1] = 1;
    LinearModel roles = head("other|source|begin|inside|end", "0|0|0|0|0", "softmax", dense);
    AttributionModel model = new AttributionModel(head("other|cue", "0", null, new float[DIM][1]), roles,
        new AttributionModel.Thresholds(0.5, 0.5, 0.5));
    AttributionModel.Roles r = model.roleProbabilities(f, new int[] {2, 3});
    assertThat(r.p()[4 - r.from()][1]).isGreaterThan(r.p()[1 - r.from()][1]);
    assertThat(r.p()[2 - r.from()]).isNull(); // the cue itself has no role
  }

  @Test
  void aHeadThatReadsVectorsSaysSoWhenThereAreNone() throws Exception {
    AttributionFeatures f = new AttributionFeatures(tokens());
    LinearModel cues = head("other|cue", "0", null, new float[DIM][1]);
    AttributionModel model = new AttributionModel(cues, cues, new AttributionModel.Thresholds(0.5, 0.5, 0.5));
    assertThatThrownBy(() -> model.cueProbabilities(f)).isInstanceOf(IllegalStateException.class).hasMessageContaining("vectors");
  }

  @Test
  void aWordTableIsNoAttributionModel() throws Exception {
    // The taggers over words that shipped before the heads: a table of them must not be read as a head.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("# classes=other|cue\n# bias=0\nw=said\t2.5\n".getBytes(StandardCharsets.UTF_8));
    }
    LinearModel words = LinearModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    LinearModel roles = head("other|source|begin|inside|end", "0|0|0|0|0", "softmax", new float[3 * DIM][5]);
    assertThatThrownBy(() -> new AttributionModel(words, roles, new AttributionModel.Thresholds(0.5, 0.5, 0.5)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not word tables");
  }
}
