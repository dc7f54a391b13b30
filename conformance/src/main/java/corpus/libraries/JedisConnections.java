package corpus.libraries;

import java.io.IOException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/** Jedis: getResource() borrows a connection from the pool; close() gives it back. */
public class JedisConnections {
  private final JedisPool pool;

  public JedisConnections(JedisPool pool) {
    this.pool = pool;
  }

  public String getNeverGivenBack(String key) {
    Jedis jedis = pool.getResource(); // LEAK RedisConnectionLeak
    return jedis.get(key);
  }

  public void setGivenBackOnHappyPath(String key, String value) throws IOException {
    Jedis jedis = pool.getResource(); // LEAK RedisConnectionLeak
    jedis.set(key, value);
    audit(key);
    jedis.close();
  }

  public String getGivenBack(String key) {
    try (Jedis jedis = pool.getResource()) {
      return jedis.get(key);
    }
  }

  public String getInFinally(String key) throws IOException {
    Jedis jedis = pool.getResource();
    try {
      String value = jedis.get(key);
      audit(value);
      return value;
    } finally {
      jedis.close();
    }
  }

  private static void audit(String s) throws IOException {
    if (s == null) {
      throw new IOException("missing");
    }
  }
}
