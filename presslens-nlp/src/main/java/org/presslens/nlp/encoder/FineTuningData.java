package org.presslens.nlp.encoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.core.Text;
import org.presslens.core.Token;
import org.presslens.nlp.BackboneAnnotator;
import org.presslens.nlp.attribution.AttributionLabels;
import org.presslens.nlp.attribution.AttributionTrainer;
import org.presslens.nlp.backbone.corenlp.CoreNlpBackbone;
import org.presslens.nlp.eval.CheckThatTsv;
import org.presslens.nlp.eval.NewsMtsc;
import org.presslens.nlp.eval.ParallelAnalysis;
import org.presslens.nlp.eval.PolnearCorpus;
import org.presslens.nlp.eval.PtcCorpus;

/**
 * Writes the examples that {@code training/finetune.py} fine-tunes the encoder on, as the encoder
 * itself would read them: PressLens's tokens and sentences, the WordPiece sequences of
 * {@link WordPieces#sequences}, and for each example the tokens its head pools. Python then needs no
 * tokenizer of its own, and training and analysis see the same inputs.
 *
 * <p>One gzipped JSON object per line: {@code task} (stance or claims), {@code split} (train,
 * dev, dev-test), {@code fold} (0–4 on train: for stance the sentence's index mod 5, for claims five blocks of consecutive rows, so
 * that a debate's sentences mostly stay in one fold), {@code label} (stance 0–2 negative/neutral/positive; claims 0/1),
 * {@code sequences} (each {@code ids}, {@code token}, {@code keep}: [from, to)), {@code tokens}
 * (the count), and for stance {@code target} and {@code sentence}: token ranges [from, to).
 *
 * <p>Technique spans (task {@code spans}, PTC) are one example per sentence of an article:
 * {@code labels}, 1 for each token inside a gold technique span, 0 outside (what the span tagger of
 * {@code TechniqueTrainer} learns), {@code article} and {@code first} (the article's id and the
 * index of the sentence's first token in it, to map token scores back), and {@code fold}, the
 * article's index mod 3, as {@code TechniqueTrainer} folds.
 *
 * <p>Attribution (task {@code attribution}, PolNeAR) is one example per article, read whole as
 * analysis reads it, with the labels of both attribution taggers: see {@link #writeAttributions}.
 */
public final class FineTuningData {
  private static final int FOLDS = 5;
  private static final int SPAN_FOLDS = 3;

  private FineTuningData() {}

  /**
   * The datasets to write, any of them null: NewsMTSC JSONL files, CheckThat! TSV files, the
   * PTC folder (train-articles, dev-articles and their {@code *-task-flc-tc.labels}) and PolNeAR's
   * data folder (train/ and dev/, each with text/ and attributions/).
   */
  public record Sources(Path stanceTrain, Path stanceDev, Path claimsTrain, Path claimsDev, Path claimsDevTest, Path ptc,
      Path polnear) {}

