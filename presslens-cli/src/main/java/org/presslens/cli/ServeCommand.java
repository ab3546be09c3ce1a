package org.presslens.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.presslens.nlp.Analyzer;
import org.presslens.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code presslens serve}: the REST API and the web UI over the store. */
@Command(
    name = "serve",
    header = "Serve the web UI and the REST API.",
    mixinStandardHelpOptions = true,
    description = {
      "Starts one process that serves the web UI (paste or upload an article; search the store)",
      "and the REST API (POST /api/analyze, GET /api/search, /api/articles/ID, /api/quotes,",
      "/api/stats, /api/clusters/ID; the spec at /openapi.json, a readable page at /api).",
      "The store need not exist yet. Ingest over the API is off unless --ingest-token is given.",
      "Stop it with Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin StoreOption store;

  @Mixin RegistryOption registry;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on (0: any free one). Default: ${DEFAULT-VALUE}.")
  int port = 7070;

  @Option(names = "--host", paramLabel = "ADDRESS",
      description = "Interface to listen on; 0.0.0.0 for all. Default: ${DEFAULT-VALUE} (this machine only).")
  String host = "127.0.0.1";

  @Option(names = "--ingest-token", paramLabel = "TOKEN",
      description = "Allow POST /api/ingest for clients that send Authorization: Bearer TOKEN. An empty token, or"
          + " 'null' (what jq -r prints for a missing key), is refused.")
  String ingestToken;

  @Option(names = "--max-body", paramLabel = "MB", description = "Largest request body in MB. Default: ${DEFAULT-VALUE}.")
  int maxBodyMb = 10;

  @Option(names = "--max-seconds", paramLabel = "S",
      description = "Budget of one analysis request in seconds, waiting for a free worker included; past it the"
          + " client gets 503 and the analysis stops. Default: ${DEFAULT-VALUE}.")
  int maxSeconds = WebServer.Settings.DEFAULT_MAX_SECONDS;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new Main.UserError("--port must be between 0 and 65535");
    }
    if (maxBodyMb < 1) {
      throw new Main.UserError("--max-body must be at least 1 (MB)");
    }
    WebServer.Settings settings;
    try {
      settings = new WebServer.Settings(store.folder, host, port, ingestToken, maxBodyMb * 1024L * 1024L, maxSeconds);
    } catch (IllegalArgumentException e) {
      throw new Main.UserError((maxSeconds < 1 ? "--max-seconds: " : "--ingest-token: ") + e.getMessage());
    }
    System.err.println("presslens: loading models…");
    org.presslens.core.Pipeline pipeline = Analyzer.standard(null, registry.registry());
    registry.ready();
    WebServer server = WebServer.start(settings, pipeline);
    System.err.printf("presslens: serving http://%s:%d/ (store %s, ingest %s); Ctrl-C stops%n", host, server.port(),
        store.folder, ingestToken == null ? "off" : "on with token");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("presslens: " + e.getMessage());
      }
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }
}
