package org.presslens.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Lines of a reader, each at most {@code max} characters kept: a longer line is read to its end
 * without being kept, so that a gigabyte without a newline (a gzip bomb posing as JSONL) costs
 * time, never memory. Line ends are \n or \r\n, as {@link java.io.BufferedReader#readLine} reads
 * them (a lone \r is kept).
 */
final class BoundedLines implements Closeable {
  /** What {@link #next} returns for a line over the limit; compare by identity. */
  static final String TOO_LONG = new String("(line too long)");

  private final Reader in;
  private final int max;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int filled;

  BoundedLines(Reader in, int max) {
    this.in = in;
    this.max = max;
  }

  /** The next line without its end, {@link #TOO_LONG} for one over the limit, or null at the end of the input. */
  String next() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (position == filled) {
        filled = in.read(buffer);
        position = 0;
        if (filled <= 0) {
          filled = 0;
          break;
        }
      }
      any = true;
      int newline = -1;
      for (int i = position; i < filled; i++) {
        if (buffer[i] == '\n') {
          newline = i;
          break;
        }
      }
      int end = newline < 0 ? filled : newline;
      if (!tooLong) {
        if (line.length() + end - position > max) {
          tooLong = true;
          line = null;
        } else {
          line.append(buffer, position, end - position);
        }
      }
      position = newline < 0 ? filled : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    if (!any) {
      return null;
    }
    if (tooLong) {
      return TOO_LONG;
    }
    int length = line.length();
    if (length > 0 && line.charAt(length - 1) == '\r') {
      line.setLength(length - 1);
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
