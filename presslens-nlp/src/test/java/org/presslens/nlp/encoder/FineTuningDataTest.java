package org.presslens.nlp.encoder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The technique-span examples written for fine-tuning, and the token scores read back. */
class FineTuningDataTest {
  @TempDir Path dir;

  @Test
  void spanExamplesLabelEachTokenOfEachSentenceAndKeepTheArticlesFold() throws Exception {
    Path ptc = dir.resolve("ptc");
    for (String split : List.of("train", "dev")) {
      Files.createDirectories(ptc.resolve(split + "-articles"));
    }
    // Article 111: "heroic souls" (7–19) is loaded language; article 222 has none.
    Files.writeString(ptc.resolve("train-articles/article111.txt"), "Their heroic souls stood firm. The bridge reopened.");
    Files.writeString(ptc.resolve("train-articles/article222.txt"), "Repairs cost two million pounds.");
    Files.writeString(ptc.resolve("train-task-flc-tc.labels"), "111\tLoaded_Language\t6\t18\n");
    Files.writeString(ptc.resolve("dev-articles/article333.txt"), "The council met.");
    Files.writeString(ptc.resolve("dev-task-flc-tc.labels"), "");
    Path out = dir.resolve("data.jsonl.gz");

    int n = FineTuningData.write(new FineTuningData.Sources(null, null, null, null, null, ptc, null), out,
        new PrintStream(PrintStream.nullOutputStream()));

    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(out)), StandardCharsets.UTF_8))) {
      ObjectMapper json = new ObjectMapper();
      for (String line; (line = r.readLine()) != null; ) {
        rows.add(json.readTree(line));
      }
    }
    assertThat(n).isEqualTo(rows.size()).isEqualTo(4); // two sentences, one, one
    JsonNode first = rows.get(0);
    assertThat(first.get("task").asText()).isEqualTo("spans");
    assertThat(first.get("article").asText()).isEqualTo("111");
    assertThat(first.get("first").asInt()).isZero();
    assertThat(first.get("fold").asInt()).isZero();
    // Their heroic souls stood firm .
    assertThat(first.get("labels").toString()).isEqualTo("[0,1,1,0,0,0]");
    JsonNode second = rows.get(1);
    assertThat(second.get("first").asInt()).isEqualTo(6);
    assertThat(second.get("labels").toString()).isEqualTo("[0,0,0,0]");
    assertThat(rows.get(2).get("fold").asInt()).isEqualTo(1); // the second article
    assertThat(rows.get(3).get("split").asText()).isEqualTo("dev");
    // Each sequence numbers the sentence's own tokens from 0, as the head pools them.
    JsonNode tokens = first.get("sequences").get(0).get("token");
    assertThat(tokens.get(0).asInt()).isEqualTo(-1); // [CLS]
    assertThat(tokens.get(1).asInt()).isZero();
  }

  @Test
  void attributionExamplesLabelCueCandidatesAndTheRolesAroundEachGoldCue() throws Exception {
    Path polnear = dir.resolve("polnear");
    String text = "The mayor said the ferry would stop.\n\nIslanders were angry.";
    for (String split : List.of("train", "dev")) {
      Files.createDirectories(polnear.resolve(split + "/text"));
      Files.createDirectories(polnear.resolve(split + "/attributions"));
      Files.writeString(polnear.resolve(split + "/text/a1.txt"), text);
      // Source "The mayor" (0–9), cue "said" (10–14), content "the ferry would stop" (15–35).
      Files.writeString(polnear.resolve(split + "/attributions/a1_x.ann"), "T1\tSource 0 9\tThe mayor\n"
          + "T2\tCue 10 14\tsaid\nT3\tContent 15 35\tthe ferry would stop\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n");
    }
    Files.writeString(polnear.resolve("train/text/a2.txt"), "Repairs cost two million pounds.");
    Files.writeString(polnear.resolve("train/attributions/a2_x.ann"), "");
    Path out = dir.resolve("data.jsonl.gz");

    int n = FineTuningData.write(new FineTuningData.Sources(null, null, null, null, null, null, polnear), out,
        new PrintStream(PrintStream.nullOutputStream()));

    List<JsonNode> rows = read(out);
    assertThat(n).isEqualTo(rows.size()).isEqualTo(3); // two train articles, one dev
    JsonNode first = rows.get(0);
    assertThat(first.get("task").asText()).isEqualTo("attribution");
    assertThat(first.get("article").asText()).isEqualTo("a1");
    assertThat(first.get("fold").asInt()).isZero();
    // The mayor said the ferry would stop . | Islanders were angry .  (the full stops are no cue candidates)
    assertThat(first.get("tokens").asInt()).isEqualTo(12);
    assertThat(first.get("cue").toString()).isEqualTo("[0,0,1,0,0,0,0,-1,0,0,0,-1]");
    JsonNode cue = first.get("cues").get(0);
    assertThat(cue.get("cue").toString()).isEqualTo("[2,3]");
    // The window is the cue's sentence and the one after; roles: source source (cue) begin inside inside end other ...
    assertThat(cue.get("window").toString()).isEqualTo("[0,12]");
    assertThat(cue.get("roles").toString()).isEqualTo("[1,1,-1,2,3,3,4,0,0,0,0,0]");
    assertThat(rows.get(1).get("cues")).isEmpty();
    assertThat(rows.get(1).get("fold").asInt()).isEqualTo(1);
    assertThat(rows.get(2).get("split").asText()).isEqualTo("dev");
  }

  private static List<JsonNode> read(Path file) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      ObjectMapper json = new ObjectMapper();
      for (String line; (line = r.readLine()) != null; ) {
        rows.add(json.readTree(line));
      }
    }
    return rows;
  }

  @Test
  void spanScoresAreReadBackByArticleAndFirstTokenForOneSplit() throws Exception {
    Path file = dir.resolve("oof-spans.jsonl.gz");
    try (Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
      w.write("{\"split\": \"train\", \"article\": \"111\", \"first\": 0, \"p\": [0.1, 0.9]}\n");
      w.write("{\"split\": \"train\", \"article\": \"111\", \"first\": 2, \"p\": [0.5]}\n");
      w.write("{\"split\": \"dev\", \"article\": \"333\", \"first\": 0, \"p\": [0.2]}\n");
    }
    Map<String, Map<Integer, double[]>> train = FineTuningData.readSpanScores(file, "train");
    assertThat(train).containsOnlyKeys("111");
    assertThat(train.get("111")).containsOnlyKeys(0, 2);
    assertThat(train.get("111").get(0)).containsExactly(0.1, 0.9);
    assertThat(FineTuningData.readSpanScores(file, "dev").get("333").get(0)).containsExactly(0.2);
  }
}
