package org.presslens.nlp.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.presslens.core.Claim;
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
    List<Boolean> predicted = CheckThatTsv.analyze(rows, pipeline, d -> d.claims().stream().anyMatch(Claim::checkworthy));
    boolean[] decisions = new boolean[predicted.size()];
    for (int i = 0; i < decisions.length; i++) {
      decisions[i] = predicted.get(i);
    }
    return new Result(rows.size(), Counts.of(decisions, CheckThatTsv.labels(rows)));
  }
}
