package org.presslens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Requests written to hurt the server: each gets its documented error, and the server stays up. */
class HostileRequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Sends {@code bytes} of body in 64 KB chunks with Transfer-Encoding: chunked over a raw socket,
   * as a client that declares no length would, and returns the response's status line. The
   * sender stops when the server closes the connection.
   */
  static String chunkedPost(WebServer s, String path, long bytes) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", s.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      Thread sender = new Thread(() -> {
        try {
          out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = "All work and no play. ".repeat(3000).substring(0, (int) Math.min(65536, bytes)).getBytes(StandardCharsets.US_ASCII);
          byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          for (long sent = 0; sent < bytes; sent += chunk.length) {
            out.write(head);
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException closedByTheServer) {
          // what a server that refuses the body early does
        }
      });
      sender.setDaemon(true);
      sender.start();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      return in.readLine();
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aChunkedBodyOverTheLimitIsRefusedLikeOneWithALength(@TempDir Path dir) throws Exception {
    try (WebServer s = Servers.start(dir.resolve("store"), null, 1 << 20)) {
      assertThat(chunkedPost(s, "/api/analyze", 200L * 1024 * 1024)).startsWith("HTTP/1.1 413");
      assertThat(chunkedPost(s, "/api/ingest", 200L * 1024 * 1024)).startsWith("HTTP/1.1 4"); // 403 or 413: never read whole
      assertThat(Servers.get(s, "/api/techniques").statusCode()).isEqualTo(200);
      // A chunked body within the limit is read as any other (small enough to analyse
      // well inside the socket's timeout on a loaded machine).
      assertThat(chunkedPost(s, "/api/analyze", 8_000)).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void aRequestPipelinedBehindAnAnalysisClosesTheConnectionAfterTheAnswerInsteadOfBeingMisread(@TempDir Path dir)
      throws Exception {
    byte[] body = hugeArticle().substring(0, 30_000).getBytes(StandardCharsets.UTF_8); // a second of analysis or more
    try (WebServer s = Servers.start(dir.resolve("store"), null, 8 << 20, 600);
        Socket socket = new Socket("127.0.0.1", s.port())) {
      socket.setSoTimeout(240_000);
      OutputStream out = socket.getOutputStream();
      analyseAndWaitForItToStart(s, out, body);
      // The next request, sent while the first is analysed: its first byte is what the server's
      // look at the socket reads, so it cannot be served; the answer before it says so.
      out.write("GET /api/techniques HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
      boolean closing = false;
      for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        closing |= lower.startsWith("connection:") && lower.contains("close");
      }
      assertThat(closing).as("Connection: close on the answer before the unread request").isTrue();
      StringBuilder rest = new StringBuilder();
      for (int c; (c = in.read()) >= 0; ) { // to the end of the stream: the server closes the connection
        rest.append((char) c);
      }
      assertThat(rest).as("the analysis, and no answer to a half-read request").contains("Porthaven").doesNotContain("HTTP/1.1");
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aBodyThatTricklesIsCutOffAtTheBudget(@TempDir Path dir) throws Exception {
    try (WebServer s = Servers.start(dir.resolve("store"), null, 1 << 20, 2);
        Socket socket = new Socket("127.0.0.1", s.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      Thread trickle = new Thread(() -> {
        try {
          out.write(("POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          for (int i = 0; i < 10_000; i++) { // ten bytes every tenth of a second: 100 KB in 100 s
            out.write("Rain fell.".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(100);
          }
        } catch (IOException | InterruptedException closedByTheServer) {
          // what the server does after its 408
        }
      });
      trickle.setDaemon(true);
      long started = System.nanoTime();
      trickle.start();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertThat(in.readLine()).startsWith("HTTP/1.1 408");
      assertThat((System.nanoTime() - started) / 1e9).as("cut off at the budget of 2 s, not when the body ends").isLessThan(20);
      String line;
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("connection:")) {
          assertThat(line).containsIgnoringCase("close");
        }
      }
      assertThat(in.readLine()).contains("\"status\":408").contains("came too slowly");
      trickle.join(10_000);
      assertThat(trickle.isAlive()).as("the server closed the connection rather than reading the trickle on").isFalse();
      assertThat(Servers.get(s, "/api/techniques").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aMissingOrForeignAuthorizationNeverMatchesAndPlaceholderTokensAreRefused(@TempDir Path dir) throws Exception {
    for (String token : new String[] {"null", "", " ", "None"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new WebServer.Settings(dir, "127.0.0.1", 0, token, 1000))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guards nothing");
    }
    try (WebServer s = Servers.start(dir.resolve("store"), "s3cret", 1 << 20)) {
      assertError(Servers.post(s, "/api/ingest", "text/plain", "Rain fell in Oslo.", null), 401, "token");
      java.net.http.HttpRequest basic = java.net.http.HttpRequest.newBuilder(
              java.net.URI.create("http://127.0.0.1:" + s.port() + "/api/ingest"))
          .header("Content-Type", "text/plain").header("Authorization", "Basic s3cret")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Rain fell in Oslo.")).build();
      assertError(java.net.http.HttpClient.newHttpClient().send(basic, HttpResponse.BodyHandlers.ofString()), 401, "token");
    }
  }

  @Test
  void anIngestWhileAnotherProcessWritesTheStoreIsAConflict(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store");
    try (WebServer s = Servers.start(store, "s3cret", 1 << 20);
        org.presslens.corpus.CorpusStore other = org.presslens.corpus.CorpusStore.open(store)) {
      assertError(Servers.post(s, "/api/ingest", "text/plain", "Rain fell in Oslo on Monday.", "s3cret"), 409,
          "being written by another process");
    }
  }

  private static HttpResponse<String> postBytes(WebServer s, String path, String type, byte[] body) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + s.port() + path))
        .header("Content-Type", type).POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] multipart(String boundary, String field, String file, String type, String content) {
    return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + file + "\"\r\n"
        + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n" + content + "\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void requestsAreReadByTheirTypeAndCharsetAndValidated(@TempDir Path dir) throws Exception {
    String article = "Union leader Patricia Hewitt said on Tuesday that the ferry strike was off.";
    try (WebServer s = Servers.start(dir.resolve("store"), null, 1 << 20)) {
      // Types that are not an article: 415, whatever the body holds.
      assertError(Servers.post(s, "/api/analyze", "application/xml", "<?xml version=\"1.0\"?><a>" + article + "</a>", null),
          415, "application/xml is not read");
      assertError(Servers.post(s, "/api/analyze", "text/xml", "<a>" + article + "</a>", null), 415, "text/xml");
      assertError(Servers.post(s, "/api/analyze", "text/plain; charset=klingon", article, null), 415, "unknown charset");
      // A multipart upload is read as its file, never as the envelope.
      String boundary = "----presslens" + System.nanoTime();
      JsonNode up = JSON.readTree(postBytes(s, "/api/analyze", "multipart/form-data; boundary=" + boundary,
          multipart(boundary, "file", "ferry.txt", "text/plain", article)).body());
      assertThat(up.get("text").asText()).isEqualTo(article);
      JsonNode page = JSON.readTree(postBytes(s, "/api/analyze", "multipart/form-data; boundary=" + boundary,
          multipart(boundary, "upload", "ferry.html", null, "<html><body><article><p>" + article + "</p></article></body></html>")).body());
      assertThat(page.get("text").asText()).isEqualTo(article);
      // The declared charset is honoured; a byte-order mark is read as what it says.
      String accented = "Le maire de Zürich a dit que le café resterait ouvert.";
      HttpResponse<String> latin1 = postBytes(s, "/api/analyze", "text/plain; charset=ISO-8859-1",
          accented.getBytes(StandardCharsets.ISO_8859_1));
      assertThat(JSON.readTree(latin1.body()).get("text").asText()).isEqualTo(accented);
      byte[] utf16 = ("\uFEFF" + accented).getBytes(StandardCharsets.UTF_16LE);
      assertThat(JSON.readTree(postBytes(s, "/api/analyze", "text/plain", utf16).body()).get("text").asText()).isEqualTo(accented);
      // Methods, parameters, JSON types, trailing garbage and dates: the documented error shape.
      HttpResponse<String> wrongMethod = Servers.get(s, "/api/analyze");
      assertError(wrongMethod, 405, "");
      assertThat(wrongMethod.headers().firstValue("Allow")).as("what a 405 must say (RFC 9110 §15.5.6)").hasValue("POST");
      assertError(Servers.get(s, "/api/search?q=ferry&limit=abc"), 400, "limit must be a whole number between 1 and 200, not 'abc'");
      assertError(Servers.get(s, "/api/stats?top=-5"), 400, "top must be a whole number between 1 and 200, not '-5'");
      assertError(Servers.post(s, "/api/analyze", "application/json", "{\"text\": 12345}", null), 400, "\"text\" must be a string, not a number");
      assertError(Servers.post(s, "/api/analyze", "application/json", "{\"text\": \"" + article + "\"} trailing", null), 400,
          "malformed JSON");
      assertError(Servers.post(s, "/api/analyze", "application/json",
          "{\"text\": \"" + article + "\", \"published\": \"2005-99-99\"}", null), 400, "\"published\" is not a date: '2005-99-99'");
      assertError(Servers.get(s, "/api/quotes?speaker=Hewitt&from=2005-99-99"), 400, "no such date: 2005-99-99");
      assertError(Servers.get(s, "/api/quotes?speaker=Hewitt&to=2005-02-30"), 400, "no such date: 2005-02-30");
    }
  }

  @Test
  void theServerSeesArticlesAnotherProcessStoresAndRefusesATooComplexRegex(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store");
    try (org.presslens.corpus.CorpusStore other = org.presslens.corpus.CorpusStore.open(store)) {
      other.add(Servers.PIPELINE.analyze(org.presslens.ingest.TextArticles.of("a.txt",
          "The harbour at Porthaven reopened on Monday after a week of repairs, the authority said.")));
    }
    try (WebServer s = Servers.start(store, null, 1 << 20)) {
      assertThat(JSON.readTree(Servers.get(s, "/api/search?q=harbour").body()).get("hits")).hasSize(1);
      try (org.presslens.corpus.CorpusStore other = org.presslens.corpus.CorpusStore.open(store)) {
        other.add(Servers.PIPELINE.analyze(org.presslens.ingest.TextArticles.of("b.txt",
            "The harbour at Ferrytown closed on Tuesday for a week of repairs, the council said.")));
        other.recluster();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10 * WebServer.REFRESH_SECONDS);
      int seen = 0;
      while (seen < 2 && System.nanoTime() < deadline) {
        seen = JSON.readTree(Servers.get(s, "/api/search?q=harbour").body()).get("hits").size();
        Thread.sleep(100);
      }
      assertThat(seen).as("articles the server sees after another process stored a second").isEqualTo(2);
      assertThat(JSON.readTree(Servers.get(s, "/api/stats").body()).get("articles").asInt()).isEqualTo(2);
      assertError(Servers.get(s, "/api/search?q=" + java.net.URLEncoder.encode("/(a|b)*a(a|b){20}/", StandardCharsets.UTF_8)),
          400, "too complex");
    }
  }

  /**
   * An article of 2 MB, about 15,000 sentences: minutes of analysis on one core, most stages
   * tens of seconds each, so an analysis that stops within seconds of being told did so inside
   * a stage.
   */
  /** Sends {@code body} to /api/analyze over a raw connection and waits (30 s at most) until the server analyses it. */
  private static void analyseAndWaitForItToStart(WebServer s, OutputStream out, byte[] body) throws Exception {
    out.write(("POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: "
        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (s.analysesInFlight() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static String hugeArticle() {
    StringBuilder big = new StringBuilder();
    for (int i = 0; big.length() < 2_000_000; i++) {
      big.append("Union leader Patricia Hewitt said on day ").append(i).append(" that the ferry strike at Porthaven was off. ");
      if (i % 5 == 4) {
        big.append("\n\n");
      }
    }
    return big.toString();
  }

  /** Waits until the server runs no analysis; false when one still runs after {@code seconds}. */
  private static boolean analysesStop(WebServer s, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (s.analysesInFlight() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void anAnalysisOverTheBudgetIs503AndStops(@TempDir Path dir) throws Exception {
    try (WebServer s = Servers.start(dir.resolve("store"), null, 8 << 20, 1)) {
      long started = System.nanoTime();
      HttpResponse<String> r = Servers.post(s, "/api/analyze", "text/plain", hugeArticle(), null);
      double seconds = (System.nanoTime() - started) / 1e9;
      assertError(r, 503, "did not finish within the server's budget of 1 s");
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(seconds).as("answered at the budget, not at the end of the analysis").isLessThan(10);
      assertThat(analysesStop(s, 20)).as("the analysis stopped within its stage, not minutes later").isTrue();
      // The server goes on serving analyses.
      assertThat(Servers.post(s, "/api/analyze", "text/plain", "Rain fell in Oslo on Monday.", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void anAnalysisStopsWhenItsClientGoesAway(@TempDir Path dir) throws Exception {
    byte[] body = hugeArticle().getBytes(StandardCharsets.UTF_8);
    try (WebServer s = Servers.start(dir.resolve("store"), null, 8 << 20, 600)) {
      try (Socket socket = new Socket("127.0.0.1", s.port())) {
        analyseAndWaitForItToStart(s, socket.getOutputStream(), body);
        assertThat(s.analysesInFlight()).as("the analysis started").isEqualTo(1);
        Thread.sleep(1000); // a client that gives up, as curl --max-time does
      }
      assertThat(analysesStop(s, 20)).as("the analysis stopped soon after its client went, within the budget of 600 s").isTrue();
      assertThat(Servers.post(s, "/api/analyze", "text/plain", "Rain fell in Oslo on Monday.", null).statusCode()).isEqualTo(200);
    }
  }

  static void assertError(HttpResponse<String> r, int status, String message) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).contains(message).doesNotContain("\n");
  }
}
