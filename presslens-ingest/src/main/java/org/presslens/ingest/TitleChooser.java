package org.presslens.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.presslens.core.learn.LinearModel;

/**
 * The page's title, chosen among the texts the page offers as one by a logistic regression
 * trained on WCXB's dev split ({@link TitleTrainer}; docs/EXTRACTION.md).
 *
 * <p>Why a model: a page gives its title several times (its {@code <h1>}s, {@code og:title},
 * {@code <title>}, each with or without the site's name and section), and which of them a reader
 * takes for the title depends on the page: the headline on a news article, the shorter search
 * title on a guide whose headline is a slogan, the whole {@code <title>} on some home pages. The
 * rules of {@link PageMetadata#title} pick one source; the candidates they leave out hold the gold
 * title on most pages they miss (on WCXB dev the rules are right on 79 % of pages, and some
 * candidate on 98 %). The model scores each candidate from where it comes from, the page's kind,
 * whether the page is a site's home page and how much of the candidate its address spells (a
 * guide's address is written from its search title), whether the rules chose it, its length and
 * whether it holds a year; the best-scoring candidate is the title.
 */
final class TitleChooser {
  /** Where the shipped model lives, and how it is rebuilt. */
  static final String RESOURCE = "title-chooser.tsv.gz";
  static final String REBUILD = "presslens train title --wcxb ../shared/datasets/wcxb/dev "
      + "--out presslens-ingest/src/main/resources/org/presslens/ingest/" + RESOURCE;

  /** How a title's parts are written apart: "Headline | Site", "Headline - Section - Site", "Site: Headline". */
  private static final Pattern PARTS = Pattern.compile("\\s+[|–—-]\\s+|:\\s+");
  /** A text of one line with a separator written between spaces, as between a title's parts. */
  private static final Pattern SEPARATED = Pattern.compile(".*\\s[|–—-]\\s.*");
  private static final int HEADINGS = 3;
  /** A year in a title: search titles carry one ("… in 2025") more often than headlines. */
  private static final Pattern YEAR = Pattern.compile("(?<!\\d)(?:19|20)\\d{2}(?!\\d)");
  private static final int PARTS_READ = 3;
  /** A candidate longer than this is a paragraph, not a title (the rules' own excepted). */
  private static final int MAX_WORDS = 40;
  private static final int MAX_CHARS = 300;

  private TitleChooser() {}

  /**
   * One text the page offers as its title.
   *
   * @param text the text, as the first source to give it wrote it
   * @param sources every source that gives the same words: "rule" (what {@link
   *     PageMetadata#title} chose), "h1#2", "h1#2-cut" (without the site's name), "og:title",
   *     "og:title-cut" (without the site), "og:title-part0of3" (the first of three parts),
   *     "twitter:title…", "title…" ({@code <title>})
   */
  record Candidate(String text, Set<String> sources) {}

  /**
   * The candidates of a page, one per distinct sequence of words, the rules' choice first. Read
   * before extraction cuts {@code doc}.
   */
  static List<Candidate> candidates(Document doc, String ruleTitle, String siteName, String domain) {
    Map<List<String>, Candidate> byWords = new LinkedHashMap<>();
    add(byWords, "rule", ruleTitle);
    if (doc.body() != null) {
      int i = 0;
      for (Element h : doc.body().select("h1")) {
        if (++i > HEADINGS) {
          break;
        }
        String text = h.text();
        if (text.length() <= MAX_CHARS) {
          add(byWords, "h1#" + i, text);
          add(byWords, "h1#" + i + "-cut", PageMetadata.withoutSiteName(text, siteName, domain));
        }
      }
    }
    for (String key : List.of("og:title", "twitter:title")) {
      Element m = doc.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
      if (m != null) {
        addWithParts(byWords, key, m.attr("content"), siteName, domain);
      }
    }
    addWithParts(byWords, "title", doc.title(), siteName, domain);
    return new ArrayList<>(byWords.values());
  }

