package dev.leakguard.core.analysis;

import static dev.leakguard.core.analysis.Ownership.Decision.BORROWED;
import static dev.leakguard.core.analysis.Ownership.Decision.GETTER;
import static dev.leakguard.core.analysis.Ownership.Decision.OWNED;
import static dev.leakguard.core.analysis.Ownership.Decision.UNDECIDED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evidence of names, each rule next to the near miss it must not catch. */
class OwnershipTest {

  @ParameterizedTest(name = "{1}.{0} static={2} -> {3}")
  @CsvSource({
    // names that create or open
    "openConnection, com.acme.Db, false, OWNED",
    "createStatement, com.acme.Session, false, OWNED",
    "newConnection, com.acme.Db, false, OWNED",
    "acquire, com.acme.Lease, false, OWNED",
    "borrowConnection, com.acme.Pool, false, OWNED",
    "obtainConnection, org.hibernate.JdbcConnectionAccess, false, OWNED",
    "prepareInsert, com.acme.Dao, false, OWNED",
    "executeQuery, com.acme.Runner, false, OWNED",
    // names that look up an existing one, on any receiver
    "currentConnection, com.acme.Tx, false, BORROWED",
    "currentConnection, com.acme.ConnectionFactory, false, BORROWED",
    "findConnection, com.acme.Registry, false, BORROWED",
    "unwrap, com.acme.Proxy, false, BORROWED",
    "getDelegate, com.acme.DelegatingConnection, false, BORROWED",
    "getInnermostDelegate, com.acme.DelegatingConnection, false, BORROWED",
    // get*: owned from a factory-like receiver or a static helper, a getter otherwise
    "getConnection, com.acme.ConnectionPool, false, OWNED",
    "getConnection, com.acme.MyDataSource, false, OWNED",
    "getConnection, org.hibernate.ConnectionProvider, false, OWNED",
    "getConnection, com.acme.DbHelper, false, OWNED",
    "getConnection, com.acme.JdbcUtils, false, OWNED",
    "getDerbyConnection, com.acme.Database, false, OWNED",
    "getConnection, com.acme.Settings, true, OWNED",
    "getConnection, com.acme.Transaction, false, GETTER",
    "getObject, org.apache.commons.pool2.PooledObject, false, GETTER",
    "get, com.acme.StatementCache, false, GETTER",
    "getConnection, com.acme.Outer$Session, false, GETTER",
    // no evidence either way
    "toConnection, com.acme.Dao, false, UNDECIDED",
    "next, com.acme.Cursor, false, UNDECIDED",
    "getaway, com.acme.DataSource, false, UNDECIDED",
    "opener, com.acme.Db, false, UNDECIDED"
  })
  void resultsByName(String method, String receiver, boolean staticCall, Ownership.Decision expected) {
    assertEquals(expected, Ownership.ofResult(method, receiver, staticCall));
  }

  @org.junit.jupiter.api.Test
  void anUnknownReceiverIsNoFactory() {
    assertEquals(GETTER, Ownership.ofResult("getConnection", null, false));
    assertEquals(OWNED, Ownership.ofResult("openConnection", null, false));
    assertEquals(UNDECIDED, Ownership.ofResult("connection", null, false));
  }

  @ParameterizedTest
  @CsvSource({
    "closeQuietly, true",
    "closeConnection, true",
    "safeClose, true",
    "release, true",
    "releaseConnection, true",
    "returnConnection, true",
    "returnObject, true",
    "cleanUp, true",
    "invalidateObject, true",
    "disconnect, true",
    "execute, false",
    "process, false",
    "freeze, false",
    "returned, false"
  })
  void helpersThatClose(String method, boolean closes) {
    assertEquals(closes, Ownership.releasesArguments(method));
  }

  @ParameterizedTest
  @CsvSource({
    "close, true",
    "closeInternal, true",
    "closeQuietly, true",
    "close0, true",
    "reallyClose, true",
    "forceClose, true",
    "release, true",
    "destroy, true",
    "shutdown, true",
    "closeStatements, false",
    "closeOnCompletion, false",
    "closeOldResultSet, false",
    "releaseSavepoint, false",
    "isClosed, false",
    "onClose, false",
    "beforeClose, false",
    "execute, false"
  })
  void callsThatCloseTheirReceiver(String method, boolean closes) {
    assertEquals(closes, Ownership.releasesReceiver(method));
  }

  @org.junit.jupiter.api.Test
  void callsThatKeepWhatTheyAreGiven() {
    assertTrue(Ownership.keepsArguments("put", 2));
    assertTrue(Ownership.keepsArguments("register", 1));
    assertTrue(Ownership.keepsArguments("addStatement", 1));
    assertTrue(Ownership.keepsArguments("setConnection", 1));
    assertFalse(Ownership.keepsArguments("setParameters", 2), "uses the statement, keeps nothing");
    assertFalse(Ownership.keepsArguments("execute", 1));
    assertFalse(Ownership.keepsArguments("address", 1), "a word that only starts with add");
  }

  @ParameterizedTest
  @CsvSource({
    "closeStmt, true",
    "closeStatement, true",
    "autoClose, true",
    "autoclose, true",
    "AUTO_CLOSE, true",
    "closeOnCompletion, true",
    "shouldClose, true",
    "close, true",
    "closed, false",
    "isClosed, false",
    "closing, false",
    "closeable, false",
    "noClose, false",
    "dontClose, false",
    "keepOpen, false",
    "skipClose, false",
    "close2, true",
    "newTarget, false",
    "arg2, false"
  })
  void flagsThatAskForAClose(String parameter, boolean closes) {
    assertEquals(closes, Ownership.isCloseFlag(parameter));
  }

  @org.junit.jupiter.api.Test
  void theJdkIsNoEvidence() {
    assertTrue(Ownership.isPlatformType("java.util.Objects"));
    assertTrue(Ownership.isPlatformType("javax.sql.DataSource"));
    assertFalse(Ownership.isPlatformType("javax.persistence.EntityManager"));
    assertFalse(Ownership.isPlatformType(null));
  }
}
