package org.presslens.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Main-content extraction: the article body of a web page as paragraphs, without navigation,
 * teasers, comments, captions or share buttons.
 *
 * <p>The approach is readability's, reworked for news pages: remove what is never content, score
 * each container by the prose paragraphs directly inside it (length, commas, link density, class
 * and id hints), take the best container and those of its siblings that carry prose too, and
 * write out its text blocks in order, one paragraph each. A page whose content no one container
 * holds (a listing's cards, a service page's sections) is read whole instead ({@link
 * #extractPage}), with a lighter cleaning.
 */
final class ContentExtractor {
  /**
   * Elements that never hold article text (but a form holding the page's prose: {@link
   * #removeNeverContent}), by tag; and by attribute: {@code hidden}, {@code popover}, {@code
   * aria-hidden="true"} and a {@code role} of {@link #NEVER_CONTENT_ROLES} ({@link #isNeverContent}).
   */
  private static final Set<String> NEVER_CONTENT_TAGS =
      Set.of("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video", "audio",
          "button", "input", "select", "textarea", "form", "nav", "aside", "footer", "figcaption", "dialog", "menu");
  private static final Set<String> NEVER_CONTENT_ROLES =
      Set.of("navigation", "complementary", "contentinfo", "banner", "dialog", "alert");
  /**
   * What goes on the second try ({@link #extractLeniently}): only what never holds text a reader
   * sees. Forms and {@code <noscript>} stay (ASP.NET pages wrap the whole page in a form; forum
   * software writes its posts for readers without scripts in a noscript), as do hidden elements.
   */
  private static final String NEVER_TEXT =
      "script, style, template, svg, canvas, iframe, object, embed, video, audio, button, input, select, textarea, "
          + "nav, aside, footer, dialog, menu";
  /**
   * Class and id words that mark boilerplate. A "contextmenu" class marks text a right-click
   * menu is offered on (a news site's every paragraph), not a menu; "ck-widget" is what the
   * CKEditor 5 editor writes around a block of the article (a layout grid, a table), not a
   * sidebar's widget.
   */
  private static final HintPattern UNLIKELY =
      new HintPattern(
          "(?i)comment|share|sharing|social|related|recommend|promo|newsletter|subscri|signup|sign-up|"
              + "sidebar|(?<!ck-)widget|footer|masthead|breadcrumb|advert|sponsor|cookie|consent|popup|modal|"
              + "outbrain|taboola|\\bads?\\b|ad-slot|ad-container|adsense|banner|byline|author-info|"
              + "author-bio|bio-box|\\btags?\\b|tag-list|keywords|pagination|pager|print|toolbar|(?<!context)menu|"
              + "\\bnav|skip|(?<![\\w-])(?:visually-?|is-|u-|js-)?hidden|caption|credit|most-popular|trending|read-more|readmore|more-stories|"
              + "paywall|disclaimer|jump|rating|reactions|follow|donate|newsletter|timestamp|dateline|"
              + "meta-|post-meta|entry-meta|article-meta|header|headline|lede-art|media|gallery|slideshow");
  /** In a forum thread the posts are the content: comments and replies stay. */
  private static final HintPattern UNLIKELY_IN_THREAD =
      new HintPattern(UNLIKELY.regex().replace("(?i)comment|", "(?i)"));
  private static final HintPattern LIKELY =
      new HintPattern("(?i)article|body|content|entry|main|post|story|text|blog|column|prose|rich-text");
  private static final Set<String> BLOCKS =
      Set.of("p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dd", "dt", "blockquote",
          "pre", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "tbody", "thead",
          "figure", "header", "address", "center", "hr", "br");
  private static final Set<String> TEXT_BLOCKS =
      Set.of("p", "li", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6", "td", "dd", "dt", "div", "section", "article", "main", "span");

  private ContentExtractor() {}

  /**
   * The extractor's tunable constants, chosen by cross-validation over the pages of WCXB's dev
   * split ({@code presslens eval extraction --cross-validate}; docs/EXTRACTION.md).
   *
   * @param grow an ancestor replaces the best container when it holds this many times its prose
   * @param reach how many levels up such an ancestor is looked for (wrappers that add no prose
   *     sit between the blocks of a page built from blocks)
   */
  record Params(double grow, int reach) {
    static final Params DEFAULT = new Params(1.1, 20);

    @Override
    public String toString() {
      return "grow " + grow + ", reach " + reach;
    }
  }

  /** The body text of {@code doc} as paragraphs separated by blank lines; "" if none is found. */
  static String extract(Document doc) {
    return extract(doc, Params.DEFAULT, false).container();
  }

  /**
   * What {@link #extract(Document, Params, boolean)} finds.
   *
   * @param container the text of the best container of prose (an article's body), paragraphs
   *     separated by blank lines; "" when there is none
   * @param pageChars the characters of all the page's text less what is never content and what
   *     is marked as boilerplate, link lists included: how much the container leaves out
   */
  record Extracted(String container, int pageChars) {}

  /**
   * The text of the page's main region ({@code <main>}, {@code role=main}), less what is never
   * content: for a product page, whose content is many blocks rather than one container of prose
   * (pages of other kinds read whole do better, {@link #extractPage}). Null when the page marks no
   * main region.
   */
  static String extractMain(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    clean(body, false);
    Element main = body.selectFirst(MAIN);
    if (main == null) {
      return null;
    }
    List<String> paragraphs = new ArrayList<>();
    collectBlocks(main, paragraphs);
    return String.join("\n\n", paragraphs);
  }

  /**
   * What a product page shows beside its product, by a class or id word: buyers' reviews and the
   * other products offered ("related-products", "customers also viewed", a carousel of cards).
   * A word's start only, after a separator or inside camelCase: "cart-preview" is no review.
   */
  private static final HintPattern PRODUCT_EXTRAS = new HintPattern(
      "(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))(?i:review|related|recommend|similar|upsell|up-sell|cross-?sell|also-?(?:viewed|bought|like)|recently-?viewed|carousel)");

  /**
   * Takes a product page's {@link #PRODUCT_EXTRAS} out of {@code doc}, except a block that holds
   * the page's {@code <h1>} (the product itself, in a gallery marked "carousel"). WCXB's product
   * pages keep neither reviews nor other products in their content, with few exceptions.
   */
  static void removeProductExtras(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return;
    }
    Set<Element> holdsHeadline = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element h1 : body.getElementsByTag("h1")) {
      holdsHeadline.addAll(h1.parents());
    }
    removeOutermost(body, e -> {
      return e != body && !e.is(MAIN) && PRODUCT_EXTRAS.marks(e)
          && !holdsHeadline.contains(e);
    }, e -> false);
  }

  /**
   * On a page of many blocks, what a class or id marks as boilerplate: fewer words than {@link
   * #UNLIKELY}, whose "media", "rating", "tags" or "header" mark a listing's cards and a service
   * page's sections as often as an article's clutter; and a shop's "facets" and "filter" panels,
   * its pages' links and toolbars, and text for screen readers only ("sr-only",
   * "screen-reader-text": "Regular price", "Add to wishlist" under every card), which a browser
   * does not show.
   */
  private static final HintPattern UNLIKELY_ON_BLOCK_PAGES =
      new HintPattern("(?i)cookie|consent|popup|modal|newsletter|subscri|breadcrumb|footer|\\bnav|(?<!context)menu|sidebar|facet|filter|pagination|pager\\b|toolbar|sr-only|screen-reader");

  /**
   * The text of a page whose content is spread over many blocks (a listing's cards, a service
   * page's sections, a shop's grid), where no one container holds it: all its text blocks, link
   * lists included, less what is never content, the site's header and {@link
   * #UNLIKELY_ON_BLOCK_PAGES}; of a page whose {@code <main>} holds most of that text (70% of its
   * characters), the main region's alone: a shop's filters, a site's link lists and its
   * "popular searches" sit beside it. {@code doc} must be a fresh parse.
   */
  static String extractPage(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    removeNeverContent(body);
    removeUnlikely(body, UNLIKELY_ON_BLOCK_PAGES);
    removeSiteHeaders(body);
    // 70%: of 0.5, 0.7 and 0.8 on WCXB dev's folds, the share that every fold holds or gains by.
    Element main = body.selectFirst(MAIN);
    if (main != null && main.text().length() >= 0.7 * body.text().length()) {
      return allText(main);
    }
    return allText(body);
  }

  /** The site's header (logo, account, cart) is no content; an article's, or one holding the headline, is. */
  private static void removeSiteHeaders(Element body) {
    for (Element header : body.select("header")) {
      if (header.closest("article, main, [role=main]") == null && header.selectFirst("h1") == null) {
        header.remove();
      }
    }
  }

  /** Every text block under {@code root} as paragraphs, link lists included. */
  private static String allText(Element root) {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    walk(root, current, blocks, true);
    flush(current, blocks);
    return String.join("\n\n", blocks);
  }

  /**
   * What is never content on any page: {@link #NEVER_CONTENT_TAGS} and the rest {@link
   * #isNeverContent} names (a {@code [popover]} included,
   * which a browser shows only when it is opened) and elements hidden by their style; but a
   * visible {@code <form>} is content when it holds posts, {@code <article>}s with a paragraph of
   * prose (80 characters; a shop's product cards have none), or more than four paragraphs and
   * most of the page's text ({@link #holdsTheProse}).
   */
  private static void removeNeverContent(Element body) {
    List<Element> never = new ArrayList<>();
    int total = -1; // the page's text, measured only on a page with a form
    for (Element e : body.getAllElements()) {
      if (!isNeverContent(e)) {
        continue;
      }
      if (isVisibleOutermostForm(e)) {
        if (e.select("article p").stream().anyMatch(p -> p.text().length() >= 80)) {
          continue; // posts, each an <article> of prose: a thread's, wrapped for moderators' check boxes
        }
        if (e.getElementsByTag("p").size() > 4) {
          total = total < 0 ? rawTextLength(body) : total;
          if (holdsTheProse(e, total)) {
            continue;
          }
        }
      }
      never.add(e);
    }
    removeAll(outsideMain(never));
    removeAll(body.select("[style~=(?i)display:\\s*none|visibility:\\s*hidden]"));
  }

  /**
   * Whether {@code e} never holds article text by its tag or attributes (see {@link
   * #NEVER_CONTENT_TAGS}), as a CSS selector of those 31 alternatives would match it, in one
   * look: the selector, tried on every element, was 4% of extraction's time.
   */
  private static boolean isNeverContent(Element e) {
    if (NEVER_CONTENT_TAGS.contains(e.normalName())) {
      return true;
    }
    if (e.attributesSize() == 0) {
      return false;
    }
    return e.hasAttr("hidden") || e.hasAttr("popover") || e.attr("aria-hidden").trim().equalsIgnoreCase("true")
        || NEVER_CONTENT_ROLES.contains(e.attr("role").trim().toLowerCase(java.util.Locale.ROOT));
  }

  /** "Skip to main content", "Skip navigation", "Jump to content": a link within the page for keyboards and screen readers. */
  private static final Pattern SKIP_LINK = Pattern.compile("(?i)\\s*(?:skip|jump)\\s+(?:to|over|navigation)\\b.{0,40}");

  private static boolean isSkipLink(Element e) {
    return e.normalName().equals("a") && e.attr("href").startsWith("#") && SKIP_LINK.matcher(e.text()).matches();
  }

  /**
   * Whether a {@code <form>} with more than four paragraphs holds most of the page's text: then
   * it is the page's content, not an input form:
   * Invision Community wraps a thread's posts in one (for moderators' check boxes), ASP.NET
   * the whole page.
   */
  private static boolean holdsTheProse(Element form, int total) {
    return rawTextLength(form) > total / 2;
  }

  /**
   * A form that nothing hides and no other form or template holds: only such a form may be a
   * page's content (forms nested in a template, where the parser allows it, are weighed once, by
   * the outermost).
   */
  private static boolean isVisibleOutermostForm(Element e) {
    return e.tagName().equals("form") && !e.hasAttr("hidden") && !e.attr("aria-hidden").equalsIgnoreCase("true")
        && !e.hasAttr("role") && (e.parent() == null || e.parent().closest("form, template") == null);
  }

  /** The characters of the text under {@code e} as written, white space included: a share of a page's text, cheaply. */
  private static int rawTextLength(Element e) {
    int[] n = {0};
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t) {
        n[0] += t.getWholeText().length();
      }
    }, e);
    return n[0];
  }

  /**
   * {@code elements}, except that one holding the page's {@code <main>} gives way to the rest of
   * its elements, those beside the path down to {@code <main>}: an {@code <aside>} or
   * {@code <nav>} left unclosed holds the rest of the page, in a browser as in jsoup, and a
   * script may show a {@code hidden} wrapper; taking either out whole would take the article
   * with it. (Text directly beside the path, outside any element, stays.) A {@code <noscript>}
   * or {@code <form>} around the page goes whole (unless the form holds the page's prose,
   * {@link #removeNeverContent}): the second, lenient reading keeps both; so do
   * an inert {@code <template>} and a {@code <main hidden>}. A {@code <main aria-hidden="true">}
   * (what a page sets while a dialog is open) stays.
   */
  private static List<Element> outsideMain(List<Element> elements) {
    List<Element> out = new ArrayList<>(elements.size());
    for (Element e : elements) {
      boolean whole = e.tagName().equals("noscript") || e.tagName().equals("form") || e.tagName().equals("template");
      Element main = whole ? null : e.selectFirst(MAIN);
      if (main == e) { // hidden from screen readers only, as while a dialog is open, the main shows
        if (e.hasAttr("hidden")) {
          out.add(e);
        }
        continue;
      }
      if (main == null) {
        out.add(e);
        continue;
      }
      for (Element on = main; on != e; on = on.parent()) {
        out.addAll(on.siblingElements());
      }
    }
    return out;
  }

  private static final org.jsoup.select.Evaluator MAIN = org.jsoup.select.QueryParser.parse("main, [role=main]");

  private static void clean(Element body, boolean thread) {
    removeNeverContent(body);
    removeUnlikely(body, thread ? UNLIKELY_IN_THREAD : UNLIKELY);
    if (thread) {
      removeCommentsOnPosts(body);
    }
  }

  private static final Pattern COMMENTS = Pattern.compile("(?i)(?:^|[\\s_-])comments?(?:$|[\\s_-])");
  private static final Pattern POST = Pattern.compile("(?i)(?:^|[\\s_-])(?:post|answer|question|message)(?:$|[\\s_-])");

  /**
   * In a thread the posts are the content, but comments under a post (a question's or an
   * answer's on a Q&A site) are remarks on it, not posts: they go.
   */
  private static void removeCommentsOnPosts(Element body) {
    List<Element> doomed = new ArrayList<>();
    // Each ancestor looked up in a set (at most the parser's nesting cap of them): linear in the
    // page however many comments it holds, where scanning the doomed list was quadratic.
    Set<Element> doomedSet = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element e : body.getElementsByAttribute("class")) {
      if (COMMENTS.matcher(e.className()).find()
          && e.parents().stream().anyMatch(p -> POST.matcher(p.className()).find())
          && e.parents().stream().noneMatch(doomedSet::contains)) {
        doomed.add(e);
        doomedSet.add(e);
      }
    }
    removeAll(doomed);
  }

  /**
   * As {@link #extract(Document)}, with other constants, and the page's text besides; {@code
   * thread} when the page is a forum thread, whose posts are its content and not comments to drop.
   */
  static Extracted extract(Document doc, Params params, boolean thread) {
    Element body = doc.body();
    if (body == null) {
      return new Extracted("", 0);
    }
    clean(body, thread);
    String container = extractCleaned(body, params, thread);
    removeSiteHeaders(body);
    return new Extracted(container, allText(body).length());
  }

  /**
   * The second try when {@link #extract(Document, Params, boolean)} found nothing, as
   * readability.js retries without stripping "unlikely" candidates: the class names that mark
   * boilerplate also mark every wrapper of some page builders ("elementor-widget-wrap",
   * "WidgetWrapper"), and some pages hold everything in a {@code <form>} or {@code <noscript>}.
   * Only what never holds visible text is removed first. {@code doc} must be a fresh parse.
   */
  static String extractLeniently(Document doc, Params params, boolean thread) {
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    removeAll(outsideMain(body.select(NEVER_TEXT)));
    return extractCleaned(body, params, thread);
  }

  private static String extractCleaned(Element body, Params params, boolean thread) {
    Element best = bestContainer(body, params);
    if (best == null) {
      return "";
    }
    if (thread) { // the thread is every post, not the longest one
      for (int level = 0; level < 10 && best.parent() != null && best.parent() != body && PageKind.posts(best) < 2; level++) {
        best = best.parent();
      }
    }
    List<String> paragraphs = new ArrayList<>();
    for (Element part : withProseSiblings(best)) {
      collectBlocks(part, paragraphs);
    }
    return String.join("\n\n", paragraphs);
  }

  /**
   * Drops elements whose class or id says they are boilerplate, unless they hold most of the page.
   * Inside an element already doomed nothing is weighed (it goes with its ancestor), so that
   * boilerplate nested thousands deep costs one look, not one look per level.
   */
  private static void removeUnlikely(Element body, HintPattern unlikelyHints) {
    int total = Math.max(1, body.text().length());
    // Inside code, classes are a highlighter's ("hljs-comment", "token comment"): the code's own parts.
    removeOutermost(body, e -> isUnlikely(e, body, total, unlikelyHints),
        e -> e.tagName().equals("pre") || e.tagName().equals("code"));
  }

  /**
   * Takes out of {@code root} every element {@code doomed} accepts, outermost first (what it
   * holds is not looked at), and looks inside no element {@code opaque} accepts.
   */
  private static void removeOutermost(Element root, java.util.function.Predicate<Element> doomed,
      java.util.function.Predicate<Element> opaque) {
    List<Element> found = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof Element e) {
          if (doomed.test(e)) {
            found.add(e);
            return FilterResult.SKIP_ENTIRELY;
          }
          if (opaque.test(e)) {
            return FilterResult.SKIP_ENTIRELY;
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, root);
    removeAll(found);
  }

  /**
   * Takes elements out of the page. jsoup removes a child by finding it in its parent's list, so
   * removing many siblings one by one costs their number squared (a page of 400,000 hidden divs,
   * 12 MB, took 11.9 s of CPU to read, now 3.1 s); here each parent's children are rebuilt once.
   */
  private static void removeAll(List<Element> elements) {
    Map<Element, Set<Node>> byParent = new IdentityHashMap<>();
    for (Element e : elements) {
      if (e.parent() != null) {
        byParent.computeIfAbsent(e.parent(), p -> java.util.Collections.newSetFromMap(new IdentityHashMap<>())).add(e);
      }
    }
    byParent.forEach((parent, gone) -> {
      List<Node> kept = new ArrayList<>(parent.childNodeSize());
      for (Node n : parent.childNodes()) {
        if (!gone.contains(n)) {
          kept.add(n);
        }
      }
      parent.empty();
      parent.appendChildren(kept);
    });
  }

  private static boolean isUnlikely(
      Element e, Element body, int total, HintPattern unlikelyHints) {
    if (e == body || e.tagName().equals("html") || e.tagName().equals("article") || e.tagName().equals("main")) {
      return false;
    }
    String hints = e.className() + " " + e.id();
    if (hints.isBlank() || !unlikelyHints.marks(e) || LIKELY.marksId(e) || isElementorPostContent(hints)) {
      return false;
    }
    if (LIKELY.marks(e) && e.text().length() > total / 3) {
      return false;
    }
    if (e.select("p").size() > 4 && e.text().length() > total / 3) {
      return false; // a wrapper with an unlucky class name ("has-sidebar") that holds the article
    }
    return true;
  }

  /**
   * Elementor, a WordPress page builder, classes every block of a page "elementor-widget", the
   * post's own text too: its Post Content widget ("elementor-widget-theme-post-content") and the
   * bare "elementor-widget-container" inside every widget are the article's, whatever "widget"
   * says elsewhere. The builder's other widgets (menus, latest posts, forms) stay unlikely.
   */
  private static boolean isElementorPostContent(String hints) {
    return hints.contains("elementor-widget-theme-post-content") || hints.strip().equals("elementor-widget-container");
  }

  /** The element whose direct prose paragraphs score highest, readability-style. */
  private static Element bestContainer(Element body, Params params) {
    // A page that marks its body with schema.org's articleBody has said what the article is.
    Element marked = null;
    for (Element e : body.select("[itemprop=articleBody]")) {
      if (e.text().length() >= 200 && (marked == null || e.text().length() > marked.text().length())) {
        marked = e;
      }
    }
    if (marked != null) {
      return marked;
    }
    // In the order blocks first score (a block before its ancestors; jsoup's elements hash by
    // identity): of two equal scores the first wins, the same on every run. An IdentityHashMap's
    // order follows identity hash codes, which change from one parse to the next.
    Map<Element, Double> scores = new java.util.LinkedHashMap<>();
    // The length of each block's own text, measured once: prose is counted below for ancestor
    // after ancestor, and a block's own text may run through a deep subtree of inline elements.
    Map<Element, Integer> ownLengths = new IdentityHashMap<>();
    for (Element p : body.select("p, pre, td, blockquote, div, section, li")) {
      String own = ownBlockText(p);
      ownLengths.put(p, own.length());
      if (own.length() < 25) {
        continue;
      }
      double score = 1 + countChar(own, ',') + Math.min(own.length() / 100.0, 3.0);
      // A div holding text directly scores for itself as well as for its ancestors.
      if (!p.tagName().equals("p") && !p.tagName().equals("li") && !p.tagName().equals("td")) {
        scores.merge(p, score, Double::sum);
      }
      // Ancestors share the score with readability.js's decay: 1, 1/2, then 1/(3 level).
      Element ancestor = p.parent();
      for (int level = 0; level < 5 && ancestor != null && ancestor != body; level++) {
        double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (3 * level);
        scores.merge(ancestor, score * share, Double::sum);
        ancestor = ancestor.parent();
      }
    }
    // Link density and prose are asked of the same elements many times: measure each once.
    Map<Element, Double> density = new IdentityHashMap<>();
    Map<Element, Integer> prose = new IdentityHashMap<>();
    java.util.function.ToDoubleFunction<Element> densityOf = el -> density.computeIfAbsent(el, ContentExtractor::linkDensity);
    java.util.function.ToIntFunction<Element> proseOf = el -> prose.computeIfAbsent(el, x -> proseChars(x, ownLengths));
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      Element el = e.getKey();
      double weighed = e.getValue() + classWeight(el);
      if (weighed <= bestScore) {
        continue; // its link density can only lower it (and bestScore is never below 0): its text need not be built
      }
      double s = weighed * (1 - densityOf.applyAsDouble(el));
      if (s > bestScore) {
        bestScore = s;
        best = el;
      }
    }
    // An article split into several containers (paragraph groups between ads) lives in the
    // ancestor that holds markedly more prose, as long as that ancestor is not a link farm.
    for (boolean climbed = best != null; climbed; ) {
      climbed = false;
      int own = proseOf.applyAsInt(best);
      Element ancestor = best.parent();
      for (int level = 0; level < params.reach() && ancestor != null && ancestor != body; level++) {
        if (proseOf.applyAsInt(ancestor) > params.grow() * own && densityOf.applyAsDouble(ancestor) < 0.3) {
          best = ancestor;
          climbed = true;
          break;
        }
        ancestor = ancestor.parent();
      }
    }
    return best == null ? null : withProseAroundTable(best, body, ownLengths);
  }

  /**
   * A table that won on its many cells (a list of signatories, a results table) is part of the
   * text around it when a near ancestor also holds prose paragraphs of its own: the statement
   * that the table follows is the article.
   */
  private static Element withProseAroundTable(Element best, Element body, Map<Element, Integer> ownLengths) {
    Element table = best.tagName().equals("table") ? best : best.closest("table");
    if (table == null) {
      return best;
    }
    int inTable = proseChars(table, ownLengths);
    Element ancestor = table.parent();
    for (int level = 0; level < 3 && ancestor != null && ancestor != body; level++, ancestor = ancestor.parent()) {
      if (proseChars(ancestor, ownLengths) - inTable >= 200 && linkDensity(ancestor) < 0.3) {
        return ancestor;
      }
    }
    return best;
  }

  private static double classWeight(Element e) {
    double w = 0;
    if (e.hasAttr("itemprop") && e.attr("itemprop").equalsIgnoreCase("articleBody")) {
      w += 50;
    }
    if (LIKELY.marks(e)) {
      w += 25;
    }
    if (e.tagName().equals("article")) {
      w += 10;
    }
    return w;
  }

  /** The best container and any sibling that carries prose of its own. */
  private static List<Element> withProseSiblings(Element best) {
    Element parent = best.parent();
    if (parent == null) {
      return List.of(best);
    }
    double threshold = Math.max(10, proseScore(best) * 0.2);
    List<Element> out = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == best) {
        out.add(sibling);
        continue;
      }
      String text = sibling.text();
      boolean prose =
          (sibling.tagName().equals("p") && text.length() > 80 && linkDensity(sibling) < 0.25)
              || (proseScore(sibling) >= threshold && linkDensity(sibling) < 0.25);
      if (prose) {
        out.add(sibling);
      }
    }
    return out;
  }

  /** Characters in paragraphs long enough to be prose; {@code ownLengths} caches each block's own text length. */
  private static int proseChars(Element e, Map<Element, Integer> ownLengths) {
    int n = 0;
    for (Element p : e.select("p, div, li")) {
      // A div or list item counts by the text directly in it: pages write prose in divs too.
      int length = ownLengths.computeIfAbsent(p, x -> ownBlockText(x).length());
      if (length >= 80 && (p.tagName().equals("p") ? linkDensity(p, length) < 0.3 : true)) {
        n += length;
      }
    }
    return n;
  }

  private static double proseScore(Element e) {
    double s = 0;
    for (Element p : e.select("p")) {
      String t = p.text();
      if (t.length() >= 25) {
        s += 1 + countChar(t, ',') + Math.min(t.length() / 100.0, 3.0);
      }
    }
    return s;
  }

  /** Every text block of a page, as paragraphs, with nothing removed (to find credits anywhere). */
  static List<String> allBlocks(Element root) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    walkAll(root, current, out);
    flush(current, out);
    return out;
  }

  /** Walks with jsoup's iterative traversal: a page chooses its nesting depth, never our stack's. */
  private static void walkAll(Node root, StringBuilder current, List<String> out) {
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          current.append(t.getWholeText());
        } else if (node instanceof Element e) {
          if (e.tagName().equals("script") || e.tagName().equals("style")) {
            return FilterResult.SKIP_ENTIRELY;
          }
          if (isPageBlock(e)) {
            flush(current, out);
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && isPageBlock(e)) {
          flush(current, out);
        }
        return FilterResult.CONTINUE;
      }
    }, root);
  }

  private static boolean isPageBlock(Element e) {
    return BLOCKS.contains(e.tagName()) || e.tagName().equals("footer") || e.tagName().equals("aside");
  }

  /** Writes the text blocks under {@code root} as paragraphs, skipping link lists and crumbs. */
  private static void collectBlocks(Element root, List<String> out) {
    StringBuilder current = new StringBuilder();
    walk(root, current, out, false);
    flush(current, out);
  }

  /** Walks {@code root}'s text blocks into {@code out}; link lists are skipped unless {@code keepLinks}. */
  private static void walk(Node root, StringBuilder current, List<String> out, boolean keepLinks) {
    NodeTraversor.filter(new NodeFilter() {
      /** How many {@code <pre>} elements enclose the node walked: counted, not looked up per text node. */
      private int preDepth = insidePre(root.parent()) ? 1 : 0;

      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          // A line break in the HTML source is white space; only <br> and <pre> break lines.
          current.append(preDepth > 0 ? t.getWholeText() : t.getWholeText().replace('\r', ' ').replace('\n', ' '));
          return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e)) {
          return FilterResult.CONTINUE;
        }
        String tag = e.tagName();
        if (tag.equals("br")) {
          current.append('\n');
          return FilterResult.SKIP_ENTIRELY;
        }
        if (tag.equals("h1")) {
          return FilterResult.SKIP_ENTIRELY; // the headline is the title, not the body
        }
        if (tag.equals("a") && isSkipLink(e)) {
          return FilterResult.SKIP_ENTIRELY; // for keyboards and screen readers, not a reader's text
        }
        if (BLOCKS.contains(tag)) {
          flush(current, out);
          if (!keepLinks && isLinkList(e)) {
            return FilterResult.SKIP_ENTIRELY;
          }
        }
        if (tag.equals("pre")) {
          preDepth++; // tail is called for every element whose head said CONTINUE
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.tagName())) {
          flush(current, out);
        }
        return FilterResult.CONTINUE;
      }
    }, root);
  }

  private static boolean insidePre(Node node) {
    for (Node p = node; p instanceof Element e; p = p.parent()) {
      if (e.tagName().equals("pre")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLinkList(Element e) {
    Elements links = e.getElementsByTag("a");
    if (links.isEmpty()) { // no link, no link density: the subtree's text need not be built
      return false;
    }
    int total = e.text().length();
    if (total == 0) {
      return false;
    }
    double density = linkDensity(links, total);
    return density > 0.6 || (density > 0.3 && total < 80 && !TEXT_BLOCKS.contains(e.tagName()));
  }

  private static void flush(StringBuilder current, List<String> out) {
    String para = normalise(current.toString());
    current.setLength(0);
    if (!para.isEmpty()) {
      out.add(para);
    }
  }

  /** Collapses runs of white space inside a paragraph; keeps the paragraph's line breaks single. */
  static String normalise(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    boolean lineHasText = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        if (lineHasText) {
          out.append('\n');
        }
        space = false;
        lineHasText = false;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = lineHasText;
      } else {
        if (space) {
          out.append(' ');
        }
        out.append(c);
        space = false;
        lineHasText = true;
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '\n') {
      end--;
    }
    return out.substring(0, end);
  }

  private static String ownBlockText(Element e) {
    if (e.tagName().equals("p") || e.tagName().equals("pre") || e.tagName().equals("blockquote")) {
      return e.text();
    }
    StringBuilder b = new StringBuilder();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        b.append(t.text());
      } else if (n instanceof Element c && !BLOCKS.contains(c.tagName())) {
        b.append(c.text());
      }
    }
    return b.toString().strip();
  }

  static double linkDensity(Element e) {
    Elements links = e.getElementsByTag("a");
    if (links.isEmpty()) {
      return 0;
    }
    int total = e.text().length();
    return total == 0 ? 0 : linkDensity(links, total);
  }

  /** {@link #linkDensity(Element)} of an element whose text is {@code total} characters long. */
  private static double linkDensity(Element e, int total) {
    Elements links = e.getElementsByTag("a");
    return links.isEmpty() || total == 0 ? 0 : linkDensity(links, total);
  }

  /** The share of {@code total} characters of text that {@code links} hold, at most 1. */
  private static double linkDensity(Elements links, int total) {
    int linked = 0;
    for (Element a : links) {
      linked += a.text().length();
    }
    return Math.min(1.0, (double) linked / total);
  }

  private static int countChar(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

}
