package org.presslens.web;

/** A request the API refuses, with the HTTP status and the one-line message the client gets. */
final class ApiError extends RuntimeException {
  final int status;
  /** The request's body is left unread (too large, too slow): the connection closes after the answer. */
  final boolean leavesBodyUnread;

  ApiError(int status, String message) {
    this(status, message, false);
  }

  private ApiError(int status, String message, boolean leavesBodyUnread) {
    super(message);
    this.status = status;
    this.leavesBodyUnread = leavesBodyUnread;
  }

  /** A refusal that reads no more of the body: the connection is closed after it. */
  static ApiError refusingBody(int status, String message) {
    return new ApiError(status, message, true);
  }
}
