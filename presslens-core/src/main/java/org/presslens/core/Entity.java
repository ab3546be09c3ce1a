package org.presslens.core;

import java.util.List;

/**
 * One real-world referent within an article, with every mention that refers to it.
 *
 * @param id "e1", "e2", … in order of first mention
 * @param type PERSON, ORGANIZATION, LOCATION, or a value type (DATE, MONEY, NUMBER, PERCENT)
 * @param name the most complete name among the mentions
 * @param mentions in text order
 */
public record Entity(String id, String type, String name, List<Mention> mentions) {
  public Entity {
    mentions = List.copyOf(mentions);
  }

  /** The distinct spellings of this entity other than its name. */
  public List<String> aliases() {
    return mentions.stream().map(Mention::text).filter(t -> !t.equals(name)).distinct().toList();
  }
}
