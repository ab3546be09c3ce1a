package org.presslens.nlp.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.presslens.core.Article;
import org.presslens.core.Span;
import org.presslens.core.Technique;

/**
 * Reads the Propaganda Techniques Corpus (SemEval-2020 Task 11): a folder of
 * {@code article<ID>.txt} files and a labels file of {@code id<TAB>technique<TAB>start<TAB>end}
 * rows (technique-classification layout) or {@code id<TAB>start<TAB>end} rows (span layout, no
 * technique). Offsets count code points of the file; two train files begin with a byte-order mark
 * that counts as position 0, so it is read as a space rather than dropped.
 */
public final class PtcCorpus {
  private PtcCorpus() {}

  /** One article with its gold spans; a span's technique is null in the span-only layout. */
  public record Labelled(String id, Article article, List<Technique> gold) {}

  public static List<Labelled> read(Path articles, Path labels) throws IOException {
    Map<String, List<Technique>> gold = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] cells = line.split("\t");
      if (cells.length != 3 && cells.length != 4) {
        throw new IOException(labels + ":" + (n + 1) + ": not an id<TAB>[technique<TAB>]start<TAB>end row");
      }
      String technique = cells.length == 4 ? cells[1] : null;
      Span span = new Span(Integer.parseInt(cells[cells.length - 2]), Integer.parseInt(cells[cells.length - 1]));
      gold.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(new Technique(technique, span, 1, null));
    }
    List<Labelled> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(articles)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("article\\d+\\.txt")).sorted().toList()) {
        String id = file.getFileName().toString().replaceAll("\\D", "");
        String text = Files.readString(file, StandardCharsets.UTF_8).replace('\uFEFF', ' ');
        out.add(new Labelled(id, Article.ofText(file.toString(), text), List.copyOf(gold.getOrDefault(id, List.of()))));
      }
    }
    if (out.isEmpty()) {
      throw new IOException(articles + ": no article<ID>.txt files");
    }
    return out;
  }
}
