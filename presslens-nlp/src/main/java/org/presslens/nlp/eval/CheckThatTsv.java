package org.presslens.nlp.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;

/**
 * Reads CLEF CheckThat! check-worthiness files: a header, then {@code id<TAB>text<TAB>Yes|No}
 * rows. Some rows of the 2024 English train file hold two records on one line
 * ({@code …<TAB>No29286<TAB>…}); they are read as two.
 */
public final class CheckThatTsv {
  private static final Pattern RECORD = Pattern.compile("(\\d+)\\t([^\\t]*)\\t(Yes|No)(?=\\s*$|\\d)");

  private CheckThatTsv() {}

  /** One sentence and its gold label. */
  public record Row(String id, String text, boolean checkworthy) {}

  /** Analyses each row as its own document on all cores; see {@link ParallelAnalysis#map}. */
  public static <R> List<R> analyze(List<Row> rows, Pipeline pipeline, Function<Document, R> then)
      throws InterruptedException {
    return ParallelAnalysis.map(rows.stream().map(r -> Article.ofText(r.id(), r.text())).toList(), pipeline, then);
  }

  /** Each row's gold decision, in order. */
  public static boolean[] labels(List<Row> rows) {
    boolean[] labels = new boolean[rows.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = rows.get(i).checkworthy();
    }
    return labels;
  }

  public static List<Row> read(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) {
        continue;
      }
      Matcher m = RECORD.matcher(line);
      int found = 0;
      while (m.find()) {
        rows.add(new Row(m.group(1), m.group(2), m.group(3).equals("Yes")));
        found++;
      }
      if (found == 0) {
        throw new IOException(file + ":" + (n + 1) + ": not an id<TAB>text<TAB>Yes|No row");
      }
    }
    return rows;
  }
}
