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
import java.util.Map;
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
 * one hostile request every second whatever the earlier ones take, in turn: a chunked body over
 * the limit, an XML body, a regular expression too complex for Lucene, a page nested 2,000 deep,
 * GET on /api/analyze, a limit that is no number, trailing garbage after JSON, a body trickled in
 * (10 bytes every 100 ms, never ending), an 8 MB article whose client gives up after 5 s, a JSON
 * text that is a number, a date that does not exist. The good requests' errors and latencies are
 * counted apart from the hostile ones, whose answers must be the documented ones (a 4xx; a 200
 * for the nested page, which is read; for the trickle and the oversized body, also a connection
 * the server closes while the client still sends). Deterministic in what it sends (a seeded
 * generator per client), not in timing.
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
   * @param surprises for each hostile kind answered otherwise than documented, the answers it got
   * @param searchHandler how long the server's handler ran for each search, from its {@code Server-Timing} header
   * @param searchCpu how much of that its thread was on a core: the search's own work
   */
  public record Result(int requests, int errors, double seconds, Latency analyze, Latency search, Latency ingest,
      Latency searchHandler, Latency searchCpu, int hostile, int hostileUnexpected, Map<String, List<String>> surprises) {
    public double throughput() {
      return requests / seconds;
    }
  }

  /** One hostile request and the statuses that are its documented answers. */
  /** How many kinds of hostile request there are: a run of this many seconds sends each once. */
  public static final int HOSTILE_KINDS = 11;

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
    Map<String, List<String>> surprises = new java.util.concurrent.ConcurrentSkipListMap<>();
    List<java.util.concurrent.CompletableFuture<?>> answers = Collections.synchronizedList(new ArrayList<>());
    // Hostile clients have a connection pool of their own, so that a connection the server
    // closes after refusing one never carries a good request.
    ExecutorService hostileIo = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "load-hostile");
      t.setDaemon(true);
      return t;
    });
    HttpClient hostileHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(hostileIo).build();
    if (hostile) {
      List<Hostile> kinds = hostileRequests(base);
      assert kinds.size() == HOSTILE_KINDS;
      pool.submit(() -> {
        // One a second whatever the answers take: a trickled body is answered only at the budget.
        for (int i = 0; System.nanoTime() < deadline; i++) {
          long next = System.nanoTime() + 1_000_000_000L;
          Hostile h = kinds.get(i % kinds.size());
          hostileSent.incrementAndGet();
          answers.add(hostileHttp.sendAsync(h.request().apply(i), HttpResponse.BodyHandlers.discarding())
              .handle((r, failure) -> {
                int status = r != null ? r.statusCode() : failureStatus(failure);
                if (!h.expected().contains(status)) {
                  hostileUnexpected.incrementAndGet();
                  surprises.computeIfAbsent(h.name(), k -> Collections.synchronizedList(new ArrayList<>()))
                      .add(r != null ? "status " + status : String.valueOf(failure));
                }
                return null;
              }));
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
    try {
      java.util.concurrent.CompletableFuture.allOf(answers.toArray(new java.util.concurrent.CompletableFuture<?>[0]))
          .get(120, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      hostileUnexpected.addAndGet((int) answers.stream().filter(a -> !a.isDone()).count()); // never answered
    }
    hostileIo.shutdownNow();
    return new Result(analyzeNanos.size() + searchNanos.size() + ingestNanos.size(), errors.get(), seconds,
        latency(analyzeNanos), latency(searchNanos), latency(ingestNanos), latency(handlerNanos), latency(cpuNanos),
        hostileSent.get(), hostileUnexpected.get(),
        Map.copyOf(surprises));
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

  /** What a failed exchange stands for, as a pseudo-status: {@link #GAVE_UP}, {@link #CLOSED}, or -1. */
  private static int failureStatus(Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : failure;
    if (cause instanceof java.net.http.HttpTimeoutException) {
      return GAVE_UP;
    }
    return cause instanceof java.io.IOException ? CLOSED : -1;
  }

  /** The client stopped waiting (its timeout): what a client of a huge article does. */
  private static final int GAVE_UP = 0;
  /**
   * The server closed the connection while the client was still sending: what it does after a 413
   * or a 408, which the client may not read before its next write fails.
   */
  private static final int CLOSED = 1;

  /** The hostile kinds, {@value #HOSTILE_KINDS} of them, in the order they are sent. */
  private static List<Hostile> hostileRequests(String base) {
    java.util.Set<Integer> refused413 = java.util.Set.of(413, CLOSED);
    byte[] chunk = "All work and no play. ".repeat(3000).getBytes(StandardCharsets.US_ASCII);
    byte[] sentences = "Union leader Patricia Hewitt said on Tuesday that the ferry strike at Porthaven was off.\n\n"
        .repeat(700).getBytes(StandardCharsets.US_ASCII);
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
            .build(), java.util.Set.of(400)),
        new Hostile("body trickled in, 10 bytes every 100 ms", i -> HttpRequest.newBuilder(URI.create(base + "/api/analyze"))
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofInputStream(() -> trickle(10, 100)))
            .build(), java.util.Set.of(408, CLOSED)),
        new Hostile("8 MB article whose client gives up after 5 s", i -> HttpRequest.newBuilder(URI.create(base + "/api/analyze"))
            .header("Content-Type", "text/plain").timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> repeated(sentences, 8 * 1024 * 1024 / sentences.length)))
            .build(), java.util.Set.of(GAVE_UP, 503)),
        new Hostile("JSON text that is a number", i -> HttpRequest.newBuilder(URI.create(base + "/api/analyze"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\": 12345}")).build(),
            java.util.Set.of(400)),
        new Hostile("a date that does not exist", i -> HttpRequest.newBuilder(URI.create(base
            + "/api/quotes?speaker=Hewitt&from=2005-99-99")).GET().build(), java.util.Set.of(400)));
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

  /** A body that never ends by itself: {@code bytes} bytes every {@code millis} ms until the server stops reading. */
  private static java.io.InputStream trickle(int bytes, long millis) {
    return new java.io.InputStream() {
      private int left;

      @Override
      public int read() throws java.io.IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] b, int off, int len) throws java.io.IOException {
        if (left == 0) {
          try {
            Thread.sleep(millis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException();
          }
          left = bytes;
        }
        int n = Math.min(len, left);
        java.util.Arrays.fill(b, off, off + n, (byte) 'a');
        left -= n;
        return n;
      }
    };
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
