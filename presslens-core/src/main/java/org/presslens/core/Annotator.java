package org.presslens.core;

import java.util.Set;

/**
 * One stage of analysis. Implementations are thread-safe: one instance serves every document
 * of a process, and per-document state lives in the {@link Document}.
 */
public interface Annotator {

  /** A short name for diagnostics. */
  String name();

  /** Layers that must be present before this annotator runs. */
  Set<Layer> requires();

  /** Layers this annotator adds. */
  Set<Layer> provides();

  /** Adds this annotator's layers to the document. */
  void annotate(Document document);
}
