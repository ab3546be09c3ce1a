package org.presslens.nlp.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.presslens.core.Article;
import org.presslens.core.Claim;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;

/**
 * Check-worthiness scored as the CheckThat! lab scores it: each TSV row analysed as its own
 * document, predicted check-worthy when any of its claims is; precision, recall and F1 of the
 * positive class.
 */
public final class ClaimEval {
  private ClaimEval() {}

  /** The counts over {@code sentences} rows. */
  public record Result(int sentences, Counts counts) {}

  public static Result run(Path tsv, Pipeline pipeline) throws IOException, InterruptedException {
    List<CheckThatTsv.Row> rows = CheckThatTsv.read(tsv);
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<Boolean>> predictions = new ArrayList<>();
      for (CheckThatTsv.Row row : rows) {
        predictions.add(pool.submit(() -> {
          Document d = pipeline.analyze(Article.ofText(row.id(), row.text()));
          return d.claims().stream().anyMatch(Claim::checkworthy);
        }));
      }
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (int i = 0; i < rows.size(); i++) {
        boolean predicted = predictions.get(i).get();
        boolean actual = rows.get(i).checkworthy();
        tp += predicted && actual ? 1 : 0;
        fp += predicted && !actual ? 1 : 0;
        fn += !predicted && actual ? 1 : 0;
      }
      return new Result(rows.size(), new Counts(tp, fp, fn));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }
}
