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
    server = Servers.start(dir.resolve("store"), null, 1 << 20);
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

  private static WebElement analyze(String text) {
    browser.get("http://127.0.0.1:" + server.port() + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    WebElement input = browser.findElement(By.id("input-text"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, text);
    browser.findElement(By.id("analyze-button")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Done."));
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

  @Test
  void theArticleShowsWhoSpeaksAndTheSidePanels() {
    WebElement article = analyze(HOSTILE);
    List<WebElement> quotes = article.findElements(By.cssSelector(".q"));
    assertThat(quotes).isNotEmpty();
    assertThat(quotes).anyMatch(q -> q.getAttribute("title").contains("Tom Reed"));
    assertThat(article.findElements(By.cssSelector("mark.t-PERSON"))).isNotEmpty();
    String panels = browser.findElement(By.id("panels")).getText();
    assertThat(panels).contains("Voices").contains("Claims to check").contains("Persuasion techniques").contains("Stance");
  }

  @Test
  void onAPhoneThePanelsGoBelowTheArticle() {
    Dimension before = browser.manage().window().getSize();
    try {
      browser.manage().window().setSize(new Dimension(390, 844));
      analyze("Rain fell in Oslo on Monday, the Norwegian Meteorological Institute said.");
      WebElement article = browser.findElement(By.id("article"));
      WebElement panels = browser.findElement(By.id("panels"));
      assertThat(panels.getLocation().getY()).isGreaterThan(article.getLocation().getY() + article.getSize().getHeight() - 1);
    } finally {
      browser.manage().window().setSize(before);
    }
  }
}
