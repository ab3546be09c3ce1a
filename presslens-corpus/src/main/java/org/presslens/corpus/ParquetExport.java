package org.presslens.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.presslens.core.json.ExportTables;
import org.presslens.core.json.ExportTables.Column;

/**
 * Writes the {@link ExportTables} of many articles as Parquet, laid out as Spark writes them:
 * {@code DIR/<table>/month=<yyyy-MM|undated>/part-00000.parquet}, optional columns, strings as
 * UTF-8, Snappy compression. pandas, DuckDB and Spark open the folder as it is, and a reader of
 * the Spark job's output reads this one too.
 *
 * <p>The files are written under {@code DIR.partial} and moved to {@code DIR} only when all are
 * complete, so an interrupted export never leaves a half-written folder where a finished one is
 * expected.
 */
public final class ParquetExport implements Closeable {
  private static final int ROW_GROUP_BYTES = 32 << 20;

  private final Path target;
  private final Path partial;
  private final Map<String, ParquetWriter<List<Object>>> writers = new HashMap<>();
  private long articles;

  private ParquetExport(Path target) throws IOException {
    this.target = target;
    this.partial = target.resolveSibling(target.getFileName() + ".partial");
    if (Files.exists(target) && (!Files.isDirectory(target) || hasEntries(target))) {
      throw new IOException(target + ": already exists; export into a new folder");
    }
    deleteTree(partial); // left by an interrupted export: ours to remove
    Files.createDirectories(partial);
  }

  /** Starts an export into {@code dir}, which must not exist or be empty. */
  public static ParquetExport create(Path dir) throws IOException {
    return new ParquetExport(dir.toAbsolutePath().normalize());
  }

  /** Adds the rows of one stored article to every table. */
  public void add(String id, JsonNode article) throws IOException {
    String month = ExportTables.month(article.path("published").asText(null));
    for (ExportTables table : ExportTables.values()) {
      List<List<Object>> rows = table.rows(id, article);
      if (rows.isEmpty()) {
        continue;
      }
      String partition = table.fileName() + "/month=" + month;
      ParquetWriter<List<Object>> writer = writers.get(partition);
      if (writer == null) {
        writer = open(partition, table);
        writers.put(partition, writer);
      }
      for (List<Object> row : rows) {
        writer.write(row);
      }
    }
    articles++;
  }

  public long articles() {
    return articles;
  }

  /** Finishes every file and moves the finished folder into place. */
  @Override
  public void close() throws IOException {
    for (ParquetWriter<List<Object>> writer : writers.values()) {
      writer.close();
    }
    writers.clear();
    if (Files.exists(target)) {
      Files.delete(target); // empty, checked at the start
    }
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** A writer for one partition folder ("quotes/month=2005-01") of a table. */
  private ParquetWriter<List<Object>> open(String partition, ExportTables table) throws IOException {
    Path file = partial.resolve(partition).resolve("part-00000.parquet");
    Files.createDirectories(file.getParent());
    return new Builder(new LocalOutputFile(file), schema(table))
        .withConf(new PlainParquetConfiguration())
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .build();
  }

  /** The Parquet schema of a table: every column optional, as Spark writes them. */
  public static MessageType schema(ExportTables table) {
    Types.MessageTypeBuilder message = Types.buildMessage();
    for (Column c : table.columns()) {
      switch (c.type()) {
        case STRING -> message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.name());
        case INT -> message.optional(PrimitiveTypeName.INT32).named(c.name());
        case DOUBLE -> message.optional(PrimitiveTypeName.DOUBLE).named(c.name());
        case BOOLEAN -> message.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
      }
    }
    return message.named("spark_schema");
  }

  private static boolean hasEntries(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static final class Builder extends ParquetWriter.Builder<List<Object>, Builder> {
    private final MessageType schema;

    Builder(OutputFile file, MessageType schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<List<Object>> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
      return new RowWriteSupport(schema);
    }

    @Override
    protected WriteSupport<List<Object>> getWriteSupport(ParquetConfiguration conf) {
      return new RowWriteSupport(schema);
    }
  }

  /** Writes one row of {@link ExportTables} values; a null value leaves its column out. */
  private static final class RowWriteSupport extends WriteSupport<List<Object>> {
    private final MessageType schema;
    private RecordConsumer out;

    RowWriteSupport(MessageType schema) {
      this.schema = schema;
    }

    @Override
    public WriteContext init(org.apache.hadoop.conf.Configuration conf) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration conf) {
      return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.out = recordConsumer;
    }

    @Override
    public void write(List<Object> row) {
      out.startMessage();
      List<Type> fields = schema.getFields();
      for (int i = 0; i < fields.size(); i++) {
        Object v = row.get(i);
        if (v == null) {
          continue;
        }
        out.startField(fields.get(i).getName(), i);
        if (v instanceof String s) {
          out.addBinary(Binary.fromString(s));
        } else if (v instanceof Integer n) {
          out.addInteger(n);
        } else if (v instanceof Double d) {
          out.addDouble(d);
        } else if (v instanceof Boolean b) {
          out.addBoolean(b);
        } else {
          throw new IllegalArgumentException("unexpected value " + v.getClass());
        }
        out.endField(fields.get(i).getName(), i);
      }
      out.endMessage();
    }
  }
}
