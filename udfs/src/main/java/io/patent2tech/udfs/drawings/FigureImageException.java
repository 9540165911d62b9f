package io.patent2tech.udfs.drawings;

import java.util.Objects;

/** A figure whose image cannot be returned, with the reason (see {@link FigureImages#read}). */
public final class FigureImageException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why there is no image; {@link #UNAVAILABLE} alone may succeed when tried again later. */
  public enum Reason {
    /** The source has no image under the figure's name (or the figure names none). */
    MISSING,
    /** The image is larger than the configured byte limit. */
    TOO_LARGE,
    /** No configured source serves the patent's office or its kind of {@code Source}. */
    NO_SOURCE,
    /** The source holds it but it cannot be read: a damaged archive, a refused request. */
    UNREADABLE,
    /** The source cannot be reached now: an I/O error, a server error, a quota exhausted. */
    UNAVAILABLE
  }

  private final Reason reason;

  public FigureImageException(Reason reason, String message) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message);
    this.reason = reason;
  }

  public FigureImageException(Reason reason, String message, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** True when trying again later may succeed ({@link Reason#UNAVAILABLE}). */
  public boolean transientFailure() {
    return reason == Reason.UNAVAILABLE;
  }
}
