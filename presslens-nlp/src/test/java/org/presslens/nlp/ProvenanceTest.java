package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.core.Article;
import org.presslens.core.Credit;
import org.presslens.core.Document;
import org.presslens.core.Outlet;
import org.presslens.core.Layer;
import org.presslens.core.Provenance;
import org.presslens.core.Source;
import org.presslens.nlp.provenance.OutletRegistry;
import org.presslens.nlp.provenance.ProvenanceAnnotator;

/** The outlet registry, and provenance with its flags on articles written for the test. */
class ProvenanceTest {
  private static final String REPOST = """
      Valley Rivers Alliance wins historic victory for families

      The Valley Rivers Alliance has won a historic victory for working families, its director Maria Lopez said on Tuesday.

      "This is a triumph for every family who has suffered through years of shameful neglect," Lopez said. "The Valley Rivers Alliance never gave up, and today the people have been heard."

      According to Lopez, the Valley Rivers Alliance is a brilliant, tireless champion of the valley and will keep fighting until every home is safe.
      """;

  @Test
  void theShippedRegistryKnowsTheWiresAndCitesEveryAffiliation() {
    OutletRegistry r = OutletRegistry.standard();
    assertThat(r.byDomain("www.apnews.com")).map(Outlet::name).contains("Associated Press");
    assertThat(r.byName("The Associated Press")).map(Outlet::kind).contains("wire agency");
    assertThat(r.byName("AFP")).map(Outlet::name).contains("Agence France-Presse");
    assertThat(r.byDomain("co.uk")).isEmpty();
    assertThat(r.byDomain("unknown-paper.example")).isEmpty();
    assertThat(r.byName("RT").orElseThrow().affiliations()).extracting(Outlet.Affiliation::with).contains("Government of Russia");
    for (String name : List.of("Reuters", "Xinhua", "TASS", "BBC", "Voice of America")) {
      Outlet o = r.byName(name).orElseThrow();
      assertThat(o.references()).allSatisfy(ref -> assertThat(ref).startsWith("https://"));
      assertThat(o.affiliations()).allSatisfy(a -> assertThat(a.reference()).startsWith("https://"));
    }
  }

