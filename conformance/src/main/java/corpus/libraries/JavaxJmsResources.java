package corpus.libraries;

import javax.jms.Connection;
import javax.jms.ConnectionFactory;
import javax.jms.JMSContext;
import javax.jms.JMSException;
import javax.jms.MessageProducer;
import javax.jms.Queue;
import javax.jms.Session;

/**
 * JMS 2.0 under its javax names (Java EE 8 application servers): the same rules as under the
 * jakarta names. A connection from the factory must be closed; closing it closes its sessions,
 * and a session its producers.
 */
public class JavaxJmsResources {
  private final ConnectionFactory factory;

  public JavaxJmsResources(ConnectionFactory factory) {
    this.factory = factory;
  }

  /**
   * Nothing is closed: closing the connection would close its session and producer, so the
   * connection alone is reported.
   */
  public void sendNeverClosed(Queue queue, String text) throws JMSException {
    Connection connection = factory.createConnection(); // LEAK JmsResourceLeak
    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE); // closed with the connection, which is reported
    MessageProducer producer = session.createProducer(queue); // closed with its session
    producer.send(session.createTextMessage(text));
  }

  /** Closing the connection closes the session and the producer. */
  public void sendClosed(Queue queue, String text) throws JMSException {
    try (Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer producer = session.createProducer(queue);
      producer.send(session.createTextMessage(text));
    }
  }

  public void sendWithContextNeverClosed(Queue queue, String text) {
    JMSContext context = factory.createContext(); // LEAK JmsResourceLeak
    context.createProducer().send(queue, text);
  }

  public void sendWithContext(Queue queue, String text) {
    try (JMSContext context = factory.createContext()) {
      context.createProducer().send(queue, text);
    }
  }
}
