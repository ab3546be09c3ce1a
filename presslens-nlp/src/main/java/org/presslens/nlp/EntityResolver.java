package org.presslens.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.presslens.core.Span;
import org.presslens.core.Token;

/**
 * Turns per-token entity labels into one entity per referent within an article.
 *
 * <p>A statistical tagger labels each sentence on its own, which fails in ways every news reader
 * sees: the acronym defined in parentheses is missed later on, "Ms Hewitt" is not linked to
 * "Patricia Hewitt", the job title lands inside the name, and the same string gets different
 * types in different sentences. The resolver repairs these with article-level evidence:
 *
 * <ol>
 *   <li>mentions are cut from runs of equal labels, then trimmed of titles, honorifics and
 *       possessives; pronouns are dropped;
 *   <li>"of State" inside "Secretary of State Hillary Clinton" is a title, not an organisation;
 *       "Camp" before "David" makes one place;
 *   <li>"Long Name (ACR/ALT)" makes ACR and ALT aliases of Long Name;
 *   <li>names seen tagged once are found again where the tagger missed them (acronyms, full
 *       names, and surnames of people, proper nouns only);
 *   <li>mentions are clustered: same name, alias, surname to the most recent full name with it,
 *       acronym to the name whose initials it spells, "Labour" to "Labour Party"; each cluster
 *       takes the type most of its mentions were given.
 * </ol>
 */
final class EntityResolver {

  /** One referent: its type and the code-point spans of its mentions. */
  record Cluster(String type, List<Span> spans) {}

  private static final Set<String> NAMED_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION");
  private static final Set<String> PRONOUNS =
      Set.of(
          "i", "me", "my", "he", "him", "his", "she", "her", "hers", "it", "its", "we", "us", "our",
          "they", "them", "their", "you", "your", "who", "whom", "this", "that", "mr", "mrs", "ms",
          "dr", "sir");
  /** Honorifics and job titles that precede a person's name but are not part of it. */
  private static final Set<String> TITLES =
      Set.of(
          "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
          "president", "vice", "secretary", "minister", "chancellor", "senator", "sen", "rep",
          "representative", "gov", "governor", "mayor", "judge", "justice", "general", "gen",
          "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "admiral",
          "king", "queen", "prince", "princess", "pope", "rev", "reverend", "father", "bishop",
          "archbishop", "sheikh", "chairman", "chairwoman", "chief", "ceo", "director", "commissioner",
          "ambassador", "spokesman", "spokeswoman", "coach", "manager", "premier", "prime", "deputy",
          "foreign", "defence", "defense", "home", "state", "attorney", "speaker", "leader", "detective",
          "inspector", "superintendent", "officer", "st", "saint");
  /** Words that open a multiword place name: "Camp David", "Mount Kenya", "Fort Worth". */
  private static final Set<String> PLACE_HEADS =
      Set.of("camp", "mount", "mt", "fort", "ft", "lake", "port", "cape", "san", "santa", "saint",
          "st", "los", "las", "new", "north", "south", "east", "west", "upper", "lower", "greater");
  /** Words that a short form of an organisation name may leave off: "Labour" for "Labour Party". */
  private static final Set<String> GENERIC_ORG_WORDS =
      Set.of("party", "inc", "corp", "corporation", "ltd", "limited", "plc", "co", "company",
          "group", "association", "organisation", "organization", "foundation", "institute",
          "university", "council", "committee", "union", "agency", "department", "ministry", "bank",
          "club", "fc", "llc", "holdings", "international");
  private static final Set<String> FUNCTION_WORDS = Set.of("of", "and", "the", "for", "de", "&", "'s", "on", "in");
  private static final Pattern ACRONYM = Pattern.compile("[A-Z][A-Za-z0-9&.\\-]*");
  private static final int MAX_NAME_TOKENS = 8;

  private EntityResolver() {}

  /** Named mentions exactly as the tagger labelled them, one cluster per mention. */
  static List<Cluster> unresolved(List<Token> tokens) {
    List<Cluster> out = new ArrayList<>();
    for (Cand c : runs(tokens)) {
      out.add(new Cluster(c.type, List.of(c.span(tokens))));
    }
    return out;
  }

