package org.presslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page in another language is said to be so, and the stages that know only English leave it alone. */
class LanguageGateTest {
  @TempDir Path dir;

  @Test
  void aGermanNewsPageGetsItsLanguageAndNoEnglishEntities() throws Exception {
    Path page = dir.resolve("insel.html");
    Files.writeString(page, "<html><head><title>Ein Besuch bei den Menschen der Insel</title></head><body><article>"
        + "<h1>Ein Besuch bei den Menschen der Insel</h1>"
        + "<p>Ein Besuch bei den Menschen der Insel zeigt, wie sehr sie von der Fähre abhängen. Die Verbindung zwischen"
        + " Porthaven und den Inseln wird im Oktober eingestellt, teilte der Betreiber am Montag mit.</p>"
        + "<p>„Wir wurden nicht gefragt“, sagte Bürgermeisterin Anna Becker. Der Gemeinderat hat für Donnerstagabend"
        + " eine Dringlichkeitssitzung einberufen.</p></article></body></html>", StandardCharsets.UTF_8);
    AnalyzeCommandTest.Run r = AnalyzeCommandTest.run("analyze", "--format", "json", page.toString());
    assertThat(r.status()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.path("language").asText()).isEqualTo("de");
    assertThat(doc.path("language_from").asText()).isEqualTo("text");
    assertThat(doc.path("entities")).isEmpty();
    assertThat(doc.path("quotes")).isEmpty();
    assertThat(doc.path("not_analysed").toString()).contains("entities", "quotes", "claims", "techniques", "stance");
    assertThat(doc.path("sentences")).isNotEmpty();
  }
}
