package dev.leakguard.spotbugs;

import edu.umd.cs.findbugs.ba.AnalysisContext;
import edu.umd.cs.findbugs.ba.XClass;
import edu.umd.cs.findbugs.ba.XField;
import edu.umd.cs.findbugs.ba.XMethod;
import edu.umd.cs.findbugs.classfile.CheckedAnalysisException;
import edu.umd.cs.findbugs.classfile.ClassDescriptor;
import edu.umd.cs.findbugs.classfile.DescriptorFactory;
import edu.umd.cs.findbugs.classfile.Global;
import edu.umd.cs.findbugs.classfile.MissingClassException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Class hierarchy questions answered from SpotBugs' class info (application classes, the auxiliary
 * class path and the JDK), by dotted binary name. A class SpotBugs cannot find is reported to
 * SpotBugs once (its usual "missing classes" list) and treated as having no known supertypes.
 */
final class Hierarchy {
  /** A method found by walking the hierarchy: the class that declares it and its info. */
  record Resolved(String declaringClass, XMethod method) {}

  private final Map<String, Optional<XClass>> classes = new HashMap<>();
  private final Map<String, List<String>> supertypes = new HashMap<>();

  Optional<XClass> xclass(String dotted) {
    if (dotted == null || dotted.startsWith("[")) {
      return Optional.empty();
    }
    Optional<XClass> c = classes.get(dotted);
    if (c == null) {
      c = Optional.ofNullable(load(dotted));
      classes.put(dotted, c);
    }
    return c;
  }

  private static XClass load(String dotted) {
    ClassDescriptor d = DescriptorFactory.createClassDescriptorFromDottedClassName(dotted);
    try {
      return Global.getAnalysisCache().getClassAnalysis(XClass.class, d);
    } catch (MissingClassException e) {
      AnalysisContext ctx = AnalysisContext.currentAnalysisContext();
      if (ctx != null) {
        ctx.getLookupFailureCallback().reportMissingClass(d);
      }
      return null;
    } catch (CheckedAnalysisException | RuntimeException e) {
      return null;
    }
  }

  /** Every proper supertype (classes and interfaces), nearest first; empty if unknown. */
  List<String> supertypes(String dotted) {
    List<String> s = supertypes.get(dotted);
    if (s != null) {
      return s;
    }
    Set<String> out = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>();
    work.add(dotted);
    while (!work.isEmpty()) {
      String t = work.poll();
      Optional<XClass> xc = xclass(t);
      if (xc.isEmpty()) {
        continue;
      }
      ClassDescriptor sup = xc.get().getSuperclassDescriptor();
      if (sup != null && out.add(sup.getDottedClassName())) {
        work.add(sup.getDottedClassName());
      }
      for (ClassDescriptor i : xc.get().getInterfaceDescriptorList()) {
        if (out.add(i.getDottedClassName())) {
          work.add(i.getDottedClassName());
        }
      }
    }
    if (!dotted.equals("java.lang.Object") && xclass(dotted).map(XClass::isInterface).orElse(false)) {
      out.add("java.lang.Object");
    }
    out.remove(dotted);
    s = Collections.unmodifiableList(new ArrayList<>(out));
    supertypes.put(dotted, s);
    return s;
  }

  /** True if {@code sub} is {@code sup} or one of its subtypes (false if either is unknown). */
  boolean isSubtype(String sub, String sup) {
    if (sub == null || sup == null) {
      return false;
    }
    if (sub.equals(sup) || sup.equals("java.lang.Object")) {
      return true;
    }
    return supertypes(sub).contains(sup);
  }

  /**
   * Finds the method a call names: the class given in the instruction, its superclasses, then its
   * interfaces, the way the JVM resolves it. Null if no class on the way declares it.
   */
  Resolved resolve(String owner, String name, String descriptor, boolean isStatic) {
    List<String> order = new ArrayList<>();
    order.add(owner);
    order.addAll(supertypes(owner));
    for (String c : order) {
      Optional<XClass> xc = xclass(c);
      if (xc.isEmpty()) {
        continue;
      }
      XMethod m = xc.get().findMethod(name, descriptor, isStatic);
      if (m != null) {
        return new Resolved(c, m);
      }
    }
    return null;
  }

  /** The class that declares field {@code name}, starting at {@code owner}; owner if unknown. */
  String fieldOwner(String owner, String name, String signature, boolean isStatic) {
    List<String> order = new ArrayList<>();
    order.add(owner);
    order.addAll(supertypes(owner));
    for (String c : order) {
      Optional<XClass> xc = xclass(c);
      if (xc.isPresent()) {
        XField f = xc.get().findField(name, signature, isStatic);
        if (f != null) {
          return f.getClassName(); // SpotBugs finds inherited fields too: the class that declares it
        }
      }
    }
    return owner;
  }
}
