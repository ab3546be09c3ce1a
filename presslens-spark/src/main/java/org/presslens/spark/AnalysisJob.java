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
import org.apache.spark.sql.types.DataType;
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
import scala.Tuple2;

/**
 * The analysis as a Spark job. Reads files from any Hadoop-compatible path (text, HTML, JSON(L),
 * WARC, gzipped or not, by extension), analyses every article with exactly the CLI's pipeline
 * (one per executor JVM, built on first use and shared by its task threads), and appends the
 * Parquet tables of {@code presslens export --format parquet} ({@link ExportTables}: articles with
 * their contract JSON, quotes, entities, claims, techniques) under the output folder, partitioned
 * by publication month.
 *
 * <p>Articles are keyed by the id the store uses ({@link ArticleId}: canonical URL, else text),
 * so a task retried or a job rerun on overlapping input adds no row twice: articles whose id the
 * output already holds are left out. A record that cannot be read is counted and logged with its
 * name (file, line or WARC offset) and never fails the job.
 */
public final class AnalysisJob {
  private static final ObjectMapper JSON = new ObjectMapper();

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
    String articlesPath = output + "/" + ExportTables.ARTICLES.fileName();
    if (exists(spark, articlesPath)) {
      Dataset<Row> known = spark.read().parquet(articlesPath).selectExpr("article AS known");
      articles = articles.join(known, articles.col("article").equalTo(known.col("known")), "left_anti");
    }
    // Each new article's JSON is parsed once into the rows of all tables; each table is then
    // written from those cached rows.
    JavaRDD<Tuple2<Integer, Row>> rows = articles.javaRDD().flatMap(r -> tableRows(r.getString(0), r.getString(1), r.getString(2)))
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    long added = rows.filter(r -> r._1() == ExportTables.ARTICLES.ordinal()).count();
    if (added > 0) {
      for (ExportTables table : ExportTables.values()) {
        int ordinal = table.ordinal();
        spark.createDataFrame(rows.filter(r -> r._1() == ordinal).map(Tuple2::_2), schema(table))
            .write().mode(SaveMode.Append).partitionBy("month").parquet(output + "/" + table.fileName());
      }
    }
    rows.unpersist();
    analysed.unpersist();
    return new Result(count, added, failed.value());
  }

  /** A table's Spark schema: the export columns, nullable, then the partition column. */
  static StructType schema(ExportTables table) {
    List<StructField> fields = new ArrayList<>();
    for (ExportTables.Column c : table.columns()) {
      DataType type = switch (c.type()) {
        case STRING -> DataTypes.StringType;
        case INT -> DataTypes.IntegerType;
        case DOUBLE -> DataTypes.DoubleType;
        case BOOLEAN -> DataTypes.BooleanType;
      };
      fields.add(DataTypes.createStructField(c.name(), type, true));
    }
    fields.add(DataTypes.createStructField("month", DataTypes.StringType, false));
    return new StructType(fields.toArray(StructField[]::new));
  }

  /** The rows of one article for every table, each tagged with its table's ordinal. */
  private static Iterator<Tuple2<Integer, Row>> tableRows(String id, String month, String json) throws IOException {
    JsonNode article = JSON.readTree(json);
    List<Tuple2<Integer, Row>> out = new ArrayList<>();
    for (ExportTables table : ExportTables.values()) {
      for (List<Object> row : table.rows(id, article)) {
        Object[] values = row.toArray(new Object[row.size() + 1]);
        values[row.size()] = month;
        out.add(new Tuple2<>(table.ordinal(), RowFactory.create(values)));
      }
    }
    return out.iterator();
  }

  /**
   * Analyses the files of one partition. Each file is copied to a local temporary file (the
   * readers take local paths) under its own name, so that items keep the names the user knows.
   */
  private static Iterator<Analysed> analyse(Iterator<Tuple2<String, PortableDataStream>> files, LongAccumulator failed,
      LongAccumulator pipelineNanos) throws IOException {
    Pipeline pipeline = ExecutorPipeline.get();
    List<Analysed> out = new ArrayList<>();
    while (files.hasNext()) {
      Tuple2<String, PortableDataStream> file = files.next();
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
            String month = ExportTables.month(doc.article().published());
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
