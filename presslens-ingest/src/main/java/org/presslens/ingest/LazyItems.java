package org.presslens.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Items read one at a time from a source that must be closed when it runs out (a JSONL or WARC
 * file of any size). Subclasses say how to read the next item; this class keeps the iterator
 * contract and closes the source at the end or after a failure that ends the file.
 */
abstract class LazyItems implements Iterator<Item> {
  private final Closeable source;
  private Item next;
  private boolean done;

  LazyItems(Closeable source) {
    this.source = source;
  }

  /**
   * The next item, or null to skip nothing and try again; call {@link #end()} when the source is
   * exhausted or unreadable (an item returned with it is still delivered).
   */
  protected abstract Item read() throws IOException;

  /** What an IOException at this point means, as an item; reading stops after it. */
  protected abstract Item failure(IOException e);

  /** Marks the source as finished and closes it. */
  protected final void end() {
    done = true;
    try {
      source.close();
    } catch (IOException ignored) {
      // nothing more to read either way
    }
  }

  @Override
  public final boolean hasNext() {
    while (next == null && !done) {
      try {
        next = read();
      } catch (IOException e) {
        next = failure(e);
        end();
      }
    }
    return next != null;
  }

  @Override
  public final Item next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Item item = next;
    next = null;
    return item;
  }
}
