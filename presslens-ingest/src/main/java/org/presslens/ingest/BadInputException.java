package org.presslens.ingest;

/** An input that cannot be read as an article; the message is one line naming the input. */
public final class BadInputException extends Exception {
  private final String input;
  private final String reason;

  public BadInputException(String input, String reason) {
    super(input + ": " + reason);
    this.input = input;
    this.reason = reason;
  }

  /** The input as the user named it. */
  public String input() {
    return input;
  }

  /** Why it could not be read, without the input's name. */
  public String reason() {
    return reason;
  }
}
