package io.patent2tech.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The {@code links} command as Main offers it (scripts/run links, flink run ... Main links). */
class LinksCommandTest {

  private static String printed(String... args) throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(args)).isZero();
    } finally {
      System.setOut(out);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void linksHelpListsItsOptions() throws Exception {
    assertThat(printed("links", "--help"))
        .startsWith("usage: links [options]")
        .contains("--topic.links", "--links.family.state-ttl", "--links.family.max-group-size", "--bounded",
            "--restore.from");
  }

  @Test
  void theOverviewNamesTheLinksCommand() throws Exception {
    assertThat(printed("--help")).contains("  links [options]");
  }
}
