package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.core.learn.LinearModel;
import org.presslens.core.learn.LinearTrainer;

class TitleChooserTest {
  private static final String PAGE = "<html><head><title>Ferry to stop - News - Harbour Gazette</title>"
      + "<meta property=\"og:title\" content=\"Winter ferry ends in October | Harbour Gazette\"></head>"
      + "<body><h1>Ferry to stop</h1><p>The ferry between Porthaven and the islands will stop.</p></body></html>";

  @Test
  void candidatesAreOnePerWordSequenceWithEverySourceThatGivesIt() {
    Document doc = Jsoup.parse(PAGE, "https://www.harbourgazette.example/news/winter-ferry-ends-in-october");
    List<TitleChooser.Candidate> c = TitleChooser.candidates(doc, "Ferry to stop", "Harbour Gazette", "harbourgazette.example");
    assertThat(c.get(0).text()).isEqualTo("Ferry to stop");
    assertThat(c.get(0).sources()).containsExactly("h1#1", "h1#1-cut", "rule", "title-part0of3");
    assertThat(c).extracting(TitleChooser.Candidate::text)
        .contains("Winter ferry ends in October", "Ferry to stop - News - Harbour Gazette")
        .doesNotHaveDuplicates();
    TitleChooser.Candidate og = c.stream().filter(x -> x.text().equals("Winter ferry ends in October")).findFirst().orElseThrow();
    assertThat(og.sources()).contains("og:title-cut", "og:title-part0of2");
    // The <title> holds the headline's words ("Ferry to stop - News - Harbour Gazette"), and one <h1> gives a candidate.
    TitleChooser.Page page = TitleChooser.page("Ferry to stop", "article", null, c);
    assertThat(page.headline()).isEqualTo("h1InTitle");
    assertThat(page.headings()).isEqualTo(1);
    assertThat(TitleChooser.features(og, page)).contains("headline:h1InTitle|meta", "headings:1|meta");
    // A slogan for a headline, sharing no word with a descriptive <title>.
    Document slogan = Jsoup.parse("<html><head><title>Cloud hosting for web apps | Harbour Cloud</title></head><body>"
        + "<h1>Deploy close to your users</h1><h1>Pricing</h1></body></html>", "");
    List<TitleChooser.Candidate> s = TitleChooser.candidates(slogan, "Deploy close to your users", "Harbour Cloud", null);
    assertThat(TitleChooser.page("Deploy close to your users", "other", null, s)).extracting(TitleChooser.Page::headline,
        TitleChooser.Page::headings).containsExactly("h1:0", 2);
  }

  @Test
  void featuresSayWhereACandidateComesFromAndWhatItHolds() {
    TitleChooser.Candidate og = new TitleChooser.Candidate("Winter ferry ends in October", Set.of("og:title-cut"));
    assertThat(TitleChooser.features(og, TitleChooser.page("Ferry to stop", "article", "https://www.harbourgazette.example/news/winter-ferry-ends-in-october", List.of(og))))
        .contains("src:og:title-cut", "article|og:title-cut", "kind:article", "w:4-6", "agree:1", "inner", "slug:hi",
            "slug:hi|og:title-cut")
        .doesNotContain("holdsRule", "insideRule", "year", "home");
    assertThat(TitleChooser.features(og, TitleChooser.page("Ferry to stop", "listing", "https://www.harbourgazette.example/", List.of(og))))
        .contains("home", "home|og:title-cut", "slug:none");
    // Read without an address (a file, an upload): neither a home page nor an inner one.
    assertThat(TitleChooser.features(og, TitleChooser.page("Ferry to stop", "article", null, List.of(og)))).contains("addr:none", "slug:none")
        .doesNotContain("home", "inner");
    TitleChooser.Candidate search = new TitleChooser.Candidate("Best ferries of 2025", Set.of("title-cut"));
    assertThat(TitleChooser.features(search, TitleChooser.page("Best ferries", "article", null, List.of(search)))).contains("year", "yearRuleLacks", "holdsRule");
  }

  @Test
  void withoutATitleFromTheRulesThereIsNoneAndALongOneStaysACandidate() {
    // The rules refuse a menu's heading and a heading of one short word; the chooser does not bring them back.
    Document menu = Jsoup.parse("<html><body><nav><h1>Menu</h1></nav><h1>Hi</h1><p>The ferry will stop.</p></body></html>", "");
    List<TitleChooser.Candidate> c = TitleChooser.candidates(menu, null, null, null);
    PageMetadata.Found<String> none = new PageMetadata.Found<>(null, null);
    assertThat(TitleChooser.choose(TitleChooser.shipped(), c, none, "article", null)).isEqualTo(none);
    // A headline of more than 40 words that the rules chose is still a candidate, and so may win.
    String longHeadline = "Ferry " + "and harbour ".repeat(25) + "study";
    Document page = Jsoup.parse("<html><head><title>Home | Harbour Gazette</title></head><body><h1>" + longHeadline
        + "</h1></body></html>", "");
    List<TitleChooser.Candidate> withLong = TitleChooser.candidates(page, longHeadline, "Harbour Gazette", null);
    assertThat(withLong.get(0).sources()).contains("rule");
    // A title thousands of characters long is no candidate (and is not cut into parts).
    Document hostile = Jsoup.parse("<html><head><title>" + "a - ".repeat(5000) + "b</title></head><body><h1>Ferry to stop"
        + "</h1></body></html>", "");
    assertThat(TitleChooser.candidates(hostile, "Ferry to stop", null, null)).extracting(TitleChooser.Candidate::text)
        .containsExactly("Ferry to stop");
  }

