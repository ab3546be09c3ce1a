package org.presslens.nlp.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.presslens.core.Article;
import org.presslens.core.Span;
import org.presslens.core.Text;

/**
 * Reads a PolNeAR split: {@code text/NAME.txt} and brat standoff {@code attributions/NAME_ANNOTATOR.ann}.
 * Where several annotators did one article, the first file in name order is the gold. Every
 * attribution with content counts, beliefs and intentions too. Offsets are code points.
 */
public final class PolnearCorpus {
  private static final String DOUBLE_MARKS = "\"\u201C\u201D";

  private PolnearCorpus() {}

  /** One gold attribution; {@code source} and {@code cue} may be empty. */
  public record Attribution(List<Span> content, List<Span> source, List<Span> cue, boolean direct) {}

  /** One article with its gold attributions. */
  public record Labelled(String name, Article article, List<Attribution> gold) {}

  /** The articles of a split that have an annotation file, in name order. */
  public static List<Labelled> read(Path dir) throws IOException {
    Map<String, Path> annotations = new HashMap<>();
    try (Stream<Path> files = Files.list(dir.resolve("attributions"))) {
      files.sorted().forEach(f -> {
        String name = f.getFileName().toString();
        if (name.endsWith(".ann")) {
          annotations.putIfAbsent(name.substring(0, name.lastIndexOf('_')), f);
        }
      });
    }
    List<Path> texts;
    try (Stream<Path> files = Files.list(dir.resolve("text"))) {
      texts = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    List<Labelled> out = new ArrayList<>();
    for (Path textFile : texts) {
      String name = textFile.getFileName().toString().replaceFirst("\\.txt$", "");
      Path ann = annotations.get(name);
      if (ann != null) {
        String text = Files.readString(textFile, StandardCharsets.UTF_8);
        out.add(new Labelled(name, Article.ofText(textFile.toString(), text), readBrat(ann, text)));
      }
    }
    return out;
  }

  /** The attributions of one brat file: "T" lines give spans, "E" lines tie them together. */
  static List<Attribution> readBrat(Path ann, String text) throws IOException {
    Text slicer = new Text(text);
    Map<String, List<Span>> spans = new HashMap<>();
    List<String[]> events = new ArrayList<>();
    for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t");
      if (cols.length < 2) {
        continue;
      }
      if (cols[0].startsWith("T")) {
        String ranges = cols[1].substring(cols[1].indexOf(' ') + 1);
        List<Span> list = new ArrayList<>();
        for (String r : ranges.split(";")) {
          String[] ends = r.trim().split(" ");
          list.add(new Span(Integer.parseInt(ends[0]), Integer.parseInt(ends[1])));
        }
        spans.put(cols[0], list);
      } else if (cols[0].startsWith("E")) {
        events.add(cols[1].trim().split(" "));
      }
    }
    List<Attribution> out = new ArrayList<>();
    for (String[] roles : events) {
      List<Span> content = List.of();
      List<Span> source = List.of();
      List<Span> cue = List.of();
      for (String role : roles) {
        String[] kv = role.split(":");
        List<Span> s = spans.getOrDefault(kv[1], List.of());
        if (kv[0].startsWith("Content")) {
          content = s;
        } else if (kv[0].startsWith("Source")) {
          source = s;
        } else if (kv[0].startsWith("Cue")) {
          cue = s;
        }
      }
      if (!content.isEmpty()) {
        boolean direct = false;
        for (Span s : content) {
          direct |= slicer.slice(s).chars().anyMatch(c -> DOUBLE_MARKS.indexOf(c) >= 0);
        }
        out.add(new Attribution(content, source, cue, direct));
      }
    }
    return out;
  }
}
