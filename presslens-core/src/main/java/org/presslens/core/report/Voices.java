package org.presslens.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Quote;
import org.presslens.core.Span;
import org.presslens.core.Token;

/**
 * Who speaks in an article and how much: each speaker with their quotes and the words attributed
 * to them, and the share of the article's words that are quoted or reported speech rather than
 * the reporter's own.
 *
 * <p>Quotes of one entity are one voice whatever mention named them ("Jane Doe", "she", "the
 * minister"); a speaker without an entity is a voice by what the text calls it ("officials");
 * a quote without a speaker belongs to "(unattributed)".
 */
public final class Voices {
  /** The label of quotes that have no speaker. */
  public static final String UNATTRIBUTED = "(unattributed)";
  /** Who speaks outside quotes: what the reporter says in their own voice. */
  public static final String REPORTER = "the article";

  /** One speaker: a display name, the entity id if resolved, the quotes, and their words. */
  public record Voice(String name, String entity, List<Quote> quotes, int words) {}

  private final List<Voice> voices;
  private final Map<String, String> speakerOfQuote = new java.util.HashMap<>();
  private final int quotedWords;
  private final int totalWords;

  private Voices(List<Voice> voices, int quotedWords, int totalWords) {
    this.voices = voices;
    voices.forEach(v -> v.quotes().forEach(q -> speakerOfQuote.put(q.id(), v.name())));
    this.quotedWords = quotedWords;
    this.totalWords = totalWords;
  }

  /** The voices of an analysed document, the most words first. */
  public static Voices of(Document doc) {
    Map<String, Entity> entities = new LinkedHashMap<>();
    doc.entities().forEach(e -> entities.put(e.id(), e));
    List<Token> words = doc.tokens().stream().filter(Voices::isWord).toList();

    Map<String, List<Quote>> bySpeaker = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Quote q : doc.quotes()) {
      String key;
      String name;
      if (q.speakerEntity() != null && entities.containsKey(q.speakerEntity())) {
        key = q.speakerEntity();
        name = entities.get(key).name();
      } else if (q.speaker() != null) {
        name = q.speaker().text();
        key = "text:" + name.toLowerCase(Locale.ROOT);
      } else {
        key = UNATTRIBUTED;
        name = UNATTRIBUTED;
      }
      bySpeaker.computeIfAbsent(key, k -> new ArrayList<>()).add(q);
      names.putIfAbsent(key, name);
    }

    List<Span> quoted = new ArrayList<>();
    List<Voice> voices = new ArrayList<>();
    for (Map.Entry<String, List<Quote>> e : bySpeaker.entrySet()) {
      List<Span> mine = new ArrayList<>();
      e.getValue().forEach(q -> mine.addAll(q.content()));
      quoted.addAll(mine);
      String entity = e.getKey().equals(UNATTRIBUTED) || e.getKey().startsWith("text:") ? null : e.getKey();
      voices.add(new Voice(names.get(e.getKey()), entity, List.copyOf(e.getValue()), countWords(words, mine)));
    }
    voices.sort(Comparator.comparingInt(Voice::words).reversed().thenComparing(Voice::name));
    return new Voices(List.copyOf(voices), countWords(words, quoted), words.size());
  }

  /** The speakers, the most words first. */
  public List<Voice> voices() {
    return voices;
  }

  /** The name of the voice that a quote id belongs to; {@link #REPORTER} for null. */
  public String speakerOf(String quoteId) {
    return quoteId == null ? REPORTER : speakerOfQuote.getOrDefault(quoteId, UNATTRIBUTED);
  }

  /** Share of the article's words in quotes or reported speech, in [0, 1]. */
  public double quotedShare() {
    return totalWords == 0 ? 0 : (double) quotedWords / totalWords;
  }

  public int quotedWords() {
    return quotedWords;
  }

  public int totalWords() {
    return totalWords;
  }

  /**
   * How many of {@code words} (in text order, not overlapping) share a code point with one of
   * {@code spans} (in any order, overlapping or not). Time O(w + s log s): each voice costs its
   * own spans and the words they cover, so an article of many voices stays linear.
   */
  static int countWords(List<Token> words, List<Span> spans) {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingInt(Span::start));
    int n = 0;
    int next = 0; // the first word not yet counted
    for (Span s : sorted) {
      if (s.end() <= s.start()) {
        continue;
      }
      // Skip to the first word ending after the span starts (binary search from where we are).
      int lo = next;
      int hi = words.size();
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (words.get(mid).span().end() <= s.start()) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      int i = lo;
      while (i < words.size() && words.get(i).span().start() < s.end()) {
        n++;
        i++;
      }
      next = Math.max(next, i);
    }
    return n;
  }

  static boolean isWord(Token t) {
    return t.word().codePoints().anyMatch(Character::isLetterOrDigit);
  }
}
