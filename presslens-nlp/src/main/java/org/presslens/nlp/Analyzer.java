package org.presslens.nlp;

import java.util.ArrayList;
import java.util.List;
import org.presslens.core.Annotator;
import org.presslens.core.Pipeline;
import org.presslens.nlp.attribution.AttributionAnnotator;
import org.presslens.nlp.attribution.AttributionModel;
import org.presslens.nlp.backbone.corenlp.CoreNlpBackbone;
import org.presslens.nlp.claims.ClaimAnnotator;
import org.presslens.nlp.claims.ClaimModel;
import org.presslens.nlp.encoder.Encoder;
import org.presslens.nlp.encoder.EncoderAnnotator;
import org.presslens.nlp.provenance.OutletRegistry;
import org.presslens.nlp.provenance.ProvenanceAnnotator;
import org.presslens.nlp.stance.StanceAnnotator;
import org.presslens.nlp.stance.StanceModel;
import org.presslens.nlp.techniques.TechniqueAnnotator;
import org.presslens.nlp.techniques.TechniqueModel;

/** Builds the analysis pipeline. Loading the models takes seconds: do it once per process. */
public final class Analyzer {
  private Analyzer() {}

  /** Every stage, with the claims model's own decision threshold. */
  public static Pipeline standard() {
    return standard(null, OutletRegistry.standard());
  }

  /** Every stage, with another claim threshold: lower for more recall, higher for precision. */
  public static Pipeline standard(double claimThreshold) {
    return standard(claimThreshold, OutletRegistry.standard());
  }

  /**
   * Every stage, with a claim threshold (null: the model's own) and an outlet registry (the
   * shipped one with the user's files laid over it).
   */
  public static Pipeline standard(Double claimThreshold, OutletRegistry registry) {
    ClaimModel claims = ClaimModel.standard();
    List<Annotator> stages = base(true);
    stages.add(new ClaimAnnotator(claims, claimThreshold == null ? claims.threshold() : claimThreshold));
    stages.add(new TechniqueAnnotator(TechniqueModel.standard()));
    stages.add(new StanceAnnotator(StanceModel.standard()));
    // Every model after the tokenizer learnt English: on an article in another language they
    // would only invent entities and quotes, so they do not run (the contract says which).
    List<Annotator> gated = new ArrayList<>(stages.subList(0, 1));
    stages.subList(1, stages.size()).forEach(a -> gated.add(new EnglishOnly(a)));
    gated.add(new ProvenanceAnnotator(registry));
    return new Pipeline(gated);
  }

  /**
   * A stage that runs on articles in English or in a language nobody knows (plain text too short
   * to tell), and not on articles whose language is known to be another.
   */
  private record EnglishOnly(Annotator stage) implements Annotator {
    @Override
    public String name() {
      return stage.name();
    }

    @Override
    public java.util.Set<org.presslens.core.Layer> requires() {
      return stage.requires();
    }

    @Override
    public java.util.Set<org.presslens.core.Layer> provides() {
      return stage.provides();
    }

    @Override
    public void annotate(org.presslens.core.Document document) {
      String language = document.article().language();
      if (language == null || language.equals("en")) {
        stage.annotate(document);
      }
    }
  }

  /** The backbone's entity labels as they are, to measure what resolution adds. */
  public static Pipeline withoutResolution() {
    return new Pipeline(base(false));
  }

  /**
   * The stages that claims, techniques and stance read, without them: what those are trained on,
   * so that training never needs the model it builds.
   */
  public static Pipeline untrained() {
    return new Pipeline(base(true));
  }

  /**
   * Tokens, sentences, the vectors of {@code encoder} and entities: what the attribution heads
   * fine-tuned with that encoder read, while their thresholds are chosen.
   */
  public static Pipeline beforeAttribution(Encoder encoder) {
    return new Pipeline(tokensAndEntities(true, encoder));
  }

  private static List<Annotator> base(boolean resolveEntities) {
    List<Annotator> stages = tokensAndEntities(resolveEntities);
    stages.add(new AttributionAnnotator(AttributionModel.standard()));
    return stages;
  }

  private static List<Annotator> tokensAndEntities(boolean resolveEntities) {
    return tokensAndEntities(resolveEntities, Encoder.standard());
  }

  private static List<Annotator> tokensAndEntities(boolean resolveEntities, Encoder encoder) {
    List<Annotator> stages = new ArrayList<>();
    stages.add(new BackboneAnnotator(CoreNlpBackbone.load()));
    stages.add(new EncoderAnnotator(encoder));
    stages.add(new EntityAnnotator(resolveEntities));
    return stages;
  }
}
