package org.presslens.corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The facet counts of a set of articles, by label, and for each source the counts its profile
 * shows: what whole-store statistics are made of, without a pass over every article.
 *
 * <p>Kept per Lucene segment, in the store's {@value #FOLDER} folder, one file per segment. A
 * segment never changes once written (deleting an article, or replacing it by its id, only marks
 * its old document deleted), so the totals over all of a segment's documents, deleted ones
 * included, are a fact of that segment, named by its name and its unique id. The store's totals
 * are the sum over the segments of a commit, less the totals of the documents each segment has
 * deleted (few: Lucene merges segments with many deletions away). A file is a cache and never the
 * truth: one that is missing (a store written before them, a crash between a commit and the
 * file), damaged (its checksum) or from another version is counted again from the segment and
 * rewritten; a file of a segment no commit holds any longer is deleted by the writer.
 */
final class FacetTotals {
  /** The folder beside the index that holds the totals of each segment. */
  static final String FOLDER = "facet-totals";
  private static final int FORMAT = 1;
  private static final String SUFFIX = ".totals";
  /** The facets a source's profile counts within its articles. */
  private static final Set<String> PROFILED = Set.of(Schema.PRAISED, Schema.CRITICISED, Schema.ORIGIN);

  /** dim → label → articles; no zero counts. */
  final Map<String, Map<String, Integer>> counts = new HashMap<>();
  /** source label → what its articles carry. */
  final Map<String, SourceTotals> sources = new HashMap<>();

  /** What one source's articles carry: the counts of {@link #PROFILED} and their technique shares. */
  static final class SourceTotals {
    /** dim → label → articles of this source; no zero counts. */
    final Map<String, Map<String, Integer>> counts = new HashMap<>();
    final ExactSum share = new ExactSum();
    /** Articles with a technique share (analysed for techniques). */
    int shared;
  }

  /** Articles with this label of this facet. */
  int count(String dim, String label) {
    return counts.getOrDefault(dim, Map.of()).getOrDefault(label, 0);
  }

  /**
   * The totals of the live articles of a reader: each segment's from its file, or counted and
   * written when it has none, less its deleted documents. A file that cannot be written (a
   * store on a read-only disk) is only not kept.
   */
  static FacetTotals of(Path store, DirectoryReader reader) throws IOException {
    FacetTotals all = new FacetTotals();
    for (LeafReaderContext leaf : reader.leaves()) {
      all.add(kept(store, leaf.reader()), 1);
      if (leaf.reader().hasDeletions()) {
        all.add(count(leaf.reader(), true), -1);
      }
    }
    return all;
  }

