package corpus.libraries;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Lettuce: connect() opens a connection (a socket, and a slot when a pool hands them out) that
 * stays open until it is closed. A connection opened per call and dropped leaks a socket each
 * time; its twins close it or keep the one connection in a field for the object's life.
 */
public class LettuceConnections {
  private final RedisClient client;
  private StatefulRedisConnection<String, String> shared;

  public LettuceConnections(RedisClient client) {
    this.client = client;
  }

  public String getNeverClosed(String key) {
    StatefulRedisConnection<String, String> connection = client.connect(); // LEAK RedisConnectionLeak
    return connection.sync().get(key);
  }

  public String getOfTemporary(String key) {
    return client.connect().sync().get(key); // LEAK RedisConnectionLeak
  }

  public String getClosed(String key) {
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().get(key);
    }
  }

  /** One connection for the object's life, closed with it. */
  public String getShared(String key) {
    if (shared == null) {
      shared = client.connect();
    }
    return shared.sync().get(key);
  }

  public void close() {
    if (shared != null) {
      shared.close();
    }
  }
}
