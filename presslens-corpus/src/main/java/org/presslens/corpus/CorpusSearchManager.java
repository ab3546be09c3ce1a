package org.presslens.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.store.FSDirectory;

/**
 * A long-lived reader of a store that another process may be writing: Lucene's {@code
 * SearcherManager}, for {@link CorpusSearch}es. {@link #acquire()} gives the newest snapshot
 * (one commit, with its clusters and facet state), {@link #release} gives it back, and {@link
 * #maybeRefresh()} moves to the store's latest commit; a snapshot in use stays open until its
 * last user releases it, so a refresh never pulls a reader from under a request.
 */
public final class CorpusSearchManager extends ReferenceManager<CorpusSearch> {
  private final Path folder;
  private final FSDirectory directory;
  private FileTime clustersTime;

  private CorpusSearchManager(Path folder, FSDirectory directory) throws IOException {
    this.folder = folder;
    this.directory = directory;
    this.clustersTime = clustersTime();
    current = new CorpusSearch(folder, null, DirectoryReader.open(directory));
  }

  /** A manager over the store in {@code folder}; an IOException, saying why, when it has no commit yet. */
  public static CorpusSearchManager open(Path folder) throws IOException {
    FSDirectory directory = CorpusSearch.openIndex(folder);
    try {
      return new CorpusSearchManager(folder, directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  @Override
  protected void decRef(CorpusSearch search) throws IOException {
    search.reader().decRef();
  }

  /**
   * A new snapshot when the index has a new commit, or when the clusters were rewritten (an
   * ingest writes them just after its last commit); null when nothing changed.
   */
  @Override
  protected CorpusSearch refreshIfNeeded(CorpusSearch old) throws IOException {
    DirectoryReader newer = DirectoryReader.openIfChanged(old.reader());
    FileTime clusters = clustersTime();
    boolean reclustered = clusters != null && !clusters.equals(clustersTime);
    if (newer == null && !reclustered) {
      return null;
    }
    if (newer == null) {
      old.reader().incRef(); // the same commit, read again with the new clusters
      newer = old.reader();
    }
    try {
      CorpusSearch search = new CorpusSearch(folder, null, newer, old); // shares old's facet state when the commit is the same
      clustersTime = clusters;
      return search;
    } catch (IOException | RuntimeException e) {
      newer.decRef();
      throw e;
    }
  }

  @Override
  protected boolean tryIncRef(CorpusSearch search) {
    return search.reader().tryIncRef();
  }

  @Override
  protected int getRefCount(CorpusSearch search) {
    return search.reader().getRefCount();
  }

  @Override
  protected void afterClose() throws IOException {
    directory.close();
  }

  private FileTime clustersTime() throws IOException {
    Path file = folder.resolve(CorpusStore.CLUSTERS_FILE);
    try {
      return Files.getLastModifiedTime(file);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }
}