  private static void addWithParts(Map<List<String>, Candidate> byWords, String key, String text, String siteName,
      String domain) {
    if (text == null || text.isBlank() || text.length() > MAX_CHARS) {
      return; // not a title, and cutting it would cost its length in parts
    }
    add(byWords, key, text);
    add(byWords, key + "-cut", PageMetadata.withoutSite(text, siteName, domain));
    String[] parts = PARTS.split(text.strip());
    if (parts.length > 1) {
      int of = Math.min(parts.length, PARTS_READ + 1); // "of4" stands for four or more
      for (int j = 0; j < Math.min(parts.length, PARTS_READ); j++) {
        add(byWords, key + "-part" + j + "of" + of, parts[j]);
      }
    }
  }

  private static void add(Map<List<String>, Candidate> byWords, String source, String text) {
    if (text == null || text.isBlank() || (text.length() > MAX_CHARS && !source.equals("rule"))) {
      return;
    }
    List<String> words = WcxbBenchmark.words(text);
    if (words.isEmpty() || (words.size() > MAX_WORDS && !source.equals("rule"))) {
      return; // the rules' own title is always a candidate, however long
    }
    byWords.computeIfAbsent(words, w -> new Candidate(text.strip(), new TreeSet<>())).sources().add(source);
  }

  /**
   * What every candidate of one page is weighed against, read once per page: the rules' title
   * (its words, and whether it holds a year), the page's kind, where the page stands ("home", a
   * site's home page, whose address has no path; "inner"; "addr:none", read without an address),
   * the words of its address's path, how its first {@code <h1>} stands to its {@code <title>}
   * and how many {@code <h1>}s give a candidate.
   *
   * @param ruleYear whether the rules' title holds a year; null when the rules found none
   * @param headline "h1InTitle" (the {@code <title>} holds the first {@code <h1>}'s words, as
   *     "Headline | Site" does), else how many of their words the two share ("h1:0", "h1:lo",
   *     "h1:mid", "h1:hi"), or "noh1" / "notitle": a headline that is a slogan beside a
   *     descriptive {@code <title>} shares few
   * @param headings how many of the page's {@code <h1>}s were read for candidates, at most {@link
   *     #HEADINGS} (the highest "h1#i" among the sources; one written twice, for desktop and
   *     mobile, counts twice): a page of several has no one headline
   */
  record Page(List<String> rule, Boolean ruleYear, String kind, String place, Set<String> slug, String headline,
      int headings) {}

  /**
   * @param kind the page's kind ({@link PageKind}), or "none"
   * @param address the page's own address, or null when it was read without one
   * @param candidates the page's candidates ({@link #candidates})
   */
  static Page page(String ruleTitle, String kind, String address, List<Candidate> candidates) {
    String path = address == null ? null : address.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*", "");
    String place = path == null ? "addr:none" : path.replaceFirst("^/", "").isEmpty() ? "home" : "inner";
    Set<String> slug = path == null ? Set.of() : new HashSet<>(WcxbBenchmark.words(path.replace('-', ' ').replace('_', ' ')));
    List<String> h1 = wordsOf(candidates, "h1#1");
    List<String> title = wordsOf(candidates, "title");
    String headline = h1 == null ? "noh1" : title == null ? "notitle"
        : Collections.indexOfSubList(title, h1) >= 0 ? "h1InTitle" : "h1:" + shared(h1, title);
    int headings = 0;
    for (Candidate c : candidates) {
      for (int i = 1; i <= HEADINGS; i++) {
        headings = c.sources().contains("h1#" + i) ? Math.max(headings, i) : headings;
      }
    }
    return new Page(ruleTitle == null ? List.of() : WcxbBenchmark.words(ruleTitle),
        ruleTitle == null ? null : YEAR.matcher(ruleTitle).find(), kind, place, slug, headline, headings);
  }

  /** The words of the candidate {@code source} gives, or null when it gives none. */
  private static List<String> wordsOf(List<Candidate> candidates, String source) {
    return candidates.stream().filter(c -> c.sources().contains(source)).findFirst()
        .map(c -> WcxbBenchmark.words(c.text())).orElse(null);
  }

  /** How many of the distinct words of {@code a} and {@code b} they share (Jaccard): "0", "lo", "mid", "hi". */
  private static String shared(List<String> a, List<String> b) {
    Set<String> both = new HashSet<>(a);
    both.retainAll(new HashSet<>(b));
    Set<String> either = new HashSet<>(a);
    either.addAll(b);
    double j = either.isEmpty() ? 0 : both.size() / (double) either.size();
    return j == 0 ? "0" : j < 0.34 ? "lo" : j < 0.67 ? "mid" : "hi";
  }

