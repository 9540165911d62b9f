package io.patent2tech.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class TopicCodecTest {

  @Test
  void patentRoundTrips() throws IOException {
    Patent p = Patent.newBuilder()
        .setPublicationKey("US-8930553-B2")
        .setPublication(DocumentId.newBuilder().setCountry("US").setNumber("8930553").setKind("B2")
            .setDate("2015-01-06").build())
        .setTitles(List.of(new LocalizedText("en", "Managing mid-dialog SIP messages")))
        .setSource(Source.newBuilder().setOffice("USPTO").setFile("ipg150106.zip").setPosition(7).build())
        .setContentHash("abc")
        .setIngestTime(1L)
        .build();
    TopicCodec<Patent> codec = TopicCodec.patents();
    assertThat(codec.decode(codec.encode(p))).isEqualTo(p);
  }

  @Test
  void linkRoundTripsAndIsNotAPatent() throws IOException {
    PatentLink link = PatentLink.newBuilder().setFromKey("US-20120057518-A1").setToKey("US-9648662-B2")
        .setKind("same-application").setStrength("strong").setSharedId("US-13234567")
        .setMethod("application-key").setFirstSeen(1L).build();
    byte[] bytes = TopicCodec.links().encode(link);
    assertThat(TopicCodec.links().decode(bytes)).isEqualTo(link);
    assertThatThrownBy(() -> TopicCodec.patents().decode(bytes)).isInstanceOf(IOException.class);
  }

  @Test
  void aModelOutcomeRoundTripsAndIsNotALink() throws IOException {
    Model3d model = Model3d.newBuilder().setPublicationKey("US-D990001-S1").setFigureSet("set-1")
        .setStatus("made").setMethod("visual-hull").setDevice("cpu")
        .setViewsUsed(java.util.List.of(new ModelView("front", "2", "USD0990001-20261201-D00002.TIF")))
        .setGridSize(256).setGridDims(java.util.List.of(256, 128, 64)).setVertexCount(8L).setTriangleCount(12L)
        .setVolume(0.125).setBoundingBox(java.util.List.of(0.0, 0.0, 0.0, 1.0, 0.5, 0.25))
        .setFiles(new ModelFiles("US-D990001-S1/set-1", "model.stl", "model.ply", "model.obj", "model.glb", "preview.png"))
        .setTimingsMs(java.util.Map.of("total", 42L)).setContentHash("abc").setMadeAt(1L).build();
    byte[] bytes = TopicCodec.models3d().encode(model);
    assertThat(TopicCodec.models3d().decode(bytes)).isEqualTo(model);
    assertThatThrownBy(() -> TopicCodec.links().decode(bytes)).isInstanceOf(IOException.class);
  }

  @Test
  void drawingsRoundTripAndAreNotALink() throws IOException {
    DrawingFigure front = DrawingFigure.newBuilder().setId("FIG-4").setFigureNumber("4").setView("front")
        .setCandidateFiles(List.of("USD0701016-20140318-D00001.TIF")).setEmbodiment(1).build();
    PatentDrawings d = PatentDrawings.newBuilder().setPublicationKey("US-D701016-S1").setOffice("USPTO")
        .setKind("S1").setIsDesign(true).setPatentVersion(1).setPatentContentHash("abc")
        .setFigures(List.of(front))
        .setSets(List.of(OrthographicSet.newBuilder().setId("set-1").setEmbodiment(1)
            .setViews(List.of(new SetView("FIG-4", "front"))).setReconstructable(false)
            .setReason("single-view").build()))
        .setReconstructable(false).setReason("single-view").build();
    byte[] bytes = TopicCodec.drawings().encode(d);
    assertThat(TopicCodec.drawings().decode(bytes)).isEqualTo(d);
    assertThatThrownBy(() -> TopicCodec.links().decode(bytes)).isInstanceOf(IOException.class);
  }

  @Test
  void garbageIsAnIOExceptionNotACrash() {
    assertThatThrownBy(() -> TopicCodec.patents().decode(new byte[] {1, 2, 3, 4, 5}))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aDeadLetterIsNotAPatent() {
    DeadLetter d = DeadLetter.newBuilder().setSource("uspto").setStage("parse").setReason("x")
        .setTime(0L).build();
    byte[] bytes = TopicCodec.deadLetters().encode(d);
    assertThatThrownBy(() -> TopicCodec.patents().decode(bytes)).isInstanceOf(IOException.class);
  }

  @Test
  void aValueInTheConfluentWireFormatIsNamedAsSuch() {
    byte[] confluent = {0, 0, 0, 0, 42, 2, 'a'}; // magic byte, schema id 42, Avro binary
    assertThatThrownBy(() -> TopicCodec.links().decode(confluent)).isInstanceOf(IOException.class)
        .hasMessageContaining("Confluent wire format (schema id 42)")
        .hasMessageContaining("registry.url");
  }

  private static PatentLink link() {
    return PatentLink.newBuilder().setFromKey("US-20120057518-A1").setToKey("US-9648662-B2")
        .setKind("same-application").setStrength("strong").setSharedId("US-13234567")
        .setMethod("application-key").setFirstSeen(1L).build();
  }

  /** A registry in memory: ids in registration order, one per distinct schema. */
  private static final class MemoryRegistry implements SchemaRegistry {
    final java.util.Map<Integer, org.apache.avro.Schema> byId = new java.util.HashMap<>();
    final java.util.Map<String, java.util.List<Integer>> subjects = new java.util.HashMap<>();

    @Override
    public synchronized int register(String subject, org.apache.avro.Schema schema) {
      int id = byId.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(java.util.Map.Entry::getKey)
          .findFirst().orElseGet(() -> {
            int next = byId.size() + 1;
            byId.put(next, schema);
            return next;
          });
      subjects.computeIfAbsent(subject, k -> new java.util.ArrayList<>()).add(id);
      return id;
    }

    @Override
    public synchronized org.apache.avro.Schema schemaById(int id) throws IOException {
      org.apache.avro.Schema schema = byId.get(id);
      if (schema == null) {
        throw new IOException("no schema " + id);
      }
      return schema;
    }
  }

  @Test
  void confluentValuesCarryTheSubjectsIdAndRoundTrip() throws IOException {
    MemoryRegistry registry = new MemoryRegistry();
    registry.register("other-value", Patent.getClassSchema()); // so the link's id is 2, not 1
    TopicCodec<PatentLink> codec = TopicCodec.links().writingConfluent("my.links", registry);
    byte[] bytes = codec.encode(link());
    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(2);
    assertThat(registry.subjects).containsKey("my.links-value");
    assertThat(codec.encoding()).isEqualTo(ValueEncoding.CONFLUENT);
    assertThat(TopicCodec.links().withRegistry(registry).decode(bytes)).isEqualTo(link());
  }

  @Test
  void aReaderWithARegistryStillReadsSingleObjectValues() throws IOException {
    byte[] singleObject = TopicCodec.links().encode(link());
    assertThat(singleObject[0]).isEqualTo((byte) 0xC3);
    assertThat(TopicCodec.links().withRegistry(new MemoryRegistry()).decode(singleObject)).isEqualTo(link());
  }

  @Test
  void aConfluentValueOfAnOlderSchemaIsResolvedToTheCurrentClass() throws IOException {
    // EnrichedPatent v1 lacks fields v2 added with defaults: the reader fills them in
    org.apache.avro.Schema v1;
    try (var in = TopicCodec.class.getResourceAsStream("/schema-history/EnrichedPatent.v1.avsc")) {
      v1 = new org.apache.avro.Schema.Parser().parse(in);
    }
    MemoryRegistry registry = new MemoryRegistry();
    int id = registry.register("patents.enriched-value", v1);
    org.apache.avro.generic.GenericRecord old = randomRecord(v1);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(0);
    out.write(java.nio.ByteBuffer.allocate(4).putInt(id).array());
    var encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
    new org.apache.avro.generic.GenericDatumWriter<org.apache.avro.generic.GenericRecord>(v1).write(old, encoder);
    encoder.flush();
    EnrichedPatent read = TopicCodec.enrichedPatents().withRegistry(registry).decode(out.toByteArray());
    assertThat(read.getPublicationKey()).isEqualTo(old.get("publication_key").toString());
  }

  @Test
  void anUnknownSchemaIdIsAnIOException() {
    byte[] confluent = {0, 0, 0, 0, 42, 2, 'a'};
    assertThatThrownBy(() -> TopicCodec.links().withRegistry(new MemoryRegistry()).decode(confluent))
        .isInstanceOf(IOException.class).hasMessageContaining("no schema 42");
  }

  /** A record of {@code schema} with every field given a value (Avro's own random data generator). */
  private static org.apache.avro.generic.GenericRecord randomRecord(org.apache.avro.Schema schema) {
    return (org.apache.avro.generic.GenericRecord) new org.apache.avro.util.RandomData(schema, 1, 7L)
        .iterator().next();
  }
}
