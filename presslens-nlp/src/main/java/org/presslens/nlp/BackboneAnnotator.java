package org.presslens.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.presslens.core.Annotator;
import org.presslens.core.Document;
import org.presslens.core.Layer;
import org.presslens.core.Span;
import org.presslens.core.Text;
import org.presslens.core.Token;
import org.presslens.nlp.backbone.Backbone;
import org.presslens.nlp.backbone.RawToken;

/**
 * Tokens, sentences, part-of-speech tags and entity labels from the {@link Backbone}.
 *
 * <p>The text is first cut into blocks at blank lines and each block is processed on its own, so
 * a blank line always ends a sentence: a headline never glues onto the sentence after it,
 * whatever the backbone's splitter thinks.
 */
public final class BackboneAnnotator implements Annotator {
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\x0B\\f\\r]*\\n");
  /** Models see at most this many tokens at once; longer "sentences" (lists, tables) are windowed. */
  private static final int MAX_WINDOW = 200;

  private final Backbone backbone;

  public BackboneAnnotator(Backbone backbone) {
    this.backbone = backbone;
  }

  @Override
  public String name() {
    return "backbone";
  }

  @Override
  public Set<Layer> requires() {
    return Set.of();
  }

  @Override
  public Set<Layer> provides() {
    return Set.of(Layer.TOKENS, Layer.SENTENCES);
  }

  @Override
  public void annotate(Document document) {
    Text text = document.text();
    String s = text.value();
    List<Token> tokens = new ArrayList<>();
    List<Span> sentences = new ArrayList<>();
    int blockStart = 0;
    Matcher m = BLANK_LINE.matcher(s);
    while (true) {
      boolean found = m.find();
      int blockEnd = found ? m.start() : s.length();
      annotateBlock(text, blockStart, blockEnd, tokens, sentences);
      if (!found) {
        break;
      }
      blockStart = m.end();
    }
    document.setTokens(tokens);
    document.setSentences(sentences);
  }

  private void annotateBlock(Text text, int from, int to, List<Token> tokens, List<Span> sentences) {
    if (from >= to) {
      return;
    }
    List<RawToken> raw = backbone.tokenizer().tokenize(text.value().substring(from, to));
    if (raw.isEmpty()) {
      return;
    }
    for (List<RawToken> sentence : backbone.sentenceSplitter().split(raw)) {
      if (sentence.isEmpty()) {
        continue;
      }
      int index = sentences.size();
      for (int w = 0; w < sentence.size(); w += MAX_WINDOW) {
        org.presslens.core.Pipeline.stopIfCancelled();
        List<RawToken> window = sentence.subList(w, Math.min(sentence.size(), w + MAX_WINDOW));
        List<String> pos = backbone.posTagger().tag(window);
        List<String> ner = backbone.entityRecognizer().recognize(window, pos);
        for (int i = 0; i < window.size(); i++) {
          RawToken t = window.get(i);
          Span span = text.spanOfChars(from + t.begin(), from + t.end());
          tokens.add(new Token(span, text.slice(span), pos.get(i), ner.get(i), index));
        }
      }
      RawToken first = sentence.get(0);
      RawToken last = sentence.get(sentence.size() - 1);
      sentences.add(text.spanOfChars(from + first.begin(), from + last.end()));
    }
  }
}
