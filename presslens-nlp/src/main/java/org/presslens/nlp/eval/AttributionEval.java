package org.presslens.nlp.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.core.Quote;
import org.presslens.core.Span;

/**
 * Attribution scored on PolNeAR ({@code text/NAME.txt} and brat standoff
 * {@code attributions/NAME_ANNOTATOR.ann}; where several annotators did one article, the first
 * file in name order is the gold). Every gold attribution counts, beliefs and intentions too.
 *
 * <ul>
 *   <li><b>exact</b>: the content's text equals the gold's, ignoring whitespace, quotation marks
 *       and punctuation at the ends of each piece;
 *   <li><b>match</b>: the Jaccard overlap of content characters is at least 0.5 (pairs are
 *       matched one to one, best overlap first);
 *   <li><b>speaker</b>: a matched pair whose predicted speaker overlaps the gold source, or where
 *       neither has one; precision over predictions, recall over gold;
 *   <li><b>direct</b>: the same two restricted to gold content holding a quotation mark and to
 *       predictions of kind direct or mixed.
 * </ul>
 */
public final class AttributionEval {
  private static final double MIN_JACCARD = 0.5;
  private static final String MARKS = "\"\u201C\u201D\u201E\u00AB\u00BB'\u2018\u2019";
  private static final String END_PUNCTUATION = ".,;:!?";

  private AttributionEval() {}

  /** The scores, summed over articles. */
  public record Result(
      int articles, int gold, int predicted, Counts exact, Counts match, Counts speaker,
      Counts directMatch, Counts directSpeaker) {}

  /** One attribution on either side, in code points. */
  record Attribution(List<Span> content, List<Span> speaker, boolean direct) {}

  /** Reads the gold under {@code dir} (text/, attributions/) and scores the pipeline on it. */
  public static Result run(Path dir, Pipeline pipeline) throws IOException {
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
    int[] totals = new int[12];
    int articles = 0;
    for (Path textFile : texts) {
      String base = textFile.getFileName().toString().replaceFirst("\\.txt$", "");
      Path ann = annotations.get(base);
      if (ann == null) {
        continue;
      }
      String text = Files.readString(textFile, StandardCharsets.UTF_8);
      List<Attribution> gold = readBrat(ann, text);
      Document doc = pipeline.analyze(Article.ofText(textFile.toString(), text));
      List<Attribution> predicted = new ArrayList<>();
      for (Quote q : doc.quotes()) {
        List<Span> speaker = q.speaker() == null ? List.of() : List.of(q.speaker().span());
        predicted.add(new Attribution(q.content(), speaker, !q.kind().equals("indirect")));
      }
      score(text, gold, predicted, totals);
      articles++;
    }
    return new Result(
        articles, totals[0], totals[1],
        counts(totals[2], totals[1], totals[0]),
        counts(totals[3], totals[1], totals[0]),
        counts(totals[4], totals[1], totals[0]),
        counts(totals[5], totals[7], totals[6]),
        counts(totals[8], totals[7], totals[6]));
  }

  private static Counts counts(int tp, int predicted, int gold) {
    return new Counts(tp, predicted - tp, gold - tp);
  }

  /**
   * Adds one article's counts: [0] gold, [1] predicted, [2] exact, [3] match, [4] speaker,
   * [5] direct match, [6] direct gold, [7] direct predicted, [8] direct speaker.
   */
  static void score(String text, List<Attribution> gold, List<Attribution> predicted, int[] totals) {
    int[] cp = codePointStarts(text);
    totals[0] += gold.size();
    totals[1] += predicted.size();
    totals[2] += matchExact(text, cp, gold, predicted);
    List<int[]> pairs = matchOverlap(gold, predicted);
    totals[3] += pairs.size();
    for (Attribution g : gold) {
      if (g.direct()) {
        totals[6]++;
      }
    }
    for (Attribution p : predicted) {
      if (p.direct()) {
        totals[7]++;
      }
    }
    for (int[] pair : pairs) {
      Attribution g = gold.get(pair[0]);
      Attribution p = predicted.get(pair[1]);
      boolean speakerRight = g.speaker().isEmpty() && p.speaker().isEmpty() || overlaps(g.speaker(), p.speaker());
      if (speakerRight) {
        totals[4]++;
      }
      if (g.direct() && p.direct()) {
        totals[5]++;
        if (speakerRight) {
          totals[8]++;
        }
      }
    }
  }

