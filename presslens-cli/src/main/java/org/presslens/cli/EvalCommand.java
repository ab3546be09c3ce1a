package org.presslens.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.presslens.ingest.ExtractionBenchmark;
import org.presslens.ingest.WcxbBenchmark;
import org.presslens.nlp.Analyzer;
import org.presslens.nlp.eval.AttributionEval;
import org.presslens.nlp.eval.ClaimEval;
import org.presslens.nlp.eval.Counts;
import org.presslens.nlp.eval.EntityHeadCrossValidation;
import org.presslens.nlp.eval.NerEval;
import org.presslens.nlp.eval.NewsMtsc;
import org.presslens.nlp.eval.StanceEval;
import org.presslens.nlp.stance.StanceModel;
import org.presslens.nlp.eval.TechniqueEval;
import org.presslens.nlp.techniques.TechniqueModel;
import org.presslens.nlp.techniques.TechniqueTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code presslens eval}: measure a stage against public gold data. */
@Command(
    name = "eval",
    header = "Measure PressLens against public gold data.",
    mixinStandardHelpOptions = true,
    description = "Measure PressLens against public gold data.",
    subcommands = {EvalCommand.Extraction.class, EvalCommand.Ner.class, EvalCommand.Attribution.class, EvalCommand.Claims.class, EvalCommand.Techniques.class, EvalCommand.Stance.class})
