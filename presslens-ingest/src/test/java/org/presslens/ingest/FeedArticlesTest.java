package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds from a real HTTP server on localhost and from files. */
class FeedArticlesTest {
  @TempDir Path dir;
  private HttpServer server;
  private String base;
  private final List<String> userAgents = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    server.createContext("/", exchange -> {
      userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
      String path = exchange.getRequestURI().getPath();
      paths.add(path);
      String body = switch (path) {
        case "/feed.xml" -> "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour News</title>"
            + "<item><title>Port reopens</title><link>" + base + "/a.html</link>"
            + "<pubDate>Mon, 06 May 2024 09:00:00 GMT</pubDate><description>Short teaser.</description></item>"
            + "<item><title>Ferries return</title><link>" + base + "/gone</link>"
            + "<pubDate>Tue, 07 May 2024 09:00:00 GMT</pubDate>"
            + "<description>&lt;p&gt;Ferries will run again from Friday, the operator said.&lt;/p&gt;</description></item>"
            + "<item><title>Empty</title></item></channel></rss>";
        case "/robots.txt" -> "# test site\nUser-agent: SomeBot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\n";
        case "/feed2.xml" -> "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Private</title>"
            + "<item><title>Members only</title><link>" + base + "/private/p.html</link>"
            + "<description>The teaser the feed gives.</description></item></channel></rss>";
        case "/private/p.html" -> "<html><body><article><p>Not for robots.</p></article></body></html>";
        case "/a.html" -> "<html><head><title>Port reopens</title></head><body><nav>Home | News</nav><article>"
            + "<h1>Port reopens</h1><p>The harbour at Porthaven reopened on Monday after a week of repairs.</p>"
            + "<p>Jane Hewitt said the ferries would run again soon.</p></article></body></html>";
        default -> null;
      };
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static List<Item> all(Inputs.Input input) {
    List<Item> items = new ArrayList<>();
    Inputs.read(input, System.in).forEachRemaining(items::add);
    return items;
  }

  @Test
  void aFeedUrlGivesEachLinkedPageOrTheFeedsOwnText() {
    List<Inputs.Input> inputs = Inputs.expand(List.of(base + "/feed.xml"));
    assertThat(inputs).singleElement().satisfies(i -> assertThat(i.isUrl()).isTrue());
    List<Item> items = all(inputs.get(0));
    assertThat(items).hasSize(3);

    Item.Read page = (Item.Read) items.get(0);
    assertThat(page.article().text()).contains("reopened on Monday").doesNotContain("Home | News");
    assertThat(page.article().published()).isEqualTo("2024-05-06");
    assertThat(page.article().source().url()).isEqualTo(base + "/a.html");

    Item.Read fromFeed = (Item.Read) items.get(1);
    assertThat(fromFeed.article().text()).isEqualTo("Ferries will run again from Friday, the operator said.");
    assertThat(fromFeed.article().title()).isEqualTo("Ferries return");
    assertThat(fromFeed.article().source().name()).isEqualTo("Harbour News");

    Item.Failed empty = (Item.Failed) items.get(2);
    assertThat(empty.error().getMessage()).startsWith(base + "/feed.xml#3: no page and no text in the feed");
    assertThat(userAgents).allSatisfy(ua -> assertThat(ua).startsWith("PressLens/"));
  }

  @Test
  void pagesThatRobotsTxtDisallowsAreNotFetched() {
    List<Item> items = all(Inputs.expand(List.of(base + "/feed2.xml")).get(0));
    Item.Read read = (Item.Read) items.get(0);
    assertThat(read.article().text()).isEqualTo("The teaser the feed gives.");
    assertThat(paths).contains("/robots.txt").doesNotContain("/private/p.html");
  }

  @Test
  void anAtomFileFallsBackToItsContentWhenTheLinkIsUnreachable() throws Exception {
    Path atom = dir.resolve("news.atom");
    Files.writeString(atom, "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + "<title>Council Watch</title><id>urn:x</id><updated>2024-05-01T00:00:00Z</updated>"
        + "<entry><title>Budget passed</title><id>urn:1</id><link href=\"" + base + "/missing\"/>"
        + "<updated>2024-05-01T12:00:00Z</updated><author><name>Ann Writer</name></author>"
        + "<content type=\"html\">&lt;p&gt;The council approved a budget of £3 million.&lt;/p&gt;</content></entry></feed>");
    List<Item> items = all(Inputs.expand(List.of(atom.toString())).get(0));
    Item.Read read = (Item.Read) items.get(0);
    assertThat(read.input()).isEqualTo(atom + "#1");
    assertThat(read.article().text()).isEqualTo("The council approved a budget of £3 million.");
    assertThat(read.article().authors()).containsExactly("Ann Writer");
    assertThat(read.article().published()).isEqualTo("2024-05-01");
  }

  @Test
  void somethingThatIsNoFeedIsOneClearError() throws Exception {
    Path bad = dir.resolve("broken.rss");
    Files.writeString(bad, "<rss><channel><item>");
    List<Item> items = all(Inputs.expand(List.of(bad.toString())).get(0));
    assertThat(items).singleElement().satisfies(i ->
        assertThat(((Item.Failed) i).error().getMessage()).startsWith(bad + ": not a readable RSS or Atom feed"));
  }
}