  /** Writes every split given to {@code out}; returns the number of examples. */
  public static int write(Sources sources, Path out, PrintStream log) throws IOException, InterruptedException {
    Path stanceTrain = sources.stanceTrain();
    Path stanceDev = sources.stanceDev();
    Path claimsTrain = sources.claimsTrain();
    Path claimsDev = sources.claimsDev();
    Path claimsDevTest = sources.claimsDevTest();
    WordPieces encoder = WordPieces.standard(); // not the graph: training must not need the model it rebuilds
    Pipeline tokens = new Pipeline(List.of(new BackboneAnnotator(CoreNlpBackbone.load())));
    ObjectMapper json = new ObjectMapper();
    int n = 0;
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
      for (String split : new String[] {"train", "dev"}) {
        Path file = split.equals("train") ? stanceTrain : stanceDev;
        if (file == null) {
          continue;
        }
        List<NewsMtsc.Sentence> sentences = NewsMtsc.read(file);
        List<Document> docs = ParallelAnalysis.map(sentences.stream().map(NewsMtsc.Sentence::article).toList(), tokens, d -> d);
        for (int s = 0; s < sentences.size(); s++) {
          Document d = docs.get(s);
          for (NewsMtsc.Target t : sentences.get(s).targets()) {
            int[] target = d.tokensOf(t.span());
            if (target == null) {
              continue;
            }
            // The sentence of the target's first token, reaching to its last (StanceModel reads the same).
            int[] sentence = d.sentenceOf(target[0]);
            int from = sentence[0];
            int to = Math.max(target[1], sentence[1]);
            ObjectNode row = row(json, encoder, d, "stance", split, s % FOLDS, t.polarity());
            row.putArray("target").add(target[0]).add(target[1]);
            row.putArray("sentence").add(from).add(to);
            w.write(json.writeValueAsString(row));
            w.write('\n');
            n++;
          }
        }
        log.printf("stance %s: %d sentences%n", split, sentences.size());
      }
      for (String split : new String[] {"train", "dev", "dev-test"}) {
        Path file = split.equals("train") ? claimsTrain : split.equals("dev") ? claimsDev : claimsDevTest;
        if (file == null) {
          continue;
        }
        List<CheckThatTsv.Row> rows = CheckThatTsv.read(file);
        List<Document> docs = CheckThatTsv.analyze(rows, tokens, d -> d);
        for (int i = 0; i < rows.size(); i++) {
          int fold = (int) ((long) i * FOLDS / rows.size());
          ObjectNode row = row(json, encoder, docs.get(i), "claims", split, fold, rows.get(i).checkworthy() ? 1 : 0);
          w.write(json.writeValueAsString(row));
          w.write('\n');
          n++;
        }
        log.printf("claims %s: %d sentences%n", split, rows.size());
      }
      if (sources.ptc() != null) {
        for (String split : new String[] {"train", "dev"}) {
          n += writeSpans(sources.ptc(), split, tokens, encoder, json, w, log);
        }
      }
      if (sources.polnear() != null) {
        for (String split : new String[] {"train", "dev"}) {
          n += writeAttributions(sources.polnear().resolve(split), split, tokens, encoder, json, w, log);
        }
      }
    }
    return n;
  }

  /** One example per sentence of each PTC article of {@code split}, labelled per token. */
  private static int writeSpans(Path ptc, String split, Pipeline tokens, WordPieces encoder, ObjectMapper json, BufferedWriter w,
      PrintStream log) throws IOException, InterruptedException {
    List<PtcCorpus.Labelled> articles = PtcCorpus.read(ptc.resolve(split + "-articles"), ptc.resolve(split + "-task-flc-tc.labels"));
    List<Document> docs = ParallelAnalysis.map(articles.stream().map(PtcCorpus.Labelled::article).toList(), tokens, d -> d);
    int n = 0;
    for (int a = 0; a < articles.size(); a++) {
      Document d = docs.get(a);
      List<Token> all = d.tokens();
      for (int from = 0; from < all.size(); ) {
        int to = d.sentenceOf(from)[1];
        List<Token> sentence = all.subList(from, to);
        ObjectNode row = row(json, encoder, d.text(), sentence, "spans", split, a % SPAN_FOLDS, 0);
        row.put("article", articles.get(a).id()).put("first", from);
        ArrayNode labels = row.putArray("labels");
        for (Token t : sentence) {
          labels.add(articles.get(a).gold().stream().anyMatch(g -> g.span().overlaps(t.span())) ? 1 : 0);
        }
        w.write(json.writeValueAsString(row));
        w.write('\n');
        n++;
        from = to;
      }
    }
    log.printf("spans %s: %d articles, %d sentences%n", split, articles.size(), n);
    return n;
  }

  /**
   * One example per PolNeAR article of {@code split}: its every token encoded as analysis encodes
   * an article, with the cue tagger's labels ({@code cue}: 1, 0, or -1 where no cue can be) and,
   * for each gold cue, the role tagger's window and labels ({@code cues}: {@code cue} and
   * {@code window} as token ranges, {@code roles} per window token, -1 on the cue); see {@link
   * AttributionLabels}. On train an article's fold is its index mod {@link
   * AttributionTrainer#HELD_OUT_EVERY}, so that fold 0 is the tenth the trainer holds out.
   */
  private static int writeAttributions(Path dir, String split, Pipeline tokens, WordPieces encoder, ObjectMapper json,
      BufferedWriter w, PrintStream log) throws IOException, InterruptedException {
    List<PolnearCorpus.Labelled> articles = PolnearCorpus.read(dir);
    List<Document> docs = ParallelAnalysis.map(articles.stream().map(PolnearCorpus.Labelled::article).toList(), tokens, d -> d);
    int cues = 0;
    for (int a = 0; a < articles.size(); a++) {
      Document d = docs.get(a);
      AttributionLabels labels = AttributionLabels.of(d.text(), d.tokens(), articles.get(a).gold());
      ObjectNode row = row(json, encoder, d, "attribution", split, a % AttributionTrainer.HELD_OUT_EVERY, 0);
      row.put("article", articles.get(a).name());
      ArrayNode cue = row.putArray("cue");
      for (int c : labels.cue()) {
        cue.add(c);
      }
      ArrayNode list = row.putArray("cues");
      for (AttributionLabels.Cue c : labels.cues()) {
        ObjectNode o = list.addObject();
        o.putArray("cue").add(c.from()).add(c.to());
        o.putArray("window").add(c.windowFrom()).add(c.windowTo());
        ArrayNode roles = o.putArray("roles");
        for (int r : c.roles()) {
          roles.add(r);
        }
        cues++;
      }
      w.write(json.writeValueAsString(row));
      w.write('\n');
    }
    log.printf("attribution %s: %d articles, %d gold cues%n", split, articles.size(), cues);
    return articles.size();
  }

  private static ObjectNode row(ObjectMapper json, WordPieces encoder, Document d, String task, String split, int fold, int label) {
    return row(json, encoder, d.text(), d.tokens(), task, split, fold, label);
  }

  private static ObjectNode row(ObjectMapper json, WordPieces encoder, Text text, List<Token> tokens, String task, String split,
      int fold, int label) {
    ObjectNode row = json.createObjectNode();
    row.put("task", task).put("split", split).put("fold", fold).put("label", label).put("tokens", tokens.size());
    ArrayNode sequences = row.putArray("sequences");
    for (WordPieces.Sequence s : encoder.sequences(text, tokens)) {
      ObjectNode o = sequences.addObject();
      ArrayNode ids = o.putArray("ids");
      for (long id : s.ids()) {
        ids.add(id);
      }
      ArrayNode token = o.putArray("token");
      for (int t : s.token()) {
        token.add(t);
      }
      o.putArray("keep").add(s.keepFrom()).add(s.keepTo());
    }
    return row;
  }

  /**
   * Whether a head was fitted without train fold 0 of its task: {@code training/finetune.py
   * --exclude-fold 0} writes the note "held out=train fold 0 (…)", and {@code export_onnx.py}
   * copies it into each head. That fold is where the stages' trainers choose a head's thresholds.
   */
  public static boolean fittedWithoutFold0(org.presslens.core.learn.LinearModel head) {
    return head.notes().getOrDefault("held out", "").startsWith("train fold 0 ");
  }

  /** The note by which a refit's heads name the run that left fold 0 out: that run's {@code final fit}. */
  public static final String REFIT_OF = "refit of";

  /**
   * Checks that {@code settings}, a model a stage trainer wrote for a run's heads, holds every note
   * a refit keeps from it.
   *
   * @param kind what such a model is, and {@code writer} the command that writes it, for the message
   * @throws IllegalArgumentException naming the first note missing
   */
  public static void requireNotes(org.presslens.core.learn.LinearModel settings, String kind, String writer, List<String> notes) {
    for (String note : notes) {
      if (!settings.notes().containsKey(note)) {
        throw new IllegalArgumentException("not " + kind + " that " + writer + " wrote: its notes have no \"" + note + "\"");
      }
    }
  }

  /**
   * Checks that {@code head} comes from a refit on all of train ({@code presslens train encoder
   * --refit}) of the run that fitted the heads {@code chosen} was made from: its note
   * {@value #REFIT_OF} equals their {@code final fit}, and they left train fold 0 out. A refit's
   * heads keep the settings chosen for that run's heads, and those of no other.
   *
   * @param name what {@code head} is, for the message
   * @throws IllegalArgumentException when it does not
   */
  public static void requireRefitOf(org.presslens.core.learn.LinearModel head, org.presslens.core.learn.LinearModel chosen, String name) {
    String of = head.notes().getOrDefault(REFIT_OF, "");
    String run = chosen.notes().getOrDefault("final fit", "");
    if (!fittedWithoutFold0(chosen) || !of.equals(run)) {
      throw new IllegalArgumentException(name + " is no refit of the run whose heads these settings were chosen for (its notes say \""
          + REFIT_OF + "=" + of + "\"; the settings were chosen for the heads of \"final fit=" + run + "\"" + (fittedWithoutFold0(chosen)
          ? "" : ", which did not leave train fold 0 out") + ")");
    }
  }

  /**
   * Token scores of span examples written by {@code training/finetune.py} ({@code oof-spans.jsonl.gz},
   * {@code dev-spans.jsonl.gz}: one object per sentence, {@code split}, {@code article}, {@code first}
   * and {@code p}, the probability of each of its tokens to lie in a technique span), for one split:
   * by article id, then by the index of the sentence's first token.
   */
  public static Map<String, Map<Integer, double[]>> readSpanScores(Path file, String split) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Map<Integer, double[]>> out = new HashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode row = json.readTree(line);
        if (!split.equals(row.path("split").asText())) {
          continue;
        }
        JsonNode p = row.path("p");
        double[] scores = new double[p.size()];
        for (int i = 0; i < scores.length; i++) {
          scores[i] = p.get(i).asDouble();
        }
        out.computeIfAbsent(row.path("article").asText(), k -> new HashMap<>()).put(row.path("first").asInt(), scores);
      }
    }
    return out;
  }
}
