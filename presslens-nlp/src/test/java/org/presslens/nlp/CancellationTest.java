package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.presslens.core.Annotator;
import org.presslens.core.Document;
import org.presslens.core.Article;
import org.junit.jupiter.api.Test;

/**
 * A cancelled analysis stops inside a stage, not at its end: a server interrupts the analysis of
 * a request whose budget ran out or whose client went away, and on a huge article one stage
 * alone runs for minutes.
 */
class CancellationTest {
  private static final String ARTICLE = "Ferry strike called off\n\n"
      + "Union leader Patricia Hewitt said on Tuesday that the ferry strike at Porthaven was off. "
      + "\"We have a deal,\" Hewitt said. The council of Porthaven, which owns the harbour, said the deal would cost "
      + "£1.4 million a year. According to the Porthaven Harbour Authority, 40 percent of the island's food arrives by ferry.\n\n"
      + "Critics called the deal a disgraceful surrender to the union. Hewitt rejected that.";

  /** Stages whose work does not grow with the text: one look-up per article. */
  private static final java.util.Set<String> FIXED_COST = java.util.Set.of("provenance");

  @Test
  void everyStageWhoseWorkGrowsWithTheTextStopsWhenItsThreadIsInterrupted() throws Exception {
    Document document = new Document(new Article("ferry.txt", ARTICLE, null, java.util.List.of(), null, "en", null, java.util.List.of()));
    for (Annotator stage : Shared.PIPELINE.annotators()) {
      if (!FIXED_COST.contains(stage.name())) {
        Document copy = document.copy(document.article(), java.util.EnumSet.allOf(org.presslens.core.Layer.class));
        Thread.currentThread().interrupt();
        Throwable thrown;
        try {
          thrown = catchThrowable(() -> stage.annotate(copy));
        } finally {
          Thread.interrupted(); // clear the flag, whether or not the stage saw it
        }
        assertThat(thrown).as(stage.name() + " went on when its thread was interrupted")
            .isInstanceOf(java.util.concurrent.CancellationException.class);
      }
      stage.annotate(document); // then the stage runs for real, for the stages after it
    }
    assertThat(document.quotes()).isNotEmpty(); // an uninterrupted analysis is whole
  }
}
