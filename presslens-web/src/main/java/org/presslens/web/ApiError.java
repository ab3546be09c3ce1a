package org.presslens.web;

/** A request the API refuses, with the HTTP status and the one-line message the client gets. */
final class ApiError extends RuntimeException {
  final int status;

  ApiError(int status, String message) {
    super(message);
    this.status = status;
  }
}
