package io.patent2tech.udfs.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.patent2tech.schema.Patent;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator in a real Flink job on a MiniCluster, with checkpoints, serialization and the real model. */
class PatentEmbeddingJobTest {

  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(1)
          .build());

  @Test
  void everyPatentComesOutOnceWithItsVector() throws Exception {
    List<Patent> patents = FixturePatents.all();
    Configuration config = new Configuration();
    // EmbeddedPatent must travel as a POJO with an Avro field, never through Kryo
    config.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
    env.setParallelism(1);
    env.enableCheckpointing(50);
    DataStream<Patent> source = env.fromData(patents, new AvroTypeInfo<>(Patent.class));

    List<EmbeddedPatent> out = PatentEmbeddingOperator
        .embed(source, InProcessEmbedderFactory.defaults(), 3, Duration.ofMillis(200))
        .executeAndCollect(patents.size() + 1);

    assertThat(TypeInformation.of(EmbeddedPatent.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(out).extracting(embedded -> embedded.getPatent().getPublicationKey())
        .containsExactlyElementsOf(patents.stream().map(Patent::getPublicationKey).toList());
    try (InProcessEmbedder model = new InProcessEmbedder(1)) {
      for (int i = 0; i < patents.size(); i++) {
        assertThat(out.get(i).getPatent()).isEqualTo(patents.get(i));
        assertThat(out.get(i).getModelId()).isEqualTo(InProcessEmbedder.MODEL_ID);
        assertThat(out.get(i).getVector())
            .containsExactly(model.embed(List.of(EmbeddingText.of(patents.get(i)))).get(0), within(1e-6f));
      }
    }
  }
}
