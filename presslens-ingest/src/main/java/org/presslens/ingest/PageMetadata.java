package org.presslens.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * A web page's metadata, each value with where it was found: JSON-LD ({@code "json-ld"}), meta
 * tags ({@code "meta"}), the visible headline ({@code "h1"}), the {@code <title>} ({@code
 * "title"}), links marked {@code rel=author} in the article ({@code "rel-author"}), the visible
 * byline or dateline ({@code "byline"}), a {@code <time>} element ({@code "time"}), the URL
 * ({@code "url"}), a forum thread's opening post ({@code "thread"}), the last-modified date of a
 * page that shows only that ({@code "modified"}), the page's {@code lang} ({@code "html-lang"}) or
 * the text itself ({@code "text"}).
 *
 * <p>Read from the page as parsed, before main-content extraction removes bylines and headers.
 */
final class PageMetadata {
  /**
   * JSON-LD as publishing systems write it: a raw line break or tab inside a string (a
   * description pasted in) and a trailing comma are common, and search engines read past them.
   */
  private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA)
      .build();
  /** A title's parts: "Headline | Site", "Site - Headline", "Headline — Section — Site". */
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—·•»:~/]{1,2}\\s+|\\s*[|·•»]\\s*");
  private static final Pattern BYLINE_HINT = Pattern.compile("(?i)byline|by-line|(?:^|[\\s_-])author|writer|contributor|posted-?by");
  /**
   * Words one of which each hint pattern needs, looked for first: a case-insensitive pattern
   * tried on every element's classes was the costliest part of reading the metadata.
   */
  private static final String[] BYLINE_WORDS = {"by", "author", "writer", "contributor"};
  private static final String[] DATE_WORDS = {"date", "time", "publish", "posted", "meta", "byline"};

  private static boolean holdsAny(String hints, String[] words) {
    String lower = hints.toLowerCase(Locale.ROOT);
    for (String w : words) {
      if (lower.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern DATE_HINT = Pattern.compile("(?i)date|time|publish|posted|\\bmeta\\b|byline|dateline");
  /**
   * Containers of other stories, comments and site chrome, where no byline of this article is. A
   * sidebar's "widget", not Elementor's: that page builder wraps every block in an
   * "elementor-widget", the article's byline included.
   */
  private static final Pattern ELSEWHERE = Pattern.compile(
      "(?i)comment|related|recommend|sidebar|(?<!elementor-)widget|more-|popular|trending|teaser|promo|footer|newsletter|"
          + "respon|repl(y|ies)|discussion|outbrain|taboola|next-|prev-");
  private static final Pattern BY_PREFIX = Pattern.compile(
      "(?i)^\\s*(?:(?:this|the)\\s+(?:post|article|story|piece|guide|review)\\s+(?:was|is)\\s+)?"
          + "(?:(?:written|posted|published|reported|reviewed|edited|words|story|text|photos?|article|authored)\\s+)?"
          + "(?:by\\s*:?\\s+|by:|(?-i:By)(?=(?-i:\\p{Lu}\\p{Ll})))" // "By Ana", "By:Ana", "ByAna" (not "Byron")
          + "|^\\s*(?:authors?|writer|contributors?|autor(?:in)?|von)\\s*:\\s*|^\\s*(?-i:About|Author)\\s+(?=(?-i:\\p{Lu}))");
  private static final Pattern NOT_A_NAME = Pattern.compile(
      "(?i)\\d|@|https?:|www\\.|\\.com\\b|\\b(?:updated?|published|posted|min(?:ute)?s? read|read more|share|"
          + "follow|comments?|subscribe|staff writer|contributor|editor|reporter|correspondent|columnist|"
          + "view all|all posts|posts by|more from|about the author|sign in|log ?in|admin|guest)\\b");
  private static final Pattern ROLE_SUFFIX = Pattern.compile(
      "\\s*(?:[|•·–—»]|\\s-\\s|\\bon\\s+(?=\\w+\\s+\\d)|\\bon\\s+(?:mon|tue|wed|thu|fri|sat|sun)|(?-i:\\s(?:on|at)$)|\\bon behalf of\\b|\\blast\\b"
          + "|\\bupdated\\b|\\bpublished\\b|\\bposted\\b).*$", Pattern.CASE_INSENSITIVE);
  /**
   * Words that qualify a job ("Senior", "Content Marketing", "Head", a desk such as "Tech"); a name
   * that holds one is a role.
   */
  private static final String ROLE_QUALIFIER = "senior|junior|staff|chief|lead|head|content|marketing|managing|executive|"
      + "associate|contributing|deputy|assistant|digital|social|media|news|big|board|community|guest|freelance|technical|product|"
      // a desk or beat before the job: "Tech Reporter", "Science Editor", "Sports Writer"
      + "tech|technology|science|business|sports?|politics|political|health|travel|food|features|culture|opinion|entertainment|"
      + "economics|finance|shopping";
  private static final Pattern QUALIFIER = Pattern.compile("(?i)\\b(?:" + ROLE_QUALIFIER + ")\\b");
  /**
   * A job title after the name ("Rachel MacDonald Writer", "Meghan Neville Content Marketing
   * Coordinator", "Matt Check Head Winemaker"): words that qualify a job, then one that names it.
   */
  private static final Pattern ROLE_TAIL = Pattern.compile(
      "\\s+(?:(?:" + ROLE_QUALIFIER + ")\\s+)*"
          + "(?:writer|author|editor|coordinator|manager|owner|co-?founder|founder|winemaker|director|posts|consultant|"
          + "specialist|strategist|journalist|reporter|correspondent|producer|ceo|cto|cmo|president)\\b.*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME_SPLIT = Pattern.compile("\\s*(?:,|;|&|\\band\\b|\\bund\\b|\\bet\\b)\\s*");

  private static final Pattern BYLINE_LABEL =
      Pattern.compile("(?i)(?:(?:written|posted|published|reviewed)\\s+)?by:?|authou?r(?:ed by)?:?|contributors?:?|autor(?:in)?:?|von:?");
  private static final Pattern BYLINE_LINE =
      Pattern.compile("(?:(?:^|\\s)(?:[Ww]ritten\\s+|[Pp]osted\\s+)?(?:[Bb]y|BY)(?::?\\s+|:)|^By(?=\\p{Lu}\\p{Ll}))(\\p{Lu}.+)$");

  /** "Berger, Emery D.": a family name, a comma, given names or initials (each part of one to three words). */
  private static final Pattern FAMILY_FIRST = Pattern.compile("(\\p{L}[\\p{L}'’-]*(?: \\p{L}[\\p{L}'’-]*){0,2}),\\s*(\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,2})");

  /** A value and where it was found; {@code value} is null when nothing was. */
  record Found<T>(T value, String from) {
    static <T> Found<T> none() {
      return new Found<>(null, null);
    }
  }

  private final Document doc;
  private final List<JsonNode> ld;
  private final List<JsonNode> ldOther;
  private final Element scope;
  private final java.util.Map<Element, List<String>> leadLines = new java.util.IdentityHashMap<>();
  private List<String> headlineLines;
  /** The index of the headline's first line in {@link #headlineLines}; -1 when there are none. */
  private int headlineAt = -1;
  private java.util.Map<String, String> metas;

  PageMetadata(Document doc) {
    this.doc = doc;
    List<JsonNode> articles = new ArrayList<>();
    List<JsonNode> others = new ArrayList<>();
    for (Element s : doc.select("script[type~=(?i)application/ld\\+json]")) {
      try {
        collectLd(JSON.readTree(s.data()), articles, others);
      } catch (Exception e) {
        // broken JSON-LD is common and never fatal: the page's other metadata remains
      }
    }
    this.ld = articles;
    this.ldOther = others;
    this.scope = articleScope(doc);
  }

  /** The JSON-LD publisher's name, if any. */
  String ldPublisher() {
    for (JsonNode n : ld) {
      String name = n.path("publisher").path("name").asText("");
      if (!name.isBlank()) {
        return name;
      }
    }
    return null;
  }

  /** JSON-LD types on the page (Article, Product, DiscussionForumPosting, ...). */
  Set<String> ldTypes() {
    Set<String> out = new LinkedHashSet<>();
    for (List<JsonNode> list : List.of(ld, ldOther)) {
      for (JsonNode n : list) {
        JsonNode t = n.path("@type");
        for (JsonNode one : t.isArray() ? t : List.of(t)) {
          if (one.isTextual()) {
            out.add(one.asText());
          }
        }
      }
    }
    return out;
  }

  // ---- title

  /**
   * The headline: the page's visible {@code <h1>} when the meta title or {@code <title>} agrees
   * with it (or there is none), else the meta title or {@code <title>} without the site's name.
   */
  Found<String> title(String siteName, String domain) {
    String meta = firstNonBlank(metaContent("og:title"), metaContent("twitter:title"), ldText("headline"), ldText("name"));
    String metaFrom = meta == null ? null : ldText("headline") != null && meta.equals(ldText("headline")) ? "json-ld" : "meta";
    String tag = doc.title().isBlank() ? null : doc.title().strip();
    if (meta != null && doc.body() != null) {
      // The meta title is one of the page's headings: that is the headline, whichever <h1>
      // comes first (a page that heads its sections with <h1>s, the article's below a teaser's).
      List<String> cut = words(withoutSite(meta, siteName, domain));
      for (Element h : doc.body().select("h1")) {
        if (!cut.isEmpty() && words(h.text()).equals(cut) && !isSiteChrome(h)) {
          return new Found<>(h.text().strip(), "h1");
        }
      }
    }
    Element headline = headlineElement(siteName, domain);
    String h1 = headline == null ? null : headline.text().strip();
    String reference = meta != null ? meta : tag;
    if (h1 != null && meta != null && endsWithOthers(h1, withoutSite(meta, siteName, domain))) {
      // The headline is the meta title after a label: a forum's "Payment issues - …", "Blog: …",
      // "Thread: …", a date. The meta title is the headline itself.
      return new Found<>(withoutSite(meta, siteName, domain), metaFrom);
    }
    if (h1 != null && (reference == null || overlap(h1, reference) >= 0.5
        || (meta != null && startsWithOthers(h1, withoutSite(meta, siteName, domain))))) { // a subtitle after the meta title
      return new Found<>(withoutSiteName(h1, siteName, domain), "h1");
    }
    if (meta != null) {
      return new Found<>(withoutSite(meta, siteName, domain), metaFrom);
    }
    if (tag != null) {
      return new Found<>(withoutSite(tag, siteName, domain), "title");
    }
    return h1 != null ? new Found<>(h1, "h1") : Found.none();
  }

  /** The first {@code <h1>} of the page that is not the site's logo, inside the article when there is one. */
  private Element headlineElement() {
    return headlineElement(null, null);
  }

  /**
   * The first {@code <h1>} of the page that is neither the site's logo nor its name (a blog
   * whose theme puts its owner's name in an {@code <h1>} above every post), inside the article
   * when there is one.
   */
  private Element headlineElement(String siteName, String domain) {
    for (Element root : scope == null ? List.of(doc.body()) : List.of(scope, doc.body())) {
      if (root == null) {
        continue;
      }
      for (Element h1 : root.select("h1")) {
        String t = h1.text().strip();
        if (t.length() >= 3 && t.length() <= 300 && !isSiteChrome(h1) && !isSite(t, siteName, domain)) {
          return h1;
        }
      }
    }
    return null;
  }

  private static final Pattern LOGO_HINT = Pattern.compile("(?i)logo|site-title|brand");

  /**
   * Whether a heading is the site's logo or sits in its banner, navigation, footer or a sidebar.
   * The walk stops below {@code <body>}: themes put "wp-custom-logo" or "has-brand" in the body's
   * classes, which says nothing about one heading.
   */
  private static boolean isSiteChrome(Element h) {
    for (Element e = h; e != null && !e.tagName().equals("body") && !e.tagName().equals("html"); e = e.parent()) {
      String tag = e.tagName();
      if (tag.equals("nav") || tag.equals("footer") || tag.equals("aside")
          || (tag.equals("header") && e.attr("role").equalsIgnoreCase("banner"))
          || LOGO_HINT.matcher(e.className()).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A title without its site part: of "Headline | Site" or "Site - Headline" the part that is
   * not the site's name (or its domain), else the longest part when the others are short.
   */
  static String withoutSite(String title, String siteName, String domain) {
    return withoutSite(title, siteName, domain, true);
  }

  /** A headline without a part that is the site's name or domain ("Pet Insurance | Acme"); nothing else cut. */
  static String withoutSiteName(String title, String siteName, String domain) {
    return withoutSite(title, siteName, domain, false);
  }

  private static String withoutSite(String title, String siteName, String domain, boolean guess) {
    String[] parts = TITLE_SEPARATOR.split(title.strip());
    if (parts.length < 2) {
      return title.strip();
    }
    List<String> kept = new ArrayList<>();
    for (String p : parts) {
      if (!p.isBlank() && !isSite(p, siteName, domain)) {
        kept.add(p.strip());
      }
    }
    if (kept.size() == parts.length && guess) { // no part is the site's name: drop short trailing parts
      String first = parts[0].strip();
      String last = parts[parts.length - 1].strip();
      if (words(last).size() <= 4 && words(first).size() > words(last).size()) {
        kept.remove(kept.size() - 1);
      } else if (words(first).size() <= 3 && words(last).size() > 4) {
        kept.remove(0);
      }
    }
    if (kept.isEmpty()) {
      return title.strip();
    }
    // Rejoin what is left with the page's own separators: a headline may hold a colon or dash.
    String firstKept = kept.get(0);
    String lastKept = kept.get(kept.size() - 1);
    int from = title.indexOf(firstKept);
    int to = title.lastIndexOf(lastKept) + lastKept.length();
    return from >= 0 && to > from ? title.substring(from, to).strip() : firstKept;
  }

  // ---- authors

  /**
   * The authors, from JSON-LD, meta tags, the article's rel=author links or its visible byline;
   * of a forum {@code thread}, the user who opened it.
   */
  Found<List<String>> authors(boolean thread) {
    List<String> names = new ArrayList<>();
    boolean ldSays = ld.stream().anyMatch(n -> n.has("author"));
    Element first = thread && !ldSays && doc.body() != null ? PageKind.firstPost(doc.body()) : null;
    if (first != null) {
      String name = posterName(first);
      if (name != null && name.length() >= 2 && name.split(" ").length <= 4) {
        return new Found<>(List.of(name), "thread");
      }
    }
    List<String> organisations = new ArrayList<>();
    for (JsonNode node : ld) {
      for (String field : List.of("author", "creator")) {
        JsonNode a = node.get(field);
        if (a == null) {
          continue;
        }
        for (JsonNode one : a.isArray() ? a : List.of(a)) {
          String name = (one.isTextual() ? one.asText() : one.path("name").asText("")).strip();
          if (one.path("@type").toString().contains("Organization")) {
            addNames(organisations, name);
          } else if (thread && name.length() >= 2 && name.length() <= 60 && !name.contains("://")) {
            names.add(name); // a forum user's name is a handle ("lulug30"), not a person's name to clean
          } else {
            addNames(names, name);
          }
        }
      }
      if (!names.isEmpty()) {
        return thread ? new Found<>(names, "json-ld") : personFirst(new Found<>(names, "json-ld"));
      }
    }
    // An organisation as the JSON-LD author is the site more often than the writer: a person
    // the page names elsewhere comes first.
    Found<List<String>> person = authorsBeyondJsonLd(thread);
    if (person.value() != null && !person.value().isEmpty()) {
      return person;
    }
    return organisations.isEmpty() ? declaredCredit() : new Found<>(organisations, "json-ld");
  }

  /** The meta tags that declare a page's authors, by {@code name} or {@code property}. */
  private static final String AUTHOR_META = String.join(", ", List.of("author", "article:author", "byl", "sailthru.author",
      "parsely-author", "dc.creator", "citation_author").stream().map(k -> "meta[name=" + k + "], meta[property=" + k + "]").toList());

  /**
   * When nothing on the page names a person: the first declared credit as it stands, when it
   * reads as a user handle ("ggailey777") or a short credit in words ("Community Editor",
   * "AccountingDepartment.com"), which is still who the site says wrote the page; not a bare role
   * ("Staff Writer"), an address, a date, the interface's words or the publishing system's
   * account ("admin").
   */
  private Found<List<String>> declaredCredit() {
    List<String> declared = new ArrayList<>(doc.select(AUTHOR_META).eachAttr("content"));
    if (doc.selectFirst("meta[name=twitter:label1][content~=(?i)written by|author]") != null) {
      declared.add(Objects.requireNonNullElse(attr("meta[name=twitter:data1]", "content"), ""));
    }
    for (String d : declared) {
      if (isCredit(d.strip())) {
        return new Found<>(List.of(d.strip()), "meta");
      }
    }
    return new Found<>(List.of(), null);
  }

  private static final Pattern NOT_A_CREDIT =
      Pattern.compile("(?i)://|@|www\\.|/|\\b(?:sign in|log ?in|read more|subscribe|share|follow)\\b");
  /** The publishing system's own accounts, which name no writer. */
  private static final Pattern SYSTEM_ACCOUNT =
      Pattern.compile("(?i)\\b(?:admin\\w*|administrator|webmaster|root|guest|user\\d*|unknown|anonymous|null|none)\\b");
  /** Words that make a bare role, no credit, when they are all a credit holds. */
  private static final Set<String> ROLE_WORDS = Set.of("staff", "writer", "writers", "editor", "editors", "contributor",
      "contributors", "author", "team", "reporter", "correspondent", "desk", "editorial", "news", "the");

  static boolean isCredit(String v) {
    if (v.isEmpty() || v.length() > 40 || !v.matches("(?s).*\\p{L}.*") || NOT_A_CREDIT.matcher(v).find()
        || SYSTEM_ACCOUNT.matcher(v).find() || DateText.find(v) != null) {
      return false;
    }
    if (isHandle(v)) {
      return true;
    }
    String[] words = v.split("\\s+");
    return v.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.&\\- ]*") && words.length <= 4
        && !java.util.Arrays.stream(words).allMatch(w -> ROLE_WORDS.contains(w.toLowerCase(Locale.ROOT)));
  }

  /**
   * The authors from meta tags, the article's rel=author links or its visible byline; of a
   * {@code thread}, whose every post links its writer, the first.
   */
  private Found<List<String>> authorsBeyondJsonLd(boolean thread) {
    List<String> names = new ArrayList<>();
    for (Element m : doc.select(AUTHOR_META)) {
      String key = (m.attr("name") + m.attr("property")).toLowerCase(Locale.ROOT);
      // Scholarly meta tags name one author each, family name first: "Berger, Emery D.".
      Matcher familyFirst = FAMILY_FIRST.matcher(m.attr("content").strip());
      addNames(names, (key.equals("citation_author") || key.equals("dc.creator")) && familyFirst.matches()
          ? familyFirst.group(2) + " " + familyFirst.group(1) : m.attr("content"));
    }
    Element label = doc.selectFirst("meta[name=twitter:label1][content~=(?i)written by|author]");
    if (names.isEmpty() && label != null) {
      addNames(names, attr("meta[name=twitter:data1]", "content"));
    }
    if (!names.isEmpty()) {
      return thread ? new Found<>(names, "meta") : personFirst(new Found<>(names, "meta"));
    }
    return shownAuthors(thread);
  }

  /**
   * The declared authors, unless each is a user handle ("andrew.keaveney", "kffnirmitap": the
   * publishing system's account, often an editor's, not the byline) and the page shows a
   * writer: then the writer it shows. (The site's name as the author yields to no one: on WCXB
   * dev the gold keeps it as often as the page's byline names a person.)
   */
  private Found<List<String>> personFirst(Found<List<String>> declared) {
    if (!declared.value().stream().allMatch(PageMetadata::isHandle)) {
      return declared;
    }
    Found<List<String>> shown = shownAuthors(false);
    return shown.value().isEmpty() ? declared : shown;
  }

  /** A user name rather than a person's: one word with a dot, underscore or digit, or all in lower case. */
  private static boolean isHandle(String name) {
    return !name.contains(" ") && (name.matches(".*[._\\d].*") || name.equals(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * The authors the page shows: links marked as the author's in the article, links to a
   * writer's page, an element marked as the writer's name, the visible byline; of a {@code thread}, whose every post links its writer,
   * the first.
   */
  private Found<List<String>> shownAuthors(boolean thread) {
    List<String> names = new ArrayList<>();
    // The article first; then the whole page, whose header above the article often holds the
    // byline, for links marked as the author's or to the author's page.
    for (Element root : scope != null && doc.body() != null ? List.of(scope, doc.body()) : doc.body() != null ? List.of(doc.body()) : List.<Element>of()) {
      for (Element e : root.select("[rel~=(?i)\\bauthor\\b], [itemprop=author]")) {
        if (!elsewhere(e, root)) {
          Element name = e.selectFirst("[itemprop=name]");
          // Microdata often gives the name as a <meta content>, which has no text.
          String v = name == null ? e.text() : firstNonBlank(name.attr("content"), name.text());
          if (thread && v != null && !v.isBlank() && v.strip().length() <= 60) {
            names.add(v.strip()); // a forum user's name is a handle ("Alphabyte1"), not a person's name to clean
          } else {
            addNames(names, v);
          }
        }
      }
      if (!names.isEmpty()) {
        return new Found<>(thread ? names.subList(0, 1) : names, "rel-author");
      }
      List<String> byline = authorPageLinks(root);
      if (byline.isEmpty() && !thread) {
        byline = authorNameElements(root);
      }
      if (byline.isEmpty()) {
        // A "by …" line counts in the article only: a shop says "Shop by Category". An element
        // marked as the byline or author box counts in the whole page, which often puts it
        // above or below the article.
        byline = root == (scope != null ? scope : doc.body()) ? bylineNames(root) : markedBylineNames(root);
      }
      if (!byline.isEmpty()) {
        return new Found<>(byline, "byline");
      }
    }
    List<String> labelled = labelledWriters();
    return labelled.isEmpty() ? new Found<>(List.of(), null) : new Found<>(labelled, "byline");
  }

  /** A label that can only introduce the writers: "Written by", "Author:", "Contributors:" (not a bare "by"). */
  private static final Pattern WRITER_LABEL =
      Pattern.compile("(?i)^\\s*(?:written by|authou?red by|article by|authors?\\s*:|contributors?\\s*:|posted by)\\s*");

  /**
   * The writers a label names anywhere on the page outside asides, teasers and comments
   * ("Written by" above or before the name, in a box below the article): after the label in
   * its own text, else the text of the block that holds the label.
   */
  private List<String> labelledWriters() {
    List<String> names = new ArrayList<>();
    if (doc.body() == null) {
      return names;
    }
    List<Element> labels = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t && t.parent() != null && t.getWholeText().length() <= 120 // a label's block is short
          && WRITER_LABEL.matcher(t.getWholeText()).find()) {
        labels.add(t.parent());
      }
    }, doc.body());
    for (Element label : labels) {
      if (elsewhere(label, doc.body())) {
        continue;
      }
      for (Element block = label; block != null && block != doc.body() && names.isEmpty(); block = block.parent()) {
        String t = shortText(block, 120);
        if (t == null) {
          break;
        }
        String rest = WRITER_LABEL.matcher(t).replaceFirst("").strip();
        if (rest.isEmpty() && block.nextElementSibling() != null) { // "<div>Written by</div><div>Jack Shepherd</div>"
          rest = Objects.requireNonNullElse(shortText(block.nextElementSibling(), 60), "");
        }
        addNames(names, rest);
      }
      if (!names.isEmpty()) {
        return names;
      }
    }
    return names;
  }


  /** A link to a writer's page: /author/ana-silva, /authors/…, /staff/…, /people/…, /u/…. */
  private static final Pattern AUTHOR_PAGE = Pattern.compile(
      "(?i)/(?:authors?|writers?|staff|people|contributors?|columnists?|journalists?|u|profiles?)/([^/?#]+)/?(?:[?#].*)?$");

  /**
   * Names in the links of the article's byline to its writers' pages, which many sites give
   * instead of rel=author: the first such link outside asides, teasers and comments, with the
   * links beside it (a byline of several writers). A link that holds only a portrait gives its
   * alt text. A name counts only when the page's address spells part of it (/authors/chris-toy
   * for "Chris Toy"): links to the same pages also say "Learn more" or hold the writer's bio.
   */
  private List<String> authorPageLinks(Element root) {
    List<String> names = new ArrayList<>();
    Element first = null;
    for (Element a : root.select("a[href]")) {
      Matcher page = AUTHOR_PAGE.matcher(a.attr("href"));
      if (!page.find() || elsewhere(a, root) || (first != null && !sameByline(first, a))) {
        continue;
      }
      Element img = a.selectFirst("img[alt]");
      List<String> found = new ArrayList<>();
      addNames(found, !a.text().isBlank() ? a.text() : !a.attr("aria-label").isBlank() ? a.attr("aria-label")
          : img != null ? img.attr("alt") : "");
      Set<String> slug = new java.util.HashSet<>(words(page.group(1).replace('_', ' ')));
      for (String name : found) {
        if (words(name).stream().anyMatch(slug::contains) && !names.contains(name)) {
          names.add(name);
          first = first == null ? a : first;
        }
      }
    }
    return names;
  }

  /**
   * An element whose class says it holds the writer's name and nothing else ("author-name",
   * "author__name", "byline-name", "authorName", "author-meta--name"), outside asides, teasers and comments: the first
   * one whose short text reads as a name, with those beside it (a byline of several writers).
   * Themes write such an element in the author box as often as in the byline.
   */
  private List<String> authorNameElements(Element root) {
    List<String> names = new ArrayList<>();
    Element first = null;
    for (Element e : root.getElementsByAttribute("class")) {
      if (!AUTHOR_NAME.find(e.attr("class"))) {
        continue;
      }
      if (elsewhere(e, root) || (first != null && !sameByline(first, e))) {
        continue;
      }
      String text = shortText(e, 60);
      int before = names.size();
      addNames(names, text);
      if (names.size() > before && first == null) {
        first = e;
      }
    }
    return names;
  }

  private static final HintPattern AUTHOR_NAME =
      new HintPattern("(?i)(?:^|[\\s_-])(?:author|byline|writer)(?:[-_]+meta)?(?:-|--|__|_)?name(?:$|[\\s_-])");

  /** Whether two links sit in the same byline: a common ancestor at most two levels above each. */
  private static boolean sameByline(Element a, Element b) {
    Element pa = a.parent();
    for (int i = 0; i < 2 && pa != null; i++, pa = pa.parent()) {
      Element pb = b.parent();
      for (int j = 0; j < 2 && pb != null; j++, pb = pb.parent()) {
        if (pa == pb) {
          return true;
        }
      }
    }
    return false;
  }

  /** Where forum software names a post's writer: its user-name element, or the link to the member's page. */
  private static final String POSTER_NAME = "[class~=(?i)(?:^|[\\s_-])(?:user-?name|author-?name|poster-?name)(?:$|[\\s_-])],"
      + " [itemprop=author] [itemprop=name], a[href~=(?i)/(?:members?|users?|u|profile)/(?:\\d+/)?[^/]+/?$]";

  /**
   * The user who wrote a forum post: the post's own {@code data-author} (XenForo), else, in the
   * element whose class says user or author (which often holds the user's title, join date and
   * post count too), its user-name element or link to the member's page, else its short text.
   */
  private static String posterName(Element post) {
    if (!post.attr("data-author").isBlank()) {
      return post.attr("data-author").strip();
    }
    // Marked as the post's author: Q&A sites show who last edited a question before who asked it.
    Element marked = post.selectFirst("[itemprop=author]");
    if (marked != null) {
      Element name = marked.selectFirst("[itemprop=name]");
      String v = name == null ? shortText(marked, 60) : firstNonBlank(name.attr("content"), shortText(name, 60));
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    Element user = PageKind.poster(post);
    if (user == null) {
      return null;
    }
    for (Element e : user.select(POSTER_NAME)) {
      String t = shortText(e, 60);
      if (t != null && !t.isBlank()) {
        return t.strip();
      }
    }
    String text = shortText(user, 60);
    return text == null ? null : text.split("\\s+(?:[|•·]|wrote|said|posted)\\b", 2)[0].strip();
  }

  /** A class that says its element describes the writer ("author-description", "author-bio"): no name in it. */
  private static final Pattern WRITER_DESCRIPTION = Pattern.compile("(?i)description|(?:^|[\\s_-])bio(?:$|[\\s_-])");

  /** Names from an element whose class or id marks it as the byline or the author's, outside asides and comments. */
  private static List<String> markedBylineNames(Element root) {
    List<String> names = new ArrayList<>();
    for (Element e : root.getAllElements()) {
      String hints = e.className() + " " + e.id();
      if (hints.isBlank() || !holdsAny(hints, BYLINE_WORDS) || !BYLINE_HINT.matcher(hints).find()
          || WRITER_DESCRIPTION.matcher(hints).find() || elsewhere(e, root)) {
        continue;
      }
      String t = shortText(e, 200);
      if (t == null || t.isEmpty()) {
        continue;
      }
      addNames(names, t);
      if (!names.isEmpty()) {
        return names;
      }
    }
    return names;
  }

  /** Names from the visible byline: an element marked as one, or a short line that starts "By". */
  private List<String> bylineNames(Element root) {
    List<String> names = markedBylineNames(root);
    if (!names.isEmpty()) {
      return names;
    }
    List<String> lines = leadLines(root);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (BYLINE_LABEL.matcher(line).matches() && i + 1 < lines.size()) {
        addNames(names, lines.get(i + 1)); // "Written by" above the name, in an element of its own
      } else {
        Matcher by = BYLINE_LINE.matcher(line);
        if (line.length() <= 200 && by.find()) {
          addNames(names, by.group(1));
        }
      }
      if (!names.isEmpty()) {
        return names;
      }
    }
    // Near the headline only a line that begins "By …" counts: products and listings say
    // "Sold by …" and "Hardcover by …" there.
    for (String line : headlineLines()) {
      Matcher by = BYLINE_LINE.matcher(line);
      if (line.length() <= 200 && by.find() && by.start() == 0) {
        addNames(names, by.group(1));
        if (!names.isEmpty()) {
          return names;
        }
      }
    }
    return names;
  }

  /**
   * How much of a byline string is read: a byline is a line or two, and the patterns that clean
   * it cost time quadratic in a run of spaces or punctuation, with Java's regex engine recursing
   * once per repeated job qualifier, so a hostile page's megabyte "author" stalled them or
   * overflowed the stack.
   */
  private static final int MAX_BYLINE_CHARS = 1_000;

  /** Adds the person names in a byline string, cleaned of "By", roles, dates and handles. */
  static void addNames(List<String> names, String raw) {
    if (raw == null || raw.isBlank() || raw.strip().startsWith("http")) {
      return;
    }
    String s = raw.replace('\u00a0', ' ').strip();
    if (s.length() > MAX_BYLINE_CHARS) {
      int end = Character.isHighSurrogate(s.charAt(MAX_BYLINE_CHARS - 1)) ? MAX_BYLINE_CHARS - 1 : MAX_BYLINE_CHARS;
      s = s.substring(0, end);
    }
    s = BY_PREFIX.matcher(s).replaceFirst("");
    DateText.Found date = DateText.first(s); // "Luke Kim December 4, 2025": the name ends where the date starts
    if (date.at() > 0) {
      s = s.substring(0, date.at()).strip(); // "ALLIN ONE on December 4": the "on" goes below
    } else if (date.at() == 0) { // "Dec. 19, 2025 · Niko Matsakis": the name starts after the date
      String rest = s.substring(date.end()).replaceFirst("^[\\s·•|,–—-]+", "");
      // ... when it reads as one, two capitalised words at least: not a section ("· Politics", "in Uncategorized")
      s = rest.matches("(?s)\\p{Lu}\\S*\\s+\\p{Lu}.*") ? rest : "";
    }
    s = ROLE_SUFFIX.matcher(s).replaceFirst("");
    int before = names.size();
    for (String piece : NAME_SPLIT.split(s)) {
      String part = piece.strip();
      if (part.startsWith("@")) {
        continue; // a handle, not a name
      }
      if (names.size() > before && QUALIFIER.matcher(part).lookingAt()) {
        continue; // the writer's job after the name: "Danielle Padula, Head of Marketing and Community Development"
      }
      String n = BY_PREFIX.matcher(part).replaceFirst("").replaceAll("\\s+", " ").strip();
      String withoutRole = ROLE_TAIL.matcher(n).replaceFirst("");
      if (!withoutRole.equals(n) && (withoutRole.split(" ").length > 3 || QUALIFIER.matcher(withoutRole).find())) {
        continue; // more before the role than a name ("Senior Autos Reporter"): a line about the writer
      }
      n = withoutRole;
      // Bullets, dots and separators before or after the name ("Meghan Weeden ●"), as well as punctuation.
      n = n.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}.)]+$", "").strip();
      n = withoutInitialsAvatar(n);
      // "Cara Dumaplin RN": letters after a name, not part of it (in capitals: "Rui Ma" is a name).
      while (n.contains(" ") && isCredential(n.substring(n.lastIndexOf(' ') + 1))
          && n.substring(n.lastIndexOf(' ') + 1).matches("[\\p{Lu}.]+") && !n.matches("(?i).*\\s(?:jr\\.?|sr\\.?|ii|iii)$")) {
        n = n.substring(0, n.lastIndexOf(' ')).strip();
      }
      if (n.length() < 2 || n.length() > 60 || NOT_A_NAME.matcher(n).find() || n.split(" ").length > 5
          || n.equalsIgnoreCase("by") // the label in an element of its own beside the name
          || looksLikeDate(n) || isCredential(n)) {
        continue;
      }
      n = normalCase(n);
      if (!names.contains(n)) {
        names.add(n);
      }
    }
  }

  /**
   * A name without the initials an avatar shows before it when it has no portrait ("CM Craig
   * McCarthy" → "Craig McCarthy"): a first word of capitals that are the initials of the rest.
   */
  static String withoutInitialsAvatar(String name) {
    String[] w = name.split(" ");
    if (w.length < 3 || !w[0].matches("\\p{Lu}{2,3}") || w[0].length() != w.length - 1) {
      return name;
    }
    for (int i = 1; i < w.length; i++) {
      if (w[i].isEmpty() || Character.toUpperCase(w[i].charAt(0)) != w[0].charAt(i - 1)) {
        return name;
      }
    }
    return name.substring(w[0].length()).strip();
  }

  /** Academic and professional letters after a name ("MD", "PhD", "RD"), not names themselves. */
  private static boolean isCredential(String s) {
    return s.matches("(?i)(?:md|do|phd|ph\\.d\\.|ms|msc|ma|mba|rn|rd|ld|cde|fand|mph|jd|esq|cpa|cfa|dds|dvm|mfa|ba|bsc|bsn|msn|lpn|np|pharmd|psyd|lcsw|jr\\.?|sr\\.?|ii|iii)");
  }

  /** "GABBY NORTHCOTT" → "Gabby Northcott"; names in mixed case are kept as written. */
  static String normalCase(String name) {
    if (!name.equals(name.toUpperCase(Locale.ROOT)) || name.chars().noneMatch(Character::isLetter)) {
      return name;
    }
    StringBuilder b = new StringBuilder(name.length());
    boolean start = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      b.append(start ? Character.toTitleCase(c) : Character.toLowerCase(c));
      start = !Character.isLetter(c) || (c == 'C' && i > 0 && b.length() >= 2 && b.substring(b.length() - 2).equals("Mc"));
    }
    return b.toString();
  }

  // ---- dates

  /**
   * The publication date: JSON-LD, meta tags, a {@code <time>}, the byline or dateline, the URL;
   * of a forum {@code thread}, the first dated post's (see {@link #threadDate}). A date the page
   * shows (a "Published" label, or a short line beside the headline) overrides metadata that
   * gives another day, unless it is the page's last-modified day.
   */
  Found<String> published(String url, boolean thread) {
    String address = url != null && !url.isBlank() ? url : doc.location();
    Found<String> given = publishedAsGiven(address, thread);
    if (!thread && given.value() != null && !"url".equals(given.from())) {
      // The page says "Published …" and means another day than its metadata or the first date
      // near its headline: publishing systems fill those in when a page is saved or moved, and
      // the label is what readers are told. A day apart is a time zone's doing, and stands.
      String said = labelledPublished();
      if (said != null && Math.abs(daysBetween(said, given.value())) > 1) {
        return new Found<>(said, "byline");
      }
      // So does the date shown beside the headline, unless it is the update's (dateModified):
      // on WCXB dev, 9 pages rose and none fell (docs/EXTRACTION.md).
      // A line that is mostly its date (60 characters: "March 20, 2023 | Wellness"), not a
      // subheading or a caption that mentions a day.
      String shown = besideHeadline(60);
      String modified = modified();
      if (shown != null && ("json-ld".equals(given.from()) || "meta".equals(given.from()))
          && !sameDay(shown, given.value()) && (modified == null || !sameDay(shown, modified))) {
        return new Found<>(shown, "byline");
      }
    }
    return onTheAddressDay(given, urlDate(address));
  }

  /** "Published", not "Last published" (when the page, or a blog, last put something out: an update's date). */
  private static final Pattern PUBLISHED_LABEL = Pattern.compile("(?i)(?<!\\blast[\\s\u00a0]{1,20})\\b(?:published|ver[öo]ffentlicht)\\b");
  private static final Pattern ORIGINALLY_PUBLISHED = Pattern.compile("(?i)\\boriginally\\s+published(?:\\s+on)?\\b");

  /**
   * The date of a line that says the page was published ("Published Apr 26, 2023", a
   * "Published" heading above the date), anywhere outside comments; first of all, the date a
   * sentence says the page was originally published on ("This article was originally published
   * on 26 Sep 2019 … but has been updated"). Null when there is none.
   */
  private String labelledPublished() {
    if (doc.body() == null) {
      return null;
    }
    // The text nodes that say so, walked once (cheaper than each element's own text).
    List<Element> labelled = new ArrayList<>();
    String[] original = {null};
    NodeTraversor.traverse((node, depth) -> {
      if (!(node instanceof TextNode t) || t.parent() == null) {
        return;
      }
      String text = t.getWholeText();
      if (original[0] == null && (text.contains("riginally") || text.contains("RIGINALLY"))) { // before the regex: cheap
        // "This article was originally published on 26 Sep 2019 … but has been regularly updated":
        // a page that says which day it first appeared, whatever else it says.
        java.util.regex.Matcher m = ORIGINALLY_PUBLISHED.matcher(text);
        if (m.find() && !inComments(t.parent())) {
          String rest = text.substring(m.end()).strip();
          original[0] = DateText.find(rest.substring(0, Math.min(40, rest.length())));
        }
      }
      // A text longer than the block it must sit in (120 characters) is a paragraph, not a label: not matched.
      if (text.length() <= 120 && mayBePublishedLabel(text) && PUBLISHED_LABEL.matcher(text).find()
          && !labelled.contains(t.parent())) {
        labelled.add(t.parent());
      }
    }, doc.body());
    if (original[0] != null) {
      return original[0];
    }
    for (Element e : labelled) {
      if (inComments(e) || isModified(e)) {
        continue;
      }
      for (Element block = e; block != null && block != doc.body(); block = block.parent()) {
        String t = shortText(block, 120);
        if (t == null) {
          break;
        }
        if (UPDATED.matcher(t).find()) {
          break;
        }
        Element time = block.selectFirst("time[datetime]");
        String d = time != null && isoOrText(time.attr("datetime")) != null ? isoOrText(time.attr("datetime")) : DateText.find(t);
        if (d != null) {
          return d.substring(0, Math.min(10, d.length()));
        }
      }
    }
    return null;
  }

  /**
   * Whether {@code text} may hold {@link #PUBLISHED_LABEL}: a look for its words' letters, before
   * the regex, on every short text node (a word added to the label must be added here too).
   */
  private static boolean mayBePublishedLabel(String text) {
    return text.contains("ublish") || text.contains("UBLISH") || text.contains("ffentlicht") || text.contains("FFENTLICHT");
  }

  private static boolean inComments(Element e) {
    for (Element p = e; p != null; p = p.parent()) {
      String hints = (p.className() + " " + p.id()).toLowerCase(Locale.ROOT);
      if (hints.contains("comment") || hints.contains("repl")) {
        return true;
      }
    }
    return false;
  }

  /**
   * A timestamp whose day is one off the day its address names ("/2025/12/18/…" published
   * "2025-12-19T02:41:41Z"): the publisher's calendar day is the address's, the timestamp being
   * in another zone (most often UTC, hours ahead of an American newsroom).
   */
  static Found<String> onTheAddressDay(Found<String> found, String addressDay) {
    if (found.value() == null || addressDay == null || found.value().length() <= 10 || "url".equals(found.from())) {
      return found;
    }
    return Math.abs(daysBetween(addressDay, found.value())) == 1 ? new Found<>(addressDay, "url") : found;
  }

  /**
   * Whether a date shown on the page is the day of a timestamp: a day apart is a time zone's
   * doing, and "09.10.2024" reads either way round (the reading here takes the day first).
   */
  private static boolean sameDay(String shown, String timestamp) {
    if (Math.abs(daysBetween(shown, timestamp)) <= 1) {
      return true;
    }
    return shown.length() >= 10 && timestamp.length() >= 10
        && (shown.substring(0, 5) + shown.substring(8, 10) + "-" + shown.substring(5, 7)).equals(timestamp.substring(0, 10));
  }

  /** Days from one date's day to another's (ISO 8601, a time after the day ignored); 0 when either is unreadable. */
  private static long daysBetween(String a, String b) {
    try {
      return java.time.temporal.ChronoUnit.DAYS.between(
          java.time.LocalDate.parse(a.substring(0, 10)), java.time.LocalDate.parse(b.substring(0, 10)));
    } catch (java.time.format.DateTimeParseException | IndexOutOfBoundsException e) {
      return 0;
    }
  }

  private Found<String> publishedAsGiven(String url, boolean thread) {
    // The article's node first; WordPress's Yoast dates the page's WebPage node instead.
    String ldDate = firstNonBlank(ldText("datePublished"), ldText("dateCreated"), webPageText("datePublished"));
    if (ldDate != null && isoOrText(ldDate) != null) {
      return new Found<>(isoOrText(ldDate), "json-ld");
    }
    for (String key : List.of("article:published_time", "og:published_time", "published_time", "datePublished",
        "pubdate", "publishdate", "publish-date", "publish_date", "DC.date.issued", "dc.date.issued", "dcterms.created",
        "dcterms.issued", "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "date",
        "dc.date", "DC.date", "article.published", "og:article:published_time")) {
      String v = metaContent(key);
      if (v != null && isoOrText(v) != null) {
        return new Found<>(isoOrText(v), "meta");
      }
    }
    // Sites and publishing systems name their own ("w-published-date", "ms.date", a forum
    // post's itemprop=dateCreated): any meta tag whose name says publication or date.
    for (Element m : doc.select("meta[content]")) {
      String key = firstNonBlank(m.attr("property"), m.attr("name"), m.attr("itemprop"));
      if (key != null && PUBLISHED_KEY.matcher(key).find() && !NOT_PUBLISHED_KEY.matcher(key).find()
          && isoOrText(m.attr("content")) != null) {
        return new Found<>(isoOrText(m.attr("content")), "meta");
      }
    }
    if (thread && doc.body() != null) {
      String opened = threadDate(doc.body());
      if (opened != null) {
        return new Found<>(opened, "thread");
      }
    }
    Element root = scope != null ? scope : doc.body();
    if (root != null) {
      // Marked as the publication (or, of a question or post, its creation) before any other
      // <time>: a question page shows when it was edited and active before when it was asked.
      for (String marked : List.of("[itemprop=datePublished], [itemprop=dateCreated]", "time[datetime], time[pubdate]")) {
        for (Element t : root.select(marked)) {
          if (elsewhere(t, root) || isModified(t)) {
            continue;
          }
          String v = firstNonBlank(t.attr("datetime"), t.attr("content"), t.text());
          if (v != null && isoOrText(v) != null) {
            return new Found<>(isoOrText(v), "time");
          }
        }
      }
      String fromLine = bylineDate(root);
      if (fromLine != null) {
        return new Found<>(fromLine, "byline");
      }
    }
    String fromUrl = urlDate(url);
    if (fromUrl != null) {
      return new Found<>(fromUrl, "url");
    }
    // A page that shows only when it was last updated: that date, said to be so.
    String modified = modified();
    if (modified == null && root != null) {
      modified = updatedLine(root);
    }
    return modified == null ? Found.none() : new Found<>(modified, "modified");
  }

  private static final org.jsoup.select.Evaluator DATED = org.jsoup.select.QueryParser.parse(
      "time[datetime], [itemprop=datePublished], [itemprop=dateCreated]");

  /**
   * When a thread was opened: the first dated element after its headline (the page's first
   * when it has none), outside the site's chrome and not marked as an edit. Its posts run in
   * order, and its header often says when it started ("Asked …", "Start date …") above them;
   * the longest post, where an article's date is looked for, is often a later reply.
   */
  private String threadDate(Element body) {
    Element h1 = body.selectStream("h1").filter(h -> !isSiteChrome(h) && h.text().strip().length() >= 3).findFirst().orElse(null);
    boolean[] after = {h1 == null};
    String[] found = {null};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node == h1) {
          after[0] = true;
        }
        if (!(node instanceof Element e)) {
          return FilterResult.CONTINUE;
        }
        String tag = e.tagName();
        if (tag.equals("nav") || tag.equals("aside") || tag.equals("footer") || tag.equals("script") || tag.equals("style")) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (after[0] && e.is(DATED) && !isModified(e)) {
          String v = firstNonBlank(e.attr("datetime"), e.attr("content"), e.text());
          if (v != null && isoOrText(v) != null) {
            found[0] = isoOrText(v);
            return FilterResult.STOP;
          }
        }
        return FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, body);
    return found[0];
  }

  /** The date of an "Updated: …" or "Last updated …" line near the top of the article. */
  private String updatedLine(Element root) {
    for (List<String> lines : List.of(leadLines(root), headlineLines())) {
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.length() <= 160 && UPDATED.matcher(line).find()) {
          String d = DateText.find(line);
          if (d == null && UPDATE_ONLY.matcher(line).matches() && i + 1 < lines.size() && lines.get(i + 1).length() <= 160) {
            d = DateText.find(lines.get(i + 1)); // the label, then its date on a line of its own
          }
          if (d != null) {
            return d;
          }
        }
      }
    }
    // "Last updated: November 13, 2025" at the foot of a page: a short text that says so, outside comments.
    if (doc.body() == null) {
      return null;
    }
    String[] found = {null};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t && t.parent() != null && t.getWholeText().length() <= 160 // the line's limit
            && UPDATED.matcher(t.getWholeText()).find()
            && !inComments(t.parent()) && !elsewhere(t.parent(), doc.body())) {
          String line = shortText(t.parent(), 160);
          found[0] = line == null ? null : DateText.find(line);
        }
        return found[0] != null ? FilterResult.STOP : FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        return FilterResult.CONTINUE;
      }
    }, doc.body());
    return found[0];
  }

  /** The last-modified date the page gives, if any. */
  String modified() {
    String v = firstNonBlank(ldText("dateModified"), webPageText("dateModified"), metaContent("article:modified_time"), metaContent("og:updated_time"),
        metaContent("dateModified"), metaContent("last-modified"), metaContent("dcterms.modified"));
    return v == null ? null : isoOrText(v);
  }

  private static boolean isModified(Element t) {
    String hints = (t.className() + " " + t.id() + " " + t.attr("itemprop") + " "
        + (t.parent() == null ? "" : t.parent().className())).toLowerCase(Locale.ROOT);
    return hints.contains("modif") || hints.contains("updat");
  }

  /**
   * {@code e} without the parts marked as an update ({@code <span class="dateline
   * updated">}): a dateline's spans run together as text ("DECEMBER 22, 2022Updated: JANUARY
   * 02, 2026"), so no word says which date is which. {@code e} itself when it holds none.
   */
  private static Element withoutModified(Element e) {
    if (e.getAllElements().stream().skip(1).noneMatch(PageMetadata::isModified)) {
      return e;
    }
    Element copy = e.clone();
    copy.getAllElements().stream().skip(1).filter(PageMetadata::isModified).toList().forEach(Element::remove);
    return copy;
  }

  /**
   * Whether the date in {@code e} (whose text is {@code text}) is labelled as an update: its text
   * begins so, the element before it says only that ("Updated on", then the date in an element
   * of its own, as themes write a label and its value), or its parent's text begins so (the
   * label in pieces of their own).
   */
  private static boolean labelledUpdate(Element e, String text) {
    if (UPDATE_LABEL.matcher(text).lookingAt()) {
      return true;
    }
    Element before = e.previousElementSibling();
    if (before != null && UPDATE_ONLY.matcher(before.text()).matches()) {
      return true;
    }
    // The label in pieces of its own: "<span>Last Updated</span> <span>on</span> <span class=date>Feb 27, 2026</span>"
    String around = e.parent() == null ? null : shortText(e.parent(), 160);
    return around != null && UPDATE_LABEL.matcher(around).lookingAt() && !PUBLISHED_LABEL.matcher(around).find();
  }

  /** A date in the byline or dateline: an element marked as one, or a short line near the top. */
  private String bylineDate(Element root) {
    String beside = besideHeadline(160);
    if (beside != null) {
      return beside;
    }
    for (Element e : root.getAllElements()) {
      String hints = e.className() + " " + e.id();
      if (hints.isBlank() || !holdsAny(hints, DATE_WORDS) || !DATE_HINT.matcher(hints).find() || elsewhere(e, root)
          || isModified(e)) {
        continue;
      }
      Element read = withoutModified(e);
      String t = shortText(read, 160);
      if (t == null) { // a dateline that also holds tags or a summary: its first lines
        t = String.join(" | ", textLines(read, null, 2));
      }
      if (labelledUpdate(e, t)) {
        // "Updated on February 24, 2026": when it was changed; "… · Published March 1" still says when it appeared
        Matcher published = PUBLISHED_LABEL.matcher(t);
        String d = published.find() ? DateText.find(t.substring(published.end())) : null;
        if (d != null) {
          return d;
        }
        continue;
      }
      // "By Ana Silva · Updated on May 27, 2025": a date only before the update's label (or after a "Published" one)
      String d = t.length() <= 400 ? publicationOf(t) : null;
      if (d != null) {
        return d;
      }
    }
    for (List<String> lines : List.of(leadLines(root), headlineLines())) {
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.length() <= 160 && !UPDATED.matcher(line).find() && !followsUpdateLabel(lines, i)) {
          String d = DateText.find(line);
          if (d != null) {
            return d;
          }
        }
      }
    }
    // The hero above the article often holds the byline: the writer's link is looked for there too.
    String besideWriter = writerBlockDate(root);
    return besideWriter != null || root == doc.body() || doc.body() == null ? besideWriter : writerBlockDate(doc.body());
  }

  /**
   * The date of a line just above or below the headline (three lines before it, four after,
   * the nearest first), not labelled as an update: where a dateline stands ("OCTOBER 13, 2025", then the headline;
   * the headline, the writer, "March 2, 2026"), before any element marked as a date further on,
   * which may be another story's card. Null when none.
   *
   * @param maxLine the longest line read, in characters: a longer one is prose, not a dateline
   */
  private String besideHeadline(int maxLine) {
    List<String> lines = headlineLines();
    int at = headlineAt;
    if (lines.isEmpty() || at < 0) {
      return null;
    }
    // Nearest first, below before above: a ticker of other stories' dates may stand above the headline.
    for (int i : new int[] {at + 1, at - 1, at + 2, at - 2, at + 3, at - 3, at + 4}) {
      if (i < 0 || i >= lines.size()) {
        continue;
      }
      String line = lines.get(i);
      if (line.length() <= maxLine && !followsUpdateLabel(lines, i)) {
        String d = publicationOf(line);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /**
   * Whether line {@code i} follows one that says only "Updated on" or the like: the label and
   * its date stand on lines of their own (a label's element and a value's), and the date is an
   * update's.
   */
  private static boolean followsUpdateLabel(List<String> lines, int i) {
    return i > 0 && UPDATE_ONLY.matcher(lines.get(i - 1)).matches();
  }

  /**
   * The publication date a line gives: its date, or of a line that also holds an update, the
   * date before the update ("DECEMBER 22, 2022 Updated: JANUARY 02, 2026") or after a
   * "Published" label following it ("Updated March 5 · Published March 1"). Null when none.
   */
  private static String publicationOf(String line) {
    Matcher update = UPDATED.matcher(line);
    if (!update.find()) {
      return DateText.find(line);
    }
    String before = DateText.find(line.substring(0, update.start()));
    if (before != null) {
      return before;
    }
    Matcher published = PUBLISHED_LABEL.matcher(line);
    return published.find(update.end()) ? DateText.find(line.substring(published.end())) : null;
  }

  /**
   * A date in the block that holds the first link to a writer under {@code root} ("Chris Toy •
   * March 17, 2025", in elements whose classes say nothing of a date): the link's parent, then
   * up to two levels above, while the block stays a line or two.
   */
  private static String writerBlockDate(Element root) {
    for (Element a : root.select("a[href]")) {
      if (!(AUTHOR_PAGE.matcher(a.attr("href")).find() || a.attr("rel").toLowerCase(Locale.ROOT).contains("author"))
          || elsewhere(a, root)) {
        continue;
      }
      Element block = a.parent();
      for (int up = 0; up < 3 && block != null && block != root; up++, block = block.parent()) {
        String t = shortText(block, 200);
        if (t == null) {
          break;
        }
        String d = UPDATED.matcher(t).find() ? null : DateText.find(t);
        if (d != null) {
          return d;
        }
      }
      return null; // the writer's first link is the byline; later ones are bios and more-by lists
    }
    return null;
  }

  private static final Pattern PUBLISHED_KEY = Pattern.compile("(?i)publish|pub-?date|created|issued|(?:^|[^a-z])date(?:$|[^a-z])");
  private static final Pattern NOT_PUBLISHED_KEY =
      Pattern.compile("(?i)modif|updat|revis|expir|review|valid|event|start|end|birth|copyright|crawl|index");
  /** The words that say a date is an update's; {@link #UPDATED} anywhere in a line, {@link #UPDATE_LABEL} at its start. */
  private static final String UPDATE_WORDS = "(?:(?:last\\s+)?(?:updated|modified|revised|aktualisiert)|last\\s+published)";
  private static final Pattern UPDATED = Pattern.compile("(?i)(?<![a-z])" + UPDATE_WORDS + "\\b"); // "2022Updated:" too
  /** A line that begins by saying it dates an update: "Updated on", "Last modified:", "Revised". */
  private static final Pattern UPDATE_LABEL = Pattern.compile("(?i)\\W*" + UPDATE_WORDS + "\\b");
  /** A line that says only that: the label of a date in an element of its own. */
  private static final Pattern UPDATE_ONLY = Pattern.compile("(?i)\\W*" + UPDATE_WORDS + "(?:\\s+on)?\\W*");

  static String urlDate(String url) {
    if (url == null) {
      return null;
    }
    String decoded;
    try {
      decoded = java.net.URLDecoder.decode(url.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      decoded = url; // a stray "%": read it as written
    }
    return DateText.inAddress(decoded);
  }

  /** ISO 8601 as the page gives it, or a date read from text ("May 14, 2019"); null when neither. */
  private static String isoOrText(String raw) {
    String iso = HtmlArticles.isoDate(raw.strip());
    return iso != null ? iso : DateText.find(raw);
  }

  private static boolean looksLikeDate(String s) {
    return DateText.find(s) != null || WEEKDAY.matcher(s).matches();
  }

  /** A day's name alone ("Sat", "Tuesday"): the head of a dateline split off by a comma. */
  private static final Pattern WEEKDAY =
      Pattern.compile("(?i)(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?|(?:mon|tues|wednes|thurs|fri|satur|sun)day");

  // ---- language

  /** The page's declared language (its {@code lang}, a meta tag), else the text's, identified. */
  Found<String> language(String text) {
    String declared = firstNonBlank(attr("html[lang]", "lang"), metaContent("content-language"), metaContent("og:locale"));
    String from = declared == null ? null : attr("html[lang]", "lang") != null ? "html-lang" : "meta";
    if (declared == null) {
      Element http = doc.selectFirst("meta[http-equiv~=(?i)content-language]");
      declared = http == null || http.attr("content").isBlank() ? null : http.attr("content");
      from = "meta";
    }
    if (declared != null && !declared.isBlank()) {
      String tag = declared.strip().split("[-_,;\\s]")[0].toLowerCase(Locale.ROOT);
      if (tag.matches("[a-z]{2,3}")) {
        return new Found<>(tag, from);
      }
    }
    String detected = LanguageIdentifier.identify(text);
    return detected == null ? Found.none() : new Found<>(detected, "text");
  }

  // ---- where the article is

  /**
   * The element that holds this article's headline, byline and body: the page's one {@code
   * <article>} (the one with most text when there are several, teasers being short) or its
   * {@code <main>}; null when the page marks neither.
   */
  private static Element articleScope(Document doc) {
    Element best = null;
    int bestLength = 0;
    for (Element a : doc.select("article, [itemtype~=(?i)schema.org/(News|Blog|Scholarly|Tech)?Article|BlogPosting]")) {
      // A theme that types the whole <body> (or <html>) as an Article marks no article: its <article>s do.
      if (a.tagName().equals("body") || a.tagName().equals("html")
          || a.parents().stream().anyMatch(p -> p.tagName().equals("article"))) {
        continue;
      }
      int length = a.text().length();
      if (best == null || length > bestLength) {
        best = a;
        bestLength = length;
      }
    }
    if (best != null && bestLength >= 200) {
      return best;
    }
    return doc.selectFirst("main, [role=main]");
  }

  /**
   * Whether {@code e} sits in comments, a sidebar, a teaser of another story or the site's chrome.
   * The article's own footer (HTML's {@code <footer>} in the {@code <article>} that is {@code
   * root}, unless its class says the site's, "site-footer") holds its writer, date and tags:
   * there, and in the blocks inside it, a class saying "footer" marks nothing else; any other
   * footer is the site's.
   */
  private static boolean elsewhere(Element e, Element root) {
    boolean inOwnFooter = false;
    if (root.tagName().equals("article")) {
      for (Element p = e; p != null && p != root; p = p.parent()) {
        inOwnFooter |= p.tagName().equals("footer") && p.parent() != null && p.parent().closest("article") == root
            && !SITE_FOOTER.matcher(p.className() + " " + p.id()).find();
      }
    }
    for (Element p = e; p != null && p != root; p = p.parent()) {
      String tag = p.tagName();
      if (tag.equals("aside") || tag.equals("nav") || (tag.equals("footer") && !inOwnFooter) || (tag.equals("article") && p != e && p != root)) {
        return true;
      }
      String hints = p.className() + " " + p.id();
      if (!hints.isBlank() && ELSEWHERE.matcher(hints).find()
          && (!inOwnFooter || ELSEWHERE.matcher(FOOTER_HINT.matcher(hints).replaceAll("")).find())) {
        return true;
      }
    }
    return false;
  }

  /** A footer the site writes, even inside an article's markup. */
  private static final Pattern SITE_FOOTER = Pattern.compile("(?i)(?:site|page|global|main)[-_]?footer");

  private static final Pattern FOOTER_HINT = Pattern.compile("(?i)footer");

  /** The first short text lines of the article, where bylines and datelines are. */
  private List<String> leadLines(Element root) {
    return leadLines.computeIfAbsent(root, r -> textLines(r, null, 30));
  }

  /**
   * The lines around the headline (three before, twelve after), where the byline and dateline
   * are on a page that marks no article: there they come after the site's navigation, well past
   * the page's first lines.
   */
  private List<String> headlineLines() {
    if (headlineLines == null) {
      Element h1 = headlineElement();
      int[] at = {-1};
      headlineLines = h1 == null || doc.body() == null ? List.of() : textLines(doc.body(), h1, 12, at);
      headlineAt = headlineLines.isEmpty() ? -1 : at[0];
    }
    return headlineLines;
  }

  /**
   * Text lines under {@code root} in document order, one per block: the first {@code count}, or,
   * given a {@code mark} element, the three lines before it and {@code count} from it on.
   */
  private static List<String> textLines(Element root, Element mark, int count) {
    return textLines(root, mark, count, new int[1]);
  }

  /** As {@link #textLines(Element, Element, int)}, with the index of the mark's first line in what it returns put in {@code at[0]}. */
  private static List<String> textLines(Element root, Element mark, int count, int[] at) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int[] markAt = {mark == null ? 0 : -1};
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node == mark) {
          flushLine(current, lines);
          markAt[0] = lines.size();
        }
        if (node instanceof TextNode t) {
          current.append(t.text());
        } else if (node instanceof Element e && (e.tagName().equals("script") || e.tagName().equals("style"))) {
          return FilterResult.SKIP_ENTIRELY;
        } else if (node instanceof Element e && (e.isBlock() || e.tagName().equals("br"))) {
          flushLine(current, lines);
        }
        return enough() ? FilterResult.STOP : FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element e && e.isBlock()) {
          flushLine(current, lines);
        }
        return enough() ? FilterResult.STOP : FilterResult.CONTINUE;
      }

      private boolean enough() {
        return markAt[0] >= 0 && lines.size() >= markAt[0] + count;
      }
    }, root);
    flushLine(current, lines);
    if (markAt[0] < 0) {
      return List.of();
    }
    int from = mark == null ? 0 : Math.max(0, markAt[0] - 3);
    at[0] = markAt[0] - from;
    return lines.subList(from, Math.min(lines.size(), markAt[0] + count));
  }

  private static void flushLine(StringBuilder current, List<String> lines) {
    String line = collapseSpace(current);
    current.setLength(0);
    if (!line.isEmpty()) {
      lines.add(line);
    }
  }

  /**
   * {@code text} with each run of white space (what the regex class {@code \s} matches, and no-break
   * spaces) made one space, and stripped: what a regex replacement gave, without one, as it runs on
   * every line.
   */
  private static String collapseSpace(CharSequence text) {
    StringBuilder b = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00a0') {
        space = true;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString().strip();
  }

  /** The text of {@code e}, or null when it is longer than {@code limit} (found without reading all of it). */
  private static String shortText(Element e, int limit) {
    StringBuilder b = new StringBuilder();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
          b.append(t.text());
        } else if (node instanceof Element c && c.isBlock() && b.length() > 0) {
          b.append(' ');
        }
        return b.length() > limit * 2 ? FilterResult.STOP : FilterResult.CONTINUE;
      }

      @Override
      public FilterResult tail(Node node, int depth) {
        if (node instanceof Element c && c.isBlock() && b.length() > 0) {
          b.append(' '); // "<p>Luke Kim</p><small>December 17, 2025</small>": two lines, not "KimDecember"
        }
        return FilterResult.CONTINUE;
      }
    }, e);
    String t = collapseSpace(b);
    return t.length() > limit ? null : t;
  }

  // ---- JSON-LD and meta helpers

  private static final Pattern ARTICLE_TYPE = Pattern.compile("Article|Posting|Report|BlogPosting|NewsArticle|Review");

  private static void collectLd(JsonNode n, List<JsonNode> articles, List<JsonNode> others) {
    if (n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(c -> collectLd(c, articles, others));
    } else if (n.isObject()) {
      if (n.has("@graph")) {
        collectLd(n.get("@graph"), articles, others);
      }
      String type = n.path("@type").toString();
      if (ARTICLE_TYPE.matcher(type).find() || n.has("headline")) {
        articles.add(n);
      } else if (!type.isEmpty()) {
        others.add(n);
      }
      JsonNode main = n.get("mainEntity");
      if (main != null && !main.equals(n)) {
        collectLd(main, articles, others);
      }
    }
  }

  private String ldText(String field) {
    for (JsonNode n : ld) {
      JsonNode v = n.get(field);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return v.asText().strip();
      }
    }
    return null;
  }

  /**
   * Whether the JSON-LD dates only the page (its {@code WebPage} node), not an article on it: a
   * shop's or a service's page is created and saved, not published.
   */
  boolean datesOnlyThePage() {
    return ldText("datePublished") == null && ldText("dateCreated") == null && webPageText("datePublished") != null;
  }

  /** A field of the page's JSON-LD {@code WebPage} node (or one of its kinds: ItemPage, AboutPage, …). */
  private String webPageText(String field) {
    for (JsonNode n : ldOther) {
      JsonNode v = n.get(field);
      if (n.path("@type").toString().contains("Page") && v != null && v.isTextual() && !v.asText().isBlank()) {
        return v.asText().strip();
      }
    }
    return null;
  }

  /** The content of the first meta tag whose property, name or itemprop is {@code key} (any case). */
  private String metaContent(String key) {
    if (metas == null) {
      metas = new java.util.HashMap<>();
      for (Element m : doc.select("meta[content]")) {
        String content = m.attr("content").strip();
        if (!content.isEmpty()) {
          for (String attr : List.of("property", "name", "itemprop")) {
            if (m.hasAttr(attr)) {
              metas.putIfAbsent(m.attr(attr).strip().toLowerCase(Locale.ROOT), content);
            }
          }
        }
      }
    }
    return metas.get(key.toLowerCase(Locale.ROOT));
  }

  private String attr(String selector, String attr) {
    Element e = doc.selectFirst(selector);
    return e == null || e.attr(attr).isBlank() ? null : e.attr(attr).strip();
  }

  static String firstNonBlank(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static List<String> words(String s) {
    return WcxbBenchmark.words(s);
  }

  /** The common public suffixes a site's name is written without ("co.uk", "com.au", "org"). */
  private static final String PUBLIC_SUFFIX =
      "(?:\\.(?:com|org|net|edu|gov|co|ac|uk|io|de|fr|info|au|ca|us|eu|nz|in|app|dev|ai|me|tv|news|blog))+$";

  private static boolean isSite(String part, String siteName, String domain) {
    if (siteName != null && sameWords(part, siteName)) {
      return true;
    }
    if (domain == null) {
      return false;
    }
    // The site's own label, before its public suffix: "atspotify" of engineering.atspotify.com,
    // whose subdomain names a section ("Engineering"), not the site.
    String host = domain.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    String site = host.replaceFirst(PUBLIC_SUFFIX, "");
    if (site.equals(host)) { // a suffix not in the list: its last label
      site = host.contains(".") ? host.substring(0, host.lastIndexOf('.')) : host;
    }
    String label = site.substring(site.lastIndexOf('.') + 1).replaceAll("[^a-z0-9]", "");
    return !label.isEmpty() && sameWords(part, label);
  }

  private static boolean sameWords(String a, String b) {
    List<String> wa = words(a);
    List<String> wb = words(b);
    if (wa.isEmpty() || wb.isEmpty()) {
      return false;
    }
    String ja = String.join("", wa);
    String jb = String.join("", wb);
    return ja.equals(jb) || withoutWebParts(ja).equals(withoutWebParts(jb));
  }

  /** "wwwneweggcom" → "newegg": a site's name as its domain writes it. */
  private static String withoutWebParts(String joined) {
    return joined.replaceFirst("^www", "").replaceFirst("(com|org|net|co|uk|io|de|fr|info)+$", "");
  }

  /** Whether {@code a}'s words end with all of {@code b}'s and hold more. */
  private static boolean endsWithOthers(String a, String b) {
    List<String> wa = words(a);
    List<String> wb = words(b);
    return !wb.isEmpty() && wa.size() > wb.size() && wa.subList(wa.size() - wb.size(), wa.size()).equals(wb);
  }

  /** Whether {@code a}'s words begin with all of {@code b}'s and hold more. */
  private static boolean startsWithOthers(String a, String b) {
    List<String> wa = words(a);
    List<String> wb = words(b);
    return !wb.isEmpty() && wa.size() > wb.size() && wa.subList(0, wb.size()).equals(wb);
  }

  /** The share of {@code a}'s words that {@code b} holds. */
  private static double overlap(String a, String b) {
    List<String> wa = words(a);
    if (wa.isEmpty()) {
      return 0;
    }
    Set<String> wb = new java.util.HashSet<>(words(b));
    return (double) wa.stream().filter(wb::contains).count() / wa.size();
  }
}
