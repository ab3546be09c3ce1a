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
 * sending one request after another for a fixed time: a share {@code POST /api/analyze} with an
 * article, a share {@code POST /api/ingest} of an article under a URL of its own (when the server
 * takes ingests), the rest {@code GET /api/search} with a query. Beside them, with {@code hostile},
 * one hostile request every second, in turn: a chunked body over the limit, an XML body, a
 * regular expression too complex for Lucene, a page nested 2,000 deep, GET on /api/analyze, a
 * limit that is no number, trailing garbage after JSON. The good requests' errors and latencies
 * are counted apart from the hostile ones, whose answers must be the documented 4xx (or a 200
 * for the nested page, which is read). Deterministic in what it sends (a seeded generator per
 * client), not in timing.
 */
public final class LoadTest {
  private LoadTest() {}

  /** Latencies in milliseconds of one kind of request. */
  public record Latency(int requests, double p50, double p99) {}

  /**
   * @param errors good requests that did not get 200 or 201
   * @param hostile hostile requests sent
   * @param hostileUnexpected hostile requests answered otherwise than documented (a 5xx, a dropped
   *     connection, or a success where a refusal belongs)
   */
  /**
   * @param searchHandler how long the server's handler ran for each search, from its {@code Server-Timing} header
   * @param searchCpu how much of that its thread was on a core: the search's own work
   */
  public record Result(int requests, int errors, double seconds, Latency analyze, Latency search, Latency ingest,
      Latency searchHandler, Latency searchCpu, int hostile, int hostileUnexpected) {
    public double throughput() {
      return requests / seconds;
    }
  }

  /** One hostile request and the statuses that are its documented answers. */
  private record Hostile(String name, java.util.function.Function<Integer, HttpRequest> request, java.util.Set<Integer> expected) {}

