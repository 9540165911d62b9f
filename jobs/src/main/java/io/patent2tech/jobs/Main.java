package io.patent2tech.jobs;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.patent2tech.jobs.config.Setting;
import io.patent2tech.jobs.config.Settings;
import io.patent2tech.jobs.collect.CollectJob;
import io.patent2tech.jobs.collect.CollectSettings;
import io.patent2tech.jobs.drawings.DrawingsJob;
import io.patent2tech.jobs.drawings.DrawingsSettings;
import io.patent2tech.jobs.drill.DrillCommand;
import io.patent2tech.jobs.enrich.EnrichJob;
import io.patent2tech.jobs.ingest.IngestJob;
import io.patent2tech.jobs.landing.LandingJob;
import io.patent2tech.jobs.links.LinksJob;
import io.patent2tech.jobs.links.LinksSettings;
import io.patent2tech.jobs.replay.ReplayDeadLettersCommand;

/**
 * Entry point of the job jar: {@code Main COMMAND [options]}, for a Flink cluster
 * ({@code flink run -c io.patent2tech.jobs.Main}, scripts/submit). There {@code main} runs inside the
 * JobManager's JVM, so it never calls {@link System#exit}: a usage error is thrown as a {@link
 * UsageException}, which the REST API hands back to the caller. {@link LocalMain} is the launcher
 * for plain JVMs (scripts/run, scripts/parse) that turns the outcome into an exit status.
 */
public final class Main {

  /** One command; {@code job}: it runs a Flink streaming job (infra/k8s deploys each of those). */
  private record Command(String name, String usage, List<Setting> settings, List<String> flags, boolean job) {}

  private static final List<Command> COMMANDS = List.of(
      new Command("ingest", IngestJob.USAGE, IngestJob.SETTINGS, IngestJob.FLAGS, true),
      new Command("collect", CollectJob.USAGE, CollectSettings.SETTINGS, CollectSettings.FLAGS, true),
      new Command("land", LandingJob.USAGE, LandingJob.SETTINGS, LandingJob.FLAGS, true),
      new Command("links", LinksJob.USAGE, LinksSettings.SETTINGS, LinksSettings.FLAGS, true),
      new Command("enrich", EnrichJob.USAGE, EnrichJob.SETTINGS, EnrichJob.FLAGS, true),
      new Command("drawings", DrawingsJob.USAGE, DrawingsSettings.SETTINGS, DrawingsSettings.FLAGS, true),
      new Command("parse", ParseCommand.USAGE, ParseCommand.SETTINGS, ParseCommand.FLAGS, false),
      new Command("counts", CountsCommand.USAGE, CountsCommand.SETTINGS, List.of(), false),
      new Command("tail", TailCommand.USAGE, TailCommand.SETTINGS, TailCommand.FLAGS, false),
      new Command("checkpoints", CheckpointsCommand.USAGE, CheckpointsCommand.SETTINGS, List.of(), false),
      new Command("load-legal-corpus", LegalCorpusCommand.USAGE, LegalCorpusCommand.SETTINGS, List.of(), false),
      new Command("drill", DrillCommand.USAGE, DrillCommand.SETTINGS, List.of(), false),
      new Command("replay-dead-letters", ReplayDeadLettersCommand.USAGE, ReplayDeadLettersCommand.SETTINGS,
          ReplayDeadLettersCommand.FLAGS, false));

  private Main() {}

  /** A command line that names no command, an unknown one, or bad options. */
  public static final class UsageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  public static void main(String[] args) throws Exception {
    int status = run(args);
    if (status != 0) {
      throw new IllegalStateException("command '" + shownCommandLine(args) + "' ended with status " + status);
    }
  }

  /** {@code args} as a message may quote them: the values of secret options as ***. */
  static String shownCommandLine(String[] args) {
    Command command = args.length == 0 ? null
        : COMMANDS.stream().filter(c -> c.name.equals(args[0])).findFirst().orElse(null);
    return command == null ? String.join(" ", args)
        : Settings.redactArgs(command.settings, args);
  }

