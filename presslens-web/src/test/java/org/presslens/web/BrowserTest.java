package org.presslens.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real Chromium (Debian's chromium and chromium-driver; {@code .ci/run} installs
 * them). Hostile article text must show as text and run nothing.
 */
class BrowserTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String HOSTILE = """
      Council <script>window.__pwned = 1</script> backs plan

      Mayor Jane Okoro said the <img src=x onerror="window.__pwned = 2"> plan would cost £2 million. \
      See <a href="javascript:window.__pwned = 3">this</a> and </p></article><b>closing tags</b>.

      "It is a disgraceful, shameful betrayal," said councillor Tom Reed.
      """;

  @TempDir static Path dir;
  private static WebServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() {
    assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    server = Servers.start(dir.resolve("store"), "token", 1 << 20);
    for (String[] a : new String[][] {
        {"2025-03-04", "Ferry strike called off", "Union leader Patricia Hewitt said on Tuesday that the ferry strike was off. \"We have a deal,\" Hewitt said."},
        {"2025-04-10", "Ferry fares to rise", "Ferry fares will rise by 4 percent in May, the operator said. \"It is a disgraceful betrayal,\" Patricia Hewitt said."},
        {"2025-04-22", "Harbour reopens", "The harbour reopened on Monday after repairs, the Porthaven Harbour Authority said."},
        {"2025-03-05", "Ferry strike called off", "Union leader Patricia Hewitt said on Tuesday that the ferry strike was off. \"We have a deal,\" Hewitt said.\n\nSource » Porthaven Post"}}) {
      try {
        int status = Servers.post(server, "/api/ingest", "application/json", "{\"title\": \"" + a[1] + "\", \"published\": \"" + a[0]
            + "\", \"url\": \"https://porthaven-post.example/" + a[0] + "\", \"text\": \"" + a[2].replace("\"", "\\\"").replace("\n", "\\n") + "\"}", "token").statusCode();
        assertThat(status).isEqualTo(201);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
    browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Opens the app and waits until its script is ready; the wait, for what the test waits on next. */
  private static WebDriverWait openApp(int seconds) {
    browser.get("http://127.0.0.1:" + server.port() + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    return wait;
  }

  private static WebElement analyze(String text) {
    WebDriverWait wait = openApp(60);
    WebElement input = browser.findElement(By.id("input-text"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, text);
    browser.findElement(By.id("analyze-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Done."));
    System.out.println("BrowserTest: " + browser.findElement(By.id("status")).getText()); // the render time, reported not asserted
    return browser.findElement(By.id("article"));
  }

  @Test
  void hostileTextIsShownAsTextAndRunsNothing() {
    WebElement article = analyze(HOSTILE);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.__pwned === undefined")).isEqualTo(true);
    assertThat(article.findElements(By.tagName("script"))).isEmpty();
    assertThat(article.findElements(By.tagName("img"))).isEmpty();
    assertThat(article.findElements(By.tagName("a"))).isEmpty();
    assertThat(article.findElements(By.tagName("b"))).isEmpty();
    assertThat(article.getText()).contains("<script>window.__pwned = 1</script>")
        .contains("<img src=x onerror=\"window.__pwned = 2\">").contains("</p></article><b>closing tags</b>");
    List<String> logs = browser.manage().logs().getAvailableLogTypes().contains("browser")
        ? browser.manage().logs().get("browser").getAll().stream().map(Object::toString).toList() : List.of();
    assertThat(logs).noneMatch(l -> l.contains("__pwned"));
  }

  /** Saves what the browser shows under target/screenshots, for people to look at. */
  private static void screenshot(String name) {
    try {
      Path out = Path.of("target", "screenshots");
      Files.createDirectories(out);
      Files.write(out.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theArticleShowsWhoSpeaksAndTheSidePanels() throws Exception {
    WebElement article = analyze(Files.readString(Path.of("../examples/advocacy-repost.txt")));
    screenshot("analyze");
    List<WebElement> quotes = article.findElements(By.cssSelector(".q"));
    assertThat(quotes).isNotEmpty();
    assertThat(quotes).anyMatch(q -> q.getAttribute("title").contains("Maria Lopez"));
    assertThat(article.findElements(By.cssSelector(".tq"))).isNotEmpty();
    assertThat(article.findElements(By.cssSelector(".claim"))).isNotEmpty();
    assertThat(article.findElements(By.cssSelector("mark.t-PERSON"))).isNotEmpty();
    String panels = browser.findElement(By.id("panels")).getText();
    assertThat(panels).contains("Provenance").contains("Voices").contains("Claims to check").contains("Persuasion techniques")
        .contains("Stance").contains("Valley Rivers Alliance: positive");
  }

  @Test
  void aWebAddressInTheBoxIsFetchedByTheServerAndAnalysed() {
    try (PageServer site = new PageServer()) {
      WebElement article = analyze(site.url("/s/ferry"));
      assertThat(browser.findElement(By.id("status")).getText()).contains("Fetched " + site.url("/s/ferry") + " through 2 redirects");
      assertThat(article.getText()).contains("Union leader Patricia Hewitt said on Tuesday").doesNotContain("Home");
      assertThat(article.findElements(By.cssSelector(".q"))).anyMatch(q -> q.getAttribute("title").contains("Patricia Hewitt"));

      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      WebElement input = browser.findElement(By.id("input-text"));
      ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, "  " + site.url("/gone") + "\n");
      browser.findElement(By.id("analyze-button")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Error:"));
      assertThat(browser.findElement(By.id("status")).getText())
          .isEqualTo("Error: cannot analyse the page at " + site.url("/gone") + ": HTTP 404");
    }
  }

  @Test
  void theDashboardDrawsChartsOfTheStore() {
    WebDriverWait wait = openApp(30);
    browser.findElement(By.id("tab-dashboard")).click();
    wait.until(d -> !d.findElements(By.cssSelector("#charts svg rect.bar")).isEmpty());
    screenshot("dashboard");
    String charts = browser.findElement(By.id("charts")).getText();
    assertThat(charts).contains("Articles by month (4 in all, 0 undated)").contains("Top speakers").contains("Patricia Hewitt");
    // Two months with articles: two bars in the time chart.
    assertThat(browser.findElements(By.cssSelector("#charts figure:first-child rect.bar"))).hasSize(2);
  }

  @Test
  void facetsNarrowTheSearchAndASpeakerHasAPage() {
    WebDriverWait wait = openApp(30);
    browser.findElement(By.id("tab-corpus")).click();
    browser.findElement(By.id("query")).sendKeys("ferry OR harbour");
    browser.findElement(By.id("search-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), "4 articles match"));
    browser.findElement(By.cssSelector("#facets button[data-clause^='published:[2025-04']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("total"), "2 articles match"));

    browser.findElement(By.cssSelector("#facets button[data-speaker='Patricia Hewitt']")).click();
    wait.until(d -> d.findElements(By.cssSelector("#speaker-quotes li")).size() >= 2);
    assertThat(browser.findElement(By.id("speaker-name")).getText()).isEqualTo("Patricia Hewitt");
    screenshot("speaker");
    assertThat(browser.findElements(By.cssSelector("#speaker-timeline rect.bar"))).hasSize(2);

    // An article with a syndicated copy lists it, and names the original.
    browser.findElements(By.cssSelector("#speaker-quotes button[data-id]")).stream()
        .filter(b -> b.getText().equals("Ferry strike called off")).findFirst().orElseThrow().click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("panels"), "Copies of this text"));
    assertThat(browser.findElement(By.id("panels")).getText()).contains("the original");
  }

  @Test
  void onAPhoneThePanelsGoBelowTheArticle() {
    Dimension before = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(390, 844));
      analyze("Rain fell in Oslo on Monday, the Norwegian Meteorological Institute said.");
      WebElement article = browser.findElement(By.id("article"));
      WebElement panels = browser.findElement(By.id("panels"));
      screenshot("phone");
      assertThat(panels.getLocation().getY()).isGreaterThan(article.getLocation().getY() + article.getSize().getHeight() - 1);
    } finally {
      browser.manage().window().setSize(before);
    }
  }
}
