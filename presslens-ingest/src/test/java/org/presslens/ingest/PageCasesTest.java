package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;

/**
 * Pages rebuilt from public reports of other extractors' failures (issue 19), each with its right
 * answer. The pages are the project's own.
 */
class PageCasesTest {
  private static Article read(String html) throws BadInputException {
    return read(html, "https://www.harbourgazette.example/news/ferry");
  }

  /** A page at its own address: what a page is, the classifier reads in its address too. */
  private static Article read(String html, String url) throws BadInputException {
    return HtmlArticles.of("page.html", html.getBytes(StandardCharsets.UTF_8), url);
  }

  /** The ferry article, headline and paragraphs, then {@code html} inside its {@code <article>}. */
  private static Article readArticleThen(String html) throws BadInputException {
    return read("<html><body><article><h1>Ferry to stop</h1>" + PARAGRAPHS + html + "</article></body></html>");
  }

  private static final String PARAGRAPHS = """
      <p>The ferry between Porthaven and the islands will stop running in October, the operator said on Monday,
      after two winters of storms, rising fuel costs and a shortage of crew.</p>
      <p>Islanders, who depend on the crossing for school, work and hospital visits, said they had not been
      consulted, and the council called an emergency meeting for Thursday evening.</p>
      <p>The operator said it would keep a reduced summer timetable if the regional government paid part of
      the cost, an offer the transport minister declined to discuss.</p>
      """;

  @Test
  void aBylineInCapitalsGivesEachAuthorInNormalCase() throws Exception {
    Article a = read("<html><head><title>Ferry to stop | Harbour Gazette</title></head><body><article>"
        + "<h1>Ferry to stop</h1><p class=\"byline\">By GABBY NORTHCOTT, DERBY OKONJO and TOBY WREN</p>"
        + PARAGRAPHS + "</article></body></html>");
    assertThat(a.authors()).containsExactly("Gabby Northcott", "Derby Okonjo", "Toby Wren");
    assertThat(a.extraction().from()).containsEntry("authors", "byline");
    // The same byline as a plain first line of the article, with no class to say so.
    Article plain = read("<html><body><article><h1>Ferry to stop</h1><div>By GABBY NORTHCOTT, DERBY OKONJO and TOBY WREN</div>"
        + PARAGRAPHS + "</article></body></html>");
    assertThat(plain.authors()).containsExactly("Gabby Northcott", "Derby Okonjo", "Toby Wren");
    assertThat(plain.text()).startsWith("The ferry between Porthaven");
  }

  @Test
  void aClassSayingSomethingElseIsHiddenDoesNotHideTheBody() throws Exception {
    // Drupal marks a body field "field--label-hidden" (its label is hidden) and utility CSS
    // writes "overflow-hidden": neither says the text is; "visually-hidden" does.
    Article a = read("<html><body><article><h1>Ferry to stop</h1>"
        + "<div class=\"visually-hidden\">Skip to main content</div><div class=\"visuallyhidden\">Share this story</div>"
        + "<div class=\"overflow-hidden\"><div class=\"field field--name-field-text field--label-hidden\">" + PARAGRAPHS
        + "</div></div></article></body></html>");
    assertThat(a.text()).startsWith("The ferry between Porthaven").contains("transport minister declined")
        .doesNotContain("Skip to main content").doesNotContain("Share this story");
  }

  @Test
  void anUnclosedAsideOrReactsStreamedPartsDoNotTakeTheArticleWithThem() throws Exception {
    // A banner's <aside> never closed: a browser, like jsoup, puts the rest of the page inside it.
    Article unclosed = read("<html><body><aside class=\"announcement-banner\"><a href=\"/news\">Announcement:"
        + " we have moved</a><main><article><h1>Ferry to stop</h1>" + PARAGRAPHS
        + "</article></main><footer>Harbour Gazette</footer></body></html>");
    assertThat(unclosed.text()).startsWith("The ferry between Porthaven").contains("transport minister declined")
        .doesNotContain("we have moved");
    // A hidden wrapper a script will show, around the page's <main>: the main stays, the rest goes.
    Article wrapped = read("<html><body><div hidden><p>Loading the page, please wait a moment.</p><main><article>"
        + "<h1>Ferry to stop</h1>" + PARAGRAPHS + "</article></main></div><div hidden>Menu</div></body></html>");
    assertThat(wrapped.text()).startsWith("The ferry between Porthaven").contains("transport minister declined")
        .doesNotContain("Loading").doesNotContain("Menu");
    // React's streamed parts: each waits in <div hidden id="S:n"> until a script moves it into its
    // placeholder, in place of the loading state; a part whose placeholder is gone shows where it is.
    String lead = "<p>Porthaven, Monday. The ferry operator has written to every household on the islands this week.</p>";
    String streamedPage = "<html><body><main><article><h1>Ferry to stop</h1><!--$?--><template id=\"B:0\"></template>"
        + "<p>Loading the story, please wait.</p><!--/$-->" + lead + "</article></main>"
        + "<div hidden id=\"S:0\"><div class=\"flex flex-col\">" + PARAGRAPHS + "</div></div>"
        + "<div hidden id=\"S:1\"><p>Comments are open until Friday on every story about the ferry crossing.</p></div>"
        + "<div hidden>Menu</div><script>$RC(\"B:0\",\"S:0\")</script></body></html>";
    Article streamed = read(streamedPage);
    assertThat(streamed.text()).startsWith("The ferry between Porthaven").doesNotContain("Loading").doesNotContain("Menu");
    // The part whose placeholder is gone is shown where it is (beside <main>, so no content here).
    assertThat(HtmlArticles.parse(streamedPage, null).getElementById("S:1").hasAttr("hidden")).isFalse();
    assertThat(streamed.text().indexOf("transport minister declined")).isLessThan(streamed.text().indexOf("Porthaven, Monday"));
  }

  @Test
  void anAuthorBoxsHeadingDescriptionAndJobAreNoNames() throws Exception {
    // A theme's box: "The Author" over the name in a BEM element, and a line that describes the writer.
    Article boxed = readArticleThen("<div class=\"article-author\"><span>The Author</span></div><div class=\"author-card\">"
        + "<span class=\"author-meta--name\">Nicole Burke</span>"
        + "<p class=\"author-meta--description\">Founder of Rooted Garden</p></div>");
    assertThat(boxed.authors()).containsExactly("Nicole Burke");
    // A description alone, the name in an element nothing marks: no author rather than a wrong one.
    Article described = readArticleThen("<div><p class=\"headline\">Asser Christensen</p><div class=\"dynamic-author-description\">"
        + "Licensed Q Arabica Grader, M.A. Journalism</div></div>");
    assertThat(described.authors()).isEmpty();
    // A sentence that names the writer and the job after the name: the name alone.
    Article sentence = readArticleThen("<div class=\"author-bio\">This post was written by Danielle Padula, Head of Marketing"
        + " and Community Development</div>");
    assertThat(sentence.authors()).containsExactly("Danielle Padula");
    // The job after the name names a desk first: "Tech Reporter".
    Article desk = read("<html><body><article><h1>Ferry to stop</h1><a href=\"/author/harry-rabinowitz\"><div>"
        + "<p class=\"name\">Harry Rabinowitz</p><p class=\"jobTitle\">Tech Reporter</p></div></a>" + PARAGRAPHS
        + "</article></body></html>");
    assertThat(desk.authors()).containsExactly("Harry Rabinowitz");
  }

  @Test
  void aCaptionAuthorAboveTheNameIsNoPartOfIt() throws Exception {
    Article a = read("<html><body><article><h1>Ferry to stop</h1><div class=\"header-author\"><div class=\"caption\">Author</div>"
        + "<div class=\"the-author\">Isaiah Shelton</div></div>" + PARAGRAPHS + "</article></body></html>");
    assertThat(a.authors()).containsExactly("Isaiah Shelton");
  }

  @Test
  void anElementMarkedAsTheAuthorsNameGivesTheName() throws Exception {
    // A theme's author box: a heading, the name and the role, each in its element.
    Article a = read("<html><body><article><h1>Ferry to stop</h1><div class=\"t-blogpost-author\">"
        + "<h4 class=\"t-blogpost-author-heading\">Insights from</h4><div class=\"t-blogpost-author-box\">"
        + "<div class=\"t-blogpost-author-name\">Liza Burke</div><div class=\"t-blogpost-author-position\">Marketing Director</div>"
        + "</div></div>" + PARAGRAPHS + "</article></body></html>");
    assertThat(a.authors()).containsExactly("Liza Burke");
    // "By" in an element of its own beside the name is the label, not a second writer.
    Article labelled = read("<html><body><article><h1>Ferry to stop</h1><p class=\"byline\"><span class=\"byline__name\">By</span> "
        + "<span class=\"byline__name\">Sergio Martinez</span></p>" + PARAGRAPHS + "</article></body></html>");
    assertThat(labelled.authors()).containsExactly("Sergio Martinez");
  }

  @Test
  void relAuthorCountsOnlyInsideTheArticle() throws Exception {
    Article a = read("<html><body><main><article><h1>Ferry to stop</h1>"
        + "<p>By <a rel=\"author\" href=\"/staff/ines-carvalho\">Ines Carvalho</a></p>" + PARAGRAPHS + "</article>"
        + "<aside class=\"more-stories\"><h2>More stories</h2>"
        + "<article><h3><a href=\"/a\">Harbour wall repaired</a></h3><a rel=\"author\" href=\"/staff/a\">Piet Janssen</a></article>"
        + "<article><h3><a href=\"/b\">Lifeboat crew honoured</a></h3><a rel=\"author\" href=\"/staff/b\">Mary Okafor</a></article>"
        + "</aside><section class=\"latest\"><div class=\"card\"><a href=\"/c\">Fish prices</a> <a rel=\"author\" href=\"/staff/c\">Tom Reyes</a></div>"
        + "</section></main></body></html>");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
    assertThat(a.extraction().from()).containsEntry("authors", "rel-author");
  }

  @Test
  void aBylineWithDateAndAuthorAboveTheBodyAndDatedCommentsBelow() throws Exception {
    Article a = read("<html><head><title>Ferry to stop</title></head><body><div id=\"page\">"
        + "<div class=\"post\"><h1 class=\"entry-title\">Ferry to stop</h1>"
        + "<div class=\"post-info\">Tuesday May 14, 2019 9:12 am PDT by Ines Carvalho</div>"
        + "<div class=\"entry\">" + PARAGRAPHS + "</div></div>"
        + "<div id=\"comments\"><h3>3 Responses</h3><ol class=\"commentlist\">"
        + "<li><div class=\"comment-meta\">June 2, 2019 at 4:05 pm</div><p>We were never asked about any of this, and the"
        + " winter timetable was already a disgrace for everybody on the islands.</p></li>"
        + "<li><div class=\"comment-meta\">June 3, 2019 at 8:15 am</div><p>The council knew about the fuel costs for"
        + " years and did nothing, as usual, while the operator kept raising the fares.</p></li></ol></div>"
        + "</div></body></html>");
    assertThat(a.published()).isEqualTo("2019-05-14");
    assertThat(a.extraction().from()).containsEntry("published", "byline");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
    assertThat(a.text()).startsWith("The ferry between Porthaven").doesNotContain("never asked", "fuel costs for years", "June 2");
  }

