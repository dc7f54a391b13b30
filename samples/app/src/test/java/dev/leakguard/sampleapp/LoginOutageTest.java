package dev.leakguard.sampleapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.leakguard.verifier.VerifyingDataSource;
import dev.leakguard.verifier.junit.AllowLeaks;
import dev.leakguard.verifier.junit.VerifierPool;
import dev.leakguard.verifier.junit.VerifyNoLeaks;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outage 4, "the login service locks everyone out", on a pool of 3 connections that waits 250 ms:
 * the leaky login drains the pool after three bad requests, the fixed one survives thousands.
 */
@VerifyNoLeaks
@VerifierPool(maximumPoolSize = 3, connectionTimeoutMillis = 250)
class LoginOutageTest {
  /** One character longer than the attempts table accepts: H2 rejects it with SQLState 22001. */
  private static final String TOO_LONG = "x".repeat(Schema.MAX_USER_NAME + 1);

  private VerifyingDataSource db;

  @BeforeEach
  void openShop(VerifyingDataSource db) throws SQLException {
    this.db = db;
    Schema.create(db);
    Schema.addUser(db, "alice", "correct horse");
  }

  @Test
  @AllowLeaks("reproduces the outage")
  void leakyLoginDrainsThePoolAndThenLocksEveryoneOut() throws SQLException {
    LoginService login = new LoginServiceLeaky(db);
    assertTrue(login.authenticate("alice", "correct horse"));

    for (int request = 1; request <= 3; request++) {
      SQLException badInput = assertThrows(SQLException.class, () -> login.authenticate(TOO_LONG, "x"));
      assertEquals("22001", badInput.getSQLState(), "value too long for the column");
    }
    SQLTransientConnectionException outage = assertThrows(
        SQLTransientConnectionException.class, () -> login.authenticate("alice", "correct horse"));
    assertTrue(outage.getMessage().contains("Connection is not available, request timed out after"),
        outage.getMessage());

    assertEquals(
        ExpectedLeaks.times(3, ExpectedLeaks.at("JdbcConnectionLeak", LoginServiceLeaky.class, "authenticate",
            "Connection connection = dataSource.getConnection();")),
        ExpectedLeaks.of(db.leaks()));
  }

  @Test
  void fixedLoginSurvivesTwoThousandRequests() throws SQLException {
    LoginService login = new LoginServiceFixed(db);
    int rejectedInputs = 0;
    for (int request = 0; request < 2000; request++) {
      switch (request % 4) {
        case 0:
          assertTrue(login.authenticate("alice", "correct horse"));
          break;
        case 1:
          assertFalse(login.authenticate("alice", "wrong"));
          break;
        case 2:
          assertFalse(login.authenticate("mallory", "guess"));
          break;
        default:
          assertThrows(SQLException.class, () -> login.authenticate(TOO_LONG, "x"));
          rejectedInputs++;
      }
    }
    assertEquals(500, rejectedInputs);
    assertEquals(List.of(), db.leaks());
    assertEquals(0, db.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections());
    assertEquals(0, db.retainedRecords());
  }
}
