package org.presslens.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.presslens.core.Article;
import org.presslens.core.Annotator;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.corpus.CorpusSearch;
import org.presslens.corpus.CorpusStore;
import org.presslens.ingest.Inputs;
import org.presslens.ingest.Item;
import org.presslens.nlp.Analyzer;
import org.presslens.nlp.encoder.EncoderAnnotator;
import org.presslens.nlp.encoder.WordPieces;
import org.presslens.nlp.provenance.OutletRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code presslens bench}: throughput and memory of the analysis pipeline on a corpus. */
@Command(
    name = "bench",
    header = "Measure speed and memory on a corpus.",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse a corpus in one process and print model load time, articles/s and tokens/s after",
      "warm-up on 1 thread and on all cores, each stage's share of the time, and peak heap.",
      "With --store, also analyse and store into a temporary corpus store on all cores and print",
      "its throughput as a ratio of analysis alone, then search latency over generated queries.",
      "With --web, serve such a store on loopback and load it with concurrent analyze, ingest and search",
      "requests (and with --hostile, one hostile request a second): throughput, p50/p99 latency, errors",
      "and heap before and after.",
      "Compare runs of the same session as ratios; absolute numbers depend on the machine."
    })
final class BenchCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin RegistryOption registry;

  @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "Articles to analyse (any input analyze reads).")
  Path corpus;

  @Option(names = "--limit", paramLabel = "N", description = "Use at most N articles (default: all).")
  int limit = Integer.MAX_VALUE;

  @Option(names = "--warmup", paramLabel = "N", description = "Articles analysed before timing starts (default: ${DEFAULT-VALUE}).")
  int warmup = 50;

  @Option(names = "--store", description = "Also measure ingest into a temporary store, and search on it.")
  boolean store;

  @Option(names = "--scale", paramLabel = "N",
      description = "With --store: fill the store to N articles with copies of the analysed corpus (each under a"
          + " URL of its own, dated 2000 to 2024 when the corpus has no dates) before timing searches, to measure latency"
          + " and heap at scale.")
  int scale;

  @Option(names = "--web", description = "Also serve a temporary store of the corpus on loopback and load it with"
      + " concurrent analyze and search requests (see --clients, --seconds).")
  boolean web;

  @Option(names = "--clients", paramLabel = "N", description = "With --web: concurrent clients (default: ${DEFAULT-VALUE}).")
  int clients = 8;

  @Option(names = "--seconds", paramLabel = "S", description = "With --web: how long the load runs (default: ${DEFAULT-VALUE}).")
  int seconds = 20;

  @Option(names = "--hostile", description = "With --web: also send one hostile request a second (an oversized chunked"
      + " body, XML, a regular expression too complex for Lucene, a deeply nested page, a wrong method, a bad parameter,"
      + " trailing garbage, a body trickled in, an 8 MB article whose client gives up after 5 s, a JSON text that is a"
      + " number, a date that does not exist) and count the ones answered otherwise than documented.")
  boolean hostile;

  @Option(names = "--scaling", description = "Instead: time analysis of inputs made from the corpus at doubling sizes"
      + " (one sentence of more and more words; one article of more and more sentences), each stage apart, and"
      + " print how time grows with size as an exponent (1: linear, 2: quadratic). See --sentence-words, --article-sentences.")
  boolean scaling;

  @Option(names = "--sentence-words", paramLabel = "N,…", split = ",",
      description = "With --scaling: the sizes of the one-sentence inputs in words (default: ${DEFAULT-VALUE}).")
  List<Integer> sentenceWords = List.of(1250, 2500, 5000, 10000);

  @Option(names = "--article-sentences", paramLabel = "N,…", split = ",",
      description = "With --scaling: the sizes of the one-article inputs in sentences (default: ${DEFAULT-VALUE}).")
  List<Integer> articleSentences = List.of(375, 750, 1500, 3000);

  @Override
  public Integer call() throws Exception {
    List<Article> articles = new ArrayList<>();
    for (Inputs.Input in : Inputs.expand(List.of(corpus.toString()))) {
      for (Iterator<Item> it = Inputs.read(in, System.in); it.hasNext() && articles.size() < limit; ) {
        if (it.next() instanceof Item.Read r) {
          articles.add(r.article());
        }
      }
    }
    if (articles.isEmpty()) {
      throw new Main.UserError(corpus + ": no articles to analyse");
    }
    long t0 = System.nanoTime();
    Pipeline pipeline = Analyzer.standard(null, registry.registry());
    long t1 = System.nanoTime();
    OutletRegistry outlets = registry.ready(); // read beside the models: what it adds is the wait after them
    long t2 = System.nanoTime();
    if (scaling) {
      for (int i = 0; i < Math.min(warmup, articles.size()); i++) {
        pipeline.analyze(articles.get(i));
      }
      Scaling.run(pipeline, articles, sentenceWords, articleSentences, System.out);
      return 0;
    }
    System.out.printf("corpus            %s (%d articles)%n", corpus, articles.size());
    System.out.printf("model load        %.2f s, of which %.0f ms waiting for the outlet registry (%d entries)%n", (t2 - t0) / 1e9,
        (t2 - t1) / 1e6, outlets.size());

    for (int i = 0; i < Math.min(warmup, articles.size()); i++) {
      pipeline.analyze(articles.get(i));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    Run one = time(pipeline, articles, 1, null);
    System.out.printf("1 thread          %.2f articles/s, %.0f tokens/s (%d tokens in %.1f s)%n",
        one.articlesPerSecond(), one.tokensPerSecond(), one.tokens, one.seconds);
    stageShares(pipeline, articles);
    Run all = time(pipeline, articles, cores, null);
    System.out.printf("%d threads         %.2f articles/s, %.0f tokens/s (%.2f× one thread)%n",
        cores, all.articlesPerSecond(), all.tokensPerSecond(), all.tokensPerSecond() / one.tokensPerSecond());
    if (store) {
      storeBench(pipeline, articles, cores, all, scale);
    }
    if (web) {
      webBench(pipeline, articles);
    }
    System.out.printf("peak heap         %.0f MB (max heap %.0f MB)%n", peakHeapBytes() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    return 0;
  }

  /**
   * The server under load: the corpus stored in a temporary store, served on loopback, then
   * {@code clients} clients for {@code seconds}, a fifth of the requests analysing an article of
   * the corpus and the rest searching words of its titles. Heap after GC before and after shows
   * whether memory stays bounded.
   */
  private void webBench(Pipeline pipeline, List<Article> articles) throws Exception {
    Path folder = java.nio.file.Files.createTempDirectory("presslens-web-bench");
    try {
      try (CorpusStore corpus = CorpusStore.open(folder)) {
        for (Article a : articles) {
          corpus.add(pipeline.analyze(a));
        }
        corpus.commit();
        corpus.recluster();
      }
      List<String> texts = articles.stream().map(Article::text).toList();
      List<String> queries = new ArrayList<>();
      for (Article a : articles) {
        String title = a.title() == null ? a.text() : a.title();
        for (String w : title.split("\\W+")) {
          if (w.length() > 4) {
            queries.add(w.toLowerCase(java.util.Locale.ROOT));
          }
        }
      }
      if (queries.isEmpty()) {
        queries.add("the");
      }
      String token = java.util.UUID.randomUUID().toString();
      try (org.presslens.web.WebServer server = org.presslens.web.WebServer.start(
          new org.presslens.web.WebServer.Settings(folder, "127.0.0.1", 0, token, 10L << 20), pipeline)) {
        double before = usedHeapAfterGc();
        long gcMillis = gcMillis();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        org.presslens.web.LoadTest.Result r = org.presslens.web.LoadTest.run(server.port(), texts, queries, clients,
            java.time.Duration.ofSeconds(seconds), 0.2, 0.05, token, hostile);
        gcMillis = gcMillis() - gcMillis;
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double after = usedHeapAfterGc();
        System.out.printf("web load          %d clients, %.0f s: %d requests, %.1f requests/s, %d errors%n",
            clients, r.seconds(), r.requests(), r.throughput(), r.errors());
        System.out.printf("  analyze         %d requests, p50 %.0f ms, p99 %.0f ms%n", r.analyze().requests(), r.analyze().p50(), r.analyze().p99());
        System.out.printf("  ingest          %d requests, p50 %.0f ms, p99 %.0f ms%n", r.ingest().requests(), r.ingest().p50(), r.ingest().p99());
        System.out.printf("  search          %d requests, p50 %.1f ms, p99 %.1f ms%n", r.search().requests(), r.search().p50(), r.search().p99());
        // Where a search's time goes: the server's handler (the rest is the HTTP exchange and
        // waiting to be read), and of the handler, the time its thread was on a core.
        System.out.printf("    in the server p50 %.1f ms, p99 %.1f ms; on a core p50 %.1f ms, p99 %.1f ms%n",
            r.searchHandler().p50(), r.searchHandler().p99(), r.searchCpu().p50(), r.searchCpu().p99());
        System.out.printf("  machine         load average %.1f before, %.1f after, on %d cores; garbage collection %.1f s"
            + " (%.1f %% of the load's time, every thread stopped)%n", loadBefore, loadAfter,
            Runtime.getRuntime().availableProcessors(), gcMillis / 1e3, 100.0 * gcMillis / 1e3 / r.seconds());
        if (hostile) {
          System.out.printf("  hostile         %d requests, one a second; %d answered otherwise than documented%n",
              r.hostile(), r.hostileUnexpected());
          r.surprises().forEach((kind, got) -> System.out.printf("    %s: got %s%n", kind, got));
        }
        System.out.printf("  heap after GC   %.0f MB before the load, %.0f MB after%n", before / 1e6, after / 1e6);
      }
    } finally {
      try (var paths = java.nio.file.Files.walk(folder)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Each stage's share of one-thread analysis time, measured in the same process on the same
   * articles, so that what a stage adds is a ratio against the stages before it.
   */
  private static void stageShares(Pipeline pipeline, List<Article> articles) {
    List<Annotator> stages = pipeline.annotators();
    long[] nanos = new long[stages.size()];
    long pieces = 0;
    long encoderNanos = 0;
    for (Article a : articles) {
      Document d = new Document(a);
      for (int i = 0; i < stages.size(); i++) {
        long t = System.nanoTime();
        stages.get(i).annotate(d);
        nanos[i] += System.nanoTime() - t;
        // By name: the pipeline wraps the stages that only read English (Analyzer.EnglishOnly).
        if (stages.get(i).name().equals(EncoderAnnotator.NAME) && d.vectors() != null) { // not skipped as non-English
          encoderNanos += System.nanoTime() - t;
          // Word pieces the graph read, [CLS] and [SEP] included: the encoder's own unit of work.
          pieces += WordPieces.standard().sequences(d.text(), d.tokens()).stream().mapToLong(s -> s.ids().length).sum();
        }
      }
    }
    long total = java.util.Arrays.stream(nanos).sum();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < stages.size(); i++) {
      b.append(String.format("%s%s %.1f%%", i == 0 ? "" : ", ", stages.get(i).name(), 100.0 * nanos[i] / total));
    }
    System.out.printf("stage shares      %s (1 thread, %.1f s in all)%n", b, total / 1e9);
    if (encoderNanos > 0) {
      System.out.printf("encoder           %.0f word pieces/s (%d pieces in %.1f s, 1 thread)%n", pieces / (encoderNanos / 1e9), pieces, encoderNanos / 1e9);
    }
  }

  private record Run(int articles, long tokens, double seconds) {
    double articlesPerSecond() {
      return articles / seconds;
    }

    double tokensPerSecond() {
      return tokens / seconds;
    }
  }

  /** Analyse and store on all cores into a fresh temporary store; then time searches on it. */
  private static void storeBench(Pipeline pipeline, List<Article> articles, int cores, Run analysisOnly, int scale)
      throws Exception {
    Path folder = java.nio.file.Files.createTempDirectory("presslens-bench-store");
    try {
      Run stored;
      int held;
      List<Document> analysed = java.util.Collections.synchronizedList(new ArrayList<>());
      try (CorpusStore corpus = CorpusStore.open(folder)) {
        stored = time(pipeline, articles, cores, doc -> {
          try {
            corpus.add(doc);
            if (scale > 0) {
              analysed.add(doc);
            }
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        if (scale > corpus.size()) {
          fill(corpus, analysed, scale, cores);
        }
        long t = System.nanoTime();
        corpus.recluster();
        System.out.printf("recluster         %d articles in %.1f s%n", corpus.size(), (System.nanoTime() - t) / 1e9);
        held = corpus.size();
      }
      long bytes;
      try (var files = java.nio.file.Files.walk(folder)) {
        bytes = files.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      }
      System.out.printf("%d threads+store   %.2f articles/s (%.1f%% of analysis alone); store %.1f KB per article%n",
          cores, stored.articlesPerSecond(), 100 * stored.articlesPerSecond() / analysisOnly.articlesPerSecond(),
          bytes / 1024.0 / held);
      // Opening a store someone has filled: for search and stats (what presslens search, stats and
      // serve do), and for adding to it (what presslens ingest does), each timed from cold objects.
      long t = System.nanoTime();
      try (CorpusSearch search = CorpusSearch.open(folder)) {
        double searchOpen = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        try (CorpusStore corpus = CorpusStore.open(folder)) {
          System.out.printf("open store        %.2f s for search and stats, %.2f s for adding (%d articles)%n",
              searchOpen, (System.nanoTime() - t) / 1e9, corpus.size());
        }
      }
      SearchBench.run(folder, articles, System.out);
    } finally {
      try (var files = java.nio.file.Files.walk(folder)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /**
   * Stores copies of analysed documents, each under a URL of its own, until the store holds
   * {@code target}; on {@code threads} threads, as ingest stores on all cores.
   */
  private static void fill(CorpusStore corpus, List<Document> analysed, int target, int threads) throws Exception {
    long t = System.nanoTime();
    int before = corpus.size();
    int needed = target - before;
    int heapEvery = Math.max(20_000, target / 10 / 10_000 * 10_000); // ten or so figures whatever the scale
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
    java.util.SortedMap<Integer, Long> heapAfterGc = new java.util.concurrent.ConcurrentSkipListMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Progress progress = new Progress(System.err, needed, "copies stored")) {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        workers.add(pool.submit(() -> {
          for (int k = next.getAndIncrement(); k < needed; k = next.getAndIncrement()) {
            int copy = k / analysed.size() + 1;
            int i = k % analysed.size();
            Document original = analysed.get(i);
            Article a = original.article();
            Article renamed = new Article(a.input() + "#copy" + copy, a.text(), a.title(), a.authors(), copyDate(a, k),
                a.language(), new org.presslens.core.Source(a.source().name(), "copy" + copy + ".bench.invalid",
                    "https://copy" + copy + ".bench.invalid/" + i), a.credits());
            corpus.add(original.copy(renamed, java.util.EnumSet.allOf(org.presslens.core.Layer.class)));
            progress.step();
            int held = before + stored.incrementAndGet();
            if (held % heapEvery == 0) {
              heapAfterGc.put(held, usedHeapAfterGc());
            }
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdown();
    }
    double seconds = (System.nanoTime() - t) / 1e9;
    System.out.printf("fill              %d copies stored in %.1f s on %d thread%s (%.0f/s, storage alone); peak heap so far %.0f MB%n",
        corpus.size() - before, seconds, threads, threads > 1 ? "s" : "", (corpus.size() - before) / seconds,
        peakHeapBytes() / 1e6);
    // Heap in use after a full collection as the store grows: flat means no per-article growth.
    StringBuilder heap = new StringBuilder();
    heapAfterGc.forEach((held, bytes) -> heap.append(String.format(" %dk:%.0fMB", held / 1000, bytes / 1e6)));
    System.out.printf("heap while storing%s%n", heap);
  }

  /** Milliseconds the collectors have spent so far (ParallelGC stops every thread for all of it). */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
  }

  /**
   * A copy's publication date: its original's, or, for a corpus without dates (the BBC's), a day
   * of 2000 to 2024 spread by the copy's number, so that date ranges and periods in the searches
   * and stats that follow have dated articles to find, as a real archive has.
   */
  static String copyDate(Article original, int copy) {
    return original.published() != null ? original.published()
        : java.time.LocalDate.of(2000, 1, 1).plusDays(Math.floorMod(copy * 7919L, 9131)).toString();
  }

  private static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static Run time(Pipeline pipeline, List<Article> articles, int threads,
      java.util.function.Consumer<Document> sink) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Progress progress = new Progress(System.err, articles.size(), "articles (" + threads + " thread" + (threads > 1 ? "s)" : ")"))) {
      long start = System.nanoTime();
      List<Future<Integer>> futures = new ArrayList<>();
      for (Article a : articles) {
        futures.add(pool.submit(() -> {
          Document d = pipeline.analyze(a);
          if (sink != null) {
            sink.accept(d);
          }
          int n = d.tokens().size();
          progress.step();
          return n;
        }));
      }
      long tokens = 0;
      for (Future<Integer> f : futures) {
        tokens += f.get();
      }
      return new Run(articles.size(), tokens, (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
