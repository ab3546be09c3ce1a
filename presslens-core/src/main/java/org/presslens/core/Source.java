package org.presslens.core;

/** Who published an article: site or publisher name, its domain and the article's URL. */
public record Source(String name, String domain, String url) {
  public static final Source UNKNOWN = new Source(null, null, null);
}
