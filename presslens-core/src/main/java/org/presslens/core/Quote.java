package org.presslens.core;

import java.util.List;

/**
 * An attribution of speech or writing.
 *
 * @param kind "direct", "indirect" or "mixed"
 * @param content the pieces of what was said (two when a cue interrupts the quote)
 * @param cue the reporting verb or phrase; for a quotation standing alone after the paragraph
 *     that named its speaker, the cue of that paragraph
 * @param speaker the mention naming the source, or null
 * @param speakerEntity id of the resolved speaker entity, or null when unknown
 */
public record Quote(
    String id, String kind, List<Span> content, Mention cue, Mention speaker, String speakerEntity) {
  public Quote {
    content = List.copyOf(content);
    java.util.Objects.requireNonNull(cue, "cue");
  }
}
