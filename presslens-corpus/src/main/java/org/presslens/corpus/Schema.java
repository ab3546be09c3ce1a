package org.presslens.corpus;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.facet.FacetsConfig;

/**
 * The fields of the store; docs/CORPUS.md explains each. Two kinds of Lucene document share the
 * index: one per article ({@code kind:article}) and one per quote ({@code kind:quote}), so that
 * a quote search returns quotes with their speaker, not the articles around them.
 */
final class Schema {
  private Schema() {}

  static final String KIND = "kind";
  static final String ARTICLE = "article";
  static final String QUOTE = "quote";

  // Both kinds
  static final String ID = "id";
  static final String ARTICLE_ID = "article_id";
  static final String TITLE = "title";
  static final String SOURCE = "source";
  static final String DOMAIN = "domain";
  static final String PUBLISHED = "published";
  /**
   * The published day as the number yyyymmdd, indexed as a point and kept as a doc value, so
   * that a range on {@link #PUBLISHED} runs as a point range or, beside a selective clause, as a
   * check of each candidate's doc value ({@code IndexOrDocValuesQuery}); numbers compare as the
   * day strings do. A field of its own: Lucene lets a field be indexed one way across an index,
   * and stores written before it hold {@code published} as terms only.
   */
  static final String PUBLISHED_DAY = "published_day";
  static final String LANGUAGE = "language";
  static final String SPEAKER = "speaker";

  // Articles
  static final String TEXT = "text";
  static final String AUTHOR = "author";
  static final String ENTITY = "entity";
  static final String PERSON = "person";
  static final String ORGANIZATION = "organization";
  static final String LOCATION = "location";
  static final String CREDIT = "credit";
  static final String CLAIM = "claim";
  static final String TECHNIQUE = "technique";
  static final String FLAG = "flag";
  static final String ORIGIN = "origin";
  static final String PRAISED = "praised";
  static final String CRITICISED = "criticised";
  static final String JSON = "json";
  static final String MINHASH = "minhash";

  // Quotes
  static final String QUOTE_TEXT = "quote";
  static final String QUOTE_KIND = "quote_kind";
  static final String SPEAKER_ENTITY = "speaker_entity";
  static final String CUE = "cue";

  // Article facets (Lucene sorted-set doc values, in FacetsConfig's own field): what stats and
  // the API's facets count, without reading the stored JSON. Each counts articles.
  static final String DAY = "day";
  static final String SOURCE_FACET = SOURCE; // domain, else name
  static final String SPEAKER_FACET = SPEAKER; // resolved speakers quoted
  static final String TECHNIQUE_SHARE = "technique_share"; // numeric doc values: a double's bits
  static final FacetsConfig FACETS = facetsConfig();

  private static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    for (String dim : List.of(SPEAKER, PERSON, ORGANIZATION, LOCATION, TECHNIQUE, PRAISED, CRITICISED)) {
      config.setMultiValued(dim, true);
    }
    return config;
  }

  /** Exact-match fields get the keyword analyzer, so queries match them as stored. */
  static Analyzer analyzer() {
    Analyzer keyword = new KeywordAnalyzer();
    return new PerFieldAnalyzerWrapper(
        new StandardAnalyzer(),
        Map.of(
            KIND, keyword, ID, keyword, ARTICLE_ID, keyword, DOMAIN, keyword, PUBLISHED, keyword,
            LANGUAGE, keyword, TECHNIQUE, keyword, FLAG, keyword, QUOTE_KIND, keyword, SPEAKER_ENTITY, keyword));
  }
}
