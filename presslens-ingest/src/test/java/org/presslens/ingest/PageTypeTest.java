package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;

/**
 * The shipped page-type classifier on pages written here (none of WCXB's): each kind comes out
 * right, and the kind changes how the page is read.
 */
class PageTypeTest {
  private static Article read(String html, String url) throws BadInputException {
    return HtmlArticles.of("page.html", html.getBytes(StandardCharsets.UTF_8), url);
  }

  private static final String SITE_HEADER = "<header><a href=\"/\">Tidewise</a><nav><a href=\"/features\">Features</a>"
      + "<a href=\"/pricing\">Pricing</a><a href=\"/blog\">Blog</a><a href=\"/login\">Log in</a></nav></header>";
  private static final String SITE_FOOTER = "<footer><p>© 2026 Tidewise Ltd, 4 Quay Street, Porthaven</p>"
      + "<a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer>";

  @Test
  void aServicePageIsOtherAndReadWholeSectionBySection() throws Exception {
    String feature = "<div class=\"feature-card\"><h3>%s</h3><p>%s</p></div>";
    Article a = read("<html><head><title>Tidewise | Tide tables for harbour masters</title>"
        + "<meta property=\"og:type\" content=\"website\"></head><body>" + SITE_HEADER + "<main>"
        + "<section class=\"hero\"><h1>Tide tables your harbour can trust</h1><p>Tidewise computes tides for your own quay,"
        + " not the nearest standard port.</p><a class=\"button\" href=\"/signup\">Start your free trial</a></section>"
        + "<section class=\"features\"><h2>Everything a harbour office needs</h2>"
        + feature.formatted("Quay-level predictions", "Corrections for your berth, computed every night.")
        + feature.formatted("Storm surge alerts", "A text message when wind and pressure move the water.")
        + feature.formatted("Shared calendars", "Pilots, ferries and fishers see the same table.")
        + "</section><section class=\"pricing\"><h2>Pricing</h2>"
        + "<div class=\"plan\"><h3>Harbour</h3><p>$29 per month</p><ul><li>One quay</li><li>Email alerts</li></ul>"
        + "<button>Choose Harbour</button></div>"
        + "<div class=\"plan\"><h3>Port</h3><p>$99 per month</p><ul><li>Ten quays</li><li>Text alerts</li></ul>"
        + "<button>Choose Port</button></div></section>"
        + "<section class=\"testimonials\"><h2>What harbour masters say</h2><blockquote>We stopped arguing with the"
        + " almanac. — Maria Lopez, Porthaven</blockquote></section>"
        + "<section class=\"faq\"><h2>Questions</h2><h3>Can I try it first?</h3><p>Yes: thirty days, no card needed.</p>"
        + "<h3>Which ports are covered?</h3><p>Any quay with a year of gauge readings.</p></section>"
        + "<section class=\"signup\"><form action=\"/signup\"><input type=\"email\" name=\"email\">"
        + "<button>Get started</button></form></section></main>" + SITE_FOOTER + "</body></html>",
        "https://www.tidewise.example/");
    assertThat(a.extraction().pageKind()).isEqualTo("other");
    // Read whole: every section, not the one container with the most prose; not the site's chrome.
    assertThat(a.text()).contains("computes tides for your own quay", "Storm surge alerts", "$99 per month",
        "We stopped arguing with the almanac", "thirty days, no card needed").doesNotContain("Log in", "Privacy");
  }

