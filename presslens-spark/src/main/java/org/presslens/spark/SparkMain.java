package org.presslens.spark;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code presslens spark}: the analysis job, in local mode on this machine or, as the main class
 * given to {@code spark-submit}, on a cluster (the master then comes from spark-submit).
 */
@Command(
    name = "presslens spark",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse inputs (text, HTML, JSON, JSONL, WARC; gzipped or not; files,",
      "folders or globs on any Hadoop-compatible path) with the pipeline of",
      "presslens analyze, on Spark, and append to OUTPUT the Parquet tables of",
      "presslens export --format parquet (articles, quotes, entities, claims,",
      "techniques; partitioned by month), the articles' MinHash signatures, and",
      "the near-duplicate clusters of everything in OUTPUT (recomputed each run).",
      "Articles already in OUTPUT are skipped. Exit status 1 when records failed.",
      "",
      "Example:  presslens spark --master 'local[2]' --output out/ crawl/",
      "On a cluster: spark-submit with this class, as docs/SPARK.md shows."
    })
public final class SparkMain implements Callable<Integer> {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] (default: the one spark-submit gives, else local[*]).")
  String master;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Where the Parquet tables go.")
  String output;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders to analyse.")
  List<String> inputs;

  @Override
  public Integer call() {
    SparkSession.Builder builder = SparkSession.builder().appName("presslens");
    String chosen = master != null ? master : System.getProperty("spark.master", "local[*]");
    builder.master(chosen);
    if (chosen.startsWith("local")) {
      // One machine: a few shuffle partitions, not the 200 meant for clusters; no web UI.
      builder.config("spark.sql.shuffle.partitions", String.valueOf(2 * Runtime.getRuntime().availableProcessors()))
          .config("spark.ui.enabled", "false");
    }
    if (chosen.startsWith("local")) {
      // The executor is this JVM: load the models now, not in the first task while the others wait.
      long t = System.nanoTime();
      AnalysisJob.ExecutorPipeline.get();
      System.err.printf("presslens spark: models loaded in %.1f s%n", (System.nanoTime() - t) / 1e9);
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    try {
      long t = System.nanoTime();
      AnalysisJob.Result r = AnalysisJob.run(spark, inputs, output);
      System.out.printf("presslens spark: %d articles analysed, %d added to %s, %d records failed; %.1f s%n",
          r.analysed(), r.added(), output, r.failed(), (System.nanoTime() - t) / 1e9);
      return r.failed() == 0 ? 0 : 1;
    } finally {
      spark.stop();
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new SparkMain()).execute(args));
  }
}
