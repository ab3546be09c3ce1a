package org.presslens.nlp.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityHeadCrossValidationTest {
  @TempDir Path dir;

  /** Six one-sentence documents in Universal NER's IOB2 form, written here. */
  private Path gold() throws Exception {
    // Each fold's training half holds every label: B- and I- of each type.
    String[][] sentences = {
      {"Maria", "B-PER", "Okafor", "I-PER", "of", "O", "Harbour", "B-ORG", "Gazette", "I-ORG", "visited", "O", "New", "B-LOC", "York", "I-LOC", ".", "O"},
      {"Ravi", "B-PER", "Menon", "I-PER", "left", "O", "Arbor", "B-ORG", "Systems", "I-ORG", "for", "O", "San", "B-LOC", "Francisco", "I-LOC", ".", "O"},
      {"Ines", "B-PER", "Carvalho", "I-PER", "joined", "O", "Porthaven", "B-ORG", "Council", "I-ORG", "in", "O", "Costa", "B-LOC", "Rica", "I-LOC", ".", "O"},
      {"Linh", "B-PER", "Tran", "I-PER", "of", "O", "Reuters", "B-ORG", "Media", "I-ORG", "flew", "O", "to", "O", "Hong", "B-LOC", "Kong", "I-LOC", ".", "O"},
      {"Farida", "B-PER", "Haddad", "I-PER", "spoke", "O", "for", "O", "Mill", "B-ORG", "Traders", "I-ORG", "in", "O", "Los", "B-LOC", "Angeles", "I-LOC", ".", "O"},
      {"Desmond", "B-PER", "Achterberg", "I-PER", "sued", "O", "Chirper", "B-ORG", "Inc", "I-ORG", "in", "O", "New", "B-LOC", "Delhi", "I-LOC", ".", "O"},
    };
    List<String> lines = new ArrayList<>();
    for (String[] s : sentences) {
      lines.add("# newdoc");
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < s.length; i += 2) {
        text.append(i == 0 || s[i].equals(".") ? "" : " ").append(s[i]);
      }
      lines.add("# text = " + text);
      for (int i = 0; i < s.length; i += 2) {
        lines.add((i / 2 + 1) + "\t" + s[i] + "\t" + s[i + 1]);
      }
      lines.add("");
    }
    Path file = dir.resolve("gold.iob2");
    Files.write(file, lines);
    return file;
  }

  @Test
  void scoresTheCrfAndBothHeadsOnTheSameGoldSpans() throws Exception {
    Path gold = gold();
    EntityHeadCrossValidation.Result r = EntityHeadCrossValidation.run(List.of(gold), 2, 0.1, line -> {});
    // 18 gold entities, 6 of each type, each counted once as found or missed by every scoring.
    for (NerEval.Result scored : List.of(r.crf().get(gold), r.head().get(gold), r.stacked().get(gold))) {
      assertThat(scored.documents()).isEqualTo(6);
      assertThat(scored.overall().tp() + scored.overall().fn()).isEqualTo(18);
      assertThat(scored.byType().get("PER").tp() + scored.byType().get("PER").fn()).isEqualTo(6);
    }
    assertThat(r.crf().get(gold).byType().get("PER").f1()).isGreaterThan(0.8); // names the CRF knows
  }

  @Test
  void viterbiKeepsInsideLabelsAfterTheirBeginning() {
    List<String> labels = EntityHeadCrossValidation.LABELS;
    int o = labels.indexOf("O");
    int bPer = labels.indexOf("B-PER");
    int iPer = labels.indexOf("I-PER");
    int iOrg = labels.indexOf("I-ORG");
    // Token 0 most wants I-PER, token 1 I-ORG, token 2 I-PER: none is allowed where it stands.
    double[][] logp = {
      probable(iPer, bPer, 0.6, 0.3),
      probable(iOrg, o, 0.6, 0.3),
      probable(iPer, o, 0.5, 0.4),
    };
    int[] path = EntityHeadCrossValidation.viterbi(logp, new boolean[] {true, false, true});
    assertThat(path).containsExactly(bPer, o, o); // a sentence starts at token 2: no I- there either
    // Nor after O within a sentence: token 2 still cannot be I-PER.
    assertThat(EntityHeadCrossValidation.viterbi(logp, new boolean[] {true, false, false}))
        .containsExactly(bPer, o, o);
    // After B-PER, I-ORG is not allowed but I-PER is: the entity goes on as a person.
    double[][] typed = {probable(bPer, o, 0.6, 0.3), probable(iOrg, iPer, 0.6, 0.3)};
    assertThat(EntityHeadCrossValidation.viterbi(typed, new boolean[] {true, false})).containsExactly(bPer, iPer);
    assertThat(EntityHeadCrossValidation.viterbi(new double[0][], new boolean[0])).isEmpty();
  }

  /** Log-probabilities with {@code p} on label {@code a}, {@code q} on {@code b}, the rest shared. */
  private static double[] probable(int a, int b, double p, double q) {
    int n = EntityHeadCrossValidation.LABELS.size();
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = Math.log(k == a ? p : k == b ? q : (1 - p - q) / (n - 2));
    }
    return out;
  }

  @Test
  void refusesFewerThanTwoFolds() throws Exception {
    Path gold = gold();
    assertThatThrownBy(() -> EntityHeadCrossValidation.run(List.of(gold), 1, 0.1, line -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 folds");
  }
}
