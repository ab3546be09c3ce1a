package org.presslens.nlp.attribution;

import java.util.ArrayList;
import java.util.List;
import org.presslens.core.Span;
import org.presslens.core.Text;
import org.presslens.core.Token;
import org.presslens.nlp.eval.PolnearCorpus;

/**
 * What the two attribution taggers learn from one gold-annotated article, per PressLens token:
 * whether each cue candidate is part of a gold cue, and, around each gold cue, each token's role
 * ({@link AttributionModel#ROLES}). {@link AttributionTrainer} fits its taggers on these labels
 * and {@code FineTuningData} writes them for fine-tuning the encoder, so both learn the same thing.
 *
 * @param cue per token: 1 inside a gold cue, 0 outside, -1 where no cue can be (not a word or colon)
 * @param cues each gold cue with its window and the roles of the window's tokens
 */
public record AttributionLabels(int[] cue, List<Cue> cues) {

  /**
   * One gold cue: its tokens {@code [from, to)}, the window {@code [windowFrom, windowTo)} the role
   * tagger reads around it ({@link AttributionFeatures#window}), and the role index of each window
   * token, -1 for the cue's own tokens (which the role tagger never scores).
   */
  public record Cue(int from, int to, int windowFrom, int windowTo, int[] roles) {}

  /** The labels of an article's tokens given its gold attributions. */
  public static AttributionLabels of(Text text, List<Token> tokens, List<PolnearCorpus.Attribution> gold) {
    return of(new AttributionFeatures(new Tokens(text, tokens)), gold);
  }

  static AttributionLabels of(AttributionFeatures f, List<PolnearCorpus.Attribution> gold) {
    Tokens t = f.tokens();
    int[] cue = new int[t.size()];
    for (int i = 0; i < cue.length; i++) {
      cue[i] = f.cueCandidate(i) ? 0 : -1;
    }
    List<Cue> cues = new ArrayList<>();
    for (PolnearCorpus.Attribution g : gold) {
      List<Integer> cueTokens = tokensOf(t, g.cue());
      for (int i : cueTokens) {
        cue[i] = cue[i] < 0 ? -1 : 1;
      }
      if (cueTokens.isEmpty()) {
        continue;
      }
      int cs = cueTokens.get(0);
      int ce = cueTokens.get(cueTokens.size() - 1) + 1;
      byte[] role = roles(t, g, cs, ce);
      int[] window = f.window(cs, ce);
      int[] roles = new int[window[1] - window[0]];
      for (int i = window[0]; i < window[1]; i++) {
        roles[i - window[0]] = i >= cs && i < ce ? -1 : role[i];
      }
      cues.add(new Cue(cs, ce, window[0], window[1], roles));
    }
    return new AttributionLabels(cue, cues);
  }

  /**
   * Each token's role for the gold attribution whose cue is {@code [cs, ce)}: its source, its
   * content's first token, inside it, its last, or other. The content's first and last tokens
   * are those outside the cue (the cue and source passed over).
   */
  static byte[] roles(Tokens t, PolnearCorpus.Attribution g, int cs, int ce) {
    byte[] role = new byte[t.size()];
    for (int i : tokensOf(t, g.content())) {
      role[i] = AttributionModel.INSIDE;
    }
    for (int i : tokensOf(t, g.source())) {
      role[i] = AttributionModel.SOURCE;
    }
    int first = -1;
    int last = -1;
    for (int i = 0; i < t.size(); i++) {
      if (role[i] == AttributionModel.INSIDE && (i < cs || i >= ce)) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    if (first >= 0) {
      role[first] = AttributionModel.BEGIN;
      if (last != first) {
        role[last] = AttributionModel.END;
      }
    }
    return role;
  }

  /** The tokens that overlap any of {@code spans}, in order. */
  static List<Integer> tokensOf(Tokens t, List<Span> spans) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      Token token = t.token(i);
      for (Span s : spans) {
        if (token.span().overlaps(s)) {
          out.add(i);
          break;
        }
      }
    }
    return out;
  }
}
