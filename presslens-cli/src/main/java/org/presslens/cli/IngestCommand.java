package org.presslens.cli;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.presslens.core.ArticleId;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.corpus.Clusters;
import org.presslens.corpus.CorpusStore;
import org.presslens.ingest.Inputs;
import org.presslens.ingest.Item;
import org.presslens.nlp.Analyzer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code presslens ingest}: analyse sources and keep them in the embedded store. */
@Command(
    name = "ingest",
    header = "Analyse articles and keep them in the embedded store.",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse articles with the full pipeline on all cores and keep them, with their analysis, in",
      "an embedded store (a folder; created on first use). An article already in the store, by",
      "canonical URL or else by text, is skipped. Safe to kill at any moment: the store keeps",
      "everything committed (every " + CorpusStore.COMMIT_EVERY + " articles), and running the same",
      "command again resumes without duplicates. Afterwards, near-duplicate clusters are updated.",
      "Exit status 0 when every input was read, 1 when some failed (each named on standard error)."
    })
final class IngestCommand implements java.util.concurrent.Callable<Integer> {

  @Parameters(paramLabel = "SOURCE", arity = "1..*",
      description = "Files or directories (.txt, .html, .htm, .jsonl, .warc as in CC-NEWS, .rss, .atom; any"
          + " of them .gz), or http(s) URLs of feeds; each feed item's page is fetched politely.")
  List<String> sources;

  @Mixin StoreOption store;

  @Option(names = "--threads", paramLabel = "N", description = "Articles analysed at once. Default: all cores (${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @picocli.CommandLine.Mixin RegistryOption registry;

  @Override
  public Integer call() throws Exception {
    if (threads < 1) {
      throw new Main.UserError("--threads must be at least 1");
    }
    List<Inputs.Input> inputs = Inputs.expand(sources);
    long started = System.nanoTime();
    // The store first: a store another process is writing is refused before the models load.
    CorpusStore corpus;
    try {
      corpus = CorpusStore.open(store.folder);
    } catch (CorpusStore.StoreBusyException e) {
      throw new Main.UserError(e.getMessage());
    } catch (IOException e) {
      if (CorpusStore.isDiskFull(e)) {
        throw new Main.UserError("the disk holding " + store.folder + " is full: no articles were stored");
      }
      throw e;
    }
    int before = corpus.size();
    int ingested;
    int duplicates = 0;
    int failed = 0;
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "presslens-ingest");
      t.setDaemon(true);
      return t;
    });
    Clusters clusters;
    try (corpus) {
      Pipeline pipeline = Analyzer.standard(null, registry.registry());
      registry.ready();
      Set<String> queued = new HashSet<>();
      Deque<Future<Object>> pending = new ArrayDeque<>();
      int total = inputs.stream().anyMatch(Inputs::holdsMany) ? -1 : inputs.size();
      try (Progress progress = new Progress(System.err, total, "articles")) {
        for (Inputs.Input input : inputs) {
          for (Iterator<Item> items = Inputs.read(input, System.in); items.hasNext(); ) {
            Item item = items.next();
            if (item instanceof Item.Read read) {
              String id = ArticleId.of(read.article());
              if (corpus.contains(id) || !queued.add(id)) {
                duplicates++;
                progress.step();
                continue;
              }
            }
            pending.add(pool.submit(() -> AnalysisTask.run(pipeline, item)));
            while (pending.size() >= threads * 4) {
              failed += store(pending.poll(), corpus, progress);
            }
          }
        }
        while (!pending.isEmpty()) {
          failed += store(pending.poll(), corpus, progress);
        }
      }
      ingested = corpus.size() - before;
      clusters = corpus.recluster();
    } catch (IOException | RuntimeException e) {
      if (!CorpusStore.isDiskFull(e)) {
        throw e;
      }
      // Lucene has closed its writer; the store is whole at its last commit.
      System.err.printf("presslens: the disk holding %s is full: %s articles were stored, rerun to continue%n",
          store.folder, storedSince(before));
      return 1;
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.err.printf("presslens: ingested %d, skipped %d already stored, failed %d; %d syndication clusters; "
            + "%.1f s (%.1f articles/s) into %s%n",
        ingested, duplicates, failed, clusters.all().size(), seconds, ingested / Math.max(seconds, 1e-9), store.folder);
    return failed > 0 ? 1 : 0;
  }

  /** How many articles this run added to the store's last commit, as text ("some" if it cannot be read). */
  private String storedSince(int before) {
    try (org.presslens.corpus.CorpusSearch search = org.presslens.corpus.CorpusSearch.open(store.folder)) {
      return String.valueOf(Math.max(0, search.articles() - before));
    } catch (IOException | RuntimeException e) {
      return before == 0 ? "no" : "some";
    }
  }

  /** Stores one result; returns 1 when it is a failure (named on standard error), else 0. */
  private static int store(Future<Object> future, CorpusStore corpus, Progress progress) throws IOException {
    Document d = AnalysisTask.collect(future);
    progress.step();
    if (d == null) {
      return 1;
    }
    corpus.add(d);
    return 0;
  }
}
