package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.presslens.nlp.eval.ClaimEval;

/**
 * A floor on CheckThat! 2024 English dev-test F1, a little below the figure measured when the
 * shipped model was trained. Skipped where {@code shared/datasets} is absent.
 */
class ClaimsQualityFloorTest {
  private static final Path DATASETS = Path.of(System.getProperty("presslens.datasets", "../../shared/datasets"));

  @Test
  void checkThat2024DevTest() throws Exception {
    Path gold = DATASETS.resolve("checkworthy-ct24/CT24_checkworthy_english_dev-test.tsv");
    assumeTrue(Files.isRegularFile(gold), "dataset not present: " + gold);
    ClaimEval.Result r = ClaimEval.run(gold, Shared.PIPELINE);
    assertThat(r.sentences()).isEqualTo(318);
    // Measured 0.8377 (P 0.9639, R 0.7407) with the shipped model (the head of the four-task encoder refitted on all
    // of train, int8, at the threshold chosen for the run that left train fold 0 out, 0.5422); that run's own head
    // measured 0.8191, the two-task encoder before it 0.8660.
    assertThat(r.counts().f1()).isGreaterThanOrEqualTo(0.825);
  }
}
