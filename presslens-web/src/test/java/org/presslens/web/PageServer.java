package org.presslens.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A small news site on a free local port, for the tests of analysing a page by its address: a
 * story, an old address that redirects to it twice over, a page robots.txt keeps PressLens from,
 * and a missing page.
 */
final class PageServer implements AutoCloseable {
  static final String STORY = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ferry strike called off | Porthaven Post</title>"
      + "<meta property=\"og:site_name\" content=\"Porthaven Post\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
      + "<article><h1>Ferry strike called off</h1><p class=\"byline\">By Ines Carvalho</p>"
      + "<p>Union leader Patricia Hewitt said on Tuesday that the ferry strike was off, after talks with the operator ran late into the night.</p>"
      + "<p>\"We have a deal,\" Hewitt said. The operator said the first ferries would sail on Wednesday morning.</p></article>"
      + "<footer>© Porthaven Post</footer></body></html>";

  private final HttpServer server;

  PageServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      int status = 200;
      String type = "text/html; charset=utf-8";
      String body = "";
      switch (path) {
        case "/robots.txt" -> {
          type = "text/plain";
          body = "User-agent: *\nDisallow: /members/\n";
        }
        case "/s/ferry" -> {
          status = 301;
          exchange.getResponseHeaders().add("Location", "/news/ferry");
        }
        case "/news/ferry" -> {
          status = 302;
          exchange.getResponseHeaders().add("Location", "/2025/03/04/ferry-strike-called-off.html");
        }
        case "/2025/03/04/ferry-strike-called-off.html" -> body = STORY;
        case "/members/ferry" -> body = STORY;
        default -> status = 404;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  /** The address of {@code path} on this server. */
  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