final class EvalCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to evaluate: extraction, ner, attribution, claims, techniques or stance");
  }

  @Command(
      name = "extraction",
      mixinStandardHelpOptions = true,
      description = {
        "Main-content extraction and page metadata against a benchmark folder:",
        "- the article-extraction benchmark (ground-truth.json, html/ID.html.gz): 4-word",
        "  shingles over lower-cased \\w+ tokens, P and R per page averaged over pages, then F1;",
        "- a WCXB split (ground-truth/, html/; or the WCXB folder, whose dev/ split is read):",
        "  the benchmark's word-level P, R, F1 (a bag of lower-cased \\w+ tokens, as its",
        "  evaluate.py), means over pages, overall and per page type; the share of its 'with'",
        "  snippets found and 'without' snippets kept; title, author and date accuracy where",
        "  the gold has one (rules in WcxbBenchmark's Javadoc); extraction speed in pages per second",
        "  of one thread's CPU time."
      })
  static final class Extraction implements Callable<Integer> {
    @Option(names = "--gold-dir", required = true, paramLabel = "DIR",
        description = "The benchmark folder (see above).")
    Path goldDir;

    @Option(names = "--pages", description = "Also print the scores of each page.")
    boolean pages;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "0",
        description = "WCXB: also print the figures of K folds over the pages (page i in fold i mod K).")
    int folds;

    @Option(names = "--speed-passes", paramLabel = "N", defaultValue = "0",
        description = "WCXB: after scoring, read every page N more times from memory and print each pass's speed "
            + "(pages/s of one thread's CPU time, the JIT warmed by the scoring run).")
    int speedPasses;

    @Option(names = "--cross-validate", description = {
        "WCXB: choose the extractor's constants (grow, reach) by cross-validation",
        "over --folds (default 5) folds of pages; prints each fold's choice and",
        "its held-out figures (9 settings, each a run over the split: about ten",
        "minutes). The page-type classifier and the share below which a page is",
        "read whole are chosen by 'presslens train page-type'."})
    boolean crossValidate;

    @Override
    public Integer call() throws IOException {
      if (speedPasses < 0) {
        throw new Main.UserError("--speed-passes: a number of passes, 0 or more");
      }
      Path wcxb = WcxbBenchmark.split(goldDir);
      if (wcxb != null && crossValidate) {
        List<WcxbBenchmark.FoldChoice> choices = WcxbBenchmark.crossValidate(wcxb, folds > 1 ? folds : 5, System.err);
        System.out.printf("%-6s %-22s %8s %8s %8s%n", "fold", "chosen on other folds", "train F1", "held F1", "article");
        for (WcxbBenchmark.FoldChoice c : choices) {
          System.out.printf("%-6d %-22s %8.4f %8.4f %8.4f%n", c.fold(), c.setting(), c.trainF1(), c.heldOut().f1(),
              c.heldOutArticles().f1());
        }
        System.out.printf("held-out F1, mean over folds: all pages %.4f, articles %.4f%n",
            choices.stream().mapToDouble(c -> c.heldOut().f1()).average().orElse(0),
            choices.stream().mapToDouble(c -> c.heldOutArticles().f1()).average().orElse(0));
        return 0;
      }
      if (wcxb != null) {
        return wcxb(wcxb);
      }
      if (!goldDir.resolve("ground-truth.json").toFile().isFile()) {
        throw new Main.UserError(goldDir + ": neither ground-truth.json (article-extraction benchmark) nor"
            + " ground-truth/ and html/ (a WCXB split) here");
      }
      ExtractionBenchmark.Result r = ExtractionBenchmark.run(goldDir);
      if (pages) {
        r.pages().forEach(p -> System.out.printf("%s  P %.3f  R %.3f%n", p.id(), p.precision(), p.recall()));
      }
      System.out.printf("pages %d%nprecision %.4f%nrecall %.4f%nF1 %.4f%n", r.pages().size(), r.precision(), r.recall(), r.f1());
      return 0;
    }

    private int wcxb(Path split) throws IOException {
      WcxbBenchmark.Result r = WcxbBenchmark.run(split, id -> true);
      if (pages) {
        System.out.printf("%-6s %-13s %6s %6s %6s %5s %6s %5s %s%n", "page", "type", "P", "R", "F1", "title", "author", "date", "kind");
        for (WcxbBenchmark.PageScore p : r.pages()) {
          System.out.printf("%-6s %-13s %6.3f %6.3f %6.3f %5s %6s %5s %s%n", p.id(), p.type(), p.precision(), p.recall(), p.f1(),
              mark(p.title()), mark(p.author()), mark(p.date()), p.pageKind());
        }
      }
      System.out.println(split + ": WCXB word-level scores, means over pages");
      System.out.printf("%-13s %5s %6s %6s %6s %6s %7s %6s %13s %13s%n", "type", "pages", "P", "R", "F1", "with", "without", "title", "author", "date");
      r.byType().forEach((type, s) -> print(type, s));
      print("all", r.overall());
      if (folds > 1) {
        List<WcxbBenchmark.Summary> fs = r.folds(folds);
        for (int i = 0; i < fs.size(); i++) {
          print("fold " + (i + 1), fs.get(i));
        }
        double[] f1 = fs.stream().mapToDouble(WcxbBenchmark.Summary::f1).toArray();
        System.out.printf("fold F1: mean %.4f, min %.4f, max %.4f%n", java.util.Arrays.stream(f1).average().orElse(0),
            java.util.Arrays.stream(f1).min().orElse(0), java.util.Arrays.stream(f1).max().orElse(0));
      }
      long nanos = r.pages().stream().mapToLong(WcxbBenchmark.PageScore::nanos).sum();
      System.out.printf("extraction with metadata, scoring run: %.1f pages/s of one thread's CPU time (%d pages, %.1f s; decoding and parsing included, reading the file excluded; the JIT still compiling)%n",
          r.pages().size() / (nanos / 1e9), r.pages().size(), nanos / 1e9);
      if (speedPasses > 0) {
        double[] speed = WcxbBenchmark.speed(split, speedPasses);
        for (int i = 0; i < speed.length; i++) {
          System.out.printf("warm pass %d: %.1f pages/s of one thread's CPU time%n", i + 1, speed[i]);
        }
      }
      System.out.println("page kind said (columns) by WCXB type (rows):");
      List<String> kinds = List.of("article", "forum", "product", "listing", "other");
      System.out.printf("%-13s%s%n", "", kinds.stream().map(k -> String.format("%9s", k)).reduce("", String::concat));
      for (String type : WcxbBenchmark.TYPES) {
        StringBuilder row = new StringBuilder(String.format("%-13s", type));
        for (String kind : kinds) {
          row.append(String.format("%9d", r.pages().stream().filter(p -> p.type().equals(type) && kind.equals(p.pageKind())).count()));
        }
        System.out.println(row);
      }
      int extraAuthor = (int) r.pages().stream().filter(WcxbBenchmark.PageScore::extraAuthor).count();
      int extraDate = (int) r.pages().stream().filter(WcxbBenchmark.PageScore::extraDate).count();
      System.out.printf("given where the gold has none: author on %d of %d pages, date on %d of %d%n",
          extraAuthor, r.pages().size() - r.overall().authorPages(), extraDate, r.pages().size() - r.overall().datePages());
      return 0;
    }

    private static String mark(Boolean ok) {
      return ok == null ? "-" : ok ? "ok" : "x";
    }

    private static void print(String label, WcxbBenchmark.Summary s) {
      System.out.printf("%-13s %5d %6.3f %6.3f %6.3f %6.3f %7.3f %6.3f %6.3f (%4d) %6.3f (%4d)%n", label, s.pages(), s.precision(),
          s.recall(), s.f1(), s.withRate(), s.withoutRate(), s.title(), s.author(), s.authorPages(), s.date(), s.datePages());
    }
  }

  @Command(
      name = "ner",
      mixinStandardHelpOptions = true,
      description = {
        "Named entities on exact typed spans (PER, ORG, LOC) from an IOB2 (Universal NER) or",
        "CoNLL (wikigold) file; prints P, R, F1 per type and overall."
      })
  static final class Ner implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "A gold file; repeat for several.")
    List<Path> golds;

    @Option(names = "--no-resolve", description = "Score the backbone's labels alone, without within-article resolution.")
    boolean noResolve;

    @Option(names = "--cross-validate-head", description = {
        "Instead: would an entity head over the encoder's token vectors beat",
        "the CRF? Deals the documents of all --gold files into 5 folds, tags",
        "each fold with heads fitted on the others (logistic regression,",
        "C 0.1; one on the vectors and casing, one with the CRF's labels",
        "beside them) and prints the CRF's figures and the heads' on each",
        "file. About 15 minutes for UNER dev and wikigold."})
    boolean crossValidateHead;

    @Override
    public Integer call() throws IOException {
      golds.forEach(Main::requireFiles);
      if (crossValidateHead) {
        if (noResolve) {
          throw new Main.UserError("--no-resolve: the heads and the CRF are all scored with resolution under --cross-validate-head");
        }
        EntityHeadCrossValidation.Result r = EntityHeadCrossValidation.run(golds, 5, 0.1, System.err::println);
        for (Path gold : golds) {
          System.out.printf("%s: %d documents, 5 folds (the CRF is scored on all, fitted on none)%n",
              gold.getFileName(), r.crf().get(gold).documents());
          printHeader();
          print("CRF", r.crf().get(gold).overall());
          print("head", r.head().get(gold).overall());
          for (Map.Entry<String, Counts> e : r.stacked().get(gold).byType().entrySet()) {
            print(e.getKey(), e.getValue());
          }
          print("head+CRF", r.stacked().get(gold).overall());
        }
        return 0;
      }
      for (Path gold : golds) {
        NerEval.Result r = NerEval.run(gold, noResolve ? Analyzer.withoutResolution() : Analyzer.standard());
        System.out.printf("%s: %d documents, %d sentences, resolution %s%n", gold.getFileName(), r.documents(), r.sentences(), noResolve ? "off" : "on");
        printHeader();
        for (Map.Entry<String, Counts> e : r.byType().entrySet()) {
          print(e.getKey(), e.getValue());
        }
        print("overall", r.overall());
      }
      return 0;
    }

    private static void printHeader() {
      System.out.printf("%-8s %6s %6s %6s %6s%n", "type", "P", "R", "F1", "gold");
    }

    private static void print(String label, Counts c) {
      System.out.printf("%-8s %6.3f %6.3f %6.4f %6d%n", label, c.precision(), c.recall(), c.f1(), c.tp() + c.fn());
    }
  }

  @Command(
      name = "attribution",
      mixinStandardHelpOptions = true,
      description = {
        "Quotes and reported speech on a PolNeAR split (text/ and attributions/ in brat",
        "standoff). Prints P, R, F1 for content exact, content match (character Jaccard >= 0.5),",
        "speaker (a matched quote whose speaker overlaps the gold source) and the same for",
        "direct quotes (gold content holding a quotation mark). A candidate encoder's heads are",
        "scored on the train articles its fit left out by presslens train attribution."
      })
  static final class Attribution implements Callable<Integer> {
    @Option(names = "--gold-dir", required = true, paramLabel = "DIR",
        description = "A PolNeAR split, e.g. ../shared/datasets/polnear/data/dev.")
    Path goldDir;

    @Override
    public Integer call() throws Exception {
      Main.requireInside(goldDir, "a PolNeAR split", "text", "attributions");
      AttributionEval.Result r = AttributionEval.run(goldDir, Analyzer.standard());
      System.out.print(goldDir + ": ");
      print(r, System.out);
      return 0;
    }

    static void print(AttributionEval.Result r, PrintStream out) {
      out.printf("%d articles, %d gold attributions, %d predicted%n", r.articles(), r.gold(), r.predicted());
      out.printf("%-16s %6s %6s %6s%n", "", "P", "R", "F1");
      print("content exact", r.exact(), out);
      print("content match", r.match(), out);
      print("speaker", r.speaker(), out);
      print("direct found", r.directMatch(), out);
      print("direct speaker", r.directSpeaker(), out);
    }

    private static void print(String label, Counts c, PrintStream out) {
      out.printf("%-16s %6.3f %6.3f %6.3f%n", label, c.precision(), c.recall(), c.f1());
    }
  }

  @Command(
      name = "claims",
      mixinStandardHelpOptions = true,
      description = {
        "Check-worthiness on a CheckThat! TSV file (id, text, Yes/No): each row analysed as its",
        "own document; prints precision, recall and F1 of the check-worthy class."
      })
  static final class Claims implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "The TSV file.")
    Path gold;

    @Option(names = "--claim-threshold", paramLabel = "X",
        description = "Decision threshold in [0, 1] (default: the model's, chosen by cross-validation on train).")
    Double threshold;

    @Override
    public Integer call() throws Exception {
      Main.requireFiles(gold);
      if (threshold != null && (threshold < 0 || threshold > 1)) {
        throw new Main.UserError("--claim-threshold must be between 0 and 1");
      }
      ClaimEval.Result r = ClaimEval.run(gold, threshold == null ? Analyzer.standard() : Analyzer.standard(threshold));
      Counts c = r.counts();
      System.out.printf("%s: %d sentences, %d check-worthy in gold%n", gold, r.sentences(), c.tp() + c.fn());
      System.out.printf("precision %.4f%nrecall %.4f%nF1 %.4f%n", c.precision(), c.recall(), c.f1());
      return 0;
    }
  }

  @Command(
      name = "techniques",
      mixinStandardHelpOptions = true,
      description = {
        "Persuasion techniques on the PTC corpus (SemEval-2020 Task 11) as its scorer counts them:",
        "span identification (SI: overlap credit per predicted and per gold span), technique",
        "classification of the gold spans (TC micro-F1) and SI counting only spans of the same",
        "technique, overall and per technique. --gold takes the technique file (id, technique,",
        "start, end) or the span-only file (id, start, end; SI only). For example:",
        "  presslens eval techniques --articles …/ptc-semeval2020/dev-articles \\",
        "    --gold …/ptc-semeval2020/dev-task-flc-tc.labels"
      })
  static final class Techniques implements Callable<Integer> {
    @Option(names = "--articles", required = true, paramLabel = "DIR", description = "Folder of article<ID>.txt files.")
    Path articles;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "The labels file.")
    Path gold;

    @Option(names = "--span-scores", paramLabel = "FILE",
        description = {"Instead: the SI of token scores made by training/finetune.py over the train articles (a --cv",
            "run's out-of-fold oof-spans.jsonl.gz, or a fit's held-out-spans.jsonl.gz), decoded as the shipped model",
            "decodes, with thresholds and edge trimming searched on the scored articles as presslens train",
            "techniques searches them: a candidate recipe measured before its encoder is exported."})
    Path spanScores;

    @Override
    public Integer call() throws Exception {
      if (!articles.toFile().isDirectory()) {
        throw new Main.UserError(articles + ": no such folder");
      }
      Main.requireFiles(gold, spanScores);
      if (spanScores != null) {
        TechniqueEval.Overlap si = TechniqueTrainer.crossValidatedSi(articles, gold, spanScores, Analyzer.untrained(), System.err);
        System.out.printf("cross-validated SI F1 %.4f (P %.4f, R %.4f)%n", si.f1(), si.precision(), si.recall());
        return 0;
      }
      TechniqueEval.print(TechniqueEval.run(articles, gold, TechniqueModel.standard()), System.out);
      return 0;
    }
  }

  @Command(
      name = "stance",
      mixinStandardHelpOptions = true,
      description = {
        "Stance (target-dependent sentiment) on a NewsMTSC JSONL file: each sentence analysed as its",
        "own document, the polarity towards each target mention predicted; prints accuracy and the",
        "macro-F1 over negative, neutral and positive (the dataset paper's F1m). For example:",
        "  presslens eval stance --gold ../shared/datasets/newsmtsc/rw-dev.jsonl"
      })
  static final class Stance implements Callable<Integer> {
    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "The JSONL file.")
    Path gold;

    @Override
    public Integer call() throws Exception {
      Main.requireFiles(gold);
      StanceEval.print(StanceEval.run(NewsMtsc.read(gold), Analyzer.untrained(), StanceModel.standard()), System.out);
      return 0;
    }
  }
}
