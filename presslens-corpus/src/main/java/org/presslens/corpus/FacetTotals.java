package org.presslens.corpus;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The facet counts of the live articles of a store, by label, and for each source the counts its
 * profile shows: what whole-store statistics are made of, without a pass over every article.
 *
 * <p>Kept per Lucene segment, in the store's {@value #FOLDER} folder, one file per segment. A
 * segment never changes once written (deleting an article, or replacing it by its id, only marks
 * its old document deleted), so the totals over all of a segment's documents, deleted ones
 * included, are a fact of that segment, named by its name and its unique id. The store's totals
 * are the sum over the segments of a commit, less the totals of the documents each segment has
 * deleted (few: Lucene merges segments with many deletions away). A file is a cache and never the
 * truth: one that is missing (a store written before them, a crash between a commit and the
 * file), damaged (its checksums) or of another format is counted again from the segment and
 * rewritten; a file of a segment no commit holds any longer is deleted by the writer.
 *
 * <p>A file holds the segment's counts, then one section per source (the counts within its
 * articles, which grow with sources times the entities they portray), read only for the sources
 * a profile is asked of: stats profile the top sources, not all of them.
 */
final class FacetTotals {
  /** The folder beside the index that holds the totals of each segment. */
  static final String FOLDER = "facet-totals";
  private static final int FORMAT = 2;
  private static final String SUFFIX = ".totals";
  /** The facets a source's profile counts within its articles. */
  private static final Set<String> PROFILED = Set.of(Schema.PRAISED, Schema.CRITICISED, Schema.ORIGIN);

  /** dim → label → articles; no zero counts. */
  final Map<String, Map<String, Integer>> counts = new HashMap<>();
  /** Articles stored without facets, by an older PressLens, deleted ones included: stats cannot count them. */
  int withoutFacets;
  /** Each segment's sources, with the sign they count with: 1 for all its documents, -1 for its deleted ones. */
  private final List<Map.Entry<Sources, Integer>> parts = new ArrayList<>();
  /** The sources asked of so far, summed over {@link #parts}. */
  private final Map<String, SourceTotals> sources = new HashMap<>();

  /** What one source's articles carry: the counts of {@link #PROFILED} and their technique shares. */
  static final class SourceTotals {
    /** dim → label → articles of this source; no zero counts. */
    final Map<String, Map<String, Integer>> counts = new HashMap<>();
    final ExactSum share = new ExactSum();
    /** Articles with a technique share (analysed for techniques). */
    int shared;

    private void add(SourceTotals other, int sign) {
      merge(counts, other.counts, sign);
      share.add(other.share, sign);
      shared += sign * other.shared;
    }
  }

  /** One segment's sources, counted in memory or read from its file. */
  private interface Sources {
    /** The totals in this segment of those of {@code sources} any of its articles is from. */
    Map<String, SourceTotals> get(Collection<String> sources) throws IOException;
  }

  /** One segment's counts, label by label (dims[i], labels[i]: counts[i] articles; no zero counts), and its sources. */
  private record Segment(String[] dims, String[] labels, int[] counts, Sources sources) {
    int count(String dim, String label) {
      for (int i = 0; i < counts.length; i++) {
        if (labels[i].equals(label) && dims[i].equals(dim)) {
          return counts[i];
        }
      }
      return 0;
    }
  }

  /** Articles with this label of this facet. */
  int count(String dim, String label) {
    return counts.getOrDefault(dim, Map.of()).getOrDefault(label, 0);
  }

  /** What each of some sources' articles carry (empty for a source with none): each segment's file read once. */
  synchronized Map<String, SourceTotals> sources(Collection<String> names) throws IOException {
    List<String> unknown = names.stream().filter(n -> !sources.containsKey(n)).toList();
    unknown.forEach(n -> sources.put(n, new SourceTotals()));
    if (!unknown.isEmpty()) {
      for (Map.Entry<Sources, Integer> part : parts) {
        part.getKey().get(unknown).forEach((n, its) -> sources.get(n).add(its, part.getValue()));
      }
    }
    Map<String, SourceTotals> asked = new HashMap<>();
    names.forEach(n -> asked.put(n, sources.get(n)));
    return asked;
  }