  @Test
  void anOpenLetterFollowedByALargerTableOfSignatoriesKeepsTheLetter() throws Exception {
    StringBuilder rows = new StringBuilder();
    String[] roles = {"Professor of Marine Biology, University of Porthaven", "Director, Islands Health Trust",
        "Chair, Porthaven Fishermen's Association", "Head teacher, St Brigid's School, Inishmore",
        "General practitioner, Islands Medical Centre", "Councillor, Porthaven Town Council, Harbour Ward"};
    for (int i = 0; i < 60; i++) {
      rows.append("<tr><td>Signatory Name ").append(i).append("</td><td>").append(roles[i % roles.length])
          .append(", signed on behalf of themselves, not of their employer</td></tr>");
    }
    Article a = read("<html><body><article><h1>An open letter on the islands ferry</h1>"
        + "<p>We, the undersigned, call on the regional government to keep the ferry to the islands running all year,"
        + " because the crossing is the only way for islanders to reach school, work and hospital.</p>"
        + "<p>Closing the route in October would cut off two thousand people for the winter, and no study of the"
        + " effects on health, education or the islands' economy has been published.</p>"
        + "<p>We ask the minister to meet the islands' council before any decision is taken, and to publish the"
        + " operator's figures, so that the public can judge the cost for itself.</p>"
        + "<table class=\"signatories\"><tbody>" + rows + "</tbody></table></article></body></html>");
    assertThat(a.text()).startsWith("We, the undersigned, call on the regional government")
        .contains("Closing the route in October", "We ask the minister to meet");
  }

  @Test
  void aGermanPageIsSaidToBeGerman() throws Exception {
    Article a = read("<html><head><title>Ein Besuch bei den Menschen der Insel</title></head><body><article>"
        + "<h1>Ein Besuch bei den Menschen der Insel</h1>"
        + "<p>Die Fähre zwischen Porthaven und den Inseln wird im Oktober eingestellt, teilte der Betreiber am Montag mit."
        + " Nach zwei stürmischen Wintern, steigenden Treibstoffkosten und einem Mangel an Personal sei der Betrieb nicht"
        + " mehr wirtschaftlich.</p><p>Die Inselbewohner, die für Schule, Arbeit und Krankenhausbesuche auf die"
        + " Verbindung angewiesen sind, fühlen sich übergangen. Der Gemeinderat hat für Donnerstagabend eine"
        + " Dringlichkeitssitzung einberufen.</p></article></body></html>");
    assertThat(a.language()).isEqualTo("de");
    assertThat(a.extraction().from()).containsEntry("language", "text");
  }

