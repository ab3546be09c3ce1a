package org.presslens.nlp.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the model turns token probabilities into cues and spans. */
class AttributionDecodingTest {

  @Test
  void neighbouringCueTokensMakeOneCue() {
    double[] p = {0.1, 0.8, 0.6, 0.2, 0.9, 0.1};
    assertThat(AttributionModel.cueRuns(p, 0.5)).containsExactly(new int[] {1, 3}, new int[] {4, 5});
  }

  @Test
  void theBestRunIsTheOneWithTheHighestSum() {
    double[] score = {-1, 2, -0.5, 2, -5, 3, -1};
    assertThat(AttributionModel.bestRun(score)).containsExactly(1, 4);
  }

  @Test
  void noRunWhenNothingScoresAboveZero() {
    double[] score = {-1, -0.5, -2};
    assertThat(AttributionModel.bestRun(score)).isNull();
  }

  // Role probabilities: other, source, begin, inside, end.
  private static final double[] OTHER = {0.9, 0.02, 0.03, 0.03, 0.02};
  private static final double[] BEGIN = {0.1, 0.02, 0.8, 0.06, 0.02};
  private static final double[] INSIDE = {0.1, 0.02, 0.04, 0.8, 0.04};
  private static final double[] END = {0.1, 0.02, 0.02, 0.06, 0.8};

  @Test
  void contentIsTheSpanFromABeginToAnEnd() {
    double[][] p = {OTHER, BEGIN, INSIDE, INSIDE, END, OTHER};
    assertThat(AttributionModel.bestSpan(p, new boolean[6], new boolean[6], 0)).containsExactly(1, 5);
  }

  @Test
  void contentPassesOverTheCueAndSource() {
    double[][] p = {BEGIN, INSIDE, null, OTHER, INSIDE, END};
    boolean[] skip = {false, false, true, true, false, false};
    assertThat(AttributionModel.bestSpan(p, skip, new boolean[6], 0)).containsExactly(0, 6);
  }

  @Test
  void contentStopsAtABarrier() {
    // A paragraph break outside any quotation: the span on its better side wins.
    double[][] p = {BEGIN, INSIDE, INSIDE, END, BEGIN, END};
    boolean[] barrier = {false, false, false, false, true, false};
    assertThat(AttributionModel.bestSpan(p, new boolean[6], barrier, 0)).containsExactly(0, 4);
  }

  @Test
  void aLoneBeginIsContentOfOneToken() {
    double[][] p = {OTHER, BEGIN, OTHER};
    assertThat(AttributionModel.bestSpan(p, new boolean[3], new boolean[3], 0)).containsExactly(1, 2);
  }

  @Test
  void noContentBelowTheMinimum() {
    double[][] p = {OTHER, OTHER, OTHER};
    assertThat(AttributionModel.bestSpan(p, new boolean[3], new boolean[3], 0)).isNull();
    assertThat(AttributionModel.bestSpan(new double[][] {BEGIN, END}, new boolean[2], new boolean[2], 10)).isNull();
  }
}
