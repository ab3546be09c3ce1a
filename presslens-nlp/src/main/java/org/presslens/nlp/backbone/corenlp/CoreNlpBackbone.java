package org.presslens.nlp.backbone.corenlp;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import edu.stanford.nlp.process.WordToSentenceProcessor;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.presslens.nlp.backbone.Backbone;
import org.presslens.nlp.backbone.RawToken;

/**
 * The CoreNLP adapter: the only place in PressLens that imports {@code edu.stanford}.
 *
 * <p>It calls CoreNLP's components directly rather than through {@code StanfordCoreNLP}: the PTB
 * tokenizer, the rule-based sentence splitter, the left3words tagger and the 3-class CRF. That is
 * the "lean" configuration (no fine-grained NER, no SUTime, no numeric classifiers); PressLens's
 * own recognisers add dates and numbers.
 */
public final class CoreNlpBackbone {
  static final String TAGGER_MODEL =
      "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger";
  static final String NER_MODEL =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";
  /** CoreNLP's English defaults, minus the rewrites that would change what a token says. */
  private static final String TOKENIZER_OPTIONS =
      "invertible=false,ptb3Escaping=false,normalizeParentheses=false,normalizeOtherBrackets=false,"
          + "americanize=false,untokenizable=noneKeep";

  private CoreNlpBackbone() {}

  /** Loads the models (a few seconds; do it once per process). */
  public static Backbone load() {
    MaxentTagger tagger = new MaxentTagger(TAGGER_MODEL);
    CRFClassifier<CoreLabel> crf;
    try {
      crf = CRFClassifier.getClassifier(NER_MODEL);
    } catch (Exception e) {
      throw new IllegalStateException("cannot load the CoreNLP NER model " + NER_MODEL, e);
    }
    TokenizerFactory<CoreLabel> tokenizers =
        PTBTokenizer.factory(new CoreLabelTokenFactory(), TOKENIZER_OPTIONS);
    WordToSentenceProcessor<CoreLabel> splitter = new WordToSentenceProcessor<>();

    return new Backbone(
        text -> {
          List<RawToken> out = new ArrayList<>();
          for (CoreLabel l : tokenizers.getTokenizer(new StringReader(text)).tokenize()) {
            out.add(new RawToken(l.beginPosition(), l.endPosition(), l.word()));
          }
          return out;
        },
        tokens -> {
          List<List<CoreLabel>> sentences = splitter.process(toLabels(tokens));
          List<List<RawToken>> out = new ArrayList<>(sentences.size());
          int i = 0;
          for (List<CoreLabel> s : sentences) {
            out.add(tokens.subList(i, i + s.size()));
            i += s.size();
          }
          if (i < tokens.size()) { // the splitter never drops tokens, but keep the promise anyway
            out.add(tokens.subList(i, tokens.size()));
          }
          return out;
        },
        sentence -> {
          List<CoreLabel> labels = toLabels(sentence);
          stoppable(() -> {
            tagger.tagCoreLabels(labels);
            return labels;
          });
          List<String> tags = new ArrayList<>(labels.size());
          labels.forEach(l -> tags.add(l.tag()));
          return tags;
        },
        (sentence, posTags) -> {
          List<CoreLabel> labels = toLabels(sentence);
          for (int i = 0; i < labels.size(); i++) {
            labels.get(i).setTag(posTags.get(i));
          }
          // classify() would skip the feature preprocessing
          List<CoreLabel> classified = stoppable(() -> crf.classifySentence(labels));
          List<String> out = new ArrayList<>(classified.size());
          for (CoreLabel l : classified) {
            String label = l.get(CoreAnnotations.AnswerAnnotation.class);
            out.add(label == null ? "O" : label);
          }
          return out;
        });
  }

  /**
   * Runs a CoreNLP call, which stops an interrupted thread with its own exception (and clears the
   * flag), so that it stops as PressLens's stages do: with a CancellationException, the flag set
   * (see {@link org.presslens.core.Pipeline#stopIfCancelled()}).
   */
  private static <T> T stoppable(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (edu.stanford.nlp.util.RuntimeInterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("analysis cancelled");
    }
  }

  private static List<CoreLabel> toLabels(List<RawToken> tokens) {
    List<CoreLabel> labels = new ArrayList<>(tokens.size());
    for (RawToken t : tokens) {
      CoreLabel l = new CoreLabel();
      l.setWord(t.word());
      l.setValue(t.word());
      l.setOriginalText(t.word());
      l.setBeginPosition(t.begin());
      l.setEndPosition(t.end());
      labels.add(l);
    }
    return labels;
  }
}
