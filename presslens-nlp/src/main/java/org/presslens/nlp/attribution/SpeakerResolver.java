package org.presslens.nlp.attribution;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.nlp.attribution.Attributor.Draft;

/**
 * Says which entity each speaker is.
 *
 * <ul>
 *   <li>A speaker phrase holding a name is that name's entity ("Ms Hewitt", "Jane Doe, a
 *       spokeswoman"), and so is a person named after a title or in an appositive ("Former
 *       minister for Women and Equalities Nkechi Boateng", "The judge, Mr Justice Abernethy"); a
 *       name right after "of"/"for" is not the speaker ("a spokesman for the ministry" stays
 *       unresolved).
 *   <li>"he" and "she" go to the nearest earlier speaker or subject that agrees in gender,
 *       sentence by sentence backwards; "they" and "it" to the nearest organisation that spoke.
 *   <li>"the senator", "the spokeswoman" go to the person last introduced with that role
 *       ("Senator Jane Doe", "John Roe, the spokesman"); "the ministry" to the organisation
 *       whose name holds the word.
 *   <li>"who" goes where its antecedent goes: "Doe, who chairs the panel, said".
 * </ul>
 *
 * Anything else ("officials", "sources", "a spokesman") stays null: no guess is passed off as
 * fact.
 */
final class SpeakerResolver {
  private static final int SENTENCES_BACK = 3;
  private static final Map<String, Character> GENDER = loadGender("gender.txt");
  private static final Set<String> DETERMINERS = Set.of("the", "this", "that", "its", "our");
  /** Abbreviated titles and their role nouns, so that "Sen. Doe" introduces "the senator". */
  private static final Map<String, String> TITLES =
      Map.ofEntries(
          Map.entry("sen.", "senator"), Map.entry("rep.", "representative"),
          Map.entry("gov.", "governor"), Map.entry("gen.", "general"), Map.entry("lt.", "lieutenant"),
          Map.entry("col.", "colonel"), Map.entry("sgt.", "sergeant"), Map.entry("dr.", "doctor"),
          Map.entry("prof.", "professor"), Map.entry("pres.", "president"), Map.entry("sec.", "secretary"),
          Map.entry("atty.", "attorney"), Map.entry("supt.", "superintendent"));

  private final Tokens t;
  private final List<Draft> drafts;
  /** Entity of the named mention covering each token, or null. */
  private final Entity[] entityAt;
  private final Map<String, Character> genderOf = new HashMap<>();
  /** Role noun → the latest person introduced with it. */
  private final Map<String, Introduced> roles = new HashMap<>();
  /** The entity of each draft's speaker, as far as resolved; later pronouns look back at it. */
  private final Entity[] resolved;

  SpeakerResolver(Tokens t, List<Entity> entities, List<Draft> drafts) {
    this.t = t;
    this.drafts = drafts;
    this.entityAt = new Entity[t.size()];
    this.resolved = new Entity[drafts.size()];
    indexEntities(entities);
  }