  @Test
  void aListingOfStoriesIsAListingWithEveryCard() throws Exception {
    StringBuilder cards = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      cards.append("<article class=\"post-card\"><a href=\"/blog/tide-note-").append(i).append("\"><img src=\"/img/").append(i)
          .append(".jpg\" alt=\"\"><h2>Tide note ").append(i).append(": what the gauge said</h2></a><p class=\"excerpt\">")
          .append("Notes from the quay, week ").append(i).append(".</p><time datetime=\"2026-03-").append(10 + i)
          .append("\">March ").append(10 + i).append("</time></article>");
    }
    Article a = read("<html><head><title>Blog | Tidewise</title></head><body>" + SITE_HEADER
        + "<main><h1>The Tidewise blog</h1><div class=\"post-list\">" + cards + "</div>"
        + "<nav class=\"pagination\"><a href=\"/blog/page/2\">Older posts</a></nav></main>" + SITE_FOOTER + "</body></html>",
        "https://www.tidewise.example/blog/");
    assertThat(a.extraction().pageKind()).isEqualTo("listing");
    assertThat(a.text()).contains("Tide note 1: what the gauge said", "Notes from the quay, week 12").doesNotContain("Privacy");
  }

  @Test
  void aProductPageIsAProduct() throws Exception {
    Article a = read("<html><head><title>Brass tide clock | Harbour Shop</title><meta property=\"og:type\" content=\"product\">"
        + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Brass tide clock\","
        + "\"offers\":{\"@type\":\"Offer\",\"price\":\"49.00\",\"priceCurrency\":\"USD\"}}</script></head><body>"
        + "<header><a href=\"/\">Harbour Shop</a> <a href=\"/cart\">Cart (0)</a></header><main>"
        + "<nav class=\"breadcrumb\"><a href=\"/\">Home</a> › <a href=\"/collections/clocks\">Clocks</a></nav>"
        + "<div class=\"product\"><img src=\"/img/clock.jpg\" alt=\"Brass tide clock\"><h1>Brass tide clock</h1>"
        + "<p class=\"price\">$49.00</p><form action=\"/cart/add\"><select name=\"finish\"><option>Polished</option>"
        + "<option>Antique</option></select><input type=\"number\" name=\"quantity\" value=\"1\"><button>Add to cart</button></form>"
        + "<div class=\"description\"><p>A brass tide clock for the harbour wall, with a dial that shows high and low water.</p></div>"
        + "<table class=\"specs\"><tr><th>Diameter</th><td>20 cm</td></tr><tr><th>Weight</th><td>1.2 kg</td></tr></table>"
        + "</div></main><footer>Harbour Shop, 4 Quay Street</footer></body></html>",
        "https://shop.harbour.example/products/brass-tide-clock");
    assertThat(a.extraction().pageKind()).isEqualTo("product");
    assertThat(a.text()).contains("shows high and low water");
  }

  @Test
  void aNewsStoryIsAnArticleReadAsOneContainer() throws Exception {
    String prose = "<p>The ferry between Porthaven and the islands will stop running in October, the operator said on"
        + " Monday, after two winters of storms, rising fuel costs and a shortage of crew to keep the boats at sea.</p>";
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      body.append(prose.replace("October", "October (" + (i + 1) + ")"));
    }
    Article a = read("<html><head><title>Island ferry to stop in October - Harbour Gazette</title>"
        + "<meta property=\"og:type\" content=\"article\">"
        + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Island ferry to stop in October\","
        + "\"datePublished\":\"2026-03-02\",\"author\":{\"@type\":\"Person\",\"name\":\"Ana Silva\"}}</script></head><body>"
        + "<header><a href=\"/\">Harbour Gazette</a></header><main><article><h1>Island ferry to stop in October</h1>"
        + "<p class=\"byline\">By Ana Silva</p>" + body + "</article>"
        + "<aside class=\"related\"><h2>More news</h2><a href=\"/news/a\">Council votes on quay</a>"
        + "<a href=\"/news/b\">Storm closes road</a></aside></main>"
        + "<footer>Harbour Gazette, 1 Harbour Road</footer></body></html>",
        "https://www.harbourgazette.example/news/2026/03/02/island-ferry-to-stop-in-october");
    assertThat(a.extraction().pageKind()).isEqualTo("article");
    assertThat(a.text()).contains("October (1)", "October (6)").doesNotContain("Council votes on quay", "1 Harbour Road");
  }

  @Test
  void theShippedModelSaysHowItWasMade() {
    PageType shipped = PageType.shipped();
    assertThat(shipped).isNotNull();
    var notes = org.presslens.core.learn.LinearModel.resource(PageType.class, PageType.RESOURCE, PageType.REBUILD).notes();
    assertThat(notes).containsKeys("data", "command", "setting", "nested cross-validation (held-out)",
        "held-out accuracy per type", PageType.READ_WHOLE);
    assertThat(notes.get("classes")).isEqualTo(String.join("|", PageType.TYPES));
  }
}