  @Test
  void aListingIsSaidToBeOneAndItsTextIsItsMainContent() throws Exception {
    StringBuilder cards = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      cards.append("<div class=\"card\"><a href=\"/news/story-").append(i).append("\">Harbour story number ").append(i)
          .append("</a><p>A short teaser for story ").append(i).append(".</p></div>");
    }
    Article a = read("<html><head><title>Harbour news | Harbour Gazette</title></head><body>"
        + "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><main><h1>Harbour news</h1>"
        + "<div class=\"grid\">" + cards + "</div></main><footer>Contact us</footer></body></html>");
    assertThat(a.extraction().pageKind()).isEqualTo("listing");
    assertThat(a.text()).contains("A short teaser for story 1.", "A short teaser for story 12.").doesNotContain("Contact us");
    assertThat(a.title()).isEqualTo("Harbour news");
  }

  @Test
  void aShopsGridOfLinkedCardsIsTheTextWithoutAMainRegion() throws Exception {
    StringBuilder cards = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      // Class names that mark an article's clutter ("media", "rating") mark a shop's cards too.
      cards.append("<li class=\"product-card media\"><a href=\"/products/clock-").append(i).append("\">Brass tide clock no. ").append(i)
          .append("</a><span class=\"price\">$").append(40 + i).append(".00</span><span class=\"rating\">Rated ").append(i % 5 + 1)
          .append(" of 5</span></li>");
    }
    Article a = read("<html><head><title>Tide clocks | Harbour Shop</title></head><body>"
        + "<header><a href=\"/\">Harbour Shop</a> <a href=\"/cart\">Cart</a></header>"
        + "<div class=\"collection\"><h1>Tide clocks</h1><p>10 products</p><ul class=\"grid\">" + cards + "</ul></div>"
        + "<footer>Harbour Shop, 4 Quay Street</footer></body></html>", "https://shop.harbourgazette.example/collections/tide-clocks");
    assertThat(a.extraction().pageKind()).isEqualTo("listing");
    // Every card, its linked name, price and rating; not the site's header or footer. (The grid
    // holds nearly all the page's text, and such listings are read as that container, as the
    // page-type model's folds chose: the "10 products" line above it is left out.)
    assertThat(a.text()).contains("Brass tide clock no. 1", "$41.00", "Rated 2 of 5", "Brass tide clock no. 10", "$50.00")
        .doesNotContain("Cart", "Quay Street");
  }

  @Test
  void aPageOfSectionsThatSaysNotWhatItIsKeepsEverySection() throws Exception {
    // A service page at its product's address: one section of prose, then features, plans and
    // questions in short blocks no container of prose holds; the page says nothing of its kind.
    StringBuilder features = new StringBuilder();
    for (String f : new String[] {"Tide tables for 40 harbours", "Alerts before storms", "Berth bookings by phone",
        "Fuel prices at each quay", "Crew rotas shared with the harbour master", "Offline charts"}) {
      features.append("<div class=\"feature\"><h3>").append(f).append("</h3><span>Included in every plan.</span></div>");
    }
    Article a = read("<html><head><title>Harbour Planner</title></head><body><nav><a href=\"/\">Home</a></nav>"
        + "<section class=\"hero\"><h1>Harbour Planner</h1><p>Harbour Planner keeps a small port's tides, berths, crews and"
        + " fuel in one place, so that the harbour master spends the morning on the water and not on the telephone.</p>"
        + "<p>It was built with the harbour masters of Porthaven, Kelby and Rosmouth, who ran their ports on paper and"
        + " spreadsheets until 2024, and it works on a phone at the end of a pier.</p></section>"
        + "<section class=\"features\"><h2>What it does</h2>" + features + "</section>"
        + "<section class=\"plans\"><h2>Plans</h2><div class=\"plan\"><h3>Quay</h3><span>$19 a month for one harbour</span></div>"
        + "<div class=\"plan\"><h3>Fleet</h3><span>$49 a month for up to five harbours</span></div></section>"
        + "<section class=\"faq\"><h2>Questions</h2><h3>Does it work without a signal?</h3><span>Yes, charts and tables are kept on"
        + " the phone.</span><h3>Can the crew see the rota?</h3><span>Each crew member gets a link.</span></section>"
        // A service page asks for a sign-up; without this section the page is as much an article (the classifier's
        // probabilities about 0.45 each), and a refit of the classifier could read it either way.
        + "<section class=\"cta\"><h2>Start your free trial</h2><span>14 days free, no card needed.</span>"
        + "<a href=\"/signup\">Start free trial</a> <a href=\"/demo\">Book a demo</a></section>"
        + "<footer>© Harbour Planner Ltd</footer></body></html>", "https://harbourplanner.example/");
    assertThat(a.text()).contains("keeps a small port's tides", "Alerts before storms", "Offline charts",
        "$49 a month for up to five harbours", "Does it work without a signal?", "Each crew member gets a link.",
        "14 days free, no card needed.")
        .doesNotContain("Harbour Planner Ltd");
  }

  @Test
  void aQuestionPageKeepsItsAnswersAndDropsTheCommentsOnThem() throws Exception {
    String comments = "<div class=\"comments\"><ul><li class=\"comment\">Which harbour is this, and which year's table?</li>"
        + "<li class=\"comment\">Try the harbour master's office, they keep the old ones.</li></ul></div>";
    Article a = read("<html><head><script type=\"application/ld+json\">{\"@type\":\"QAPage\"}</script>"
        + "<title>Why do the tide tables differ? - Sailing Q&amp;A</title></head><body><div id=\"mainbar\">"
        + "<div class=\"question\"><h1>Why do the tide tables differ?</h1><div class=\"post-text\"><p>The tide table at the"
        + " Porthaven quay and the one in the almanac differ by up to twenty minutes for the same morning. Which one should a"
        + " skipper trust when the channel is shallow?</p></div><span class=\"user\">marisol_k</span>" + comments + "</div>"
        + "<div class=\"answer\"><div class=\"post-text\"><p>The almanac gives the standard port and corrects for Porthaven"
        + " with an average difference; the quay's table is computed for the quay itself, so trust the quay's.</p></div>"
        + "<span class=\"user\">old_pilot</span>" + comments.replace("Which harbour", "Which almanac") + "</div>"
        + "<div class=\"answer\"><div class=\"post-text\"><p>Wind and air pressure move the water too: a strong"
        + " southerly can hold the tide back by a quarter of an hour, whatever either table says.</p></div>"
        + "<span class=\"user\">deckhand</span></div></div></body></html>",
        "https://sailing.stackexchange.example/questions/1234/why-do-the-tide-tables-differ");
    assertThat(a.extraction().pageKind()).isEqualTo("forum");
    assertThat(a.text()).contains("differ by up to twenty minutes", "trust the quay's", "a strong southerly")
        .doesNotContain("Which harbour is this", "Which almanac is this", "harbour master's office");
  }

  @Test
  void aProductPageIsItsProductNotItsReviewsOrTheProductsBesideIt() throws Exception {
    // A shop's page: the clock, its description and specifications; then buyers' reviews, whose
    // prose outweighs the description, and a carousel of other clocks. Only the clock is content.
    StringBuilder reviews = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      reviews.append("<div class=\"review-item\"><p>Review ").append(i).append(": we hung it by the back door last winter, and")
          .append(" it has kept good time with the tide tables ever since, even through the storms in January and March.</p></div>");
    }
    Article a = read("<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Tide clock\"}"
        + "</script></head><body><div class=\"product-view\"><h1>Tide clock</h1><div class=\"product-description\">"
        + "<p>A brass tide clock for the harbour wall, made in Porthaven, with a dial that shows high and low water, and a case"
        + " that stands salt spray.</p><ul><li>Case: brass, 22 cm</li><li>Movement: quartz, one AA cell</li></ul></div>"
        + "<div id=\"reviews\"><h2>Reviews</h2>" + reviews + "</div><div class=\"yotpoReviews\"><p>Yotpo: 4.8 stars from 120"
        + " buyers of the tide clock, who praise its brass case and its dial.</p></div>"
        + "<div class=\"related-products carousel\"><h2>You may also like</h2><p>Barometer, brass, with a ship's wheel dial and"
        + " a storm warning, made in the same workshop.</p><p>Ship's bell clock, brass, striking the watches, with a case of oak.</p>"
        + "</div></div></body></html>", "https://shop.harbourgazette.example/products/tide-clock");
    assertThat(a.extraction().pageKind()).isEqualTo("product");
    assertThat(a.text()).contains("A brass tide clock", "Movement: quartz")
        .doesNotContain("Review 1", "Yotpo", "Barometer", "Ship's bell clock");
    // The product itself in a gallery marked "carousel" stays, and so does a block whose word
    // only ends in "review" ("cart-preview").
    Article gallery = read("<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Tide clock\"}"
        + "</script></head><body><div class=\"product-carousel\"><h1>Tide clock</h1><div class=\"cart-preview\"><p>A brass tide"
        + " clock for the harbour wall, made in Porthaven, with a dial that shows high and low water, and a case that stands"
        + " salt spray.</p></div></div>" + "<div class=\"related-products\"><p>Barometer, brass, with a ship's wheel dial.</p></div>"
        + "</body></html>", "https://shop.harbourgazette.example/products/tide-clock");
    assertThat(gallery.text()).contains("A brass tide clock").doesNotContain("Barometer");
  }

  @Test
  void aPageReadWholeIsItsMainRegionWhenThatHoldsMostOfIt() {
    // A shop's category page: its cards in <main>, the site's link lists beside it, in blocks
    // whose classes say nothing. The cards are the content.
    StringBuilder cards = new StringBuilder();
    for (int i = 1; i <= 8; i++) {
      cards.append("<div class=\"card\"><h3>Tide clock, model ").append(i).append("</h3><p>Brass case, quartz movement, a dial")
          .append(" for high and low water, made in Porthaven.</p><span>£").append(40 + i).append("</span></div>");
    }
    String page = "<html><body><main><h1>Tide clocks</h1>" + cards + "</main><div class=\"seo-block\"><h4>Popular searches</h4>"
        + "<a href=\"/a\">barometers</a> <a href=\"/b\">ship's bells</a> <a href=\"/c\">chart tables</a></div></body></html>";
    String text = ContentExtractor.extractPage(HtmlArticles.parse(page, "https://shop.harbourgazette.example/tide-clocks"));
    assertThat(text).contains("Tide clock, model 1", "Tide clock, model 8").doesNotContain("Popular searches", "barometers");
    // Without a <main>: the shop's filters and page links, marked as such ("facets", "filter-panel",
    // "pagination"), and the price labels only a screen reader reads, are no content.
    String faceted = "<html><body><div class=\"collection\"><h1>Tide clocks</h1><div class=\"facets\"><h4>Material</h4>"
        + "<label>Brass (12)</label><label>Oak (4)</label></div><div class=\"filter-panel\"><h4>Price</h4><label>Under £50</label>"
        + "</div>" + cards.toString().replace("<span>£", "<span class=\"sr-only\">Regular price</span><span>£")
        + "<div class=\"pagination\"><a href=\"?p=2\">Next page</a></div></div></body></html>";
    assertThat(ContentExtractor.extractPage(HtmlArticles.parse(faceted, "https://shop.harbourgazette.example/tide-clocks")))
        .contains("Tide clock, model 1", "Tide clock, model 8", "£48")
        .doesNotContain("Material", "Brass (12)", "Under £50", "Next page", "Regular price");
    // The link that lets a keyboard skip to the content, whatever its classes, is no content either.
    String skip = "<html><body><a class=\"btn\" href=\"#cards\">Skip to main content</a><div id=\"cards\"><h1>Tide clocks</h1>"
        + cards + "</div></body></html>";
    assertThat(ContentExtractor.extractPage(HtmlArticles.parse(skip, "https://shop.harbourgazette.example/tide-clocks")))
        .contains("Tide clock, model 1").doesNotContain("Skip to");
    // A <main> that holds less than most of the page's text is no better a guess than the page.
    String thin = "<html><body><main><h1>Tide clocks</h1><p>Brass, quartz.</p></main><div><p>" + "A guide to choosing a tide clock. ".repeat(20)
        + "</p></div></body></html>";
    assertThat(ContentExtractor.extractPage(HtmlArticles.parse(thin, "https://shop.harbourgazette.example/tide-clocks")))
        .contains("Brass, quartz.", "A guide to choosing");
  }

  @Test
  void aTemplatesLoremIpsumIsNoOnesText() throws Exception {
    // A page builder's unfilled cards ("Lorem ipsum dolor sit amet…") left in beside the article.
    Article a = readArticleThen("<div class=\"cards\"><div><h4>Head Line 2</h4><p>Lorem ipsum dolor sit amet, consectetur"
        + " adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p><p>Lorem ipsum 1</p></div></div>");
    assertThat(a.text()).contains("transport minister declined").doesNotContainIgnoringCase("lorem ipsum");
    // A sentence about the filler is no filler.
    Article about = readArticleThen("<p>Lorem ipsum is the scrambled Latin that typesetters have set as filler since the"
        + " 1500s, and the council's website still shows it on two pages.</p>");
    assertThat(about.text()).contains("Lorem ipsum is the scrambled Latin");
  }

  @Test
  void elementorsPostContentWidgetIsTheArticle() throws Exception {
    // Elementor classes every block "elementor-widget", the post's text too; beside it, its latest-posts widget.
    String widget = "<div class=\"elementor-element elementor-widget elementor-widget-%s\"><div class=\"elementor-widget-container\">%s"
        + "</div></div>";
    StringBuilder teasers = new StringBuilder();
    for (int i = 1; i <= 2; i++) {
      teasers.append("<article><h3>Harbour news ").append(i).append("</h3><p>March ").append(i).append(", 2025</p><p>The council met again,")
          .append(" and everyone had their say.</p></article>");
    }
    Article a = read("<html><body class=\"elementor-page\"><div class=\"elementor elementor-location-single post type-post\">"
        + String.format(widget, "heading", "<h1>Ferry to stop</h1>") + String.format(widget, "theme-post-content", PARAGRAPHS)
        + String.format(widget, "posts", "<h2>Latest News</h2>" + teasers) + "</div></body></html>");
    assertThat(a.text()).startsWith("The ferry between Porthaven").contains("transport minister declined")
        .doesNotContain("Harbour news", "Latest News");
  }

  @Test
  void productsAndThreadsSayWhatTheyAre() throws Exception {
    Article product = read("<html><head><script type=\"application/ld+json\">{\"@type\":\"Product\",\"name\":\"Tide clock\"}"
        + "</script></head><body><main><h1>Tide clock</h1><p>A brass tide clock for the harbour wall, made in Porthaven,"
        + " with a dial that shows high and low water and a case that stands salt spray.</p></main></body></html>");
    assertThat(product.extraction().pageKind()).isEqualTo("product");
    StringBuilder posts = new StringBuilder();
    String[] users = {"ferrywatcher", "islandmum", "porthaven_pete", "skipper42"};
    for (int i = 0; i < users.length; i++) {
      posts.append("<div class=\"post\"><span class=\"username\">").append(users[i]).append("</span><div class=\"post-body\">")
          .append("Reply number ").append(i + 1).append(": the ferry was late again this morning, and nobody told us why.")
          .append("</div></div>");
    }
    Article thread = read("<html><body><div class=\"thread\"><h1>Ferry late again</h1>" + posts + "</div></body></html>",
        "https://forum.harbourgazette.example/threads/ferry-late-again.1234/");
    assertThat(thread.extraction().pageKind()).isEqualTo("forum");
    assertThat(thread.authors()).containsExactly("ferrywatcher"); // who opened the thread
    assertThat(thread.extraction().from()).containsEntry("authors", "thread");
    assertThat(thread.text()).contains("Reply number 1", "Reply number 4");
  }

  @Test
  void aThreadIsOpenedByAUserNameNotByTheUsersTitleOrJoinDate() throws Exception {
    StringBuilder posts = new StringBuilder();
    String[] users = {"skipper42", "islandmum", "porthaven_pete"};
    for (int i = 0; i < users.length; i++) {
      posts.append("<div class=\"message-post\"><div class=\"message-user\"><a class=\"avatar\" href=\"/members/")
          .append(users[i]).append(".1234/\"></a><a href=\"/members/").append(users[i]).append(".1234/\">").append(users[i])
          .append("</a> New member Joined Apr 12, 2024 Messages 3</div><div class=\"message-body\">Reply number ")
          .append(i + 1).append(": the ferry was late again this morning, and nobody told us why.</div></div>");
    }
    String address = "https://forum.harbourgazette.example/threads/ferry-late-again.1234/";
    Article thread = read("<html><body><div class=\"thread\"><h1>Ferry late again</h1>" + posts + "</div></body></html>", address);
    assertThat(thread.authors()).containsExactly("skipper42");
    assertThat(thread.extraction().from()).containsEntry("authors", "thread");
    // The same thread saying in JSON-LD who opened it: the user name as given, digits and all.
    Article declared = read("<html><head><script type=\"application/ld+json\">{\"@type\":\"DiscussionForumPosting\","
        + "\"headline\":\"Ferry late again\",\"author\":{\"@type\":\"Person\",\"name\":\"skipper42\"}}</script></head>"
        + "<body><div class=\"thread\"><h1>Ferry late again</h1>" + posts + "</div></body></html>", address);
    assertThat(declared.authors()).containsExactly("skipper42");
    assertThat(declared.extraction().from()).containsEntry("authors", "json-ld");
  }

  @Test
  void aQuestionIsOpenedByWhoAskedItNotByWhoLastEditedIt() throws Exception {
    // A Q&A page signs each post with who edited it and who wrote it, the editor first; the
    // writer is marked itemprop=author, and member pages go by number then name (/users/91120/…).
    StringBuilder posts = new StringBuilder();
    String[][] signatures = {{"harbourmaster", "ferrywatcher"}, {null, "islandmum"}, {null, "porthaven_pete"}};
    for (int i = 0; i < signatures.length; i++) {
      posts.append("<div class=\"post-layout\"><div class=\"post-body\">Post number ").append(i + 1)
          .append(": the ferry was late again this morning, and nobody told us why.</div>");
      if (signatures[i][0] != null) {
        posts.append("<div class=\"user-info\">edited <a href=\"/users/20353/").append(signatures[i][0]).append("\">")
            .append(signatures[i][0]).append("</a></div>");
      }
      posts.append("<div class=\"user-info owner\">asked <div class=\"user-details\" itemprop=\"author\" itemscope>")
          .append("<a href=\"/users/9112").append(i).append("/").append(signatures[i][1]).append("\">").append(signatures[i][1])
          .append("</a><meta itemprop=\"name\" content=\"").append(signatures[i][1]).append("\"> 4,701 reputation</div></div></div>");
    }
    Article thread = read("<html><body><div class=\"question-page\"><h1>Ferry late again?</h1>" + posts + "</div></body></html>",
        "https://ask.harbourgazette.example/questions/1234/ferry-late-again");
    assertThat(thread.extraction().pageKind()).isEqualTo("forum");
    assertThat(thread.authors()).containsExactly("ferrywatcher");
    assertThat(thread.extraction().from()).containsEntry("authors", "thread");
  }

  @Test
  void aUserHandleAsTheDeclaredAuthorYieldsToTheWriterTheBylineNames() throws Exception {
    // The publishing system's account ("ines.c", "kffinesc") is often an editor's: the byline says who wrote it.
    for (String handle : new String[] {"ines.c", "kffinesc", "editor_2"}) {
      Article a = read("<html><head><meta name=\"author\" content=\"" + handle + "\"></head><body><article><h1>Ferry to stop</h1>"
          + "<p class=\"byline\">By Li Wei</p>" + PARAGRAPHS + "</article></body></html>");
      assertThat(a.authors()).as(handle).containsExactly("Li Wei");
      assertThat(a.extraction().from()).containsEntry("authors", "byline");
    }
    // With no byline the handle is all there is, and a declared name is kept over the byline's.
    Article alone = read("<html><head><meta name=\"author\" content=\"kffinesc\"></head><body><article><h1>Ferry to stop</h1>"
        + PARAGRAPHS + "</article></body></html>");
    assertThat(alone.authors()).containsExactly("kffinesc");
    Article named = read("<html><head><meta name=\"author\" content=\"Ines Carvalho\"></head><body><article><h1>Ferry to stop</h1>"
        + "<p class=\"byline\">By Li Wei</p>" + PARAGRAPHS + "</article></body></html>");
    assertThat(named.authors()).containsExactly("Ines Carvalho");
  }

  @Test
  void aThreadIsDatedWhenItWasOpenedNotByItsLongestReply() throws Exception {
    // The header says when the thread started; the longest post, where an article's date is
    // looked for, is a later reply.
    StringBuilder posts = new StringBuilder();
    String[][] replies = {{"skipper42", "2024-02-25T10:06:36-0500", "The ferry was late again this morning."},
        {"islandmum", "2024-02-26T09:00:00-0500", "Same here. " + "Nobody told us why, and the school bus left without the children. ".repeat(6)},
        {"porthaven_pete", "2024-02-27T18:30:00-0500", "The council meets on Thursday about it."}};
    for (String[] r : replies) {
      posts.append("<article class=\"message-post\"><div class=\"message-user\"><a class=\"username\" href=\"/members/")
          .append(r[0]).append(".1234/\">").append(r[0]).append("</a></div><div class=\"message-attribution\"><time datetime=\"")
          .append(r[1]).append("\">").append(r[1], 0, 10).append("</time></div><div class=\"message-body\">").append(r[2])
          .append(" The crossing matters to everyone on the islands.</div></article>");
    }
    Article thread = read("<html><body><div class=\"thread\"><h1>Ferry late again</h1><div class=\"thread-starter\">"
        + "Thread starter skipper42 · Start date <time datetime=\"2024-02-25T10:06:36-0500\">Feb 25, 2024</time></div>"
        + posts + "</div></body></html>", "https://forum.harbourgazette.example/threads/ferry-late-again.1234/");
    assertThat(thread.extraction().pageKind()).isEqualTo("forum");
    assertThat(thread.published()).startsWith("2024-02-25");
    assertThat(thread.extraction().from()).containsEntry("published", "thread");
  }

  @Test
  void aTimestampInAnotherZoneIsDatedOnTheDayItsAddressNames() throws Exception {
    String page = "<html><head><meta property=\"article:published_time\" content=\"%s\"></head><body><article>"
        + "<h1>Ferry to stop</h1>" + PARAGRAPHS + "</article></body></html>";
    // Written on the evening of the 18th in California, declared in UTC as the 19th.
    Article a = read(page.formatted("2025-12-19T02:41:41Z"), "https://www.harbourgazette.example/2025/12/18/ferry-to-stop/");
    assertThat(a.published()).isEqualTo("2025-12-18");
    assertThat(a.extraction().from()).containsEntry("published", "url");
    // Further off, the timestamp is no zone's shift of the address's day: it stands.
    Article later = read(page.formatted("2025-12-21T09:00:00Z"), "https://www.harbourgazette.example/2025/12/18/ferry-to-stop/");
    assertThat(later.published()).startsWith("2025-12-21");
    assertThat(later.extraction().from()).containsEntry("published", "meta");
  }

  @Test
  void aDateBesideTheWritersLinkInAHeroAboveTheArticle() throws Exception {
    // The byline's elements say nothing of a date in their classes; the date sits beside the
    // link to the writer's page, in a hero above <article>.
    Article a = read("<html><body><div class=\"hero\"><h1>Ferry to stop</h1><div class=\"post-info\">"
        + "<a class=\"post-info__item\" href=\"/authors/ines-carvalho\">Ines Carvalho</a><div class=\"post-info__item\">•</div>"
        + "<div class=\"post-info__item\">March 17, 2025</div></div></div><main><article>" + PARAGRAPHS
        + "<p>Read more by <a href=\"/authors/ines-carvalho\">Ines Carvalho</a>, updated June 2, 2025.</p></article></main></body></html>");
    assertThat(a.published()).isEqualTo("2025-03-17");
    assertThat(a.extraction().from()).containsEntry("published", "byline");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
  }

  @Test
  void whatThePageSaysWasPublishedOverWhatItsPublishingSystemDeclares() throws Exception {
    // The JSON-LD says when the page was last saved; readers are told another day.
    String ld = "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"headline\":\"Ferry to stop\","
        + "\"datePublished\":\"%s\"}</script>";
    Article a = read("<html><head>" + ld.formatted("2025-08-21T10:00:00Z") + "</head><body><article><h1>Ferry to stop</h1>"
        + "<div class=\"post-meta\">Published&ensp;<span>Apr 26, 2023</span></div>" + PARAGRAPHS + "</article></body></html>");
    assertThat(a.published()).isEqualTo("2023-04-26");
    assertThat(a.extraction().from()).containsEntry("published", "byline");
    // A "Published" heading in a sidebar, the date in the block below it.
    Article sidebar = read("<html><head>" + ld.formatted("2025-12-19") + "</head><body><article><h1>Ferry to stop</h1>" + PARAGRAPHS
        + "</article><div class=\"single-post-sidebar\"><h4>Published</h4><div class=\"single-post-date\">July 8, 2025</div>"
        + "</div></body></html>");
    assertThat(sidebar.published()).isEqualTo("2025-07-08");
    // A day apart is the time zone's doing: the declared timestamp stands. So does an update.
    Article zone = read("<html><head>" + ld.formatted("2025-12-02T23:00:55Z") + "</head><body><article><h1>Ferry to stop</h1>"
        + "<div>Published: 03 Dec 2025</div>" + PARAGRAPHS + "</article></body></html>");
    assertThat(zone.published()).startsWith("2025-12-02T23:00:55");
    Article updated = read("<html><head>" + ld.formatted("2019-09-26") + "</head><body><article><h1>Ferry to stop</h1>"
        + "<div>Published 2019, last updated: 30 Sep 2022</div>" + PARAGRAPHS + "</article></body></html>");
    assertThat(updated.published()).isEqualTo("2019-09-26");
  }

  @Test
  void jsonLdWithARawLineBreakInAStringIsStillRead() throws Exception {
    // A description pasted into the template keeps its line break, which strict JSON forbids,
    // and a trailing comma follows: search engines read such a node, and so does PressLens.
    Article a = read("<html><head><script type=\"application/ld+json\">{\"@type\":\"DiscussionForumPosting\","
        + "\"about\":{\"@type\":\"VideoGame\",\"description\":\"A console.\n\nIt has a screen.\"},"
        + "\"headline\":\"Ferry to stop\",\"datePublished\":\"2024-02-21 13:00:00\","
        + "\"author\":{\"@type\":\"Person\",\"name\":\"Need2KnowLion\"},}</script></head><body><article>"
        + "<h1>Ferry to stop</h1>" + PARAGRAPHS + "</article></body></html>");
    assertThat(a.published()).isEqualTo("2024-02-21");
    assertThat(a.extraction().from()).containsEntry("published", "json-ld");
    assertThat(a.authors()).containsExactly("Need2KnowLion");
  }

  @Test
  void yoastDatesTheWebPageNodeOfItsGraphNotTheArticle() throws Exception {
    String graph = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        + "{\"@type\":\"%s\",\"headline\":\"%s\"},{\"@type\":\"WebPage\",\"name\":\"%2$s\","
        + "\"datePublished\":\"2024-03-17T19:47:39+00:00\",\"dateModified\":\"2024-05-03T10:57:58+00:00\"}]}</script>";
    Article a = read("<html><head>" + graph.formatted("Article", "Ferry to stop") + "</head><body><article><h1>Ferry to stop</h1>"
        + PARAGRAPHS + "</article></body></html>");
    assertThat(a.published()).startsWith("2024-03-17");
    assertThat(a.extraction().from()).containsEntry("published", "json-ld");
    assertThat(a.extraction().modified()).startsWith("2024-05-03");
    // A product's page is created and saved, not published: its WebPage's date is none.
    Article product = read("<html><head>" + graph.formatted("Product", "Tide clock") + "</head><body><main><h1>Tide clock</h1>"
        + "<p>A brass tide clock for the harbour wall, made in Porthaven, with a dial that shows high and low water and a"
        + " case that stands salt spray.</p></main></body></html>");
    assertThat(product.extraction().pageKind()).isNotIn("article", "forum");
    assertThat(product.published()).isNull();
  }

  @Test
  void anH1ThatIsTheSitesNameIsNoHeadline() throws Exception {
    // A blog's theme puts its owner's name in an <h1> above every post.
    Article blog = read("<html><head><title>A brief intro to git • Ines Carvalho</title>"
        + "<meta property=\"og:site_name\" content=\"Ines Carvalho\"></head><body><header><h1>Ines Carvalho</h1></header>"
        + "<article><h2>A brief intro to git</h2>" + PARAGRAPHS + "</article></body></html>", "https://inescarvalho.example/posts/git/");
    assertThat(blog.title()).isEqualTo("A brief intro to git");
    // The site is harbourgazette, not its section's subdomain: "Harbour Gazette Engineering" is the
    // site's name, no headline, and no part of one. (Which of the two headings is the title is the
    // title chooser's to say; TitleChooserTest holds its cases.)
    Article section = read("<html><head><title>The Harbour Gazette's technology blog | Harbour Gazette Engineering</title></head>"
        + "<body><main><h1>Engineering</h1>" + PARAGRAPHS + "</main></body></html>", "https://engineering.harbourgazette.co.uk/");
    assertThat(section.title()).isIn("Engineering", "The Harbour Gazette's technology blog");
  }

  @Test
  void theHeadingThatIsTheMetaTitleIsTheHeadlineWhicheverComesFirst() throws Exception {
    Article a = read("<html><head><meta property=\"og:title\" content=\"Ferry to stop for the winter | Harbour Gazette\">"
        + "<meta property=\"og:site_name\" content=\"Harbour Gazette\"></head><body><div class=\"hero\">"
        + "<h1>Ferry to stop for the winter</h1></div><article><h1>The ferry and the winter</h1>" + PARAGRAPHS
        + "</article></body></html>");
    assertThat(a.title()).isEqualTo("Ferry to stop for the winter");
    assertThat(a.extraction().from()).containsEntry("title", "h1");
  }

  @Test
  void aMicrodataAuthorWhoseNameIsAMetaTag() throws Exception {
    Article a = read("<html><body><article><h1>Ferry to stop</h1><span itemprop=\"author\" itemscope"
        + " itemtype=\"https://schema.org/Person\"><meta itemprop=\"name\" content=\"Ines Carvalho\"></span>" + PARAGRAPHS
        + "</article></body></html>");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
    assertThat(a.extraction().from()).containsEntry("authors", "rel-author");
  }

  @Test
  void anAuthorBoxBelowTheArticleNamesItsWriter() throws Exception {
    Article a = read("<html><body><main><article><h1>Ferry to stop</h1>" + PARAGRAPHS.repeat(5) + "</article>"
        + "<div class=\"wp-block-group\"><img src=\"/ines.jpg\" alt=\"\"><div class=\"wp-block-post-author-name\">Ines Carvalho</div>"
        + "<p>Ines covers the islands and their ferries for the Gazette, from Porthaven, and has done so since 2009, when the"
        + " first of the new boats was launched.</p></div>"
        + "<aside class=\"related\"><div class=\"post-author-name\">Piet Janssen</div></aside></main></body></html>");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
    assertThat(a.extraction().from()).containsEntry("authors", "byline");
  }

  @Test
  void scholarlyMetaTagsNameEachAuthorFamilyNameFirst() throws Exception {
    Article a = read("<html><head><meta name=\"citation_author\" content=\"Carvalho, Ines M.\">"
        + "<meta name=\"citation_author\" content=\"Wei, Li\"><meta name=\"citation_author\" content=\"Harbour Research Group\">"
        + "</head><body><article><h1>Ferry to stop</h1>" + PARAGRAPHS + "</article></body></html>");
    assertThat(a.authors()).containsExactly("Ines M. Carvalho", "Li Wei", "Harbour Research Group");
    assertThat(a.extraction().from()).containsEntry("authors", "meta");
  }

  @Test
  void aWrittenByLabelAnywhereOutsideAsidesNamesTheWriter() throws Exception {
    // A teaser's "Written by" in an aside, before the writer's box in the page's order, is another story's.
    Article a = read("<html><body><main><article><h1>Ferry to stop</h1>" + PARAGRAPHS.repeat(5) + "</article>"
        + "<aside class=\"related\"><div class=\"card\"><a href=\"/b\">Lifeboat crew honoured</a><p>Written by Piet Janssen</p>"
        + "</div></aside><div class=\"box\"><div class=\"label\">Written by</div><div class=\"who\">Ines Carvalho</div></div>"
        + "</main></body></html>");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
    assertThat(a.extraction().from()).containsEntry("authors", "byline");
  }

  @Test
  void aWriterLabelInABlockOfItsOwnNamesTheNextBlock() throws Exception {
    // The box around label and name also holds the writer's bio: too long to read as a byline.
    String bio = "<p>Ines covers the islands and their ferries for the Gazette, from Porthaven, and has done so since"
        + " 2009, when the first of the new boats was launched.</p>";
    for (String label : new String[] {"Written by", "Article by"}) {
      Article a = read("<html><body><main><article><h1>Ferry to stop</h1>" + PARAGRAPHS.repeat(5) + "</article>"
          + "<div class=\"box\"><div class=\"label\">" + label + "</div><div class=\"who\">Ines Carvalho</div>" + bio
          + "</div></main></body></html>");
      assertThat(a.authors()).as(label).containsExactly("Ines Carvalho");
    }
  }

  @Test
  void anElementorWidgetIsThePagesOwnBlockASidebarWidgetIsNot() throws Exception {
    // Elementor wraps every block in "elementor-widget" and "elementor-widget-container", the author box included.
    Article a = read("<html><body><div class=\"widget widget_text\"><div class=\"author-name\">Piet Janssen</div></div>"
        + "<div class=\"elementor-widget-wrap\"><div class=\"elementor-widget elementor-widget-theme-post-content\">"
        + "<div class=\"elementor-widget-container\"><h1>Ferry to stop</h1>" + PARAGRAPHS.repeat(5) + "</div></div>"
        + "<div class=\"elementor-widget elementor-widget-author-box\"><div class=\"elementor-widget-container\">"
        + "<div class=\"elementor-author-box\"><div class=\"elementor-author-box__text\">"
        + "<h4 class=\"elementor-author-box__name\">Ines Carvalho</h4></div></div></div></div></div></body></html>");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
  }

  @Test
  void aDeclaredAuthorThatReadsAsNoPersonIsStillTheCredit() throws Exception {
    // A user handle or a role is who the site says wrote the page when nothing on it names a person;
    // the publishing system's own account is not.
    String[][] cases = {{"ggailey777", "ggailey777"}, {"Community Editor", "Community Editor"}, {"admin", null}};
    for (String[] c : cases) {
      Article a = read("<html><head><meta name=\"author\" content=\"" + c[0] + "\"></head><body><article><h1>Ferry to stop</h1>"
          + PARAGRAPHS + "</article></body></html>");
      if (c[1] == null) {
        assertThat(a.authors()).as(c[0]).isEmpty();
      } else {
        assertThat(a.authors()).as(c[0]).containsExactly(c[1]);
        assertThat(a.extraction().from()).containsEntry("authors", "meta");
      }
    }
    for (String notACredit : new String[] {"Staff Writer", "Admin Team", "user123", "12345", "January 5, 2025",
        "www.harbourgazette.example", "facebook.com/inescarvalho", "-", "Read more"}) {
      assertThat(PageMetadata.isCredit(notACredit)).as(notACredit).isFalse();
    }
    assertThat(PageMetadata.isCredit("AccountingDepartment.com")).isTrue();
    // The site as the JSON-LD author comes before a declared handle.
    Article org = read("<html><head><meta name=\"author\" content=\"wp_editor2\"><script type=\"application/ld+json\">"
        + "{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\",\"name\":\"Harbour Gazette\"}}</script>"
        + "</head><body><article><h1>Ferry to stop</h1>" + PARAGRAPHS + "</article></body></html>");
    assertThat(org.authors()).containsExactly("Harbour Gazette");
    // twitter:label1 "Written by" names the credit too.
    Article a = read("<html><head><meta name=\"twitter:label1\" content=\"Written by\"><meta name=\"twitter:data1\""
        + " content=\"Gazette Contributor\"></head><body><article><h1>Ferry to stop</h1>" + PARAGRAPHS + "</article></body></html>");
    assertThat(a.authors()).containsExactly("Gazette Contributor");
  }

  @Test
  void aDayNameOrATrailingAtIsNoPartOfAName() throws Exception {
    List<String> names = new java.util.ArrayList<>();
    PageMetadata.addNames(names, "Sat");
    PageMetadata.addNames(names, "Tuesday");
    assertThat(names).isEmpty();
    PageMetadata.addNames(names, "Ines at");
    assertThat(names).containsExactly("Ines");
  }

  @Test
  void aNameAfterADateStartsWhereTheDateEnds() {
    List<String> names = new java.util.ArrayList<>();
    PageMetadata.addNames(names, "Dec. 19, 2025 · Ines Carvalho on behalf of the Harbour Users' Group");
    PageMetadata.addNames(names, "Dec 17, 2025Piet Janssen");
    PageMetadata.addNames(names, "December 4, 2025 · Politics"); // a section, no name
    PageMetadata.addNames(names, "Dec 4, 2025 in Uncategorized");
    assertThat(names).containsExactly("Ines Carvalho", "Piet Janssen");
  }

  @Test
  void blocksWrittenWithoutSpaceBetweenThemAreSeparateLines() throws Exception {
    // "Ines Carvalho" and the date are two blocks; read as "CarvalhoDecember 17" no name was left.
    Article a = read("<html><body><main><div class=\"resource-author\"><div class=\"resource-author-details\">"
        + "<p>Ines Carvalho</p><small>December 17, 2025</small></div></div><h1>Ferry to stop</h1>" + PARAGRAPHS.repeat(5)
        + "</main></body></html>");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
  }

  @Test
  void theArticlesOwnFooterHoldsItsWriterTheSitesFooterDoesNot() throws Exception {
    Article a = read("<html><body><article><h1>Ferry to stop</h1>" + PARAGRAPHS.repeat(5)
        + "<footer class=\"meta\"><div class=\"author\"><p class=\"name\"><a href=\"/author/ines/\" rel=\"author\">Ines Carvalho</a>"
        + "</p></div></footer></article><footer><a href=\"/about\" rel=\"author\">Gazette Web Team</a></footer></body></html>");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
    assertThat(a.extraction().from()).containsEntry("authors", "rel-author");
    Article none = read("<html><body><article><h1>Ferry to stop</h1>" + PARAGRAPHS.repeat(5) + "</article><footer>"
        + "<a href=\"/about\" rel=\"author\">Gazette Web Team</a></footer></body></html>");
    assertThat(none.authors()).isEmpty();
    Article siteFooterInside = read("<html><body><article><h1>Ferry to stop</h1>" + PARAGRAPHS.repeat(5)
        + "<footer class=\"site-footer\"><a href=\"/about\" rel=\"author\">Gazette Web Team</a></footer></article></body></html>");
    assertThat(siteFooterInside.authors()).isEmpty();
  }

  @Test
  void theArticlesOwnFooterHoldsItsDateThoughItsBlocksAreClassedAsFooter() throws Exception {
    Article a = read("<html><body><article class=\"article-template\"><h1>Ferry to stop</h1>" + PARAGRAPHS.repeat(5)
        + "<footer class=\"article-template-footer\"><div class=\"article-template-footer-main\"><span class=\"article-date\">"
        + "<time datetime=\"2025-08-12T11:15:06Z\">August 12, 2025</time></span></div></footer></article>"
        + "<footer class=\"site-footer\"><time datetime=\"2026-01-01\">2026</time></footer></body></html>");
    assertThat(a.published()).startsWith("2025-08-12");
    assertThat(a.extraction().from()).containsEntry("published", "time");
  }

  @Test
  void aFormThatHoldsThePagesProseIsItsContent() throws Exception {
    // Invision Community wraps a thread's posts in a <form>; beside it a sign-in box has prose of its own.
    String posts = "<form action=\"/moderate\" method=\"post\"><div id=\"feed\">"
        + "<article class=\"post\"><p>The ferry to the outer islands stops in March, and nobody on the council has said what"
        + " replaces it for the people who live there all year.</p><p>I asked at the harbour office and they knew nothing.</p></article>"
        + "<article class=\"post\"><p>Same here. The timetable for April is blank, and the booking site takes no bookings after"
        + " the last sailing, which is the ninth.</p><p>We need an answer before the school term starts.</p></article>"
        + "<article class=\"post\"><p>The council meets on Thursday; the item is on the agenda, according to the minutes of the"
        + " last meeting, under transport and harbours.</p><p>Bring your questions.</p></article></div></form>";
    String signIn = "<div class=\"box\"><h3>Create an account or sign in to comment</h3><p>You need to be a member in order"
        + " to leave a comment on this thread. Sign up for a new account in our community, it's easy, and it takes a minute.</p></div>";
    Article a = read("<html><body><main><h1>Ferry to stop</h1>" + posts + signIn
        + "<form action=\"/search\"><p>Search the forum</p><input name=\"q\"></form></main></body></html>");
    assertThat(a.text()).contains("The ferry to the outer islands stops in March", "Bring your questions.")
        .doesNotContain("Search the forum");
    Article hidden = read("<html><body><main><h1>Ferry to stop</h1>" + signIn + posts.replace("<form ", "<form hidden ")
        + "</main></body></html>");
    assertThat(hidden.text()).doesNotContain("The ferry to the outer islands stops in March");
    // A short thread, two posts in the form and less than half the page's text: posts, each an
    // <article> of prose, are no input form's. The popover beside them (an app's install prompt)
    // shows only when opened.
    String shortThread = posts.substring(0, posts.indexOf("<article class=\"post\"><p>The council")) + "</div></form>";
    String popover = "<div popover id=\"install\"><p>Install the Harbour Forum app on your home screen for push notifications,"
        + " badges and more. Tap the share icon in your browser, scroll the menu and tap Add to Home Screen, then tap Add.</p></div>";
    Article brief = read("<html><body><main><h1>Ferry to stop</h1>" + shortThread + popover + signIn + signIn + signIn
        + "</main></body></html>");
    assertThat(brief.text()).contains("The ferry to the outer islands stops in March", "We need an answer")
        .doesNotContain("Install the Harbour Forum app");
  }

  @Test
  void paragraphsClassedForAContextMenuAreProse() throws Exception {
    // A news site marks every paragraph after the first with "contextmenu" (a right-click menu on the text).
    String body = "<p>The ferry between Porthaven and the islands will stop running in October, the operator said.</p>"
        + "<p class=\"contextmenu Body\">Islanders, who depend on the crossing for school, work and hospital visits, said"
        + " they had not been consulted, and the council called an emergency meeting for Thursday evening.</p>"
        + "<p class=\"contextmenu Body\">The operator said it would keep a reduced summer timetable if the regional"
        + " government paid part of the cost, an offer the transport minister declined to discuss.</p>"
        + "<p class=\"contextmenu Body\">The last boat of the season leaves Porthaven at six on the ninth of October.</p>"
        + "<p class=\"contextmenu Body\">A petition to keep the winter crossing has gathered four thousand names so far.</p>";
    Article a = read("<html><body><div class=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></div><article>"
        + "<h1>Ferry to stop</h1><div class=\"ctx_content\"><story>" + body + "</story></div></article></body></html>");
    assertThat(a.text()).contains("Islanders, who depend on the crossing", "declined to discuss").doesNotContain("Home");
  }

  @Test
  void blocksTheCkEditorWroteAreTheArticlesAndASidebarWidgetIsNot() throws Exception {
    String cell = "<div class=\"ck-widget ck-widget row\"><div class=\"col-lg\"><p>%s</p></div></div>";
    Article a = read("<html><body><main><article><h1>Ferry to stop</h1><p>What the end of the winter crossing means, and"
        + " for whom.</p><div class=\"info\">" + String.format(cell, "The ferry between Porthaven and the islands will stop running in October, the operator said"
            + " on Monday, after two winters of storms, rising fuel costs and a shortage of crew.")
        + String.format(cell, "Islanders, who depend on the crossing for school, work and hospital visits, said they had not"
            + " been consulted, and the council called an emergency meeting for Thursday evening.")
        + String.format(cell, "The operator said it would keep a reduced summer timetable if the regional government paid"
            + " part of the cost, an offer the transport minister declined to discuss.")
        + "</div></article><div class=\"widget widget_text\"><p>Sign up for the Gazette's morning briefing, sent every day at seven,"
        + " with the news from the islands, the harbour and the council.</p></div></main></body></html>");
    assertThat(a.text()).contains("Islanders, who depend on the crossing", "declined to discuss").doesNotContain("morning briefing");
  }

  @Test
  void aHighlightersClassesInsideCodeAreTheCodesParts() throws Exception {
    // highlight.js marks the code's comments "hljs-comment": the code's own lines, not readers' comments.
    Article a = read("<html><body><article><h1>A brief intro to git</h1>" + PARAGRAPHS
        + "<pre><code class=\"language-bash hljs\"><span class=\"hljs-comment\"># stage every modified file</span>\n"
        + "git add .\n<span class=\"hljs-comment\"># record the change</span>\ngit commit</code></pre>" + PARAGRAPHS
        + "</article></body></html>");
    assertThat(a.text()).contains("# stage every modified file", "# record the change", "git commit");
  }

  @Test
  void aBodyTypedAsAnArticleLeavesTheArticleToItsArticleElement() throws Exception {
    // The theme types <body> as schema.org's Article; a sidebar of teasers, each an <article>, sits beside the story.
    Article a = read("<html><body itemscope itemtype=\"http://schema.org/Article\"><main><article><header><h1>Ferry to stop</h1>"
        + "<div class=\"entry-meta\"><span itemprop=\"author\" itemscope itemtype=\"http://schema.org/Person\">"
        + "<span itemprop=\"name\">Ines Carvalho</span></span></div></header>" + PARAGRAPHS.repeat(5) + "</article>"
        + "<div class=\"column\"><article><h3>Lifeboat crew honoured</h3><span itemprop=\"author\">Piet Janssen</span>"
        + "</article></div></main></body></html>");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
  }

  @Test
  void anArticleThatShowsOnlyWhenItWasLastUpdatedAtItsFoot() throws Exception {
    Article a = read("<html><body><main><h1>Ferry to stop</h1>" + PARAGRAPHS.repeat(12)
        + "<div class=\"col\"><p style=\"text-align:right\">Last updated: November 13, 2025</p></div>"
        + "<div class=\"comments\"><p>Updated my reply on December 1, 2025</p></div></main></body></html>");
    assertThat(a.published()).isEqualTo("2025-11-13");
    assertThat(a.extraction().from()).containsEntry("published", "modified");
  }

  @Test
  void aPageWhoseEveryWrapperHasABoilerplateClassStillGivesItsText() throws Exception {
    // Page builders put "widget" in every wrapper's class; each wrapper holds too little of the
    // page to be spared alone, so stripping them leaves nothing and the second try reads it.
    String wrapped = PARAGRAPHS.replace("<p>", "<div class=\"elementor-widget-wrap\"><p>").replace("</p>", "</p></div>");
    Article a = read("<html><head><title>Ferry to stop | Harbour Gazette</title></head><body>"
        + "<div class=\"elementor elementor-431\"><div class=\"elementor-widget-wrap\"><h1>Ferry to stop</h1></div>" + wrapped
        + "</div><div class=\"sidebar-widget\"><a href=\"/a\">Subscribe</a></div></body></html>");
    assertThat(a.text()).startsWith("The ferry between Porthaven").contains("an offer the transport minister");
    assertThat(a.title()).isEqualTo("Ferry to stop");
  }

  @Test
  void aPageHeldInAFormOrANoscriptStillGivesItsText() throws Exception {
    // ASP.NET wraps the whole page in a form; forum software writes its posts for readers
    // without scripts inside a noscript.
    Article form = read("<html><body><form id=\"aspnetForm\" method=\"post\"><div id=\"content\"><h1>Ferry to stop</h1>"
        + PARAGRAPHS + "</div></form></body></html>");
    assertThat(form.text()).startsWith("The ferry between Porthaven").contains("an offer the transport minister");
    Article noscript = read("<html><body><div id=\"app\"></div><noscript><div id=\"thread\"><h1>Ferry to stop</h1>"
        + PARAGRAPHS + "</div></noscript></body></html>");
    assertThat(noscript.text()).startsWith("The ferry between Porthaven").contains("an offer the transport minister");
  }

  @Test
  void theHeadlineIsTheVisibleH1EvenWhenTheBodysClassesNameALogo() throws Exception {
    // WordPress themes put "wp-custom-logo" in <body class>; only the heading's own container
    // being the logo, the banner or the navigation makes it the site's name.
    Article a = read("<html><head><title>Ferry to stop - Harbour Gazette - News for the islands</title>"
        + "<meta property=\"og:title\" content=\"Ferry to stop - Harbour Gazette - News for the islands\"></head>"
        + "<body class=\"single-post wp-custom-logo\"><header><div class=\"site-logo\"><h1>Harbour Gazette</h1></div></header>"
        + "<main><h1 class=\"entry-title\">Ferry to stop</h1>" + PARAGRAPHS + "</main></body></html>");
    assertThat(a.title()).isEqualTo("Ferry to stop");
    assertThat(a.extraction().from()).containsEntry("title", "h1");
  }

  @Test
  void linksToTheWritersPagesNameTheAuthorsWhereNoRelAuthorDoes() throws Exception {
    Article a = read("<html><body><main><h1>Ferry to stop</h1>"
        + "<div class=\"post-info\"><a href=\"/authors/ines-carvalho\"><img alt=\"Ines Carvalho\" src=\"/i.jpg\"></a>"
        + "<span><a href=\"/authors/ines-carvalho\">Ines Carvalho</a> and <a href=\"/authors/li-wei/\">Li Wei</a></span></div>"
        + PARAGRAPHS
        + "<div class=\"bio\"><a href=\"/authors/ines-carvalho\">Learn more</a></div>"
        + "<div class=\"related-posts\"><a href=\"/authors/piet-janssen\">Piet Janssen</a></div></main></body></html>");
    assertThat(a.authors()).containsExactly("Ines Carvalho", "Li Wei");
    assertThat(a.extraction().from()).containsEntry("authors", "byline");
  }

  @Test
  void theBylineAndDatelineBesideAHeadlineFarDownAPageThatMarksNoArticle() throws Exception {
    StringBuilder menu = new StringBuilder("<div class=\"top\">");
    for (int i = 1; i <= 40; i++) {
      menu.append("<div class=\"item\"><span>Section ").append(i).append("</span></div>");
    }
    menu.append("</div>");
    Article a = read("<html><body>" + menu + "<div class=\"hero\"><h1>Ferry to stop</h1>"
        + "<p>By Ines Carvalho</p><p>Published on: February 14, 2025</p></div><div class=\"copy\">" + PARAGRAPHS
        + "</div></body></html>");
    assertThat(a.published()).isEqualTo("2025-02-14");
    assertThat(a.extraction().from()).containsEntry("published", "byline");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
    // Beside a product's name, "Sold by" names a shop, not a writer.
    Article product = read("<html><body>" + menu + "<div class=\"hero\"><h1>Tide clock</h1>"
        + "<p>Sold by Harbour Gifts Ltd</p></div><div class=\"copy\">" + PARAGRAPHS + "</div></body></html>");
    assertThat(product.authors()).isEmpty();
  }

  @Test
  void publicationDatesInMetaTagsOfTheSitesOwnNamingAndInDatelinesThatHoldTags() throws Exception {
    Article a = read("<html><head><meta name=\"w-published-date\" content=\"2025-05-27T06:03:43Z\">"
        + "<meta name=\"w-modified-date\" content=\"2025-06-02T08:00:00Z\"></head><body><article><h1>Ferry to stop</h1>"
        + PARAGRAPHS + "</article></body></html>");
    assertThat(a.published()).startsWith("2025-05-27");
    assertThat(a.extraction().from()).containsEntry("published", "meta");
    Article docs = read("<html><head><meta name=\"ms.date\" content=\"2025-03-06T00:00:00Z\"></head><body><main>"
        + "<h1>Ferry to stop</h1>" + PARAGRAPHS + "</main></body></html>");
    assertThat(docs.published()).startsWith("2025-03-06");
    StringBuilder tags = new StringBuilder();
    for (String t : new String[] {"ferries", "islands", "harbour", "transport policy", "council meetings", "fuel prices"}) {
      tags.append(" <a href=\"/tags/").append(t).append("\">").append(t).append(" and more of the same</a>");
    }
    // One line of over 160 characters: a dateline that runs on into the story's tags.
    Article dateline = read("<html><body><article><h1>Ferry to stop</h1><div class=\"meta date-section-header\">"
        + "Posted on April 13, 2023 · Tags:" + tags + "</div>" + PARAGRAPHS
        + "</article></body></html>");
    assertThat(dateline.published()).isEqualTo("2023-04-13");
  }

  @Test
  void aDatelineThatAlsoSaysWhenItWasUpdatedGivesThePublishedDay() throws Exception {
    // The spans run together as text ("DECEMBER 22, 2022Updated: JANUARY 02, 2026"): only the mark says which is which.
    Article a = read("<html><body><article><header><div class=\"article-dateline-wrapper\"><a href=\"/news\">News</a>"
        + "<span class=\"dateline\">DECEMBER 22, 2022</span><span class=\"dateline updated\">Updated: JANUARY 02, 2026</span>"
        + "</div><h1>Ferry to stop</h1></header>" + PARAGRAPHS + "</article></body></html>");
    assertThat(a.published()).isEqualTo("2022-12-22");
  }

  @Test
  void theDatelineBesideTheHeadlineComesBeforeOtherStoriesDates() throws Exception {
    // No article element: the dateline stands just above the headline, and the cards of other
    // stories below carry dates in elements marked as such.
    String cards = "<div class=\"cards\"><div class=\"card\"><span class=\"post-date\">March 19, 2026</span>"
        + "<a href=\"/news/buses\">Buses to run late</a></div></div>";
    Article above = read("<html><body><div class=\"top\"><p>OCTOBER 13, 2025</p><h1>Ferry to stop</h1></div>"
        + "<div class=\"story\">" + PARAGRAPHS + "</div>" + cards + "</body></html>");
    assertThat(above.published()).isEqualTo("2025-10-13");
    Article below = read("<html><body><div class=\"top\"><h1>Ferry to stop</h1><p>Ines Carvalho</p><p>March 2, 2026</p></div>"
        + "<div class=\"story\">" + PARAGRAPHS + "</div>" + cards + "</body></html>");
    assertThat(below.published()).isEqualTo("2026-03-02");
    // Publication and update run together with no mark between them: the date before the update.
    Article runTogether = read("<html><body><div class=\"top\"><p>News DECEMBER 22, 2022Updated: JANUARY 02, 2026</p>"
        + "<h1>Ferry to stop</h1></div><div class=\"story\">" + PARAGRAPHS + "</div></body></html>");
    assertThat(runTogether.published()).isEqualTo("2022-12-22");
    assertThat(runTogether.extraction().from()).containsEntry("published", "byline");
  }

  @Test
  void theDateShownUnderTheHeadlineOverridesMetadataOfAnotherDay() throws Exception {
    // A publishing system's metadata can keep the day a page was first saved (2013) while the
    // page shows readers its own (2023): the reader's date, as with a "Published …" label.
    String ld = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"2013-03-11T11:11:07-07:00\","
        + " \"dateModified\": \"2026-02-18T07:49:16-08:00\"}</script>";
    Article stale = read("<html><head>" + ld + "</head><body><article><h1>Ferry to stop</h1>"
        + "<p class=\"release\">March 20, 2023 | Transport</p>" + PARAGRAPHS + "</article></body></html>");
    assertThat(stale.published()).isEqualTo("2023-03-20");
    assertThat(stale.extraction().from()).containsEntry("published", "byline");
    // The day shown is the update's (the metadata's dateModified): the metadata's publication stands.
    Article updated = read("<html><head>" + ld + "</head><body><article><h1>Ferry to stop</h1>"
        + "<p class=\"release\">February 18, 2026 | Transport</p>" + PARAGRAPHS + "</article></body></html>");
    assertThat(updated.published()).startsWith("2013-03-11");
    // "09.10.2024" reads either way round: it agrees with a datePublished of 10 September.
    String september = "<script type=\"application/ld+json\">{\"@type\": \"Article\", \"datePublished\": \"2024-09-10T16:07Z\"}</script>";
    Article numeric = read("<html><head>" + september + "</head><body><article><h1>Ferry to stop</h1><p>By Ines Carvalho</p>"
        + "<p>09.10.2024</p>" + PARAGRAPHS + "</article></body></html>");
    assertThat(numeric.published()).startsWith("2024-09-10");
    // A ticker of other stories above the headline, the story's own date below it: the nearest, below.
    String june = "<script type=\"application/ld+json\">{\"@type\": \"Article\", \"datePublished\": \"2024-06-03T15:14:59Z\"}</script>";
    Article ticker = read("<html><head>" + june + "</head><body><div class=\"ticker\"><p>[ November 28, 2025 ] Buses to run late</p></div>"
        + "<div class=\"post\"><h1>Ferry to stop</h1><p>June 3, 2024</p>" + PARAGRAPHS + "</div></body></html>");
    assertThat(ticker.published()).startsWith("2024-06-03");
  }

  @Test
  void whenABlogLastPublishedIsNoPublicationDate() throws Exception {
    // A blogging platform's box about the blog the story appeared in: "Published in Harbour
    // Notes", "Last published Apr 8, 2024" (the blog's latest story), not this story's day.
    Article a = read("<html><body><article><h1>Ferry to stop</h1><p>Ines Carvalho · 7 min read · Dec 30, 2013</p>" + PARAGRAPHS
        + "<div class=\"pub-info\"><p>Published in Harbour Notes</p><p>197 followers · Last published Apr 8, 2024</p></div>"
        + "</article></body></html>");
    assertThat(a.published()).isEqualTo("2013-12-30");
  }

  @Test
  void aPageThatSaysWhenItWasOriginallyPublishedIsDatedThen() throws Exception {
    // The byline shows the last revision's day; the note below the story says when it first appeared.
    Article a = readArticleThen("<p class=\"byline\">Ines Carvalho · 30 Sep 2022, 11:07am</p>"
        + "<p class=\"disclaimer\">This article was originally published on 26 Sep 2019 at 4:12pm but has been regularly"
        + " updated to keep the information current.</p>");
    assertThat(a.published()).isEqualTo("2019-09-26");
    Article byForumUser = readArticleThen("<p class=\"byline\">Ines Carvalho · 30 Sep 2022, 11:07am</p>"
        + "<blockquote>Originally posted by harbourfan on 3 Jan 2020: I can tell the ferry was late again.</blockquote>");
    assertThat(byForumUser.published()).isEqualTo("2022-09-30");
  }

  @Test
  void aPersonInTheBylineComesBeforeAnOrganisationAsTheJsonLdAuthor() throws Exception {
    String ld = "<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Ferry to stop\","
        + "\"author\":{\"@type\":\"Organization\",\"name\":\"Harbour Gazette\"}}</script>";
    Article a = read("<html><head>" + ld + "</head><body><article><h1>Ferry to stop</h1><p class=\"byline\">By Ines Carvalho</p>"
        + PARAGRAPHS + "</article></body></html>");
    assertThat(a.authors()).containsExactly("Ines Carvalho");
    assertThat(a.extraction().from()).containsEntry("authors", "byline");
    Article only = read("<html><head>" + ld + "</head><body><article><h1>Ferry to stop</h1>" + PARAGRAPHS + "</article></body></html>");
    assertThat(only.authors()).containsExactly("Harbour Gazette"); // no person named: the organisation it is
    assertThat(only.extraction().from()).containsEntry("authors", "json-ld");
  }

  @Test
  void aBylineAboveTheArticleElementAndAuthorMetaOfEitherAttribute() throws Exception {
    // The hero above <article> holds the byline; a link to the writer's page there counts.
    Article hero = read("<html><body><div class=\"hero\"><h1>Ferry to stop</h1><div class=\"info\">"
        + "<a href=\"/authors/ines-carvalho\">Ines Carvalho</a> · May 14, 2019</div></div><article>" + PARAGRAPHS
        + "</article></body></html>");
    assertThat(hero.authors()).containsExactly("Ines Carvalho");
    // A "by …" line outside the article is a shop's filter, not a byline.
    Article shop = read("<html><body><div class=\"filters\"><p>Shop by Category</p></div><article><h1>Ferry to stop</h1>"
        + PARAGRAPHS + "</article></body></html>");
    assertThat(shop.authors()).isEmpty();
    Article meta = read("<html><head><meta name=\"article:author\" content=\"Jillian Kubala, MS, RD\"></head><body><article>"
        + "<h1>Ferry to stop</h1>" + PARAGRAPHS + "</article></body></html>");
    assertThat(meta.authors()).containsExactly("Jillian Kubala");
    assertThat(meta.extraction().from()).containsEntry("authors", "meta");
  }

  @Test
  void bylinesWrittenWithoutASpaceOrWithALabelOrOnlyAnAriaLabel() throws Exception {
    for (String byline : new String[] {"<div>Written by:<span>Ines Carvalho</span></div>", "<div>By<span>Ines Carvalho</span></div>",
        "<div><div>Contributors:</div><div>Ines Carvalho</div></div>",
        "<div><a href=\"/blog/authors/ines-carvalho\" aria-label=\"Ines Carvalho\"><img src=\"/i.jpg\"></a></div>"}) {
      Article a = read("<html><body><article><h1>Ferry to stop</h1>" + byline + PARAGRAPHS + "</article></body></html>");
      assertThat(a.authors()).as(byline).containsExactly("Ines Carvalho");
    }
    // "Sort by" and a choice glued to it are no byline.
    Article sorted = read("<html><body><article><h1>Ferry to stop</h1><div>Sort by<span>Ranking</span></div>" + PARAGRAPHS
        + "</article></body></html>");
    assertThat(sorted.authors()).isEmpty();
  }

  @Test
  void aQuestionIsDatedWhenItWasAskedNotWhenItWasLastEdited() throws Exception {
    Article a = read("<html><body><article><h1>Ferry to stop?</h1>" + PARAGRAPHS
        + "<div class=\"signature\">edited <time datetime=\"2016-09-10T08:00:00Z\">Sep 10, 2016</time></div>"
        + "<div class=\"signature owner\">asked <time itemprop=\"dateCreated\" datetime=\"2016-08-05T04:16:13Z\">Aug 5, 2016</time>"
        + "</div></article></body></html>");
    assertThat(a.published()).startsWith("2016-08-05");
    assertThat(a.extraction().from()).containsEntry("published", "time");
  }

  @Test
  void aLabelBeforeTheHeadlineIsNotPartOfTheTitleButASubtitleAfterItIs() throws Exception {
    Article label = read("<html><head><meta property=\"og:title\" content=\"Ferry to stop | Harbour Gazette\">"
        + "<meta property=\"og:site_name\" content=\"Harbour Gazette\"></head><body><article>"
        + "<h1><span class=\"prefix\">Transport</span> - Ferry to stop</h1>" + PARAGRAPHS + "</article></body></html>");
    assertThat(label.title()).isEqualTo("Ferry to stop");
    Article subtitle = read("<html><head><meta property=\"og:title\" content=\"Ferry to stop | Harbour Gazette\">"
        + "<meta property=\"og:site_name\" content=\"Harbour Gazette\"></head><body><article>"
        + "<h1>Ferry to stop: what it means for the islands</h1>" + PARAGRAPHS + "</article></body></html>");
    assertThat(subtitle.title()).isEqualTo("Ferry to stop: what it means for the islands");
  }

  @Test
  void titlesLoseTheSiteNotTheirOwnParts() {
    assertThat(PageMetadata.withoutSite("Ferry to stop | Harbour Gazette", "Harbour Gazette", null)).isEqualTo("Ferry to stop");
    assertThat(PageMetadata.withoutSite("GAME CHANGER | Newegg.com", null, "www.newegg.com")).isEqualTo("GAME CHANGER");
    assertThat(PageMetadata.withoutSite("Ferry to stop: what it means for the islands - Gazette", null, null))
        .isEqualTo("Ferry to stop: what it means for the islands");
    assertThat(PageMetadata.withoutSiteName("Pet Insurance - Acme Mutual", "Acme Mutual", null)).isEqualTo("Pet Insurance");
  }

  @Test
  void datesAsBylinesWriteThem() {
    assertThat(DateText.find("Tuesday May 14, 2019 9:12 am PDT by Ines Carvalho")).isEqualTo("2019-05-14");
    assertThat(DateText.find("Published on Oct 21, 2025")).isEqualTo("2025-10-21");
    assertThat(DateText.find("14th May 2019")).isEqualTo("2019-05-14");
    assertThat(DateText.find("Stand: 14. Mai 2019, 09:12 Uhr")).isEqualTo("2019-05-14");
    assertThat(DateText.find("am 03.02.2021 veröffentlicht")).isEqualTo("2021-02-03");
    assertThat(DateText.find("05/06/2019")).isNull(); // May or June, by country
    assertThat(DateText.find("Updated: 10/31/2024")).isEqualTo("2024-10-31"); // only month first is a date
    assertThat(DateText.find("31/10/2024, 09:12")).isEqualTo("2024-10-31"); // only day first is a date
    assertThat(DateText.find("Sizes 10/31/20245")).isNull();
    assertThat(DateText.find("February 30, 2019")).isNull();
    assertThat(PageMetadata.urlDate("https://x.example/articles%2F2025-12-15%2BRust")).isEqualTo("2025-12-15");
    assertThat(PageMetadata.urlDate("https://news.example/books/2025/dec/05/best-books")).isEqualTo("2025-12-05");
    assertThat(PageMetadata.urlDate("https://x.example/blog/2023/october/03/wine-styles/")).isEqualTo("2023-10-03");
    assertThat(PageMetadata.urlDate("https://x.example/blog/2025/6/9/top-10-cameras")).isEqualTo("2025-06-09");
    assertThat(PageMetadata.urlDate("https://x.example/2025/6/95-ways")).isNull(); // no day
    assertThat(PageMetadata.urlDate("https://x.example/2025/mayday/05/")).isNull();
    assertThat(PageMetadata.urlDate("https://x.example/2025/02/30/")).isNull();
    assertThat(PageMetadata.urlDate("https://x.example/2025/06/09slug")).isEqualTo("2025-06-09");
    assertThat(PageMetadata.urlDate("https://x.example/blog/2025/6/9")).isEqualTo("2025-06-09");
    assertThat(PageMetadata.urlDate("https://x.example/blog/2025/6/9?ref=rss")).isEqualTo("2025-06-09");
  }

  @Test
  void authorsAreCleanedOfWhatIsNoName() {
    java.util.List<String> names = new java.util.ArrayList<>();
    PageMetadata.addNames(names, "By Luke Kim December 4, 2025");
    PageMetadata.addNames(names, "Updated March 11");
    PageMetadata.addNames(names, "@harbourgazette");
    PageMetadata.addNames(names, "Dylan Bailey, MS, RD");
    assertThat(names).containsExactly("Luke Kim", "Dylan Bailey");
  }

  @Test
  void authorsLoseGluedLabelsRolesAndWhatFollowsTheName() {
    java.util.List<String> names = new java.util.ArrayList<>();
    PageMetadata.addNames(names, "ByTrevor Jones");
    PageMetadata.addNames(names, "Article by: Cara Dumaplin");
    PageMetadata.addNames(names, "About Melissa Norris");
    PageMetadata.addNames(names, "Rachel MacDonald Writer");
    PageMetadata.addNames(names, "Meghan Neville Content Marketing Coordinator");
    PageMetadata.addNames(names, "BeauHD on Friday");
    PageMetadata.addNames(names, "Outer Armatonisdaristan » Tue Aug 27, 2019");
    PageMetadata.addNames(names, "Byron Smith"); // a name that begins with "By"
    assertThat(names).containsExactly("Trevor Jones", "Cara Dumaplin", "Melissa Norris", "Rachel MacDonald",
        "Meghan Neville", "BeauHD", "Outer Armatonisdaristan", "Byron Smith");
    java.util.List<String> more = new java.util.ArrayList<>();
    PageMetadata.addNames(more, "CM Craig McCarthy"); // the initials an avatar shows without a portrait
    PageMetadata.addNames(more, "Meghan Weeden ●");
    PageMetadata.addNames(more, "Cara Dumaplin RN, BSN");
    PageMetadata.addNames(more, "Rui Ma"); // a name, not the letters MA
    PageMetadata.addNames(more, "Henry Ford III");
    PageMetadata.addNames(more, "AB Ana Silva"); // not her initials: kept
    PageMetadata.addNames(more, "By LI WEI on December 4, 2025");
    assertThat(more).containsExactly("Craig McCarthy", "Meghan Weeden", "Cara Dumaplin", "Rui Ma", "Henry Ford III", "AB Ana Silva",
        "Li Wei");
    java.util.List<String> roleOnly = new java.util.ArrayList<>();
    PageMetadata.addNames(roleOnly, "Senior Autos Reporter"); // a role, no name
    assertThat(roleOnly).isEmpty();
  }

  @Test
  void ofTwoEquallyScoredContainersTheFirstWinsOnEveryReading() {
    // Two blocks of the same length and shape score the same; the winner was once the first in an
    // identity-hashed map's order, which changes from one parse to the next (the first or the
    // second notice, about half the time each).
    String html = "<html><body><div>Harbour notice one for the ferry crews today</div>"
        + "<section><div>Harbour notice two for the ferry crews today</div></section></body></html>";
    java.util.Set<String> read = new java.util.HashSet<>();
    for (int i = 0; i < 50; i++) {
      read.add(ContentExtractor.extract(HtmlArticles.parse(html, ""), ContentExtractor.Params.DEFAULT, false).container());
    }
    assertThat(read).containsExactly("Harbour notice one for the ferry crews today");
  }

  @Test
  void runsOfIdsThatAStyleSheetHidesAreNoText() throws Exception {
    // eBay writes hundreds of GUIDs, run together, around each "Sponsored" label and hides them
    // letter by letter with its style sheet; a single id inside a sentence is the writer's.
    String ids = "S19aea247-2e76-4905-9b83-15a5a5664cfaG661bd3c3-576f-4713-baee-9dc0dd7c3568 "
        + "p2e2c3720-cfa9-41e9-9571-b179b489e15fYb116df00-3333-431c-b9c0-c9dfc191290c "
        + "4466aaa5-b3b2-4d16-adfd-03659a220a60ob40593e2-a65c-47d1-aa1d-8eac5d04101a";
    Article a = readArticleThen("<p>" + ids + "</p><p>Take note of the volume id, for example "
        + "ba5b7f3a-54d2-4325-80e5-e7a159900d3f, before the ferry's chart plotter is restarted.</p>");
    assertThat(a.text()).contains("transport minister declined").contains("ba5b7f3a-54d2-4325-80e5-e7a159900d3f")
        .doesNotContain("S19aea247");
    // Checksums and slugs are no GUIDs: a release's three checksums stay.
    assertThat(HtmlArticles.isMachineText("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 "
        + "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 "
        + "how-to-start-an-llc-in-new-york-2026-guide")).isFalse();
    assertThat(HtmlArticles.isMachineText("__m512i high = _mm512_and_si512(_mm512_srli_epi16(text_zmm, 4), "
        + "_mm512_set1_epi8(0x0F)); __m512i offsets = _mm512_shuffle_epi8(offset_lut, high);")).isFalse();
  }

  @Test
  void aDateLabelledAsAnUpdateIsSaidToBeOne() throws Exception {
    // Themes write a date's label and its value in elements of their own; the only date such a
    // page shows is when it was updated: the page's date, said to come from the update.
    for (String dateline : List.of(
        "<div class=\"post-date-info\"><span class=\"meta-heading\">Updated on</span> <span class=\"meta-value\">February 24, 2026</span></div>",
        "<div class=\"meta\"><div class=\"text-16px\">Last updated:</div><div class=\"text-16px\">February 24, 2026</div></div>",
        // the label in two pieces, the date marked on its own
        "<span class=\"post-date\"><span class=\"desktop\">Last Updated</span> <span class=\"mobile\">on</span> "
            + "<span class=\"date\">February 24, 2026</span></span>",
        // the writer, then the update, in one marked line
        "<div class=\"article-meta\">By Ines Carvalho · Updated on February 24, 2026 09:10AM</div>")) {
      // At the story's own address: a short page at "/news/ferry" may as well be a section's index.
      Article a = read("<html><body><article><h1>Ferry to stop</h1>" + dateline + PARAGRAPHS + "</article></body></html>",
          "https://www.harbourgazette.example/news/ferry-to-stop-in-october");
      assertThat(a.published()).as(dateline).startsWith("2026-02-24");
      assertThat(a.extraction().from()).as(dateline).containsEntry("published", "modified");
    }
    // Published and updated on one line: the publication date, from the byline.
    Article both = read("<html><body><article><h1>Ferry to stop</h1>"
        + "<div class=\"post-date-info\">Published March 1, 2026 · Updated March 5, 2026</div>" + PARAGRAPHS + "</article></body></html>");
    assertThat(both.published()).startsWith("2026-03-01");
    assertThat(both.extraction().from()).containsEntry("published", "byline");
    // The update first, the publication after it on the same line: still the publication.
    Article updateFirst = read("<html><body><article><h1>Ferry to stop</h1>"
        + "<div class=\"post-date-info\">Updated March 5, 2026 · Published March 1, 2026</div>" + PARAGRAPHS + "</article></body></html>");
    assertThat(updateFirst.published()).startsWith("2026-03-01");
  }
}
