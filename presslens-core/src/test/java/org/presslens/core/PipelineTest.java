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

  @Test
  void aCopyTakesItsLayersInTheirOwnOrderWhateverTheSetsOrder() {
    Document d = new Document(Article.ofText("x", "ab cd"));
    d.setTokens(List.of(new Token(new Span(0, 2), "ab", "NN", "O", 0), new Token(new Span(3, 5), "cd", "NN", "O", 0)));
    d.setVectors(new TokenVectors(2, new float[] {1, 2, 3, 4}));
    // Vectors are checked against the tokens when set: a copy must set the tokens first.
    for (Set<Layer> layers : List.of(Set.of(Layer.VECTORS, Layer.TOKENS), Set.of(Layer.TOKENS, Layer.VECTORS))) {
      Document copy = d.copy(d.article(), layers);
      assertThat(copy.vectors().vector(1)).containsExactly(3, 4);
      assertThat(copy.tokens()).hasSize(2);
    }
  }

  @Test
  void entitiesMayBeRevisedByALaterStageButNeverDropped() {
    Document d = new Document(Article.ofText("x", "Ann Lee and Bo Chan"));
    Entity ann = new Entity("e1", "PERSON", "Ann Lee", List.of(new Mention(new Span(0, 7), "Ann Lee")));
    Entity bo = new Entity("e2", "PERSON", "Bo Chan", List.of(new Mention(new Span(12, 19), "Bo Chan")));
    assertThatThrownBy(() -> d.reviseEntities(List.of(ann))).isInstanceOf(IllegalStateException.class);
    d.setEntities(List.of(ann));
    d.reviseEntities(List.of(ann, bo));
    assertThat(d.entities()).containsExactly(ann, bo);
    assertThatThrownBy(() -> d.reviseEntities(List.of(bo))).isInstanceOf(IllegalArgumentException.class);
  }
}
