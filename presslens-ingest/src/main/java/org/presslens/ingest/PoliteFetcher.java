package org.presslens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Fetches web pages politely: one request at a time per host with at least {@code interval}
 * between them, a timeout, a size limit, redirects followed, and a User-Agent that says who is
 * asking. Failures are {@link BadInputException}s naming the URL.
 */
final class PoliteFetcher {
  static final String USER_AGENT = "PressLens/0.1 (open-source news analysis; feed reader)";
  static final PoliteFetcher DEFAULT = new PoliteFetcher(Duration.ofSeconds(1), Duration.ofSeconds(15));

  private final Duration interval;
  private final HttpClient client;
  private final Duration timeout;
  private final Map<String, Long> lastRequest = new HashMap<>();

  PoliteFetcher(Duration interval, Duration timeout) {
    this.interval = interval;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(timeout)
        .build();
  }

  /** The body of a 200 response, at most {@link Bytes#MAX_ARTICLE_BYTES}. */
  byte[] fetch(String url) throws BadInputException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(url, "not a valid URL");
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new BadInputException(url, "not an http(s) URL");
    }
    waitTurn(uri.getHost());
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT).GET().build();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          throw new BadInputException(url, "HTTP " + response.statusCode());
        }
        return Bytes.read(body, false, url);
      }
    } catch (IOException e) {
      throw new BadInputException(url, "cannot fetch (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException(url, "interrupted");
    }
  }

  private void waitTurn(String host) {
    long wait;
    synchronized (lastRequest) {
      long now = System.nanoTime();
      long next = lastRequest.getOrDefault(host, now - interval.toNanos()) + interval.toNanos();
      wait = Math.max(0, next - now);
      lastRequest.put(host, now + wait);
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
