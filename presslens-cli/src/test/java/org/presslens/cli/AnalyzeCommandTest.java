package org.presslens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyze command end to end, in process, as the contract describes it. */
class AnalyzeCommandTest {
  @TempDir Path dir;

  /** What one run printed, and its exit status. */
  record Run(int status, String out, String err) {}

  /** Runs the command line in this process, capturing what it prints; shared by the CLI tests. */
  static synchronized Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = Main.run(args);
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private Path write(String name, String content) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void jsonlFollowsTheContractWithCodePointOffsetsAndBadInputsDoNotStopTheBatch() throws Exception {
    String text = "🚀 Angela Merkel visited Paris on Monday.\n\n😀 Merkel met Emmanuel Macron, the French president. "
        + "The United Nations (UN) welcomed it, and the UN said so again.";
    Path good = write("good.txt", text);
    Path empty = write("empty.txt", "");
    Path second = write("second.txt", "Rain fell in Oslo.");
    Run r = run("analyze", "--format", "jsonl", good.toString(), empty.toString(), second.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("presslens: error: " + empty + ": empty");
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.get("input").asText()).isEqualTo(good.toString());
    assertThat(first.get("text").asText()).isEqualTo(text);
    int[] cps = text.codePoints().toArray();
    int mentions = 0;
    for (JsonNode e : first.get("entities")) {
      for (JsonNode m : e.get("mentions")) {
        int start = m.get("start").asInt();
        int end = m.get("end").asInt();
        assertThat(new String(cps, start, end - start)).isEqualTo(m.get("text").asText());
        mentions++;
      }
    }
    assertThat(mentions).isGreaterThanOrEqualTo(5);
    for (JsonNode s : first.get("sentences")) {
      assertThat(s.get("end").asInt()).isLessThanOrEqualTo(cps.length);
    }
    assertThat(first.get("sentences").size()).isEqualTo(3);
    assertThat(first.get("techniques").isArray()).isTrue();
    assertThat(first.get("technique_share").asDouble()).isBetween(0.0, 1.0);
    assertThat(json.readTree(lines.get(1)).get("input").asText()).isEqualTo(second.toString());
  }

