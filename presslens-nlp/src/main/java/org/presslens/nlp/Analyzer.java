package org.presslens.nlp;

import java.util.ArrayList;
import java.util.List;
import org.presslens.core.Annotator;
import org.presslens.core.Pipeline;
import org.presslens.nlp.attribution.AttributionAnnotator;
import org.presslens.nlp.backbone.corenlp.CoreNlpBackbone;
import org.presslens.nlp.claims.ClaimAnnotator;
import org.presslens.nlp.claims.ClaimModel;

/** Builds the analysis pipeline. Loading the models takes seconds: do it once per process. */
public final class Analyzer {
  private Analyzer() {}

  /** Every stage, with the claims model's own decision threshold. */
  public static Pipeline standard() {
    ClaimModel claims = ClaimModel.standard();
    return new Pipeline(stages(true, claims, claims.threshold()));
  }

  /** Every stage, with another claim threshold: lower for more recall, higher for precision. */
  public static Pipeline standard(double claimThreshold) {
    return new Pipeline(stages(true, ClaimModel.standard(), claimThreshold));
  }

  /** The backbone's entity labels as they are, to measure what resolution adds. */
  public static Pipeline withoutResolution() {
    return new Pipeline(stages(false, null, 0));
  }

  /** Every stage before claims: what the claims model is trained on, without needing itself. */
  public static Pipeline withoutClaims() {
    return new Pipeline(stages(true, null, 0));
  }

  private static List<Annotator> stages(boolean resolveEntities, ClaimModel claims, double claimThreshold) {
    List<Annotator> stages = new ArrayList<>();
    stages.add(new BackboneAnnotator(CoreNlpBackbone.load()));
    stages.add(new EntityAnnotator(resolveEntities));
    stages.add(new AttributionAnnotator());
    if (claims != null) {
      stages.add(new ClaimAnnotator(claims, claimThreshold));
    }
    return stages;
  }
}