  /**
   * Writes the totals of each segment of {@code reader} that has none yet, and deletes the files
   * of segments that are neither in it nor in {@code alsoHeld} (the keys of the last commit's
   * segments). What the store's writer calls after each commit, so that statistics do not count.
   */
  static void keep(Path store, DirectoryReader reader, Set<String> alsoHeld) throws IOException {
    Set<String> held = new HashSet<>(alsoHeld);
    for (LeafReaderContext leaf : reader.leaves()) {
      String key = key(leaf.reader());
      if (key != null) {
        held.add(key);
        if (!Files.isRegularFile(file(store, key))) {
          write(store, key, count(leaf.reader(), false));
        }
      }
    }
    Path folder = store.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (!held.contains(name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name)) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** The keys of the segments of a commit. */
  static Set<String> keys(Collection<SegmentCommitInfo> segments) {
    Set<String> keys = new HashSet<>();
    segments.forEach(s -> keys.add(key(s.info)));
    return keys;
  }

  /** A segment's totals over all its documents: from its file, else counted (and the file written). */
  private static FacetTotals kept(Path store, LeafReader segment) throws IOException {
    String key = key(segment);
    if (key == null) {
      return count(segment, false);
    }
    FacetTotals known = read(file(store, key));
    if (known != null) {
      return known;
    }
    FacetTotals counted = count(segment, false);
    try {
      write(store, key, counted);
    } catch (IOException e) {
      // Only a cache: counted again next time.
    }
    return counted;
  }

  /** A segment's name and unique id, which no other segment of any store shares; null for a reader that is no segment. */
  private static String key(LeafReader leaf) {
    return FilterLeafReader.unwrap(leaf) instanceof SegmentReader s ? key(s.getSegmentInfo().info) : null;
  }

  private static String key(SegmentInfo info) {
    return info.name + "-" + StringHelper.idToString(info.getId());
  }

  private static Path file(Path store, String key) {
    return store.resolve(FOLDER).resolve(key + SUFFIX);
  }

  /**
   * Counts a segment's articles: all its documents, deleted or not, or ({@code deletedOnly})
   * only those it has deleted. Each facet value of each article once, and for an article with a
   * source, its profiled values and technique share under that source.
   */
  static FacetTotals count(LeafReader segment, boolean deletedOnly) throws IOException {
    FacetTotals totals = new FacetTotals();
    SortedSetDocValues values = segment.getSortedSetDocValues(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    if (values == null) {
      return totals;
    }
    int ords = Math.toIntExact(values.getValueCount());
    String[] dims = new String[ords];
    String[] labels = new String[ords];
    TermsEnum terms = values.termsEnum();
    int o = 0;
    for (BytesRef term = terms.next(); term != null; term = terms.next()) {
      String[] path = FacetsConfig.stringToPath(term.utf8ToString());
      dims[o] = path[0];
      labels[o++] = path.length > 1 ? path[1] : "";
    }
    boolean[] isSource = new boolean[ords];
    boolean[] profiled = new boolean[ords];
    for (int i = 0; i < ords; i++) {
      isSource[i] = dims[i].equals(Schema.SOURCE_FACET);
      profiled[i] = PROFILED.contains(dims[i]);
    }
    int[] n = new int[ords];
    Map<Long, int[]> bySource = new HashMap<>(); // source ord << 32 | profiled ord → articles
    Map<Integer, SourceTotals> shares = new HashMap<>(); // source ord → shares of its articles
    NumericDocValues share = segment.getNumericDocValues(Schema.TECHNIQUE_SHARE);
    Bits live = segment.getLiveDocs();
    int[] its = new int[16];
    for (int doc = 0; doc < segment.maxDoc(); doc++) {
      if (deletedOnly && (live == null || live.get(doc))) {
        continue;
      }
      if (!values.advanceExact(doc)) {
        continue; // a quote's document
      }
      int source = -1;
      int k = 0;
      for (int i = values.docValueCount(); i > 0; i--) {
        int ord = (int) values.nextOrd();
        n[ord]++;
        if (isSource[ord]) {
          source = ord;
        } else if (profiled[ord]) {
          if (k == its.length) {
            its = java.util.Arrays.copyOf(its, 2 * k);
          }
          its[k++] = ord;
        }
      }
      if (source < 0) {
        continue;
      }
      for (int i = 0; i < k; i++) {
        bySource.computeIfAbsent((long) source << 32 | its[i], x -> new int[1])[0]++;
      }
      if (share != null && share.advanceExact(doc)) {
        SourceTotals s = shares.computeIfAbsent(source, x -> new SourceTotals());
        s.share.add(Double.longBitsToDouble(share.longValue()));
        s.shared++;
      }
    }
    for (int i = 0; i < ords; i++) {
      if (n[i] > 0) {
        totals.counts.computeIfAbsent(dims[i], d -> new HashMap<>()).put(labels[i], n[i]);
      }
    }
    shares.forEach((source, s) -> totals.sources.put(labels[source], s));
    bySource.forEach((pair, count) -> {
      int source = (int) (pair >>> 32);
      int ord = (int) (long) pair;
      totals.sources.computeIfAbsent(labels[source], x -> new SourceTotals()).counts
          .computeIfAbsent(dims[ord], d -> new HashMap<>()).put(labels[ord], count[0]);
    });
    return totals;
  }

  /** Adds (sign 1) or takes away (sign -1) other totals; a count that reaches zero is dropped. */
  void add(FacetTotals other, int sign) {
    merge(counts, other.counts, sign);
    other.sources.forEach((source, theirs) -> {
      SourceTotals ours = sources.computeIfAbsent(source, x -> new SourceTotals());
      merge(ours.counts, theirs.counts, sign);
      ours.share.add(theirs.share, sign);
      ours.shared += sign * theirs.shared;
    });
  }

  private static void merge(Map<String, Map<String, Integer>> into, Map<String, Map<String, Integer>> from, int sign) {
    from.forEach((dim, labels) -> {
      Map<String, Integer> ours = into.computeIfAbsent(dim, d -> new HashMap<>());
      labels.forEach((label, count) -> {
        if (ours.merge(label, sign * count, Integer::sum) == 0) {
          ours.remove(label);
        }
      });
    });
  }

  /** Writes a segment's totals under a temporary name and moves them into place, so that no reader sees half a file. */
  private static void write(Path store, String key, FacetTotals totals) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(FORMAT);
    writeCounts(out, totals.counts);
    out.writeInt(totals.sources.size());
    for (Map.Entry<String, SourceTotals> s : totals.sources.entrySet()) {
      writeString(out, s.getKey());
      writeCounts(out, s.getValue().counts);
      out.writeInt(s.getValue().shared);
      double[] partials = s.getValue().share.partials();
      out.writeInt(partials.length);
      for (double p : partials) {
        out.writeDouble(p);
      }
    }
    CRC32 crc = new CRC32();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    out.flush();
    Path target = file(store, key);
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), key, ".partial");
    try {
      Files.write(partial, bytes.toByteArray());
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** A segment's totals from their file; null when there is none, or it is damaged or of another format. */
  private static FacetTotals read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
    if (bytes.length < 12) {
      return null;
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      in.skipNBytes(bytes.length - 8);
      if (in.readLong() != crc.getValue()) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
      if (in.readInt() != FORMAT) {
        return null;
      }
      FacetTotals totals = new FacetTotals();
      readCounts(in, totals.counts);
      for (int i = in.readInt(); i > 0; i--) {
        SourceTotals s = new SourceTotals();
        totals.sources.put(readString(in), s);
        readCounts(in, s.counts);
        s.shared = in.readInt();
        for (int p = in.readInt(); p > 0; p--) {
          s.share.add(in.readDouble());
        }
      }
      return totals;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static void writeCounts(DataOutputStream out, Map<String, Map<String, Integer>> counts) throws IOException {
    out.writeInt(counts.size());
    for (Map.Entry<String, Map<String, Integer>> dim : counts.entrySet()) {
      writeString(out, dim.getKey());
      out.writeInt(dim.getValue().size());
      for (Map.Entry<String, Integer> label : dim.getValue().entrySet()) {
        writeString(out, label.getKey());
        out.writeInt(label.getValue());
      }
    }
  }

  private static void readCounts(DataInputStream in, Map<String, Map<String, Integer>> counts) throws IOException {
    for (int d = in.readInt(); d > 0; d--) {
      Map<String, Integer> labels = new HashMap<>();
      counts.put(readString(in), labels);
      for (int l = in.readInt(); l > 0; l--) {
        labels.put(readString(in), in.readInt());
      }
    }
  }

  /** UTF-8 with its length in front: names longer than writeUTF's 64 KB limit survive. */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
  }
}
