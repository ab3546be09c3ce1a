package org.presslens.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.presslens.core.ArticleId;
import org.presslens.core.Document;
import org.presslens.core.Pipeline;
import org.presslens.core.json.ContractJson;
import org.presslens.core.json.ExportTables;
import org.presslens.ingest.Inputs;
import org.presslens.ingest.Item;
import org.presslens.nlp.Analyzer;

/**
 * The analysis as a Spark job. Reads files from any Hadoop-compatible path (text, HTML, JSON(L),
 * WARC, gzipped or not, by extension), analyses every article with exactly the CLI's pipeline
 * (one per executor JVM, built on first use and shared by its task threads), and appends Parquet
 * tables under the output folder, partitioned by publication month: {@code articles} (id, month,
 * the contract JSON), and {@code quotes} and {@code entities} with the columns of
 * {@code presslens export}'s CSV files ({@link ExportTables}) plus the month.
 *
 * <p>Articles are keyed by the id the store uses ({@link ArticleId}: canonical URL, else text),
 * so a task retried or a job rerun on overlapping input adds no row twice: articles whose id the
 * output already holds are left out. A record that cannot be read is counted and logged with its
 * name (file, line or WARC offset) and never fails the job.
 */
public final class AnalysisJob {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNDATED = "undated";

  private AnalysisJob() {}

  /** What one run did. */
  public record Result(long analysed, long added, long failed) implements Serializable {}

  /** One analysed article as the executors hand it back. */
  private record Analysed(String id, String month, String json) implements Serializable {}

  public static Result run(SparkSession spark, List<String> inputs, String output) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    LongAccumulator failed = spark.sparkContext().longAccumulator("presslens.failed");
    LongAccumulator pipelineNanos = spark.sparkContext().longAccumulator("presslens.pipeline.nanos");
    // Many small files are combined into few splits; spread them so that every core analyses.
    JavaPairRDD<String, PortableDataStream> files = jsc.binaryFiles(String.join(",", inputs));
    files = files.repartition(Math.max(files.getNumPartitions(), 4 * jsc.defaultParallelism()));
    JavaRDD<Analysed> analysed = files.mapPartitions(part -> analyse(part, failed, pipelineNanos)).persist(StorageLevel.MEMORY_AND_DISK());
    long t0 = System.nanoTime();
    long count = analysed.count();
    System.err.printf("presslens-spark: %d articles analysed in %.1f s (%.1f s of it in the pipeline, summed over tasks)%n",
        count, (System.nanoTime() - t0) / 1e9, pipelineNanos.value() / 1e9);

    Dataset<Row> articles = spark.createDataFrame(analysed.map(a -> RowFactory.create(a.id(), a.month(), a.json())), new StructType(new StructField[] {
        DataTypes.createStructField("article", DataTypes.StringType, false),
        DataTypes.createStructField("month", DataTypes.StringType, false),
        DataTypes.createStructField("json", DataTypes.StringType, false)})).dropDuplicates("article");
    String articlesPath = output + "/articles";
    if (exists(spark, articlesPath)) {
      Dataset<Row> known = spark.read().parquet(articlesPath).selectExpr("article AS known");
      articles = articles.join(known, articles.col("article").equalTo(known.col("known")), "left_anti");
    }
    articles = articles.persist(StorageLevel.MEMORY_AND_DISK());
    long added = articles.count();
    if (added > 0) {
      articles.write().mode(SaveMode.Append).partitionBy("month").parquet(articlesPath);
      for (ExportTables table : ExportTables.values()) {
        List<StructField> fields = new ArrayList<>();
        table.columns().forEach(c -> fields.add(DataTypes.createStructField(c, DataTypes.StringType, true)));
        fields.add(DataTypes.createStructField("month", DataTypes.StringType, false));
        JavaRDD<Row> rows = articles.javaRDD().flatMap(r -> tableRows(table, r.getString(0), r.getString(1), r.getString(2)));
        spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)))
            .write().mode(SaveMode.Append).partitionBy("month").parquet(output + "/" + table.name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    articles.unpersist();
    analysed.unpersist();
    return new Result(count, added, failed.value());
  }

  private static Iterator<Row> tableRows(ExportTables table, String id, String month, String json) throws IOException {
    List<Row> out = new ArrayList<>();
    for (List<String> row : table.rows(id, JSON.readTree(json))) {
      Object[] values = new Object[row.size() + 1];
      for (int i = 0; i < row.size(); i++) {
        values[i] = row.get(i);
      }
      values[row.size()] = month;
      out.add(RowFactory.create(values));
    }
    return out.iterator();
  }

  /**
   * Analyses the files of one partition. Each file is copied to a local temporary file (the
   * readers take local paths) under its own name, so that items keep the names the user knows.
   */
  private static Iterator<Analysed> analyse(Iterator<scala.Tuple2<String, PortableDataStream>> files, LongAccumulator failed,
      LongAccumulator pipelineNanos) throws IOException {
    Pipeline pipeline = ExecutorPipeline.get();
    List<Analysed> out = new ArrayList<>();
    while (files.hasNext()) {
      scala.Tuple2<String, PortableDataStream> file = files.next();
      String name = file._1();
      Path dir = Files.createTempDirectory("presslens-spark");
      Path local = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
      try {
        Files.write(local, file._2().toArray());
        for (Iterator<Item> items = Inputs.read(new Inputs.Input(name, local), null); items.hasNext(); ) {
          Item item = items.next();
          if (item instanceof Item.Read read) {
            long t = System.nanoTime();
            Document doc = pipeline.analyze(read.article());
            pipelineNanos.add(System.nanoTime() - t);
            JsonNode tree = ContractJson.toTree(doc);
            String published = doc.article().published();
            String month = published != null && published.matches("\\d{4}-\\d{2}.*") ? published.substring(0, 7) : UNDATED;
            out.add(new Analysed(ArticleId.of(doc.article()), month, tree.toString()));
          } else if (item instanceof Item.Failed f) {
            failed.add(1);
            System.err.println("presslens-spark: skipped " + f.error().getMessage());
          }
        }
      } finally {
        Files.deleteIfExists(local);
        Files.deleteIfExists(dir);
      }
    }
    return out.iterator();
  }

  private static boolean exists(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pipeline of this executor JVM: built once, on first use, shared by its task threads. */
  static final class ExecutorPipeline {
    private static volatile Pipeline pipeline;

    private ExecutorPipeline() {}

    static Pipeline get() {
      Pipeline p = pipeline;
      if (p == null) {
        synchronized (ExecutorPipeline.class) {
          p = pipeline;
          if (p == null) {
            pipeline = p = Analyzer.standard();
          }
        }
      }
      return p;
    }
  }
}
