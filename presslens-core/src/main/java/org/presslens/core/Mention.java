package org.presslens.core;

/** A stretch of text that names something, with that text. */
public record Mention(Span span, String text) implements Comparable<Mention> {
  @Override
  public int compareTo(Mention o) {
    return span.compareTo(o.span);
  }
}
