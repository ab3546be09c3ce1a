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

  private Clusters(List<Cluster> clusters) {
    this.clusters = List.copyOf(clusters);
    for (Cluster c : clusters) {
      c.members().forEach(m -> byMember.put(m, c));
    }
  }

  /** Clusters of the groups MinHash finds, each led by its earliest published member. */
  public static Clusters of(List<List<String>> groups, Map<String, String> published) {
    Comparator<String> earliest = Comparator
        .<String, String>comparing(id -> published.get(id) == null ? "9999" : published.get(id))
        .thenComparing(Comparator.naturalOrder());
    List<Cluster> out = new ArrayList<>();
    for (List<String> g : groups) {
      List<String> members = new ArrayList<>(g);
      members.sort(earliest);
      out.add(new Cluster("c" + (out.size() + 1), members.get(0), List.copyOf(members)));
    }
    return new Clusters(out);
  }

  /** The clusters written by the last ingest, or none. */
  public static Clusters read(Path storeFolder) throws IOException {
    Path file = storeFolder.resolve(CorpusStore.CLUSTERS_FILE);
    if (!Files.isRegularFile(file)) {
      return new Clusters(List.of());
    }
    List<Cluster> out = new ArrayList<>();
    for (JsonNode c : JSON.readTree(file.toFile()).path("clusters")) {
      List<String> members = new ArrayList<>();
      c.path("members").forEach(m -> members.add(m.asText()));
      out.add(new Cluster(c.path("id").asText(), c.path("original").asText(), members));
    }
    return new Clusters(out);
  }

  public List<Cluster> all() {
    return clusters;
  }

  /** The cluster an article belongs to, or null when it has no copies. */
  public Cluster of(String articleId) {
    return byMember.get(articleId);
  }

  void write(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("shingle", MinHash.SHINGLE).put("hashes", MinHash.HASHES).put("bands", MinHash.BANDS)
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
