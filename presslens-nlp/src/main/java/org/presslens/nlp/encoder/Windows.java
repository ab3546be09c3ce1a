package org.presslens.nlp.encoder;

import java.util.ArrayList;
import java.util.List;

/**
 * How a sequence of word pieces longer than the encoder takes is cut into overlapping windows and
 * stitched back: each piece keeps the vector of the window in which it lies farthest from an
 * edge, so that every piece sees at least {@code overlap / 2} pieces of context on each side
 * (except at the sequence's own ends).
 */
final class Windows {
  private Windows() {}

  /**
   * One window: pieces {@code [start, end)} of the sequence are encoded together, and pieces
   * {@code [keepFrom, keepTo)} take their vectors from it.
   */
  record Window(int start, int end, int keepFrom, int keepTo) {}

  /**
   * Windows over {@code pieces} pieces, each at most {@code width} long, consecutive ones sharing
   * {@code overlap} pieces; the kept ranges partition {@code [0, pieces)}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= overlap < width}
   */
  static List<Window> plan(int pieces, int width, int overlap) {
    if (overlap < 0 || overlap >= width) {
      throw new IllegalArgumentException("overlap " + overlap + " must be in [0, " + width + ")");
    }
    List<Window> windows = new ArrayList<>();
    if (pieces <= width) {
      windows.add(new Window(0, pieces, 0, pieces));
      return windows;
    }
    int step = width - overlap;
    int keepFrom = 0;
    for (int start = 0; ; start += step) {
      int end = Math.min(start + width, pieces);
      if (end == pieces) {
        windows.add(new Window(Math.max(0, pieces - width), pieces, keepFrom, pieces));
        return windows;
      }
      // The next window starts at start + step; the overlap [start + step, end) is split in two.
      int keepTo = start + step + overlap / 2;
      windows.add(new Window(start, end, keepFrom, keepTo));
      keepFrom = keepTo;
    }
  }
}
