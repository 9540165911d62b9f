package io.patent2tech.udfs.models3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.schema.Model3d;
import java.util.List;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.api.common.typeinfo.Types;
import org.junit.jupiter.api.Test;

class PatentModelsTest {

  private static List<ModelSummary> run(Model3d... models) throws Exception {
    try (var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new PatentModels()),
        new PatentModels.ByPublication(), Types.STRING)) {
      h.open();
      for (Model3d m : models) {
        h.processElement(new StreamRecord<>(m));
      }
      return h.extractOutputValues();
    }
  }

  @Test
  void aPatentWithAMadeSetHasAModelAndNamesWhyItsOtherSetWasNot() throws Exception {
    List<ModelSummary> out = run(SampleModels.notMade("US-D1-S1", "set-2", "single-view"),
        SampleModels.made("US-D1-S1", "set-1"));
    ModelSummary last = out.get(out.size() - 1);
    assertThat(last.hasModel).isTrue();
    assertThat(last.status).isEqualTo("made");
    assertThat(last.figureSet).isEqualTo("set-1");
    assertThat(last.method).isEqualTo("visual-hull");
    assertThat(last.preview).isEqualTo("US-D1-S1/set-1/preview.png");
    assertThat(last.reasons).containsExactly("single-view");
    assertThat(out.get(0).hasModel).isFalse();
    assertThat(out.get(0).status).isEqualTo("not-made");
  }

  @Test
  void aReplayOfTheSameOutcomesWritesNothingAgain() throws Exception {
    Model3d made = SampleModels.made("US-D1-S1", "set-1");
    assertThat(run(made, made, Model3d.newBuilder(made).setMadeAt(made.getMadeAt() + 1).build())).hasSize(1);
  }

  @Test
  void aFailedSetWithoutAMadeOneIsFailedAndTheFirstMadeSetStandsForThePatent() throws Exception {
    Model3d failed = Model3d.newBuilder(SampleModels.notMade("US-D1-S1", "set-1", "image-undecodable"))
        .setStatus("failed").build();
    assertThat(run(failed).get(0).status).isEqualTo("failed");
    List<ModelSummary> both = run(SampleModels.made("US-D1-S1", "set-2"), SampleModels.made("US-D1-S1", "set-1"));
    assertThat(both.get(1).figureSet).isEqualTo("set-1");
    assertThat(both.get(1)).isEqualTo(PatentModels.summarize("US-D1-S1",
        List.of(SampleModels.made("US-D1-S1", "set-1"), SampleModels.made("US-D1-S1", "set-2"))));
  }
}
