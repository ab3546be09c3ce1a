package org.presslens.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.presslens.core.Outlet;
import org.presslens.nlp.provenance.OutletRegistry;
import org.presslens.nlp.provenance.WikidataRegistry;

/**
 * The registry built from Wikidata results ({@code examples/wikidata-results.json}, written for
 * the project: synthetic items Q900000001…, fictional outlets), its chains, and how registries
 * combine and match names.
 */
class OutletRegistryTest {
  static final Path RESULTS = Path.of("../examples/wikidata-results.json");
  @TempDir static Path dir;
  static Path built;

  @BeforeAll
  static void build() throws IOException {
    built = dir.resolve("wikidata.json");
    WikidataRegistry.Built b = WikidataRegistry.build(RESULTS, built);
    // 8 items; 30 rows, one without a value; the movement's page on a shared host and the group's
    // copy of its newspaper's domain are left out.
    assertThat(b).isEqualTo(new WikidataRegistry.Built(30, 1, 8, 4, 2));
  }

  @Test
  void aTwoLevelChainLeadsFromTheOutletThroughItsOwnerToTheMovement() throws IOException {
    OutletRegistry r = OutletRegistry.standard().with(built);
    Outlet van = r.byDomain("valleyaction.example").orElseThrow();
    assertThat(van.kind()).isEqualTo("advocacy group");
    assertThat(r.wikidata(van)).contains("Q900000001");
    List<List<OutletRegistry.Tie>> chain = r.chain(van);
    assertThat(chain).extracting(path -> path.get(path.size() - 1).to())
        .containsExactly("Valley Rivers Alliance", "Clean Rivers Movement");
    List<OutletRegistry.Tie> toMovement = chain.get(1);
    assertThat(toMovement).extracting(OutletRegistry.Tie::type).containsExactly("owned by", "member of");
    assertThat(toMovement).extracting(OutletRegistry.Tie::reference)
        .containsExactly("https://www.wikidata.org/wiki/Q900000001#P127", "https://www.wikidata.org/wiki/Q900000002#P463");
    assertThat(toMovement).extracting(OutletRegistry.Tie::file).containsOnly(built.toString());
    // The alliance's ideology is shown, not followed: it is not an organisation behind the outlet.
    assertThat(r.byName("VRA").orElseThrow().affiliations()).extracting(Outlet.Affiliation::with).contains("environmentalism");
    assertThat(chain).noneMatch(path -> path.get(path.size() - 1).to().equals("environmentalism"));
  }

  @Test
  void aLoopInTheOwnershipDataEndsWhereItCloses() throws IOException {
    OutletRegistry r = OutletRegistry.standard().with(built);
    Outlet post = r.byDomain("www.porthaven-post.example").orElseThrow();
    assertThat(post.kind()).isEqualTo("newspaper"); // the older class, not "daily newspaper"
    // Harbour Media Group and Harbour Holdings own each other; each appears once, by its shortest path.
    assertThat(r.chain(post)).extracting(path -> path.get(path.size() - 1).to() + "@" + path.size())
        .containsExactly("Harbour Media Group@1", "Harbour Holdings@1");
    assertThat(r.chain(r.byName("Harbour Holdings").orElseThrow())).extracting(path -> path.get(path.size() - 1).to())
        .containsExactly("Harbour Media Group");
  }

  @Test
  void anOutletKnownByTwoDomainsIsFoundByEitherAndItsSubdomains() throws IOException {
    OutletRegistry r = OutletRegistry.standard().with(built);
    assertThat(r.byDomain("valleyaction.example")).map(Outlet::name).contains("Valley Action Network");
    assertThat(r.byDomain("www.valley-action.example")).map(Outlet::name).contains("Valley Action Network");
    assertThat(r.byDomain("news.valley-action.example")).map(Outlet::name).contains("Valley Action Network");
    // A website that is a page on a shared host claims nothing: socialhub.example is not the movement.
    assertThat(r.byDomain("socialhub.example")).isEmpty();
    // A language root is still the outlet's own site; a state owner is a tie of its own.
    Outlet northland = r.byDomain("northland-broadcasting.example").orElseThrow();
    assertThat(northland.affiliations()).extracting(a -> a.type() + ": " + a.with()).containsExactly("state owner: Government of Northland");
    // A state owner ends the chain: the government's alliances are not the broadcaster's ties.
    assertThat(r.byName("Government of Northland").orElseThrow().affiliations()).extracting(Outlet.Affiliation::with)
        .containsExactly("Council of Northern States");
    assertThat(r.chain(northland)).extracting(path -> path.get(path.size() - 1).to()).containsExactly("Government of Northland");
  }

