package org.presslens.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.ingest.BadInputException;
import org.presslens.ingest.Item;

/** One item analysed on a worker thread, and its result collected with failures named. */
final class AnalysisTask {
  private AnalysisTask() {}

  /** A bug in an annotator, kept with the input it happened on. */
  private record Crash(String input, Throwable error) {}

  /** The document, the item's own failure, or the crash: never throws for one bad article. */
  static Object run(Pipeline pipeline, Item item) {
    if (item instanceof Item.Failed f) {
      return f;
    }
    try {
      return pipeline.analyze(((Item.Read) item).article());
    } catch (RuntimeException e) {
      return new Crash(item.input(), e);
    } catch (StackOverflowError e) {
      // The stack unwound on this worker, which is fine again; the article alone is lost.
      return new Item.Failed(new BadInputException(item.input(), "too deeply nested or too long to analyse (stack overflow)"));
    }
  }

  /** Waits for a result: the document, or null after naming the failure on standard error. */
  static Document collect(Future<Object> future) {
    Object result;
    try {
      result = future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
    if (result instanceof Item.Failed f) {
      System.err.println("presslens: error: " + f.error().getMessage());
      return null;
    }
    if (result instanceof Crash c) {
      System.err.println("presslens: error: " + c.input() + ": analysis failed (a bug; please report it): " + c.error());
      c.error().printStackTrace();
      return null;
    }
    return (Document) result;
  }
}
