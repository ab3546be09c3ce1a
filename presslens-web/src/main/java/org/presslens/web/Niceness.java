package org.presslens.web;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Lowers the scheduling priority of the calling thread, so that when the cores are all busy the
 * kernel runs the server's searches before its analyses. On Linux the nice value belongs to each
 * thread (setpriority(2): "a per-thread attribute" under NPTL), so {@code setpriority(PRIO_PROCESS,
 * 0, n)} from a thread changes that thread alone; raising one's own nice value needs no privilege.
 * Elsewhere the same call would change the whole process, so there nothing is done. Java's own
 * thread priorities are ignored on Linux unless the JVM runs with -XX:ThreadPriorityPolicy=1.
 */
final class Niceness {
  private Niceness() {}

  /**
   * How much the analysis threads are lowered, relative to the server's own nice value: CFS gives
   * a thread ten nice levels above another about a tenth of a contended core (1024 to 110 at 0
   * and 10).
   */
  static final int ANALYSIS = 10;
  /** The lowest priority Linux has. */
  static final int LOWEST = 19;

  private interface LibC extends Library {
    int getpriority(int which, int who);

    int setpriority(int which, int who, int prio);
  }

  /**
   * Raises the calling thread's nice value by {@code levels} (at most to {@value #LOWEST}); false
   * where it cannot (not Linux, no libc through JNA).
   */
  static boolean lowerThisThread(int levels) {
    if (!Platform.isLinux()) {
      return false;
    }
    try {
      LibC libc = Native.load("c", LibC.class);
      // PRIO_PROCESS (0) of who 0: the calling thread, under Linux's per-thread nice values.
      int now = libc.getpriority(0, 0);
      return libc.setpriority(0, 0, Math.min(LOWEST, now + levels)) == 0;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return false;
    }
  }
}
