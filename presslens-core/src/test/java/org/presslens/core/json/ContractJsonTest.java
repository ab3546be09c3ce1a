package org.presslens.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;
import org.presslens.core.Credit;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.core.Source;
import org.presslens.core.Span;

class ContractJsonTest {
  @Test
  void writesEveryContractField() {
    Article a = new Article("in.txt", "Jane Doe spoke.", "T", List.of("A B"), "2018-07-02", "en",
        new Source("Example News", "example.com", "https://example.com/a"),
        List.of(new Credit("Source » Example News", "Example News", Credit.Kind.SOURCE_LINE, null)));
    Document d = new Document(a);
    d.setSentences(List.of(new Span(0, 15)));
    d.setEntities(List.of(new Entity("e1", "PERSON", "Jane Doe", List.of(new Mention(new Span(0, 8), "Jane Doe")))));
    JsonNode n = ContractJson.toTree(d);
    assertThat(n.fieldNames()).toIterable().contains(
        "input", "text", "title", "authors", "published", "language", "source", "credits",
        "sentences", "entities", "quotes", "claims", "techniques");
    assertThat(n.at("/credits/0/kind").asText()).isEqualTo("source-line");
    assertThat(n.at("/credits/0").has("start")).isFalse();
    assertThat(n.at("/entities/0/mentions/0/end").asInt()).isEqualTo(8);
    assertThat(n.at("/source/domain").asText()).isEqualTo("example.com");
    assertThat(ContractJson.toJsonLine(d)).doesNotContain("\n");
  }

  @Test
  void writesHowAPageWasReadAsExtensions() {
    Article a = new Article("p.html", "Text.", "T", List.of("A B"), "2019-05-14", "de", null, List.of(),
        new Article.Extraction("listing", "2019-06-01", java.util.Map.of("published", "byline", "language", "text")));
    JsonNode n = ContractJson.toTree(new Document(a));
    assertThat(n.path("published_from").asText()).isEqualTo("byline");
    assertThat(n.path("language_from").asText()).isEqualTo("text");
    assertThat(n.path("page_kind").asText()).isEqualTo("listing");
    assertThat(n.path("modified").asText()).isEqualTo("2019-06-01");
    assertThat(n.path("not_analysed").toString()).contains("entities", "quotes");
    JsonNode plain = ContractJson.toTree(new Document(Article.ofText("a.txt", "Text.")));
    assertThat(plain.has("page_kind") || plain.has("published_from") || plain.has("not_analysed")).isFalse();
    assertThat(n.has("redirects")).isFalse(); // nothing was fetched
  }

  @Test
  void writesTheRedirectsAPageWasFetchedThroughBesideItsFinalUrl() {
    Article a = new Article("http://example.com/s", "Text.", "T", List.of(), null, "en",
        new org.presslens.core.Source("Example", "example.com", "https://www.example.com/story"), List.of(),
        new Article.Extraction("article", null, java.util.Map.of()).withRedirects(
            List.of("http://example.com/s", "https://example.com/s")));
    JsonNode n = ContractJson.toTree(new Document(a));
    assertThat(n.path("redirects").toString()).isEqualTo("[\"http://example.com/s\",\"https://example.com/s\"]");
    assertThat(n.at("/source/url").asText()).isEqualTo("https://www.example.com/story");
  }
}