  /** The entity id of each draft's speaker, or null, in the drafts' order. */
  String[] resolve() {
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      resolved[i] = d.speaker == null ? null : resolve(d.speaker, i);
    }
    String[] ids = new String[resolved.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = resolved[i] == null ? null : resolved[i].id();
    }
    return ids;
  }

  private Entity resolve(int[] speaker, int draftIndex) {
    int from = speaker[0];
    int to = speaker[1];
    Entity named = named(from, to);
    if (named != null) {
      return named;
    }
    if (to - from == 1) {
      String w = t.lower(from);
      switch (w) {
        case "he", "him":
          return nearestPerson(from, draftIndex, 'm');
        case "she", "her":
          return nearestPerson(from, draftIndex, 'f');
        case "they", "it":
          return nearestSpeakingOrganization(from, draftIndex);
        case "who":
          return from >= 2 && t.isPunct(from - 1, ",") ? named(from - 2, from - 1) : null;
        default:
          return null;
      }
    }
    if (DETERMINERS.contains(t.lower(from))) {
      String head = t.lower(to - 1);
      Introduced role = roles.get(head);
      if (role != null && role.at() < from) {
        return role.person();
      }
      return organizationNamed(head, from);
    }
    return null;
  }

  /**
   * The entity named by the head of {@code [from, to)}: the last word before any preposition or
   * parenthesis. "Former Florida Gov. Jeb Bush" is Jeb Bush, not Florida; "a Pentagon
   * spokesman" is nobody known.
   */
  private Entity named(int from, int to) {
    int end = to;
    for (int k = from; k < to; k++) {
      if (t.pos(k).equals("IN") || t.isPunct(k, "(,")) {
        end = k;
        break;
      }
    }
    for (int h = end - 1; h >= from; h--) {
      if (t.isWord(h)) {
        if (entityAt[h] != null) {
          return entityAt[h];
        }
        break;
      }
    }
    return titled(from, to);
  }

  /**
   * The person named at the end of a speaker phrase whose head is a title or role, or at the end of
   * its appositive: "Former minister for Women and Equalities Nkechi Boateng", "The judge, Mr
   * Justice Abernethy". A name right after a preposition or possessive is somebody else: "a
   * spokesman for Jane Doe" stays unresolved.
   */
  private Entity titled(int from, int to) {
    int end = to;
    while (end > from && !t.isWord(end - 1)) {
      end--;
    }
    Entity e = end > from ? entityAt[end - 1] : null;
    if (e == null || !e.type().equals("PERSON")) {
      return null;
    }
    int first = end - 1;
    while (first > from && entityAt[first - 1] == e) {
      first--;
    }
    return first > from && (t.pos(first - 1).equals("IN") || t.pos(first - 1).equals("POS")) ? null : e;
  }

  /** The nearest person before {@code at} of a compatible gender, speakers first. */
  private Entity nearestPerson(int at, int draftIndex, char gender) {
    int sentenceFloor = t.sentenceStart(at);
    for (int back = 0; back <= SENTENCES_BACK && sentenceFloor >= 0; back++) {
      int end = back == 0 ? at : t.sentenceEnd(sentenceFloor);
      // An earlier speaker in this sentence wins over a mere mention.
      for (int i = draftIndex - 1; i >= 0; i--) {
        Draft d = drafts.get(i);
        if (d.speaker != null && d.speaker[0] >= sentenceFloor && d.speaker[0] < end && resolved[i] != null) {
          Entity e = resolved[i];
          if (e != null && e.type().equals("PERSON") && agrees(e, gender)) {
            return e;
          }
        }
      }
      for (int k = sentenceFloor; k < end; k++) {
        Entity e = entityAt[k];
        if (e != null && e.type().equals("PERSON") && agrees(e, gender)) {
          return e;
        }
      }
      if (sentenceFloor == 0) {
        break;
      }
      sentenceFloor = t.sentenceStart(sentenceFloor - 1);
    }
    return null;
  }

  /** "they said", "it said": the organisation that last spoke, within a few sentences. */
  private Entity nearestSpeakingOrganization(int at, int draftIndex) {
    int floor = t.sentenceStart(at);
    for (int back = 0; back < SENTENCES_BACK && floor > 0; back++) {
      floor = t.sentenceStart(floor - 1);
    }
    for (int i = draftIndex - 1; i >= 0; i--) {
      Draft d = drafts.get(i);
      if (d.speaker == null || d.speaker[0] < floor) {
        break;
      }
      Entity e = resolved[i];
      if (e != null && e.type().equals("ORGANIZATION")) {
        return e;
      }
    }
    return null;
  }

  /** "the ministry": the nearest earlier organisation whose name holds the word. */
  private Entity organizationNamed(String head, int before) {
    for (int k = before - 1; k >= 0; k--) {
      Entity e = entityAt[k];
      if (e != null && e.type().equals("ORGANIZATION")
          && e.name().toLowerCase(Locale.ROOT).matches(".*\\b" + java.util.regex.Pattern.quote(head) + "\\b.*")) {
        return e;
      }
    }
    return null;
  }

  private boolean agrees(Entity e, char gender) {
    Character g = genderOf.get(e.id());
    return g == null || g == gender;
  }

  /** Token → entity, each person's gender, and the roles people are introduced with. */
  private void indexEntities(List<Entity> entities) {
    for (Entity e : entities) {
      boolean named = switch (e.type()) {
        case "PERSON", "ORGANIZATION", "LOCATION" -> true;
        default -> false;
      };
      if (!named) {
        continue;
      }
      for (Mention m : e.mentions()) {
        int first = -1;
        int last = -1;
        for (int k = t.firstEndingAfter(m.span().start()); k < t.size() && t.token(k).span().start() < m.span().end(); k++) {
          entityAt[k] = e;
          if (first < 0) {
            first = k;
          }
          last = k;
        }
        if (first >= 0 && e.type().equals("PERSON")) {
          notePerson(e, first, last);
        }
      }
    }
  }

  /** Learns gender and role from the words around one mention of a person. */
  private void notePerson(Entity e, int first, int last) {
    Character g = GENDER.get(t.lower(first));
    for (int k = first - 1; k >= Math.max(0, first - 3) && entityAt[k] == null && t.isWord(k); k--) {
      String w = t.lower(k);
      g = g != null ? g : GENDER.get(w);
      String role = TITLES.getOrDefault(w, w);
      if (t.pos(k).startsWith("NN")) {
        roles.put(role, new Introduced(first, e));
      }
    }
    // "Jane Doe, the ministry's spokeswoman, said"
    if (last + 2 < t.size() && t.isPunct(last + 1, ",") && t.pos(last + 2).equals("DT")) {
      for (int k = last + 3; k < Math.min(t.size(), last + 10); k++) {
        if (t.isPunct(k, ",") || t.pos(k).equals("IN")) {
          if (t.pos(k - 1).startsWith("NN")) {
            String role = t.lower(k - 1);
            roles.put(role, new Introduced(first, e));
            g = g != null ? g : GENDER.get(role);
          }
          break;
        }
      }
    }
    if (g != null) {
      genderOf.putIfAbsent(e.id(), g);
    }
  }

  /** A person introduced with a role at token {@code at}. */
  private record Introduced(int at, Entity person) {}

  private static Map<String, Character> loadGender(String resource) {
    Map<String, Character> map = new HashMap<>();
    WordLists.read(resource).forEach((section, words) ->
        words.forEach(w -> map.putIfAbsent(w, section.equals("female") ? 'f' : 'm')));
    return Map.copyOf(map);
  }
}
