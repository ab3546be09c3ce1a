package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;

/** A page by its address, against a server the test starts: robots.txt, redirects, charset. */
class PoliteFetcherTest {
  private HttpServer server;
  private String base;
  private final List<String> paths = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      paths.add(path);
      String type = "text/html; charset=utf-8";
      byte[] body;
      int status = 200;
      switch (path) {
        // crawler-commons reads the most specific group: PressLens may not read /members/, others nothing.
        case "/robots.txt" -> {
          type = "text/plain";
          body = "User-agent: PressLens\nDisallow: /members/\n\nUser-agent: *\nDisallow: /\n".getBytes(StandardCharsets.UTF_8);
        }
        case "/xhtml.html" -> body = ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
            + "<title>Tolls</title></head><body><article><p>The bridge tolls go up in April, the council said on Monday, by a fifth for cars"
            + " and a quarter for lorries.</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
        case "/old-address" -> {
          exchange.getResponseHeaders().add("Location", "/2024/fares.html");
          status = 301;
          body = new byte[0];
        }
        case "/2024/fares.html" -> {
          type = "text/html; charset=ISO-8859-1"; // the server's label; the bytes are windows-1252
          body = ("<html><head><title>Fares rise</title></head><body><article><h1>Fares rise</h1>"
              + "<p>\u201cWe will not pay \u20ac40,\u201d said the union on Monday, as the strike went into its third week.</p>"
              + "<p>The council said fuel, wages and repairs cost more than they did last year.</p></article></body></html>")
              .getBytes(Charset.forName("windows-1252"));
        }
        default -> {
          status = 404;
          body = new byte[0];
        }
      }
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private List<Item> read(String url) {
    List<Item> items = new ArrayList<>();
    Inputs.read(Inputs.expand(List.of(url)).get(0), System.in).forEachRemaining(items::add);
    return items;
  }

  /**
   * A server others can reach fetches public addresses only: the machine's own, its network's,
   * link-local (the cloud metadata service) and the like are refused before anything is asked of
   * them, robots.txt included.
   */
  @Test
  void aPublicOnlyFetcherRefusesAddressesInsideANetwork() throws Exception {
    PoliteFetcher publicOnly = new PoliteFetcher(Duration.ZERO, Duration.ofSeconds(5), true);
    for (String url : List.of(base + "/2024/fares.html", "http://localhost/", "http://10.1.2.3/", "http://172.20.0.1/",
        "http://192.168.1.1/admin", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://0.0.0.0/",
        "http://[::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> publicOnly.fetchPage(url)).as(url)
          .isInstanceOf(BadInputException.class).hasMessageContaining("public addresses only");
    }
    assertThat(paths).as("nothing was asked of the local server, robots.txt included").isEmpty();
    // The fetcher of analyze URL, on the user's own machine, reads it.
    assertThat(new PoliteFetcher(Duration.ZERO, Duration.ofSeconds(5)).fetchPage(base + "/2024/fares.html").url())
        .isEqualTo(base + "/2024/fares.html");
  }

  @Test
  void aPageByItsAddressFollowsRedirectsAndKeepsTheFinalUrlAndTheServersCharset() {
    Item item = read(base + "/old-address").get(0);
    Article a = ((Item.Read) item).article();
    assertThat(a.input()).isEqualTo(base + "/old-address");
    assertThat(a.source().url()).isEqualTo(base + "/2024/fares.html");
    assertThat(a.extraction().redirects()).containsExactly(base + "/old-address"); // the contract's "redirects"
    assertThat(a.text()).startsWith("\u201cWe will not pay \u20ac40,\u201d said the union");
    assertThat(paths).containsSubsequence("/robots.txt", "/old-address", "/2024/fares.html");
  }

  @Test
  void robotsTxtIsReadAsCrawlerCommonsReadsItAndARefusalIsOneLine() throws Exception {
    List<Item> items = read(base + "/members/list.html");
    String message = ((Item.Failed) items.get(0)).error().getMessage();
    assertThat(message).isEqualTo(base + "/members/list.html: robots.txt of 127.0.0.1 disallows it");
    assertThat(paths).doesNotContain("/members/list.html");
    PoliteFetcher fetcher = new PoliteFetcher(Duration.ZERO, Duration.ofSeconds(5));
    assertThat(((Item.Failed) read(base + "/missing").get(0)).error().getMessage()).isEqualTo(base + "/missing: HTTP 404");
    assertThat(new String(fetcher.fetch(base + "/2024/fares.html"), Charset.forName("windows-1252"))).contains("\u20ac40");
  }

  @Test
  void anXhtmlPageIsAPageNotAFeed() throws Exception {
    Article a = Inputs.page(base + "/xhtml.html");
    assertThat(a.text()).startsWith("The bridge tolls go up in April");
    assertThat(a.extraction().redirects()).isEmpty();
  }

  @Test
  void anUnreachableAddressIsOneClearLine() {
    String dead = "http://127.0.0.1:9/nothing";
    String message = ((Item.Failed) read(dead).get(0)).error().getMessage();
    assertThat(message).startsWith(dead + ": cannot fetch (").doesNotContain("\n");
  }
}
