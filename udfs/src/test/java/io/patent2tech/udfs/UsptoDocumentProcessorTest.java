package io.patent2tech.udfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.patent2tech.schema.Patent;

class UsptoDocumentProcessorTest {

  @Test
  void survivesJavaSerializationAsFlinkShipsIt() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new UsptoDocumentProcessor());
    }
    UsptoDocumentProcessor copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (UsptoDocumentProcessor) in.readObject();
    }
    Patent p = copy.process(Fixtures.bytes("grant/ipgD0701016.xml"), Fixtures.source("ipgD0701016.xml", 0), 3L);
    assertThat(p.getPublicationKey()).isEqualTo("US-D701016-S1");
  }

  @Test
  void recordsAreSerializableWithTheAvroSchema() throws Exception {
    Patent p = new UsptoDocumentProcessor().process(Fixtures.bytes("grant/US08926509.xml"),
        Fixtures.source("US08926509.xml", 0), 3L);
    java.nio.ByteBuffer encoded = p.toByteBuffer(); // fails on any schema violation (null in a required field)
    assertThat(Patent.fromByteBuffer(encoded)).isEqualTo(p);
  }

  @Test
  void threadSafeUnderConcurrentUse() throws Exception {
    UsptoDocumentProcessor shared = new UsptoDocumentProcessor();
    String[] files = {"grant/US08926509.xml", "grant/US08930553.xml", "application/ipa20180000016.xml",
        "grant/ipgD0701016.xml"};
    List<String> expected = new ArrayList<>();
    for (String f : files) {
      expected.add(shared.process(Fixtures.bytes(f), Fixtures.source(f, 0), 1L).getContentHash());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        final int offset = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 20; i++) {
            int k = (i + offset) % files.length;
            String h = shared.process(Fixtures.bytes(files[k]), Fixtures.source(files[k], i), 1L).getContentHash();
            if (!h.equals(expected.get(k))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
