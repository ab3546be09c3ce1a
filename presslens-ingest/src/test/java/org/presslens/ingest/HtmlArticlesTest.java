package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;
import org.presslens.core.Credit;

class HtmlArticlesTest {
  private static final String PAGE = """
      <!DOCTYPE html><html lang="en-US"><head>
      <title>Dam plan approved - The Valley Times</title>
      <meta property="og:site_name" content="The Valley Times">
      <link rel="canonical" href="https://www.valleytimes.example/2024/dam">
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Dam plan approved",
        "datePublished":"2024-05-06T08:00:00+02:00","author":[{"@type":"Person","name":"Ana Silva"},{"name":"Li Wei"}]}</script>
      </head><body>
      <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
      <div class="share-buttons"><a href="#">Share on X</a></div>
      <article><h1>Dam plan approved</h1>
      <p>Source » Valley Action Network</p>
      <div class="story-body">
      <p>HILLTOWN (AP) — The regional council approved the dam plan on Monday, ending a decade of argument over the river.</p>
      <p>Supporters said the dam would supply water to 40,000 homes, while critics warned of flooding upstream, costs and delays.</p>
      <figure><img src="dam.jpg"><figcaption>The river at dawn. Photo: Staff</figcaption></figure>
      <p>The Associated Press contributed to this report.</p>
      </div></article>
      <aside class="related-stories"><h2>More</h2><p><a href="/x">Another story about something else entirely that nobody asked for</a></p></aside>
      <footer><p>Copyright The Valley Times, all rights reserved, do not copy this text anywhere.</p></footer>
      </body></html>""";

  @Test
  void extractsBodyMetadataAndCredits() throws Exception {
    Article a = HtmlArticles.of("page.html", PAGE.getBytes(StandardCharsets.UTF_8), null);
    assertThat(a.title()).isEqualTo("Dam plan approved");
    assertThat(a.authors()).containsExactly("Ana Silva", "Li Wei");
    assertThat(a.published()).isEqualTo("2024-05-06T08:00+02:00");
    assertThat(a.language()).isEqualTo("en");
    assertThat(a.source().name()).isEqualTo("The Valley Times");
    assertThat(a.source().domain()).isEqualTo("valleytimes.example");
    assertThat(a.source().url()).isEqualTo("https://www.valleytimes.example/2024/dam");
    assertThat(a.text()).startsWith("HILLTOWN (AP) — The regional council").contains("\n\nSupporters said")
        .doesNotContain("Share on X", "Home", "Photo: Staff", "Copyright", "contributed to this report",
            "Source »", "Another story");
    assertThat(a.credits()).extracting(Credit::kind, Credit::name).contains(
        org.assertj.core.groups.Tuple.tuple(Credit.Kind.SOURCE_LINE, "Valley Action Network"),
        org.assertj.core.groups.Tuple.tuple(Credit.Kind.WIRE_DATELINE, "AP"),
        org.assertj.core.groups.Tuple.tuple(Credit.Kind.CONTRIBUTED, "The Associated Press"));
    Credit wire = a.credits().stream().filter(c -> c.kind() == Credit.Kind.WIRE_DATELINE).findFirst().orElseThrow();
    assertThat(a.text().substring(wire.span().start(), wire.span().end())).isEqualTo("HILLTOWN (AP) —");
  }
}
