package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.presslens.nlp.eval.AttributionEval;

/**
 * Floors on PolNeAR dev, a little below the figures measured when they were set, so that a
 * regression fails the build. Skipped where {@code shared/datasets} is absent.
 */
class AttributionQualityFloorTest {
  private static final Path DATASETS = Path.of(System.getProperty("presslens.datasets", "../../shared/datasets"));

  @Test
  void polnearDev() throws Exception {
    Path dev = DATASETS.resolve("polnear/data/dev");
    assumeTrue(Files.isDirectory(dev.resolve("attributions")), "dataset not present: " + dev);
    AttributionEval.Result r = AttributionEval.run(dev, Shared.PIPELINE);
    assertThat(r.articles()).isEqualTo(84);
    assertThat(r.match().f1()).isGreaterThanOrEqualTo(FLOORS.MATCH);
    assertThat(r.exact().f1()).isGreaterThanOrEqualTo(FLOORS.EXACT);
    assertThat(r.speaker().f1()).isGreaterThanOrEqualTo(FLOORS.SPEAKER);
    assertThat(r.directMatch().recall()).isGreaterThanOrEqualTo(FLOORS.DIRECT_FOUND);
    assertThat(r.directSpeaker().recall()).isGreaterThanOrEqualTo(FLOORS.DIRECT_SPEAKER);
  }

  /**
   * Measured figures minus about 0.01; raise them when the numbers rise. Measured with the heads of
   * the four-task encoder refitted on all of train (thresholds chosen for the run that left train
   * fold 0 out): exact 0.524, match 0.704, speaker 0.636, direct found 0.859, direct speaker 0.790
   * (that run's heads, before this stop's passes: 0.500, 0.701, 0.631, 0.848, 0.772; the taggers over words before them:
   * 0.508, 0.673, 0.613, 0.833, 0.788; docs/ATTRIBUTION.md).
   */
  private static final class FLOORS {
    static final double MATCH = 0.695;
    static final double EXACT = 0.51;
    static final double SPEAKER = 0.625;
    static final double DIRECT_FOUND = 0.845;
    static final double DIRECT_SPEAKER = 0.775;
  }
}
