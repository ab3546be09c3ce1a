package org.presslens.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered list of annotators whose requirements are checked once, when it is built. The same
 * pipeline object serves the CLI, the server and each Spark task.
 */
public final class Pipeline {
  private final List<Annotator> annotators;

  /** Builds a pipeline, failing if an annotator needs a layer no earlier one provides. */
  public Pipeline(List<Annotator> annotators) {
    Set<Layer> available = EnumSet.noneOf(Layer.class);
    for (Annotator a : annotators) {
      Set<Layer> missing = EnumSet.noneOf(Layer.class);
      missing.addAll(a.requires());
      missing.removeAll(available);
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            "annotator " + a.name() + " needs " + missing + " but earlier stages provide only " + available);
      }
      available.addAll(a.provides());
    }
    this.annotators = List.copyOf(annotators);
  }

  /**
   * Analyses one article.
   *
   * @throws java.util.concurrent.CancellationException when the calling thread is interrupted:
   *     the analysis stops at the next stage rather than finishing work nobody will read (a server
   *     whose request ran out of time interrupts it)
   */
  public Document analyze(Article article) {
    Document document = new Document(article);
    for (Annotator a : annotators) {
      if (Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException("analysis of " + article.input() + " cancelled before " + a.name());
      }
      a.annotate(document);
    }
    return document;
  }

  /**
   * Stops the calling analysis when its thread was interrupted: what a stage calls between
   * sentences (or windows, or sequences), so that a cancelled analysis ends within one of them
   * rather than at the end of a stage, which on a huge article runs for minutes.
   *
   * @throws java.util.concurrent.CancellationException when the thread is interrupted (the flag
   *     stays set, for the caller's own checks)
   */
  public static void stopIfCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw new java.util.concurrent.CancellationException("analysis cancelled");
    }
  }

  public List<Annotator> annotators() {
    return annotators;
  }
}
