package org.presslens.nlp.encoder;

import java.util.Set;
import org.presslens.core.Annotator;
import org.presslens.core.Document;
import org.presslens.core.Layer;

/** Adds the {@link Encoder}'s contextual vectors of the tokens: the VECTORS layer. */
public final class EncoderAnnotator implements Annotator {
  /** The stage's name, as the pipeline and {@code presslens bench} report it. */
  public static final String NAME = "encoder";

  private final Encoder encoder;

  public EncoderAnnotator(Encoder encoder) {
    this.encoder = encoder;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Layer> requires() {
    return Set.of(Layer.TOKENS, Layer.SENTENCES);
  }

  @Override
  public Set<Layer> provides() {
    return Set.of(Layer.VECTORS);
  }

  @Override
  public void annotate(Document document) {
    document.setVectors(encoder.encode(document.text(), document.tokens()));
  }
}
