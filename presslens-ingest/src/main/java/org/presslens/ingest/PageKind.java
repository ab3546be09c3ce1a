package org.presslens.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page is, so that a listing or a product page is not taken for an article: "article",
 * "forum" (a thread of posts), "product", "listing" (a page of links to other pages: a category,
 * a search, an index) or "other" (a service or landing page, documentation).
 *
 * <p>The page says so itself more often than not (schema.org types in JSON-LD or microdata,
 * {@code og:type}); otherwise its shape decides: many posts by different users make a forum,
 * many repeated link cards and little prose make a listing, prose in paragraphs makes an article.
 */
final class PageKind {
  static final String ARTICLE = "article";
  static final String FORUM = "forum";
  static final String PRODUCT = "product";
  static final String LISTING = "listing";
  static final String OTHER = "other";

  private static final Pattern POST = Pattern.compile("(?i)(?:^|[\\s_-])(?:post|message|reply|comment|answer|topic-?body)(?:$|[\\s_-])");
  private static final Pattern USER = Pattern.compile("(?i)user|author|poster|member|username");

  /** The site's navigation, whose many links are no listing. */
  private static final String CHROME = "nav, header, footer, aside, [role=navigation], [class~=(?i)menu|\\bnav|footer|header]";

  private PageKind() {}

  /** What the page's markup shows, read before extraction changes the page. */
  record Signals(String declared, int posts, int cards) {
    /** Whether the page is a thread of posts, whose replies are content. */
    boolean thread() {
      return FORUM.equals(declared) || (declared == null && posts >= 3);
    }

    /** The kind, given also the text extracted from the page. */
    String kind(String text) {
      if (declared != null) {
        return declared;
      }
      if (posts >= 3) {
        return FORUM;
      }
      int prose = 0;
      for (String para : text.split("\n\n")) {
        if (para.length() >= 150) {
          prose += para.length();
        }
      }
      if (prose >= 1200) {
        return ARTICLE;
      }
      return cards >= 8 ? LISTING : prose >= 400 ? ARTICLE : OTHER;
    }
  }

  /** The signals of {@code doc}, given its JSON-LD types. */
  static Signals signals(Document doc, Set<String> ldTypes) {
    String declared = declared(doc, ldTypes);
    return declared != null ? new Signals(declared, 0, 0) : new Signals(null, posts(doc), cards(doc));
  }

  /** What the page's own markup says it is, or null. */
  private static String declared(Document doc, Set<String> ldTypes) {
    String types = String.join(" ", ldTypes) + " " + microdataTypes(doc);
    if (types.matches("(?s).*\\b(?:DiscussionForumPosting|QAPage)\\b.*")) {
      return FORUM;
    }
    if (types.matches("(?s).*\\b(?:NewsArticle|Article|BlogPosting|Report|ReportageNewsArticle|OpinionNewsArticle|TechArticle|ScholarlyArticle|Review)\\b.*")) {
      return ARTICLE;
    }
    if (types.matches("(?s).*\\bProduct\\b.*") || "product".equalsIgnoreCase(ogType(doc))) {
      return PRODUCT;
    }
    if (types.matches("(?s).*\\b(?:CollectionPage|ItemList|SearchResultsPage|OfferCatalog)\\b.*")) {
      return LISTING;
    }
    String og = ogType(doc);
    return og != null && og.toLowerCase(Locale.ROOT).startsWith("article") ? ARTICLE : null;
  }

  private static String ogType(Document doc) {
    Element m = doc.selectFirst("meta[property=og:type]");
    return m == null ? null : m.attr("content").strip();
  }

  private static String microdataTypes(Document doc) {
    StringBuilder b = new StringBuilder();
    for (Element e : doc.select("[itemtype]")) {
      b.append(' ').append(e.attr("itemtype").replaceAll(".*/", ""));
    }
    return b.toString();
  }

  /** The number of posts signed by a user: elements marked as posts that hold a user's name. */
  private static int posts(Document doc) {
    return doc.body() == null ? 0 : posts(doc.body());
  }

  /** The first post of a thread (the one that opened it), or null. */
  static Element firstPost(Element root) {
    for (Element e : root.getElementsByAttribute("class")) {
      if (isPost(e)) {
        return e;
      }
    }
    return null;
  }

  /** The element in a post that names its writer, or null. */
  static Element poster(Element post) {
    return post.selectFirst("[class~=(?i)" + USER.pattern() + "]");
  }

  private static boolean isPost(Element e) {
    return POST.matcher(e.className()).find() && e.text().length() >= 40 && poster(e) != null
        && e.parents().stream().noneMatch(p -> POST.matcher(p.className()).find());
  }

  /** The posts under {@code root}, as {@link #posts(Document)} counts them. */
  static int posts(Element root) {
    int n = 0;
    for (Element e : root.getElementsByAttribute("class")) {
      if (isPost(e)) {
        n++;
      }
    }
    return n;
  }

  /** Parsed once: a page may ask it of hundreds of thousands of elements. */
  private static final org.jsoup.select.Evaluator LINK = org.jsoup.select.QueryParser.parse("a[href]");

  /** The largest group of sibling elements with the same class, each a short block around a link. */
  private static int cards(Document doc) {
    int best = 0;
    Element body = doc.body();
    if (body == null) {
      return 0;
    }
    for (Element parent : body.getAllElements()) {
      if (parent.childrenSize() < 8 || parent.closest(CHROME) != null) {
        continue;
      }
      Map<String, Integer> byClass = new HashMap<>();
      for (Element child : parent.children()) {
        Element link = child.tagName().equals("a") ? child : child.selectFirst(LINK);
        int length = link == null ? 0 : child.text().length();
        if (length >= 10 && length <= 400) {
          byClass.merge(child.tagName() + "." + child.className(), 1, Integer::sum);
        }
      }
      for (int count : byClass.values()) {
        best = Math.max(best, count);
      }
    }
    return best;
  }
}
