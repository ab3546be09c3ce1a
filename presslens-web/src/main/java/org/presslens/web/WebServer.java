package org.presslens.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import org.eclipse.jetty.server.MultiPartFormInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.presslens.core.Article;
import org.presslens.core.ArticleId;
import org.presslens.core.Document;
import org.presslens.core.PersuasionTechnique;
import org.presslens.core.Pipeline;
import org.presslens.core.json.ContractJson;
import org.presslens.corpus.Clusters;
import org.presslens.corpus.CorpusSearch;
import org.presslens.corpus.CorpusSearchManager;
import org.presslens.corpus.CorpusStats;
import org.presslens.corpus.CorpusStore;
import org.presslens.ingest.BadInputException;
import org.presslens.ingest.HtmlArticles;
import org.presslens.ingest.Inputs;
import org.presslens.ingest.TextArticles;

/**
 * {@code presslens serve}: the REST API (specified in {@code /openapi.json}) and the web UI, one
 * Javalin process over the embedded store. Everything a client sends is hostile input: bodies are
 * limited in size, errors are JSON with a one-line message, nothing reads or writes outside the
 * store, and the UI's pages allow scripts from this origin only (no inline scripts), render every
 * text through the DOM's text nodes, and are served with security headers. CORS is off: browsers
 * on other origins cannot read the API.
 */
public final class WebServer implements AutoCloseable {
  /**
   * @param store the store folder (need not exist: the API then serves an empty corpus)
   * @param host the interface to listen on; 127.0.0.1 by default, so that nothing outside this
   *     machine reaches it unless asked
   * @param port 0 for any free port
   * @param ingestToken the token that POST /api/ingest needs; null turns ingest off
   * @param maxBodyBytes the largest request body accepted; larger ones get 413
   * @param maxSeconds the budget of one request that analyses, in seconds, from the first byte of
   *     its body read to its answer (receiving the body and waiting for a free worker included):
   *     past it the request gets 503 (408 while its body is still arriving) and its analysis stops
   * @throws IllegalArgumentException for an ingest token that guards nothing: empty, blank, or
   *     what scripts print for a missing value ("null", "undefined", "None"); or a budget under 1 s
   */
  public record Settings(Path store, String host, int port, String ingestToken, long maxBodyBytes, int maxSeconds) {
    /** The budget {@code presslens serve} gives an analysis unless told otherwise; see docs/WEB.md for why. */
    public static final int DEFAULT_MAX_SECONDS = 60;

    /** Settings with the default analysis budget. */
    public Settings(Path store, String host, int port, String ingestToken, long maxBodyBytes) {
      this(store, host, port, ingestToken, maxBodyBytes, DEFAULT_MAX_SECONDS);
    }

    public Settings {
      if (maxSeconds < 1) {
        throw new IllegalArgumentException("the analysis budget must be at least 1 second, not " + maxSeconds);
      }
      if (ingestToken != null && (ingestToken.isBlank() || PLACEHOLDER_TOKENS.contains(ingestToken.strip().toLowerCase(java.util.Locale.ROOT)))) {
        throw new IllegalArgumentException("the ingest token '" + ingestToken + "' guards nothing (empty, or what a script "
            + "prints for a missing value); give a secret, or leave the token out to keep ingest off");
      }
    }
  }

