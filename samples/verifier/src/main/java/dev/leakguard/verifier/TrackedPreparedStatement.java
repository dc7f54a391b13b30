package dev.leakguard.verifier;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A tracked PreparedStatement: a {@link TrackedStatement} whose parameterless execute methods
 * close its current result sets too. Every other method is forwarded unchanged.
 */
class TrackedPreparedStatement extends TrackedStatement implements PreparedStatement {
  private final PreparedStatement prepared;

  TrackedPreparedStatement(
      ResourceTracker tracker,
      ResourceType type,
      PreparedStatement delegate,
      long id,
      StackCapture acquisition,
      TrackedConnection connection) {
    super(tracker, type, delegate, id, acquisition, connection);
    this.prepared = delegate;
  }

  @Override
  public final ResultSet executeQuery() throws SQLException {
    beforeExecute();
    return tracker.resultSet(prepared.executeQuery(), this);
  }

  @Override
  public final int executeUpdate() throws SQLException {
    beforeExecute();
    return prepared.executeUpdate();
  }

  @Override
  public final long executeLargeUpdate() throws SQLException {
    beforeExecute();
    return prepared.executeLargeUpdate();
  }

  @Override
  public final boolean execute() throws SQLException {
    beforeExecute();
    return prepared.execute();
  }

  // Forwarded unchanged.

  @Override
  public final void addBatch() throws SQLException {
    prepared.addBatch();
  }

  @Override
  public final void clearParameters() throws SQLException {
    prepared.clearParameters();
  }

  @Override
  public final ResultSetMetaData getMetaData() throws SQLException {
    return prepared.getMetaData();
  }

  @Override
  public final ParameterMetaData getParameterMetaData() throws SQLException {
    return prepared.getParameterMetaData();
  }

  @Override
  public final void setArray(int parameterIndex, Array x) throws SQLException {
    prepared.setArray(parameterIndex, x);
  }

