package org.presslens.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.core.Quote;
import org.presslens.core.Source;
import org.presslens.core.Span;
import org.presslens.core.Text;

/** The store without the NLP stages: documents with hand-made layers. */
class CorpusStoreTest {
  @TempDir Path dir;

  private static Document doc(String url, String published, String domain, String text, String speaker, String said) {
    return doc(url, published, domain, text, speaker, said, List.of());
  }

  /** As above, with more entities, named in the text, after the speaker's. */
  private static Document doc(String url, String published, String domain, String text, String speaker, String said,
      List<String> organisations) {
    Article a = new Article("in-" + url, text, "Title " + url, List.of("Ann Writer"), published, "en",
        new Source("Example News", domain, url), List.of());
    Document d = new Document(a);
    Text t = d.text();
    int s = text.indexOf(speaker);
    int q = text.indexOf(said);
    Mention name = new Mention(t.spanOfChars(s, s + speaker.length()), speaker);
    List<Entity> entities = new java.util.ArrayList<>(List.of(new Entity("e1", "PERSON", speaker, List.of(name))));
    for (String o : organisations) {
      int at = text.indexOf(o);
      entities.add(new Entity("e" + (entities.size() + 1), "ORGANIZATION", o,
          List.of(new Mention(t.spanOfChars(at, at + o.length()), o))));
    }
    d.setEntities(entities);
    int cue = text.indexOf("said");
    d.setQuotes(List.of(new Quote("q1", "indirect", List.of(t.spanOfChars(q, q + said.length())),
        new Mention(new Span(cue, cue + 4), "said"), name, "e1")));
    return d;
  }

  @Test
  void statsOfAStoreLeftEmptyByAnAbortedIngestAreZero() throws Exception {
    CorpusStore.open(dir).close(); // an ingest that stopped before its first article
    try (CorpusSearch search = CorpusSearch.open(dir)) {
      CorpusStats stats = CorpusStats.of(search, "", "month", 10);
      assertThat(stats.articles()).isZero();
      assertThat(stats.periods()).isEmpty();
      assertThat(stats.tops().get("speakers")).isEmpty();
      assertThatThrownBy(() -> CorpusStats.of(search, "title:(unclosed", "month", 10))
          .isInstanceOf(IllegalArgumentException.class); // the query is still checked
    }
  }

  @Test
  void aSecondWriterIsToldTheStoreIsBusyAndAFullDiskIsRecognised() throws Exception {
    try (CorpusStore first = CorpusStore.open(dir)) {
      assertThatThrownBy(() -> CorpusStore.open(dir)).isInstanceOf(CorpusStore.StoreBusyException.class)
          .hasMessage("the store at " + dir + " is being written by another process (an ingest, or a server taking "
              + "ingests); try again when it has finished");
    }
    CorpusStore.open(dir).close(); // free again once the first has closed
    // Linux's /dev/full fails every write with ENOSPC, as a full disk does.
    Path full = Path.of("/dev/full");
    if (java.nio.file.Files.isWritable(full)) {
      java.io.IOException enospc = null;
      try (var out = java.nio.file.Files.newOutputStream(full)) {
        out.write(new byte[1 << 16]);
        out.flush();
      } catch (java.io.IOException e) {
        enospc = e;
      }
      assertThat(enospc).isNotNull();
      assertThat(CorpusStore.isDiskFull(enospc)).isTrue();
      assertThat(CorpusStore.isDiskFull(new IllegalStateException("this IndexWriter is closed", enospc))).isTrue();
    }
    assertThat(CorpusStore.isDiskFull(new java.io.IOException("Permission denied"))).isFalse();
  }

