package io.patent2tech.jobs.collect;

import java.io.Serializable;

import io.patent2tech.connectors.collect.RunEvent;

/**
 * What the collect job's stages tell the run ledger about one run: its start or end (from the
 * source), or one document parsed, rejected or published. A Flink POJO.
 */
public class RunProgress implements Serializable {

  private static final long serialVersionUID = 1L;

  public String runId;
  /** Set for a run's start or end; otherwise one of the counts below is 1. */
  public RunEvent event;
  public int parsed;
  public int rejected;
  public int published;

  public RunProgress() {}

  public static RunProgress of(RunEvent event) {
    RunProgress p = new RunProgress();
    p.runId = event.runId;
    p.event = event;
    return p;
  }

  public static RunProgress parsed(String runId) {
    RunProgress p = new RunProgress();
    p.runId = runId;
    p.parsed = 1;
    return p;
  }

  public static RunProgress rejected(String runId) {
    RunProgress p = new RunProgress();
    p.runId = runId;
    p.rejected = 1;
    return p;
  }

  public static RunProgress published(String runId) {
    RunProgress p = new RunProgress();
    p.runId = runId;
    p.published = 1;
    return p;
  }
}
