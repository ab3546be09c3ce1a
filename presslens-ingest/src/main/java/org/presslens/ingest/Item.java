package org.presslens.ingest;

import org.presslens.core.Article;

/** One thing read from an input: an article, or the reason one could not be read. */
public sealed interface Item {

  /** The input as the user named it ("path", "path:line" for JSONL, "-" for stdin). */
  String input();

  /** A readable article. */
  record Read(Article article) implements Item {
    @Override
    public String input() {
      return article.input();
    }
  }

  /** An input, or one line of it, that could not be read. */
  record Failed(BadInputException error) implements Item {
    @Override
    public String input() {
      return error.input();
    }
  }
}
