package org.presslens.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.presslens.corpus.Clusters;
import org.presslens.corpus.MinHash;
import scala.Tuple2;

/**
 * The embedded store's near-duplicate clusters, computed on Spark: the same MinHash signatures,
 * LSH bands and threshold ({@link MinHash}), so the same input gives the same clusters, with the
 * same ids and originals, as {@code presslens ingest}.
 *
 * <p>Signatures are spread over the cluster by band bucket; the pairs of each bucket that reach
 * the threshold are checked where the bucket lands; only those pairs (copies, a small share of a
 * news corpus) come back to the driver, which joins them into clusters.
 */
final class SparkClusters {
  private SparkClusters() {}

  /** The clusters of a table of (article, published, minhash) rows. */
  static List<Clusters.Cluster> of(Dataset<Row> signatures) {
    List<String[]> pairs = signatures.select("article", "minhash").javaRDD()
        .flatMapToPair(r -> {
          int[] sig = ints(r.getList(1));
          List<Tuple2<Long, Tuple2<String, int[]>>> out = new ArrayList<>();
          if (MinHash.comparable(sig)) {
            for (int band = 0; band < MinHash.BANDS; band++) {
              out.add(new Tuple2<>(MinHash.bandKey(sig, band), new Tuple2<>(r.getString(0), sig)));
            }
          }
          return out.iterator();
        })
        .groupByKey()
        .flatMap(bucket -> {
          Map<String, int[]> sigs = new HashMap<>();
          List<String> members = new ArrayList<>();
          for (Tuple2<String, int[]> m : bucket._2()) {
            if (sigs.put(m._1(), m._2()) == null) {
              members.add(m._1());
            }
          }
          return members.size() < 2 ? java.util.Collections.<Tuple2<String, String>>emptyIterator()
              : MinHash.copies(members, sigs).stream().map(p -> new Tuple2<>(p[0], p[1])).iterator();
        })
        .distinct()
        .collect()
        .stream()
        .map(p -> new String[] {p._1(), p._2()})
        .toList();
    List<List<String>> groups = MinHash.components(pairs);
    Set<String> members = new HashSet<>();
    groups.forEach(members::addAll);
    Broadcast<Set<String>> wanted = JavaSparkContext.fromSparkContext(signatures.sparkSession().sparkContext()).broadcast(members);
    Map<String, String> published = new HashMap<>();
    // A second, narrow pass for the members' dates: only the two small columns are read again.
    signatures.select("article", "published").javaRDD().filter(r -> wanted.value().contains(r.getString(0)))
        .collect()
        .forEach(r -> published.put(r.getString(0), r.isNullAt(1) ? null : r.getString(1)));
    wanted.destroy();
    return Clusters.of(groups, published).all();
  }

  private static int[] ints(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
