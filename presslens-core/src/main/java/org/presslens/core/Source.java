package org.presslens.core;

/** Who published an article: site or publisher name, its domain and the article's URL. */
public record Source(String name, String domain, String url) {
  public static final Source UNKNOWN = new Source(null, null, null);

  /** A source known only by an article's URL: its domain is the URL's host without "www.". */
  public static Source ofUrl(String name, String url) {
    return new Source(name, domainOf(url), url);
  }

  /** The host of a URL, lower-cased and without "www."; null for no URL or a malformed one. */
  public static String domainOf(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = java.net.URI.create(url.strip().replace(" ", "%20")).getHost();
      return host == null ? null : host.replaceFirst("^www\\.", "").toLowerCase(java.util.Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
