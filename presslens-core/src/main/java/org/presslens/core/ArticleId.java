package org.presslens.core;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The stable identity of an article: from its canonical URL when known, else from its text. The
 * same article read twice, on any machine, gets the same id, so that stores and jobs can skip
 * what they already hold.
 */
public final class ArticleId {
  private ArticleId() {}

  /** "u" + 16 hex digits of the canonical URL's hash, or "t" + 16 of the normalised text's. */
  public static String of(Article article) {
    String url = canonicalUrl(article.source().url());
    if (url != null) {
      return "u" + hash(url);
    }
    return "t" + hash(article.text().strip().replaceAll("\\s+", " "));
  }

  /**
   * The URL without what does not change the page: fragment, tracking parameters, default port,
   * trailing slash, case of scheme and host. Null when there is no usable http(s) URL.
   */
  static String canonicalUrl(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
      if (u.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        return null;
      }
      String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
      if (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      StringBuilder query = new StringBuilder();
      if (u.getRawQuery() != null) {
        for (String param : u.getRawQuery().split("&")) {
          String key = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
          if (!key.startsWith("utm_") && !key.equals("fbclid") && !key.equals("gclid") && !param.isEmpty()) {
            query.append(query.isEmpty() ? "?" : "&").append(param);
          }
        }
      }
      // http and https name the same article.
      return u.getHost().toLowerCase(Locale.ROOT) + path + query;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
