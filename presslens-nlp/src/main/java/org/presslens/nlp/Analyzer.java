package org.presslens.nlp;

import java.util.ArrayList;
import java.util.List;
import org.presslens.core.Annotator;
import org.presslens.core.Pipeline;
import org.presslens.nlp.attribution.AttributionAnnotator;
import org.presslens.nlp.backbone.corenlp.CoreNlpBackbone;
import org.presslens.nlp.claims.ClaimAnnotator;
import org.presslens.nlp.claims.ClaimModel;
import org.presslens.nlp.stance.StanceAnnotator;
import org.presslens.nlp.stance.StanceModel;
import org.presslens.nlp.techniques.TechniqueAnnotator;
import org.presslens.nlp.techniques.TechniqueModel;

/** Builds the analysis pipeline. Loading the models takes seconds: do it once per process. */
public final class Analyzer {
  private Analyzer() {}

  /** Every stage, with the claims model's own decision threshold. */
  public static Pipeline standard() {
    ClaimModel claims = ClaimModel.standard();
    return standard(claims, claims.threshold());
  }

  /** Every stage, with another claim threshold: lower for more recall, higher for precision. */
  public static Pipeline standard(double claimThreshold) {
    return standard(ClaimModel.standard(), claimThreshold);
  }

  private static Pipeline standard(ClaimModel claims, double claimThreshold) {
    List<Annotator> stages = base(true);
    stages.add(new ClaimAnnotator(claims, claimThreshold));
    stages.add(new TechniqueAnnotator(TechniqueModel.standard()));
    stages.add(new StanceAnnotator(StanceModel.standard()));
    return new Pipeline(stages);
  }

  /** The backbone's entity labels as they are, to measure what resolution adds. */
  public static Pipeline withoutResolution() {
    return new Pipeline(base(false));
  }

  /**
   * The stages that the trained ones (claims, techniques, stance) read, without them: what those are
   * trained on, so that training never needs the model it builds.
   */
  public static Pipeline untrained() {
    return new Pipeline(base(true));
  }

  private static List<Annotator> base(boolean resolveEntities) {
    List<Annotator> stages = new ArrayList<>();
    stages.add(new BackboneAnnotator(CoreNlpBackbone.load()));
    stages.add(new EntityAnnotator(resolveEntities));
    stages.add(new AttributionAnnotator());
    return stages;
  }
}
