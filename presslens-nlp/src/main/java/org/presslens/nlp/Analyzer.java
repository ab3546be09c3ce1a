package org.presslens.nlp;

import java.util.List;
import org.presslens.core.Pipeline;
import org.presslens.nlp.attribution.AttributionAnnotator;
import org.presslens.nlp.backbone.Backbone;
import org.presslens.nlp.backbone.corenlp.CoreNlpBackbone;

/** Builds the standard analysis pipeline. Loading the models takes seconds: do it once. */
public final class Analyzer {
  private Analyzer() {}

  /** Every stage, with within-article entity resolution. */
  public static Pipeline standard() {
    return withBackbone(CoreNlpBackbone.load(), true);
  }

  /** The backbone's entity labels as they are, to measure what resolution adds. */
  public static Pipeline withoutResolution() {
    return withBackbone(CoreNlpBackbone.load(), false);
  }

  /** The pipeline on a given backbone, with or without entity resolution. */
  public static Pipeline withBackbone(Backbone backbone, boolean resolveEntities) {
    return new Pipeline(
        List.of(
            new BackboneAnnotator(backbone),
            new EntityAnnotator(resolveEntities),
            new AttributionAnnotator()));
  }
}
