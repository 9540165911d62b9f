package io.patent2tech.jobs.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.DocumentResult;
import io.patent2tech.udfs.kipris.KiprisApiException;
import io.patent2tech.udfs.kipris.KiprisDocumentProcessor;

/**
 * Saved KIPRIS Plus responses, one file at a time: every record of the response (a detail response
 * holds one, a search page one per row). Search rows carry no claims, so the validator rejects them
 * ({@code validate: missing required field: claims}): they come out as dead letters with their
 * publication key. An error envelope ({@code resultCode} 30, {@code successYN} N, gateway error) is
 * one dead letter for the file, stage {@code parse}, reason with the office's code and message.
 */
public final class KiprisFiles implements FormatReader {

  static final String SOURCE = "kipris";
  static final String OFFICE = "KIPO";

  private final KiprisDocumentProcessor processor = new KiprisDocumentProcessor();

  @Override
  public void read(List<String> files, ParseOutput out) throws IOException {
    for (String file : files) {
      response(file, Files.readAllBytes(Path.of(file)), out);
    }
  }

  private void response(String file, byte[] bytes, ParseOutput out) {
    long now = System.currentTimeMillis();
    List<DocumentResult> results;
    try {
      results = processor.processAll(bytes, where(file, 0), now);
    } catch (DocumentRejectedException e) {
      out.rejectedFile(e, SOURCE, OFFICE, file, bytes, now);
      return;
    } catch (KiprisApiException e) {
      out.rejectedFile(new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE,
          "error envelope: " + e.getMessage(), null, e), SOURCE, OFFICE, file, bytes, now);
      return;
    }
    if (results.isEmpty()) {
      out.note(file + ": KIPRIS response holds no record");
    }
    for (DocumentResult r : results) {
      if (r.isAccepted()) {
        out.record(r.patent());
      } else {
        out.rejected(r.rejection(), SOURCE, where(file, r.index()), bytes, now);
      }
    }
  }

  private static Source where(String file, int position) {
    return new Source(OFFICE, null, file, null, (long) position, null, null, null);
  }
}
