package io.patent2tech.connectors.drawings;

import io.patent2tech.schema.Figure;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.drawings.FigureImageException;
import io.patent2tech.udfs.drawings.FigureImageException.Reason;
import io.patent2tech.udfs.drawings.FigureImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Picks the source of a figure's image by the patent ({@code Source.office}, how it was read): the
 * sources that serve the patent are tried in the order added, and the first image found is
 * returned. A source that has no such image ({@link Reason#MISSING}, {@link Reason#NO_SOURCE})
 * hands over to the next; any other failure (too large, unreadable, unavailable) is the answer.
 * When no source serves the patent the reason is {@link Reason#NO_SOURCE}.
 */
public final class CompositeFigureImages implements FigureImages {

  private record Candidate(String name, Predicate<Patent> serves, FigureImages images) {}

  private final List<Candidate> candidates = new ArrayList<>();

  /** Adds a source, tried after those added before it, for the patents {@code serves} accepts. */
  public CompositeFigureImages add(String name, Predicate<Patent> serves, FigureImages images) {
    candidates.add(new Candidate(Objects.requireNonNull(name), Objects.requireNonNull(serves),
        Objects.requireNonNull(images)));
    return this;
  }

  /** Accepts patents whose {@code Source.office} is {@code office}. */
  public static Predicate<Patent> office(String office) {
    return p -> p.getSource() != null && office.equalsIgnoreCase(p.getSource().getOffice());
  }

  @Override
  public byte[] read(Patent patent, Figure figure) throws FigureImageException {
    List<String> tried = new ArrayList<>();
    Reason reason = Reason.NO_SOURCE;
    for (Candidate c : candidates) {
      if (!c.serves().test(patent)) {
        continue;
      }
      try {
        return c.images().read(patent, figure);
      } catch (FigureImageException e) {
        if (e.reason() != Reason.MISSING && e.reason() != Reason.NO_SOURCE) {
          throw e;
        }
        if (e.reason() == Reason.MISSING) {
          reason = Reason.MISSING;
        }
        tried.add(c.name() + ": " + e.getMessage());
      }
    }
    String office = patent.getSource() == null ? null : patent.getSource().getOffice();
    if (tried.isEmpty()) {
      throw new FigureImageException(Reason.NO_SOURCE, "no image source is configured for " + office
          + " patents such as " + patent.getPublicationKey());
    }
    throw new FigureImageException(reason, "figure " + figure.getId() + " of " + patent.getPublicationKey() + ": "
        + String.join("; ", tried));
  }

  @Override
  public void close() {
    candidates.forEach(c -> c.images().close());
  }
}
