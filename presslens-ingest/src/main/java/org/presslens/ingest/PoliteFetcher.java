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
 * Fetches web pages politely: robots.txt obeyed (the rules for "PressLens", else for "*"; read
 * once per host), one request at a time per host with at least {@code interval} between them, a
 * timeout, a size limit, redirects followed, and a User-Agent that says who is asking. Failures
 * are {@link BadInputException}s naming the URL.
 */
final class PoliteFetcher {
  static final String USER_AGENT = "PressLens/0.1 (open-source news analysis; feed reader)";
  static final PoliteFetcher DEFAULT = new PoliteFetcher(Duration.ofSeconds(1), Duration.ofSeconds(15));

  private final Duration interval;
  private final HttpClient client;
  private final Duration timeout;
  private final Map<String, Long> lastRequest = new HashMap<>();
  /** Disallowed path prefixes per scheme://host:port, read from its robots.txt. */
  private final Map<String, java.util.List<String>> disallowed = new java.util.concurrent.ConcurrentHashMap<>();

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
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (disallowedFor(uri).stream().anyMatch(path::startsWith)) {
      throw new BadInputException(url, "robots.txt of " + uri.getHost() + " disallows it");
    }
    return get(uri, url);
  }

  private byte[] get(URI uri, String url) throws BadInputException {
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

  /** The Disallow prefixes that apply to PressLens on the URL's site; none when robots.txt is absent. */
  private java.util.List<String> disallowedFor(URI uri) {
    String site = uri.getScheme() + "://" + uri.getRawAuthority();
    return disallowed.computeIfAbsent(site, s -> {
      try {
        byte[] robots = get(URI.create(s + "/robots.txt"), s + "/robots.txt");
        return RobotsTxt.disallowed(new String(robots, java.nio.charset.StandardCharsets.UTF_8), "PressLens");
      } catch (BadInputException e) {
        return java.util.List.of(); // no robots.txt (or unreachable): nothing is disallowed
      }
    });
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
