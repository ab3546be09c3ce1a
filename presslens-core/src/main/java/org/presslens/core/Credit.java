package org.presslens.core;

/**
 * A credit or syndication line: "Source » X", "(AP) —", "X contributed to this report", …
 *
 * @param text the line as written
 * @param name the credited outlet or agency
 * @param kind what sort of credit (see {@link Kind#label()})
 * @param span where the line lies in the article text, or null when it is not part of it
 */
public record Credit(String text, String name, Kind kind, Span span) {

  /** The sorts of credit line PressLens recognises. */
  public enum Kind {
    SOURCE_LINE("source-line"),
    WIRE_DATELINE("wire-dateline"),
    CONTRIBUTED("contributed"),
    ORIGINALLY_PUBLISHED("originally-published"),
    BYLINE_AGENCY("byline-agency");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The spelling used in the contract JSON. */
    public String label() {
      return label;
    }
  }
}
