package io.patent2tech.udfs.models3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.schema.DeadLetter;
import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.InMemoryFigureImages;
import io.patent2tech.udfs.drawings.image.ImageLimits;
import io.patent2tech.udfs.drawings.sheets.DesignCatalogue;
import io.patent2tech.udfs.drawings.sheets.DrawnPatent;
import io.patent2tech.udfs.reconstruct.Carver;
import io.patent2tech.udfs.reconstruct.CpuCarver;
import io.patent2tech.udfs.reconstruct.CpuMarchingCubes;
import io.patent2tech.udfs.reconstruct.Mesh;
import io.patent2tech.udfs.reconstruct.ReconstructionEngine;
import io.patent2tech.udfs.reconstruct.ReconstructionEngineFactory;
import io.patent2tech.udfs.reconstruct.SurfaceExtractor;
import io.patent2tech.udfs.reconstruct.VoxelGrid;
import java.util.ArrayList;
import java.util.Collections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconstruction stage on synthetic design patents drawn from known solids (drawings.sheets):
 * their XML through the USPTO parser, their G4 sheets through an in-memory image source, a small
 * grid so that the tests stay fast.
 */
class ReconstructModelsTest {

  private static final ReconstructionSettings SMALL = new ReconstructionSettings(48, 0.25, 64);
  private static final Map<String, DrawnPatent> DRAWN = new ConcurrentHashMap<>();

  @TempDir
  Path models;

  @BeforeAll
  static void draw() throws Exception {
    for (String name : List.of("D0990002", "D0990004", "D0990010")) {
      DRAWN.put(name, DrawnPatent.draw(DesignCatalogue.byName(name)));
    }
  }

  /** The patent as the ingest job publishes it, its sheets put in the store {@code store}. */
  private static Patent patent(String name, String store) throws Exception {
    DrawnPatent drawn = DRAWN.get(name);
    Patent p = new UsptoDocumentProcessor().process(drawn.xmlBytes(), Fixtures.source(name + ".xml", 0), 0L);
    drawn.tiffs.forEach((file, bytes) -> InMemoryFigureImages.store(store).put(p.getPublicationKey(), file, bytes));
    return p;
  }

  private record Run(List<Model3d> models, List<DeadLetter> deadLetters) {}

  private Run run(String store, Patent... patents) throws Exception {
    return run(store, ReconstructionEngineFactory.cpu(), 8, models, patents);
  }

