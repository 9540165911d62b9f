package io.patent2tech.udfs;

import java.time.Duration;
import org.apache.flink.api.common.state.StateTtlConfig;

/**
 * How the pipeline's keyed state expires: {@code ttl} after the entry was last written (reads do
 * not keep it alive, so a key that is only looked up still goes), and an expired entry is never
 * returned, even before the backend has cleaned it up. Dedupe, family groups and near-duplicate
 * buckets all forget this way.
 */
public final class StateTtl {

  private StateTtl() {}

  public static StateTtlConfig afterLastWrite(Duration ttl) {
    return StateTtlConfig.newBuilder(ttl)
        .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
        .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
        .build();
  }
}