  @Test
  void creditLinesMatchByNameSlugDomainAcronymAndItem() throws IOException {
    OutletRegistry r = OutletRegistry.standard().with(built);
    for (String credit : List.of("Valley Action Network", "the valley action network", "valley-action", "VAN", "V.A.N.",
        "valleyaction.example", "Q900000001")) {
      assertThat(r.byName(credit)).as(credit).map(Outlet::name).contains("Valley Action Network");
    }
    assertThat(r.byName("Clean Rivers")).map(Outlet::name).contains("Clean Rivers Movement"); // a Wikidata alias
    assertThat(r.byName("CRM")).map(Outlet::name).contains("Clean Rivers Movement"); // acronym of the name
    assertThat(r.byName("Valley Action")).map(Outlet::name).contains("Valley Action Network"); // what its domain spells
    assertThat(r.byName("valley")).isEmpty();
    assertThat(r.byName("Action Network")).isEmpty();
  }

  @Test
  void anAcronymTwoEntriesShareMatchesNeither(@TempDir Path tmp) throws IOException {
    Path mine = Files.writeString(tmp.resolve("mine.json"), """
        {"outlets": [{"name": "Harbour Herald", "domains": ["harbour-herald.example"]},
                     {"name": "Hill Heights", "domains": ["hill-heights.example"]}]}
        """);
    OutletRegistry r = OutletRegistry.standard().with(mine);
    assertThat(r.byName("HH")).isEmpty();
    assertThat(r.byName("harbour-herald")).map(Outlet::name).contains("Harbour Herald");
  }

  @Test
  void registriesCombineShippedThenWikidataThenTheUsersFilesFactByFact(@TempDir Path tmp) throws IOException {
    // The user's file comes first on the command line, yet wins over the Wikidata tier.
    Path mine = Files.writeString(tmp.resolve("mine.json"), """
        {"outlets": [{"name": "Valley Action Network", "kind": "campaign site", "domains": ["van-news.example"],
          "opponents": [{"with": "Northern Water Company", "reference": "https://example.org/campaign"}]}]}
        """);
    OutletRegistry r = OutletRegistry.standard().with(mine).with(built);
    Outlet van = r.byName("VAN").orElseThrow();
    assertThat(van.kind()).isEqualTo("campaign site");
    assertThat(r.fileOf(van, "kind")).isEqualTo(mine.toString());
    assertThat(r.fileOf(van, "country")).isEqualTo(built.toString());
    assertThat(van.domains()).containsExactly("valleyaction.example", "valley-action.example", "van-news.example");
    assertThat(r.chain(van)).extracting(path -> path.get(path.size() - 1).type() + " " + path.get(path.size() - 1).to())
        .containsExactly("owned by Valley Rivers Alliance", "member of Clean Rivers Movement", "opposes Northern Water Company");
    assertThat(r.size()).isEqualTo(OutletRegistry.standard().size() + 8);

    // A Wikidata entry and a shipped one with a shared domain merge: the Wikidata facts win, the curated ones stay.
    Path wire = Files.writeString(tmp.resolve("wire.json"), """
        {"built_from": "wikidata", "outlets": [{"name": "Reuters", "wikidata": "Q900000099", "kind": "news agency",
          "domains": ["reuters.com", "reuters.tv"], "references": ["https://www.wikidata.org/wiki/Q900000099"]}]}
        """);
    Outlet shipped = OutletRegistry.standard().byName("Reuters").orElseThrow();
    OutletRegistry withWire = OutletRegistry.standard().with(wire);
    Outlet reuters = withWire.byDomain("reuters.tv").orElseThrow();
    assertThat(reuters.kind()).isEqualTo("news agency");
    assertThat(withWire.fileOf(reuters, "kind")).isEqualTo(wire.toString());
    assertThat(reuters.references()).containsAll(shipped.references()).contains("https://www.wikidata.org/wiki/Q900000099");
    assertThat(withWire.fileOf(reuters, "reference:" + shipped.references().get(0))).isEqualTo("shipped outlets.json");
    assertThat(withWire.size()).isEqualTo(OutletRegistry.standard().size());
  }