  @Test
  void usersOverrideEntriesAndImportRatingTables(@TempDir Path dir) throws IOException {
    Path mine = Files.writeString(dir.resolve("mine.json"), """
        {"outlets": [{"name": "Reuters", "domains": ["reuters.com"], "kind": "my own note", "references": ["https://example.org/r"]},
                     {"name": "Porthaven Post", "domains": ["porthaven-post.example"], "kind": "newspaper"}]}
        """);
    Path baly = Files.writeString(dir.resolve("corpus.tsv"), "source_url\tsource_url_normalized\tref\tfact\tbias\n"
        + "https://www.bbc.co.uk/\tbbc.co.uk\thttps://mediabiasfactcheck.com/bbc/\thigh\tleft-center\n"
        + "http://rumours.example\trumours.example\thttps://mediabiasfactcheck.com/r/\tlow\tright\n");
    Path idiap = Files.writeString(dir.resolve("golden.csv"), "domain,reliability_label,newsguard_score,label_source\n"
        + "bbc.co.uk,1,95.0,newsguard\n");
    OutletRegistry r = OutletRegistry.standard().with(mine).with(baly).with(idiap);
    assertThat(r.byName("Reuters").orElseThrow().kind()).isEqualTo("my own note");
    assertThat(r.byDomain("porthaven-post.example")).isPresent();
    assertThat(r.byDomain("bbc.co.uk").orElseThrow().ratings())
        .containsEntry("fact", "high").containsEntry("bias", "left-center").containsEntry("newsguard_score", "95.0");
    assertThat(r.byDomain("rumours.example").orElseThrow().ratings()).containsEntry("fact", "low");
    assertThat(r.size()).isEqualTo(OutletRegistry.standard().size() + 2);

    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"outlets\": [");
    assertThatThrownBy(() -> OutletRegistry.standard().with(broken)).hasMessageContaining("broken.json: malformed JSON");
  }

  @Test
  void anAdvocacyGroupsRepostRaisesEveryFlag(@TempDir Path dir) throws IOException {
    Path registry = Files.writeString(dir.resolve("van.json"), """
        {"outlets": [{"name": "Valley Action Network", "kind": "advocacy group",
          "affiliations": [{"type": "advocacy group", "with": "Valley Rivers Alliance", "reference": "https://example.org/van"}]}]}
        """);
    Provenance p = provenance(REPOST, Source.UNKNOWN, "Source » Valley Action Network", "Valley Action Network",
        OutletRegistry.standard().with(registry));
    assertThat(p.origin().name()).isEqualTo("Valley Action Network");
    assertThat(p.origin().how()).isEqualTo("source-line");
    assertThat(p.flags()).extracting(Provenance.Flag::type)
        .containsExactlyInAnyOrder("syndicated-copy", "affiliated-source", "single-voice");
    assertThat(p.flags()).filteredOn(f -> f.type().equals("affiliated-source")).singleElement()
        .satisfies(f -> assertThat(f.evidence()).contains("Valley Rivers Alliance positively").contains("https://example.org/van"));
    assertThat(p.summary()).startsWith("Republished from Valley Action Network (advocacy group, affiliated with Valley Rivers Alliance)")
        .contains("of the text is quotes from Maria Lopez").endsWith("Valley Rivers Alliance portrayed positively");
  }

  @Test
  void anOutletAttackingItsPatronsOpponentIsFlaggedToo(@TempDir Path dir) throws IOException {
    Path registry = Files.writeString(dir.resolve("van.json"), """
        {"outlets": [{"name": "Valley Action Network", "kind": "advocacy group",
          "opponents": [{"with": "Northern Water Company", "reference": "https://example.org/campaign"}]}]}
        """);
    Provenance p = provenance("""
        Water firm blamed for flood misery

        Critics accused the Northern Water Company of disastrous negligence and shameful greed.
        """, Source.UNKNOWN, "Source » Valley Action Network", "Valley Action Network", OutletRegistry.standard().with(registry));
    assertThat(p.flags()).filteredOn(f -> f.type().equals("affiliated-source")).singleElement()
        .satisfies(f -> assertThat(f.evidence()).startsWith("Valley Action Network → opposes: Northern Water Company (https://example.org/campaign)")
            .contains("negatively"));
    assertThat(p.summary()).endsWith("Northern Water Company portrayed negatively");
  }

  @Test
  void anOutletMissingFromTheRegistryIsUnratedNotGuessed() {
    Provenance p = provenance(REPOST, Source.UNKNOWN, "Source » Nowhere Weekly", "Nowhere Weekly", OutletRegistry.standard());
    assertThat(p.origin().outlet()).isNull();
    assertThat(p.flags()).extracting(Provenance.Flag::type).contains("unrated-source").doesNotContain("affiliated-source");
    assertThat(p.summary()).startsWith("Republished from Nowhere Weekly (unrated)");
  }

  @Test
  void aWireStoryOnItsOwnSiteRaisesNone() {
    Provenance p = provenance("Rain fell across northern England on Tuesday, the Met Office said. Rivers stayed within their banks.",
        new Source("Reuters", "www.reuters.com", "https://www.reuters.com/world/rain"), null, null, OutletRegistry.standard());
    assertThat(p.flags()).isEmpty();
    assertThat(p.publisher().outlet().name()).isEqualTo("Reuters");
    assertThat(p.summary()).isEqualTo("Published by Reuters (wire agency); no flags");
  }

  /**
   * The founding kind of article: an organisation's own site, credited by the name its domain
   * spells in a "Source »" line, praising the movement its owner belongs to.
   */
  private static final String OWN_SITE = """
      Clean Rivers Movement wins landmark ruling for the valley

      The Clean Rivers Movement has won a landmark ruling that will protect the valley's rivers for generations, campaigners said on Wednesday.

      "The Clean Rivers Movement is a remarkable, inspiring force for good, and every family in this valley owes its volunteers a debt of thanks," said Maria Lopez, director of the Valley Rivers Alliance.

      Judges ruled on Tuesday that the Northern Water Company must stop discharging sewage into the River Wend by 2026.
      """;
  private static final Source OWN_SITE_SOURCE = new Source(null, "valleyaction.example", "https://valleyaction.example/news/ruling");

  @Test
  void anOrganisationsOwnSitePraisingTheMovementBehindItRaisesAffiliatedSourceWithTheChain(@TempDir Path dir) throws IOException {
    Path built = dir.resolve("wikidata.json");
    org.presslens.nlp.provenance.WikidataRegistry.build(OutletRegistryTest.RESULTS, built);
    Provenance p = provenance(OWN_SITE, OWN_SITE_SOURCE, "Source » valley-action", "valley-action", OutletRegistry.standard().with(built));
    assertThat(p.origin().name()).isEqualTo("Valley Action Network");
    assertThat(p.publisher().outlet()).isEqualTo(p.origin().outlet());
    assertThat(p.flags()).extracting(Provenance.Flag::type).containsExactly("affiliated-source");
    assertThat(p.flags().get(0).evidence()).isEqualTo("Valley Action Network → owned by: Valley Rivers Alliance"
        + " (https://www.wikidata.org/wiki/Q900000001#P127) → member of: Clean Rivers Movement"
        + " (https://www.wikidata.org/wiki/Q900000002#P463); the article portrays Clean Rivers Movement positively:"
        + " \"Clean Rivers Movement wins landmark ruling for the valley\"");
    assertThat(p.summary()).isEqualTo("Published by Valley Action Network (advocacy group, owned by Valley Rivers Alliance),"
        + " which credits itself as the source; Clean Rivers Movement portrayed positively");
  }

  @Test
  void theSameArticleIsUnratedWhileTheRegistryDoesNotKnowTheOrganisation() {
    Provenance p = provenance(OWN_SITE, OWN_SITE_SOURCE, "Source » valley-action", "valley-action", OutletRegistry.standard());
    assertThat(p.flags()).extracting(f -> f.type() + ": " + f.evidence()).containsExactly(
        "syndicated-copy: \"Source » valley-action\"",
        "unrated-source: valley-action is not in the outlet registry",
        "unrated-source: valleyaction.example is not in the outlet registry");
  }

  @Test
  void aCreditByAnAcronymTwoOutletsShareIsMatchedThroughTheArticlesOwnSpellingOfIt(@TempDir Path dir) throws IOException {
    Path registry = Files.writeString(dir.resolve("two.json"), """
        {"outlets": [{"name": "Valley Action Network", "kind": "advocacy group",
          "affiliations": [{"type": "advocacy group", "with": "Valley Rivers Alliance", "reference": "https://example.org/van"}]},
                     {"name": "Vale Arts News", "kind": "magazine"}]}
        """);
    OutletRegistry r = OutletRegistry.standard().with(registry);
    assertThat(r.byName("VAN")).isEmpty();
    String text = REPOST.replace("its director Maria Lopez said on Tuesday.",
        "its director Maria Lopez told the Valley Action Network (VAN) on Tuesday.");
    Provenance p = provenance(text, Source.UNKNOWN, "Source » VAN", "VAN", r);
    assertThat(p.origin().name()).isEqualTo("Valley Action Network");
    assertThat(p.flags()).extracting(Provenance.Flag::type).contains("affiliated-source");
  }

  private static Provenance provenance(String text, Source source, String creditLine, String credited, OutletRegistry registry) {
    List<Credit> credits = creditLine == null ? List.of() : List.of(new Credit(creditLine, credited, Credit.Kind.SOURCE_LINE, null));
    Article a = new Article("test", text, null, List.of(), null, "en", source, credits);
    // The shared pipeline's provenance uses the shipped registry; redo that stage with this one.
    Document d = Shared.PIPELINE.analyze(a).copy(a, EnumSet.complementOf(EnumSet.of(Layer.PROVENANCE)));
    new ProvenanceAnnotator(registry).annotate(d);
    return d.provenance();
  }
}