  private Run run(String store, ReconstructionEngineFactory engine, int batchSets, Path dir, Patent... patents)
      throws Exception {
    ReconstructModels operator = new ReconstructModels(InMemoryFigureImages.factory(store), engine, batchSets,
        SMALL, ImageLimits.DEFAULT, dir.toString(), "patents.normalized");
    try (var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(operator),
        new ReconstructModels.ByPublication(), Types.STRING)) {
      h.open();
      for (Patent p : patents) {
        h.processElement(new StreamRecord<>(p));
      }
      var dead = h.getSideOutput(ReconstructModels.DEAD_LETTERS);
      return new Run(h.extractOutputValues(),
          dead == null ? List.of() : dead.stream().map(StreamRecord::getValue).toList());
    }
  }

  @Test
  void anLBracketsSevenViewsMakeAVisualHullWithItsFiles() throws Exception {
    Run run = run("l-bracket", patent("D0990002", "l-bracket"));

    Model3d model = run.models().get(0);
    assertThat(run.models()).hasSize(1);
    assertThat(model.getStatus()).isEqualTo("made");
    assertThat(model.getMethod()).isEqualTo("visual-hull");
    assertThat(model.getDevice()).isEqualTo("cpu");
    assertThat(model.getViewsUsed()).extracting(v -> v.getView())
        .containsExactlyInAnyOrder("front", "rear", "left", "right", "top", "bottom");
    assertThat(model.getGridDims()).contains(48);
    assertThat(model.getTriangleCount()).isPositive();
    Path dir = models.resolve(model.getFiles().getDirectory());
    for (String f : List.of("model.stl", "model.ply", "model.obj", "model.glb", "preview.png", "model3d.json")) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    // the L-bracket is its own visual hull: the model fills less of its box than a block would
    double[] box = model.getBoundingBox().stream().mapToDouble(Double::doubleValue).toArray();
    double boxVolume = (box[3] - box[0]) * (box[4] - box[1]) * (box[5] - box[2]);
    assertThat(model.getVolume() / boxVolume).isBetween(0.3, 0.8);
    assertThat(run.deadLetters()).isEmpty();
  }

  @Test
  void aReplayInTheSameJobEmitsNothingAndANewJobReusesTheFilesWithoutCarving() throws Exception {
    Patent bracket = patent("D0990002", "replay");
    Run first = run("replay", bracket, bracket);
    assertThat(first.models()).hasSize(1);
    long written = Files.getLastModifiedTime(models.resolve(first.models().get(0).getFiles().getDirectory())
        .resolve("model.stl")).toMillis();

    Run again = run("replay", bracket); // a new operator: no state
    assertThat(again.models()).containsExactly(first.models().get(0));
    assertThat(Files.getLastModifiedTime(models.resolve(first.models().get(0).getFiles().getDirectory())
        .resolve("model.stl")).toMillis()).isEqualTo(written);
  }

  @Test
  void twoEmbodimentsAreTwoModels() throws Exception {
    Run run = run("steps", patent("D0990004", "steps"));
    assertThat(run.models()).extracting(Model3d::getFigureSet, Model3d::getStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("set-1", "made"),
            org.assertj.core.groups.Tuple.tuple("set-2", "made"));
    assertThat(run.models().get(0).getVolume()).isNotEqualTo(run.models().get(1).getVolume());
  }

  /** Batch sizes each engine opened under a name saw: carveAll's and extractAll's, in order. */
  private static final Map<String, List<String>> BATCHES = new ConcurrentHashMap<>();

  /** The CPU engine, recording under {@code name} the size of each batch it is given. */
  private static ReconstructionEngineFactory recording(String name) {
    return () -> {
      List<String> seen = BATCHES.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>()));
      CpuCarver cpuCarver = new CpuCarver();
      CpuMarchingCubes cpuSurface = new CpuMarchingCubes();
      Carver carver = new Carver() {
        @Override
        public VoxelGrid carve(io.patent2tech.udfs.reconstruct.RegisteredViews views,
            io.patent2tech.udfs.reconstruct.GridSpec spec) {
          return cpuCarver.carve(views, spec);
        }

        @Override
        public List<VoxelGrid> carveAll(List<Carver.Item> items) {
          seen.add("carve " + items.size());
          return Carver.super.carveAll(items);
        }
      };
      SurfaceExtractor surface = new SurfaceExtractor() {
        @Override
        public Mesh extract(VoxelGrid grid) {
          return cpuSurface.extract(grid);
        }

        @Override
        public List<Mesh> extractAll(List<VoxelGrid> grids) {
          seen.add("surface " + grids.size());
          return SurfaceExtractor.super.extractAll(grids);
        }
      };
      return ReconstructionEngine.of(carver, surface);
    };
  }

  /** A record without what differs between two runs of the same inputs: when and how fast. */
  private static Model3d timeless(Model3d m) {
    return Model3d.newBuilder(m).setTimingsMs(Map.of()).setMadeAt(0L).build();
  }

  @Test
  void aPatentsSetsAreCarvedInOneBatchAndGiveWhatEachSetAloneGives() throws Exception {
    Patent steps = patent("D0990004", "batched");
    Run batched = run("batched", recording("batched"), 8, models.resolve("batched"), steps);
    assertThat(BATCHES.get("batched")).containsExactly("carve 2", "surface 2");

    Run alone = run("batched", recording("alone"), 1, models.resolve("alone"), patent("D0990004", "batched"));
    assertThat(BATCHES.get("alone")).containsExactly("carve 1", "surface 1", "carve 1", "surface 1");

    // two models directories: the second run carves too instead of reusing the first one's files
    assertThat(batched.models()).hasSize(2);
    assertThat(batched.models()).extracting(Model3d::getStatus).containsOnly("made");
    assertThat(alone.models().stream().map(ReconstructModelsTest::timeless).toList())
        .isEqualTo(batched.models().stream().map(ReconstructModelsTest::timeless).toList());
  }

  @Test
  void aPerspectiveViewAloneIsNotMadeAndSaysWhy() throws Exception {
    Run run = run("spacer", patent("D0990010", "spacer"));
    assertThat(run.models()).singleElement().satisfies(m -> {
      assertThat(m.getStatus()).isEqualTo("not-made");
      assertThat(m.getReason()).isNotBlank();
      assertThat(m.getFiles()).isNull();
    });
  }

  @Test
  void anImageTooLargeIsADeadLetterAndTheSetFailed() throws Exception {
    Patent bracket = patent("D0990002", "too-large");
    String file = bracket.getFigures().get(2).getFile();
    InMemoryFigureImages.store("too-large").fail(bracket.getPublicationKey(), file,
        FigureImageException.Reason.TOO_LARGE, file + " is 40 MiB, more than the 16 MiB allowed");

    Run run = run("too-large", bracket);
    assertThat(run.models()).singleElement().satisfies(m -> {
      assertThat(m.getStatus()).isEqualTo("failed");
      assertThat(m.getReason()).isEqualTo("image-too-large");
    });
    assertThat(run.deadLetters()).singleElement().satisfies(d -> {
      assertThat(d.getStage()).isEqualTo("reconstruct");
      assertThat(d.getPublicationKey()).isEqualTo(bracket.getPublicationKey());
      assertThat(d.getReason()).contains(file);
    });
  }
}
