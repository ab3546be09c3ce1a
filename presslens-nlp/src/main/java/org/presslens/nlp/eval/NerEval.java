package org.presslens.nlp.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.core.Pipeline;
import org.presslens.core.Text;

/**
 * Named-entity evaluation on exact typed spans for PER, ORG and LOC, from IOB2 files (Universal
 * NER: {@code # text =} lines and tab-separated tokens) or CoNLL files (wikigold: "token TAG",
 * IO tags, {@code -DOCSTART-} between documents).
 *
 * <p>Sentences of one gold document are analysed together, separated by blank lines, so that
 * within-article resolution sees the context it would see in a real article.
 */
public final class NerEval {
  /** The evaluated types, as the gold files spell them. */
  public static final List<String> TYPES = List.of("PER", "ORG", "LOC");
  private static final Map<String, String> FROM_PRESSLENS =
      Map.of("PERSON", "PER", "ORGANIZATION", "ORG", "LOCATION", "LOC");

  /** Per-type counts, and their micro-average under "ALL". */
  public record Result(Map<String, Counts> byType, int documents, int sentences) {
    public Counts overall() {
      return byType.values().stream().reduce(new Counts(0, 0, 0), Counts::plus);
    }
  }

  /** A gold document: its text and the typed spans (code points) in it. */
  record GoldDocument(String text, Set<TypedSpan> entities, int sentences) {}

  record TypedSpan(int start, int end, String type) {}

  private NerEval() {}

  /** Reads a gold file and scores the pipeline on it. */
  public static Result run(Path gold, Pipeline pipeline) throws IOException {
    List<GoldDocument> docs = read(gold);
    Map<String, Counts> counts = new LinkedHashMap<>();
    TYPES.forEach(t -> counts.put(t, new Counts(0, 0, 0)));
    int sentences = 0;
    for (GoldDocument g : docs) {
      sentences += g.sentences();
      Document doc = pipeline.analyze(Article.ofText(gold.toString(), g.text()));
      count(g.entities(), spansOf(doc), counts);
    }
    return new Result(counts, docs.size(), sentences);
  }

  /** The PER, ORG and LOC mentions of an analysed document, as typed code-point spans. */
  static Set<TypedSpan> spansOf(Document doc) {
    Set<TypedSpan> predicted = new HashSet<>();
    for (Entity e : doc.entities()) {
      String type = FROM_PRESSLENS.get(e.type());
      if (type != null) {
        for (Mention m : e.mentions()) {
          predicted.add(new TypedSpan(m.span().start(), m.span().end(), type));
        }
      }
    }
    return predicted;
  }

  /** Adds one document's exact-span matches, per type, to {@code counts}. */
  static void count(Set<TypedSpan> gold, Set<TypedSpan> predicted, Map<String, Counts> counts) {
    for (String t : TYPES) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (TypedSpan p : predicted) {
        if (p.type().equals(t)) {
          if (gold.contains(p)) {
            tp++;
          } else {
            fp++;
          }
        }
      }
      for (TypedSpan s : gold) {
        if (s.type().equals(t) && !predicted.contains(s)) {
          fn++;
        }
      }
      counts.merge(t, new Counts(tp, fp, fn), Counts::plus);
    }
  }

  /** Parses either format, telling them apart by their first lines. */
  static List<GoldDocument> read(Path gold) throws IOException {
    List<String> lines = Files.readAllLines(gold, StandardCharsets.UTF_8);
    boolean iob2 = lines.stream().limit(50).anyMatch(l -> l.startsWith("# text =") || l.startsWith("# sent_id"));
    return iob2 ? readIob2(lines) : readConll(lines);
  }

  /** A sentence as tokens with their labels, and the sentence's own text when the file gives it. */
  private record Sentence(String text, List<String> tokens, List<String> labels) {}

  private static List<GoldDocument> readIob2(List<String> lines) {
    List<List<Sentence>> docs = new ArrayList<>();
    List<Sentence> doc = new ArrayList<>();
    String text = null;
    List<String> tokens = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("# newdoc")) {
        if (!doc.isEmpty()) {
          docs.add(doc);
        }
        doc = new ArrayList<>();
      } else if (line.startsWith("# text =")) {
        text = line.substring("# text =".length()).strip();
      } else if (line.startsWith("#")) {
        continue;
      } else if (line.isBlank()) {
        if (!tokens.isEmpty()) {
          doc.add(new Sentence(text, tokens, labels));
        }
        text = null;
        tokens = new ArrayList<>();
        labels = new ArrayList<>();
      } else {
        String[] cols = line.split("\t");
        tokens.add(cols[1]);
        labels.add(cols[2]);
      }
    }
    if (!tokens.isEmpty()) {
      doc.add(new Sentence(text, tokens, labels));
    }
    if (!doc.isEmpty()) {
      docs.add(doc);
    }
    return docs.stream().map(NerEval::assemble).toList();
  }

  private static List<GoldDocument> readConll(List<String> lines) {
    List<List<Sentence>> docs = new ArrayList<>();
    List<Sentence> doc = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("-DOCSTART-")) {
        if (!tokens.isEmpty()) {
          doc.add(new Sentence(null, tokens, labels));
          tokens = new ArrayList<>();
          labels = new ArrayList<>();
        }
        if (!doc.isEmpty()) {
          docs.add(doc);
        }
        doc = new ArrayList<>();
      } else if (line.isBlank()) {
        if (!tokens.isEmpty()) {
          doc.add(new Sentence(null, tokens, labels));
        }
        tokens = new ArrayList<>();
        labels = new ArrayList<>();
      } else {
        int space = line.lastIndexOf(' ');
        tokens.add(line.substring(0, space));
        labels.add(line.substring(space + 1));
      }
    }
    if (!tokens.isEmpty()) {
      doc.add(new Sentence(null, tokens, labels));
    }
    if (!doc.isEmpty()) {
      docs.add(doc);
    }
    return docs.stream().map(NerEval::assemble).toList();
  }

  /** Joins a document's sentences with blank lines and turns labels into code-point spans. */
  private static GoldDocument assemble(List<Sentence> sentences) {
    StringBuilder b = new StringBuilder();
    List<int[]> tokenChars = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Integer> sentenceOf = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      Sentence sentence = sentences.get(s);
      if (b.length() > 0) {
        b.append("\n\n");
      }
      int base = b.length();
      String text = sentence.text() != null ? sentence.text() : String.join(" ", sentence.tokens());
      b.append(text);
      int at = 0;
      for (int i = 0; i < sentence.tokens().size(); i++) {
        String tok = sentence.tokens().get(i);
        int found = text.indexOf(tok, at);
        if (found < 0) { // the sentence text and tokens disagree: fall back to the cursor
          found = at;
        }
        tokenChars.add(new int[] {base + found, base + found + tok.length()});
        labels.add(sentence.labels().get(i));
        sentenceOf.add(s);
        at = found + tok.length();
      }
    }
    Text text = new Text(b.toString());
    Set<TypedSpan> entities = new HashSet<>();
    int i = 0;
    while (i < labels.size()) {
      String label = labels.get(i);
      String type = label.length() > 2 ? label.substring(2) : "";
      if (!TYPES.contains(type)) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < labels.size()
          && labels.get(j).equals("I-" + type)
          && sentenceOf.get(j).equals(sentenceOf.get(i))) {
        j++;
      }
      entities.add(new TypedSpan(
          text.codePointOffset(tokenChars.get(i)[0]), text.codePointOffset(tokenChars.get(j - 1)[1]), type));
      i = j;
    }
    return new GoldDocument(text.value(), entities, sentences.size());
  }
}
