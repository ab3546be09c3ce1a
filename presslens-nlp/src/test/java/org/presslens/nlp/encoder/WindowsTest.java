package org.presslens.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {

  @Test
  void aShortSequenceIsOneWindow() {
    assertThat(Windows.plan(10, 254, 64)).containsExactly(new Windows.Window(0, 10, 0, 10));
    assertThat(Windows.plan(0, 254, 64)).containsExactly(new Windows.Window(0, 0, 0, 0));
  }

  @Test
  void keptRangesPartitionTheSequenceAndLieInsideTheirWindows() {
    for (int pieces : new int[] {255, 300, 507, 1000, 4321, 50_000}) {
      List<Windows.Window> plan = Windows.plan(pieces, 254, 64);
      int next = 0;
      for (Windows.Window w : plan) {
        assertThat(w.end() - w.start()).isLessThanOrEqualTo(254);
        assertThat(w.keepFrom()).isEqualTo(next);
        assertThat(w.keepFrom()).isGreaterThanOrEqualTo(w.start());
        assertThat(w.keepTo()).isLessThanOrEqualTo(w.end()).isGreaterThan(w.keepFrom());
        // Every kept piece has half the overlap of context on each side, but at the sequence's ends.
        if (w.start() > 0) {
          assertThat(w.keepFrom() - w.start()).isGreaterThanOrEqualTo(32);
        }
        if (w.end() < pieces) {
          assertThat(w.end() - w.keepTo()).isGreaterThanOrEqualTo(32);
        }
        next = w.keepTo();
      }
      assertThat(next).isEqualTo(pieces);
    }
  }
}
