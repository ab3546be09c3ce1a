package org.presslens.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over a real server on a free port, with a store it fills through the API. */
class ApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARTICLE = "Ferry strike called off\n\n"
      + "Union leader Patricia Hewitt said on Tuesday that the ferry strike was off. \"We have a deal,\" Hewitt said.";

  @Test
  void analyzeReturnsTheContractAndSelectsLayers(@TempDir Path dir) throws Exception {
    try (WebServer s = Servers.start(dir.resolve("store"), null, 1 << 20)) {
      HttpResponse<String> r = Servers.post(s, "/api/analyze", "text/plain; charset=utf-8", ARTICLE, null);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode doc = JSON.readTree(r.body());
      assertThat(doc.get("text").asText()).isEqualTo(ARTICLE);
      assertThat(doc.get("quotes").size()).isGreaterThanOrEqualTo(1);
      assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

      JsonNode some = JSON.readTree(Servers.post(s, "/api/analyze?layers=quotes", "application/json",
          "{\"text\": " + JSON.writeValueAsString(ARTICLE) + ", \"url\": \"https://news.example/ferry\"}", null).body());
      assertThat(some.has("quotes")).isTrue();
      assertThat(some.has("entities")).isFalse();
      assertThat(some.path("source").path("url").asText()).isEqualTo("https://news.example/ferry");

      HttpResponse<String> html = Servers.post(s, "/api/analyze", "text/html",
          "<html><head><title>T</title></head><body><article><p>" + ARTICLE.replace("\n", " ") + "</p></article></body></html>", null);
      assertThat(html.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void errorsAreJsonWithTheRightStatus(@TempDir Path dir) throws Exception {
    try (WebServer s = Servers.start(dir.resolve("store"), null, 1000)) {
      HttpResponse<String> big = Servers.post(s, "/api/analyze", "text/plain", "x".repeat(5000), null);
      assertThat(big.statusCode()).isEqualTo(413);
      assertThat(JSON.readTree(big.body()).get("error").asText()).contains("over the limit of 1000");
      assertError(Servers.post(s, "/api/analyze", "text/plain", "", null), 400, "empty body");
      assertError(Servers.post(s, "/api/analyze", "application/json", "{not json", null), 400, "malformed JSON");
      assertError(Servers.post(s, "/api/analyze", "text/plain", "\u0000\u0001\u0002binary", null), 422, "binary");
      assertError(Servers.post(s, "/api/analyze?layers=gossip", "text/plain", "Some text.", null), 400, "unknown layer 'gossip'");
      assertError(Servers.get(s, "/api/articles/nope"), 404, "no article nope");
      assertError(Servers.get(s, "/api/search?q=title:(unclosed"), 200, null); // empty store: nothing to search yet
      assertError(Servers.get(s, "/api/quotes?from=yesterday"), 400, "dates are YYYY-MM-DD");
      assertError(Servers.get(s, "/api/nowhere"), 404, "not found");
      assertError(Servers.post(s, "/api/ingest", "text/plain", ARTICLE, null), 403, "ingest is off");
      HttpResponse<String> escape = Servers.get(s, "/../../etc/passwd");
      assertThat(escape.statusCode()).isIn(400, 404); // Jetty refuses the path before any handler
      assertThat(escape.body()).doesNotContain("root:");
    }
  }

  @Test
  void ingestNeedsTheTokenThenSearchQuotesStatsAndClustersServeTheStore(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store");
    try (WebServer s = Servers.start(store, "s3cret", 1 << 20)) {
      assertError(Servers.post(s, "/api/ingest", "text/plain", ARTICLE, "wrong"), 401, "wrong token");
      HttpResponse<String> stored = Servers.post(s, "/api/ingest", "text/plain", ARTICLE, "s3cret");
      assertThat(stored.statusCode()).isEqualTo(201);
      String id = JSON.readTree(stored.body()).get("id").asText();
      assertThat(Servers.post(s, "/api/ingest", "text/plain", ARTICLE, "s3cret").statusCode()).isEqualTo(200);
      // The same text republished elsewhere, with a credit line: a syndicated copy.
      HttpResponse<String> copy = Servers.post(s, "/api/ingest", "application/json", "{\"text\": "
          + JSON.writeValueAsString(ARTICLE + "\n\nSource » Ferry Weekly")
          + ", \"url\": \"https://copies.example/ferry\", \"published\": \"2025-01-02\"}", "s3cret");
      assertThat(copy.statusCode()).as(copy.body()).isEqualTo(201);

      JsonNode hits = JSON.readTree(Servers.get(s, "/api/search?q=ferry").body()).get("hits");
      assertThat(hits).hasSize(2);
      assertThat(JSON.readTree(Servers.get(s, "/api/articles/" + id).body()).get("text").asText()).isEqualTo(ARTICLE);
      JsonNode quotes = JSON.readTree(Servers.get(s, "/api/quotes?speaker=Hewitt").body()).get("quotes");
      assertThat(quotes).isNotEmpty();
      assertThat(quotes.get(0).get("speaker").asText()).contains("Hewitt");
      assertThat(JSON.readTree(Servers.get(s, "/api/quotes?speaker=Hewitt&from=2025-01-01&to=2025-12-31").body()).get("quotes"))
          .allSatisfy(q -> assertThat(q.get("published").asText()).startsWith("2025"));
      JsonNode stats = JSON.readTree(Servers.get(s, "/api/stats").body());
      assertThat(stats.get("articles").asInt()).isEqualTo(2);
      assertThat(stats.path("tops").path("speakers").has("Patricia Hewitt")).isTrue();
      // Ingest answers once the article is committed; the clusters follow on the server's own thread.
      JsonNode cluster = Servers.eventually(() -> JSON.readTree(Servers.get(s, "/api/clusters/" + id).body()),
          c -> c.path("members").size() == 2);
      assertThat(cluster.get("members")).hasSize(2);
      assertThat(Files.isDirectory(store.resolve("index"))).isTrue();
    }
  }

  @Test
  void aPageByItsAddressIsFetchedWithItsRedirectsRecorded(@TempDir Path dir) throws Exception {
    try (WebServer s = Servers.start(dir.resolve("store"), null, 1 << 20); PageServer site = new PageServer()) {
      String asked = site.url("/s/ferry");
      HttpResponse<String> r = Servers.post(s, "/api/analyze", "application/json", "{\"fetch\": \"" + asked + "\"}", null);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode doc = JSON.readTree(r.body());
      assertThat(doc.get("input").asText()).isEqualTo(asked);
      assertThat(doc.get("title").asText()).isEqualTo("Ferry strike called off");
      assertThat(doc.get("authors").toString()).isEqualTo("[\"Ines Carvalho\"]");
      assertThat(doc.get("published").asText()).isEqualTo("2025-03-04"); // from the final URL
      assertThat(doc.get("text").asText()).startsWith("Union leader Patricia Hewitt said").doesNotContain("Home");
      assertThat(doc.at("/source/url").asText()).isEqualTo(site.url("/2025/03/04/ferry-strike-called-off.html"));
      assertThat(doc.get("redirects").toString()).isEqualTo("[\"" + asked + "\",\"" + site.url("/news/ferry") + "\"]");
      assertThat(doc.get("quotes")).isNotEmpty();

      // A page that cannot be had is one clear line naming it; the body's "url" is still never fetched.
      assertError(Servers.post(s, "/api/analyze", "application/json", "{\"fetch\": \"" + site.url("/gone") + "\"}", null),
          422, "cannot analyse the page at " + site.url("/gone") + ": HTTP 404");
      assertError(Servers.post(s, "/api/analyze", "application/json", "{\"fetch\": \"" + site.url("/members/ferry") + "\"}", null),
          422, "robots.txt of 127.0.0.1 disallows it");
      assertError(Servers.post(s, "/api/analyze", "application/json", "{\"fetch\": \"ftp://example.com/x\"}", null),
          422, "not an http(s) URL");
      assertError(Servers.post(s, "/api/analyze", "application/json", "{\"fetch\": 7}", null), 400, "\"fetch\" must be");
      assertError(Servers.post(s, "/api/analyze", "application/json", "{\"fetch\": \"" + asked + "\", \"text\": \"T\"}", null),
          400, "not both");
      JsonNode kept = JSON.readTree(Servers.post(s, "/api/analyze", "application/json",
          "{\"text\": " + JSON.writeValueAsString(ARTICLE) + ", \"url\": \"" + site.url("/gone") + "\"}", null).body());
      assertThat(kept.get("text").asText()).isEqualTo(ARTICLE);
      assertThat(kept.has("redirects")).isFalse();
    }
  }

  @Test
  void clustersThatMissTheLastCommitAreCaughtUpWhenTheServerStarts(@TempDir Path dir) throws Exception {
    // A server killed after committing an ingest and before its recluster ran leaves this: the
    // articles committed, the clusters without them.
    Path store = dir.resolve("store");
    String id;
    try (org.presslens.corpus.CorpusStore other = org.presslens.corpus.CorpusStore.open(store)) {
      var original = org.presslens.ingest.TextArticles.of("a.txt", ARTICLE);
      id = org.presslens.core.ArticleId.of(original);
      other.add(Servers.PIPELINE.analyze(original));
      other.add(Servers.PIPELINE.analyze(org.presslens.ingest.TextArticles.of("b.txt", ARTICLE + "\n\nSource » Ferry Weekly")));
    }
    assertThat(org.presslens.corpus.CorpusStore.clustersBehind(store)).isTrue();
    try (WebServer s = Servers.start(store, null, 1 << 20)) {
      JsonNode cluster = Servers.eventually(() -> JSON.readTree(Servers.get(s, "/api/clusters/" + id).body()),
          c -> c.path("members").size() == 2);
      assertThat(cluster.get("members")).hasSize(2);
    }
    assertThat(org.presslens.corpus.CorpusStore.clustersBehind(store)).isFalse();
  }

  @Test
  void analysesRunAtALowerPriorityThanSearchesOnLinux(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux only");
    try (WebServer s = Servers.start(dir.resolve("store"), null, 1 << 20)) {
      assertThat(Servers.post(s, "/api/analyze", "text/plain", ARTICLE, null).statusCode()).isEqualTo(200);
      // Each thread's name (comm, cut at 15 characters) and nice value (stat's 19th field).
      Map<String, List<Integer>> niceByName = new java.util.HashMap<>();
      try (var tasks = Files.list(Path.of("/proc/self/task"))) {
        for (Path task : tasks.toList()) {
          try {
            String name = Files.readString(task.resolve("comm")).strip();
            String stat = Files.readString(task.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            niceByName.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(Integer.parseInt(fields[16]));
          } catch (java.io.IOException gone) {
            // a thread that ended meanwhile
          }
        }
      }
      List<Integer> analyses = niceByName.remove("presslens-analy");
      // Every other thread (Jetty's, which search) keeps the process's own nice value (0, or what
      // the build was started with); the analyses are ten levels lower.
      List<Integer> others = niceByName.values().stream().flatMap(List::stream).distinct().toList();
      assertThat(others).as("the other threads' nice values: %s", niceByName).hasSize(1);
      assertThat(analyses).as("analysis threads").isNotEmpty()
          .containsOnly(Math.min(Niceness.LOWEST, others.get(0) + Niceness.ANALYSIS));
    }
  }

  /** A server others can reach does not fetch the machine's own addresses or its network's for them. */
  @Test
  void aServerBeyondLoopbackFetchesPublicAddressesOnly(@TempDir Path dir) throws Exception {
    try (WebServer s = WebServer.start(new WebServer.Settings(dir.resolve("store"), "0.0.0.0", 0, null, 1 << 20), Servers.PIPELINE);
        PageServer site = new PageServer()) {
      assertError(Servers.post(s, "/api/analyze", "application/json", "{\"fetch\": \"" + site.url("/s/ferry") + "\"}", null),
          422, "this server fetches public addresses only, and 127.0.0.1 is 127.0.0.1");
      assertError(Servers.post(s, "/api/analyze", "application/json", "{\"fetch\": \"http://169.254.169.254/latest/meta-data/\"}", null),
          422, "public addresses only");
    }
  }

  @Test
  void theSpecAndTheApiPageAreServed(@TempDir Path dir) throws Exception {
    try (WebServer s = Servers.start(dir.resolve("store"), null, 1 << 20)) {
      JsonNode spec = JSON.readTree(Servers.get(s, "/openapi.json").body());
      assertThat(spec.get("openapi").asText()).startsWith("3.");
      assertThat(spec.get("paths").has("/api/analyze")).isTrue();
      assertThat(Servers.get(s, "/api").body()).contains("POST /api/analyze");
      assertThat(JSON.readTree(Servers.get(s, "/api/techniques").body())).hasSize(14);
    }
  }

  private static void assertError(HttpResponse<String> r, int status, String message) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    if (message != null) {
      JsonNode body = JSON.readTree(r.body());
      assertThat(body.get("error").asText()).contains(message);
      assertThat(body.get("error").asText()).doesNotContain("\n");
    }
  }
}
