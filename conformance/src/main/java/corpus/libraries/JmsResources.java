package corpus.libraries;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/**
 * JMS: a connection from the factory must be closed; closing it closes its sessions, and a
 * session its producers and consumers.
 */
public class JmsResources {
  private final ConnectionFactory factory;

  public JmsResources(ConnectionFactory factory) {
    this.factory = factory;
  }

  /**
   * Nothing is closed: closing the connection would close its session and producer, so the
   * connection alone is reported.
   */
  public void sendConnectionNeverClosed(Queue queue, String text) throws JMSException {
    Connection connection = factory.createConnection(); // LEAK JmsResourceLeak
    Session session = connection.createSession(); // closed with the connection, which is reported
    MessageProducer producer = session.createProducer(queue); // closed with its session
    producer.send(session.createTextMessage(text));
  }

  /** Closing the connection closes the rest, but only when nothing throws before it. */
  public void sendClosedOnHappyPath(Queue queue, String text) throws JMSException {
    Connection connection = factory.createConnection(); // LEAK JmsResourceLeak
    Session session = connection.createSession(); // closed with the connection, which is reported
    session.createProducer(queue).send(session.createTextMessage(text)); // closed with its session
    connection.close();
  }

  /** Closing the connection closes the session and the producer. */
  public void sendClosed(Queue queue, String text) throws JMSException {
    try (Connection connection = factory.createConnection()) {
      Session session = connection.createSession();
      MessageProducer producer = session.createProducer(queue);
      producer.send(session.createTextMessage(text));
    }
  }

  /** A session of the caller's connection is this method's to close. */
  public void sendOnSessionNeverClosed(Connection connection, Queue queue, String text) throws JMSException {
    Session session = connection.createSession(); // LEAK JmsResourceLeak
    session.createProducer(queue).send(session.createTextMessage(text)); // closed with its session, which is reported
  }

  public void sendWithContext(Queue queue, String text) {
    try (JMSContext context = factory.createContext()) {
      context.createProducer().send(queue, text);
    }
  }

  public void sendWithContextNeverClosed(Queue queue, String text) {
    JMSContext context = factory.createContext(); // LEAK JmsResourceLeak
    context.createProducer().send(queue, text);
  }
}
