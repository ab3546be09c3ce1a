package org.presslens.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelineTest {
  private static Annotator stage(String name, Set<Layer> requires, Set<Layer> provides) {
    return new Annotator() {
      public String name() {
        return name;
      }

      public Set<Layer> requires() {
        return requires;
      }

      public Set<Layer> provides() {
        return provides;
      }

      public void annotate(Document d) {
        if (provides.contains(Layer.SENTENCES)) {
          d.setSentences(List.of(new Span(0, d.text().length())));
        }
      }
    };
  }

  @Test
  void rejectsAStageWhoseLayersNoEarlierStageProvides() {
    assertThatThrownBy(() -> new Pipeline(List.of(stage("entities", Set.of(Layer.TOKENS), Set.of(Layer.ENTITIES)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entities needs [TOKENS]");
  }

  @Test
  void runsStagesInOrder() {
    Pipeline p = new Pipeline(List.of(
        stage("split", Set.of(), Set.of(Layer.SENTENCES)),
        stage("use", Set.of(Layer.SENTENCES), Set.of())));
    Document d = p.analyze(Article.ofText("x", "One. Two."));
    assertThat(d.has(Layer.SENTENCES)).isTrue();
    assertThat(d.sentences()).containsExactly(new Span(0, 9));
  }

  @Test
  void aLayerIsSetOnce() {
    Document d = new Document(Article.ofText("x", "abc"));
    d.setSentences(List.of());
    assertThatThrownBy(() -> d.setSentences(List.of())).isInstanceOf(IllegalStateException.class);
  }
}
