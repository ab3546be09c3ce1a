package org.presslens.nlp.techniques;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presslens.core.Document;
import org.presslens.core.Quote;
import org.presslens.core.Span;
import org.presslens.core.Token;
import org.presslens.core.TokenVectors;
import org.presslens.nlp.lexicon.Valence;

/**
 * What the techniques models read of one analysed document: the encoder's vector of each token
 * (is it part of a technique?, the span head's input), and the features and vectors of each span
 * (which technique is it?). Built once per document.
 *
 * <p>What the span features look at, and why: the words (loaded words, labels, stock phrases),
 * part-of-speech tags, VADER valence (emotional words), how often a word or phrase recurs in the
 * article (repetition), scare quotes and quoted speech, exclamations and questions (slogans,
 * doubt), capitals, names, and where the span sits in its sentence.
 */
final class TechniqueFeatures {
  /** Longest run of words between quotation marks read as scare quotes, not speech. */
  private static final int SCARE_QUOTE_WORDS = 6;

  private final Document document;
  private final List<Token> tokens;
  private final TokenVectors vectors;
  private final String[] lower;
  private final double[] valence;
  private final int[] sentenceStart;
  private final int[] sentenceEnd;
  private final boolean[] quoted;
  private final boolean[] scareQuoted;
  private final Map<String, Integer> contentWords = new HashMap<>();

  TechniqueFeatures(Document document) {
    this.document = document;
    this.tokens = document.tokens();
    this.vectors = document.vectors();
    int n = tokens.size();
    lower = new String[n];
    valence = new double[n];
    sentenceStart = new int[n];
    sentenceEnd = new int[n];
    quoted = new boolean[n];
    scareQuoted = new boolean[n];
    for (int i = 0; i < n; i++) {
      lower[i] = tokens.get(i).word().toLowerCase(java.util.Locale.ROOT);
      valence[i] = Valence.of(lower[i]);
      if (isContent(i)) {
        contentWords.merge(lower[i], 1, Integer::sum);
      }
    }
    for (int from = 0; from < n; ) {
      int to = from;
      while (to < n && tokens.get(to).sentence() == tokens.get(from).sentence()) {
        to++;
      }
      for (int i = from; i < to; i++) {
        sentenceStart[i] = from;
        sentenceEnd[i] = to;
      }
      markScareQuotes(from, to);
      from = to;
    }
    for (Quote q : document.quotes()) {
      for (Span piece : q.content()) {
        for (int i = 0; i < n; i++) {
          quoted[i] |= piece.contains(tokens.get(i).span());
        }
      }
    }
  }

  int size() {
    return tokens.size();
  }

  Token token(int i) {
    return tokens.get(i);
  }

  int sentenceStart(int i) {
    return sentenceStart[i];
  }

  int sentenceEnd(int i) {
    return sentenceEnd[i];
  }

  /** The tokens {@code [from, to)} that overlap a span, or null when none does. */
  int[] tokensOf(Span span) {
    return document.tokensOf(span);
  }

  /** The encoder's vector of token i ({@link TokenVectors#dimension()} floats): what the span model reads beside the words. */
  float[] vector(int i) {
    return vectors.vector(i);
  }

  /**
   * The encoder's reading of tokens {@code [from, to)} for the kind model: their mean vector, then
   * that of the sentence they start in ({@code 2 × dimension} floats).
   */
  float[] spanVectors(int from, int to) {
    float[] span = vectors.mean(from, to);
    float[] sentence = vectors.mean(sentenceStart[from], sentenceEnd[from]);
    float[] both = java.util.Arrays.copyOf(span, span.length + sentence.length);
    System.arraycopy(sentence, 0, both, span.length, sentence.length);
    return both;
  }

  /** Whether token i is a word rather than punctuation. */
  boolean isWord(int i) {
    return lower[i].codePoints().anyMatch(Character::isLetterOrDigit);
  }

