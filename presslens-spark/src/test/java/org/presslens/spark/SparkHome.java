package org.presslens.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark home laid out as a Spark distribution's ({@code jars/}, {@code conf/}), with jars from
 * the local Maven repository: nothing is downloaded. Programs start as
 * {@code bin/spark-class} starts them: Spark's launcher ({@code org.apache.spark.launcher.Main})
 * builds the command line (class path, memory, the JVM flags Spark needs on Java 17) and the
 * command runs as a separate process.
 */
final class SparkHome {
  private final Path home;

  private SparkHome(Path home) {
    this.home = home;
  }

  /** Lays out a Spark home in {@code dir} with {@code jars}; {@code log4j2} goes to conf/. */
  static SparkHome create(Path dir, List<Path> jars, String log4j2) throws IOException {
    Path lib = Files.createDirectories(dir.resolve("jars"));
    for (Path jar : jars) {
      Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar);
    }
    Files.writeString(Files.createDirectories(dir.resolve("conf")).resolve("log4j2.properties"), log4j2);
    return new SparkHome(dir);
  }

  Path path() {
    return home;
  }

  /**
   * Starts {@code mainClass} with {@code args} as {@code bin/spark-class} would, everything it
   * prints going to {@code log}; {@code env} is added to the process's environment.
   */
  Process start(String mainClass, List<String> args, Map<String, String> env, Path log) throws IOException, InterruptedException {
    List<String> launcher = new ArrayList<>(List.of(javaCommand(), "-cp", home.resolve("jars") + "/*", "org.apache.spark.launcher.Main", mainClass));
    launcher.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(launcher).redirectError(ProcessBuilder.Redirect.INHERIT);
    environment(builder, env);
    Process p = builder.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("Spark's launcher failed for " + mainClass + ": " + new String(out, StandardCharsets.UTF_8));
    }
    // The launcher prints NUL and a line break, then the command's words each followed by NUL (as spark-class reads them).
    List<String> command = List.of(new String(out, StandardCharsets.UTF_8).replaceFirst("^\0?\n", "").split("\0"));
    ProcessBuilder run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    environment(run, env);
    return run.start();
  }

  private void environment(ProcessBuilder builder, Map<String, String> env) {
    builder.environment().put("SPARK_HOME", home.toString());
    // A distribution's bin/load-spark-env.sh sets this; the launcher needs it without one.
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().putAll(env);
  }

  private static String javaCommand() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