  /**
   * Runs one command.
   *
   * @return 0 on success; 1 when {@code parse} found documents it rejects or {@code drill check}
   *     found a publication missing or repeated
   * @throws UsageException for a missing or unknown command and for bad options
   */
  static int run(String[] args) throws Exception {
    return run(args, (command, settings) -> {});
  }

  /**
   * {@link #run(String[])}, telling {@code before} which command is about to run with which
   * settings (how {@link LocalMain} sets up its console).
   */
  static int run(String[] args, BiConsumer<String, Settings> before) throws Exception {
    if (args.length == 0) {
      throw new UsageException("no command given\n\n" + overview(), null);
    }
    if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      System.out.print(overview());
      return 0;
    }
    Command command = COMMANDS.stream().filter(c -> c.name.equals(args[0])).findFirst().orElse(null);
    if (command == null) {
      throw new UsageException("unknown command '" + args[0] + "'\n\n" + overview(), null);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
      System.out.print("usage: " + command.usage + "\noptions:\n"
          + Settings.describe(command.settings, command.flags));
      return 0;
    }
    Settings settings = parse(command, rest, System.getenv());
    LOG.info("{} runs with these settings (secrets as ***):\n{}", command.name, settings.effective());
    before.accept(command.name, settings);
    switch (command.name) {
      case "ingest" -> IngestJob.run(settings);
      case "collect" -> CollectJob.run(settings);
      case "land" -> LandingJob.run(settings);
      case "links" -> LinksJob.run(settings);
      case "enrich" -> EnrichJob.run(settings);
      case "drawings" -> DrawingsJob.run(settings);
      case "counts" -> CountsCommand.run(settings, System.out);
      case "tail" -> TailCommand.run(settings, System.out);
      case "checkpoints" -> CheckpointsCommand.run(settings, System.out);
      case "load-legal-corpus" -> LegalCorpusCommand.run(settings, System.out);
      case "replay-dead-letters" -> ReplayDeadLettersCommand.run(settings, System.out);
      case "drill" -> {
        return DrillCommand.run(settings, System.out);
      }
      case "parse" -> {
        try {
          ParseCommand.checkUsage(settings);
        } catch (IllegalArgumentException e) {
          throw new UsageException("parse: " + e.getMessage(), e);
        }
        return ParseCommand.run(settings, System.out, System.err) == 0 ? 0 : 1;
      }
      default -> throw new IllegalStateException(command.name);
    }
    return 0;
  }

  /** The commands that run a Flink streaming job, in the order of the command table. */
  public static List<String> jobCommands() {
    return COMMANDS.stream().filter(Command::job).map(Command::name).toList();
  }

  /**
   * The settings {@code Main args} runs with when {@code env} is its environment: what a deployment's
   * arguments and environment variables mean to the job (infra/k8s, DeploymentManifestsTest).
   *
   * @throws UsageException for a missing or unknown command and for bad options or values
   */
  public static Settings settings(String[] args, Map<String, String> env) {
    if (args.length == 0) {
      throw new UsageException("no command given", null);
    }
    Command command = COMMANDS.stream().filter(c -> c.name.equals(args[0])).findFirst()
        .orElseThrow(() -> new UsageException("unknown command '" + args[0] + "'", null));
    return parse(command, Arrays.copyOfRange(args, 1, args.length), env);
  }

  private static Settings parse(Command command, String[] rest, Map<String, String> env) {
    try {
      return Settings.parse(command.settings, command.flags, rest, env);
    } catch (IllegalArgumentException e) {
      throw new UsageException(command.name + ": " + e.getMessage(), e);
    }
  }

  /** The settings {@code command} accepts (its --help lists them). */
  public static List<Setting> settingsOf(String command) {
    return COMMANDS.stream().filter(c -> c.name.equals(command)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no command " + command)).settings;
  }

  static String overview() {
    StringBuilder sb = new StringBuilder("usage: Main COMMAND [options]   (COMMAND --help for its options)\n\ncommands:\n");
    for (Command c : COMMANDS) {
      sb.append("  ").append(c.usage.replace("\n", "\n  ").stripTrailing()).append("\n\n");
    }
    sb.append("Every option can also come from the environment (P2T_...) or a --config properties file.\n");
    return sb.toString();
  }
}
