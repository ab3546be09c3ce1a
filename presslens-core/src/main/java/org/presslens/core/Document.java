package org.presslens.core;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One article under analysis: its immutable text and metadata plus the standoff layers that
 * annotators add. Each layer is set once; nothing rewrites the text.
 *
 * <p>A document belongs to one thread at a time; models are shared, documents are not.
 */
public final class Document {
  private final Article article;
  private final Text text;
  private final Set<Layer> present = EnumSet.noneOf(Layer.class);
  private List<Token> tokens = List.of();
  private List<Span> sentences = List.of();
  private TokenVectors vectors;
  private List<Entity> entities = List.of();
  private List<Quote> quotes = List.of();
  private List<Claim> claims = List.of();
  private List<Technique> techniques = List.of();
  private List<Stance> stance = List.of();
  private Provenance provenance;

  public Document(Article article) {
    this.article = article;
    this.text = new Text(article.text());
  }

  public Article article() {
    return article;
  }

  public Text text() {
    return text;
  }

  /** Whether an annotator has added this layer. */
  public boolean has(Layer layer) {
    return present.contains(layer);
  }

  public List<Token> tokens() {
    return tokens;
  }

  /**
   * The tokens {@code [from, to)} that overlap {@code span} (code points), or null when none does.
   * Tokens are in text order and do not overlap, so the answer is one run.
   */
  public int[] tokensOf(Span span) {
    int from = 0;
    while (from < tokens.size() && tokens.get(from).span().end() <= span.start()) {
      from++;
    }
    int to = from;
    while (to < tokens.size() && tokens.get(to).span().start() < span.end()) {
      to++;
    }
    return from < to ? new int[] {from, to} : null;
  }

  /** The tokens {@code [from, to)} of the sentence token {@code i} belongs to ({@link Token#sentence()}). */
  public int[] sentenceOf(int i) {
    int sentence = tokens.get(i).sentence();
    int from = i;
    while (from > 0 && tokens.get(from - 1).sentence() == sentence) {
      from--;
    }
    int to = i + 1;
    while (to < tokens.size() && tokens.get(to).sentence() == sentence) {
      to++;
    }
    return new int[] {from, to};
  }

  public List<Span> sentences() {
    return sentences;
  }

  /** The encoder's contextual vectors of the tokens, or null before the encoder ran. */
  public TokenVectors vectors() {
    return vectors;
  }

  public List<Entity> entities() {
    return entities;
  }

  public List<Quote> quotes() {
    return quotes;
  }

  public List<Claim> claims() {
    return claims;
  }

  public List<Technique> techniques() {
    return techniques;
  }

  public List<Stance> stance() {
    return stance;
  }

  /** The provenance, or null before the provenance stage ran. */
  public Provenance provenance() {
    return provenance;
  }

  public void setTokens(List<Token> tokens) {
    mark(Layer.TOKENS);
    this.tokens = List.copyOf(tokens);
  }

  public void setSentences(List<Span> sentences) {
    mark(Layer.SENTENCES);
    this.sentences = List.copyOf(sentences);
  }

  public void setVectors(TokenVectors vectors) {
    if (vectors.size() != tokens.size()) {
      throw new IllegalArgumentException(vectors.size() + " vectors for " + tokens.size() + " tokens");
    }
    mark(Layer.VECTORS);
    this.vectors = vectors;
  }

  public void setEntities(List<Entity> entities) {
    mark(Layer.ENTITIES);
    this.entities = List.copyOf(entities);
  }

  /**
   * Entities revised by a later stage: a named speaker the entity stage missed added, or a mention
   * added to an entity. Nothing is taken away: every entity already there keeps its id.
   *
   * @throws IllegalStateException when the entities have not been set yet
   * @throws IllegalArgumentException when {@code revised} drops an entity already there
   */
  public void reviseEntities(List<Entity> revised) {
    if (!has(Layer.ENTITIES)) {
      throw new IllegalStateException("no entities to revise");
    }
    java.util.Set<String> ids = new java.util.HashSet<>();
    revised.forEach(e -> ids.add(e.id()));
    for (Entity e : entities) {
      if (!ids.contains(e.id())) {
        throw new IllegalArgumentException("a revision may not drop entity " + e.id());
      }
    }
    this.entities = List.copyOf(revised);
  }

  public void setQuotes(List<Quote> quotes) {
    mark(Layer.QUOTES);
    this.quotes = List.copyOf(quotes);
  }

  public void setClaims(List<Claim> claims) {
    mark(Layer.CLAIMS);
    this.claims = List.copyOf(claims);
  }

  public void setTechniques(List<Technique> techniques) {
    mark(Layer.TECHNIQUES);
    this.techniques = List.copyOf(techniques);
  }

  public void setStance(List<Stance> stance) {
    mark(Layer.STANCE);
    this.stance = List.copyOf(stance);
  }

  public void setProvenance(Provenance provenance) {
    mark(Layer.PROVENANCE);
    this.provenance = java.util.Objects.requireNonNull(provenance);
  }

  /**
   * A new document over {@code article} (the same text) carrying this one's {@code layers}
   * where they are present: to re-run later stages, or to store an analysis under another name.
   */
  public Document copy(Article article, Set<Layer> layers) {
    if (!article.text().equals(this.article.text())) {
      throw new IllegalArgumentException("a copy keeps the text its layers point into");
    }
    Document d = new Document(article);
    // In the layers' own order, not the set's: vectors and sentences are checked against the tokens.
    for (Layer layer : Layer.values()) {
      if (!layers.contains(layer) || !has(layer)) {
        continue;
      }
      switch (layer) {
        case TOKENS -> d.setTokens(tokens);
        case SENTENCES -> d.setSentences(sentences);
        case VECTORS -> d.setVectors(vectors);
        case ENTITIES -> d.setEntities(entities);
        case QUOTES -> d.setQuotes(quotes);
        case CLAIMS -> d.setClaims(claims);
        case TECHNIQUES -> d.setTechniques(techniques);
        case STANCE -> d.setStance(stance);
        case PROVENANCE -> d.setProvenance(provenance);
      }
    }
    return d;
  }

  private void mark(Layer layer) {
    if (!present.add(layer)) {
      throw new IllegalStateException("layer " + layer + " was already set");
    }
  }
}