  private static final Set<String> PLACEHOLDER_TOKENS = Set.of("null", "undefined", "none", "nil");

  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
  private static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "no-referrer",
      "Cross-Origin-Opener-Policy", "same-origin");
  /** The contract's analysis layers, which {@code ?layers=} can select. */
  private static final Set<String> LAYERS = Set.of("sentences", "entities", "quotes", "claims", "techniques",
      "technique_share", "stance", "provenance");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  /** Trailing tokens after the body's value ("{…} garbage") make it malformed rather than being ignored. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int MAX_LIMIT = 200;
  private static final int FACET_VALUES = 8;

  private final Settings settings;
  /** Whether only this machine can reach the server (it listens on a loopback interface); see {@link #fetched}. */
  private final boolean loopbackOnly;
  private final Pipeline pipeline;
  private final Javalin app;
  /** The store's reader, refreshed to its latest commit; null until the store has one. */
  private volatile CorpusSearchManager searches;
  /** Refreshes the store's snapshot, and closes the connections of refused bodies. */
  private final java.util.concurrent.ScheduledExecutorService scheduler =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "presslens-scheduler");
        t.setDaemon(true);
        return t;
      });
  /**
   * Reclusters the store after ingests, one run at a time, off the requests' path: an ingest is
   * answered once its article is committed, and the clusters follow (at a million articles a
   * recluster takes minutes). Ingests that arrive during a run ask for one more run, not one each.
   */
  private final java.util.concurrent.ExecutorService reclusters =
      java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "presslens-recluster");
        t.setDaemon(true);
        return t;
      });
  private final java.util.concurrent.atomic.AtomicBoolean reclusterQueued = new java.util.concurrent.atomic.AtomicBoolean();
  private static final String SNAPSHOT = "presslens.snapshot";
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
  /**
   * The analyses: one worker per core, since each is CPU-bound, and a short queue; a request
   * beyond both is told the server is busy at once rather than piling up threads and memory.
   */
  private final java.util.concurrent.ThreadPoolExecutor analyses;

  private WebServer(Settings settings, Pipeline pipeline) {
    this.settings = settings;
    this.loopbackOnly = isLoopback(settings.host());
    this.pipeline = pipeline;
    int workers = Runtime.getRuntime().availableProcessors();
    this.analyses = new java.util.concurrent.ThreadPoolExecutor(workers, workers, 0, java.util.concurrent.TimeUnit.SECONDS,
        new java.util.concurrent.ArrayBlockingQueue<>(4 * workers), r -> {
          // Analyses yield the cores to searches when both want them: a search is a few
          // milliseconds someone waits for; an analysis takes a tenth of a second or more anyway.
          Thread t = new Thread(() -> {
            Niceness.lowerThisThread(Niceness.ANALYSIS);
            r.run();
          }, "presslens-analysis");
          t.setDaemon(true);
          return t;
        });
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = settings.maxBodyBytes();
      config.http.prefer405over404 = true; // GET /api/analyze: the path exists, the method does not
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/org/presslens/web/static";
        files.location = Location.CLASSPATH;
        files.headers = SECURITY_HEADERS;
      });
    });
    app.before(ctx -> {
      SECURITY_HEADERS.forEach(ctx::header);
      long length = ctx.req().getContentLengthLong();
      if (length > settings.maxBodyBytes()) {
        throw tooLarge("request body of " + length + " bytes is over the limit of " + settings.maxBodyBytes() + " bytes");
      }
    });
    app.post("/api/analyze", this::analyze);
    app.get("/api/search", releasing(this::searchArticles));
    app.get("/api/articles/{id}", releasing(this::article));
    app.get("/api/quotes", releasing(this::quotes));
    app.get("/api/stats", releasing(this::stats));
    app.get("/api/clusters/{id}", releasing(this::cluster));
    app.post("/api/ingest", this::ingest);
    app.get("/api/techniques", ctx -> {
      ArrayNode list = JSON.createArrayNode();
      for (PersuasionTechnique t : PersuasionTechnique.values()) {
        list.addObject().put("name", t.label()).put("title", t.title()).put("definition", t.definition());
      }
      ctx.json(list);
    });
    app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(resource("openapi.json")));
    app.get("/api", ctx -> ctx.contentType("text/html; charset=utf-8").result(resource("static/api.html")));
    app.exception(ApiError.class, (e, ctx) -> {
      if (e.leavesBodyUnread) {
        refuseBody(ctx, e.status, e.getMessage());
      } else {
        error(ctx, e.status, e.getMessage());
      }
    });
    app.exception(HttpResponseException.class, (e, ctx) -> {
      if (e.getStatus() == 405) { // a 405 names the methods the path takes (RFC 9110 §15.5.6)
        String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
        if (allowed != null) {
          ctx.header("Allow", allowed.replaceAll("[\\[\\]]", ""));
        }
      }
      error(ctx, e.getStatus(), e.getMessage());
    });
    app.exception(io.javalin.validation.ValidationException.class,
        (e, ctx) -> error(ctx, 400, "bad parameter " + String.join(", ", e.getErrors().keySet())));
    app.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal error: " + e.getClass().getSimpleName()));
  }

  /**
   * Starts serving; returns once the port is open. The server looks for new commits of the
   * store every {@value #REFRESH_SECONDS} s, so articles another process ingests show up without
   * a restart.
   */
  public static WebServer start(Settings settings, Pipeline pipeline) {
    WebServer server = new WebServer(settings, pipeline);
    server.app.start(settings.host(), settings.port());
    server.scheduler.scheduleWithFixedDelay(server::refresh, REFRESH_SECONDS, REFRESH_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    try {
      if (CorpusStore.clustersBehind(settings.store())) {
        server.reclusterSoon(); // a server stopped before its last recluster ran: catch up
      }
    } catch (IOException e) {
      // an unreadable store: the requests will say so
    }
    return server;
  }

  /**
   * Queues a recluster of the store's last commit unless one is queued already; the snapshot
   * moves to the new clusters when it is written. A failure leaves the old clusters, says so on
   * standard error, and the next ingest tries again.
   */
  private void reclusterSoon() {
    if (!reclusterQueued.compareAndSet(false, true)) {
      return;
    }
    reclusters.execute(() -> {
      reclusterQueued.set(false); // from here an ingest queues another run, which will see its commit
      try {
        CorpusStore.recluster(settings.store());
        CorpusSearchManager m = manager();
        if (m != null) {
          m.maybeRefresh();
        }
      } catch (java.io.InterruptedIOException e) {
        // the server is stopping
      } catch (IOException | RuntimeException e) {
        System.err.println("presslens serve: reclustering " + settings.store() + " failed, the clusters stay as they were: " + e);
      }
    });
  }

  /** How often the server looks for a newer commit of the store. */
  static final int REFRESH_SECONDS = 1;

  private void refresh() {
    try {
      CorpusSearchManager m = manager();
      if (m != null) {
        m.maybeRefresh();
      }
    } catch (IOException | RuntimeException e) {
      // the store is mid-change or gone: the requests keep the last good snapshot, and the next tick tries again
    }
  }

  /** The port served, useful when {@link Settings#port()} was 0. */
  public int port() {
    return app.port();
  }

  @Override
  public synchronized void close() throws IOException {
    app.stop();
    scheduler.shutdownNow();
    analyses.shutdownNow();
    reclusters.shutdownNow(); // a recluster stops at its next article; the clusters file stays whole
    try {
      reclusters.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (searches != null) {
      searches.close();
    }
  }

  // ---- analysis ----

  private void analyze(Context ctx) throws IOException {
    Document doc = analyse(ctx, articleFrom(ctx, "request"));
    ObjectNode json = ContractJson.toTree(doc);
    String layers = ctx.queryParam("layers");
    if (layers != null) {
      Set<String> wanted = Set.of(layers.split(","));
      for (String w : wanted) {
        if (!LAYERS.contains(w)) {
          throw new ApiError(400, "unknown layer '" + w + "'; layers are " + String.join(", ", new java.util.TreeSet<>(LAYERS)));
        }
      }
      LAYERS.stream().filter(l -> !wanted.contains(l)).forEach(json::remove);
    }
    ctx.json(json);
  }

  /**
   * Analyses a request's article within its budget ({@link Settings#maxSeconds()}): 503 when the
   * workers and their queue are full, or when the budget runs out; 422 when the article is too
   * deeply nested or too long for the analysis to hold. While it waits, the request looks every
   * {@value #CLIENT_CHECK_MILLIS} ms whether its client is still connected ({@link
   * ClientConnection}). Whenever the request ends before its analysis (budget spent, client gone,
   * server stopping), the analysis is interrupted and stops within a sentence, or leaves the queue.
   */
  private Document analyse(Context ctx, Article article) {
    java.util.concurrent.Future<Document> result;
    try {
      result = analyses.submit(() -> pipeline.analyze(article));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new ApiError(503, "busy: " + analyses.getActiveCount() + " analyses are running and "
          + analyses.getQueue().size() + " waiting; try again shortly");
    }
    ClientConnection client = ClientConnection.of(ctx);
    long deadline = deadline(ctx);
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new ApiError(503, "the analysis did not finish within the server's budget of " + settings.maxSeconds()
              + " s and was stopped; send a shorter article, or start the server with a larger --max-seconds");
        }
        try {
          return result.get(Math.min(left, java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(CLIENT_CHECK_MILLIS)),
              java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          if (client.gone()) {
            // Nobody reads this answer; 499 is the status servers log for a client that closed first.
            throw new ApiError(CLIENT_CLOSED, "the client closed the connection; its analysis was stopped");
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(503, "the server is stopping");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof StackOverflowError) {
        throw new ApiError(422, article.input() + ": too deeply nested or too long to analyse (stack overflow)");
      }
      if (e.getCause() instanceof OutOfMemoryError) {
        // One huge array (the encoder's vectors of a book-length text) that the heap cannot hold:
        // that analysis fails alone, the server goes on.
        throw new ApiError(422, article.input() + ": too long to analyse in the server's memory ("
            + article.text().length() + " characters); send it in parts");
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      // A no-op when it finished; else its worker is interrupted, or its place in the queue freed.
      if (result.cancel(true) && result instanceof Runnable queued) {
        analyses.remove(queued);
      }
    }
  }

  /** How often a request waiting for its analysis looks whether its client is still there. */
  static final long CLIENT_CHECK_MILLIS = 250;
  private static final int CLIENT_CLOSED = 499;

  /** Analyses running or waiting for a worker: what a test reads to see that abandoned work stopped. */
  int analysesInFlight() {
    return analyses.getActiveCount() + analyses.getQueue().size();
  }

  /**
   * The article a request carries, by its Content-Type: text/plain (also with no type, or
   * curl's default application/x-www-form-urlencoded), text/html, application/json with "text"
   * or "html" (and "url", "title", … kept as metadata; that URL is never fetched) or with
   * "fetch", the address of a page for the server to fetch ({@link #fetched}), or
   * multipart/form-data whose uploaded file is read by its own type or name. A declared charset
   * is honoured; a byte-order mark overrides it. Anything else (XML, PDF, images) is 415.
   */
  private Article articleFrom(Context ctx, String name) throws IOException {
    byte[] body = body(ctx);
    if (body.length == 0) {
      throw new ApiError(400, "empty body: send the article as text/plain, text/html or JSON with \"text\" or \"html\"");
    }
    String type = ctx.contentType();
    if (mediaType(type).equals("multipart/form-data")) {
      Part upload = uploadedPart(body, type);
      String partType = upload.getContentType();
      String file = String.valueOf(upload.getSubmittedFileName()).toLowerCase(java.util.Locale.ROOT);
      if (partType == null || mediaType(partType).equals("application/octet-stream")) {
        // Browsers send a file's type from its extension, and octet-stream when they know none.
        partType = upload.getName().equals("html") || file.endsWith(".html") || file.endsWith(".htm") ? "text/html"
            : file.endsWith(".json") ? "application/json" : "text/plain";
      }
      if (mediaType(partType).startsWith("multipart/")) {
        throw new ApiError(415, "a multipart upload inside a multipart upload is not read");
      }
      return article(name, upload.getInputStream().readAllBytes(), partType);
    }
    return article(name, body, type);
  }

  /** The article in a body of one media type; see {@link #articleFrom}. */
  private Article article(String name, byte[] body, String type) {
    String media = mediaType(type);
    Charset charset = charset(type);
    try {
      switch (media) {
        case "application/json" -> {
          JsonNode node;
          try {
            node = charset == null ? JSON.readTree(body) : JSON.readTree(new String(body, charset));
          } catch (IOException e) {
            throw new ApiError(400, "malformed JSON body (" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? j.getOriginalMessage() : e.getMessage()) + ")");
          }
          if (node.isObject() && node.has("fetch")) {
            return fetched(node);
          }
          try {
            Inputs.requireShape(name, node);
          } catch (BadInputException e) {
            throw new ApiError(400, e.getMessage());
          }
          String text = text(node, "text");
          if (!node.hasNonNull("html") && (text == null || text.isBlank())) {
            throw new ApiError(400, "the JSON body needs a non-empty \"text\" or \"html\"");
          }
          return Inputs.article(name, node);
        }
        case "text/html", "application/xhtml+xml" -> {
          return HtmlArticles.of(name, body, null, charset);
        }
        case "text/plain", "", "application/x-www-form-urlencoded" -> {
          return TextArticles.of(name, body, charset);
        }
        default -> throw new ApiError(415, "Content-Type " + media + " is not read: send text/plain, text/html, "
            + "application/json, or a file as multipart/form-data");
      }
    } catch (BadInputException e) {
      throw new ApiError(422, e.getMessage());
    }
  }

  /**
   * The page at the address a JSON body gives as {@code "fetch"}, fetched by the server as
   * {@code analyze URL} fetches it ({@link Inputs#page}: robots.txt, timeouts, size limit,
   * redirects followed and recorded); 422 with the reason when it cannot be had. A server that
   * listens beyond loopback fetches public addresses only ({@link Inputs#publicPage}): otherwise
   * whoever reaches it could have it read the machine's own services and its network's.
   */
  private Article fetched(JsonNode node) {
    JsonNode address = node.get("fetch");
    if (!address.isTextual() || address.asText().isBlank()) {
      throw new ApiError(400, "\"fetch\" must be the page's http(s) address, as a string");
    }
    if (node.has("text") || node.has("html")) {
      throw new ApiError(400, "send either \"fetch\" (an address for the server to fetch) or \"text\"/\"html\", not both");
    }
    String url = address.asText().strip();
    try {
      return loopbackOnly ? Inputs.page(url) : Inputs.publicPage(url);
    } catch (BadInputException e) {
      throw new ApiError(422, "cannot analyse the page at " + url + ": " + e.reason());
    }
  }

  /** Whether {@code host} names a loopback interface; a name that does not resolve is taken as not. */
  private static boolean isLoopback(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** The media type of a Content-Type header, lower case, without parameters; "" when there is none. */
  private static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** The charset a Content-Type declares, or null; one Java does not know is 415. */
  private static Charset charset(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String param : contentType.split(";")) {
      String[] kv = param.strip().split("=", 2);
      if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
        String name = kv[1].strip().replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) {
          throw new ApiError(415, "unknown charset '" + name + "'");
        }
      }
    }
    return null;
  }

  /**
   * The uploaded file of a multipart/form-data body (already read within the size limit): the
   * part named "file", else the first part with a file name, else the part named "text" or
   * "html" as a form field.
   */
  private static Part uploadedPart(byte[] body, String contentType) throws IOException {
    MultipartConfigElement config = new MultipartConfigElement(null, body.length, body.length, body.length + 1);
    MultiPartFormInputStream form = new MultiPartFormInputStream(new ByteArrayInputStream(body), contentType, config, null, 64);
    java.util.Collection<Part> parts;
    try {
      parts = form.getParts();
    } catch (IOException | IllegalStateException e) {
      throw new ApiError(400, "malformed multipart/form-data body (" + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
    }
    Part named = null;
    Part withFile = null;
    Part field = null;
    for (Part p : parts) {
      if (p.getName().equals("file")) {
        named = p;
      } else if (withFile == null && p.getSubmittedFileName() != null) {
        withFile = p;
      } else if (field == null && (p.getName().equals("text") || p.getName().equals("html"))) {
        field = p;
      }
    }
    Part chosen = named != null ? named : withFile != null ? withFile : field;
    if (chosen == null) {
      throw new ApiError(400, "the multipart/form-data body has no file: send the article as a part named \"file\"");
    }
    return chosen;
  }

  /**
   * The request body, read up to the limit whatever the request declares: a chunked body has no
   * length to check beforehand, so the limit is counted as the bytes arrive. The body must also
   * arrive within the request's budget ({@link #deadline}): a client that trickles it, a few
   * bytes a second to hold a server thread, gets 408 once the budget is spent, or once nothing
   * at all arrived for Jetty's idle timeout. The connection is closed after a 413 or a 408 rather
   * than drained.
   */
  private byte[] body(Context ctx) throws IOException {
    long max = settings.maxBodyBytes();
    long deadline = deadline(ctx);
    java.io.InputStream in = ctx.req().getInputStream();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream(
        (int) Math.min(max, Math.max(8192, ctx.req().getContentLengthLong())));
    byte[] piece = new byte[64 * 1024];
    try {
      for (int n; (n = in.read(piece)) >= 0; ) {
        if (body.size() + (long) n > max) {
          throw tooLarge("request body is over the limit of " + max + " bytes");
        }
        body.write(piece, 0, n);
        if (System.nanoTime() > deadline) {
          throw tooSlow(body.size());
        }
      }
    } catch (IOException e) {
      if (System.nanoTime() > deadline || e.getCause() instanceof java.util.concurrent.TimeoutException) {
        throw tooSlow(body.size()); // Jetty's idle timeout: nothing came for a while
      }
      throw e;
    }
    return body.toByteArray();
  }

  private ApiError tooSlow(int received) {
    return ApiError.refusingBody(408, "the request body came too slowly: " + received + " bytes within the server's budget of "
        + settings.maxSeconds() + " s");
  }

  /**
   * When this request's budget ends: {@link Settings#maxSeconds()} after it began reading its
   * body, so that receiving the body, waiting for a worker and analysing share one budget.
   */
  private long deadline(Context ctx) {
    Long deadline = ctx.attribute(DEADLINE);
    if (deadline == null) {
      deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(settings.maxSeconds());
      ctx.attribute(DEADLINE, deadline);
    }
    return deadline;
  }

  private static final String DEADLINE = "presslens.deadline";

  private static ApiError tooLarge(String message) {
    return ApiError.refusingBody(413, message);
  }

  /** How long a refused body's connection stays half open for its client to read the answer. */
  private static final int LINGER_SECONDS = 2;

  /**
   * Answers a request whose body is left unread (too large, too slow), then closes its
   * connection. Jetty would otherwise read and discard the rest of the body for as long as it
   * comes, which for a client that trickles forever is forever. The answer goes out first, with
   * {@code Connection: close}, then Jetty stops sending, and {@value #LINGER_SECONDS} s later the
   * socket is closed whatever still arrives: time for the client to read its answer, as in
   * Apache httpd's lingering close.
   */
  private void refuseBody(Context ctx, int status, String message) {
    ctx.header("Connection", "close");
    byte[] json = errorJson(status, message);
    ctx.status(status).contentType("application/json");
    ctx.res().setContentLength(json.length);
    try {
      ctx.res().getOutputStream().write(json);
      ctx.res().flushBuffer();
    } catch (IOException clientGone) {
      // nothing to answer
    }
    org.eclipse.jetty.server.Request request = org.eclipse.jetty.server.Request.getBaseRequest(ctx.req());
    if (request != null) {
      org.eclipse.jetty.io.EndPoint endPoint = request.getHttpChannel().getEndPoint();
      scheduler.schedule((Runnable) endPoint::close, LINGER_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  // ---- the corpus ----

  private void searchArticles(Context ctx) throws IOException {
    String q = required(ctx, "q");
    int limit = limit(ctx); // checked on an empty store too
    ArrayNode hits = JSON.createArrayNode();
    CorpusSearch s = search(ctx);
    if (s != null) {
      for (CorpusSearch.ArticleHit h : run(() -> s.articles(q, limit))) {
        ObjectNode n = hits.addObject();
        n.put("id", h.id()).put("title", h.title()).put("source", h.source()).put("published", h.published())
            .put("snippet", h.snippet()).put("score", h.score());
        if (h.cluster() != null) {
          n.put("cluster", h.cluster().id()).put("original", h.cluster().original());
        }
      }
    }
    ObjectNode result = JSON.createObjectNode().put("query", q);
    result.set("hits", hits);
    if ("true".equals(ctx.queryParam("facets")) && s != null) {
      // Facets are the aggregates of the matching articles: sources, speakers, entities,
      // techniques, months; each value narrows the query when the UI adds it as a clause.
      CorpusStats stats = run(() -> CorpusStats.of(s, q, "month", FACET_VALUES));
      ObjectNode facets = result.putObject("facets");
      facets.set("months", JSON.valueToTree(stats.periods()));
      stats.tops().forEach((name, counts) -> facets.set(name, JSON.valueToTree(counts)));
      result.put("total", stats.articles());
    }
    ctx.json(result);
  }

  private void article(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    CorpusSearch s = search(ctx);
    String json = s == null ? null : s.json(id);
    if (json == null) {
      throw new ApiError(404, "no article " + id + " in the store");
    }
    ctx.contentType("application/json").result(json);
  }

  private void quotes(Context ctx) throws IOException {
    List<String> clauses = new ArrayList<>();
    optional(ctx, "speaker").ifPresent(v -> clauses.add("speaker:" + phrase(v)));
    optional(ctx, "entity").ifPresent(v -> clauses.add("(speaker:" + phrase(v) + " OR quote:" + phrase(v) + ")"));
    optional(ctx, "source").ifPresent(v -> clauses.add("source:" + phrase(v)));
    optional(ctx, "q").ifPresent(v -> clauses.add("(" + v + ")"));
    String from = optional(ctx, "from").map(WebServer::date).orElse("*");
    String to = optional(ctx, "to").map(WebServer::date).orElse("*");
    if (!from.equals("*") || !to.equals("*")) {
      clauses.add("published:[" + from + " TO " + to + "]");
    }
    if (clauses.isEmpty()) {
      throw new ApiError(400, "say which quotes: speaker, entity, source, from, to or q");
    }
    String query = String.join(" AND ", clauses);
    int limit = limit(ctx);
    ArrayNode hits = JSON.createArrayNode();
    CorpusSearch s = search(ctx);
    if (s != null) {
      for (CorpusSearch.QuoteHit h : run(() -> s.quotes(query, limit))) {
        hits.addObject().put("id", h.id()).put("article", h.articleId()).put("speaker", h.speaker()).put("kind", h.kind())
            .put("cue", h.cue()).put("text", h.text()).put("title", h.title()).put("source", h.source())
            .put("published", h.published());
      }
    }
    ctx.json(JSON.createObjectNode().put("query", query).set("quotes", hits));
  }

  private void stats(Context ctx) throws IOException {
    CorpusSearch s = search(ctx);
    String by = ctx.queryParamAsClass("by", String.class).getOrDefault("month");
    int top = intParam(ctx, "top", 10, 1, MAX_LIMIT);
    if (s == null) {
      ctx.json(CorpusStats.empty());
      return;
    }
    String q = ctx.queryParamAsClass("q", String.class).getOrDefault("");
    String count = ctx.queryParamAsClass("count", String.class).getOrDefault("articles");
    ctx.json(run(() -> CorpusStats.of(s, q, by, top, count)));
  }

  private void cluster(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    CorpusSearch s = search(ctx);
    Clusters.Cluster c = null;
    if (s != null) {
      c = s.clusters().all().stream().filter(x -> x.id().equals(id)).findFirst().orElse(s.clusters().of(id));
    }
    if (c == null) {
      throw new ApiError(404, "no cluster " + id + " (give a cluster id or the id of an article that has copies)");
    }
    ArrayNode members = JSON.createArrayNode();
    for (String member : c.members()) {
      JsonNode a = JSON.readTree(s.json(member));
      members.addObject().put("id", member).put("title", a.path("title").asText(null))
          .put("source", a.path("source").path("domain").asText(a.path("source").path("name").asText(null)))
          .put("published", a.path("published").asText(null)).put("original", member.equals(c.original()));
    }
    ctx.json(JSON.createObjectNode().put("id", c.id()).put("original", c.original()).set("members", members));
  }

  private void ingest(Context ctx) throws IOException {
    if (settings.ingestToken() == null) {
      throw new ApiError(403, "ingest is off: start the server with --ingest-token to allow it");
    }
    String header = ctx.header("Authorization");
    // A missing header or another scheme never matches, whatever the token.
    String given = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
    if (given == null
        || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), settings.ingestToken().getBytes(StandardCharsets.UTF_8))) {
      throw new ApiError(401, "missing or wrong token (send Authorization: Bearer TOKEN)");
    }
    Article article = articleFrom(ctx, "api");
    Document doc = analyse(ctx, article);
    String id = ArticleId.of(article);
    boolean known;
    synchronized (this) {
      try (CorpusStore store = CorpusStore.open(settings.store())) {
        known = store.contains(id);
        store.add(doc);
        store.commit(); // durable from here; the clusters follow on their own thread
      } catch (CorpusStore.StoreBusyException e) {
        throw new ApiError(409, e.getMessage().replace(settings.store().toString(), "the server's store"));
      } catch (IOException | RuntimeException e) {
        if (CorpusStore.isDiskFull(e)) {
          throw new ApiError(503, "the disk holding the store is full; the article was not stored");
        }
        throw e;
      }
      CorpusSearchManager m = manager();
      if (m != null) {
        m.maybeRefreshBlocking(); // the client's next search sees what it stored
      }
    }
    reclusterSoon();
    ctx.status(known ? 200 : 201).json(JSON.createObjectNode().put("id", id).put("replaced", known));
  }

  /**
   * The snapshot of the store this request reads, acquired on first use and released when the
   * request ends (see {@link #releasing}); null while there is no store.
   */
  private CorpusSearch search(Context ctx) {
    CorpusSearch held = ctx.attribute(SNAPSHOT);
    if (held != null) {
      return held;
    }
    CorpusSearchManager m = manager();
    if (m == null) {
      return null;
    }
    CorpusSearch s;
    try {
      s = m.acquire();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    ctx.attribute(SNAPSHOT, s);
    return s;
  }

  /**
   * A handler that gives back the snapshot it read, however it ends, and says in a {@code
   * Server-Timing} header how long it ran and how much of that its thread was on a core
   * ({@code handler;dur=12.3, cpu;dur=1.1}, milliseconds): on a busy machine the difference is
   * the time spent waiting for a core (or for the garbage collector), not searching.
   */
  private io.javalin.http.Handler releasing(io.javalin.http.Handler handler) {
    return ctx -> {
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      try {
        handler.handle(ctx);
      } finally {
        ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "handler;dur=%.2f, cpu;dur=%.2f",
            (System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6));
        CorpusSearch s = ctx.attribute(SNAPSHOT);
        if (s != null) {
          ctx.attribute(SNAPSHOT, null);
          searches.release(s);
        }
      }
    };
  }

  /** The store's reader manager, opened once the store has a commit; null before. */
  private CorpusSearchManager manager() {
    CorpusSearchManager m = searches;
    if (m != null) {
      return m;
    }
    synchronized (this) {
      if (searches == null && Files.isDirectory(settings.store().resolve("index"))) {
        try {
          searches = CorpusSearchManager.open(settings.store());
        } catch (IOException e) {
          return null; // created but empty
        }
      }
      return searches;
    }
  }

  // ---- helpers ----

  private interface Io<T> {
    T get() throws IOException;
  }

  /** Runs a store query; a bad query is the client's error, not the server's. */
  private static <T> T run(Io<T> query) throws IOException {
    try {
      return query.get();
    } catch (IllegalArgumentException e) {
      throw new ApiError(400, String.valueOf(e.getMessage()).lines().findFirst().orElse("bad query"));
    }
  }

  private static void error(Context ctx, int status, String message) {
    if (status == 503) {
      ctx.header("Retry-After", "5");
    }
    ctx.status(status).contentType("application/json").result(errorJson(status, message));
  }

  /** The documented error shape: {@code {"status": 413, "error": "one line"}}. */
  private static byte[] errorJson(int status, String message) {
    try {
      return JSON.writeValueAsBytes(JSON.createObjectNode().put("status", status)
          .put("error", String.valueOf(message).lines().findFirst().orElse("")));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String required(Context ctx, String name) {
    return optional(ctx, name).orElseThrow(() -> new ApiError(400, "missing query parameter '" + name + "'"));
  }

  private static java.util.Optional<String> optional(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v);
  }

  private static int limit(Context ctx) {
    return intParam(ctx, "limit", 20, 1, MAX_LIMIT);
  }

  /** A whole-number query parameter in [min, max], or its default when absent; anything else is 400. */
  private static int intParam(Context ctx, String name, int absent, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return absent;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the range
    }
    throw new ApiError(400, name + " must be a whole number between " + min + " and " + max + ", not '" + v + "'");
  }

  /** A calendar date as YYYY-MM-DD: the form, and a day that exists (not 2005-99-99). */
  private static String date(String v) {
    try {
      if (ISO_DATE.matcher(v).matches()) {
        return java.time.LocalDate.parse(v).toString();
      }
    } catch (java.time.format.DateTimeParseException e) {
      throw new ApiError(400, "no such date: " + v);
    }
    throw new ApiError(400, "dates are YYYY-MM-DD, not " + v);
  }

  /** A value as one Lucene phrase: quotes and backslashes escaped. */
  private static String phrase(String v) {
    return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String resource(String name) throws IOException {
    try (var in = WebServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
