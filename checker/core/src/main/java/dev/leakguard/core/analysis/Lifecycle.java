package dev.leakguard.core.analysis;

/**
 * Which methods of a class may close what its fields own: a resource stored in a field is handed
 * to the object if any of them closes that field, whatever it is called ({@code close()}, {@code
 * reallyClose()}, {@code shutdown()}, a {@code commit()} that closes, a {@code @PreDestroy}
 * method). The front-ends find the closes; this class says where to look, the same for every
 * engine.
 */
public final class Lifecycle {
  private Lifecycle() {}

  /**
   * The type whose implementations forward every call of a proxy to their target, {@code close()}
   * included ({@code method.invoke(target, args)}): what such a class keeps in its fields is closed
   * when the user closes the proxy, a close no method of the class shows.
   */
  public static final String FORWARDING_HANDLER = "java.lang.reflect.InvocationHandler";

  /** Every method with a body but the constructors and static initialisers. */
  public static boolean mayCloseFields(String methodName) {
    return !methodName.equals("<init>") && !methodName.equals("<clinit>");
  }
}
