package org.presslens.ingest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.presslens.core.Article;
import org.presslens.core.Source;

/**
 * Articles from an RSS or Atom feed, read with Rome: each item's linked page is fetched politely
 * and its main content extracted; when the page cannot be fetched, the feed's own text for the
 * item (content, else summary) is used. Items are named {@code FEED#N}.
 */
final class FeedArticles {
  private FeedArticles() {}

  /**
   * The deepest nesting of elements read. No feed comes near it (an item's elements sit four to
   * six deep, XHTML content a few more); Rome's tree builder (JDOM) costs time quadratic in the
   * depth, so a feed nested 100,000 deep would take it minutes.
   */
  static final int MAX_DEPTH = 256;

  static Iterator<Item> read(String name, byte[] xml, PoliteFetcher fetcher) {
    if (deeperThan(xml, MAX_DEPTH)) {
      return List.<Item>of(new Item.Failed(new BadInputException(name, "not a readable RSS or Atom feed (elements nested "
          + "deeper than " + MAX_DEPTH + ")"))).iterator();
    }
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
    } catch (FeedException | IOException | IllegalArgumentException e) {
      return List.<Item>of(new Item.Failed(new BadInputException(name, "not a readable RSS or Atom feed ("
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")"))).iterator();
    }
    List<SyndEntry> entries = feed.getEntries();
    String feedTitle = feed.getTitle();
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < entries.size();
      }

      @Override
      public Item next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int i = next++;
        return item(name + "#" + (i + 1), entries.get(i), feedTitle, fetcher);
      }
    };
  }

  /**
   * Whether the XML nests elements deeper than {@code max}, found in one streaming pass that
   * stops at that depth. A document that does not parse (or has a DOCTYPE, which is never read
   * here) is left to Rome, whose error names the problem.
   */
  static boolean deeperThan(byte[] xml, int max) {
    final class TooDeep extends org.xml.sax.SAXException {}
    try {
      javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setNamespaceAware(false);
      factory.newSAXParser().parse(new ByteArrayInputStream(xml), new org.xml.sax.helpers.DefaultHandler() {
        private int depth;

        @Override
        public void startElement(String uri, String local, String qName, org.xml.sax.Attributes attributes) throws TooDeep {
          if (++depth > max) {
            throw new TooDeep();
          }
        }

        @Override
        public void endElement(String uri, String local, String qName) {
          depth--;
        }
      });
      return false;
    } catch (TooDeep e) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static Item item(String where, SyndEntry entry, String feedTitle, PoliteFetcher fetcher) {
    String link = entry.getLink();
    Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    String published = date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    List<String> authors = new ArrayList<>();
    entry.getAuthors().forEach(a -> authors.add(a.getName()));
    if (authors.isEmpty() && entry.getAuthor() != null && !entry.getAuthor().isBlank()) {
      authors.add(entry.getAuthor());
    }
    String problem;
    if (link != null && !link.isBlank()) {
      try {
        PoliteFetcher.Page fetched = fetcher.fetchPage(link);
        Article page = HtmlArticles.of(where, fetched);
        if (page.published() != null && !page.authors().isEmpty()) {
          return new Item.Read(page);
        }
        java.util.Map<String, String> from = new java.util.HashMap<>(page.extraction().from());
        if (page.published() == null && published != null) {
          from.put("published", "feed");
        }
        if (page.authors().isEmpty() && !authors.isEmpty()) {
          from.put("authors", "feed");
        }
        return new Item.Read(new Article(page.input(), page.text(), page.title(),
            page.authors().isEmpty() ? authors : page.authors(), page.published() != null ? page.published() : published,
            page.language(), page.source(), page.credits(),
            new Article.Extraction(page.extraction().pageKind(), page.extraction().modified(), from, page.extraction().redirects())));
      } catch (BadInputException e) {
        problem = e.getMessage();
      }
    } else {
      problem = "the item has no link";
    }
    String html = feedText(entry);
    String text = html == null ? "" : HtmlArticles.parse(html, null).text().strip();
    if (text.isEmpty()) {
      return new Item.Failed(new BadInputException(where, "no page and no text in the feed (" + problem + ")"));
    }
    return new Item.Read(TextArticles.of(where, text, entry.getTitle(), authors, published, null,
        Source.ofUrl(feedTitle, link)));
  }

  /** The item's full content if the feed carries it, else its summary. */
  private static String feedText(SyndEntry entry) {
    StringBuilder b = new StringBuilder();
    for (SyndContent c : entry.getContents()) {
      if (c.getValue() != null) {
        b.append(c.getValue()).append('\n');
      }
    }
    if (b.isEmpty() && entry.getDescription() != null) {
      b.append(entry.getDescription().getValue());
    }
    return b.isEmpty() ? null : b.toString();
  }
}
