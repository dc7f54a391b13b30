package dev.leakguard.spotbugs;

import dev.leakguard.core.finding.CheckId;
import edu.umd.cs.findbugs.ba.XClass;
import edu.umd.cs.findbugs.ba.XMethod;
import edu.umd.cs.findbugs.classfile.ClassDescriptor;
import edu.umd.cs.findbugs.classfile.analysis.AnnotationValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.bcel.classfile.Attribute;
import org.apache.bcel.classfile.EnclosingMethod;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;

/**
 * Suppression in bytecode. {@code java.lang.SuppressWarnings} has source retention and is gone
 * from class files, so two annotations that reach the bytecode are honoured, recognised by simple
 * name: SpotBugs' {@code @SuppressFBWarnings("<Id>")} and LeakGuard's class-retention {@code
 * @SuppressLeakGuard("<Id>")}. A value suppresses an id it equals or is a prefix of (SpotBugs'
 * rule), an empty value suppresses every id. They work on the method, on the method a lambda or
 * an anonymous class is written in, on the class and on enclosing classes.
 */
final class Suppression {
  private static final Set<String> NAMES = Set.of("SuppressFBWarnings", "SuppressLeakGuard");

  private Suppression() {}

  static boolean suppressed(ProgramFacts facts, JavaClass jc, Method m, CheckId id) {
    String cls = jc.getClassName();
    Optional<XClass> xc = facts.hierarchy().xclass(cls);
    if (xc.isEmpty()) {
      return false;
    }
    if (suppresses(methodAnnotations(xc.get(), m.getName(), m.getSignature()), id)) {
      return true;
    }
    String name = m.getName();
    if (name.startsWith("lambda$")) {
      String enclosing = name.substring("lambda$".length());
      int dollar = enclosing.indexOf('$');
      enclosing = dollar > 0 ? enclosing.substring(0, dollar) : enclosing;
      for (XMethod xm : xc.get().getXMethods()) {
        if (xm.getName().equals(enclosing) && suppresses(xm.getAnnotations(), id)) {
          return true;
        }
      }
    }
    // the class, the method an anonymous or local class is written in, and the outer classes
    String c = cls;
    JavaClass current = jc;
    while (c != null) {
      Optional<XClass> x = facts.hierarchy().xclass(c);
      if (x.isEmpty()) {
        break;
      }
      if (suppresses(x.get().getAnnotations(), id)) {
        return true;
      }
      if (current != null) {
        for (Attribute a : current.getAttributes()) {
          if (a instanceof EnclosingMethod em && em.getEnclosingMethodIndex() != 0) {
            String mname = em.getEnclosingMethod().getName(current.getConstantPool());
            String outer = em.getEnclosingClass().getBytes(current.getConstantPool()).replace('/', '.');
            Optional<XClass> ox = facts.hierarchy().xclass(outer);
            if (ox.isPresent()) {
              for (XMethod xm : ox.get().getXMethods()) {
                if (xm.getName().equals(mname) && suppresses(xm.getAnnotations(), id)) {
                  return true;
                }
              }
            }
          }
        }
      }
      ClassDescriptor outer = x.get().getImmediateEnclosingClass();
      c = outer == null ? null : outer.getDottedClassName();
      current = c == null ? null : classFile(c);
    }
    return false;
  }

  private static JavaClass classFile(String dotted) {
    try {
      return edu.umd.cs.findbugs.ba.AnalysisContext.currentAnalysisContext().lookupClass(dotted);
    } catch (ClassNotFoundException | RuntimeException e) {
      return null;
    }
  }

  private static Collection<AnnotationValue> methodAnnotations(XClass xc, String name, String sig) {
    for (XMethod xm : xc.getXMethods()) {
      if (xm.getName().equals(name) && xm.getSignature().equals(sig)) {
        return xm.getAnnotations();
      }
    }
    return List.of();
  }

  static boolean suppresses(Collection<AnnotationValue> annotations, CheckId id) {
    if (annotations == null) {
      return false;
    }
    for (AnnotationValue a : annotations) {
      String simple = BytecodeLowering.simpleName(a.getAnnotationClass().getDottedClassName());
      if (!NAMES.contains(simple)) {
        continue;
      }
      List<String> values = values(a.getValue("value"));
      if (values.isEmpty()) {
        return true;
      }
      for (String v : values) {
        if (v.isEmpty() || id.name().startsWith(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The strings of an annotation element's value: one string or an array of them. */
  static List<String> values(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof String s) {
      out.add(s);
    } else if (v instanceof Object[] arr) {
      for (Object o : arr) {
        out.addAll(values(o));
      }
    } else if (v instanceof Collection<?> c) {
      for (Object o : c) {
        out.addAll(values(o));
      }
    }
    return out;
  }
}
