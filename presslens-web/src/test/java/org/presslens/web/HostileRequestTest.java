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
          byte[] chunk = "All work and no play. ".repeat(3000).substring(0, 65536).getBytes(StandardCharsets.US_ASCII);
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
      // A chunked body within the limit is read as any other.
      assertThat(chunkedPost(s, "/api/analyze", 100_000)).startsWith("HTTP/1.1 200");
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

  static void assertError(HttpResponse<String> r, int status, String message) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).contains(message).doesNotContain("\n");
  }
}