  /** Named mentions repaired, extended and clustered within the article. */
  static List<Cluster> resolve(List<Token> tokens) {
    List<Cand> cands = new ArrayList<>();
    for (Cand c : runs(tokens)) {
      Cand trimmed = trim(c, tokens);
      if (trimmed != null) {
        cands.add(trimmed);
      }
    }
    cands = repairTitlesAndPlaces(cands, tokens);
    Map<Cand, Cand> aliasOf = new HashMap<>();
    cands = addParentheticalAliases(cands, tokens, aliasOf);
    cands = propagate(cands, tokens, aliasOf);
    cands.sort((a, b) -> Integer.compare(a.from, b.from));
    return cluster(cands, tokens, aliasOf);
  }

  // ---- mentions ----------------------------------------------------------------------------

  /** A candidate mention: token range [from, to) and the label the tagger (or a rule) gave. */
  private static final class Cand {
    final int from;
    final int to;
    final String type;

    Cand(int from, int to, String type) {
      this.from = from;
      this.to = to;
      this.type = type;
    }

    Span span(List<Token> tokens) {
      return new Span(tokens.get(from).span().start(), tokens.get(to - 1).span().end());
    }

    List<String> words(List<Token> tokens) {
      List<String> w = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        w.add(tokens.get(i).word());
      }
      return w;
    }