  @Test
  void theBestScoringCandidateIsTheTitleWithItsSource() {
    // A model that has learnt that the meta title without the site is the title.
    List<Set<String>> x = new ArrayList<>();
    int[] y = new int[40];
    for (int i = 0; i < 20; i++) {
      x.add(Set.of("src:og:title-cut"));
      y[2 * i] = 1;
      x.add(Set.of("src:rule", "src:h1#1"));
    }
    LinearModel m = new LinearTrainer(x, y, List.of("other", "title"), 1).fit(1);
    List<TitleChooser.Candidate> c = List.of(new TitleChooser.Candidate("Ferry to stop", Set.of("rule", "h1#1")),
        new TitleChooser.Candidate("Winter ferry ends in October", Set.of("og:title-cut")));
    PageMetadata.Found<String> rule = new PageMetadata.Found<>("Ferry to stop", "h1");
    PageMetadata.Found<String> chosen = TitleChooser.choose(m, c, rule, "article", null);
    assertThat(chosen.value()).isEqualTo("Winter ferry ends in October");
    assertThat(chosen.from()).isEqualTo("meta");
    assertThat(TitleChooser.choose(m, List.of(), rule, "article", null)).isEqualTo(rule);
  }

  @Test
  void theShippedModelSaysHowItWasMade() {
    assertThat(TitleChooser.shipped().notes()).containsKeys("data", "command", "nested", "setting", "kind");
  }

  @Test
  void pageKindsForTrainingComeFromModelsThatNeverSawThePage(@TempDir Path dir) throws IOException {
    // 35 pages, page i of type i mod 7: every type in all five folds (page i in fold i mod 5).
    List<String> types = PageType.TYPES;
    for (int i = 0; i < 35; i++) {
      writePage(dir, i, types.get(i % 7));
    }
    String[] kinds = heldOutKinds(dir);
    assertThat(kinds).hasSize(35).allSatisfy(k -> assertThat(k).isIn(PageKind.ARTICLE, PageKind.FORUM, PageKind.PRODUCT,
        PageKind.LISTING, PageKind.OTHER));
    // A type in two folds only: choosing a setting fits on three folds, which could all lack it.
    Path small = dir.resolve("small");
    for (int i = 0; i < 35; i++) {
      writePage(small, i, i == 0 || i == 1 ? "forum" : types.get(i % 7).equals("forum") ? "article" : types.get(i % 7));
    }
    assertThat(heldOutKinds(small)).isNull();
  }

  private static String[] heldOutKinds(Path split) throws IOException {
    List<WcxbBenchmark.Page> pages = WcxbBenchmark.pages(split);
    List<PageType.Features> features = new java.util.ArrayList<>();
    for (WcxbBenchmark.Page p : pages) {
      features.add(HtmlArticles.features(p.bytes(), p.url()));
    }
    return PageTypeTrainer.heldOutKinds(pages, features);
  }

  /** A page of WCXB's layout in {@code dir}, of the given gold type, whose words say what it is. */
  private static void writePage(Path dir, int i, String type) throws IOException {
    Files.createDirectories(dir.resolve("ground-truth"));
    Files.createDirectories(dir.resolve("html"));
    String id = String.format("%04d", i);
    String html = "<html><head><title>" + type + " page " + i + "</title></head><body><main><h1>" + type + " " + i + "</h1><p>"
        + ("This " + type + " page says what a " + type + " page says. ").repeat(4) + "</p></main></body></html>";
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html").resolve(id + ".html.gz")))) {
      out.write(html.getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("ground-truth").resolve(id + ".json"), "{\"url\": \"https://gazette.example/" + type + "/" + i
        + "\", \"ground_truth\": {\"title\": \"" + type + " " + i + "\", \"main_content\": \"x\"},"
        + " \"_internal\": {\"page_type\": {\"primary\": \"" + type + "\"}}}");
  }

  @Test
  void trainingChoosesByFoldsAndWritesTheModel(@TempDir Path dir) throws IOException {
    // Ten pages whose gold title is the meta title without the site's name; the rules take the
    // <h1>, which starts with it and adds a subtitle.
    Files.createDirectories(dir.resolve("ground-truth"));
    Files.createDirectories(dir.resolve("html"));
    for (int i = 0; i < 10; i++) {
      String id = String.format("%04d", i);
      String html = "<html><head><title>Story " + i + " told plainly | Gazette</title>"
          + "<meta property=\"og:title\" content=\"Story " + i + " told plainly | Gazette\"></head><body><article>"
          + "<h1>Story " + i + " told plainly, with pictures from the harbour</h1><p>" + "The ferry between Porthaven and the islands will stop. ".repeat(6)
          + "</p></article></body></html>";
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("html").resolve(id + ".html.gz")))) {
        out.write(html.getBytes(StandardCharsets.UTF_8));
      }
      Files.writeString(dir.resolve("ground-truth").resolve(id + ".json"), "{\"url\": \"https://gazette.example/story-" + i
          + "-told-plainly\", \"ground_truth\": {\"title\": \"Story " + i + " told plainly\", \"main_content\": \"x\"}}");
    }
    Path model = dir.resolve("title.tsv.gz");
    TitleTrainer.Result r = TitleTrainer.train(dir, model, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(r.pages()).isEqualTo(10);
    assertThat(r.oracle()).isEqualTo(1.0);
    assertThat(r.folds()).hasSize(5).allSatisfy(f -> {
      assertThat(f.rules()).isEqualTo(0.0); // the rules take the <h1>
      assertThat(f.accuracy()).isEqualTo(1.0);
    });
    assertThat(LinearModel.read(model).notes()).containsKeys("data", "command", "nested", "kind");
  }
}
