package org.presslens.ingest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.presslens.core.learn.LinearModel;

/**
 * What a page is, by a classifier trained on the seven page types of WCXB's dev split (Foley
 * 2026): article, forum, product, collection, listing, documentation, service. The type decides
 * how the page is read: a forum thread's replies are content, a product page's main region is, and
 * a page whose best container of prose holds less than its type's share of the page's text is
 * read whole, its content being spread over many blocks (the shares, one per type, are the
 * trained model's, chosen by cross-validation: a listing's or service page's share is 1, read
 * whole, an article's lower).
 *
 * <p>The classifier is the project's logistic regression ({@link LinearModel}, one-vs-rest, as
 * liblinear trains it) over cheap page-level features: what the page declares (schema.org types in
 * JSON-LD and microdata, {@code og:type}), the words of its address, and its shape (link density,
 * paragraphs of prose, headings, sections, list items, forms, prices, repeated link cards, posts
 * signed by users, code blocks, tables) and how much of its text the best container of prose
 * holds. Rebuilt by {@code presslens train page-type}; see docs/EXTRACTION.md.
 */
final class PageType {
  /** WCXB's page types, in the order its README lists them; the model's classes. */
  static final List<String> TYPES =
      List.of("article", "forum", "product", "collection", "listing", "documentation", "service");

  /** Where the shipped model lives, and how it is rebuilt. */
  static final String RESOURCE = "page-type-model.tsv.gz";
  static final String REBUILD = "presslens train page-type --wcxb ../shared/datasets/wcxb/dev "
      + "--out presslens-ingest/src/main/resources/org/presslens/ingest/" + RESOURCE;

  /**
   * The note of the model that gives, per type, the share of the page's text below which its
   * best container makes it read whole: "article 0.7|forum 0|…".
   */
  static final String READ_WHOLE = "read whole below";

  /** The names of the dense features, in the order of {@link Features#dense()}. */
  static final List<String> DENSE = List.of(
      "log text chars", "link density", "log links", "log paragraphs", "prose share", "log prose paragraphs",
      "log h1", "log h2-h3", "log sections", "log list items", "log forms", "log inputs", "log buttons",
      "log images", "log code blocks", "log table rows", "log prices", "log cards", "log posts", "log times",
      "log articles", "address depth", "address slug words", "address has number", "address has query",
      "container share", "log container chars", "log container paragraphs");

  private static final Pattern PRICE =
      Pattern.compile("[$€£¥₹]\\s?\\d|\\d(?:[\\d.,]*\\d)?\\s?(?:€|EUR|USD|GBP|CHF|kr|zł)\\b");
  private static final Pattern ADDRESS_WORD = Pattern.compile("[a-z]{2,20}");
  private static final Pattern NUMBER_SEGMENT = Pattern.compile("(?:^|/)\\d+(?:/|$|\\.)");

  /**
   * A page's features: named binary ones and {@link #DENSE} numbers.
   *
   * @param binary what the page declares and the words of its address ("ld:product",
   *     "og:article", "url:blog")
   * @param dense the numbers named by {@link #DENSE}
   */
  record Features(List<String> binary, float[] dense) {}

  /** The features read from the page before extraction changes it; the container's come after. */
  record Shape(List<String> binary, float[] dense) {
    /** The page's features, given the text of its best container and the page's text length in characters. */
    Features with(String container, int pageChars) {
      float[] all = java.util.Arrays.copyOf(dense, DENSE.size());
      int i = dense.length;
      all[i++] = pageChars == 0 ? 0 : (float) Math.min(1.0, (double) container.length() / pageChars);
      all[i++] = log(container.length());
      all[i] = log(container.isBlank() ? 0 : container.split("\n\n").length);
      return new Features(binary, all);
    }
  }

  private static final int CONTAINER_SHARE = DENSE.indexOf("container share");

  private final LinearModel model;
  /** Per type, the container's share of the page's text below which the page is read whole. */
  private final Map<String, Double> wholeBelow;
  /** Set for a probe that reads every page as one type (see {@link #fixed}). */
  private final String fixedType;