  /**
   * The totals of the live articles of a reader: each segment's from its file, or counted and
   * written when it has none, less its deleted documents. A file that cannot be written (a
   * store on a read-only disk) is only not kept.
   */
  static FacetTotals of(Path store, DirectoryReader reader) throws IOException {
    FacetTotals all = new FacetTotals();
    for (LeafReaderContext leaf : reader.leaves()) {
      Segment segment = kept(store, leaf.reader());
      // Every article stored with facets carries kind/article; compared over all the segment's
      // documents, deleted or not, which Lucene counts without visiting any.
      all.withoutFacets += Math.max(0, leaf.reader().docFreq(new Term(Schema.KIND, Schema.ARTICLE)) - segment.count(Schema.KIND, Schema.ARTICLE));
      all.add(segment, 1);
      if (leaf.reader().hasDeletions()) {
        all.add(count(leaf.reader(), true), -1);
      }
    }
    return all;
  }

  private void add(Segment segment, int sign) {
    Map<String, Integer> labels = null;
    String dim = null;
    for (int i = 0; i < segment.counts().length; i++) {
      if (!segment.dims()[i].equals(dim)) { // a segment's labels come dim by dim
        dim = segment.dims()[i];
        labels = counts.computeIfAbsent(dim, d -> new HashMap<>());
      }
      if (labels.merge(segment.labels()[i], sign * segment.counts()[i], Integer::sum) == 0) {
        labels.remove(segment.labels()[i]);
      }
    }
    parts.add(Map.entry(segment.sources(), sign));
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
  private static Segment kept(Path store, LeafReader segment) throws IOException {
    String key = key(segment);
    if (key == null) {
      return count(segment, false);
    }
    Segment known = read(file(store, key), segment);
    if (known != null) {
      return known;
    }
    Segment counted = count(segment, false);
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
  static Segment count(LeafReader segment, boolean deletedOnly) throws IOException {
    Map<String, SourceTotals> sources = new HashMap<>();
    SortedSetDocValues values = segment.getSortedSetDocValues(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    if (values == null) {
      return new Segment(new String[0], new String[0], new int[0], new InMemory(sources));
    }
    int ords = Math.toIntExact(values.getValueCount());
    // The values sort as "dim\u001flabel", so each dim's values are one range of ordinals.
    long[] sourceOrds = range(values, Schema.SOURCE_FACET);
    List<long[]> profiledOrds = new ArrayList<>();
    for (String dim : PROFILED) {
      profiledOrds.add(range(values, dim));
    }
    boolean[] isSource = new boolean[ords];
    boolean[] profiled = new boolean[ords];
    for (int i = 0; i < ords; i++) {
      isSource[i] = i >= sourceOrds[0] && i < sourceOrds[1];
      for (long[] r : profiledOrds) {
        profiled[i] |= i >= r[0] && i < r[1];
      }
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
    // Only the values counted are read back: all of them for a whole segment (in order), the few of its deleted documents.
    String[] dims = new String[ords];
    String[] labels = new String[ords];
    TermsEnum terms = deletedOnly ? null : values.termsEnum();
    for (int i = 0; i < ords; i++) {
      BytesRef term = terms != null ? terms.next() : n[i] > 0 ? values.lookupOrd(i) : null;
      if (term != null && n[i] > 0) {
        String[] path = FacetsConfig.stringToPath(term.utf8ToString());
        dims[i] = path[0];
        labels[i] = path.length > 1 ? path[1] : "";
      }
    }
    int nonzero = (int) java.util.Arrays.stream(n).filter(c -> c > 0).count();
    String[] dimOf = new String[nonzero];
    String[] labelOf = new String[nonzero];
    int[] counts = new int[nonzero];
    for (int i = 0, j = 0; i < ords; i++) {
      if (n[i] > 0) {
        dimOf[j] = dims[i];
        labelOf[j] = labels[i];
        counts[j++] = n[i];
      }
    }
    shares.forEach((source, s) -> sources.put(labels[source], s));
    bySource.forEach((pair, count) -> {
      int source = (int) (pair >>> 32);
      int ord = (int) (long) pair;
      sources.computeIfAbsent(labels[source], x -> new SourceTotals()).counts
          .computeIfAbsent(dims[ord], d -> new HashMap<>()).put(labels[ord], count[0]);
    });
    return new Segment(dimOf, labelOf, counts, new InMemory(sources));
  }

  /** The ordinals [from, to) of one dim's values. */
  private static long[] range(SortedSetDocValues values, String dim) throws IOException {
    long from = values.lookupTerm(new BytesRef(dim + FacetsConfig.DELIM_CHAR));
    long to = values.lookupTerm(new BytesRef(dim + (char) (FacetsConfig.DELIM_CHAR + 1)));
    return new long[] {from < 0 ? -from - 1 : from, to < 0 ? -to - 1 : to};
  }

  /** A segment's sources as counted. */
  private record InMemory(Map<String, SourceTotals> all) implements Sources {
    @Override
    public Map<String, SourceTotals> get(Collection<String> sources) {
      Map<String, SourceTotals> asked = new HashMap<>();
      sources.forEach(s -> {
        if (all.containsKey(s)) {
          asked.put(s, all.get(s));
        }
      });
      return asked;
    }
  }

  /** Adds (sign 1) or takes away (sign -1) counts; a count that reaches zero is dropped. */
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

  // A file: the format, then the header (its length, bytes and CRC-32): the segment's counts (their
  // number, then dim by dim: the dim, its number of labels, each label and count) and, for each source, where its section lies (offset after the header, length, CRC-32); then the sections.

  /** Writes a segment's totals under a temporary name and moves them into place, so that no reader sees half a file. */
  private static void write(Path store, String key, Segment segment) throws IOException {
    Map<String, SourceTotals> all = ((InMemory) segment.sources()).all();
    ByteArrayOutputStream sections = new ByteArrayOutputStream();
    DataOutputStream sectionsOut = new DataOutputStream(sections);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    DataOutputStream headerOut = new DataOutputStream(header);
    headerOut.writeInt(segment.counts().length);
    for (int i = 0; i < segment.counts().length; ) { // dim by dim: the dim once, then its labels
      String dim = segment.dims()[i];
      int end = i;
      while (end < segment.counts().length && segment.dims()[end].equals(dim)) {
        end++;
      }
      writeString(headerOut, dim);
      headerOut.writeInt(end - i);
      for (; i < end; i++) {
        writeString(headerOut, segment.labels()[i]);
        headerOut.writeInt(segment.counts()[i]);
      }
    }
    headerOut.writeInt(all.size());
    for (Map.Entry<String, SourceTotals> s : all.entrySet()) {
      ByteArrayOutputStream section = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(section);
      writeCounts(out, s.getValue().counts);
      out.writeInt(s.getValue().shared);
      double[] partials = s.getValue().share.partials();
      out.writeInt(partials.length);
      for (double p : partials) {
        out.writeDouble(p);
      }
      byte[] bytes = section.toByteArray();
      writeString(headerOut, s.getKey());
      headerOut.writeLong(sections.size());
      headerOut.writeInt(bytes.length);
      headerOut.writeLong(crc(bytes, 0, bytes.length));
      sectionsOut.write(bytes);
    }
    byte[] head = header.toByteArray();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(file);
    out.writeInt(FORMAT);
    out.writeInt(head.length);
    out.write(head);
    out.writeLong(crc(head, 0, head.length));
    sections.writeTo(out);
    out.flush();
    Path target = file(store, key);
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), key, ".partial");
    try {
      Files.write(partial, file.toByteArray());
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * A segment's totals from their file: its counts now, each source's section when asked (a
   * section found damaged then, or a file gone with its merged segment, is counted again from the
   * segment). Null when there is no file, or its header is damaged or of another format.
   */
  private static Segment read(Path file, LeafReader segment) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer start = ByteBuffer.allocate(8);
      if (readFully(channel, start, 0) < 8 || start.getInt(0) != FORMAT || start.getInt(4) < 0
          || start.getInt(4) > channel.size()) {
        return null;
      }
      ByteBuffer head = ByteBuffer.allocate(start.getInt(4) + 8);
      if (readFully(channel, head, 8) < head.capacity()
          || crc(head.array(), 0, head.capacity() - 8) != head.getLong(head.capacity() - 8)) {
        return null;
      }
      long sectionsAt = 8L + head.capacity();
      head.flip();
      int n = head.getInt();
      String[] dims = new String[n];
      String[] labels = new String[n];
      int[] counts = new int[n];
      for (int i = 0; i < n; ) {
        String dim = readString(head);
        for (int run = head.getInt(); run > 0; run--, i++) {
          dims[i] = dim;
          labels[i] = readString(head);
          counts[i] = head.getInt();
        }
      }
      Map<String, long[]> index = new HashMap<>(); // source → offset, length, CRC-32
      for (int i = head.getInt(); i > 0; i--) {
        index.put(readString(head), new long[] {sectionsAt + head.getLong(), head.getInt(), head.getLong()});
      }
      return new Segment(dims, labels, counts, new InFile(file, index, segment));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A segment's sources in its file, each section read when asked. */
  private static final class InFile implements Sources {
    private final Path file;
    private final Map<String, long[]> index;
    private final LeafReader segment;
    private InMemory counted;

    InFile(Path file, Map<String, long[]> index, LeafReader segment) {
      this.file = file;
      this.index = index;
      this.segment = segment;
    }

    @Override
    public Map<String, SourceTotals> get(Collection<String> sources) throws IOException {
      Map<String, SourceTotals> asked = new HashMap<>();
      if (counted == null) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
          for (String source : sources) {
            long[] at = index.get(source);
            if (at != null) {
              ByteBuffer section = ByteBuffer.allocate(Math.toIntExact(at[1]));
              if (readFully(channel, section, at[0]) < section.capacity() || crc(section.array(), 0, section.capacity()) != at[2]) {
                throw new IOException(file + ": a damaged section");
              }
              section.flip();
              SourceTotals s = new SourceTotals();
              readCounts(section, s.counts);
              s.shared = section.getInt();
              for (int p = section.getInt(); p > 0; p--) {
                s.share.add(section.getDouble());
              }
              asked.put(source, s);
            }
          }
          return asked;
        } catch (IOException | RuntimeException e) {
          counted = (InMemory) count(segment, false).sources(); // a damaged section, or a file gone with its merged segment
        }
      }
      return counted.get(sources);
    }
  }

  /** Reads from {@code position} until the buffer is full or the file ends; the bytes read. */
  private static int readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    int read = 0;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + read);
      if (n < 0) {
        break;
      }
      read += n;
    }
    return read;
  }

  private static long crc(byte[] bytes, int from, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, from, length);
    return crc.getValue();
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

  private static void readCounts(ByteBuffer in, Map<String, Map<String, Integer>> counts) {
    for (int d = in.getInt(); d > 0; d--) {
      String dim = readString(in);
      int n = in.getInt();
      Map<String, Integer> labels = new HashMap<>(2 * n);
      counts.put(dim, labels);
      for (int l = n; l > 0; l--) {
        labels.put(readString(in), in.getInt());
      }
    }
  }

  /** UTF-8 with its length in front: names longer than writeUTF's 64 KB limit survive. */
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(ByteBuffer in) {
    byte[] utf8 = new byte[in.getInt()];
    in.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
