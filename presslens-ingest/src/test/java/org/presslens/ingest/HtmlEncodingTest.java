package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;

/** Pages decoded as a browser decodes them (the WHATWG Encoding Standard), declared or not. */
class HtmlEncodingTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");
  private static final String BODY =
      "<p>\u201cWe will not pay \u20ac40 for a ticket,\u201d said Ana Silva \u2013 the union\u2019s"
          + " spokeswoman \u2013 outside the town hall on Monday, as the strike went into its third week.</p>"
          + "<p>The council said fares had risen because fuel, wages and repairs cost more than they did last year.</p>";

  @Test
  void windows1252BytesLabelledIso88591AreDecodedAsWindows1252() throws Exception {
    String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
        + "<title>Fares</title></head><body><article>" + BODY + "</article></body></html>";
    Article a = HtmlArticles.of("fares.html", page.getBytes(CP1252), null);
    assertThat(a.text()).contains("\u201cWe will not pay \u20ac40 for a ticket,\u201d said Ana Silva \u2013 the union\u2019s")
        .doesNotContainPattern("[\u0080-\u009f]");
  }

  @Test
  void labelsMapAsTheStandardSaysNotAsTheJdkDoes() {
    assertThat(HtmlEncoding.encodingOf("ISO-8859-1")).isEqualTo("windows-1252");
    assertThat(HtmlEncoding.encodingOf(" latin1 ")).isEqualTo("windows-1252");
    assertThat(HtmlEncoding.encodingOf("us-ascii")).isEqualTo("windows-1252");
    assertThat(HtmlEncoding.encodingOf("iso-8859-9")).isEqualTo("windows-1254");
    assertThat(HtmlEncoding.encodingOf("gb2312")).isEqualTo("gbk");
    assertThat(HtmlEncoding.encodingOf("utf8")).isEqualTo("utf-8");
    assertThat(HtmlEncoding.encodingOf("no-such-charset")).isNull();
  }

  @Test
  void aMetaThatSaysUtf16MeansUtf8AndTheTransportOutranksTheMeta() {
    String page = "<meta charset=\"utf-16\"><p>caf\u00e9</p>";
    assertThat(HtmlEncoding.decode(page.getBytes(StandardCharsets.UTF_8), null).html()).contains("caf\u00e9");
    String declared = "<meta charset=\"utf-8\"><p>caf\u00e9</p>";
    HtmlEncoding.Decoded d = HtmlEncoding.decode(declared.getBytes(CP1252), "iso-8859-1");
    assertThat(d.encoding()).isEqualTo("windows-1252");
    assertThat(d.html()).contains("caf\u00e9");
  }

  @Test
  void anUndeclaredPageIsDetectedNotGuessedAsUtf8() throws Exception {
    String page = "<html><head><title>Fares</title></head><body><article>" + BODY + BODY + "</article></body></html>";
    HtmlEncoding.Decoded d = HtmlEncoding.decode(page.getBytes(CP1252), null);
    assertThat(d.how()).isEqualTo("detected");
    assertThat(d.html()).contains("\u201cWe will not pay \u20ac40");
    Article a = HtmlArticles.of("fares.html", page.getBytes(CP1252), null);
    assertThat(a.text()).contains("Ana Silva \u2013 the union\u2019s spokeswoman").doesNotContain("\ufffd");
    // Undeclared UTF-8 stays UTF-8, also when it holds characters outside the BMP.
    assertThat(HtmlEncoding.decode("<p>\u201cok\u201d \ud83d\ude00</p>".getBytes(StandardCharsets.UTF_8), null).html())
        .contains("\u201cok\u201d \ud83d\ude00");
  }
}
