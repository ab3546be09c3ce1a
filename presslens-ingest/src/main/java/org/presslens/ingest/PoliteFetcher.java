package org.presslens.ingest;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches web pages politely: robots.txt obeyed (read once per site with crawler-commons, the
 * parser Nutch and StormCrawler use, for the agent "presslens"; its Crawl-delay honoured up to 30
 * seconds), one request at a time per host with at least {@code interval} between them, a
 * timeout, a size limit, redirects followed (each hop checked against its own site's robots.txt),
 * and a User-Agent that says who is asking. Failures are {@link BadInputException}s naming the URL.
 */
final class PoliteFetcher {
  static final String USER_AGENT = "PressLens/0.1 (open-source news analysis; feed reader)";
  static final PoliteFetcher DEFAULT = new PoliteFetcher(Duration.ofSeconds(1), Duration.ofSeconds(15), false);
  /**
   * The same, for a server that others can reach: it fetches public addresses only, so that a
   * client cannot have it read the machine's own services or its network's (server-side request
   * forgery, OWASP A10:2021).
   */
  static final PoliteFetcher PUBLIC_ONLY = new PoliteFetcher(Duration.ofSeconds(1), Duration.ofSeconds(15), true);
  private static final String ROBOT_NAME = "presslens";
  private static final int MAX_REDIRECTS = 5;
  private static final long MAX_CRAWL_DELAY_MS = 30_000;
  private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

  /**
   * A fetched page.
   *
   * @param url the final URL, after redirects
   * @param redirects the URLs that redirected, in order (empty when none did)
   * @param charset the charset parameter of the response's Content-Type, or null
   */
  record Page(byte[] body, String url, List<String> redirects, String charset) {}

  private final Duration interval;
  private final HttpClient client;
  private final Duration timeout;
  private final Map<String, Long> lastRequest = new HashMap<>();
  /** The robots.txt rules per scheme://host:port. */
  private final Map<String, BaseRobotRules> robots = new ConcurrentHashMap<>();
  /** Whether every hop (robots.txt included) must resolve to public addresses only. */
  private final boolean publicOnly;

  PoliteFetcher(Duration interval, Duration timeout) {
    this(interval, timeout, false);
  }

  PoliteFetcher(Duration interval, Duration timeout, boolean publicOnly) {
    this.interval = interval;
    this.timeout = timeout;
    this.publicOnly = publicOnly;
    // Redirects are followed here, not by the client, so that each hop obeys its site's robots.txt.
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
  }

  /** The body of a 200 response, at most {@link Bytes#MAX_ARTICLE_BYTES}. */
  byte[] fetch(String url) throws BadInputException {
    return fetchPage(url).body();
  }

  /** The page at {@code url}, redirects followed and recorded. */
  Page fetchPage(String url) throws BadInputException {
    URI uri = parse(url, url);
    List<String> hops = new java.util.ArrayList<>();
    for (int hop = 0; ; hop++) {
      if (publicOnly) {
        refuseInternal(uri, url);
      }
      BaseRobotRules rules = rulesFor(uri);
      if (!rules.isAllowed(uri.toString())) {
        throw new BadInputException(url, "robots.txt of " + uri.getHost() + " disallows " + (hop == 0 ? "it" : uri));
      }
      HttpResponse<InputStream> response = send(uri, url, rules.getCrawlDelay());
      int status = response.statusCode();
      try (InputStream body = response.body()) {
        if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
          if (hop >= MAX_REDIRECTS) {
            throw new BadInputException(url, "more than " + MAX_REDIRECTS + " redirects");
          }
          hops.add(uri.toString());
          uri = parse(uri.resolve(response.headers().firstValue("Location").get()).toString(), url);
          continue;
        }
        if (status != 200) {
          throw new BadInputException(url, "HTTP " + status + (hop == 0 ? "" : " at " + uri));
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        Matcher m = CHARSET.matcher(type);
        return new Page(Bytes.read(body, false, url), uri.toString(), List.copyOf(hops), m.find() ? m.group(1) : null);
      } catch (IOException e) {
        throw new BadInputException(url, "cannot fetch (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
      }
    }
  }

  /**
   * Refuses a host that resolves to an address no public page lives at: loopback, this network
   * (site-local 10/8, 172.16/12, 192.168/16; IPv6 unique-local fc00::/7), link-local (cloud
   * metadata services live at 169.254.169.254), shared address space (100.64/10), any-local and
   * multicast. Checked before each hop and its robots.txt. The client resolves the name again
   * when it connects, so a name whose address changes in between (DNS rebinding) is not caught.
   *
   * @throws BadInputException naming the host and its address, or when the name does not resolve
   */
  private static void refuseInternal(URI uri, String asked) throws BadInputException {
    java.net.InetAddress[] addresses;
    try {
      addresses = java.net.InetAddress.getAllByName(uri.getHost());
    } catch (java.net.UnknownHostException e) {
      throw new BadInputException(asked, "cannot resolve " + uri.getHost());
    }
    for (java.net.InetAddress a : addresses) {
      byte[] b = a.getAddress();
      boolean sharedSpace = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
      boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
      if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
          || a.isMulticastAddress() || sharedSpace || uniqueLocal) {
        throw new BadInputException(asked, "this server fetches public addresses only, and " + uri.getHost()
            + " is " + a.getHostAddress());
      }
    }
  }

  private static URI parse(String url, String asked) throws BadInputException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(asked, "not a valid URL" + (url.equals(asked) ? "" : ": " + url));
    }
    if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new BadInputException(asked, "not an http(s) URL" + (url.equals(asked) ? "" : ": " + url));
    }
    return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? uri.resolve("/") : uri;
  }

  private HttpResponse<InputStream> send(URI uri, String url, long crawlDelayMs) throws BadInputException {
    waitTurn(uri.getHost(), crawlDelayMs);
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT).GET().build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new BadInputException(url, "cannot fetch (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BadInputException(url, "interrupted");
    }
  }

  /**
   * The rules of the URL's site: its robots.txt as crawler-commons reads it; everything allowed
   * when there is none (4xx) or it cannot be had, as Google and crawler-commons treat those.
   */
  private BaseRobotRules rulesFor(URI uri) {
    String site = uri.getScheme() + "://" + uri.getRawAuthority();
    return robots.computeIfAbsent(site, s -> {
      String robotsUrl = s + "/robots.txt";
      try {
        HttpResponse<InputStream> response = send(URI.create(robotsUrl), robotsUrl, 0);
        try (InputStream body = response.body()) {
          if (response.statusCode() != 200) {
            return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
          }
          return new SimpleRobotRulesParser().parseContent(robotsUrl, Bytes.read(body, false, robotsUrl),
              response.headers().firstValue("Content-Type").orElse("text/plain"), List.of(ROBOT_NAME));
        }
      } catch (BadInputException | IOException e) {
        return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
      }
    });
  }

  private void waitTurn(String host, long crawlDelayMs) {
    long gap = Math.max(interval.toNanos(), Math.min(Math.max(crawlDelayMs, 0), MAX_CRAWL_DELAY_MS) * 1_000_000);
    long wait;
    synchronized (lastRequest) {
      long now = System.nanoTime();
      long next = lastRequest.getOrDefault(host, now - gap) + gap;
      wait = Math.max(0, next - now);
      lastRequest.put(host, now + wait);
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
