package org.presslens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code presslens} command. */
@Command(
    name = "presslens",
    mixinStandardHelpOptions = true,
    version = "PressLens 0.1.0",
    description = {
      "Analyse news articles: who is named, who said what, which claims deserve",
      "checking, which persuasion techniques are at work, how each person is",
      "portrayed, and who published them on whose behalf. Keep collections in a",
      "store, search them, and find where the same text ran.",
      "",
      "Start with:    presslens analyze --format text ARTICLE.txt",
      "A collection:  presslens ingest FOLDER/",
      "               presslens search 'speaker:\"Jane Doe\"'",
      "In a browser:  presslens serve   (then open http://127.0.0.1:7070/)",
      "On Spark:      presslens spark --help",
      "Every command explains itself:  presslens help COMMAND"
    },
    subcommands = {
      AnalyzeCommand.class,
      IngestCommand.class,
      SearchCommand.class,
      StatsCommand.class,
      ExportCommand.class,
      EvalCommand.class,
      TrainCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      RegistryCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
    throw new CommandLine.ParameterException(spec.commandLine(), "no command given");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit status: 0 ok, 1 some input failed, 2 usage error. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    // The descriptions are written as lines of up to 105 characters; at picocli's default of 80
    // each would wrap mid-sentence into a ragged column.
    cli.setUsageHelpWidth(110);
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      if (ex instanceof UserError) {
        cmd.getErr().println("presslens: " + ex.getMessage());
        return 2;
      }
      throw ex;
    });
    return cli.execute(args);
  }

  /** A mistake on the user's side: reported in one line, exit status 2, no stack trace. */
  /** Refuses, as the user's error, any given path that is not a readable file; nulls are options left out. */
  static void requireFiles(java.nio.file.Path... paths) {
    for (java.nio.file.Path p : paths) {
      if (p != null && !java.nio.file.Files.isRegularFile(p)) {
        throw new UserError(p + ": no such file");
      }
    }
  }

  /** Stops with one line naming what is missing when {@code dir} lacks one of {@code entries}. */
  static void requireInside(java.nio.file.Path dir, String what, String... entries) {
    for (String entry : entries) {
      if (!java.nio.file.Files.exists(dir.resolve(entry))) {
        throw new UserError(dir.resolve(entry) + ": not found; " + dir + " should be " + what);
      }
    }
  }

  static final class UserError extends RuntimeException {
    UserError(String message) {
      super(message);
    }
  }
}
