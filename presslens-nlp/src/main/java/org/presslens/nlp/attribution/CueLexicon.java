package org.presslens.nlp.attribution;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The words that introduce an attribution, read once from {@code cues.txt} beside this class. */
final class CueLexicon {

  /** How a cue word takes its content; the sections of {@code cues.txt}. */
  enum Kind {
    /** Saying, writing, thinking: a clause, a quotation, or content before "…, she said". */
    SPEECH,
    /** Wanting, promising: also "to …". */
    INTENT,
    /** Judging: the content is what follows, usually a noun phrase. */
    OBJECT,
    /** A noun owned by its speaker, followed by a clause: "the minister's claim that …". */
    NOUN
  }

  static final CueLexicon STANDARD = load("cues.txt");

  private final Map<String, Kind> verbs;
  private final Map<String, Kind> nouns;

  private CueLexicon(Map<String, Kind> verbs, Map<String, Kind> nouns) {
    this.verbs = verbs;
    this.nouns = nouns;
  }

  /** The kind of a verb form, or null when it is no cue. */
  Kind verb(String word) {
    return verbs.get(word.toLowerCase(Locale.ROOT));
  }

  /** Whether a noun form is a cue. */
  boolean noun(String word) {
    return nouns.containsKey(word.toLowerCase(Locale.ROOT));
  }

  private static CueLexicon load(String resource) {
    Map<String, Kind> verbs = new HashMap<>();
    Map<String, Kind> nouns = new HashMap<>();
    WordLists.read(resource).forEach((section, words) -> {
      Kind kind = Kind.valueOf(section.toUpperCase(Locale.ROOT));
      Map<String, Kind> target = kind == Kind.NOUN ? nouns : verbs;
      // A form listed in an earlier section keeps that section: [speech] comes first.
      words.forEach(form -> target.putIfAbsent(form, kind));
    });
    return new CueLexicon(Map.copyOf(verbs), Map.copyOf(nouns));
  }
}
