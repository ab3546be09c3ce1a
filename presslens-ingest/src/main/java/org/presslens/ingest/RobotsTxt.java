package org.presslens.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Disallow rules of a robots.txt that apply to one agent (its own group, else "*"). */
final class RobotsTxt {
  private RobotsTxt() {}

  static List<String> disallowed(String robots, String agent) {
    List<String> mine = null;
    List<String> anyone = null;
    List<String> current = null;
    boolean readingAgents = false;
    String me = agent.toLowerCase(Locale.ROOT);
    for (String raw : robots.split("\\R")) {
      String line = raw.replaceFirst("#.*", "").strip();
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("user-agent")) {
        if (!readingAgents) {
          current = new ArrayList<>();
          readingAgents = true;
        }
        String who = value.toLowerCase(Locale.ROOT);
        if (who.equals("*") && anyone == null) {
          anyone = current;
        } else if (me.startsWith(who) || who.startsWith(me)) {
          mine = current;
        }
      } else {
        readingAgents = false;
        if (key.equals("disallow") && current != null && !value.isEmpty()) {
          current.add(value);
        }
      }
    }
    List<String> rules = mine != null ? mine : anyone;
    return rules == null ? List.of() : List.copyOf(rules);
  }
}
