package org.presslens.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.presslens.core.Article;
import org.presslens.core.Document;
import org.presslens.core.Entity;
import org.presslens.core.Mention;
import org.presslens.core.Span;

class HtmlReportTest {
  @Test
  void escapesUntrustedTextAndLoadsNothingFromOutside() {
    String text = "<script>alert('x')</script> Evil & Co said \"hi\".";
    Document d = new Document(Article.ofText("<img src=x onerror=alert(1)>", text));
    d.setEntities(List.of(new Entity("e1", "ORGANIZATION", "Evil & Co",
        List.of(new Mention(new Span(28, 37), "Evil & Co")))));
    String page = HtmlReport.page(d);
    assertThat(page).doesNotContain("<script").doesNotContain("<img");
    assertThat(page).contains("&lt;script&gt;").contains("<mark class=\"t-ORGANIZATION\"");
    assertThat(page).doesNotContainPattern("(?i)(href|src)\\s*=\\s*\"?https?:");
  }
}
