package dev.leakguard.core.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pool settings one Java method sets with constant values, grouped by the object they are set
 * on, and the checks over them. Every engine feeds it the setter calls it finds (see {@link
 * PoolSetters}) in the order of the code, then asks for the issues.
 *
 * <p>Code is not a whole configuration: the object may be configured elsewhere too. So only what
 * the method sets is checked, never a setting's absence or a pool default that other code could
 * have changed. A setting set to a value that is not a constant, or to different constants in the
 * same method (on different branches, say), is treated as unknown.
 */
public final class PoolCalls {
  private final String where;
  private final String profile;

  /** Receiver to its settings, in order of first use. */
  private final Map<String, Target> targets = new LinkedHashMap<>();

  private static final class Target {
    final Pool pool;
    final Map<String, Setting> byName = new LinkedHashMap<>();
    final Map<String, Boolean> unknown = new LinkedHashMap<>();

    Target(Pool pool) {
      this.pool = pool;
    }
  }

  /**
   * @param where where the settings are, as a message names it, e.g. {@code
   *     PoolConfig.dataSource(String)}
   * @param profile the Spring profile the method is active in ({@code @Profile}), or null
   */
  public PoolCalls(String where, String profile) {
    this.where = Objects.requireNonNull(where);
    this.profile = profile;
  }

  /**
   * How messages name the code a method's settings are in, the same in every engine: {@code
   * PoolConfig.dataSource}, {@code the PoolConfig constructor}, {@code a lambda in
   * PoolConfig.dataSource}.
   *
   * @param className the simple name of the class (of the innermost named class for an anonymous one)
   * @param methodName the method's name; {@code <init>} for a constructor, {@code <clinit>} for
   *     a static initializer
   * @param lambda whether the settings are in a lambda in that method
   */
  public static String place(String className, String methodName, boolean lambda) {
    String method = switch (methodName) {
      case "<init>" -> "the " + className + " constructor";
      case "<clinit>" -> "the static initializer of " + className;
      default -> className + "." + methodName;
    };
    if (!lambda) {
      return method;
    }
    return "a lambda in " + method;
  }

  /** Whether no setter call was added. */
  public boolean isEmpty() {
    return targets.isEmpty();
  }

  /**
   * Adds one setter call.
   *
   * @param receiver identifies the object within the method: a local variable, {@code this}, a
   *     field, or a unique key for an expression evaluated once
   * @param receiverText the receiver as written, or empty for an implicit {@code this}
   * @param setter what the call sets
   * @param methodName the setter's name
   * @param value the argument's constant value: a {@link Number}, {@link Boolean}, {@link String}
   *     or {@link Duration}; null when it is not a constant
   * @param argumentText the argument as written (quoted in messages)
   * @param line 1-based line of the call
   */
  public void add(
      String receiver,
      String receiverText,
      PoolSetters.Setter setter,
      String methodName,
      Object value,
      String argumentText,
      int line) {
    Target t = targets.computeIfAbsent(receiver + "\u0000" + setter.pool(), k -> new Target(setter.pool()));
    String name = Pool.relaxed(setter.setting());
    String text = normalise(value);
    if (text == null) {
      t.unknown.put(name, true);
      t.byName.remove(name);
      return;
    }
    if (t.unknown.containsKey(name)) {
      return;
    }
    Setting previous = t.byName.get(name);
    if (previous != null && !previous.value().equals(text)) {
      t.unknown.put(name, true);
      t.byName.remove(name);
      return;
    }
    String shown = (receiverText.isEmpty() ? "" : receiverText + ".") + methodName + "(" + argumentText + ")";
    t.byName.put(name, new Setting(setter.setting(), text, line, shown));
  }

  /** The issues over every object's settings; {@code ceiling} is the largest acceptable maximum size. */
  public List<Issue> check(int ceiling) {
    List<Issue> out = new ArrayList<>();
    PoolMessages.Where w = new PoolMessages.Where(where, profile);
    for (Target t : targets.values()) {
      if (t.byName.isEmpty()) {
        continue;
      }
      PoolSettings settings = new PoolSettings(t.pool, "", false, false, new LinkedHashMap<>(t.byName));
      out.addAll(PoolRules.check(settings, List.copyOf(t.byName.values()), w, ceiling));
    }
    return out;
  }

  /** The value in the form {@link Values} reads, or null when it is not a constant. */
  static String normalise(Object value) {
    if (value instanceof Duration d) {
      return d.toMillis() + "ms";
    }
    if (value instanceof Float || value instanceof Double) {
      return null;
    }
    if (value instanceof Number n) {
      return Long.toString(n.longValue());
    }
    if (value instanceof Character) {
      return null;
    }
    if (value instanceof Boolean || value instanceof String) {
      return value.toString();
    }
    return null;
  }
}
