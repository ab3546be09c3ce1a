package org.presslens.core;

import java.util.List;
import java.util.Map;

/**
 * What is known of a news outlet: its names and domains, what sort of outlet it is, who owns it,
 * whom it is affiliated with (each with the public page that says so), and ratings that users
 * imported from third parties.
 *
 * @param kind "wire agency", "newspaper", "broadcaster", "public broadcaster", "state media",
 *     "advocacy group", … as the registry says
 * @param country ISO 3166 code, or null
 * @param opponents organisations the outlet or its patrons campaign against (type "opposes"),
 *     each with the public page that documents it
 * @param ratings rating name ("mbfc:fact", "newsguard_score") → value, from imported files
 */
public record Outlet(
    String name,
    List<String> domains,
    List<String> aliases,
    String kind,
    String owner,
    String country,
    List<Affiliation> affiliations,
    List<Affiliation> opponents,
    Map<String, String> ratings,
    List<String> references) {

  public Outlet {
    domains = List.copyOf(domains);
    aliases = List.copyOf(aliases);
    affiliations = List.copyOf(affiliations);
    opponents = List.copyOf(opponents);
    ratings = Map.copyOf(ratings);
    references = List.copyOf(references);
  }

  /**
   * A tie between an outlet and an organisation.
   *
   * @param type "state media", "party", "advocacy group", "lobby group", "government body" or
   *     "owner"
   * @param with the organisation, as it is usually named
   * @param reference a public URL that documents the tie
   */
  public record Affiliation(String type, String with, String reference) {}
}
