package org.presslens.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Syndication clusters: groups of near-duplicate articles, each with its original, the member
 * published first (ties and unknown dates broken by id, so the choice is the same on every run).
 */
public final class Clusters {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One cluster: its id, the original's article id, and all members in order (original first). */
  public record Cluster(String id, String original, List<String> members) {}

  private final List<Cluster> clusters;
  private final Map<String, Cluster> byMember = new HashMap<>();
  /** The generation of the index commit the clusters were computed from; -1 when unknown (none, or an older file). */
  private final long commit;

  private Clusters(List<Cluster> clusters, long commit) {
    this.clusters = List.copyOf(clusters);
    this.commit = commit;
    for (Cluster c : clusters) {
      c.members().forEach(m -> byMember.put(m, c));
    }
  }

  /** Clusters of the groups MinHash finds, each led by its earliest published member. */
  public static Clusters of(List<List<String>> groups, Map<String, String> published) {
    return of(groups, published, -1);
  }

  /** As above, computed from the index commit of generation {@code commit}. */
  static Clusters of(List<List<String>> groups, Map<String, String> published, long commit) {
    Comparator<String> earliest = Comparator
        .<String, String>comparing(id -> published.get(id) == null ? "9999" : published.get(id))
        .thenComparing(Comparator.naturalOrder());
    List<Cluster> out = new ArrayList<>();
    for (List<String> g : groups) {
      List<String> members = new ArrayList<>(g);
      members.sort(earliest);
      out.add(new Cluster("c" + (out.size() + 1), members.get(0), List.copyOf(members)));
    }
    return new Clusters(out, commit);
  }

  /** The clusters written by the last ingest, or none. */
  public static Clusters read(Path storeFolder) throws IOException {
    Path file = storeFolder.resolve(CorpusStore.CLUSTERS_FILE);
    if (!Files.isRegularFile(file)) {
      return new Clusters(List.of(), -1);
    }
    List<Cluster> out = new ArrayList<>();
    JsonNode root = JSON.readTree(file.toFile());
    for (JsonNode c : root.path("clusters")) {
      List<String> members = new ArrayList<>();
      c.path("members").forEach(m -> members.add(m.asText()));
      out.add(new Cluster(c.path("id").asText(), c.path("original").asText(), members));
    }
    return new Clusters(out, root.path("commit").asLong(-1));
  }

  /** The commit a clusters file records, read from its first fields only (the file lists a million ids at scale). */
  private static long commitOf(Path file) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser p = JSON.getFactory().createParser(file.toFile())) {
      if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return -1;
      }
      while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("commit")) {
          return p.getValueAsLong(-1);
        }
        p.skipChildren();
      }
      return -1;
    }
  }

  /** The generation of the index commit these clusters were computed from; -1 when unknown. */
  long commit() {
    return commit;
  }

  public List<Cluster> all() {
    return clusters;
  }

  /** The cluster an article belongs to, or null when it has no copies. */
  public Cluster of(String articleId) {
    return byMember.get(articleId);
  }

  /**
   * Writes the clusters atomically (a crash leaves the old file or the new, never half of one),
   * unless the file there was computed from a later commit: two processes may recluster one
   * store at once (a server's background run and an ingest), and the newer commit's clusters win.
   */
  void write(Path file) throws IOException {
    if (commit >= 0 && Files.isRegularFile(file) && commitOf(file) > commit) {
      return;
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("commit", commit).put("shingle", MinHash.SHINGLE).put("hashes", MinHash.HASHES).put("bands", MinHash.BANDS)
        .put("threshold", MinHash.THRESHOLD);
    ArrayNode list = root.putArray("clusters");
    for (Cluster c : clusters) {
      ObjectNode n = list.addObject().put("id", c.id()).put("original", c.original());
      c.members().forEach(n.putArray("members")::add);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