    String key(List<Token> tokens) {
      return String.join(" ", words(tokens));
    }
  }

  private static List<Cand> runs(List<Token> tokens) {
    List<Cand> out = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      String label = tokens.get(i).ner();
      if (!NAMED_TYPES.contains(label)) {
        i++;
        continue;
      }
      int j = i + 1;
      while (j < tokens.size()
          && tokens.get(j).ner().equals(label)
          && tokens.get(j).sentence() == tokens.get(i).sentence()) {
        j++;
      }
      out.add(new Cand(i, j, label));
      i = j;
    }
    return out;
  }

  /** Drops titles, honorifics, possessives and pronouns; null if nothing is left. */
  private static Cand trim(Cand c, List<Token> tokens) {
    int from = c.from;
    int to = c.to;
    while (to > from && isPossessiveOrPunct(tokens.get(to - 1).word())) {
      to--;
    }
    if (c.type.equals("PERSON")) {
      // "Secretary of State Hillary Clinton": cut through the last title word and its "of X".
      int cut = from;
      for (int i = from; i < to - 1; i++) {
        String w = lower(tokens.get(i).word());
        if (TITLES.contains(w)) {
          cut = i + 1;
        } else if (w.equals("of") && i > from && i + 2 < to) {
          cut = i + 2;
          i++;
        } else {
          break;
        }
      }
      from = cut;
    }
    while (from < to && lower(tokens.get(from).word()).equals("the")) {
      from++;
    }
    if (from >= to) {
      return null;
    }
    boolean allPronouns = true;
    for (int i = from; i < to; i++) {
      allPronouns &= isPronoun(tokens.get(i).word());
    }
    return allPronouns ? null : new Cand(from, to, c.type);
  }

  /** "He", "us", "Mr" alone; not "US" or "U.S.", which name a country. */
  private static boolean isPronoun(String word) {
    boolean capitals = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
    return !capitals && PRONOUNS.contains(word.toLowerCase(Locale.ROOT).replace(".", ""));
  }

  private static List<Cand> repairTitlesAndPlaces(List<Cand> cands, List<Token> tokens) {
    List<Cand> out = new ArrayList<>();
    for (int k = 0; k < cands.size(); k++) {
      Cand c = cands.get(k);
      Cand next = k + 1 < cands.size() ? cands.get(k + 1) : null;
      boolean nextIsAdjacentPerson = next != null && next.from == c.to && next.type.equals("PERSON");
      // "Secretary of State Hillary Clinton": the "State" between title and name is no organisation.
      if (!c.type.equals("PERSON")
          && nextIsAdjacentPerson
          && c.from >= 2
          && lower(tokens.get(c.from - 1).word()).equals("of")
          && TITLES.contains(lower(tokens.get(c.from - 2).word()))) {
        continue;
      }
      // "Camp David" tagged LOCATION "Camp" + PERSON "David": one place.
      if (next != null
          && next.from == c.to
          && c.to - c.from == 1
          && PLACE_HEADS.contains(lower(tokens.get(c.from).word()))
          && tokens.get(c.from).sentence() == tokens.get(next.from).sentence()) {
        out.add(new Cand(c.from, next.to, "LOCATION"));
        k++;
        continue;
      }
      // An untagged place head right before a name: "Camp" + PERSON "David".
      if (c.from > 0
          && PLACE_HEADS.contains(lower(tokens.get(c.from - 1).word()))
          && Character.isUpperCase(tokens.get(c.from - 1).word().charAt(0))
          && tokens.get(c.from - 1).ner().equals("O")
          && tokens.get(c.from - 1).sentence() == tokens.get(c.from).sentence()
          && !lower(tokens.get(c.from - 1).word()).equals("new")
          && c.from - 1 != sentenceStart(tokens, c.from)) {
        out.add(new Cand(c.from - 1, c.to, "LOCATION"));
        continue;
      }
      out.add(c);
    }
    return out;
  }

  private static int sentenceStart(List<Token> tokens, int i) {
    int s = tokens.get(i).sentence();
    while (i > 0 && tokens.get(i - 1).sentence() == s) {
      i--;
    }
    return i;
  }

  /** "the Kurdistan Workers' Party (PKK/KADEK)": PKK and KADEK become aliases of the name. */
  private static List<Cand> addParentheticalAliases(List<Cand> cands, List<Token> tokens, Map<Cand, Cand> aliasOf) {
    List<Cand> out = new ArrayList<>(cands);
    Map<Integer, Cand> endingAt = new HashMap<>();
    for (Cand c : cands) {
      endingAt.put(c.to, c);
    }
    Set<Integer> covered = coveredTokens(cands);
    for (int i = 1; i < tokens.size(); i++) {
      if (!tokens.get(i).word().equals("(")) {
        continue;
      }
      List<Integer> parts = new ArrayList<>();
      int j = i + 1;
      while (j < tokens.size() && j < i + 8) {
        String w = tokens.get(j).word();
        if (isAcronym(w)) {
          parts.add(j);
        } else if (!w.equals("/") && !w.equals(",") && !w.equals(";")) {
          break;
        }
        j++;
      }
      if (parts.isEmpty() || j >= tokens.size() || !tokens.get(j).word().equals(")")) {
        continue;
      }
      Cand owner = endingAt.get(i);
      if (owner == null) {
        owner = initialsOwner(tokens, i, tokens.get(parts.get(0)).word(), covered);
        if (owner == null) {
          continue;
        }
        out.add(owner);
      }
      for (int p : parts) {
        Cand alias = new Cand(p, p + 1, owner.type);
        out.removeIf(c -> c.from == p && c.to == p + 1);
        out.add(alias);
        aliasOf.put(alias, owner);
      }
    }
    return out;
  }

  /** "World Health Organization (WHO)" with nothing tagged: the capitalised words whose initials spell it. */
  private static Cand initialsOwner(List<Token> tokens, int paren, String acronym, Set<Integer> covered) {
    String letters = acronym.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
    StringBuilder initials = new StringBuilder();
    int from = paren;
    while (from > 0 && paren - from < MAX_NAME_TOKENS && initials.length() < letters.length()) {
      String w = tokens.get(from - 1).word();
      if (covered.contains(from - 1) || w.isEmpty()) {
        break;
      }
      if (FUNCTION_WORDS.contains(lower(w))) {
        from--;
        continue;
      }
      if (!Character.isUpperCase(w.charAt(0))) {
        break;
      }
      initials.insert(0, w.charAt(0));
      from--;
    }
    while (from < paren && FUNCTION_WORDS.contains(lower(tokens.get(from).word()))) {
      from++;
    }
    return from < paren && initials.toString().equals(letters) ? new Cand(from, paren, "ORGANIZATION") : null;
  }

  /** Finds untagged occurrences of names tagged elsewhere in the article. */
  private static List<Cand> propagate(List<Cand> cands, List<Token> tokens, Map<Cand, Cand> aliasOf) {
    // A one-word name is only as good as the tagger's single guess, so it is searched for again
    // only with more evidence: defined in parentheses, a person's surname, or tagged twice alike.
    Map<List<String>, Integer> taggedTimes = new HashMap<>();
    for (Cand c : cands) {
      taggedTimes.merge(List.of(c.key(tokens) + "/" + c.type), 1, Integer::sum);
    }
    Map<List<String>, Cand> names = new LinkedHashMap<>();
    for (Cand c : cands) {
      List<String> words = c.words(tokens);
      boolean trusted = words.size() >= 2 || aliasOf.containsKey(c)
          || taggedTimes.get(List.of(c.key(tokens) + "/" + c.type)) >= 2;
      if (trusted) {
        names.putIfAbsent(words, aliasOf.getOrDefault(c, c));
      }
      if (c.type.equals("PERSON") && words.size() >= 2) {
        names.putIfAbsent(List.of(words.get(words.size() - 1)), c);
      }
    }
    Set<Integer> covered = coveredTokens(cands);
    List<Cand> out = new ArrayList<>(cands);
    for (int i = 0; i < tokens.size(); i++) {
      org.presslens.core.Pipeline.stopIfCancelled();
      if (covered.contains(i)) {
        continue;
      }
      for (int len = Math.min(MAX_NAME_TOKENS, tokens.size() - i); len >= 1; len--) {
        List<String> words = new ArrayList<>(len);
        boolean free = true;
        for (int k = i; k < i + len && free; k++) {
          free = !covered.contains(k) && tokens.get(k).sentence() == tokens.get(i).sentence();
          words.add(tokens.get(k).word());
        }
        Cand source = free ? names.get(words) : null;
        if (source == null) {
          continue;
        }
        boolean acronym = len == 1 && isAcronym(words.get(0));
        if (!acronym && !tokens.get(i).pos().startsWith("NNP")) {
          continue;
        }
        Cand found = new Cand(i, i + len, source.type);
        out.add(found);
        if (aliasOf.containsValue(source) || aliasOf.containsKey(source)) {
          aliasOf.put(found, aliasOf.getOrDefault(source, source));
        }
        for (int k = i; k < i + len; k++) {
          covered.add(k);
        }
        i += len - 1;
        break;
      }
    }
    return out;
  }

  private static Set<Integer> coveredTokens(List<Cand> cands) {
    Set<Integer> covered = new HashSet<>();
    for (Cand c : cands) {
      for (int k = c.from; k < c.to; k++) {
        covered.add(k);
      }
    }
    return covered;
  }

  // ---- clustering --------------------------------------------------------------------------

  private static final class Group {
    final List<Cand> members = new ArrayList<>();
    final Map<String, Integer> typeVotes = new LinkedHashMap<>();
    final Set<String> keys = new HashSet<>();
    int last;

    void add(Cand c, List<Token> tokens) {
      members.add(c);
      typeVotes.merge(c.type, 1, Integer::sum);
      keys.add(c.key(tokens));
      last = c.from;
    }

    String type() {
      // The longest name carries the tagger's best-informed guess ("Manuel Belgrano" says
      // PERSON even where a bare "Belgrano" was taken for a place); otherwise the majority.
      Cand longest = null;
      for (Cand c : members) {
        if (c.to - c.from >= 2 && (longest == null || c.to - c.from > longest.to - longest.from)) {
          longest = c;
        }
      }
      if (longest != null) {
        return longest.type;
      }
      return typeVotes.entrySet().stream()
          .max((a, b) -> Integer.compare(a.getValue(), b.getValue()))
          .map(Map.Entry::getKey)
          .orElseThrow();
    }

    boolean hasMultiwordPersonName() {
      return keys.stream().anyMatch(k -> k.contains(" ")) && typeVotes.containsKey("PERSON");
    }
  }

  private static List<Cluster> cluster(List<Cand> cands, List<Token> tokens, Map<Cand, Cand> aliasOf) {
    List<Group> groups = new ArrayList<>();
    Map<Cand, Group> groupOf = new HashMap<>();
    for (Cand c : cands) {
      org.presslens.core.Pipeline.stopIfCancelled();
      Group g = null;
      Cand owner = aliasOf.get(c);
      if (owner != null) {
        g = groupOf.get(owner);
      }
      if (g == null) {
        g = findGroup(c, groups, tokens);
      }
      if (g == null) {
        g = new Group();
        groups.add(g);
      }
      g.add(c, tokens);
      groupOf.put(c, g);
    }
    List<Cluster> out = new ArrayList<>();
    for (Group g : groups) {
      List<Span> spans = new ArrayList<>();
      g.members.forEach(c -> spans.add(c.span(tokens)));
      out.add(new Cluster(g.type(), spans));
    }
    return out;
  }

  private static Group findGroup(Cand c, List<Group> groups, List<Token> tokens) {
    String key = c.key(tokens);
    List<String> words = c.words(tokens);
    Group best = null;
    for (Group g : groups) { // exact name, most recent first
      if (g.keys.contains(key) && (best == null || g.last > best.last)) {
        best = g;
      }
    }
    if (best != null) {
      return best;
    }
    if (words.size() == 1 && !isAcronym(key)) {
      // A bare surname goes to the most recent person whose full name ends with it.
      for (Group g : groups) {
        if (g.hasMultiwordPersonName() && g.keys.stream().anyMatch(k -> endsWithWord(k, key))
            && (best == null || g.last > best.last)) {
          best = g;
        }
      }
      if (best != null && (c.type.equals("PERSON") || lastWordMatches(best, key))) {
        return best;
      }
      best = null;
    }
    if (c.type.equals("PERSON") && words.size() >= 2) {
      // A full name after its surname alone: "Clinton … Bill Clinton", when only one person fits.
      String surname = words.get(words.size() - 1);
      List<Group> fits = new ArrayList<>();
      for (Group g : groups) {
        if (g.keys.equals(Set.of(surname)) || (g.keys.contains(surname) && !g.hasMultiwordPersonName())) {
          fits.add(g);
        }
      }
      return fits.size() == 1 ? fits.get(0) : null;
    }
    if (!c.type.equals("PERSON")) {
      String initials = initials(words);
      for (Group g : groups) {
        if (g.type().equals("PERSON")) {
          continue;
        }
        for (String k : g.keys) {
          List<String> other = List.of(k.split(" "));
          boolean acronymMatch =
              (isAcronym(key) && words.size() == 1 && other.size() >= 2 && initials(other).equals(stripDots(key)))
                  || (isAcronym(k) && other.size() == 1 && words.size() >= 2 && initials.equals(stripDots(k)));
          boolean shortForm = isShortForm(words, other) || isShortForm(other, words);
          if ((acronymMatch || shortForm) && (best == null || g.last > best.last)) {
            best = g;
          }
        }
      }
    }
    return best;
  }

  private static boolean lastWordMatches(Group g, String word) {
    return g.keys.stream().anyMatch(k -> k.contains(" ") && k.endsWith(" " + word));
  }

  private static boolean endsWithWord(String name, String word) {
    return name.contains(" ") && name.endsWith(" " + word);
  }

  /** Whether {@code shorter} is {@code longer} without trailing generic words ("Party", "Inc"). */
  private static boolean isShortForm(List<String> shorter, List<String> longer) {
    if (shorter.size() >= longer.size() || !longer.subList(0, shorter.size()).equals(shorter)) {
      return false;
    }
    for (String w : longer.subList(shorter.size(), longer.size())) {
      if (!GENERIC_ORG_WORDS.contains(lower(w).replace(".", ""))) {
        return false;
      }
    }
    return true;
  }

  private static String initials(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      if (!FUNCTION_WORDS.contains(lower(w)) && !w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
        b.append(w.charAt(0));
      }
    }
    return b.toString();
  }

  /** An all-capitals short form such as "PKK", "U.S." or "NATO". */
  static boolean isAcronym(String s) {
    if (s.length() < 2 || s.length() > 10 || !ACRONYM.matcher(s).matches()) {
      return false;
    }
    int upper = 0;
    int lowerCount = 0;
    for (char ch : s.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        upper++;
      } else if (Character.isLowerCase(ch)) {
        lowerCount++;
      }
    }
    return upper >= 2 && lowerCount <= 1;
  }

  private static String stripDots(String s) {
    return s.replace(".", "");
  }

  private static boolean isPossessiveOrPunct(String w) {
    return w.equals("'s") || w.equals("'") || w.equals("’s") || w.equals("’") || w.matches("\\p{Punct}+");
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT).replace(".", "");
  }
}
