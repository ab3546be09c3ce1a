package org.presslens.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void convertsBetweenCharsAndCodePointsOutsideTheBmp() {
    Text text = new Text("a😀b𝔘c");
    assertThat(text.length()).isEqualTo(5);
    assertThat(text.codePointOffset(3)).isEqualTo(2); // 'b' follows a surrogate pair
    assertThat(text.charIndex(4)).isEqualTo(6);
    assertThat(text.slice(new Span(1, 4))).isEqualTo("😀b𝔘");
    assertThat(text.spanOfChars(3, 6)).isEqualTo(new Span(2, 4));
  }

  @Test
  void isIdentityForBmpText() {
    Text text = new Text("plain text");
    assertThat(text.codePointOffset(5)).isEqualTo(5);
    assertThat(text.charIndex(5)).isEqualTo(5);
  }
}