  @Test
  void textAndHtmlFormatsAreReadableAndSelfContained() throws Exception {
    Path article = write("a.txt", "Council backs plan\n\nSource » Coastal Ledger\n\n"
        + "Mayor Jane Okoro said the <script>alert(1)</script> plan would cost £2 million. Okoro spoke in Leeds.");
    Run text = run("analyze", "--format", "text", article.toString());
    assertThat(text.status()).isZero();
    assertThat(text.out()).contains("Council backs plan", "Coastal Ledger", "PERSON", "Jane Okoro  ×2", "MONEY",
        "Voices", "Claims to check", "Persuasion techniques");

    Path outDir = dir.resolve("report");
    Run html = run("analyze", "--format", "html", "--out", outDir.toString(), article.toString());
    assertThat(html.status()).isZero();
    String page = Files.readString(outDir.resolve("a.txt.html"));
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<mark class=\"t-PERSON\"").contains("&lt;script&gt;")
        .contains("<h2>Persuasion techniques</h2>")
        .doesNotContain("<script").doesNotContainPattern("(?i)(src|href)=\"?https?:");
  }

  @Test
  void theFoundingCaseIsLaidBareWithTheExampleRegistry() {
    Run r = run("analyze", "--format", "text", "--registry", "../examples/outlets.json", "../examples/advocacy-repost.txt");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Provenance: Republished from Valley Action Network (advocacy group, affiliated with Valley Rivers Alliance)")
        .contains("! affiliated-source:").contains("! single-voice:").contains("! syndicated-copy:")
        .contains("Stance towards people and organisations");
    Run missing = run("analyze", "--registry", "no-such-registry.json", "../examples/advocacy-repost.txt");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no-such-registry.json: no such file");
  }

  @Test
  void aDeeplyNestedPageIsAnalysedAndTheBatchGoesOn() throws Exception {
    String paragraph = "The council met on Tuesday, and the mayor said the budget would rise by five percent next year.";
    Path nested = write("nested.html", "<html><body>" + "<div>".repeat(2_000) + "<p>" + paragraph + "</p>"
        + "</div>".repeat(2_000) + "</body></html>");
    Path after = write("after.txt", "Rain fell in Oslo.");
    Run r = run("analyze", "--format", "jsonl", nested.toString(), after.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(new ObjectMapper().readTree(lines.get(0)).get("text").asText()).isEqualTo(paragraph);
  }

  @Test
  void aBatchOfHostileInputsNamesEachFailureInOneLineAndAnalysesTheRest() throws Exception {
    String paragraph = "The council met on Tuesday, and the mayor said the budget would rise by five percent next year.";
    Path batch = dir.resolve("batch");
    Files.createDirectories(batch);
    Files.writeString(batch.resolve("a-nested.html"), "<html><body>" + "<div>".repeat(100_000) + "<p>" + paragraph + "</p>"
        + "</div>".repeat(100_000) + "</body></html>");
    StringBuilder attributes = new StringBuilder("<html><body><article><div");
    for (int i = 0; i < 10_000; i++) {
      attributes.append(" data-a").append(i).append("=\"").append(i).append('"');
    }
    Files.writeString(batch.resolve("b-attributes.html"), attributes + "><p>" + paragraph + "</p></div></article></body></html>");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(batch.resolve("c-bomb.html.gz")))) {
      byte[] spaces = " ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 1024; i++) { // 64 MB of spaces, 64 KB on disk
        out.write(spaces);
      }
    }
    StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
    }
    Files.writeString(batch.resolve("d-laughs.rss"), laughs + "]><rss version=\"2.0\"><channel><title>&lol9;</title>"
        + "<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>");
    Files.writeString(batch.resolve("e-deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
    Files.write(batch.resolve("f-utf16.txt"), ("\uFEFF" + paragraph).getBytes(StandardCharsets.UTF_16LE));
    Files.writeString(batch.resolve("g-typed.jsonl"), "{\"text\": 12345}\n{\"text\": \"" + paragraph + "\"} trailing\n");
    Files.writeString(batch.resolve("h-good.txt"), "Rain fell in Oslo.");

    Run r = run("analyze", "--format", "jsonl", batch.toString());
    assertThat(r.status()).isEqualTo(1);
    List<String> errors = r.err().lines().filter(l -> l.startsWith("presslens: error: ")).toList();
    assertThat(r.err().lines().filter(l -> !l.isBlank() && !l.startsWith("presslens: error: ") && !l.contains("articles")))
        .as("nothing but one line per failure (and progress)").isEmpty();
    assertThat(errors).hasSize(5).anySatisfy(l -> assertThat(l).contains("c-bomb.html.gz: larger than 16 MB"))
        .anySatisfy(l -> assertThat(l).contains("d-laughs.rss: not a readable RSS or Atom feed"))
        .anySatisfy(l -> assertThat(l).contains("e-deep.json: malformed JSON"))
        .anySatisfy(l -> assertThat(l).contains("g-typed.jsonl:1: \"text\" must be a string, not a number"))
        .anySatisfy(l -> assertThat(l).contains("g-typed.jsonl:2: malformed JSON"));
    ObjectMapper json = new ObjectMapper();
    List<String> analysed = r.out().lines().map(l -> {
      try {
        return json.readTree(l).get("input").asText();
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    }).toList();
    assertThat(analysed).containsExactly(batch.resolve("a-nested.html").toString(), batch.resolve("b-attributes.html").toString(),
        batch.resolve("f-utf16.txt").toString(), batch.resolve("h-good.txt").toString());
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("analyze").status()).isEqualTo(2);
    assertThat(run("analyze", "--format", "pdf", "x.txt").status()).isEqualTo(2);
    assertThat(run("frobnicate").status()).isEqualTo(2);
  }
}