  @Override
  public final void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
    prepared.setAsciiStream(parameterIndex, x);
  }

  @Override
  public final void setAsciiStream(int parameterIndex, InputStream x, int length)
      throws SQLException {
    prepared.setAsciiStream(parameterIndex, x, length);
  }

  @Override
  public final void setAsciiStream(int parameterIndex, InputStream x, long length)
      throws SQLException {
    prepared.setAsciiStream(parameterIndex, x, length);
  }

  @Override
  public final void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
    prepared.setBigDecimal(parameterIndex, x);
  }

  @Override
  public final void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
    prepared.setBinaryStream(parameterIndex, x);
  }

  @Override
  public final void setBinaryStream(int parameterIndex, InputStream x, int length)
      throws SQLException {
    prepared.setBinaryStream(parameterIndex, x, length);
  }

  @Override
  public final void setBinaryStream(int parameterIndex, InputStream x, long length)
      throws SQLException {
    prepared.setBinaryStream(parameterIndex, x, length);
  }

  @Override
  public final void setBlob(int parameterIndex, Blob x) throws SQLException {
    prepared.setBlob(parameterIndex, x);
  }

  @Override
  public final void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
    prepared.setBlob(parameterIndex, inputStream);
  }

  @Override
  public final void setBlob(int parameterIndex, InputStream inputStream, long length)
      throws SQLException {
    prepared.setBlob(parameterIndex, inputStream, length);
  }

  @Override
  public final void setBoolean(int parameterIndex, boolean x) throws SQLException {
    prepared.setBoolean(parameterIndex, x);
  }

  @Override
  public final void setByte(int parameterIndex, byte x) throws SQLException {
    prepared.setByte(parameterIndex, x);
  }

  @Override
  public final void setBytes(int parameterIndex, byte[] x) throws SQLException {
    prepared.setBytes(parameterIndex, x);
  }

  @Override
  public final void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
    prepared.setCharacterStream(parameterIndex, reader);
  }

  @Override
  public final void setCharacterStream(int parameterIndex, Reader reader, int length)
      throws SQLException {
    prepared.setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public final void setCharacterStream(int parameterIndex, Reader reader, long length)
      throws SQLException {
    prepared.setCharacterStream(parameterIndex, reader, length);
  }

  @Override
  public final void setClob(int parameterIndex, Clob x) throws SQLException {
    prepared.setClob(parameterIndex, x);
  }

  @Override
  public final void setClob(int parameterIndex, Reader reader) throws SQLException {
    prepared.setClob(parameterIndex, reader);
  }

  @Override
  public final void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
    prepared.setClob(parameterIndex, reader, length);
  }

  @Override
  public final void setDate(int parameterIndex, Date x) throws SQLException {
    prepared.setDate(parameterIndex, x);
  }

  @Override
  public final void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
    prepared.setDate(parameterIndex, x, cal);
  }

  @Override
  public final void setDouble(int parameterIndex, double x) throws SQLException {
    prepared.setDouble(parameterIndex, x);
  }

  @Override
  public final void setFloat(int parameterIndex, float x) throws SQLException {
    prepared.setFloat(parameterIndex, x);
  }

  @Override
  public final void setInt(int parameterIndex, int x) throws SQLException {
    prepared.setInt(parameterIndex, x);
  }

  @Override
  public final void setLong(int parameterIndex, long x) throws SQLException {
    prepared.setLong(parameterIndex, x);
  }

  @Override
  public final void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
    prepared.setNCharacterStream(parameterIndex, value);
  }

  @Override
  public final void setNCharacterStream(int parameterIndex, Reader value, long length)
      throws SQLException {
    prepared.setNCharacterStream(parameterIndex, value, length);
  }

  @Override
  public final void setNClob(int parameterIndex, NClob value) throws SQLException {
    prepared.setNClob(parameterIndex, value);
  }

  @Override
  public final void setNClob(int parameterIndex, Reader reader) throws SQLException {
    prepared.setNClob(parameterIndex, reader);
  }

  @Override
  public final void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
    prepared.setNClob(parameterIndex, reader, length);
  }

  @Override
  public final void setNString(int parameterIndex, String value) throws SQLException {
    prepared.setNString(parameterIndex, value);
  }

  @Override
  public final void setNull(int parameterIndex, int sqlType) throws SQLException {
    prepared.setNull(parameterIndex, sqlType);
  }

  @Override
  public final void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
    prepared.setNull(parameterIndex, sqlType, typeName);
  }

  @Override
  public final void setObject(int parameterIndex, Object x) throws SQLException {
    prepared.setObject(parameterIndex, x);
  }

  @Override
  public final void setObject(int parameterIndex, Object x, SQLType targetSqlType)
      throws SQLException {
    prepared.setObject(parameterIndex, x, targetSqlType);
  }

  @Override
  public final void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
    prepared.setObject(parameterIndex, x, targetSqlType);
  }

  @Override
  public final void setObject(
      int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
    prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
  }

  @Override
  public final void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength)
      throws SQLException {
    prepared.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
  }

  @Override
  public final void setRef(int parameterIndex, Ref x) throws SQLException {
    prepared.setRef(parameterIndex, x);
  }

  @Override
  public final void setRowId(int parameterIndex, RowId x) throws SQLException {
    prepared.setRowId(parameterIndex, x);
  }

  @Override
  public final void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
    prepared.setSQLXML(parameterIndex, xmlObject);
  }

  @Override
  public final void setShort(int parameterIndex, short x) throws SQLException {
    prepared.setShort(parameterIndex, x);
  }

  @Override
  public final void setString(int parameterIndex, String x) throws SQLException {
    prepared.setString(parameterIndex, x);
  }

  @Override
  public final void setTime(int parameterIndex, Time x) throws SQLException {
    prepared.setTime(parameterIndex, x);
  }

  @Override
  public final void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
    prepared.setTime(parameterIndex, x, cal);
  }

  @Override
  public final void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
    prepared.setTimestamp(parameterIndex, x);
  }

  @Override
  public final void setTimestamp(int parameterIndex, Timestamp x, Calendar cal)
      throws SQLException {
    prepared.setTimestamp(parameterIndex, x, cal);
  }

  @Override
  public final void setURL(int parameterIndex, URL x) throws SQLException {
    prepared.setURL(parameterIndex, x);
  }

  @Override
  @Deprecated
  @SuppressWarnings("deprecation")
  public final void setUnicodeStream(int parameterIndex, InputStream x, int length)
      throws SQLException {
    prepared.setUnicodeStream(parameterIndex, x, length);
  }
}
