package org.presslens.core;

import java.util.List;

/**
 * Who is behind an article: the outlet that published it, the one it credits as its origin, the
 * registry's facts on both, and the flags a reader should see, each with its evidence.
 *
 * @param publisher the publishing outlet, or null when nothing names it
 * @param origin the outlet credited as the source ("Source » X", "(AP)", "originally appeared
 *     in X"), or null
 * @param summary the provenance in one line
 */
public record Provenance(Party publisher, Party origin, List<Flag> flags, String summary) {
  public Provenance {
    flags = List.copyOf(flags);
  }

  /**
   * An outlet as the article names it.
   *
   * @param how where the name came from: "url", "metadata", or a credit kind label
   * @param outlet the registry's entry, or null when the outlet is unrated
   */
  public record Party(String name, String domain, String how, Outlet outlet) {}

  /**
   * Something a reader should know, with what shows it.
   *
   * @param type "affiliated-source", "single-voice", "unrated-source" or "syndicated-copy"
   */
  public record Flag(String type, String evidence) {}
}
