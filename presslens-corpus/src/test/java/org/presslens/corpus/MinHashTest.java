package org.presslens.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Planted copies cluster; near misses stay apart; the result does not depend on order. */
class MinHashTest {
  /** An article of 300 distinct-ish words, generated from a seed. */
  static String article(long seed, int words) {
    String[] vocabulary = ("council budget harbour strike union workers port minister said plan vote "
        + "rise fall pay offer talks week year city police court report money tax school health water "
        + "energy price market bank trade rail road bridge housing rent family children hospital").split(" ");
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(vocabulary[r.nextInt(vocabulary.length)]).append(i % 17 == 16 ? ".\n\n" : " ");
    }
    return b.toString();
  }

  private static Map<String, int[]> signatures(Map<String, String> texts) {
    Map<String, int[]> out = new LinkedHashMap<>();
    texts.forEach((id, text) -> out.put(id, MinHash.signature(text)));
    return out;
  }

  @Test
  void copiesClusterAndNearMissesStayApart() {
    String original = article(1, 400);
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("a-original", original);
    texts.put("b-reformatted", original.toUpperCase().replace("\n\n", " ").replace(" ", "  "));
    texts.put("c-trimmed", original.substring(0, original.length() * 9 / 10));
    texts.put("d-boilerplate", "Source » Example News\n\n" + original + "\n\nShare this: Facebook Twitter Email. "
        + "Read more from our newsletter.");
    // Same words, different text: shares topic words but few five-word shingles.
    texts.put("e-other", article(2, 400));
    // Half the article rewritten: Jaccard well under 0.8.
    String half = original.substring(0, original.length() / 2) + article(3, 200);
    texts.put("f-half", half);
    texts.put("g-short", "Too short.");

    List<List<String>> clusters = MinHash.clusters(signatures(texts));
    assertThat(clusters).containsExactly(List.of("a-original", "b-reformatted", "c-trimmed", "d-boilerplate"));
  }

  @Test
  void aStoryCopiedThousandsOfTimesCostsLinearPairs() {
    // A wire story in 3,000 copies shares every LSH bucket: all pairs would be 4.5 million per
    // band (a 100,000-article store of such copies ran out of memory that way).
    int[] story = MinHash.signature(article(7, 300));
    Map<String, int[]> signatures = new LinkedHashMap<>();
    List<String> bucket = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      signatures.put("copy" + i, story);
      bucket.add("copy" + i);
    }
    assertThat(MinHash.copies(bucket, signatures)).hasSize(2999);
    assertThat(MinHash.clusters(signatures)).singleElement().satisfies(c -> assertThat(c).hasSize(3000));
  }

  @Test
  void aMemberLikeOnlyALaterMemberOfAGroupStillJoinsItAndABridgeJoinsTwoGroups() {
    // a and c differ in 40 of 120 positions (similarity 0.67, no copy); b agrees with each in
    // 100 (0.83). Whatever the order, the three are one cluster, as comparing every pair finds:
    // c must be compared with b, not only with the first member of b's group.
    int[] a = new int[MinHash.HASHES];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
    }
    int[] b = a.clone();
    for (int i = 0; i < 20; i++) {
      b[i] = 1000 + i;
    }
    int[] c = b.clone();
    for (int i = 100; i < 120; i++) {
      c[i] = 2000 + i;
    }
    Map<String, int[]> signatures = Map.of("a", a, "b", b, "c", c);
    assertThat(MinHash.similarity(a, c)).isLessThan(MinHash.THRESHOLD);
    for (List<String> order : List.of(List.of("a", "b", "c"), List.of("a", "c", "b"), List.of("c", "a", "b"))) {
      List<String[]> pairs = MinHash.copies(order, signatures);
      assertThat(pairs).as("order %s", order).hasSize(2);
      assertThat(MinHash.components(pairs)).as("order %s", order).containsExactly(List.of("a", "b", "c"));
    }
  }

  @Test
  void theSameInputGivesTheSameClustersInAnyOrder() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      String base = article(100 + i / 3, 300); // groups of three copies
      texts.put("doc" + i, i % 3 == 0 ? base : base + " extra words " + i);
    }
    List<List<String>> first = MinHash.clusters(signatures(texts));
    List<String> keys = new ArrayList<>(texts.keySet());
    Collections.shuffle(keys, new Random(7));
    Map<String, String> shuffled = new LinkedHashMap<>();
    keys.forEach(k -> shuffled.put(k, texts.get(k)));
    assertThat(MinHash.clusters(signatures(shuffled))).isEqualTo(first);
    assertThat(first).hasSize(13); // 40 docs in groups of three: 13 groups and one left alone
  }

  @Test
  void similarityEstimatesJaccard() {
    String a = article(9, 500);
    assertThat(MinHash.similarity(MinHash.signature(a), MinHash.signature(a))).isEqualTo(1.0);
    assertThat(MinHash.similarity(MinHash.signature(a), MinHash.signature(article(10, 500)))).isLessThan(0.2);
  }
}
