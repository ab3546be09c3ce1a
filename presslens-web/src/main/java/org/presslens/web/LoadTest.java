package org.presslens.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load test of a running server on loopback: {@code clients} concurrent clients, each
 * sending one request after another for a fixed time, a share of them {@code POST /api/analyze}
 * with an article and the rest {@code GET /api/search} with a query. Deterministic in what it
 * sends (a seeded generator per client), not in timing.
 */
public final class LoadTest {
  private LoadTest() {}

  /** Latencies in milliseconds of one kind of request. */
  public record Latency(int requests, double p50, double p99) {}

  public record Result(int requests, int errors, double seconds, Latency analyze, Latency search) {
    public double throughput() {
      return requests / seconds;
    }
  }

  public static Result run(int port, List<String> articles, List<String> queries, int clients, Duration duration, double analyzeShare)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<Long> analyzeNanos = Collections.synchronizedList(new ArrayList<>());
    List<Long> searchNanos = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    long deadline = System.nanoTime() + duration.toNanos();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      Random random = new Random(c);
      pool.submit(() -> {
        while (System.nanoTime() < deadline) {
          boolean analyze = random.nextDouble() < analyzeShare;
          HttpRequest request = analyze
              ? HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/analyze"))
                  .header("Content-Type", "text/plain; charset=utf-8")
                  .POST(HttpRequest.BodyPublishers.ofString(articles.get(random.nextInt(articles.size())))).build()
              : HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q="
                  + URLEncoder.encode(queries.get(random.nextInt(queries.size())), StandardCharsets.UTF_8))).GET().build();
          long t = System.nanoTime();
          try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
              errors.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          (analyze ? analyzeNanos : searchNanos).add(System.nanoTime() - t);
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(duration.toMillis() + 120_000, TimeUnit.MILLISECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(analyzeNanos.size() + searchNanos.size(), errors.get(), seconds, latency(analyzeNanos), latency(searchNanos));
  }

  private static Latency latency(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return new Latency(0, 0, 0);
    }
    return new Latency(sorted.size(), sorted.get(sorted.size() / 2) / 1e6, sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99))) / 1e6);
  }
}
