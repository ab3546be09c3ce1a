package org.presslens.nlp.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.presslens.core.Document;
import org.presslens.core.Span;
import org.presslens.core.Technique;
import org.presslens.nlp.Analyzer;
import org.presslens.nlp.techniques.TechniqueAnnotator;
import org.presslens.nlp.techniques.TechniqueModel;

/**
 * Scores persuasion techniques as SemEval-2020 Task 11 does.
 *
 * <ul>
 *   <li>Span identification (SI): each predicted span earns, for every gold span of the same
 *       article, |overlap| / |predicted|; the sum over predictions divided by their number is
 *       precision. Each gold span earns |overlap| / |gold| for every prediction; the sum divided by
 *       the number of gold spans is recall. Overlapping spans are first merged on each side, as the
 *       SI task's span-only gold is.
 *   <li>Technique classification (TC): each gold span labelled by the model; micro-F1 equals
 *       accuracy. A span that gold lists once per technique gets that many labels.
 *   <li>Technique-aware SI: the SI formula with overlap counted only between spans of the same
 *       technique, per technique and summed over all.
 * </ul>
 */
public final class TechniqueEval {
  private TechniqueEval() {}

  /** Sums of overlap credit and span counts; precision and recall follow. */
  public record Overlap(double precisionCredit, int predicted, double recallCredit, int gold) {
    public static final Overlap NONE = new Overlap(0, 0, 0, 0);

    public double precision() {
      return predicted == 0 ? 0 : precisionCredit / predicted;
    }

    public double recall() {
      return gold == 0 ? 0 : recallCredit / gold;
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public Overlap plus(Overlap o) {
      return new Overlap(precisionCredit + o.precisionCredit, predicted + o.predicted, recallCredit + o.recallCredit, gold + o.gold);
    }
  }

  /** What {@link #score} measured; tc and the technique-aware figures are absent for span-only gold. */
  public record Report(Overlap si, Double tc, int tcSpans, Overlap aware, Map<String, Overlap> perTechnique) {}

  /**
   * Analyses PTC articles with the stages techniques read plus the techniques stage of
   * {@code model}, and scores them against {@code labels}.
   */
  public static Report run(Path articles, Path labels, TechniqueModel model) throws IOException, InterruptedException {
    List<PtcCorpus.Labelled> gold = PtcCorpus.read(articles, labels);
    TechniqueAnnotator annotator = new TechniqueAnnotator(model);
    List<Document> documents = ParallelAnalysis.map(gold.stream().map(PtcCorpus.Labelled::article).toList(), Analyzer.untrained(), d -> {
      annotator.annotate(d);
      return d;
    });
    return score(gold, documents, model);
  }

  /** The overlap credit of one article's predicted spans against its gold spans. */
  public static Overlap overlap(List<Span> predicted, List<Span> gold) {
    List<Span> p = merge(predicted);
    List<Span> g = merge(gold);
    double precision = 0;
    double recall = 0;
    for (Span s : p) {
      for (Span t : g) {
        int shared = Math.min(s.end(), t.end()) - Math.max(s.start(), t.start());
        if (shared > 0) {
          precision += (double) shared / s.length();
          recall += (double) shared / t.length();
        }
      }
    }
    return new Overlap(precision, p.size(), recall, g.size());
  }

  /**
   * Scores analysed documents against their gold: {@code documents.get(i)} is {@code gold.get(i)}'s
   * article with the techniques layer set.
   */
  public static Report score(List<PtcCorpus.Labelled> gold, List<Document> documents, TechniqueModel model) {
    Overlap si = Overlap.NONE;
    Map<String, Overlap> perTechnique = new TreeMap<>();
    int right = 0;
    int labelled = 0;
    boolean typed = gold.stream().flatMap(l -> l.gold().stream()).allMatch(t -> t.technique() != null);
    for (int i = 0; i < gold.size(); i++) {
      List<Technique> expected = gold.get(i).gold();
      List<Technique> found = documents.get(i).techniques();
      si = si.plus(overlap(spans(found, null), spans(expected, null)));
      if (!typed) {
        continue;
      }
      List<Span> goldSpans = expected.stream().map(Technique::span).toList();
      List<String> named = model.classify(documents.get(i), goldSpans);
      // A span listed k times (once per technique) is named k times, with the k most probable
      // techniques; the names are matched as a set, whatever the order of the gold rows.
      Map<Span, List<String>> wanted = new HashMap<>();
      for (Technique t : expected) {
        wanted.computeIfAbsent(t.span(), s -> new ArrayList<>()).add(t.technique());
      }
      for (int k = 0; k < expected.size(); k++) {
        right += wanted.get(goldSpans.get(k)).remove(named.get(k)) ? 1 : 0;
        labelled++;
      }
      for (String technique : techniques(expected, found)) {
        perTechnique.merge(technique, overlap(spans(found, technique), spans(expected, technique)), Overlap::plus);
      }
    }
    if (!typed) {
      return new Report(si, null, 0, null, Map.of());
    }
    Overlap aware = perTechnique.values().stream().reduce(Overlap.NONE, Overlap::plus);
    return new Report(si, labelled == 0 ? 0 : (double) right / labelled, labelled, aware, perTechnique);
  }

  public static void print(Report r, PrintStream out) {
    out.printf("span identification (SI)   P %.4f  R %.4f  F1 %.4f   (%d predicted, %d gold spans)%n",
        r.si().precision(), r.si().recall(), r.si().f1(), r.si().predicted(), r.si().gold());
    if (r.tc() == null) {
      out.println("(span-only gold: no technique classification)");
      return;
    }
    out.printf("technique classification (TC) micro-F1 %.4f   (%d gold spans)%n", r.tc(), r.tcSpans());
    out.printf("technique-aware SI         P %.4f  R %.4f  F1 %.4f%n", r.aware().precision(), r.aware().recall(), r.aware().f1());
    out.printf("%n%-36s %9s %6s %6s %6s%n", "technique", "pred/gold", "P", "R", "F1");
    r.perTechnique().forEach((t, o) -> out.printf("%-36s %4d/%-4d %6.3f %6.3f %6.3f%n", t, o.predicted(), o.gold(), o.precision(), o.recall(), o.f1()));
  }

  private static List<Span> spans(List<Technique> techniques, String only) {
    return techniques.stream().filter(t -> only == null || only.equals(t.technique())).map(Technique::span).toList();
  }

  private static List<String> techniques(List<Technique> a, List<Technique> b) {
    List<String> names = new ArrayList<>();
    for (List<Technique> list : List.of(a, b)) {
      list.stream().map(Technique::technique).filter(Objects::nonNull).filter(t -> !names.contains(t)).forEach(names::add);
    }
    return names;
  }

  /** Overlapping spans merged into their union, in order; empty spans dropped. */
  private static List<Span> merge(List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans.stream().filter(s -> s.length() > 0).toList());
    sorted.sort(null);
    List<Span> out = new ArrayList<>();
    for (Span s : sorted) {
      if (!out.isEmpty() && out.get(out.size() - 1).end() > s.start()) {
        Span last = out.remove(out.size() - 1);
        out.add(new Span(last.start(), Math.max(last.end(), s.end())));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
