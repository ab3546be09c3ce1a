package org.presslens.corpus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.presslens.core.Article;
import org.presslens.core.ArticleId;
import org.presslens.core.Claim;
import org.presslens.core.Credit;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Quote;
import org.presslens.core.Span;
import org.presslens.core.Provenance;
import org.presslens.core.Stance;
import org.presslens.core.Technique;
import org.presslens.core.json.ContractJson;

/**
 * The embedded corpus: a Lucene index in a folder, written by one process at a time.
 *
 * <p>Crash safety comes from Lucene's commits, which are atomic: after a crash the index opens at
 * its last commit, whole. {@link #add} buffers; every {@value #COMMIT_EVERY} articles, and on
 * {@link #close}, the buffer is committed. Adding an article whose id the store holds replaces
 * it, so a rerun after a crash leaves no duplicates.
 *
 * <p>The store holds nothing per article in memory, so its heap and the time to open it do not
 * grow with the articles held: {@link #contains} asks a near-real-time reader of the writer
 * (refreshed at each commit) and the few ids added since that reader was opened, and
 * {@link #size} is a count taken once at open and raised by each new id.
 */
public final class CorpusStore implements AutoCloseable {
  public static final int COMMIT_EVERY = 100;
  static final String CLUSTERS_FILE = "clusters.json";

  private final Path folder;
  private final FSDirectory directory;
  private final IndexWriter writer;
  /** Sees what the writer had added when it was last refreshed (at open and after each commit). */
  private final SearcherManager added;
  /** Ids added since: id → the number of adds when it was last added, so that a refresh drops only what it saw. */
  private final Map<String, Long> recent = new HashMap<>();
  private final Object totalsLock = new Object();
  private long adds;
  private int size;
  private int uncommitted;

  private CorpusStore(Path folder) throws IOException {
    this.folder = folder;
    Files.createDirectories(folder);
    FSDirectory directory = FSDirectory.open(folder.resolve("index"));
    try {
      this.writer = new IndexWriter(directory, config());
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new StoreBusyException(folder);
    }
    this.directory = directory;
    try {
      this.added = new SearcherManager(writer, null);
      IndexSearcher searcher = added.acquire();
      try {
        size = searcher.count(CorpusSearch.kind(Schema.ARTICLE));
      } finally {
        added.release(searcher);
      }
    } catch (IOException | RuntimeException e) {
      writer.rollback(); // closes it; nothing was added
      directory.close();
      throw e;
    }
  }

