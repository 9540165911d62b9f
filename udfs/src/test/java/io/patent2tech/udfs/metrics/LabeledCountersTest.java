package io.patent2tech.udfs.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class LabeledCountersTest {

  /** Records each counter under its key/value groups, as "key=value/.../name". */
  private static final class Recording extends UnregisteredMetricsGroup {
    final Map<String, Counter> counters;
    final String path;

    Recording(Map<String, Counter> counters, String path) {
      this.counters = counters;
      this.path = path;
    }

    @Override
    public MetricGroup addGroup(String key, String value) {
      return new Recording(counters, path + key + "=" + value + "/");
    }

    @Override
    public <C extends Counter> C counter(String name, C counter) {
      assertThat(counters.put(path + name, counter)).as("%s%s registered twice", path, name).isNull();
      return counter;
    }
  }

  private final Map<String, Counter> counters = new TreeMap<>();
  private final LabeledCounters byStage = new LabeledCounters(new Recording(counters, ""), "stage", "documentsRejected",
      Set.of("parse", "validate"));

  @Test
  void eachDeclaredValueCountsInAGroupOfItsOwn() {
    byStage.inc("parse");
    byStage.inc("PARSE");
    byStage.inc("validate", 3);
    assertThat(counters).containsOnlyKeys("stage=parse/documentsRejected", "stage=validate/documentsRejected");
    assertThat(counters.get("stage=parse/documentsRejected").getCount()).isEqualTo(2);
    assertThat(counters.get("stage=validate/documentsRejected").getCount()).isEqualTo(3);
  }

  @Test
  void anyOtherValueCountsAsOtherSoTheSeriesStayBounded() {
    byStage.inc("a message with a publication number US1234567");
    byStage.inc("split");
    byStage.inc(null);
    assertThat(counters).containsOnlyKeys("stage=other/documentsRejected");
    assertThat(counters.get("stage=other/documentsRejected").getCount()).isEqualTo(3);
  }
}
