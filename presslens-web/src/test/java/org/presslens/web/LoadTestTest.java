package org.presslens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load run of {@code presslens bench --web --hostile}, short, against a real server on
 * loopback with a budget of 3 s: every hostile kind is sent once and gets its documented answer,
 * and the good requests beside them get none but 200 and 201.
 */
class LoadTestTest {
  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void everyHostileKindGetsItsDocumentedAnswerAndTheGoodRequestsNoError(@TempDir Path dir) throws Exception {
    List<String> articles = List.of(
        "Union leader Patricia Hewitt said on Tuesday that the ferry strike at Porthaven was off.",
        "The harbour at Ferrytown closed on Tuesday for a week of repairs, the council said.");
    try (WebServer s = WebServer.start(new WebServer.Settings(dir.resolve("store"), "127.0.0.1", 0, "s3cret", 10L << 20, 3),
        Servers.PIPELINE)) {
      LoadTest.Result r = LoadTest.run(s.port(), articles, List.of("ferry", "harbour"), 2,
          Duration.ofSeconds(LoadTest.HOSTILE_KINDS), 0.3, 0.1, "s3cret", true);
      assertThat(r.hostile()).isGreaterThanOrEqualTo(LoadTest.HOSTILE_KINDS);
      assertThat(r.surprises()).isEmpty();
      assertThat(r.hostileUnexpected()).isZero();
      assertThat(r.errors()).as("good requests that got no 200 or 201").isZero();
      assertThat(r.requests()).isPositive();
      assertThat(analysesStop(s)).as("no analysis left running after the load").isTrue();
    }
  }

  private static boolean analysesStop(WebServer s) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (s.analysesInFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return s.analysesInFlight() == 0;
  }
}
