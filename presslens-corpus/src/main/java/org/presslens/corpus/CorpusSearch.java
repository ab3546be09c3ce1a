package org.presslens.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * Read-only search over a store's last commit, safe beside a running ingest. Queries use
 * Lucene's classic syntax over the fields of docs/CORPUS.md; bare words search the text.
 */
public final class CorpusSearch implements AutoCloseable {
  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer = Schema.analyzer();
  private final Path folder;
  private final Clusters clusters;
  /** Whether date ranges can run on the day's numbers: see {@link Dates#indexedAsNumbers}. */
  private final boolean daysAsNumbers;
  /** Shared by the searches of one commit: see {@link #facetState()} and {@link #wholeStore}. */
  private final CommitState commit;

  /**
   * What is computed once per commit and stays right until the store changes: the facets'
   * ordinal map (for the statistics of a query), the whole store's facet totals, and the
   * statistics of the whole store, kept for a server's later requests on the same snapshot.
   */
  private static final class CommitState {
    private static final int MAX_STATS = 64; // different (period, top, count) asked of one commit
    SortedSetDocValuesReaderState facetState;
    FacetTotals totals;
    final Map<List<Object>, CorpusStats> wholeStore = new java.util.concurrent.ConcurrentHashMap<>();
  }

  /** One matching article. */
  public record ArticleHit(String id, String title, String source, String published, String input, String snippet,
      float score, Clusters.Cluster cluster) {}

  /** One matching quote. */
  public record QuoteHit(String id, String articleId, String speaker, String kind, String cue, String text,
      String title, String source, String published, float score) {}

  /**
   * A search over {@code reader}; {@code directory} is closed with it unless it is null (a
   * {@link CorpusSearchManager}'s snapshots share the manager's).
   */
  CorpusSearch(Path folder, FSDirectory directory, DirectoryReader reader) throws IOException {
    this(folder, directory, reader, null);
  }

  /**
   * As above; {@code sameCommit}, when given, is a search of the same reader whose per-commit
   * state this one shares (a manager rereads the clusters of an unchanged commit).
   */
  CorpusSearch(Path folder, FSDirectory directory, DirectoryReader reader, CorpusSearch sameCommit) throws IOException {
    this.directory = directory;
    this.reader = reader;
    this.folder = folder;
    this.searcher = new IndexSearcher(reader);
    this.clusters = Clusters.read(folder);
    this.daysAsNumbers = Dates.indexedAsNumbers(reader);
    this.commit = sameCommit != null && sameCommit.reader == reader ? sameCommit.commit : new CommitState();
  }

  /** Opens the last commit of the store in {@code folder}; it fails, saying why, when there is none. */
  public static CorpusSearch open(Path folder) throws IOException {
    FSDirectory directory = openIndex(folder);
    try {
      return new CorpusSearch(folder, directory, DirectoryReader.open(directory));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The store's index directory, when it holds a commit; else an IOException that says what is missing. */
  static FSDirectory openIndex(Path folder) throws IOException {
    Path index = folder.resolve("index");
    if (!Files.isDirectory(index)) {
      throw new IOException(folder + ": no PressLens store here (run presslens ingest first)");
    }
    FSDirectory directory = FSDirectory.open(index);
    if (!DirectoryReader.indexExists(directory)) {
      directory.close();
      throw new IOException(folder + ": the store is empty");
    }
    return directory;
  }

  /** The index reader this search reads (its reference count is what a manager counts). */
  DirectoryReader reader() {
    return reader;
  }

  /** Number of articles in the commit this search reads. */
  public int articles() throws IOException {
    return searcher.count(kind(Schema.ARTICLE));
  }

  /** Articles matching a query, best first, with a highlighted snippet (matches in «»). */
  public List<ArticleHit> articles(String query, int limit) throws IOException {
    Query q = parse(query, Schema.TEXT, Schema.ARTICLE);
    TopDocs top = searcher.search(q, limit);
    UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new org.apache.lucene.search.uhighlight.DefaultPassageFormatter("«", "»", "… ", false))
        .withMaxLength(200_000)
        .build();
    String[] snippets = highlighter.highlight(Schema.TEXT, q, top, 1);
    StoredFields stored = reader.storedFields();
    List<ArticleHit> hits = new ArrayList<>();
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc sd = top.scoreDocs[i];
      var d = stored.document(sd.doc, Set.of(Schema.ID, Schema.TITLE, Schema.SOURCE, Schema.PUBLISHED, "input", Schema.TEXT));
      String snippet = snippets[i] != null ? snippets[i] : first(d.get(Schema.TEXT), 160);
      String id = d.get(Schema.ID);
      hits.add(new ArticleHit(id, d.get(Schema.TITLE), d.get(Schema.SOURCE), d.get(Schema.PUBLISHED), d.get("input"),
          snippet.replaceAll("\\s+", " ").strip(), sd.score, clusters.of(id)));
    }
    return hits;
  }

