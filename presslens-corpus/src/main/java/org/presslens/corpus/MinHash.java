package org.presslens.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Near-duplicate detection by MinHash with locality-sensitive hashing.
 *
 * <ul>
 *   <li>Shingles: {@value #SHINGLE} consecutive lower-cased words (letters and digits); the
 *       words of boilerplate and credit lines count like any other, which is what the
 *       threshold absorbs.
 *   <li>Signature: {@value #HASHES} minimum hashes, each a fixed-seed mix of a 64-bit shingle
 *       hash, so signatures are identical on every run and machine.
 *   <li>LSH: {@value #BANDS} bands of {@value #ROWS} rows. Two texts of Jaccard similarity s
 *       become candidates with probability 1 − (1 − s^10)^12: 0.9 at s ≈ 0.80, 0.02 at 0.5.
 *   <li>A candidate pair is a copy when the signatures agree on at least {@value #THRESHOLD} of
 *       their positions (the estimate of the Jaccard similarity).
 * </ul>
 */
public final class MinHash {
  public static final int SHINGLE = 5;
  public static final int BANDS = 12;
  public static final int ROWS = 10;
  public static final int HASHES = BANDS * ROWS;
  public static final double THRESHOLD = 0.8;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final long[] SEEDS = new long[HASHES];

  static {
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      x = mix(x + i);
      SEEDS[i] = x;
    }
  }

  private MinHash() {}

  /** The signature of a text; all {@code Integer.MAX_VALUE} for a text of fewer words than a shingle. */
  public static int[] signature(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      words.add(m.group());
    }
    int[] sig = new int[HASHES];
    java.util.Arrays.fill(sig, Integer.MAX_VALUE);
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      long h = 1469598103934665603L;
      for (int k = i; k < i + SHINGLE; k++) {
        h = (h ^ words.get(k).hashCode()) * 1099511628211L;
        h = mix(h);
      }
      for (int j = 0; j < HASHES; j++) {
        int v = (int) (mix(h ^ SEEDS[j]) >>> 33);
        if (v < sig[j]) {
          sig[j] = v;
        }
      }
    }
    return sig;
  }

  /** Share of positions where two signatures agree: the estimated Jaccard similarity. */
  public static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < HASHES; i++) {
      if (a[i] == b[i] && a[i] != Integer.MAX_VALUE) {
        same++;
      }
    }
    return (double) same / HASHES;
  }

  /**
   * Groups documents into clusters of near-duplicates. Deterministic: the result depends only
   * on the ids and signatures, never on input order.
   *
   * <p>One union-find over all documents serves every band: two members an earlier band (or
   * bucket) joined are not compared again, so a story in n copies costs about n comparisons in
   * all, not n in each of the {@value #BANDS} bands.
   *
   * @param signatures id → signature
   * @return the clusters of two or more members, each sorted by id, in order of their first id
   */
  public static List<List<String>> clusters(Map<String, int[]> signatures) {
    List<String> ids = new ArrayList<>(new java.util.TreeSet<>(signatures.keySet()));
    int[][] sigs = new int[ids.size()][];
    for (int i = 0; i < sigs.length; i++) {
      sigs[i] = signatures.get(ids.get(i));
    }
    int[] parent = new int[ids.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    for (int band = 0; band < BANDS; band++) {
      Map<Long, List<Integer>> buckets = new HashMap<>();
      for (int i = 0; i < sigs.length; i++) {
        if (comparable(sigs[i])) {
          buckets.computeIfAbsent(bandKey(sigs[i], band), k -> new ArrayList<>()).add(i);
        }
      }
      for (List<Integer> bucket : buckets.values()) {
        if (bucket.size() > 1) {
          join(bucket, sigs, parent, (a, b) -> {});
        }
      }
    }
    // Roots are the smallest index of each component, and ids are sorted, so groups come in
    // order of their first id, each sorted.
    Map<Integer, List<String>> groups = new java.util.TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(ids.get(i));
    }
    List<List<String>> out = new ArrayList<>();
    groups.values().stream().filter(g -> g.size() > 1).forEach(out::add);
    return out;
  }

  /** Whether a signature can be compared: its text has at least one shingle. */
  public static boolean comparable(int[] signature) {
    return signature[0] != Integer.MAX_VALUE;
  }

  /** The LSH bucket of a signature in one band: texts that share a bucket in any band are candidates. */
  public static long bandKey(int[] signature, int band) {
    long key = band;
    for (int r = band * ROWS; r < (band + 1) * ROWS; r++) {
      key = mix(key * 31 + signature[r]);
    }
    return key;
  }

  /**
   * Copy pairs of one bucket's members (similarity at least the threshold), each as {smaller id,
   * larger id}: a spanning forest of the bucket's copy graph, not every pair (see {@link #join}).
   */
  public static List<String[]> copies(List<String> bucket, Map<String, int[]> signatures) {
    int[][] sigs = new int[bucket.size()][];
    int[] parent = new int[bucket.size()];
    List<Integer> members = new ArrayList<>();
    for (int i = 0; i < sigs.length; i++) {
      sigs[i] = signatures.get(bucket.get(i));
      parent[i] = i;
      members.add(i);
    }
    List<String[]> out = new ArrayList<>();
    join(members, sigs, parent, (a, b) -> {
      String x = bucket.get(a);
      String y = bucket.get(b);
      out.add(x.compareTo(y) < 0 ? new String[] {x, y} : new String[] {y, x});
    });
    return out;
  }

  /** Told of each copy pair {@link #join} finds, by their indexes. */
  private interface CopyPair {
    void found(int a, int b);
  }

  /**
   * Joins the copies among one bucket's members in a union-find, telling {@code copy} of each
   * pair it joins by comparing them. Each member is compared with the members of each group of
   * copies found so far only until one matches, since joining one member of a group joins the
   * group, and not at all with a group the union-find has already joined it to (in an earlier
   * band): a bucket of n copies of one story costs n − 1 comparisons (it cost n²/2 checks of
   * whether two members were already joined before). The groups are those comparing every pair
   * would give: a member is compared with a group's members until an edge to it is found, and
   * one edge is all that joining needs.
   */
  private static void join(List<Integer> bucket, int[][] sigs, int[] parent, CopyPair copy) {
    List<List<Integer>> groups = new ArrayList<>(); // in this bucket, each group in bucket order
    for (int member : bucket) {
      List<Integer> joined = null;
      for (java.util.Iterator<List<Integer>> it = groups.iterator(); it.hasNext(); ) {
        List<Integer> group = it.next();
        boolean same = find(parent, group.get(0)) == find(parent, member);
        for (int k = 0; !same && k < group.size(); k++) {
          int other = group.get(k);
          if (similarity(sigs[other], sigs[member]) >= THRESHOLD) {
            union(parent, other, member);
            copy.found(other, member);
            same = true;
          }
        }
        if (same) {
          if (joined == null) {
            group.add(member);
            joined = group;
          } else { // the member joins two groups: they become one
            joined.addAll(group);
            it.remove();
          }
        }
      }
      if (joined == null) {
        groups.add(new ArrayList<>(List.of(member)));
      }
    }
  }

  /**
   * The connected components of the copy pairs: the clusters, each sorted by id, in order of
   * their first id. Depends only on the set of pairs, never on their order.
   */
  public static List<List<String>> components(List<String[]> pairs) {
    java.util.TreeSet<String> sorted = new java.util.TreeSet<>();
    pairs.forEach(p -> sorted.addAll(List.of(p)));
    List<String> ids = new ArrayList<>(sorted);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    int[] parent = new int[ids.size()];
    for (int i = 0; i < parent.length; i++) {
      parent[i] = i;
    }
    pairs.forEach(p -> union(parent, index.get(p[0]), index.get(p[1])));
    Map<Integer, List<String>> groups = new java.util.TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(ids.get(i));
    }
    // Roots are the smallest index of each component, so groups come in order of their first id.
    return new ArrayList<>(groups.values());
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    // The smaller index becomes the root, so the structure does not depend on visiting order.
    if (ra < rb) {
      parent[rb] = ra;
    } else {
      parent[ra] = rb;
    }
  }

  /** SplitMix64's finaliser: a fast, well-spread 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
