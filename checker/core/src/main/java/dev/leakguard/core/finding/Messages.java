package dev.leakguard.core.finding;

import dev.leakguard.core.analysis.Site;
import java.util.List;

/**
 * The one place that builds user-facing finding text. Template: {@code <Kind> '<var>' acquired by
 * <Type.method(..)> is not closed <when>; <fix>.}
 */
public final class Messages {
  private Messages() {}

  /** Whether some path hands a leaked resource over. */
  public enum HandOver {
    NO,
    /** The resource itself is returned, stored where its owner closes it, or given to an object. */
    ITSELF,
    /** Only a resource made from it is (the result set of the statement). */
    A_CHILD
  }

  /**
   * Renders the message of a finding.
   *
   * @param unconditional true when no path closes the resource: the "when" is then left out
   * @param handedOver whether a path hands the resource, or one made from it, over: a
   *     try-with-resources would then close it too early, so the fix says what to do instead
   */
  public static String render(
      CheckId id, Site site, LeakPath path, boolean unconditional, HandOver handedOver) {
    return render(id, site, path, unconditional, handedOver, false);
  }

  /**
   * The message; with {@code disputed}, it adds why the finding is only a warning: the bodies of
   * the acquiring call disagree about who owns what it returns (see Finding#ownershipDisputed).
   */
  public static String render(
      CheckId id, Site site, LeakPath path, boolean unconditional, HandOver handedOver, boolean disputed) {
    String text = describe(site, path, unconditional, handedOver);
    if (!disputed) {
      return text;
    }
    return text
        + " Whether this method owns it depends on the implementation: some bodies of "
        + site.acquiredBy() + " return a new " + site.typeName()
        + ", others one that is held elsewhere, so this is a warning.";
  }

  /**
   * The sentence naming the children a parent's close also closes (the result sets of a statement
   * left open with it, which are not reported on their own); empty for none.
   */
  public static String alsoCloses(List<Site> children) {
    if (children.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(" Closing it also closes ");
    for (int i = 0; i < children.size(); i++) {
      Site c = children.get(i);
      if (i > 0) {
        sb.append(i == children.size() - 1 ? " and " : ", ");
      }
      sb.append(c.typeName());
      if (c.variable() != null) {
        sb.append(" '").append(c.variable()).append('\'');
      }
      sb.append(" (line ").append(c.line()).append(')');
    }
    return sb.append(", left open with it.").toString();
  }

  private static String describe(Site site, LeakPath path, boolean unconditional, HandOver handedOver) {
    StringBuilder sb = new StringBuilder();
    sb.append(site.typeName());
    if (site.variable() != null) {
      sb.append(" '").append(site.variable()).append('\'');
    }
    sb.append(" acquired by ").append(site.acquiredBy());
    switch (path.kind()) {
      case TEMPORARY -> sb.append(" is never closed: it is used as a temporary at line ")
          .append(path.line())
          .append(" and never bound to a variable; bind it to a variable in a try-with-resources"
              + " header.");
      case FIELD -> sb.append(" is stored in field '")
          .append(path.detail())
          .append("' at line ")
          .append(path.line())
          .append(", which no method of the class closes; close the field in"
              + " the class's close() method, or keep the resource local.");
      case CONSTRUCTOR_FAILS -> sb.append(" is stored in field '")
          .append(path.via())
          .append("' but not closed ")
          .append(path.detail())
          .append(": the constructor fails, and the object that would close it never exists;"
              + " close it before the exception leaves the constructor.");
      case LEFT_TO_PARENT -> sb.append(" is not closed ")
          .append(when(path))
          .append(", only implicitly when its Connection is closed; close it in its own"
              + " try-with-resources: pools keep physical connections open, and with them this"
              + " statement's cursor.");
      case CLOSE_CHAIN -> sb.append(" is not closed ")
          .append(when(path))
          .append(", because that close() skips the closes after it; close each resource in its"
              + " own try-with-resources or with a quiet close helper.");
      case REASSIGNED, NEXT_ITERATION -> {
        if (internal(path.detail())) {
          sb.append(" is not closed: the only reference to it is dropped at line ")
              .append(path.line())
              .append("; bind it to a variable in a try-with-resources header.");
          break;
        }
        sb.append(" is not closed ")
          .append(when(path))
          .append("; close it before '")
          .append(path.detail())
          .append("' is reassigned, or open it in a try-with-resources")
          .append(path.kind() == LeakPath.Kind.NEXT_ITERATION ? " inside the loop." : ".");
      }
      default -> {
        sb.append(" is not closed");
        if (!unconditional) {
          sb.append(' ').append(when(path));
        }
        String fix;
        if (handedOver == HandOver.NO) {
          fix = fix(site);
        } else if (site.variable() != null) {
          fix = closeOnThatPath(path, handedOver);
        } else if (path.exceptional()) {
          // a temporary handed over when nothing fails (wrapped in the object returned)
          fix = "bind it to a variable, then " + closeOnThatPath(path, handedOver);
        } else {
          fix = fix(site);
        }
        sb.append("; ").append(fix).append('.');
      }
    }
    return sb.toString();
  }

  /** A variable the front-end made up (a temporary): never shown to users. */
  static boolean internal(String variable) {
    return variable == null || variable.startsWith("$") || variable.startsWith("#");
  }

  /**
   * The fix when another path hands the resource over: a try-with-resources would close what the
   * caller or the new owner still uses.
   */
  private static String closeOnThatPath(LeakPath path, HandOver how) {
    if (how == HandOver.A_CHILD && !path.exceptional()) {
      return "a resource made from it is handed over, so closing it here would close that too;"
          + " hand it over with it, or call closeOnCompletion() on a statement";
    }
    String keep =
        how == HandOver.A_CHILD
            ? "a resource made from it is handed over when nothing fails, so a try-with-resources would"
                + " close that too"
            : path.exceptional()
                ? "it is handed over when nothing fails, so a try-with-resources would close it too early"
                : "it is handed over on another path, so a try-with-resources would close it too early";
    return path.exceptional()
        ? "close it on the failing path (in a catch block), then rethrow: " + keep
        : "close it on that path before leaving: " + keep;
  }

  private static String fix(Site site) {
    return site.variable() == null
        ? "bind it to a variable in a try-with-resources header"
        : "open it in a try-with-resources header";
  }

  /** The "when" phrase: names the exit and its cause. */
  public static String when(LeakPath path) {
    if (path.kind() == LeakPath.Kind.CONSTRUCTOR_FAILS) {
      return path.detail();
    }
    String base =
        switch (path.kind()) {
          case RETURN -> "on the return at line " + path.line();
          case END -> "when the method ends at line " + path.line();
          case EXCEPTION, CLOSE_CHAIN -> path.detail();
          case REASSIGNED -> internal(path.detail())
              ? "when its only reference is dropped at line " + path.line()
              : "when '" + path.detail() + "' is reassigned at line " + path.line();
          case NEXT_ITERATION ->
              "when '" + path.detail() + "' is reassigned on the next loop iteration at line "
                  + path.line();
          case LEFT_TO_PARENT, CONSTRUCTOR_FAILS -> path.detail();
          case TEMPORARY, FIELD -> "at line " + path.line();
        };
    return path.via() == null ? base : base + " " + path.via();
  }
}