  @Test
  void theExamplesRegistryKeepsWorkingAndItsOwnerAndAffiliationLinksAreChains(@TempDir Path tmp) throws IOException {
    OutletRegistry examples = OutletRegistry.standard().with(Path.of("../examples/outlets.json"));
    Outlet van = examples.byName("VAN").orElseThrow();
    assertThat(van.affiliations()).extracting(Outlet.Affiliation::with).containsExactly("Valley Rivers Alliance");
    // The owner and the affiliation name the same organisation: one link, by the referenced tie.
    assertThat(examples.chain(van)).singleElement().satisfies(path -> assertThat(path).singleElement()
        .satisfies(t -> assertThat(t.reference()).isEqualTo("examples/README.md#valley-action-network")));
    // A user's entry for the owner makes the chain go on: owner field → affiliation of the owner.
    Path owners = Files.writeString(tmp.resolve("owners.json"), """
        {"outlets": [{"name": "Valley Rivers Alliance", "aliases": ["VRA"],
          "affiliations": [{"type": "member of", "with": "Clean Rivers Movement", "reference": "https://example.org/crm"}]}]}
        """);
    OutletRegistry r = examples.with(owners);
    assertThat(r.chain(r.byName("Coastal Ledger").orElseThrow())).extracting(path -> path.get(0).type() + " " + path.get(0).to())
        .containsExactly("owner Coastal Ledger Ltd");
    assertThat(r.chain(r.byName("VAN").orElseThrow())).extracting(path -> path.get(path.size() - 1).to())
        .containsExactly("Valley Rivers Alliance", "Clean Rivers Movement");
    assertThat(r.names("Valley Rivers Alliance")).containsExactly("Valley Rivers Alliance", "VRA");
  }

  @Test
  void aMalformedResultsFileIsNamedInOneLineAndNothingIsWritten(@TempDir Path tmp) throws IOException {
    Path out = Files.writeString(tmp.resolve("registry.json"), "{\"outlets\": []}");
    Path truncated = Files.writeString(tmp.resolve("truncated.json"), Files.readString(RESULTS).substring(0, 3000));
    Path notResults = Files.writeString(tmp.resolve("outlets.json"), "{\"outlets\": []}");
    Path otherQuery = Files.writeString(tmp.resolve("other.json"),
        "{\"head\": {\"vars\": [\"s\", \"o\"]}, \"results\": {\"bindings\": []}}");
    Path empty = Files.writeString(tmp.resolve("empty.json"),
        "{\"head\": {\"vars\": [\"item\", \"itemLabel\", \"fact\", \"value\", \"valueLabel\"]}, \"results\": {\"bindings\": []}}");
    assertThatThrownBy(() -> WikidataRegistry.build(truncated, out)).hasMessageStartingWith(truncated + ": malformed JSON at line")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThatThrownBy(() -> WikidataRegistry.build(notResults, out)).hasMessage(notResults + ": not SPARQL 1.1 JSON results (no results.bindings list)");
    assertThatThrownBy(() -> WikidataRegistry.build(otherQuery, out)).hasMessageContaining("not the results of the registry query");
    assertThatThrownBy(() -> WikidataRegistry.build(empty, out)).hasMessageContaining("no rows of the registry query");
    assertThat(Files.readString(out)).isEqualTo("{\"outlets\": []}");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "registry.json", "truncated.json", "outlets.json", "other.json", "empty.json");
    }
  }

  @Test
  void aRegistryReadInTheBackgroundAnswersOnceReadAndNamesABadFile(@TempDir Path tmp) throws IOException {
    OutletRegistry loading = OutletRegistry.loading(List.of(built, Path.of("../examples/outlets.json")));
    assertThat(loading.byName("valley-action")).map(Outlet::name).contains("Valley Action Network"); // waits
    assertThat(loading.await().size()).isEqualTo(OutletRegistry.standard().with(built).with(Path.of("../examples/outlets.json")).size());
    Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"outlets\": [{\"name\": ");
    assertThatThrownBy(() -> OutletRegistry.loading(List.of(built, broken)).await()).isInstanceOf(IOException.class)
        .hasMessageStartingWith(broken + ": malformed JSON");
  }

  @Test
  void theDocsGiveTheQueryInFull() throws IOException {
    String docs = Files.readString(Path.of("../docs/PROVENANCE.md"), StandardCharsets.UTF_8);
    assertThat(docs).contains(WikidataRegistry.QUERY.strip());
    assertThat(docs).contains("CHAIN_DEPTH").contains(OutletRegistry.CHAIN_DEPTH + " ties");
  }
}
