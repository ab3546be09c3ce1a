package org.presslens.nlp.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Emotional valence of English words from the VADER lexicon (MIT; notice in the resource's
 * header): -4 (very negative) to +4 (very positive), 0 for words it does not list. Loaded
 * language and name calling are, above all, words with strong valence.
 */
public final class Valence {
  private static final String RESOURCE = "vader-lexicon.tsv";
  private static final Map<String, Float> LEXICON = read();

  private Valence() {}

  /** The valence of a lower-cased word. */
  public static double of(String lowerWord) {
    Float v = LEXICON.get(lowerWord);
    return v == null ? 0 : v;
  }

  /** A coarse class of a valence for features: "--", "-", "+", "++", or null when neutral. */
  public static String bucket(double v) {
    if (v <= -2.5) {
      return "--";
    } else if (v <= -1) {
      return "-";
    } else if (v >= 2.5) {
      return "++";
    } else if (v >= 1) {
      return "+";
    }
    return null;
  }

  private static Map<String, Float> read() {
    Map<String, Float> lexicon = new HashMap<>();
    try (InputStream in = Valence.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.startsWith("#") && !line.isBlank()) {
          int tab = line.indexOf('\t');
          lexicon.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lexicon;
  }
}
