package org.presslens.nlp.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.presslens.core.Article;
import org.presslens.core.Span;
import org.presslens.core.Text;

/**
 * Reads NewsMTSC (Hamborg and Donnay, EACL 2021): JSONL, one news sentence per line
 * ({@code sentence_normalized}) with target mentions ({@code from}, {@code to}: character
 * offsets, end exclusive) and the sentence's polarity towards each (2.0 negative, 4.0 neutral,
 * 6.0 positive).
 */
public final class NewsMtsc {
  /** The three classes, in the order models and reports use. */
  public static final List<String> POLARITIES = List.of("negative", "neutral", "positive");

  private NewsMtsc() {}

  /** One target in one sentence, with its gold polarity (an index into {@link #POLARITIES}). */
  public record Target(Span span, String mention, int polarity) {}

  /** One sentence as an article of its own, with its targets (code-point spans). */
  public record Sentence(Article article, List<Target> targets) {}

  public static List<Sentence> read(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Sentence> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      try {
        JsonNode row = json.readTree(lines.get(n));
        String sentence = row.get("sentence_normalized").asText();
        Text text = new Text(sentence);
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : row.get("targets")) {
          int polarity = switch ((int) t.get("polarity").asDouble()) {
            case 2 -> 0;
            case 4 -> 1;
            case 6 -> 2;
            default -> throw new IOException("polarity " + t.get("polarity") + " is not 2, 4 or 6");
          };
          targets.add(new Target(text.spanOfChars(t.get("from").asInt(), t.get("to").asInt()), t.get("mention").asText(), polarity));
        }
        out.add(new Sentence(Article.ofText(file + ":" + (n + 1), sentence), targets));
      } catch (IOException | RuntimeException e) {
        throw new IOException(file + ":" + (n + 1) + ": not a NewsMTSC row: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
