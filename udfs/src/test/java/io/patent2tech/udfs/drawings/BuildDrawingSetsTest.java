package io.patent2tech.udfs.drawings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.PatentDrawings;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/** The operator: one record per patent, a dead letter for a patent it cannot read. */
class BuildDrawingSetsTest {

  @Test
  void onePatentInOneRecordOutAndARecordItCannotReadIsADeadLetter() throws Exception {
    Patent design = new UsptoDocumentProcessor().process(Fixtures.bytes("grant/ipgD0701016.xml"),
        Fixtures.source("grant/ipgD0701016.xml", 0), 1L);
    Patent broken = new Patent(); // no description, no figures: what no decoder makes, but a bug upstream might
    broken.setPublicationKey("US-1-B1");

    try (OneInputStreamOperatorTestHarness<Patent, PatentDrawings> harness =
        new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new BuildDrawingSets("patents.normalized")))) {
      harness.open();
      harness.processElement(design, 0L);
      harness.processElement(broken, 0L);

      List<PatentDrawings> out = harness.extractOutputValues();
      assertThat(out).extracting(PatentDrawings::getPublicationKey).containsExactly("US-D701016-S1");
      assertThat(harness.getSideOutput(BuildDrawingSets.DEAD_LETTERS)).singleElement().satisfies(r -> {
        DeadLetter d = r.getValue();
        assertThat(d.getPublicationKey()).isEqualTo("US-1-B1");
        assertThat(d.getStage()).isEqualTo("drawings");
        assertThat(d.getSource()).isEqualTo("patents.normalized");
        assertThat(d.getReason()).startsWith("cannot build the drawing set: java.lang.NullPointerException");
      });
    }
  }
}