  private static IndexWriterConfig config() {
    IndexWriterConfig config = new IndexWriterConfig(Schema.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(128);
    // Flushed segments are merged soon anyway; compound files would be written only to be merged away.
    config.setUseCompoundFile(false);
    return config;
  }

  /**
   * Opens the store in {@code folder} for writing, creating it on first use.
   *
   * @throws StoreBusyException when another process (an ingest, a server taking ingests) is
   *     writing it: Lucene allows one writer, and the store's lock file says who has it
   */
  public static CorpusStore open(Path folder) throws IOException {
    return new CorpusStore(folder);
  }

  /** The store is being written by another process: only one may write at a time. */
  public static final class StoreBusyException extends IOException {
    StoreBusyException(Path folder) {
      super("the store at " + folder + " is being written by another process (an ingest, or a server taking "
          + "ingests); try again when it has finished");
    }
  }

  /**
   * Whether a failure while writing is the disk running full (ENOSPC), wherever in the chain of
   * causes it lies: Lucene closes its writer on such an error and later calls report the
   * closing, with the disk's error as the cause. The store stays at its last commit.
   */
  public static boolean isDiskFull(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (t instanceof IOException && (m.contains("No space left on device") || m.contains("not enough space on the disk")
          || m.contains("Disk quota exceeded"))) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (s != t && isDiskFull(s)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the store holds (or has buffered) an article with this id. */
  public synchronized boolean contains(String id) throws IOException {
    if (recent.containsKey(id)) {
      return true;
    }
    IndexSearcher searcher = added.acquire();
    try {
      // Quotes' documents have ids too (ARTICLE/qN): only an article's counts.
      return searcher.count(new BooleanQuery.Builder()
          .add(new TermQuery(new Term(Schema.ID, id)), BooleanClause.Occur.FILTER)
          .add(CorpusSearch.kind(Schema.ARTICLE), BooleanClause.Occur.FILTER)
          .build()) > 0;
    } finally {
      added.release(searcher);
    }
  }

  /** Number of articles held, committed or buffered. */
  public synchronized int size() {
    return size;
  }

  /** The folder the store lives in. */
  public Path folder() {
    return folder;
  }

  /**
   * Stores an analysed article and its quotes, replacing any earlier copy with the same id. Safe
   * from many threads: the Lucene documents (contract JSON, signature, facets) are built outside
   * the store's lock, and a commit does not hold up the others' adds.
   */
  public void add(Document doc) throws IOException {
    String id = ArticleId.of(doc.article());
    Map<String, Entity> entities = new HashMap<>();
    doc.entities().forEach(e -> entities.put(e.id(), e));
    List<org.apache.lucene.document.Document> docs = new java.util.ArrayList<>();
    docs.add(Schema.FACETS.build(articleDoc(id, doc, entities)));
    for (Quote q : doc.quotes()) {
      docs.add(quoteDoc(id, doc, q, entities));
    }
    boolean commitNow;
    synchronized (this) {
      boolean known = contains(id);
      writer.updateDocuments(new Term(Schema.ARTICLE_ID, id), docs);
      recent.put(id, ++adds);
      if (!known) {
        size++;
      }
      commitNow = ++uncommitted >= COMMIT_EVERY;
      if (commitNow) {
        uncommitted = 0;
      }
    }
    if (commitNow) {
      writer.commit();
      refresh();
    }
  }

  /** Makes everything added so far durable. */
  public void commit() throws IOException {
    synchronized (this) {
      writer.commit();
      uncommitted = 0;
    }
    refresh();
  }

  /**
   * Reopens the near-real-time reader on what the writer holds now and forgets the ids it
   * covers. Outside the store's lock, so that other threads' adds go on meanwhile; an id added
   * again during the reopen keeps its newer number and stays.
   */
  private void refresh() throws IOException {
    long seen;
    synchronized (this) {
      seen = adds;
    }
    added.maybeRefreshBlocking();
    synchronized (this) {
      recent.values().removeIf(n -> n <= seen);
    }
    keepTotals();
  }

  /**
   * After a commit: the facet totals of each segment that has none yet, so that whole-store
   * statistics read them instead of counting every article (see {@link FacetTotals}), and away
   * with those of segments merged away. One thread at a time; a failure is only a cache not
   * kept, which statistics then count and keep themselves.
   */
  private void keepTotals() {
    synchronized (totalsLock) {
      try {
        IndexSearcher searcher = added.acquire();
        try {
          FacetTotals.keep(folder, (DirectoryReader) searcher.getIndexReader(),
              FacetTotals.keys(org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).asList()));
        } finally {
          added.release(searcher);
        }
      } catch (IOException e) {
        // Only a cache: see above.
      }
    }
  }

  /**
   * Commits, then recomputes the near-duplicate clusters over the whole store and writes them
   * beside the index (see {@link #recluster(Path)}).
   */
  public synchronized Clusters recluster() throws IOException {
    commit();
    return recluster(folder);
  }

  /**
   * Recomputes the near-duplicate clusters of the last commit of the store in {@code folder}
   * and writes them beside the index, atomically, with the commit's generation. It reads the
   * commit and never writes the index, so it needs no writer: a server runs it on a thread of
   * its own while it goes on storing what clients send. An interrupt stops it, leaving the
   * clusters file as it was.
   */
  public static Clusters recluster(Path folder) throws IOException {
    Map<String, int[]> signatures = new HashMap<>();
    Map<String, String> published = new HashMap<>();
    long commit;
    try (FSDirectory directory = FSDirectory.open(folder.resolve("index"));
        DirectoryReader reader = DirectoryReader.open(directory)) {
      commit = reader.getIndexCommit().getGeneration();
      CorpusSearch.eachStored(new IndexSearcher(reader), CorpusSearch.kind(Schema.ARTICLE),
          Set.of(Schema.ID, Schema.MINHASH, Schema.PUBLISHED), d -> {
            if (Thread.currentThread().isInterrupted()) {
              throw new java.io.UncheckedIOException(new java.io.InterruptedIOException("reclustering was interrupted"));
            }
            String id = d.get(Schema.ID);
            signatures.put(id, decode(d.getBinaryValue(Schema.MINHASH)));
            published.put(id, d.get(Schema.PUBLISHED));
          });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    Clusters clusters = Clusters.of(MinHash.clusters(signatures), published, commit);
    clusters.write(folder.resolve(CLUSTERS_FILE));
    return clusters;
  }

  /**
   * Whether the clusters beside the store were computed from an older commit than its last (a
   * server stopped before its background recluster ran, or clusters written before they
   * recorded their commit); false when the store has no commit.
   */
  public static boolean clustersBehind(Path folder) throws IOException {
    Path index = folder.resolve("index");
    if (!Files.isDirectory(index)) {
      return false;
    }
    try (FSDirectory directory = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(directory)) {
        return false;
      }
      return Clusters.read(folder).commit() != org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(directory);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      writer.commit();
      refresh(); // keeps the totals of the segments this last commit made
    } finally {
      try {
        added.close();
      } finally {
        writer.close();
        directory.close();
      }
    }
  }

  private static org.apache.lucene.document.Document articleDoc(String id, Document doc, Map<String, Entity> entities) {
    Article a = doc.article();
    var d = new org.apache.lucene.document.Document();
    d.add(new StringField(Schema.KIND, Schema.ARTICLE, Field.Store.NO));
    d.add(new StringField(Schema.ID, id, Field.Store.YES));
    d.add(new StringField(Schema.ARTICLE_ID, id, Field.Store.NO));
    common(d, a);
    d.add(new TextField(Schema.TEXT, a.text(), Field.Store.YES));
    a.authors().forEach(x -> d.add(new TextField(Schema.AUTHOR, x, Field.Store.YES)));
    for (Entity e : doc.entities()) {
      String field = switch (e.type()) {
        case "PERSON" -> Schema.PERSON;
        case "ORGANIZATION" -> Schema.ORGANIZATION;
        case "LOCATION" -> Schema.LOCATION;
        default -> null;
      };
      if (field != null) {
        d.add(new TextField(Schema.ENTITY, e.name(), Field.Store.NO));
        d.add(new TextField(field, e.name(), Field.Store.NO));
        facet(d, field, e.name());
        e.aliases().forEach(alias -> d.add(new TextField(Schema.ENTITY, alias, Field.Store.NO)));
      }
    }
    for (Quote q : doc.quotes()) {
      d.add(new TextField(Schema.SPEAKER, speakerName(q, entities), Field.Store.NO));
      if (q.speakerEntity() != null && entities.containsKey(q.speakerEntity())) {
        facet(d, Schema.SPEAKER_FACET, entities.get(q.speakerEntity()).name());
      }
    }
    for (Credit c : a.credits()) {
      d.add(new TextField(Schema.CREDIT, c.name(), Field.Store.YES));
    }
    for (Claim c : doc.claims()) {
      if (c.checkworthy()) {
        d.add(new TextField(Schema.CLAIM, doc.text().slice(c.span()), Field.Store.NO));
      }
    }
    for (Technique t : doc.techniques()) {
      d.add(new StringField(Schema.TECHNIQUE, t.technique(), Field.Store.NO));
      facet(d, Schema.TECHNIQUE, t.technique());
    }
    if (doc.has(org.presslens.core.Layer.TECHNIQUES)) {
      d.add(new DoubleDocValuesField(Schema.TECHNIQUE_SHARE, org.presslens.core.report.TechniqueSummary.of(doc).coveredShare()));
    }
    Provenance p = doc.provenance();
    if (p != null) {
      p.flags().forEach(f -> d.add(new StringField(Schema.FLAG, f.type(), Field.Store.NO)));
      if (p.origin() != null) {
        d.add(new TextField(Schema.ORIGIN, p.origin().name(), Field.Store.NO));
        facet(d, Schema.ORIGIN, p.origin().name());
      }
    }
    for (Stance s : doc.stance()) {
      String field = s.polarity().equals("positive") ? Schema.PRAISED : s.polarity().equals("negative") ? Schema.CRITICISED : null;
      Entity e = entities.get(s.entity());
      if (field != null && e != null) {
        d.add(new TextField(field, e.name(), Field.Store.NO));
        facet(d, field, e.name());
      }
    }
    // Every article carries this facet, so that one with no other (no source, date or names)
    // is not taken for an article stored before facets existed.
    facet(d, Schema.KIND, Schema.ARTICLE);
    String source = a.source().domain() != null ? a.source().domain() : a.source().name();
    facet(d, Schema.SOURCE_FACET, source);
    if (a.published() != null && a.published().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      facet(d, Schema.DAY, a.published().substring(0, 10));
    }
    d.add(new StoredField(Schema.JSON, ContractJson.toJsonLine(doc)));
    d.add(new StoredField(Schema.MINHASH, encode(MinHash.signature(a.text()))));
    return d;
  }

  private static org.apache.lucene.document.Document quoteDoc(
      String articleId, Document doc, Quote q, Map<String, Entity> entities) {
    var d = new org.apache.lucene.document.Document();
    d.add(new StringField(Schema.KIND, Schema.QUOTE, Field.Store.NO));
    d.add(new StringField(Schema.ID, articleId + "/" + q.id(), Field.Store.YES));
    d.add(new StringField(Schema.ARTICLE_ID, articleId, Field.Store.YES));
    common(d, doc.article());
    StringBuilder content = new StringBuilder();
    for (Span s : q.content()) {
      content.append(content.isEmpty() ? "" : " … ").append(doc.text().slice(s));
    }
    d.add(new TextField(Schema.QUOTE_TEXT, content.toString(), Field.Store.YES));
    d.add(new StringField(Schema.QUOTE_KIND, q.kind(), Field.Store.YES));
    d.add(new TextField(Schema.SPEAKER, speakerName(q, entities), Field.Store.YES));
    if (q.speakerEntity() != null) {
      d.add(new StringField(Schema.SPEAKER_ENTITY, q.speakerEntity(), Field.Store.YES));
    }
    d.add(new StoredField(Schema.CUE, q.cue().text()));
    return d;
  }

  /** A facet value; none for an empty one. */
  private static void facet(org.apache.lucene.document.Document d, String dim, String value) {
    if (value != null && !value.isBlank()) {
      d.add(new SortedSetDocValuesFacetField(dim, value.strip()));
    }
  }

  /** Fields both kinds carry, so that quotes filter by source and date like articles. */
  private static void common(org.apache.lucene.document.Document d, Article a) {
    if (a.title() != null) {
      d.add(new TextField(Schema.TITLE, a.title(), Field.Store.YES));
    }
    String source = String.join(" ", java.util.stream.Stream.of(a.source().name(), a.source().domain())
        .filter(java.util.Objects::nonNull).toList());
    if (!source.isEmpty()) {
      d.add(new TextField(Schema.SOURCE, source, Field.Store.YES));
    }
    if (a.source().domain() != null) {
      d.add(new StringField(Schema.DOMAIN, a.source().domain(), Field.Store.YES));
    }
    if (a.published() != null && a.published().length() >= 10) {
      // The day only: ranges like [2005-01-01 TO 2005-03-31] compare as strings.
      String day = a.published().substring(0, 10);
      d.add(new StringField(Schema.PUBLISHED, day, Field.Store.YES));
      Integer number = Dates.number(day);
      if (number != null) {
        d.add(new IntPoint(Schema.PUBLISHED_DAY, number));
        d.add(new NumericDocValuesField(Schema.PUBLISHED_DAY, number));
      }
    }
    if (a.language() != null) {
      d.add(new StringField(Schema.LANGUAGE, a.language(), Field.Store.YES));
    }
    d.add(new StoredField("input", a.input()));
  }

  /** The name a quote's speaker goes by: the entity's name, else the words the text uses. */
  static String speakerName(Quote q, Map<String, Entity> entities) {
    if (q.speakerEntity() != null && entities.containsKey(q.speakerEntity())) {
      return entities.get(q.speakerEntity()).name();
    }
    return q.speaker() == null ? "" : q.speaker().text();
  }

  private static BytesRef encode(int[] signature) {
    ByteBuffer b = ByteBuffer.allocate(signature.length * 4);
    for (int v : signature) {
      b.putInt(v);
    }
    return new BytesRef(b.array());
  }

  static int[] decode(BytesRef ref) {
    ByteBuffer b = ByteBuffer.wrap(ref.bytes, ref.offset, ref.length);
    int[] sig = new int[ref.length / 4];
    for (int i = 0; i < sig.length; i++) {
      sig[i] = b.getInt();
    }
    return sig;
  }
}
