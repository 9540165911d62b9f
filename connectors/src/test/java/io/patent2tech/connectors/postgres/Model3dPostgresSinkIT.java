package io.patent2tech.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.patent2tech.schema.Model3d;
import io.patent2tech.schema.ModelFiles;
import io.patent2tech.schema.ModelView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Lands 3D reconstruction outcomes in a real PostgreSQL (a throw-away migrated schema). */
class Model3dPostgresSinkIT {

  @RegisterExtension
  static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1)
      .setNumberSlotsPerTaskManager(2)
      .build());

  /** 2025-01-02T03:04:05Z */
  private static final long T0 = 1735787045000L;

  private PostgresTestDatabase database;

  @BeforeEach
  void migrate() throws SQLException {
    database = new PostgresTestDatabase();
    PostgresMigrations.migrate(database.settings());
  }

  @AfterEach
  void dropSchema() throws SQLException {
    database.close();
  }

  @Test
  void landsEveryFieldOfAMadeModelAndASetThatCouldNotBeMade() throws Exception {
    SinkJobs.land(List.of(made("US-D990001-S1", "set-1", "h1", T0), notMade("US-D990001-S1", "set-2")),
        Model3dPostgresSink.create(database.settings(), 16, 0), "postgres models landing test");

    assertThat(database.rows("SELECT figure_set, status, reason, method, device, grid_size, grid_dims::text,"
        + " vertex_count, triangle_count, volume, bounding_box::text, content_hash, made_at FROM models_3d"
        + " ORDER BY figure_set")).containsExactly(
        Arrays.asList("set-1", "made", null, "visual-hull", "cpu", 256, "{256,128,64}", 8L, 12L, 0.125,
            "{0,0,0,1,0.5,0.25}", "h1", Instant.ofEpochMilli(T0)),
        Arrays.asList("set-2", "not-made", "single-view", null, null, null, null, null, null, null, null, "h2",
            Instant.ofEpochMilli(T0)));
    assertThat(database.rows("SELECT views_used->0->>'view', views_used->0->>'image_file', files->>'glb',"
        + " files->>'directory', (timings_ms->>'total')::int FROM models_3d WHERE figure_set = 'set-1'"))
        .containsExactly(List.of("front", "USD0990001-20261201-D00002.TIF", "model.glb", "US-D990001-S1/set-1", 42));
    assertThat(database.rows("SELECT views_used::text, files IS NULL, timings_ms::text FROM models_3d"
        + " WHERE figure_set = 'set-2'")).containsExactly(List.of("[]", true, "{}"));
  }

  @Test
  void aReplayWritesNothingEvenWithOtherTimings() throws Exception {
    call(made("US-D990001-S1", "set-1", "h1", T0));
    String version = "SELECT xmin::text, updated_at FROM models_3d";
    List<List<Object>> before = database.rows(version);

    Model3d again = made("US-D990001-S1", "set-1", "h1", T0 + 60_000);
    again.setTimingsMs(Map.of("total", 7L));
    call(again);

    assertThat(database.rows(version)).isEqualTo(before);
    assertThat(database.rows("SELECT made_at FROM models_3d")).containsExactly(List.of(Instant.ofEpochMilli(T0)));
  }

  @Test
  void aSetMadeFromOtherInputsReplacesItsRow() throws Exception {
    call(made("US-D990001-S1", "set-1", "h1", T0));
    Model3d remade = made("US-D990001-S1", "set-1", "h2", T0 + 60_000);
    remade.setDevice("cuda:NVIDIA H100 80GB HBM3");
    remade.setTriangleCount(14L);
    call(remade);

    assertThat(database.rows("SELECT content_hash, device, triangle_count, made_at, count(*) OVER () FROM models_3d"))
        .containsExactly(List.of("h2", "cuda:NVIDIA H100 80GB HBM3", 14L, Instant.ofEpochMilli(T0 + 60_000), 1L));
  }

  private static Model3d made(String key, String set, String hash, long madeAt) {
    return Model3d.newBuilder().setPublicationKey(key).setFigureSet(set).setStatus("made")
        .setMethod("visual-hull").setDevice("cpu")
        .setViewsUsed(List.of(new ModelView("front", "2", "USD0990001-20261201-D00002.TIF"),
            new ModelView("top", "6", "USD0990001-20261201-D00006.TIF")))
        .setGridSize(256).setGridDims(List.of(256, 128, 64)).setVertexCount(8L).setTriangleCount(12L)
        .setVolume(0.125).setBoundingBox(List.of(0.0, 0.0, 0.0, 1.0, 0.5, 0.25))
        .setFiles(new ModelFiles(key + "/" + set, "model.stl", "model.ply", "model.obj", "model.glb", "preview.png"))
        .setTimingsMs(Map.of("carve", 30L, "total", 42L)).setContentHash(hash).setMadeAt(madeAt).build();
  }

  private static Model3d notMade(String key, String set) {
    return Model3d.newBuilder().setPublicationKey(key).setFigureSet(set).setStatus("not-made")
        .setReason("single-view").setContentHash("h2").setMadeAt(T0).build();
  }

  private void call(Model3d... models) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement call = connection.prepareStatement(Model3dPostgresSink.UPSERT)) {
      for (Model3d model : models) {
        Model3dPostgresSink.bind(call, model);
        call.addBatch();
      }
      call.executeBatch();
    }
  }
}
