package io.patent2tech.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreUnavailableExceptionTest {

  @Test
  void namesStoreEndpointWaitAndTheCauseOnTheWire() {
    // how pgjdbc reports a refused connection: its own sentence around the socket's
    SQLException refused = new SQLException("Connection to localhost:5432 refused. Check that the hostname and "
        + "port are correct and that the postmaster is accepting TCP/IP connections.", "08001",
        new ConnectException("Connection refused"));

    StoreUnavailableException e =
        new StoreUnavailableException("PostgreSQL", "localhost:5432/patent2tech", Duration.ofMillis(60_400), refused);

    assertThat(e).hasMessage(
        "PostgreSQL at localhost:5432/patent2tech refused the connection (waited 60 s): Connection refused");
    assertThat(e.store()).isEqualTo("PostgreSQL");
    assertThat(e.endpoint()).isEqualTo("localhost:5432/patent2tech");
    assertThat(e).isInstanceOf(IOException.class).hasCause(refused);
  }

  @Test
  void saysWhatKindOfTroubleItWas() {
    assertThat(StoreUnavailableException.problem(new IOException("x", new SocketTimeoutException("Read timed out"))))
        .isEqualTo("did not answer in time");
    assertThat(StoreUnavailableException.problem(new UnknownHostException("es.invalid")))
        .isEqualTo("has a host name that does not resolve");
    assertThat(StoreUnavailableException.problem(new SocketException("Connection reset")))
        .isEqualTo("is unreachable");
    assertThat(StoreUnavailableException.problem(new ConnectException("Connection timed out")))
        .isEqualTo("is unreachable");
  }

  @Test
  void aCauseWithoutMessageIsNamedWithWhatTheClientMadeOfIt() {
    SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006",
        new EOFException());

    assertThat(StoreUnavailableException.reason(lost))
        .isEqualTo("EOFException (An I/O error occurred while sending to the backend.)");
    assertThat(StoreUnavailableException.reason(new IOException("first line\nsecond line"))).isEqualTo("first line");
  }
}
