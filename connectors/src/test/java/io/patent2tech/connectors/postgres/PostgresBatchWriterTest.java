package io.patent2tech.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class PostgresBatchWriterTest {

  private static final String PATENT_JSON = "{\"publication_key\": \"US-8930553-B2\", \"title\": \"Managing\"}";

  /** As pgjdbc's BatchResultHandler builds it: the entry with its parameters, the error chained twice. */
  private static BatchUpdateException batchFailure(SQLException error) {
    BatchUpdateException batch = new BatchUpdateException("Batch entry 0 CALL p2t_upsert_patent('" + PATENT_JSON
        + "') was aborted: " + error.getMessage() + "  Call getNextException to see other errors in the batch.",
        error.getSQLState(), 0, new long[0], error);
    batch.setNextException(error);
    return batch;
  }

  @Test
  void aFailedBatchIsReportedByTheErrorItChainsNotByItsStatement() {
    PSQLException lost = new PSQLException("An I/O error occurred while sending to the backend.",
        PSQLState.CONNECTION_FAILURE, new SocketException("Connection reset"));

    SQLException reported = PostgresBatchWriter.withoutParameters(batchFailure(lost));

    assertThat((Throwable) reported).isSameAs(lost);
    assertThat(ReconnectingConnection.isConnectionLost(reported)).isTrue();
  }

  @Test
  void aBatchFailureWithNothingChainedKeepsOnlyItsState() {
    BatchUpdateException bare = new BatchUpdateException("Batch entry 0 CALL p2t_upsert_patent('" + PATENT_JSON
        + "') was aborted", "23505", new int[0]);

    SQLException reported = PostgresBatchWriter.withoutParameters(bare);

    assertThat(reported.getSQLState()).isEqualTo("23505");
    assertThat(reported.getMessage()).doesNotContain("US-8930553-B2");
  }

  @Test
  void otherErrorsAreReportedAsTheyAre() {
    SQLException login = new SQLException("FATAL: password authentication failed for user \"x\"", "28P01");

    assertThat((Throwable) PostgresBatchWriter.withoutParameters(login)).isSameAs(login);
    assertThat(PostgresBatchWriter.serverMessage(new SQLException("first\n  Where: second", "42883")))
        .isEqualTo("first");
  }

  @Test
  void deadlocksAndSerializationFailuresAreWorthAnotherTry() {
    assertThat(PostgresBatchWriter.isTransactionRollback(new SQLException("deadlock detected", "40P01"))).isTrue();
    assertThat(PostgresBatchWriter.isTransactionRollback(new SQLException("could not serialize", "40001"))).isTrue();
    assertThat(PostgresBatchWriter.isTransactionRollback(new SQLException("no such procedure", "42883"))).isFalse();
  }
}
