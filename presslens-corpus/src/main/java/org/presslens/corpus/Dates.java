package org.presslens.corpus;

import java.io.IOException;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.Query;

/**
 * Ranges over the published day as numbers ({@link Schema#PUBLISHED_DAY}) rather than terms.
 * A term range such as {@code published:[2000-01-01 TO 2030-12-31]} visits the postings of
 * every day in it, so beside a rare word it still reads every dated document; as a point range
 * wrapped in {@link IndexOrDocValuesQuery}, Lucene checks only the word's matches' doc values.
 */
final class Dates {

  private Dates() {}

  /** The day {@code yyyy-mm-dd} as the number yyyymmdd (which orders as the string does), or null for anything else. */
  static Integer number(String day) {
    if (day == null || day.length() != 10 || day.charAt(4) != '-' || day.charAt(7) != '-') {
      return null;
    }
    int number = 0;
    for (int i = 0; i < 10; i++) {
      char c = day.charAt(i);
      if (i != 4 && i != 7) {
        if (c < '0' || c > '9') {
          return null;
        }
        number = 10 * number + (c - '0');
      }
    }
    return number;
  }

  /**
   * Whether every document of {@code reader} that has a published day has it as a number too.
   * A store written before the numbers existed (or added to since by this version) has
   * documents without them; there a range must stay a term range to find them all. Two counts
   * per segment, kept by Lucene: no document is read.
   */
  static boolean indexedAsNumbers(IndexReader reader) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms days = leaf.reader().terms(Schema.PUBLISHED);
      PointValues numbers = leaf.reader().getPointValues(Schema.PUBLISHED_DAY);
      if ((days == null ? 0 : days.getDocCount()) != (numbers == null ? 0 : numbers.getDocCount())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The range as numbers, or null when a bound is not a whole day ({@code 2005-03}, a time),
   * which only the term range reads as the user meant. A null or {@code *} bound is open.
   */
  static Query range(String from, String to, boolean fromInclusive, boolean toInclusive) {
    int lo = Integer.MIN_VALUE;
    int hi = Integer.MAX_VALUE;
    if (from != null && !from.equals("*")) {
      Integer n = number(from);
      if (n == null) {
        return null;
      }
      lo = fromInclusive ? n : n + 1; // no day is numbered between two days' numbers
    }
    if (to != null && !to.equals("*")) {
      Integer n = number(to);
      if (n == null) {
        return null;
      }
      hi = toInclusive ? n : n - 1;
    }
    return new IndexOrDocValuesQuery(IntPoint.newRangeQuery(Schema.PUBLISHED_DAY, lo, hi),
        NumericDocValuesField.newSlowRangeQuery(Schema.PUBLISHED_DAY, lo, hi));
  }
}
