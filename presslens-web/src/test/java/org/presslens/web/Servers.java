package org.presslens.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.presslens.core.Pipeline;
import org.presslens.nlp.Analyzer;

/** One pipeline for the module's tests (models load once), and a small HTTP client. */
final class Servers {
  static final Pipeline PIPELINE = Analyzer.standard();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Servers() {}

  static WebServer start(Path store, String token, long maxBody) {
    return WebServer.start(new WebServer.Settings(store, "127.0.0.1", 0, token, maxBody), PIPELINE);
  }

  static WebServer start(Path store, String token, long maxBody, int maxSeconds) {
    return WebServer.start(new WebServer.Settings(store, "127.0.0.1", 0, token, maxBody, maxSeconds), PIPELINE);
  }

  static HttpResponse<String> get(WebServer s, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(WebServer s, String path, String type, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request's answer once it satisfies {@code done}, asked every 100 ms for up to 20 s; the last answer otherwise. */
  static <T> T eventually(Call<T> call, java.util.function.Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    T answer = call.get();
    while (!done.test(answer) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      answer = call.get();
    }
    return answer;
  }

  interface Call<T> {
    T get() throws Exception;
  }
}