  private PageType(LinearModel model, Map<String, Double> wholeBelow, String fixedType) {
    this.model = model;
    this.wholeBelow = Map.copyOf(wholeBelow);
    this.fixedType = fixedType;
  }

  /** A trained model, whose notes give each type's share below which a page is read whole. */
  static PageType of(LinearModel model) {
    if (!model.classes().equals(TYPES)) {
      throw new IllegalArgumentException("a page-type model's classes must be " + TYPES + ", not " + model.classes());
    }
    Map<String, Double> below = new java.util.HashMap<>();
    for (String one : model.notes().getOrDefault(READ_WHOLE, "").split("\\|")) {
      String[] typeShare = one.strip().split(" ");
      if (typeShare.length == 2) {
        below.put(typeShare[0], Double.parseDouble(typeShare[1]));
      }
    }
    return new PageType(model, below, null);
  }

  /** Every page taken for {@code type}, read whole or not: for measuring each reading of each page. */
  static PageType fixed(String type, boolean whole) {
    return new PageType(null, Map.of(type, whole ? 2.0 : 0.0), type);
  }

  private static final class Shipped {
    static final PageType MODEL = of(LinearModel.resource(PageType.class, RESOURCE, REBUILD));
  }

  /** The model PressLens ships, trained on all of WCXB's dev split. */
  static PageType shipped() {
    return Shipped.MODEL;
  }

  /** The most probable of {@link #TYPES} for a page with these features. */
  String type(Features f) {
    return fixedType != null ? fixedType : TYPES.get(LinearModel.argmax(model.probabilities(f.binary(), f.dense())));
  }

  /**
   * Whether a page of {@code type} with these features is read whole (its content spread over
   * many blocks) rather than as one container: when its best container holds less than the
   * type's share of its text.
   */
  boolean readsWhole(String type, Features f) {
    return containerShare(f) < wholeBelow.getOrDefault(type, 0.0);
  }

  /**
   * The same page's features as if its address were unknown (a file with no canonical link):
   * for training, so that such pages are not taken for a site's home page (no path).
   */
  static Features withoutAddress(Features f) {
    float[] dense = f.dense().clone();
    for (int i = 0; i < DENSE.size(); i++) {
      if (DENSE.get(i).startsWith("address ")) {
        dense[i] = 0;
      }
    }
    return new Features(f.binary().stream().filter(b -> !isAddressWord(b)).toList(), dense);
  }

  /** Whether a binary feature is a word of the page's address. */
  static boolean isAddressWord(String feature) {
    return feature.startsWith("url:") || feature.startsWith("host:");
  }

  /** The share of the page's text (in characters) that its best container of prose holds. */
  static double containerShare(Features f) {
    return f.dense()[CONTAINER_SHARE];
  }

  /**
   * The contract's {@code page_kind} for a type: collections and listings are listings;
   * documentation and service pages are "other".
   */
  static String kind(String type) {
    return switch (type) {
      case "article" -> PageKind.ARTICLE;
      case "forum" -> PageKind.FORUM;
      case "product" -> PageKind.PRODUCT;
      case "collection", "listing" -> PageKind.LISTING;
      default -> PageKind.OTHER;
    };
  }

