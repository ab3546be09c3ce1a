package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.presslens.nlp.eval.NewsMtsc;
import org.presslens.nlp.eval.StanceEval;
import org.presslens.nlp.stance.StanceModel;

/** A floor on NewsMTSC dev, a little below the figure measured once the model was chosen. */
class StanceQualityFloorTest {
  private static final Path DATASETS = Path.of(System.getProperty("presslens.datasets", "../../shared/datasets"));

  @Test
  void newsMtscDev() throws Exception {
    Path gold = DATASETS.resolve("newsmtsc/rw-dev.jsonl");
    assumeTrue(Files.isRegularFile(gold), "dataset not present: " + gold);
    StanceEval.Scores s = StanceEval.run(NewsMtsc.read(gold), Analyzer.untrained(), StanceModel.standard());
    assertThat(s.total()).isEqualTo(343);
    // Measured with the shipped model (the four-task encoder refitted on all of train, int8): accuracy 0.8192,
    // macro-F1 0.8023, positive portrayals F1 0.7083 (the run that left train fold 0 out: 0.7976; before it 0.7913).
    assertThat(s.macroF1()).isGreaterThanOrEqualTo(0.79);
  }
}
