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
 * seen twice and are matched afresh. Thread-safe; it forgets all it remembers when it holds
 * {@value #MAX_ANSWERS} class lists or {@value #MAX_CHARS} characters of them, so that no run of
 * pages grows it without bound. (Utility-CSS sites write class lists of hundreds of characters
 * on every element: matching those afresh cost a fifth of the speed.)
 *
 * <p>The pattern must not match across a space: an element is marked when its class list or its
 * id holds a match, which is then the same as a match in the two joined by a space.
 */
final class HintPattern {
  private static final int MAX_ANSWERS = 50_000;
  /** The characters of the class lists remembered, at most: a few megabytes, however long the lists. */
  private static final long MAX_CHARS = 2_000_000;

  private final Pattern pattern;
  private final Map<String, Boolean> answers = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong chars = new java.util.concurrent.atomic.AtomicLong();

  HintPattern(String regex) {
    pattern = Pattern.compile(regex);
  }

  /** Whether the pattern is found in {@code classNames}, as {@link java.util.regex.Matcher#find()}. */
  boolean find(String classNames) {
    Boolean found = answers.get(classNames);
    if (found == null) {
      found = pattern.matcher(classNames).find();
      if (answers.size() >= MAX_ANSWERS || chars.get() >= MAX_CHARS) {
        answers.clear();
        chars.set(0);
      }
      answers.put(classNames, found);
      chars.addAndGet(classNames.length());
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