  /**
   * What the model reads of a candidate: its sources, alone, with the page's kind, with where the
   * page stands and with how much of the candidate the address spells (a guide's address is
   * written from its search title); its length, how many sources agree on it, whether it holds a
   * separator or a year (and whether the rules' choice holds one), and whether it holds, or sits
   * inside, the rules' choice; and, with its source's kind ("h1", "title", "meta"), how the page's
   * headline stands to its {@code <title>} and how many headlines it has.
   */
  static Set<String> features(Candidate c, Page page) {
    List<String> words = WcxbBenchmark.words(c.text());
    long spelled = words.stream().filter(page.slug()::contains).count();
    double share = words.isEmpty() ? 0 : spelled / (double) words.size();
    String bySlug = page.slug().size() < 2 ? "none" : share == 0 ? "0" : share < 0.5 ? "lo" : share < 0.8 ? "mid" : "hi";
    List<String> rule = page.rule();
    int n = words.size();
    Set<String> f = new TreeSet<>();
    f.add("kind:" + page.kind());
    f.add(page.place());
    f.add("slug:" + bySlug);
    f.add("w:" + (n <= 1 ? "1" : n <= 3 ? "2-3" : n <= 6 ? "4-6" : n <= 10 ? "7-10" : "11+"));
    f.add("agree:" + Math.min(c.sources().size(), 5));
    if (SEPARATED.matcher(c.text()).matches()) {
      f.add("sep");
    }
    boolean year = YEAR.matcher(c.text()).find();
    if (year) {
      f.add("year");
    }
    if (page.ruleYear() != null && page.ruleYear() != year) {
      f.add(year ? "yearRuleLacks" : "yearRuleHas");
    }
    if (!rule.isEmpty() && !words.equals(rule) && Collections.indexOfSubList(rule, words) >= 0) {
      f.add("insideRule");
    }
    if (!rule.isEmpty() && !words.equals(rule) && Collections.indexOfSubList(words, rule) >= 0) {
      f.add("holdsRule");
    }
    // The source's broad kind with how the headline stands to the <title>, and how many headlines there are.
    String from = c.sources().stream().anyMatch(s -> s.startsWith("h1")) ? "h1"
        : c.sources().stream().anyMatch(s -> s.startsWith("title")) ? "title" : "meta";
    f.add("headline:" + page.headline());
    f.add("headline:" + page.headline() + "|" + from);
    f.add("headings:" + page.headings() + "|" + from);
    for (String s : c.sources()) {
      f.add("src:" + s);
      f.add(page.kind() + "|" + s);
      f.add(page.place() + "|" + s);
      f.add("slug:" + bySlug + "|" + s);
    }
    return f;
  }

  private static final class Shipped {
    static final LinearModel MODEL = LinearModel.resource(TitleChooser.class, RESOURCE, REBUILD);
  }

  /** The model PressLens ships, trained on all of WCXB's dev split. */
  static LinearModel shipped() {
    return Shipped.MODEL;
  }

  /**
   * The candidate {@code model} scores highest, with where it comes from ("h1", "meta", "title",
   * or the rules' {@code rule.from()} when it is theirs). {@code rule} itself when the rules found
   * no title (the candidates are then only what they refused) or when their title is not among
   * the candidates.
   */
  static PageMetadata.Found<String> choose(LinearModel model, List<Candidate> candidates, PageMetadata.Found<String> rule,
      String kind, String address) {
    if (rule.value() == null || candidates.stream().noneMatch(c -> c.sources().contains("rule"))) {
      return rule;
    }
    Page page = page(rule.value(), kind, address, candidates);
    Candidate best = null;
    double bestScore = -1;
    for (Candidate c : candidates) {
      double p = model.probability(features(c, page));
      if (p > bestScore) {
        bestScore = p;
        best = c;
      }
    }
    if (best.sources().contains("rule")) {
      return new PageMetadata.Found<>(best.text(), rule.from());
    }
    String first = best.sources().iterator().next();
    String from = first.startsWith("h1") ? "h1" : first.startsWith("title") ? "title" : "meta";
    return new PageMetadata.Found<>(best.text(), from);
  }
}
