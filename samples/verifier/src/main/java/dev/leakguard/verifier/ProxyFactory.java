package dev.leakguard.verifier;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Creates proxies with each proxy class's constructor looked up once, which is cheaper than
 * {@link Proxy#newProxyInstance} checking its caches and permissions on every call.
 */
final class ProxyFactory {
  private static final ConcurrentMap<Class<?>, Constructor<?>> CONSTRUCTORS =
      new ConcurrentHashMap<>();
  private static final InvocationHandler UNUSED =
      (proxy, method, args) -> {
        throw new IllegalStateException("template proxy");
      };

  private ProxyFactory() {}

  static Object create(Class<?> jdbcInterface, InvocationHandler handler) {
    Constructor<?> constructor =
        CONSTRUCTORS.computeIfAbsent(jdbcInterface, ProxyFactory::constructorFor);
    try {
      return constructor.newInstance(handler);
    } catch (InvocationTargetException | InstantiationException | IllegalAccessException e) {
      return Proxy.newProxyInstance(loader(), new Class<?>[] {jdbcInterface}, handler);
    }
  }

  private static Constructor<?> constructorFor(Class<?> jdbcInterface) {
    Class<?> proxyClass =
        Proxy.newProxyInstance(loader(), new Class<?>[] {jdbcInterface}, UNUSED).getClass();
    Constructor<?> constructor;
    try {
      constructor = proxyClass.getConstructor(InvocationHandler.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no proxy constructor for " + jdbcInterface, e);
    }
    try {
      constructor.setAccessible(true);
    } catch (RuntimeException e) {
      // not opened to us: create() falls back to Proxy.newProxyInstance
    }
    return constructor;
  }

  private static ClassLoader loader() {
    return ProxyFactory.class.getClassLoader();
  }
}
