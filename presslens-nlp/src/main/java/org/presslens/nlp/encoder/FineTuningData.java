package org.presslens.nlp.encoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.nlp.BackboneAnnotator;
import org.presslens.nlp.backbone.corenlp.CoreNlpBackbone;
import org.presslens.nlp.eval.CheckThatTsv;
import org.presslens.nlp.eval.NewsMtsc;
import org.presslens.nlp.eval.ParallelAnalysis;

/**
 * Writes the examples that {@code training/finetune.py} fine-tunes the encoder on, as the encoder
 * itself would read them: PressLens's tokens and sentences, the WordPiece sequences of
 * {@link Encoder#sequences}, and for each example the tokens its head pools. Python then needs no
 * tokenizer of its own, and training and analysis see the same inputs.
 *
 * <p>One gzipped JSON object per line: {@code task} (stance or claims), {@code split} (train,
 * dev, dev-test), {@code fold} (0–4 on train: for stance the sentence's index mod 5, for claims five blocks of consecutive rows as
 * {@code ClaimTrainer} does), {@code label} (stance 0–2 negative/neutral/positive; claims 0/1),
 * {@code sequences} (each {@code ids}, {@code token}, {@code keep}: [from, to)), {@code tokens}
 * (the count), and for stance {@code target} and {@code sentence}: token ranges [from, to).
 */
public final class FineTuningData {
  private static final int FOLDS = 5;

  private FineTuningData() {}

  /** Writes every split given (any may be null) to {@code out}; returns the number of examples. */
  public static int write(Path stanceTrain, Path stanceDev, Path claimsTrain, Path claimsDev, Path claimsDevTest,
      Path out, PrintStream log) throws IOException, InterruptedException {
    Encoder encoder = Encoder.standard();
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
            int[] target = tokenRange(d, t.span().start(), t.span().end());
            if (target == null) {
              continue;
            }
            int sentence = d.tokens().get(target[0]).sentence();
            int from = target[0];
            while (from > 0 && d.tokens().get(from - 1).sentence() == sentence) {
              from--;
            }
            int to = target[1];
            while (to < d.tokens().size() && d.tokens().get(to).sentence() == sentence) {
              to++;
            }
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
    }
    return n;
  }

  private static ObjectNode row(ObjectMapper json, Encoder encoder, Document d, String task, String split, int fold, int label) {
    ObjectNode row = json.createObjectNode();
    row.put("task", task).put("split", split).put("fold", fold).put("label", label).put("tokens", d.tokens().size());
    ArrayNode sequences = row.putArray("sequences");
    for (Encoder.Sequence s : encoder.sequences(d.text(), d.tokens())) {
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

  /** The tokens [first, last + 1) under a code-point range, or null when none is. */
  private static int[] tokenRange(Document d, int start, int end) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < d.tokens().size(); i++) {
      var span = d.tokens().get(i).span();
      if (span.start() < end && start < span.end()) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    return first < 0 ? null : new int[] {first, last + 1};
  }
}
