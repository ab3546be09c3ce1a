package org.presslens.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * The language of a text, from Apache OpenNLP's language detector with its langdetect-183 model
 * (103 languages, trained on the Leipzig corpora; Maven artifact opennlp-models-langdetect).
 *
 * <p>It answers only when the text is long enough to judge ({@link #MIN_CHARS}) and the model is
 * confident ({@link #MIN_CONFIDENCE}); otherwise the language stays unknown, and an unknown
 * language is analysed as English is. Tags are ISO 639-1 where the language has one ("de"), else
 * the model's ISO 639-3 code.
 */
public final class LanguageIdentifier {
  /** Below this many characters the model guesses too often (headlines, captions). */
  static final int MIN_CHARS = 120;
  /** The model's probability for its best language must reach this. */
  static final double MIN_CONFIDENCE = 0.5;
  /** The detector reads at most this much: a page's language shows in its first paragraphs. */
  private static final int MAX_CHARS = 1500;
  private static final Map<String, String> ISO1 = iso1();

  private LanguageIdentifier() {}

  /** The BCP 47 tag of {@code text}'s language, or null when it cannot be told with confidence. */
  public static String identify(String text) {
    if (text == null) {
      return null;
    }
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    if (sample.strip().length() < MIN_CHARS) {
      return null;
    }
    Language best = Holder.DETECTOR.get().predictLanguage(sample);
    if (best == null || best.getConfidence() < MIN_CONFIDENCE) {
      return null;
    }
    return tag(best.getLang());
  }

  /** ISO 639-1 for an ISO 639-3 code where there is one; the model's macrolanguage codes mapped by hand. */
  static String tag(String iso3) {
    String code = switch (iso3) {
      case "cmn" -> "zho"; // Mandarin: written as Chinese
      case "pes" -> "fas"; // Iranian Persian
      case "zlm" -> "msa"; // Malay
      default -> iso3;
    };
    return ISO1.getOrDefault(code, code);
  }

  private static Map<String, String> iso1() {
    Map<String, String> out = new HashMap<>();
    for (String two : Locale.getISOLanguages()) {
      try {
        out.putIfAbsent(Locale.forLanguageTag(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException e) {
        // a code without a three-letter form
      }
    }
    out.put("nob", "nb");
    out.put("nno", "nn");
    return Map.copyOf(out);
  }

  /** The model, loaded on first use (about 10 MB, half a second); a detector per thread shares it. */
  private static final class Holder {
    static final LanguageDetectorModel MODEL = load();
    static final ThreadLocal<LanguageDetectorME> DETECTOR = ThreadLocal.withInitial(() -> new LanguageDetectorME(MODEL));

    private static LanguageDetectorModel load() {
      try (InputStream in = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
        if (in == null) {
          throw new IllegalStateException("langdetect-183.bin (opennlp-models-langdetect) is not on the class path");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the language model", e);
      }
    }
  }
}