  /** Features of tokens {@code [from, to)}, for the model that names the technique. */
  List<String> ofSpan(int from, int to) {
    Set<String> f = new LinkedHashSet<>();
    for (int i = from; i < to; i++) {
      f.add("u=" + lower[i]);
      if (i + 1 < to) {
        f.add("bi=" + lower[i] + "_" + lower[i + 1]);
      }
      f.add("pu=" + pos(i));
      if (!tokens.get(i).ner().equals("O")) {
        f.add("ne=" + tokens.get(i).ner());
      }
      if (quoted[i]) {
        f.add("quoted");
      }
      if (scareQuoted[i]) {
        f.add("scare");
      }
      if (shape(tokens.get(i).word()).equals("XX")) {
        f.add("caps");
      }
    }
    f.add("f=" + lower[from]);
    f.add("l=" + lower[to - 1]);
    int words = to - from;
    f.add("len=" + (words <= 3 ? String.valueOf(words) : words <= 5 ? "4-5" : words <= 9 ? "6-9" : words <= 17 ? "10-17" : "18+"));
    if (words <= 5) {
      f.add("text=" + String.join(" ", java.util.Arrays.copyOfRange(lower, from, to)));
    }
    if (words <= 3) {
      StringBuilder tags = new StringBuilder("ps=");
      for (int i = from; i < to; i++) {
        tags.append(pos(i)).append(i + 1 < to ? "_" : "");
      }
      f.add(tags.toString());
    }
    int start = sentenceStart[from];
    int end = sentenceEnd[Math.max(from, to - 1)];
    double cover = (double) words / (end - start);
    f.add("cover=" + (cover < 0.25 ? "<1/4" : cover < 0.5 ? "<1/2" : cover < 0.9 ? "<9/10" : "all"));
    f.add("cl=" + word(from - 1));
    f.add("cr=" + word(to));
    f.add("rep=" + countBucket(occurrences(from, to)));
    int most = 0;
    for (int i = from; i < to; i++) {
      if (isContent(i)) {
        most = Math.max(most, contentWords.get(lower[i]));
      }
    }
    f.add("maxrep=" + countBucket(most));
    double negative = 0;
    double positive = 0;
    for (int i = from; i < to; i++) {
      negative = Math.min(negative, valence[i]);
      positive = Math.max(positive, valence[i]);
    }
    addBucket(f, "vneg=", Valence.bucket(negative));
    addBucket(f, "vpos=", Valence.bucket(positive));
    List<String> out = new ArrayList<>(f);
    sentenceFeatures(out, start, end);
    return out;
  }

  private void sentenceFeatures(List<String> f, int start, int end) {
    String last = lower[end - 1];
    if (last.equals("!")) {
      f.add("s!");
    } else if (last.equals("?")) {
      f.add("s?");
    }
    if (tokens.get(start).sentence() == 0) {
      f.add("title");
    }
    int words = end - start;
    f.add("slen=" + (words < 8 ? "<8" : words < 20 ? "<20" : words < 40 ? "<40" : "40+"));
  }

  /** How often the words of {@code [from, to)} occur in this order in the article. */
  private int occurrences(int from, int to) {
    int count = 0;
    int n = to - from;
    for (int i = 0; i + n <= lower.length; i++) {
      int k = 0;
      while (k < n && lower[i + k].equals(lower[from + k])) {
        k++;
      }
      count += k == n ? 1 : 0;
    }
    return count;
  }

  private boolean isContent(int i) {
    String tag = tokens.get(i).pos();
    return lower[i].length() >= 3 && (tag.startsWith("NN") || tag.startsWith("JJ") || tag.startsWith("VB") || tag.startsWith("RB"));
  }

  /** Tokens between quotation marks a few words apart in one sentence: "so-called" words. */
  private void markScareQuotes(int from, int to) {
    int open = -1;
    for (int i = from; i < to; i++) {
      if (isQuoteMark(tokens.get(i).word())) {
        if (open >= 0 && i - open - 1 <= SCARE_QUOTE_WORDS && i - open > 1) {
          for (int k = open + 1; k < i; k++) {
            scareQuoted[k] = true;
          }
          open = -1;
        } else {
          open = i;
        }
      }
    }
  }

  private static boolean isQuoteMark(String word) {
    return word.equals("\"") || word.equals("``") || word.equals("''") || word.equals("“") || word.equals("”")
        || word.equals("‘") || word.equals("’") || word.equals("'") || word.equals("`");
  }

  private String word(int i) {
    return i < 0 ? "<s>" : i >= lower.length ? "</s>" : lower[i];
  }

  /** The part-of-speech tag (Penn Treebank) of token i, or "-" outside the document. */
  String pos(int i) {
    return i < 0 || i >= tokens.size() ? "-" : tokens.get(i).pos();
  }

  private static void addBucket(java.util.Collection<String> f, String name, String bucket) {
    if (bucket != null) {
      f.add(name + bucket);
    }
  }

  private static String countBucket(int n) {
    return n <= 1 ? "1" : n == 2 ? "2" : n <= 4 ? "3-4" : "5+";
  }

  /** "Xx", "XX", "x", "d" (digits) or "p" (punctuation): the shape of a token as written. */
  private static String shape(String word) {
    if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return "p";
    }
    if (word.codePoints().anyMatch(Character::isDigit)) {
      return "d";
    }
    boolean upperFirst = Character.isUpperCase(word.codePointAt(0));
    boolean allUpper = word.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase);
    return allUpper && word.length() > 1 ? "XX" : upperFirst ? "Xx" : "x";
  }
}
