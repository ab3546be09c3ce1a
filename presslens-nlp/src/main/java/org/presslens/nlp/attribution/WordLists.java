package org.presslens.nlp.attribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word lists kept as text beside the classes that use them: "[section]" lines open a section,
 * words are separated by white space, "#" starts a comment line.
 */
final class WordLists {
  private WordLists() {}

  /** Section name → its words, both in file order. */
  static Map<String, List<String>> read(String resource) {
    Map<String, List<String>> sections = new LinkedHashMap<>();
    try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> section = null;
      for (String line; (line = reader.readLine()) != null; ) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[")) {
          section = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
          continue;
        }
        if (section == null) {
          throw new IllegalStateException(resource + ": a word before the first section: " + line);
        }
        section.addAll(List.of(line.split("\\s+")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sections;
  }
}
