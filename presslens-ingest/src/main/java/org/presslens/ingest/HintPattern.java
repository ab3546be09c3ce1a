package org.presslens.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * A pattern over what an element's class and id say ("post-meta sidebar"), which remembers its
 * answer for every class list it has matched. Pages write the same few class lists ("container",
 * "row col-md-6") on most of their elements, and sites share them; matching the long
 * alternations of boilerplate words was a sixth of extraction's time on WCXB's pages (a Java
 * Flight Recorder profile of {@code presslens eval extraction}). Ids ("post-48213") are seldom
 * seen twice and are matched afresh, as are class lists longer than {@value
 * #MAX_REMEMBERED_LENGTH} characters. Thread-safe; it forgets all it remembers when it holds
 * {@value #MAX_ANSWERS} class lists, so that no run of pages grows it without bound.
 *
 * <p>The pattern must not match across a space: an element is marked when its class list or its
 * id holds a match, which is then the same as a match in the two joined by a space.
 */
final class HintPattern {
  private static final int MAX_ANSWERS = 50_000;
  /** Longer class lists are matched afresh: the answers kept stay a few megabytes. */
  private static final int MAX_REMEMBERED_LENGTH = 200;

  private final Pattern pattern;
  private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

  HintPattern(String regex) {
    pattern = Pattern.compile(regex);
  }

  /** Whether the pattern is found in {@code classNames}, as {@link java.util.regex.Matcher#find()}. */
  boolean find(String classNames) {
    if (classNames.length() > MAX_REMEMBERED_LENGTH) {
      return pattern.matcher(classNames).find();
    }
    Boolean found = answers.get(classNames);
    if (found == null) {
      found = pattern.matcher(classNames).find();
      if (answers.size() >= MAX_ANSWERS) {
        answers.clear();
      }
      answers.put(classNames, found);
    }
    return found;
  }

  /** Whether the pattern is found in {@code e}'s class list or in its id. */
  boolean marks(Element e) {
    return find(e.className()) || marksId(e);
  }

  /** Whether the pattern is found in {@code e}'s id. */
  boolean marksId(Element e) {
    String id = e.id();
    return !id.isEmpty() && pattern.matcher(id).find();
  }

  /** The regular expression, as given. */
  String regex() {
    return pattern.pattern();
  }
}