  /** Quotes matching a query (bare words search the quote text), best first. */
  public List<QuoteHit> quotes(String query, int limit) throws IOException {
    Query q = parse(query, Schema.QUOTE_TEXT, Schema.QUOTE);
    TopDocs top = searcher.search(q, limit);
    StoredFields stored = reader.storedFields();
    List<QuoteHit> hits = new ArrayList<>();
    for (ScoreDoc sd : top.scoreDocs) {
      var d = stored.document(sd.doc);
      hits.add(new QuoteHit(d.get(Schema.ID), d.get(Schema.ARTICLE_ID), d.get(Schema.SPEAKER), d.get(Schema.QUOTE_KIND),
          d.get(Schema.CUE), d.get(Schema.QUOTE_TEXT), d.get(Schema.TITLE), d.get(Schema.SOURCE), d.get(Schema.PUBLISHED),
          sd.score));
    }
    return hits;
  }

  /** The stored contract JSON of an article, or null. */
  public String json(String articleId) throws IOException {
    TopDocs top = searcher.search(new BooleanQuery.Builder()
        .add(kind(Schema.ARTICLE), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(Schema.ID, articleId)), BooleanClause.Occur.FILTER).build(), 1);
    return top.scoreDocs.length == 0 ? null : reader.storedFields().document(top.scoreDocs[0].doc).get(Schema.JSON);
  }

  /** The stored contract JSON of every article matching a query, one at a time. */
  public void eachMatch(String query, java.util.function.Consumer<String> json) throws IOException {
    eachStored(searcher, parse(query, Schema.TEXT, Schema.ARTICLE), Set.of(Schema.JSON), d -> json.accept(d.get(Schema.JSON)));
  }

  /** Every article's id and contract JSON, in index order, one at a time (the store may not fit in memory). */
  public void eachArticle(java.util.function.BiConsumer<String, String> idAndJson) throws IOException {
    eachStored(searcher, kind(Schema.ARTICLE), Set.of(Schema.ID, Schema.JSON),
        d -> idAndJson.accept(d.get(Schema.ID), d.get(Schema.JSON)));
  }

  /**
   * The stored fields of every live document a query matches, in index order, one at a time:
   * the one way this package walks many documents, with no result list held in memory.
   */
  static void eachStored(IndexSearcher searcher, Query query, Set<String> fields,
      java.util.function.Consumer<org.apache.lucene.document.Document> each) throws IOException {
    StoredFields stored = searcher.getIndexReader().storedFields();
    searcher.search(query, new org.apache.lucene.search.SimpleCollector() {
      private int docBase;

      @Override
      protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) {
        docBase = context.docBase;
      }

      @Override
      public void collect(int doc) throws IOException {
        each.accept(stored.document(docBase + doc, fields));
      }

      @Override
      public org.apache.lucene.search.ScoreMode scoreMode() {
        return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
      }
    });
  }

  /** The filter for one kind of document. */
  static Query kind(String kind) {
    return new TermQuery(new Term(Schema.KIND, kind));
  }

  /** The articles a query matches: the user's query (bare words search the text) on article documents. */
  Query articleQuery(String query) {
    return parse(query, Schema.TEXT, Schema.ARTICLE);
  }

  /** The matches of a query, collected for facet counting. */
  FacetsCollector collect(Query query) throws IOException {
    facetState(); // fails first on a store without facets
    return searcher.search(query, new FacetsCollectorManager());
  }

  /** Counts of every facet over collected matches. */
  Facets counts(FacetsCollector matches) throws IOException {
    return new SortedSetDocValuesFacetCounts(facetState(), matches);
  }

  /**
   * The facet totals of every live article, once per commit: each segment's totals from the file
   * the store keeps for it (counted and kept when there is none), less its deleted articles; see
   * {@link FacetTotals}. Fails, saying what to do, when some articles were stored without facets.
   */
  FacetTotals totals() throws IOException {
    synchronized (commit) {
      if (commit.totals == null) {
        FacetTotals totals = FacetTotals.of(folder, reader);
        if (totals.withoutFacets > 0) {
          requireFacets(); // says how many of the live articles
        }
        commit.totals = totals;
      }
      return commit.totals;
    }
  }

  /** The facets' ordinal map over this reader, built once (it costs a pass over the facet terms). */
  private SortedSetDocValuesReaderState facetState() throws IOException {
    synchronized (commit) {
      if (commit.facetState == null) {
        requireFacets();
        commit.facetState = new DefaultSortedSetDocValuesReaderState(reader, Schema.FACETS);
      }
      return commit.facetState;
    }
  }

  /**
   * The statistics of the whole store for one set of arguments, computed once per commit: the
   * store does not change under a reader, so the answer stays right until a newer commit's
   * search replaces this one. Two requests arriving together may both compute it.
   */
  CorpusStats wholeStore(List<Object> arguments, Io<CorpusStats> compute) throws IOException {
    CorpusStats known = commit.wholeStore.get(arguments);
    if (known != null) {
      return known;
    }
    CorpusStats computed = compute.get();
    if (commit.wholeStore.size() >= CommitState.MAX_STATS) {
      commit.wholeStore.clear(); // many different arguments: keep memory bounded, recompute
    }
    commit.wholeStore.put(arguments, computed);
    return computed;
  }

  /** A computation that may fail with an IOException. */
  interface Io<T> {
    T get() throws IOException;
  }

  /** Fails, saying what to do, when some articles were stored before the store had facets. */
  private void requireFacets() throws IOException {
    int without = searcher.count(new BooleanQuery.Builder()
        .add(kind(Schema.ARTICLE), BooleanClause.Occur.FILTER)
        .add(new FieldExistsQuery(FacetsConfig.DEFAULT_INDEX_FIELD_NAME),
            BooleanClause.Occur.MUST_NOT)
        .build());
    if (without > 0) {
      throw new IllegalStateException(without + " of " + articles() + " articles were stored by an older PressLens, "
          + "without the facets stats count; ingest them again into a new store "
          + "(presslens export --format jsonl > all.jsonl, then presslens ingest --store NEW all.jsonl)");
    }
  }

  public Clusters clusters() {
    return clusters;
  }

  /** The user's query restricted to one kind of document; a malformed query is an IllegalArgumentException. */
  private Query parse(String query, String defaultField, String kind) {
    QueryParser parser = new QueryParser(defaultField, analyzer) {
      @Override
      protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
          throws ParseException {
        Query days = field.equals(Schema.PUBLISHED) && daysAsNumbers ? Dates.range(part1, part2, startInclusive, endInclusive) : null;
        return days != null ? days : super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
      }
    };
    parser.setDefaultOperator(QueryParser.Operator.AND);
    Query user;
    try {
      user = query.isBlank() ? new org.apache.lucene.search.MatchAllDocsQuery() : parser.parse(query);
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot parse the query: " + e.getMessage().lines().findFirst().orElse(""), e);
    } catch (TooComplexToDeterminizeException e) {
      // Lucene compiles a regular expression or wildcard into an automaton when it parses the
      // query, and gives up past its work limit rather than exhaust memory.
      throw new IllegalArgumentException("the query is too complex to run: a regular expression or wildcard in it "
          + "needs more work than Lucene allows (" + Operations.DEFAULT_DETERMINIZE_WORK_LIMIT + " states); simplify it", e);
    } catch (IndexSearcher.TooManyClauses e) {
      throw new IllegalArgumentException("the query has too many clauses (Lucene allows "
          + IndexSearcher.getMaxClauseCount() + "); narrow it", e);
    }
    return new BooleanQuery.Builder()
        .add(user, BooleanClause.Occur.MUST)
        .add(kind(kind), BooleanClause.Occur.FILTER)
        .build();
  }

  private static String first(String text, int chars) {
    return text == null ? "" : text.length() <= chars ? text : text.substring(0, chars) + "…";
  }

  @Override
  public void close() throws IOException {
    reader.decRef();
    if (directory != null) {
      directory.close();
    }
  }
}
