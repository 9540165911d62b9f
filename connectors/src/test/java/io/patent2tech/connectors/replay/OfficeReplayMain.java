package io.patent2tech.connectors.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;

import io.patent2tech.connectors.http.ReplayServer;

/**
 * The three offices' replay routes on one local port, for trying the collect job without
 * credentials (scripts/replay-offices): EPO OPS, KIPRIS Plus and the USPTO Open Data Portal serving
 * the captured fixtures as publications of one day, with demo credentials written to files. Prints
 * the {@code scripts/run collect} command that collects them, then serves until interrupted.
 *
 * <p>Arguments: PORT REPO_DIR CREDENTIALS_DIR [DAY]
 */
public final class OfficeReplayMain {

  static final String EPO_KEY = "demo-epo-key";
  static final String EPO_SECRET = "demo-epo-secret";
  static final String KIPRIS_KEY = "demo-kipris-key";
  static final String USPTO_KEY = "demo-uspto-key";

  private OfficeReplayMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: OfficeReplayMain PORT REPO_DIR CREDENTIALS_DIR [DAY]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Path repo = Path.of(args[1]);
    Path credentials = Files.createDirectories(Path.of(args[2]));
    LocalDate day = args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.of(2024, 5, 7);
    Path fixtures = repo.resolve("fixtures");

    Files.writeString(credentials.resolve("epo.properties"), "key=" + EPO_KEY + "\nsecret=" + EPO_SECRET + "\n");
    Files.writeString(credentials.resolve("kipris.key"), KIPRIS_KEY + "\n");
    Files.writeString(credentials.resolve("uspto.key"), USPTO_KEY + "\n");

    ReplayServer server;
    try {
      server = new ReplayServer(port);
    } catch (java.net.BindException e) {
      System.err.println("replay-offices: port " + port + " is in use (another replay-offices?); choose one with --port N");
      System.exit(1);
      return;
    }
    String url = server.url();
    server.route(r -> {
      System.err.println("replay-offices: " + r.method() + " " + r.pathAndQuery());
      return null;
    });
    server.route(EpoOpsReplay.fromFixtures(fixtures, EPO_KEY, EPO_SECRET, day));
    server.route(KiprisReplay.fromFixtures(fixtures, KIPRIS_KEY, day));
    server.route(new UsptoOdpReplay(fixtures, USPTO_KEY).at(url).publish("PTGRXML", day, "ipg"
        + day.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + ".zip",
        Files.readAllBytes(repo.resolve("samples/uspto/ipg-ipa-sample.zip"))));

    System.out.println("EPO OPS, KIPRIS Plus and USPTO ODP replaying the captured fixtures at " + url
        + ", published on " + day + ". Collect them with:\n\n"
        + "  scripts/run collect --from " + day + " --to " + day + " \\\n"
        + "    --collect.epo.url " + url + " --collect.kipris.url " + url + " --collect.uspto.url " + url + " \\\n"
        + "    --collect.epo.credentials-file " + credentials.resolve("epo.properties") + " \\\n"
        + "    --collect.kipris.key-file " + credentials.resolve("kipris.key") + " \\\n"
        + "    --collect.uspto.api-key-file " + credentials.resolve("uspto.key") + "\n\n"
        + "Serving until interrupted (Ctrl-C).");
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    new CountDownLatch(1).await();
  }
}
