package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.core.Span;
import org.presslens.nlp.attribution.Attributor.Draft;

/**
 * Speakers the entity stage missed become entities, so that a named voice is one person in the
 * voices panel and in speaker search rather than a bare string. A speaker phrase that ends (or
 * whose head ends, before an appositive comma) in a run of two to four proper nouns that no entity
 * covers, not right after a preposition or possessive and holding no word of an organisation's
 * name, is a person: speakers of speech are people or organisations, and the entity stage catches
 * organisation names far more surely than unusual personal names.
 */
final class MissedSpeakers {
  private static final int MIN_NAME = 2;
  private static final int MAX_NAME = 4;
  /** Words of organisations' and places' names: a run holding one is no person. */
  private static final Set<String> NOT_PERSONAL = Set.of("house", "department", "ministry", "office", "council", "committee", "party",
      "company", "inc", "inc.", "ltd", "ltd.", "corp", "corp.", "group", "association", "union", "agency", "government", "police",
      "court", "university", "college", "bank", "board", "commission", "institute", "foundation", "news", "times", "post", "press",
      "service", "services", "authority", "trust", "club", "league", "network", "center", "centre", "hospital", "school", "church",
      "army", "navy", "force", "forces", "state", "states", "city", "county", "republic", "kingdom", "united", "national");

  /** Titles and roles written before a name, capitalised as if part of it: not part of the person's name. */
  private static final Set<String> TITLES = Set.of("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.",
      "professor", "doctor", "sir", "dame", "lord", "lady", "councillor", "councilor", "senator", "sen.", "rep.", "representative",
      "gov.", "governor", "president", "minister", "judge", "justice", "mayor", "chancellor", "commissioner", "chief", "officer",
      "inspector", "detective", "sergeant", "captain", "general", "colonel", "bishop", "father", "rabbi", "imam", "coach");

  private MissedSpeakers() {}

  /** Whether a lower-cased word is a title or role written before a name ("mr.", "senator"). */
  static boolean isTitle(String lower) {
    return TITLES.contains(lower);
  }

  /**
   * Adds to {@code entities} a PERSON for each named speaker that no entity covers (one entity per
   * distinct name, with one mention per speaker phrase naming it), ids following the highest
   * "eN" in the list.
   */
  static void add(Tokens t, List<Draft> drafts, List<Entity> entities) {
    boolean[] covered = new boolean[t.size()];
    for (Entity e : entities) {
      for (Mention m : e.mentions()) {
        for (int i = t.firstEndingAfter(m.span().start()); i < t.size() && t.token(i).span().start() < m.span().end(); i++) {
          covered[i] = true;
        }
      }
    }
    for (Draft d : drafts) {
      int[] name = d.speaker == null ? null : name(t, d.speaker, covered);
      if (name == null) {
        continue;
      }
      Span span = t.span(name[0], name[1]);
      Mention mention = new Mention(span, t.text().slice(span));
      int same = -1;
      for (int e = 0; e < entities.size(); e++) {
        same = entities.get(e).name().equals(mention.text()) ? e : same;
      }
      if (same >= 0) {
        Entity e = entities.get(same);
        List<Mention> mentions = new ArrayList<>(e.mentions());
        mentions.add(mention);
        mentions.sort(null);
        entities.set(same, new Entity(e.id(), e.type(), e.name(), mentions));
      } else {
        entities.add(new Entity("e" + (highestId(entities) + 1), "PERSON", mention.text(), List.of(mention)));
      }
      java.util.Arrays.fill(covered, name[0], name[1], true);
    }
  }

  /** The uncovered proper-noun run ending the speaker phrase's head, or null. */
  private static int[] name(Tokens t, int[] speaker, boolean[] covered) {
    int end = speaker[0];
    while (end < speaker[1] && !t.isPunct(end, ",(")) {
      end++;
    }
    int from = end;
    int words = 0;
    while (from > speaker[0] && (isProperNoun(t, from - 1)
        || from - 2 >= speaker[0] && t.isPunct(from - 1, "-") && isProperNoun(t, from - 2))) { // "Obi-Wellesley" in three tokens
      words += isProperNoun(t, from - 1) ? 1 : 0;
      from--;
    }
    if (from > speaker[0] && (t.pos(from - 1).equals("IN") || t.pos(from - 1).equals("POS"))) {
      return null;
    }
    while (from < end && TITLES.contains(t.lower(from))) {
      from++;
      words--;
    }
    if (words < MIN_NAME || words > MAX_NAME) {
      return null;
    }
    for (int k = from; k < end; k++) {
      if (covered[k] || NOT_PERSONAL.contains(t.lower(k))) {
        return null;
      }
    }
    return new int[] {from, end};
  }

  private static boolean isProperNoun(Tokens t, int k) {
    String w = t.token(k).word();
    return t.pos(k).startsWith("NNP") && !w.isEmpty() && Character.isUpperCase(w.codePointAt(0));
  }

  private static int highestId(List<Entity> entities) {
    int highest = 0;
    for (Entity e : entities) {
      if (e.id().matches("e\\d+")) {
        highest = Math.max(highest, Integer.parseInt(e.id().substring(1)));
      }
    }
    return highest;
  }
}
