package org.presslens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.presslens.corpus.CorpusSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code presslens search}: find articles or quotes in the store. */
@Command(
    name = "search",
    header = "Search the store for articles or quotes.",
    mixinStandardHelpOptions = true,
    description = {
      "Search the store with Lucene query syntax. Bare words search the article text (with",
      "--quotes, the quote text); fields narrow it:",
      "  speaker:\"Patricia Hewitt\"   entity:NATO   person:Merkel   organization:UN   location:Paris",
      "  source:bbc.co.uk   domain:bbc.co.uk   published:[2005-01-01 TO 2005-03-31]   title:budget",
      "  claim:unemployment   credit:Reuters   technique:Loaded_Language   author:Smith",
      "  flag:affiliated-source   origin:\"Valley Action Network\"   praised:NATO   criticised:Okoro",
      "Words are ANDed; use OR, NOT, quotes for phrases and parentheses as in Lucene."
    })
final class SearchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "The query; empty for everything.")
  String query = "";

  @Mixin StoreOption store;

  @Option(names = "--quotes", description = "Return matching quotes (speaker, article, date), not articles.")
  boolean quotes;

  @Option(names = "--limit", paramLabel = "N", description = "Most hits to show. Default: ${DEFAULT-VALUE}.")
  int limit = 20;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (to read) or jsonl (for programs). Default: ${DEFAULT-VALUE}.")
  String format = "text";

  @Override
  public Integer call() throws IOException {
    if (!format.equals("text") && !format.equals("jsonl")) {
      throw new Main.UserError("--format must be text or jsonl");
    }
    if (limit < 1) {
      throw new Main.UserError("--limit must be at least 1");
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (CorpusSearch search = store.openForReading()) {
      if (quotes) {
        printQuotes(out, search.quotes(query, limit));
      } else {
        printArticles(out, search.articles(query, limit), search.articles());
      }
    } catch (IllegalArgumentException e) {
      throw new Main.UserError(e.getMessage());
    }
    return 0;
  }

  private void printArticles(PrintStream out, List<CorpusSearch.ArticleHit> hits, int total) {
    if (format.equals("jsonl")) {
      for (CorpusSearch.ArticleHit h : hits) {
        ObjectNode n = JSON.createObjectNode().put("id", h.id()).put("title", h.title()).put("source", h.source())
            .put("published", h.published()).put("input", h.input()).put("snippet", h.snippet()).put("score", h.score());
        if (h.cluster() != null) {
          n.put("cluster", h.cluster().id()).put("original", h.cluster().original());
        }
        out.println(n);
      }
      return;
    }
    out.printf("%d articles in the store; showing %d%n", total, hits.size());
    for (CorpusSearch.ArticleHit h : hits) {
      out.printf("%n%s  %s%n", h.published() == null ? "----------" : h.published(), h.title() == null ? h.input() : h.title());
      out.printf("  %s  %s%s%n", h.id(), h.source() == null ? h.input() : h.source(), clusterNote(h));
      out.printf("  %s%n", h.snippet());
    }
  }

  private static String clusterNote(CorpusSearch.ArticleHit h) {
    if (h.cluster() == null) {
      return "";
    }
    return h.cluster().original().equals(h.id())
        ? "  [original of " + (h.cluster().members().size() - 1) + " copies, " + h.cluster().id() + "]"
        : "  [copy of " + h.cluster().original() + ", " + h.cluster().id() + "]";
  }

  private void printQuotes(PrintStream out, List<CorpusSearch.QuoteHit> hits) {
    for (CorpusSearch.QuoteHit h : hits) {
      if (format.equals("jsonl")) {
        out.println(JSON.createObjectNode().put("id", h.id()).put("article", h.articleId()).put("speaker", h.speaker())
            .put("kind", h.kind()).put("cue", h.cue()).put("text", h.text()).put("title", h.title())
            .put("source", h.source()).put("published", h.published()).put("score", h.score()));
      } else {
        out.printf("%s  %s (%s): \"%s\"%n    %s  %s%n", h.published() == null ? "----------" : h.published(),
            h.speaker().isEmpty() ? "(unattributed)" : h.speaker(), h.cue(), h.text().replaceAll("\\s+", " "),
            h.title() == null ? h.articleId() : h.title(), h.source() == null ? "" : "· " + h.source());
      }
    }
  }
}
