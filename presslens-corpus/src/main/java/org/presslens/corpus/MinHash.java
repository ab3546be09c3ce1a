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
   * @param signatures id → signature
   * @return the clusters of two or more members, each sorted by id, in order of their first id
   */
  public static List<List<String>> clusters(Map<String, int[]> signatures) {
    List<String[]> copies = new ArrayList<>();
    for (int band = 0; band < BANDS; band++) {
      Map<Long, List<String>> buckets = new HashMap<>();
      for (Map.Entry<String, int[]> e : signatures.entrySet()) {
        if (comparable(e.getValue())) {
          buckets.computeIfAbsent(bandKey(e.getValue(), band), k -> new ArrayList<>()).add(e.getKey());
        }
      }
      for (List<String> bucket : buckets.values()) {
        copies.addAll(copies(bucket, signatures));
      }
    }
    return components(copies);
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
   * larger id}: a spanning forest of the bucket's copy graph, not every pair. Each member is
   * compared with the members of each group of copies found so far only until one of them
   * matches: joining one member of a group joins the group, so the rest need not be compared.
   * A bucket of n copies of one story costs n − 1 comparisons (it cost n²/2 checks of whether
   * two members were already joined before), and the groups are the same as comparing every
   * pair would give: a member is compared with a group's members until an edge to it is found,
   * and one edge is all that joining needs.
   */
  public static List<String[]> copies(List<String> bucket, Map<String, int[]> signatures) {
    List<String[]> out = new ArrayList<>();
    List<List<String>> groups = new ArrayList<>(); // the copies found so far, each group in bucket order
    for (String member : bucket) {
      int[] signature = signatures.get(member);
      List<String> joined = null;
      for (java.util.Iterator<List<String>> it = groups.iterator(); it.hasNext(); ) {
        List<String> group = it.next();
        for (String other : group) {
          if (similarity(signatures.get(other), signature) >= THRESHOLD) {
            out.add(other.compareTo(member) < 0 ? new String[] {other, member} : new String[] {member, other});
            if (joined == null) {
              group.add(member);
              joined = group;
            } else { // the member joins two groups: they become one
              joined.addAll(group);
              it.remove();
            }
            break;
          }
        }
      }
      if (joined == null) {
        groups.add(new ArrayList<>(List.of(member)));
      }
    }
    return out;
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
