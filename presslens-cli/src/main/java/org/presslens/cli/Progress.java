package org.presslens.cli;

import java.io.PrintStream;

/** A progress bar with rate and ETA on standard error; quiet for small jobs. */
final class Progress implements AutoCloseable {
  private static final int SHOW_ABOVE = 3;
  private final PrintStream err;
  private final int total;
  private final String unit;
  private final boolean enabled;
  private final boolean terminal = System.console() != null;
  private final long started = System.nanoTime();
  private long lastDraw;
  private int done;

  /** @param total the number of units expected, or -1 when unknown */
  Progress(PrintStream err, int total, String unit) {
    this.err = err;
    this.total = total;
    this.enabled = total < 0 || total > SHOW_ABOVE;
    this.unit = unit;
  }

  synchronized void step() {
    done++;
    long now = System.nanoTime();
    long interval = terminal ? 200_000_000L : 5_000_000_000L;
    if (enabled && (now - lastDraw > interval || done == total)) {
      lastDraw = now;
      draw(now);
    }
  }

  private void draw(long now) {
    double seconds = (now - started) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    StringBuilder b = new StringBuilder();
    if (total > 0) {
      int width = 30;
      int filled = (int) Math.round(width * (double) done / total);
      b.append('[').append("#".repeat(filled)).append(".".repeat(width - filled)).append("] ");
      b.append(done).append('/').append(total).append(' ').append(unit);
      if (rate > 0 && done < total) {
        b.append(String.format("  %.1f/s  ETA %s", rate, duration((total - done) / rate)));
      } else {
        b.append(String.format("  %.1f/s  %s", rate, duration(seconds)));
      }
    } else {
      b.append(done).append(' ').append(unit).append(String.format("  %.1f/s", rate));
    }
    err.print(terminal ? "\r" + b + "   " : b + "\n");
    err.flush();
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }

  @Override
  public synchronized void close() {
    if (enabled && done > 0) {
      draw(System.nanoTime());
      if (terminal) {
        err.println();
      }
    }
  }
}
