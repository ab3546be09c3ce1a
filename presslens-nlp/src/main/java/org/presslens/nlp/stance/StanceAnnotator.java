package org.presslens.nlp.stance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.presslens.core.Annotator;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Layer;
import org.presslens.core.Mention;
import org.presslens.core.Span;
import org.presslens.core.Stance;
import org.presslens.nlp.QuoteOverlap;
import org.presslens.core.learn.LinearModel;

/**
 * Stance towards the people and organisations of an article, held separately by the reporter
 * (sentences in their own voice) and by each quote (what the quoted speaker says of them). Each
 * sentence that mentions the entity is scored once per holder by the {@link StanceModel}; the
 * holder's stance is the class with the highest mean probability, its score the mean of
 * P(positive) − P(negative), and its evidence the sentences that lean most, as they read.
 */
public final class StanceAnnotator implements Annotator {
  private static final Set<String> TARGET_TYPES = Set.of("PERSON", "ORGANIZATION");
  private static final int EVIDENCE = 3;

  private final StanceModel model;

  public StanceAnnotator(StanceModel model) {
    this.model = model;
  }

  @Override
  public String name() {
    return "stance";
  }

  @Override
  public Set<Layer> requires() {
    return Set.of(Layer.TOKENS, Layer.SENTENCES, Layer.VECTORS, Layer.ENTITIES, Layer.QUOTES);
  }

  @Override
  public Set<Layer> provides() {
    return Set.of(Layer.STANCE);
  }

  /** One holder's scored sentences about one entity. */
  private record Reading(Span evidence, double[] p) {}

  @Override
  public void annotate(Document doc) {
    List<Stance> out = new ArrayList<>();
    for (Entity e : doc.entities()) {
      org.presslens.core.Pipeline.stopIfCancelled();
      if (!TARGET_TYPES.contains(e.type())) {
        continue;
      }
      Map<String, List<Reading>> byHolder = new LinkedHashMap<>();
      byHolder.put(Stance.REPORTER, new ArrayList<>());
      Set<String> seen = new HashSet<>();
      for (Mention m : e.mentions()) {
        Span sentence = sentenceOf(doc, m.span());
        if (sentence == null) {
          continue;
        }
        String holder = Stance.REPORTER;
        Span evidence = sentence;
        QuoteOverlap quoted = QuoteOverlap.most(doc, m.span());
        if (quoted != null && quoted.piece().contains(m.span())) {
          holder = quoted.quote().id();
          evidence = new Span(Math.max(quoted.piece().start(), sentence.start()), Math.min(quoted.piece().end(), sentence.end()));
        }
        if (!seen.add(holder + "@" + sentence.start())) {
          continue; // one reading per sentence and holder, however often it names the entity
        }
        double[] p = model.probabilities(doc, m.span());
        if (p != null) {
          byHolder.computeIfAbsent(holder, k -> new ArrayList<>())
              .add(new Reading(evidence, DeniedCharge.of(doc.tokens(), doc.tokensOf(m.span())[1]) ? notNegative(p) : p));
        }
      }
      byHolder.forEach((holder, readings) -> {
        if (!readings.isEmpty()) {
          out.add(stance(e.id(), holder, readings));
        }
      });
    }
    doc.setStance(out);
  }

  private Stance stance(String entity, String holder, List<Reading> readings) {
    double[] mean = new double[3];
    for (Reading r : readings) {
      for (int k = 0; k < 3; k++) {
        mean[k] += r.p()[k] / readings.size();
      }
    }
    int polarity = LinearModel.argmax(mean);
    List<Span> evidence = readings.stream()
        .filter(r -> LinearModel.argmax(r.p()) != 1)
        .sorted(Comparator.comparingDouble((Reading r) -> -Math.abs(lean(r.p()))))
        .limit(EVIDENCE)
        .map(Reading::evidence)
        .toList();
    return new Stance(entity, holder, model.polarities().get(polarity), lean(mean), evidence);
  }

  /** {@code p} with no weight on negative, the rest in the proportions the model gave them. */
  private static double[] notNegative(double[] p) {
    double rest = p[1] + p[2];
    return rest > 0 ? new double[] {0, p[1] / rest, p[2] / rest} : new double[] {0, 1, 0};
  }

  /** P(positive) − P(negative). */
  private static double lean(double[] p) {
    return p[2] - p[0];
  }


  private static Span sentenceOf(Document doc, Span mention) {
    for (Span s : doc.sentences()) {
      if (s.overlaps(mention)) {
        return s;
      }
    }
    return null;
  }
}