  public static Result run(int port, List<String> articles, List<String> queries, int clients, Duration duration,
      double analyzeShare, double ingestShare, String ingestToken, boolean hostile) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    List<Long> analyzeNanos = Collections.synchronizedList(new ArrayList<>());
    List<Long> searchNanos = Collections.synchronizedList(new ArrayList<>());
    List<Long> ingestNanos = Collections.synchronizedList(new ArrayList<>());
    List<Long> handlerNanos = Collections.synchronizedList(new ArrayList<>());
    List<Long> cpuNanos = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger ingested = new AtomicInteger();
    long deadline = System.nanoTime() + duration.toNanos();
    long start = System.nanoTime();
    String base = "http://127.0.0.1:" + port;
    ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
    for (int c = 0; c < clients; c++) {
      Random random = new Random(c);
      pool.submit(() -> {
        while (System.nanoTime() < deadline) {
          double dice = random.nextDouble();
          String article = articles.get(random.nextInt(articles.size()));
          boolean analyze = dice < analyzeShare;
          boolean ingest = !analyze && ingestToken != null && dice < analyzeShare + ingestShare;
          HttpRequest request;
          if (analyze) {
            request = HttpRequest.newBuilder(URI.create(base + "/api/analyze")).header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(article)).build();
          } else if (ingest) {
            String body = "{\"text\": " + quoted(article) + ", \"url\": \"https://load.invalid/" + ingested.incrementAndGet() + "\"}";
            request = HttpRequest.newBuilder(URI.create(base + "/api/ingest")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ingestToken).POST(HttpRequest.BodyPublishers.ofString(body)).build();
          } else {
            request = HttpRequest.newBuilder(URI.create(base + "/api/search?q="
                + URLEncoder.encode(queries.get(random.nextInt(queries.size())), StandardCharsets.UTF_8))).GET().build();
          }
          long t = System.nanoTime();
          try {
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200 && r.statusCode() != 201) {
              errors.incrementAndGet();
            }
            if (!analyze && !ingest) {
              r.headers().firstValue("Server-Timing").ifPresent(timing -> {
                handlerNanos.add(duration(timing, "handler"));
                cpuNanos.add(duration(timing, "cpu"));
              });
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          (analyze ? analyzeNanos : ingest ? ingestNanos : searchNanos).add(System.nanoTime() - t);
        }
      });
    }
    AtomicInteger hostileSent = new AtomicInteger();
    AtomicInteger hostileUnexpected = new AtomicInteger();
    if (hostile) {
      List<Hostile> kinds = hostileRequests(base);
      pool.submit(() -> {
        for (int i = 0; System.nanoTime() < deadline; i++) {
          long next = System.nanoTime() + 1_000_000_000L;
          Hostile h = kinds.get(i % kinds.size());
          hostileSent.incrementAndGet();
          try {
            HttpResponse<Void> r = http.send(h.request().apply(i), HttpResponse.BodyHandlers.discarding());
            if (!h.expected().contains(r.statusCode())) {
              hostileUnexpected.incrementAndGet();
            }
          } catch (java.io.IOException e) {
            // A server may close the connection on a body over the limit before reading it all.
            if (!h.expected().contains(413)) {
              hostileUnexpected.incrementAndGet();
            }
          } catch (InterruptedException e) {
            return;
          }
          long wait = next - System.nanoTime();
          if (wait > 0) {
            try {
              Thread.sleep(wait / 1_000_000);
            } catch (InterruptedException e) {
              return;
            }
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(duration.toMillis() + 120_000, TimeUnit.MILLISECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(analyzeNanos.size() + searchNanos.size() + ingestNanos.size(), errors.get(), seconds,
        latency(analyzeNanos), latency(searchNanos), latency(ingestNanos), latency(handlerNanos), latency(cpuNanos),
        hostileSent.get(), hostileUnexpected.get());
  }

  /** One metric's duration in a Server-Timing header ("handler;dur=12.3, cpu;dur=1.1"), in nanoseconds; 0 when absent. */
  static long duration(String header, String metric) {
    for (String part : header.split(",")) {
      String[] fields = part.strip().split(";");
      if (fields[0].equals(metric)) {
        for (int i = 1; i < fields.length; i++) {
          if (fields[i].startsWith("dur=")) {
            return (long) (Double.parseDouble(fields[i].substring(4)) * 1e6);
          }
        }
      }
    }
    return 0;
  }

  private static List<Hostile> hostileRequests(String base) {
    java.util.Set<Integer> refused413 = java.util.Set.of(413);
    byte[] chunk = "All work and no play. ".repeat(3000).getBytes(StandardCharsets.US_ASCII);
    String nested = "<html><body>" + "<div>".repeat(2_000) + "<p>The council met on Tuesday, and the mayor said the budget"
        + " would rise by five percent next year.</p>" + "</div>".repeat(2_000) + "</body></html>";
    return List.of(
        new Hostile("chunked body over the limit", i -> HttpRequest.newBuilder(URI.create(base + "/api/analyze"))
            .header("Content-Type", "text/plain")
            // An unknown length makes the client send it chunked: 32 MB in 64 KB pieces.
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> repeated(chunk, 512))).build(), refused413),
        new Hostile("XML body", i -> HttpRequest.newBuilder(URI.create(base + "/api/analyze"))
            .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<?xml version=\"1.0\"?><a>x</a>"))
            .build(), java.util.Set.of(415)),
        new Hostile("regular expression too complex", i -> HttpRequest.newBuilder(URI.create(base + "/api/search?q="
            + URLEncoder.encode("/(a|b)*a(a|b){20}/", StandardCharsets.UTF_8))).GET().build(), java.util.Set.of(400)),
        new Hostile("page nested 2,000 deep", i -> HttpRequest.newBuilder(URI.create(base + "/api/analyze"))
            .header("Content-Type", "text/html").POST(HttpRequest.BodyPublishers.ofString(nested)).build(), java.util.Set.of(200, 422)),
        new Hostile("GET on /api/analyze", i -> HttpRequest.newBuilder(URI.create(base + "/api/analyze")).GET().build(),
            java.util.Set.of(405)),
        new Hostile("limit that is no number", i -> HttpRequest.newBuilder(URI.create(base + "/api/search?q=the&limit=abc"))
            .GET().build(), java.util.Set.of(400)),
        new Hostile("trailing garbage after JSON", i -> HttpRequest.newBuilder(URI.create(base + "/api/analyze"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Rain.\"} }{"))
            .build(), java.util.Set.of(400)));
  }

  /** {@code times} copies of {@code chunk} one after another, made as they are read. */
  private static java.io.InputStream repeated(byte[] chunk, int times) {
    return new java.io.SequenceInputStream(new java.util.Enumeration<java.io.InputStream>() {
      private int left = times;

      @Override
      public boolean hasMoreElements() {
        return left > 0;
      }

      @Override
      public java.io.InputStream nextElement() {
        left--;
        return new java.io.ByteArrayInputStream(chunk);
      }
    });
  }

  private static String quoted(String s) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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
