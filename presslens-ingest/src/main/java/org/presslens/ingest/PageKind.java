package org.presslens.ingest;

import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page kinds of the contract's {@code page_kind}: "article", "forum" (a thread of posts),
 * "product", "listing" (a page of links to other pages: a category, a search, an index) or
 * "other" (a service or landing page, documentation); {@link PageType} says which a page is. Here
 * too the shapes that the reader and the classifier look for: posts signed by users, repeated link
 * cards.
 */
final class PageKind {
  static final String ARTICLE = "article";
  static final String FORUM = "forum";
  static final String PRODUCT = "product";
  static final String LISTING = "listing";
  static final String OTHER = "other";

  private static final HintPattern POST = new HintPattern("(?i)(?:^|[\\s_-])(?:post|message|reply|comment|answer|topic-?body)(?:$|[\\s_-])");

  /** The site's navigation, whose many links are no listing. */
  private static final org.jsoup.select.Evaluator CHROME =
      org.jsoup.select.QueryParser.parse("nav, header, footer, aside, [role=navigation], [class~=(?i)menu|\\bnav|footer|header]");

  private PageKind() {}

  /** The first post of a thread (the one that opened it), or null. */
  static Element firstPost(Element root) {
    for (Element e : root.getElementsByAttribute("class")) {
      if (isPost(e)) {
        return e;
      }
    }
    return null;
  }

  /** A class naming a user; parsed once: asked of every post-like element of every page. */
  private static final org.jsoup.select.Evaluator POSTER =
      org.jsoup.select.QueryParser.parse("[class~=(?i)user|author|poster|member|username]");

  /** The element in a post that names its writer, or null. */
  static Element poster(Element post) {
    return post.selectFirst(POSTER);
  }

  private static boolean isPost(Element e) {
    // The class words first, the subtree's text and its writer last: most elements fail early.
    return POST.find(e.className()) && e.parents().stream().noneMatch(p -> POST.find(p.className()))
        && e.text().length() >= 40 && poster(e) != null;
  }

  /** The number of posts under {@code root} signed by a user: elements marked as posts that hold a user's name. */
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
  static int cards(Document doc) {
    int best = 0;
    Element body = doc.body();
    if (body == null) {
      return 0;
    }
    for (Element parent : body.getAllElements()) {
      // Child nodes first: counting the child elements builds their list.
      if (parent.childNodeSize() < 8 || parent.childrenSize() < 8 || parent.closest(CHROME) != null) {
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
