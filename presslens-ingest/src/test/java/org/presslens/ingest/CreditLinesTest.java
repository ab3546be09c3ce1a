package org.presslens.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import org.presslens.core.Credit;

class CreditLinesTest {
  @Test
  void recognisesTheCommonCreditLines() {
    String text = String.join("\n",
        "Source » Example Action Fund",
        "WASHINGTON (AP) — The Senate voted on Tuesday.",
        "LONDON (Reuters) - Shares fell.",
        "The Associated Press contributed to this report.",
        "This article originally appeared on Grist.",
        "Source: Daily Planet",
        "By Jane Roe, Reuters");
    assertThat(CreditLines.find(text)).extracting(CreditLines.Found::kind, CreditLines.Found::name).containsExactly(
        tuple(Credit.Kind.SOURCE_LINE, "Example Action Fund"),
        tuple(Credit.Kind.WIRE_DATELINE, "AP"),
        tuple(Credit.Kind.WIRE_DATELINE, "Reuters"),
        tuple(Credit.Kind.CONTRIBUTED, "The Associated Press"),
        tuple(Credit.Kind.ORIGINALLY_PUBLISHED, "Grist"),
        tuple(Credit.Kind.SOURCE_LINE, "Daily Planet"),
        tuple(Credit.Kind.BYLINE_AGENCY, "Reuters"));
  }

  @Test
  void ordinaryProseIsNoCredit() {
    assertThat(CreditLines.find("The source of the river lies in the hills.\nShe said the report was late.")).isEmpty();
  }
}
