package org.presslens.nlp.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;

/** Analyses a data set's articles on all cores, for training and evaluation. */
public final class ParallelAnalysis {
  private ParallelAnalysis() {}

  /**
   * Analyses each article and maps its document at once, so that only the results, not the
   * documents, are held; results come in the articles' order.
   */
  public static <R> List<R> map(List<Article> articles, Pipeline pipeline, Function<Document, R> then)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (Article article : articles) {
        futures.add(pool.submit(() -> then.apply(pipeline.analyze(article))));
      }
      List<R> out = new ArrayList<>(articles.size());
      for (Future<R> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }
}
