package io.patent2tech.udfs.drawings;

import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@link FigureImages} for operator tests: images put by publication key and figure file name,
 * failures chosen per figure, every read recorded. The factory shares one store (static, by name)
 * so that a copy made by Flink's serialization sees what the test put.
 */
public final class InMemoryFigureImages implements FigureImages {

  private static final Map<String, InMemoryFigureImages> STORES = new ConcurrentHashMap<>();

  private final Map<String, byte[]> images = new ConcurrentHashMap<>();
  private final Map<String, FigureImageException> failures = new ConcurrentHashMap<>();
  private final List<String> reads = new CopyOnWriteArrayList<>();

  /** The store named {@code name}, created empty on first use. */
  public static InMemoryFigureImages store(String name) {
    return STORES.computeIfAbsent(name, n -> new InMemoryFigureImages());
  }

  /** A serializable factory opening the store named {@code name}. */
  public static FigureImagesFactory factory(String name) {
    return () -> store(name);
  }

  public InMemoryFigureImages put(String publicationKey, String file, byte[] bytes) {
    images.put(publicationKey + "/" + file, bytes);
    return this;
  }

  public InMemoryFigureImages fail(String publicationKey, String file, Reason reason, String message) {
    failures.put(publicationKey + "/" + file, new FigureImageException(reason, message));
    return this;
  }

  /** {@code publicationKey/file} of every read, in order. */
  public List<String> reads() {
    return List.copyOf(reads);
  }

  @Override
  public byte[] read(Patent patent, Figure figure) throws FigureImageException {
    String key = patent.getPublicationKey() + "/" + figure.getFile();
    reads.add(key);
    FigureImageException failure = failures.get(key);
    if (failure != null) {
      throw failure;
    }
    byte[] bytes = images.get(key);
    if (bytes == null) {
      throw new FigureImageException(Reason.MISSING, "no image " + key);
    }
    return bytes;
  }

  @Override
  public void close() {
    // the store outlives its users: tests read what was asked
  }
}