  private static int matchExact(String text, int[] cp, List<Attribution> gold, List<Attribution> predicted) {
    Map<String, Integer> goldByText = new HashMap<>();
    for (Attribution g : gold) {
      goldByText.merge(normalized(text, cp, g.content()), 1, Integer::sum);
    }
    int hits = 0;
    for (Attribution p : predicted) {
      String key = normalized(text, cp, p.content());
      Integer left = goldByText.get(key);
      if (left != null && left > 0) {
        goldByText.put(key, left - 1);
        hits++;
      }
    }
    return hits;
  }

  /** One-to-one pairs (gold index, predicted index) with Jaccard ≥ 0.5, best first. */
  private static List<int[]> matchOverlap(List<Attribution> gold, List<Attribution> predicted) {
    record Pair(int g, int p, double jaccard) {}
    List<Pair> candidates = new ArrayList<>();
    List<BitSet> goldChars = gold.stream().map(a -> chars(a.content())).toList();
    for (int pi = 0; pi < predicted.size(); pi++) {
      BitSet pc = chars(predicted.get(pi).content());
      for (int gi = 0; gi < gold.size(); gi++) {
        BitSet gc = goldChars.get(gi);
        if (!gc.intersects(pc)) {
          continue;
        }
        BitSet inter = (BitSet) gc.clone();
        inter.and(pc);
        BitSet union = (BitSet) gc.clone();
        union.or(pc);
        double j = (double) inter.cardinality() / union.cardinality();
        if (j >= MIN_JACCARD) {
          candidates.add(new Pair(gi, pi, j));
        }
      }
    }
    candidates.sort((a, b) -> Double.compare(b.jaccard(), a.jaccard()));
    boolean[] goldUsed = new boolean[gold.size()];
    boolean[] predUsed = new boolean[predicted.size()];
    List<int[]> pairs = new ArrayList<>();
    for (Pair c : candidates) {
      if (!goldUsed[c.g()] && !predUsed[c.p()]) {
        goldUsed[c.g()] = true;
        predUsed[c.p()] = true;
        pairs.add(new int[] {c.g(), c.p()});
      }
    }
    return pairs;
  }

  private static BitSet chars(List<Span> spans) {
    BitSet b = new BitSet();
    spans.forEach(s -> b.set(s.start(), s.end()));
    return b;
  }

  private static boolean overlaps(List<Span> a, List<Span> b) {
    for (Span x : a) {
      for (Span y : b) {
        if (x.overlaps(y)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The content's pieces, each stripped of whitespace, marks and end punctuation, joined. */
  static String normalized(String text, int[] cp, List<Span> pieces) {
    StringBuilder b = new StringBuilder();
    for (Span s : pieces) {
      String piece = text.substring(cp[s.start()], cp[s.end()]);
      int from = 0;
      int to = piece.length();
      while (from < to && strippable(piece.charAt(from))) {
        from++;
      }
      while (to > from && strippable(piece.charAt(to - 1))) {
        to--;
      }
      if (from < to) {
        b.append(b.isEmpty() ? "" : " ").append(piece, from, to);
      }
    }
    return b.toString().replaceAll("\\s+", " ");
  }

  private static boolean strippable(char c) {
    return Character.isWhitespace(c) || MARKS.indexOf(c) >= 0 || END_PUNCTUATION.indexOf(c) >= 0;
  }

  /** UTF-16 index of each code point, plus one past the end. */
  private static int[] codePointStarts(String text) {
    int n = text.codePointCount(0, text.length());
    int[] starts = new int[n + 1];
    for (int i = 0, k = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      starts[k++] = i;
    }
    starts[n] = text.length();
    return starts;
  }

  /** The attributions of one brat file: "T" lines give spans, "E" lines tie them together. */
  static List<Attribution> readBrat(Path ann, String text) throws IOException {
    int[] cp = codePointStarts(text);
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
      for (String role : roles) {
        String[] kv = role.split(":");
        List<Span> s = spans.getOrDefault(kv[1], List.of());
        if (kv[0].startsWith("Content")) {
          content = s;
        } else if (kv[0].startsWith("Source")) {
          source = s;
        }
      }
      if (!content.isEmpty()) {
        boolean direct = false;
        for (Span s : content) {
          String piece = text.substring(cp[s.start()], cp[s.end()]);
          direct |= piece.chars().anyMatch(c -> c == '"' || c == '\u201C' || c == '\u201D');
        }
        out.add(new Attribution(content, source, direct));
      }
    }
    return out;
  }
}