  /** The features of {@code doc} as parsed, before extraction removes anything; {@code url} is the page's address. */
  static Shape shape(Document doc, String url, Set<String> ldTypes) {
    Set<String> binary = new LinkedHashSet<>();
    for (String t : ldTypes) {
      binary.add("ld:" + t.toLowerCase(Locale.ROOT));
    }
    for (Element e : doc.select("[itemtype]")) {
      binary.add("md:" + e.attr("itemtype").replaceAll(".*/", "").toLowerCase(Locale.ROOT));
    }
    Element og = doc.selectFirst("meta[property=og:type]");
    if (og != null && !og.attr("content").isBlank()) {
      binary.add("og:" + og.attr("content").strip().toLowerCase(Locale.ROOT).replaceFirst("\\..*", ""));
    }
    String path = pathOf(url);
    Matcher w = ADDRESS_WORD.matcher(path);
    while (w.find()) {
      binary.add("url:" + w.group());
    }
    String host = hostOf(url);
    String[] labels = host.split("\\.");
    if (labels.length > 2) {
      binary.add("host:" + labels[0]);
    }

    float[] dense = new float[DENSE.size() - 3];
    Element body = doc.body();
    if (body == null) {
      return new Shape(List.copyOf(binary), dense);
    }
    String text = body.text();
    int chars = text.length();
    // One walk over the page's elements: counting each tag with its own search would walk it once per tag.
    Map<String, Integer> tags = new java.util.HashMap<>();
    int paragraphs = 0;
    int proseParagraphs = 0;
    long proseChars = 0;
    long linkChars = 0;
    for (Element e : body.getAllElements()) {
      String tag = e.normalName();
      tags.merge(tag, 1, Integer::sum);
      if (tag.equals("p")) {
        paragraphs++;
        int n = e.text().length();
        if (n >= 150) {
          proseParagraphs++;
          proseChars += n;
        }
      } else if (tag.equals("a")) {
        linkChars += e.text().length();
      }
    }
    int i = 0;
    dense[i++] = log(chars);
    dense[i++] = chars == 0 ? 0 : (float) Math.min(1.0, (double) linkChars / chars);
    dense[i++] = log(count(tags, "a"));
    dense[i++] = log(paragraphs);
    dense[i++] = chars == 0 ? 0 : (float) Math.min(1.0, (double) proseChars / chars);
    dense[i++] = log(proseParagraphs);
    dense[i++] = log(count(tags, "h1"));
    dense[i++] = log(count(tags, "h2") + count(tags, "h3"));
    dense[i++] = log(count(tags, "section"));
    dense[i++] = log(count(tags, "li"));
    dense[i++] = log(count(tags, "form"));
    dense[i++] = log(count(tags, "input") + count(tags, "select") + count(tags, "textarea"));
    dense[i++] = log(count(tags, "button"));
    dense[i++] = log(count(tags, "img"));
    dense[i++] = log(count(tags, "pre") + count(tags, "code"));
    dense[i++] = log(count(tags, "tr"));
    Matcher price = PRICE.matcher(text);
    int prices = 0;
    while (price.find()) {
      prices++;
    }
    dense[i++] = log(prices);
    dense[i++] = log(PageKind.cards(doc));
    dense[i++] = log(PageKind.posts(body));
    dense[i++] = log(count(tags, "time"));
    dense[i++] = log(count(tags, "article"));
    String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
    dense[i++] = path.replaceAll("/", "").isEmpty() ? 0 : segments.length;
    String last = segments[segments.length - 1];
    dense[i++] = last.isEmpty() ? 0 : last.split("[-_]").length;
    dense[i++] = NUMBER_SEGMENT.matcher(path).find() ? 1 : 0;
    dense[i] = url != null && url.contains("?") ? 1 : 0;
    return new Shape(List.copyOf(binary), dense);
  }

  private static int count(Map<String, Integer> tags, String tag) {
    return tags.getOrDefault(tag, 0);
  }

  private static float log(double n) {
    return (float) Math.log1p(n);
  }

  private static String pathOf(String url) {
    try {
      String p = url == null ? null : URI.create(url.strip().replace(" ", "%20")).getPath();
      return p == null ? "" : p.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String hostOf(String url) {
    try {
      String h = url == null ? null : URI.create(url.strip().replace(" ", "%20")).getHost();
      return h == null ? "" : h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** The note that gives each type's share below which a page is read whole, in the order of {@link #TYPES}. */
  static Map<String, String> readWholeNote(Map<String, Double> below) {
    List<String> ordered = new ArrayList<>();
    for (String t : TYPES) {
      ordered.add(t + " " + below.getOrDefault(t, 0.0));
    }
    return Map.of(READ_WHOLE, String.join("|", ordered));
  }
}
