package org.presslens.core.report;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.presslens.core.Claim;
import org.presslens.core.Document;

/** Check-worthy claims as the reports list them: highest score first, with who made each. */
final class Claims {
  private Claims() {}

  record Ranked(Claim claim, String text, String speaker) {}

  static List<Ranked> ranked(Document doc, Voices voices) {
    return doc.claims().stream()
        .filter(Claim::checkworthy)
        .sorted(Comparator.comparingDouble(Claim::score).reversed())
        .map(c -> new Ranked(c, doc.text().slice(c.span()), voices.speakerOf(c.quote())))
        .toList();
  }

  /** A claim's checkables as one line: "rise by £1,400; by 2027". */
  static String whatToCheck(Claim c) {
    return c.checkables().stream().map(k -> k.mention().text()).collect(Collectors.joining("; "));
  }

  static String abbreviate(String s, int max) {
    String flat = s.replaceAll("\\s+", " ");
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }
}