  @Test
  void aQueryTooComplexForLuceneIsTheUsersErrorInOneLine() throws Exception {
    String text = "Patricia Hewitt said the harbour would reopen in spring after the storm damage was repaired.";
    try (CorpusStore store = CorpusStore.open(dir)) {
      store.add(doc("https://example.org/a", "2005-02-01", "example.org", text, "Patricia Hewitt", "the harbour would reopen"));
    }
    try (CorpusSearch search = CorpusSearch.open(dir)) {
      for (String query : List.of("/(a|b)*a(a|b){20}/", "speaker:/(a|b)*a(a|b){24}/ AND harbour")) {
        assertThatThrownBy(() -> search.articles(query, 10)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("too complex").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> search.quotes(query, 10)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("too complex");
      }
      assertThat(search.articles("/harb.*/", 10)).hasSize(1); // a simple one still runs
    }
  }

  @Test
  void addingTwiceStoresOnceAndSearchesByField() throws Exception {
    String text1 = "Patricia Hewitt said the harbour would reopen in spring after the storm damage was repaired.";
    String text2 = "Mark Dobson said the union would strike again if the pay offer was not improved this year.";
    try (CorpusStore store = CorpusStore.open(dir)) {
      store.add(doc("https://example.org/a", "2005-02-01", "example.org", text1, "Patricia Hewitt", "the harbour would reopen in spring"));
      store.add(doc("https://example.org/a?utm_source=x", "2005-02-01", "example.org", text1, "Patricia Hewitt", "the harbour would reopen in spring"));
      store.add(doc("https://other.net/b", "2005-06-01", "other.net", text2, "Mark Dobson", "the union would strike again"));
      assertThat(store.size()).isEqualTo(2);
    }
    try (CorpusSearch search = CorpusSearch.open(dir)) {
      assertThat(search.articles()).isEqualTo(2);
      assertThat(search.articles("harbour", 10)).hasSize(1).first()
          .satisfies(h -> assertThat(h.snippet()).contains("«harbour»"));
      assertThat(search.articles("speaker:\"Patricia Hewitt\"", 10)).hasSize(1);
      assertThat(search.articles("person:Dobson", 10)).hasSize(1);
      assertThat(search.articles("domain:other.net", 10)).hasSize(1);
      assertThat(search.articles("source:example.org", 10)).hasSize(1);
      assertThat(search.articles("published:[2005-01-01 TO 2005-03-31]", 10)).extracting(CorpusSearch.ArticleHit::published)
          .containsExactly("2005-02-01");
      List<CorpusSearch.QuoteHit> quotes = search.quotes("speaker:Dobson", 10);
      assertThat(quotes).hasSize(1);
      assertThat(quotes.get(0).text()).isEqualTo("the union would strike again");
      assertThat(quotes.get(0).cue()).isEqualTo("said");
      assertThat(search.json(quotes.get(0).articleId())).contains("\"quotes\"");
      assertThatThrownBy(() -> search.articles("title:(", 10)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void dateRangesRunOnTheDaysNumbersAndAStoreWrittenBeforeThemAnswersTheSame() throws Exception {
    String text = "Patricia Hewitt said the harbour would reopen in spring after the storm damage was repaired.";
    List<String> days = List.of("2004-12-31", "2005-01-31", "2005-02-01", "2005-02-28", "2005-03-31", "2005-04-01");
    Path current = dir.resolve("current");
    try (CorpusStore store = CorpusStore.open(current)) {
      for (String day : days) {
        store.add(doc("https://example.org/" + day, day, "example.org", text, "Patricia Hewitt", "the harbour would reopen"));
      }
      store.add(doc("https://example.org/undated", null, "example.org", text, "Patricia Hewitt", "the harbour would reopen"));
    }
    // A store as the version before wrote it: the day as a keyword term only, no number.
    Path older = dir.resolve("older");
    try (var directory = org.apache.lucene.store.FSDirectory.open(older.resolve("index"));
        var writer = new org.apache.lucene.index.IndexWriter(directory,
            new org.apache.lucene.index.IndexWriterConfig(Schema.analyzer()))) {
      for (String day : days) {
        var d = new org.apache.lucene.document.Document();
        d.add(new org.apache.lucene.document.StringField(Schema.KIND, Schema.ARTICLE, org.apache.lucene.document.Field.Store.NO));
        d.add(new org.apache.lucene.document.StringField(Schema.ID, "old-" + day, org.apache.lucene.document.Field.Store.YES));
        d.add(new org.apache.lucene.document.StringField(Schema.PUBLISHED, day, org.apache.lucene.document.Field.Store.YES));
        d.add(new org.apache.lucene.document.TextField(Schema.TEXT, text, org.apache.lucene.document.Field.Store.YES));
        writer.addDocument(d);
      }
    }
    List<String> queries = List.of("published:[2005-02-01 TO 2005-03-31]", "published:{2005-02-01 TO 2005-03-31}",
        "published:[* TO 2005-02-01]", "published:{2005-01-31 TO *]", "published:[* TO *]",
        "harbour AND published:[2000-01-01 TO 2030-12-31]", "published:2005-02-01",
        "published:[2005-02 TO 2005-03]"); // months are no whole days: a term range, compared as strings
    try (CorpusSearch numbers = CorpusSearch.open(current); CorpusSearch terms = CorpusSearch.open(older)) {
      assertThat(numbers.articleQuery("published:[2005-02-01 TO 2005-03-31]").toString()).contains(Schema.PUBLISHED_DAY);
      assertThat(terms.articleQuery("published:[2005-02-01 TO 2005-03-31]").toString()).doesNotContain(Schema.PUBLISHED_DAY);
      for (String query : queries) {
        assertThat(days(numbers, query)).as(query).isEqualTo(days(terms, query)).isNotEmpty();
      }
      assertThat(days(numbers, "published:{2005-01-31 TO 2005-03-31}")).containsExactly("2005-02-01", "2005-02-28");
    }
    // The older store, added to by this version: its old articles have no numbers, so ranges stay
    // term ranges, and find old and new articles alike.
    try (CorpusStore store = CorpusStore.open(older)) {
      store.add(doc("https://example.org/new", "2005-03-15", "example.org", text, "Patricia Hewitt", "the harbour would reopen"));
    }
    try (CorpusSearch mixed = CorpusSearch.open(older)) {
      assertThat(mixed.articleQuery("published:[2005-02-01 TO 2005-03-31]").toString()).doesNotContain(Schema.PUBLISHED_DAY);
      assertThat(days(mixed, "published:[2005-02-01 TO 2005-03-31]"))
          .containsExactly("2005-02-01", "2005-02-28", "2005-03-15", "2005-03-31");
    }
  }

  @Test
  void wholeStoreStatsAreComputedOncePerCommitAndFollowANewOne() throws Exception {
    String text = "Patricia Hewitt said the harbour would reopen in spring after the storm damage was repaired.";
    try (CorpusStore store = CorpusStore.open(dir)) {
      store.add(doc("https://example.org/a", "2005-02-01", "example.org", text, "Patricia Hewitt", "the harbour would reopen"));
      store.add(doc("https://other.net/b", "2005-03-01", "other.net", text, "Patricia Hewitt", "the harbour would reopen"));
    }
    try (CorpusSearchManager manager = CorpusSearchManager.open(dir)) {
      CorpusSearch search = manager.acquire();
      CorpusStats first;
      try {
        first = CorpusStats.of(search, "", "month", 10);
        assertThat(first.articles()).isEqualTo(2);
        assertThat(CorpusStats.of(search, "", "month", 10)).isSameAs(first);
        assertThat(CorpusStats.of(search, "", "day", 10)).isNotSameAs(first).satisfies(d -> assertThat(d.periods()).hasSize(2));
        assertThat(CorpusStats.of(search, "harbour", "month", 10)).isNotSameAs(first); // a query is counted each time
      } finally {
        manager.release(search);
      }
      try (CorpusStore store = CorpusStore.open(dir)) {
        store.add(doc("https://third.org/c", "2005-04-01", "third.org", text, "Patricia Hewitt", "the harbour would reopen"));
      }
      manager.maybeRefreshBlocking();
      search = manager.acquire();
      try {
        CorpusStats after = CorpusStats.of(search, "", "month", 10);
        assertThat(after.articles()).isEqualTo(3);
        assertThat(after.periods()).containsOnlyKeys("2005-02", "2005-03", "2005-04");
      } finally {
        manager.release(search);
      }
    }
  }

  private static List<String> days(CorpusSearch search, String query) throws java.io.IOException {
    return search.articles(query, 100).stream().map(CorpusSearch.ArticleHit::published).sorted().toList();
  }

  @Test
  void containsAndSizeHoldBeforeAndAfterCommitsAcrossThreadsAndReopening() throws Exception {
    String text = "Patricia Hewitt said the harbour would reopen in spring after the storm damage was repaired.";
    // More distinct ids than one commit holds, each added from one of four threads, a third of them twice:
    // ids added during a commit's reader refresh must neither be lost nor counted twice.
    int distinct = CorpusStore.COMMIT_EVERY * 3 + 7;
    List<String> urls = new java.util.ArrayList<>();
    for (int i = 0; i < distinct; i++) {
      urls.add("https://example.org/" + i);
    }
    for (int i = 0; i < distinct; i += 3) {
      urls.add("https://example.org/" + i + "?utm_source=again"); // the same article id
    }
    java.util.Collections.shuffle(urls, new java.util.Random(7));
    try (CorpusStore store = CorpusStore.open(dir)) {
      String first = org.presslens.core.ArticleId.of(doc(urls.get(0), "2005-02-01", "example.org", text, "Patricia Hewitt",
          "the harbour would reopen").article());
      assertThat(store.contains(first)).isFalse();
      var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<Boolean>> seen = new java.util.ArrayList<>();
        for (String url : urls) {
          seen.add(pool.submit(() -> {
            Document d = doc(url, "2005-02-01", "example.org", text, "Patricia Hewitt", "the harbour would reopen");
            store.add(d);
            return store.contains(org.presslens.core.ArticleId.of(d.article())); // its own add is seen at once
          }));
        }
        for (var f : seen) {
          assertThat(f.get()).isTrue();
        }
      } finally {
        pool.shutdown();
      }
      assertThat(store.size()).isEqualTo(distinct);
      assertThat(store.contains(first)).isTrue();
      assertThat(store.contains("u0000000000000000")).isFalse();
    }
    try (CorpusStore store = CorpusStore.open(dir)) {
      assertThat(store.size()).isEqualTo(distinct);
      for (int i = 0; i < distinct; i++) {
        String id = org.presslens.core.ArticleId.of(doc("https://example.org/" + i, "2005-02-01", "example.org", text,
            "Patricia Hewitt", "the harbour would reopen").article());
        assertThat(store.contains(id)).as(id).isTrue();
      }
      // A quote's document carries ARTICLE/q1 as its id: it is no article.
      String quoteId = org.presslens.core.ArticleId.of(doc("https://example.org/0", "2005-02-01", "example.org", text,
          "Patricia Hewitt", "the harbour would reopen").article()) + "/q1";
      assertThat(store.contains(quoteId)).isFalse();
      store.add(doc("https://example.org/0", "2005-02-02", "example.org", text, "Patricia Hewitt", "the harbour would reopen"));
      assertThat(store.size()).isEqualTo(distinct); // a replacement, not a new article
    }
    try (CorpusSearch search = CorpusSearch.open(dir)) {
      assertThat(search.articles()).isEqualTo(distinct);
    }
  }

  @Test
  void statsComeFromFacetsAndFollowTheQuery() throws Exception {
    String text1 = "Patricia Hewitt said the harbour would reopen in spring after the storm damage was repaired.";
    String text2 = "Mark Dobson said the union would strike again if the pay offer was not improved this year.";
    String text3 = "Patricia Hewitt said the ferries would run on Sunday as the weather cleared over the bay.";
    try (CorpusStore store = CorpusStore.open(dir)) {
      store.add(doc("https://example.org/a", "2005-02-01", "example.org", text1, "Patricia Hewitt", "the harbour would reopen in spring"));
      store.add(doc("https://example.org/c", "2005-02-20", "example.org", text3, "Patricia Hewitt", "the ferries would run on Sunday"));
      store.commit();
      // Replaced: the first copy stays in its segment, marked deleted, and must not be counted.
      store.add(doc("https://example.org/c", "2005-02-20", "example.org", text3, "Patricia Hewitt", "the ferries would run on Sunday"));
      store.add(doc("https://other.net/b", null, "other.net", text2, "Mark Dobson", "the union would strike again"));
      // Nothing to facet but the article itself: no source, no date, no entity.
      Article bare = new Article("in-bare", "Rain fell.", null, List.of(), null, null, new Source(null, null, null), List.of());
      store.add(new Document(bare));
      // A date of the right shape that is no date: undated, not a period.
      Article badDate = new Article("in-bad", "Snow fell.", null, List.of(), "2005-13-45", null, new Source(null, null, null), List.of());
      store.add(new Document(badDate));
    }
    try (CorpusSearch search = CorpusSearch.open(dir)) {
      CorpusStats all = CorpusStats.of(search, "", "month", 10);
      assertThat(all.articles()).isEqualTo(5);
      assertThat(all.undated()).isEqualTo(3);
      assertThat(all.periods()).containsExactly(java.util.Map.entry("2005-02", 2));
      assertThat(all.tops().get("sources")).containsExactly(java.util.Map.entry("example.org", 2), java.util.Map.entry("other.net", 1));
      assertThat(all.tops().get("speakers")).containsExactly(java.util.Map.entry("Patricia Hewitt", 2), java.util.Map.entry("Mark Dobson", 1));
      assertThat(all.tops().get("people")).containsKeys("Patricia Hewitt", "Mark Dobson");
      assertThat(all.sources().get("example.org").articles()).isEqualTo(2);
      assertThat(all.sources().get("example.org").techniqueShare()).isNull(); // no techniques layer in these documents
      // The whole store is counted without a query; a query matching everything gives the same.
      assertThat(all).isEqualTo(CorpusStats.of(search, "*:*", "month", 10));

      CorpusStats one = CorpusStats.of(search, "harbour", "day", 10);
      assertThat(one.articles()).isEqualTo(1);
      assertThat(one.periods()).containsExactly(java.util.Map.entry("2005-02-01", 1));
      assertThat(one.tops().get("sources")).containsOnlyKeys("example.org");

      CorpusStats quotes = CorpusStats.of(search, "", "month", 10, "quotes:Patricia Hewitt");
      assertThat(quotes.periods()).containsExactly(java.util.Map.entry("2005-02", 2));
      assertThatThrownBy(() -> CorpusStats.of(search, "", "year", 10)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * An article with every facet whole-store stats profile: a speaker, techniques covering some
   * of its words (a technique share), an entity praised and one criticised, and an origin.
   */
  private static Document profiled(String url, String published, String domain, String speaker, int loaded, String origin) {
    String text = speaker + " said the harbour would reopen in spring after the storm damage was repaired by crews from "
        + "the Port Authority and the Royal Navy, while critics called the delay a scandal.";
    Document d = doc(url, published, domain, text, speaker, "the harbour would reopen in spring",
        List.of("Royal Navy", "Port Authority"));
    Text t = d.text();
    List<org.presslens.core.Token> tokens = new java.util.ArrayList<>();
    java.util.regex.Matcher word = java.util.regex.Pattern.compile("\\S+").matcher(text);
    while (word.find()) {
      tokens.add(new org.presslens.core.Token(t.spanOfChars(word.start(), word.end()), word.group(), "NN", "O", 0));
    }
    d.setTokens(tokens);
    List<org.presslens.core.Technique> techniques = new java.util.ArrayList<>();
    for (int i = 0; i < loaded; i++) { // the first `loaded` words, one span each: shares like 3/31 that no double holds exactly
      techniques.add(new org.presslens.core.Technique(i % 2 == 0 ? "Loaded_Language" : "Doubt", tokens.get(i).span(), 0.9, null));
    }
    d.setTechniques(techniques);
    d.setStance(List.of(new org.presslens.core.Stance("e2", null, "positive", 0.8, List.of()),
        new org.presslens.core.Stance("e3", null, "negative", 0.7, List.of())));
    if (origin != null) {
      d.setProvenance(new org.presslens.core.Provenance(null, new org.presslens.core.Provenance.Party(origin, null, "credit", null),
          List.of(), ""));
    }
    return d;
  }

  private static CorpusStats wholeStore(Path store) throws java.io.IOException {
    try (CorpusSearch search = CorpusSearch.open(store)) {
      CorpusStats whole = CorpusStats.of(search, "", "month", 10);
      // The whole store from its kept totals equals a query matching every article, counted from
      // the index: every count, every top list, and each source's mean technique share to the last bit.
      assertThat(whole).isEqualTo(CorpusStats.of(search, "*:*", "month", 10));
      assertThat(CorpusStats.of(search, "", "day", 3)).isEqualTo(CorpusStats.of(search, "*:*", "day", 3));
      return whole;
    }
  }

  private static List<Path> totalsFiles(Path store) throws java.io.IOException {
    try (var files = java.nio.file.Files.list(store.resolve(FacetTotals.FOLDER))) {
      return files.sorted().toList();
    }
  }

  @Test
  void wholeStoreStatsFromKeptTotalsFollowReplacementReopeningAndMissingOrDamagedTotals() throws Exception {
    String[] domains = {"north.example", "south.example", "east.example", "west.example"};
    int n = 2 * CorpusStore.COMMIT_EVERY + 30; // several commits, so several segments
    try (CorpusStore store = CorpusStore.open(dir)) {
      for (int i = 0; i < n; i++) {
        store.add(profiled("https://" + domains[i % 4] + "/" + i, String.format("2005-%02d-%02d", 1 + i % 12, 1 + i % 28),
            domains[i % 4], i % 3 == 0 ? "Patricia Hewitt" : "Mark Dobson", i % 7, i % 5 == 0 ? "Reuters" : null));
      }
    }
    assertThat(totalsFiles(dir)).isNotEmpty(); // the writer kept them at its commits
    CorpusStats first = wholeStore(dir);
    assertThat(first.articles()).isEqualTo(n);
    assertThat(first.tops().get("sources")).containsEntry("north.example", 58).containsEntry("west.example", 57);
    CorpusStats.SourceProfile north = first.sources().get("north.example");
    assertThat(north.techniqueShare()).isNotNull().isPositive();
    assertThat(north.portraysPositively()).containsEntry("Royal Navy", 58);
    assertThat(north.republishesFrom()).containsEntry("Reuters", 12); // i = 0, 20, 40, … below 230

    // Replaced by id (the same URL), in an older segment and after reopening: the old copy's
    // source, day, speaker and share must leave the totals; a new source joins them.
    try (CorpusStore store = CorpusStore.open(dir)) {
      for (int i = 0; i < 40; i += 4) { // ten articles of north.example move to a new day, speaker and share
        store.add(profiled("https://north.example/" + i, "2006-06-06", "north.example", "Ann Lee", 1, null));
      }
      store.add(profiled("https://new.example/1", "2006-06-07", "new.example", "Ann Lee", 2, null));
    }
    CorpusStats replaced = wholeStore(dir);
    assertThat(replaced.articles()).isEqualTo(n + 1);
    assertThat(replaced.tops().get("sources")).containsEntry("north.example", 58).containsEntry("new.example", 1);
    assertThat(replaced.periods()).containsEntry("2006-06", 11);
    assertThat(replaced.tops().get("speakers")).containsEntry("Ann Lee", 11);
    assertThat(replaced.sources().get("north.example").republishesFrom()).containsEntry("Reuters", 10); // 0 and 20 replaced without an origin
    assertThat(replaced.sources().get("north.example").techniqueShare()).isNotEqualTo(north.techniqueShare());

    // A store written before the totals existed (or a crash after a commit, before its totals
    // were written): counted from the index, and kept for the next time.
    org.apache.lucene.util.IOUtils.rm(dir.resolve(FacetTotals.FOLDER));
    assertThat(wholeStore(dir)).isEqualTo(replaced);
    List<Path> kept = totalsFiles(dir);
    assertThat(kept).isNotEmpty();

    // A damaged file (a disk error, a torn copy), a damaged source section, and a file of a segment
    // no commit holds: the first is counted again and rewritten, the second's source counted again
    // from its segment, the third ignored, then removed by the writer's next commit.
    java.nio.file.Files.write(kept.get(0), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
    byte[] sectionHit = java.nio.file.Files.readAllBytes(kept.get(kept.size() - 1)); // a source's section, past the header
    sectionHit[sectionHit.length - 1] ^= 0x5a;
    java.nio.file.Files.write(kept.get(kept.size() - 1), sectionHit);
    Path foreign = dir.resolve(FacetTotals.FOLDER).resolve("_zz-0123456789abcdef.totals");
    java.nio.file.Files.copy(kept.get(kept.size() - 1), foreign);
    assertThat(wholeStore(dir)).isEqualTo(replaced);
    assertThat(java.nio.file.Files.size(kept.get(0))).isGreaterThan(13);
    try (CorpusStore store = CorpusStore.open(dir)) {
      store.add(profiled("https://south.example/new", "2007-01-01", "south.example", "Ann Lee", 3, null));
    }
    assertThat(foreign).doesNotExist();
    assertThat(wholeStore(dir).articles()).isEqualTo(n + 2);
  }

  @Test
  void statsOfAStoreWithArticlesStoredBeforeFacetsSayHowToReingest() throws Exception {
    // Two articles as a version before facets wrote them, then one by this version.
    try (var directory = org.apache.lucene.store.FSDirectory.open(dir.resolve("index"));
        var writer = new org.apache.lucene.index.IndexWriter(directory,
            new org.apache.lucene.index.IndexWriterConfig(Schema.analyzer()))) {
      for (String id : List.of("old-1", "old-2")) {
        var d = new org.apache.lucene.document.Document();
        d.add(new org.apache.lucene.document.StringField(Schema.KIND, Schema.ARTICLE, org.apache.lucene.document.Field.Store.NO));
        d.add(new org.apache.lucene.document.StringField(Schema.ID, id, org.apache.lucene.document.Field.Store.YES));
        writer.addDocument(d);
      }
    }
    try (CorpusStore store = CorpusStore.open(dir)) {
      store.add(profiled("https://north.example/1", "2005-01-01", "north.example", "Ann Lee", 2, null));
    }
    try (CorpusSearch search = CorpusSearch.open(dir)) {
      for (String query : List.of("", "*:*")) {
        assertThatThrownBy(() -> CorpusStats.of(search, query, "month", 10)).isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("2 of 3 articles were stored by an older PressLens").hasMessageContaining("presslens ingest");
      }
    }
  }

  @Test
  void anExactSumDoesNotDependOnTheOrderOfItsTerms() {
    double[] terms = {1e16, 1.0, -1e16, 0.1, 0.2, 0.3, 3.0 / 31, 1e-16, 2.0 / 7, -0.1};
    ExactSum forward = new ExactSum();
    ExactSum backward = new ExactSum();
    for (int i = 0; i < terms.length; i++) {
      forward.add(terms[i]);
      backward.add(terms[terms.length - 1 - i]);
    }
    assertThat(forward.value()).isEqualTo(backward.value())
        .isEqualTo(new java.math.BigDecimal(1.0).add(new java.math.BigDecimal(0.2)).add(new java.math.BigDecimal(0.3))
            .add(new java.math.BigDecimal(3.0 / 31)).add(new java.math.BigDecimal(1e-16)).add(new java.math.BigDecimal(2.0 / 7))
            .doubleValue());
    ExactSum less = ExactSum.of(forward.partials());
    less.add(backward, -1);
    assertThat(less.value()).isZero();
    assertThat(new ExactSum().value()).isZero();
  }

  @Test
  void clustersMarkTheEarliestPublishedAsOriginal() throws Exception {
    String story = MinHashTest.article(42, 300);
    try (CorpusStore store = CorpusStore.open(dir)) {
      store.add(doc("https://copy.net/1", "2020-03-05", "copy.net", "Anna Lee said it was fine. " + story, "Anna Lee", "it was fine"));
      store.add(doc("https://first.org/1", "2020-03-01", "first.org", "Anna Lee said it was fine. " + story + " More.", "Anna Lee", "it was fine"));
      store.add(doc("https://else.org/1", "2020-03-02", "else.org", "Anna Lee said it was fine. " + MinHashTest.article(43, 300), "Anna Lee", "it was fine"));
      Clusters clusters = store.recluster();
      assertThat(clusters.all()).hasSize(1);
      Clusters.Cluster c = clusters.all().get(0);
      assertThat(c.members()).hasSize(2);
      assertThat(c.original()).isEqualTo(org.presslens.core.ArticleId.of(
          new Article("x", "", null, List.of(), null, null, new Source(null, null, "https://first.org/1"), List.of())));
    }
    assertThat(Clusters.read(dir).all()).hasSize(1);
  }
}
