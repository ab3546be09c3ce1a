package org.presslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.cli.AnalyzeCommandTest.Run;
import org.presslens.nlp.provenance.WikidataRegistry;

/** {@code presslens registry}: build, update against a local endpoint, show; and the flag it feeds. */
class RegistryCommandTest {
  private static final Path RESULTS = Path.of("../examples/wikidata-results.json");
  @TempDir Path dir;
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void buildWritesARegistryThatShowAndAnalyzeUse() throws Exception {
    Path out = dir.resolve("wd.json");
    Run build = AnalyzeCommandTest.run("registry", "build", "--from-wikidata", RESULTS.toString(), "--out", out.toString());
    assertThat(build.status()).isEqualTo(0);
    assertThat(build.out()).startsWith(out + ": 8 outlets and organisations (4 with a domain) from 30 rows in ");

    Run show = AnalyzeCommandTest.run("registry", "show", "--registry", out.toString(), "--registry", "../examples/outlets.json", "VAN");
    assertThat(show.status()).isEqualTo(0);
    assertThat(show.out()).startsWith("Valley Action Network  (Wikidata Q900000001, https://www.wikidata.org/wiki/Q900000001)")
        .contains("  domain               valley-action.example  [" + out + "]")
        .contains("  advocacy group       Valley Rivers Alliance  examples/README.md#valley-action-network  [../examples/outlets.json]")
        .contains("  Clean Rivers Movement\n"
            + "    Valley Action Network → owned by → Valley Rivers Alliance  https://www.wikidata.org/wiki/Q900000001#P127  [" + out + "]\n"
            + "    Valley Rivers Alliance → member of → Clean Rivers Movement  https://www.wikidata.org/wiki/Q900000002#P463  [" + out + "]\n");

    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"outlets\": [{\"name\": \"X\"}, {\"kind\": \"newspaper\"}]}");
    Run bad = AnalyzeCommandTest.run("registry", "show", "--registry", broken.toString(), "VAN");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err().lines()).containsExactly("presslens: " + broken + ": outlet number 2 has no name");

    Run unknown = AnalyzeCommandTest.run("registry", "show", "--registry", out.toString(), "nowhere.example");
    assertThat(unknown.status()).isEqualTo(1);
    assertThat(unknown.err().lines()).containsExactly(
        "presslens: nowhere.example: not in the outlet registry (38 entries); an article from it is reported as unrated");

    Run analyze = AnalyzeCommandTest.run("analyze", "--format", "text", "--registry", out.toString(), "../examples/movement-repost.html");
    assertThat(analyze.status()).isEqualTo(0);
    assertThat(analyze.out()).contains("Provenance: Published by Valley Action Network (advocacy group, owned by Valley Rivers Alliance),"
            + " which credits itself as the source; Clean Rivers Movement portrayed positively")
        .contains("! affiliated-source: Valley Action Network → owned by: Valley Rivers Alliance"
            + " (https://www.wikidata.org/wiki/Q900000001#P127) → member of: Clean Rivers Movement")
        .doesNotContain("unrated-source");
  }

  @Test
  void aMalformedResultsFileIsOneLineAndNothingIsWritten() throws Exception {
    Path broken = Files.writeString(dir.resolve("query.json"), "{\"head\": {\"vars\": [\"item\", \"fact\", \"value\"]}, \"results\": {\"bindings\": [");
    Path out = dir.resolve("wd.json");
    Run r = AnalyzeCommandTest.run("registry", "build", "--from-wikidata", broken.toString(), "--out", out.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().lines()).singleElement().satisfies(line ->
        assertThat(line).startsWith("presslens: error: " + broken + ": malformed JSON at line 1: ").endsWith("; nothing written"));
    assertThat(out).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(broken);
    }
  }

  @Test
  void updateAsksTheEndpointOncePolitelyAndBuildsFromItsAnswer() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    byte[] answer = Files.readAllBytes(RESULTS);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/sparql", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(exchange.getRequestMethod() + "\n" + exchange.getRequestHeaders().getFirst("User-Agent") + "\n"
          + exchange.getRequestHeaders().getFirst("Accept") + "\n" + URLDecoder.decode(body.substring("query=".length()), StandardCharsets.UTF_8));
      exchange.getResponseHeaders().set("Content-Type", "application/sparql-results+json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    Path out = dir.resolve("wd.json");
    Run r = AnalyzeCommandTest.run("registry", "update", "--endpoint", "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql",
        "--contact", "desk@example.org", "--out", out.toString());
    assertThat(r.status()).as(r.err()).isEqualTo(0);
    assertThat(requests).singleElement().satisfies(req -> {
      String[] parts = req.split("\n", 4);
      assertThat(parts[0]).isEqualTo("POST");
      assertThat(parts[1]).startsWith("PressLens/").contains("desk@example.org");
      assertThat(parts[2]).isEqualTo("application/sparql-results+json");
      assertThat(parts[3]).isEqualTo(WikidataRegistry.QUERY);
    });
    assertThat(Files.readString(out)).contains("\"built_from\":\"wikidata\"").contains("Q900000001#P127");
    assertThat(dir.resolve("wd.json.results.json")).hasSameBinaryContentAs(RESULTS);
  }

  @Test
  void anEndpointThatIsUnreachableOrFailsIsOneLineAndNothingIsWritten() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Path out = dir.resolve("wd.json");
    Run unreachable = AnalyzeCommandTest.run("registry", "update", "--endpoint", "http://127.0.0.1:" + closedPort + "/sparql",
        "--timeout", "5", "--out", out.toString());
    assertThat(unreachable.status()).isEqualTo(1);
    assertThat(unreachable.err().lines().filter(l -> l.startsWith("presslens: error:"))).singleElement().satisfies(line ->
        assertThat(line).startsWith("presslens: error: http://127.0.0.1:" + closedPort + "/sparql: cannot connect").endsWith("; nothing written"));

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/sparql", exchange -> {
      byte[] body = "Too many requests, retry later\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(429, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql";
    Run refused = AnalyzeCommandTest.run("registry", "update", "--endpoint", endpoint, "--out", out.toString());
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err().lines().filter(l -> l.startsWith("presslens: error:"))).containsExactly(
        "presslens: error: " + endpoint + ": HTTP 429: Too many requests, retry later; nothing written");
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }
}
