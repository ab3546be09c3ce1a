package org.presslens.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.SerializableWritable;
import org.apache.spark.broadcast.Broadcast;
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
import org.presslens.corpus.Clusters;
import org.presslens.corpus.MinHash;
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

  /** One analysed article as the executors hand it back, with its text's MinHash signature. */
  private record Analysed(String id, String json, String published, int[] minhash) implements Serializable {}

  private static final String SIGNATURES = "signatures";
  private static final String CLUSTERS = "clusters";

  public static Result run(SparkSession spark, List<String> inputs, String output) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Timings timings = Timings.of(spark.sparkContext());
    // The files are listed here and dealt out to the tasks by path: four slices per core, so
    // that every core analyses and a slow slice does not hold up the end. (binaryFiles would
    // combine small files into few splits and rebuild the Hadoop configuration for every file.)
    long listing = System.nanoTime();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    List<String> paths = listFiles(hadoop, inputs);
    System.err.printf("presslens-spark: %d files listed in %.1f s%n", paths.size(), (System.nanoTime() - listing) / 1e9);
    Broadcast<SerializableWritable<Configuration>> conf = jsc.broadcast(new SerializableWritable<>(hadoop));
    JavaRDD<String> files = jsc.parallelize(paths, Math.max(1, Math.min(paths.size(), 4 * jsc.defaultParallelism())));
    JavaRDD<Analysed> analysed = files.mapPartitions(part -> new Analyses(part, conf.value().value(), timings))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long t0 = System.nanoTime();
    long count = analysed.count();
    System.err.printf("presslens-spark: %d articles analysed in %.1f s; summed over tasks: %.1f s in tasks, %.1f s of it in the pipeline, %.1f s reading%n",
        count, (System.nanoTime() - t0) / 1e9, timings.task().value() / 1e9, timings.pipeline().value() / 1e9, timings.read().value() / 1e9);
    long t1 = System.nanoTime();

    Dataset<Row> articles = spark.createDataFrame(analysed.map(a -> RowFactory.create(a.id(), ExportTables.month(a.published()), a.json(), a.published(), a.minhash())),
        new StructType(new StructField[] {
            DataTypes.createStructField("article", DataTypes.StringType, false),
            DataTypes.createStructField("month", DataTypes.StringType, false),
            DataTypes.createStructField("json", DataTypes.StringType, false),
            DataTypes.createStructField("published", DataTypes.StringType, true),
            DataTypes.createStructField("minhash", DataTypes.createArrayType(DataTypes.IntegerType, false), false)}))
        .dropDuplicates("article");
    String articlesPath = output + "/" + ExportTables.ARTICLES.fileName();
    if (exists(spark, articlesPath)) {
      Dataset<Row> known = spark.read().parquet(articlesPath).selectExpr("article AS known");
      articles = articles.join(known, articles.col("article").equalTo(known.col("known")), "left_anti");
    }
    // The new articles, computed once: every table below is written from this snapshot (were
    // it recomputed, the anti-join would see the articles this run has just written).
    articles = articles.localCheckpoint(true);
    // Each new article's JSON is parsed once into the rows of all tables.
    JavaRDD<Tuple2<Integer, Row>> rows = articles.javaRDD().flatMap(r -> tableRows(r.getString(0), r.getString(1), r.getString(2)))
        .persist(StorageLevel.MEMORY_AND_DISK_SER());
    long added = rows.filter(r -> r._1() == ExportTables.ARTICLES.ordinal()).count();
    if (added > 0) {
      // The signatures of all articles so far, so that a later run clusters old and new together.
      articles.select("article", "published", "minhash").write().mode(SaveMode.Append).parquet(output + "/" + SIGNATURES);
      // articles last: it is what a rerun checks, so an article counts as done only when all its rows are written.
      List<ExportTables> order = new ArrayList<>(List.of(ExportTables.values()));
      order.remove(ExportTables.ARTICLES);
      order.add(ExportTables.ARTICLES);
      for (ExportTables table : order) {
        int ordinal = table.ordinal();
        spark.createDataFrame(rows.filter(r -> r._1() == ordinal).map(Tuple2::_2), schema(table))
            .write().mode(SaveMode.Append).partitionBy("month").parquet(output + "/" + table.fileName());
      }
    }
    System.err.printf("presslens-spark: %d new articles written in %.1f s%n", added, (System.nanoTime() - t1) / 1e9);
    rows.unpersist();
    analysed.unpersist();
    if (added > 0) {
      long t2 = System.nanoTime();
      List<Clusters.Cluster> clusters = SparkClusters.of(spark.read().parquet(output + "/" + SIGNATURES));
      List<Row> members = new ArrayList<>();
      for (Clusters.Cluster c : clusters) {
        for (int rank = 0; rank < c.members().size(); rank++) {
          members.add(RowFactory.create(c.id(), c.members().get(rank), c.original(), rank));
        }
      }
      spark.createDataFrame(members, new StructType(new StructField[] {
              DataTypes.createStructField("cluster", DataTypes.StringType, false),
              DataTypes.createStructField("article", DataTypes.StringType, false),
              DataTypes.createStructField("original", DataTypes.StringType, false),
              DataTypes.createStructField("rank", DataTypes.IntegerType, false)}))
          .coalesce(1).write().mode(SaveMode.Overwrite).parquet(output + "/" + CLUSTERS);
      System.err.printf("presslens-spark: %d clusters of copies among all articles, in %.1f s%n", clusters.size(),
          (System.nanoTime() - t2) / 1e9);
    }
    return new Result(count, added, timings.failed().value());
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
   * Analyses the files of one partition, lazily: an article is analysed when Spark asks for it,
   * so a task holds one article at a time, however many a WARC file holds. Each file is copied
   * to a local temporary file (the readers take local paths) under its own name, so that items
   * keep the names the user knows, and removed when its last article is read.
   */
  private static final class Analyses implements Iterator<Analysed> {
    private final Iterator<String> files;
    private final Configuration conf;
    private final Timings timings;
    private final Pipeline pipeline = ExecutorPipeline.get();
    private final long start = System.nanoTime();
    private Iterator<Item> items = java.util.Collections.emptyIterator();
    private Path local;
    private Analysed next;

    Analyses(Iterator<String> files, Configuration conf, Timings timings) {
      this.files = files;
      this.conf = conf;
      this.timings = timings;
    }

    @Override
    public boolean hasNext() {
      try {
        while (next == null) {
          long r = System.nanoTime();
          if (!items.hasNext()) {
            cleanUp();
            if (!files.hasNext()) {
              timings.task.add(System.nanoTime() - start);
              return false;
            }
            items = open(files.next());
          }
          if (!items.hasNext()) {
            continue;
          }
          Item item = items.next();
          timings.read.add(System.nanoTime() - r);
          if (item instanceof Item.Read read) {
            long t = System.nanoTime();
            Document doc = pipeline.analyze(read.article());
            timings.pipeline.add(System.nanoTime() - t);
            next = new Analysed(ArticleId.of(doc.article()), ContractJson.toTree(doc).toString(), doc.article().published(),
                MinHash.signature(doc.article().text()));
          } else if (item instanceof Item.Failed f) {
            timings.failed.add(1);
            System.err.println("presslens-spark: skipped " + f.error().getMessage());
          }
        }
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Analysed next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      Analysed a = next;
      next = null;
      return a;
    }

    private Iterator<Item> open(String name) throws IOException {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(name);
      local = Files.createTempDirectory("presslens-spark").resolve(path.getName());
      try (InputStream in = path.getFileSystem(conf).open(path)) {
        Files.copy(in, local);
      }
      return Inputs.read(new Inputs.Input(name, local), null);
    }

    private void cleanUp() throws IOException {
      if (local != null) {
        Files.deleteIfExists(local);
        Files.deleteIfExists(local.getParent());
        local = null;
      }
    }
  }

  /** Counters the tasks add to: failed records, and nanoseconds spent in tasks, reading, the pipeline. */
  private record Timings(LongAccumulator failed, LongAccumulator task, LongAccumulator read, LongAccumulator pipeline)
      implements Serializable {
    static Timings of(org.apache.spark.SparkContext sc) {
      return new Timings(sc.longAccumulator("presslens.failed"), sc.longAccumulator("presslens.task.nanos"),
          sc.longAccumulator("presslens.read.nanos"), sc.longAccumulator("presslens.pipeline.nanos"));
    }
  }

  /**
   * The files of the inputs, sorted: files as given, folders walked recursively, globs expanded;
   * names starting with "_" or "." are left out, as Hadoop's readers do. (listStatus, not
   * listFiles: on a local disk listFiles asks for each file's block locations and permissions,
   * which took 100 s for 20,000 files.)
   */
  static List<String> listFiles(Configuration conf, List<String> inputs) {
    List<String> out = new ArrayList<>();
    try {
      for (String input : inputs) {
        org.apache.hadoop.fs.Path pattern = new org.apache.hadoop.fs.Path(input);
        FileSystem fs = pattern.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(pattern);
        if (matches == null || matches.length == 0) {
          throw new IllegalArgumentException(input + ": no such file or folder");
        }
        for (FileStatus match : matches) {
          walk(fs, match, out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.stream().distinct().sorted().toList();
  }

  private static void walk(FileSystem fs, FileStatus status, List<String> out) throws IOException {
    if (!status.isDirectory()) {
      out.add(status.getPath().toString());
      return;
    }
    for (FileStatus child : fs.listStatus(status.getPath())) {
      String name = child.getPath().getName();
      if (!name.startsWith("_") && !name.startsWith(".")) {
        walk(fs, child, out);
      }
    }
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
