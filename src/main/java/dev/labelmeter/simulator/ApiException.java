package dev.labelmeter.simulator;

/** A request the simulator refuses, answered with an HTTP status and an error body. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String error;

  ApiException(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "Bad request", message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "Not found", message);
  }
}
