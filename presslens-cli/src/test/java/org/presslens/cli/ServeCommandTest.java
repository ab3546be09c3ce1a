package org.presslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What serve refuses at start-up, before it loads any model. */
class ServeCommandTest {
  @Test
  void anIngestTokenThatGuardsNothingIsRefusedAtStartUp() {
    for (String token : new String[] {"null", "", "  ", "undefined"}) {
      long started = System.nanoTime();
      AnalyzeCommandTest.Run r = AnalyzeCommandTest.run("serve", "--port", "0", "--ingest-token", token);
      assertThat(r.status()).as("token '%s'", token).isEqualTo(2);
      assertThat(r.err()).contains("--ingest-token", "guards nothing").doesNotContain("loading models");
      assertThat(r.err().lines().count()).isEqualTo(1);
      assertThat((System.nanoTime() - started) / 1e9).isLessThan(5.0); // refused before models load
    }
  }
}
