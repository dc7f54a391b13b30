package dev.leakguard.spotbugs;

import dev.leakguard.core.pool.PoolCalls;
import dev.leakguard.core.pool.PoolSetters;
import edu.umd.cs.findbugs.ba.AnalysisContext;
import edu.umd.cs.findbugs.ba.XClass;
import edu.umd.cs.findbugs.ba.XMethod;
import edu.umd.cs.findbugs.classfile.ClassDescriptor;
import edu.umd.cs.findbugs.classfile.analysis.AnnotationValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.Attribute;
import org.apache.bcel.classfile.BootstrapMethod;
import org.apache.bcel.classfile.BootstrapMethods;
import org.apache.bcel.classfile.Constant;
import org.apache.bcel.classfile.ConstantCP;
import org.apache.bcel.classfile.ConstantInvokeDynamic;
import org.apache.bcel.classfile.ConstantMethodHandle;
import org.apache.bcel.classfile.ConstantNameAndType;
import org.apache.bcel.classfile.ConstantPool;
import org.apache.bcel.classfile.EnclosingMethod;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.INVOKEDYNAMIC;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InstructionList;

/**
 * The unit of code a method's pool settings belong to, as every engine names it, and what Spring
 * annotations say about it.
 *
 * <p>A lambda body is a synthetic {@code lambda$...} method: it is placed in the method whose
 * {@code invokedynamic} creates it (found through the class's bootstrap methods; failing that, the
 * name javac gives it, {@code lambda$<method>$<n>}). A method of an anonymous class is placed in
 * the innermost class that has a name.
 *
 * <p>{@code @Profile} and {@code @ConfigurationProperties} are recognised by simple name, read
 * from the class file (both have runtime retention), innermost first: the method, the methods a
 * lambda is written in, its class, the method an anonymous or local class is written in, and the
 * enclosing classes. The first {@code @Profile} found is the unit's profile; a {@code
 * @ConfigurationProperties} anywhere on the way means the settings are bound from properties
 * afterwards and the unit is not checked.
 */
final class PoolUnit {
  /**
   * @param place the unit as messages name it ({@link PoolCalls#place})
   * @param profile the {@code @Profile} value(s), joined with ",", or null
   * @param boundFromProperties whether a {@code @ConfigurationProperties} applies
   */
  record Unit(String place, String profile, boolean boundFromProperties) {}

  private static final int MAX_DEPTH = 20;

  private PoolUnit() {}

  static Unit of(Hierarchy hierarchy, JavaClass jc, Method m) {
    String cls = jc.getClassName();
    List<Collection<AnnotationValue>> scopes = new ArrayList<>();
    Optional<XClass> xc = hierarchy.xclass(cls);
    scopes.add(methodAnnotations(xc, m.getName(), m.getSignature()));

    boolean lambda = false;
    String named = m.getName();
    Method current = m;
    for (int depth = 0; current.getName().startsWith("lambda$") && depth < MAX_DEPTH; depth++) {
      lambda = true;
      Method outer = creatorOfLambda(jc, current);
      if (outer == null) {
        named = methodNameOfLambda(current.getName());
        break;
      }
      scopes.add(methodAnnotations(xc, outer.getName(), outer.getSignature()));
      named = outer.getName();
      current = outer;
    }

    // the class, the method an anonymous or local class is written in, the enclosing classes
    String c = cls;
    JavaClass file = jc;
    for (int depth = 0; c != null && depth < MAX_DEPTH; depth++) {
      Optional<XClass> x = hierarchy.xclass(c);
      x.ifPresent(value -> scopes.add(value.getAnnotations()));
      String next = null;
      if (file != null) {
        for (Attribute a : file.getAttributes()) {
          if (a instanceof EnclosingMethod em) {
            ConstantPool cp = file.getConstantPool();
            next = em.getEnclosingClass().getBytes(cp).replace('/', '.');
            if (em.getEnclosingMethodIndex() != 0) {
              ConstantNameAndType nt = em.getEnclosingMethod();
              scopes.add(methodAnnotations(hierarchy.xclass(next), nt.getName(cp), nt.getSignature(cp)));
            }
          }
        }
      }
      if (next == null && x.isPresent()) {
        ClassDescriptor outer = x.get().getImmediateEnclosingClass();
        next = outer == null ? null : outer.getDottedClassName();
      }
      c = next;
      file = c == null ? null : classFile(c);
    }

    String profile = null;
    boolean bound = false;
    for (Collection<AnnotationValue> scope : scopes) {
      if (scope == null) {
        continue;
      }
      for (AnnotationValue a : scope) {
        String simple = BytecodeLowering.simpleName(a.getAnnotationClass().getDottedClassName());
        if (simple.equals(PoolSetters.CONFIGURATION_PROPERTIES_ANNOTATION)) {
          bound = true;
        } else if (simple.equals(PoolSetters.PROFILE_ANNOTATION) && profile == null) {
          List<String> values = Suppression.values(a.getValue("value"));
          profile = values.isEmpty() ? null : String.join(",", values);
        }
      }
    }
    return new Unit(PoolCalls.place(simpleClassName(cls), named, lambda), profile, bound);
  }

  /**
   * The simple name of the innermost class that has a name: {@code Pools$ShopConfig} gives {@code
   * ShopConfig}, the anonymous {@code Pools$1} gives {@code Pools}, the local {@code Pools$1Local}
   * gives {@code Local}.
   */
  static String simpleClassName(String binaryName) {
    String s = binaryName.substring(binaryName.lastIndexOf('.') + 1);
    String[] parts = s.split("\\$");
    for (int k = parts.length - 1; k >= 0; k--) {
      String p = parts[k];
      int digits = 0;
      while (digits < p.length() && Character.isDigit(p.charAt(digits))) {
        digits++;
      }
      if (digits < p.length()) {
        return p.substring(digits);
      }
    }
    return s;
  }

  /**
   * The method javac named a lambda after: {@code lambda$dataSource$0} → {@code dataSource},
   * {@code lambda$new$0} → the constructor, {@code lambda$static$0} → the static initialiser.
   */
  static String methodNameOfLambda(String synthetic) {
    String rest = synthetic.substring("lambda$".length());
    int dollar = rest.indexOf('$');
    String name = dollar > 0 ? rest.substring(0, dollar) : rest;
    return switch (name) {
      case "new" -> "<init>";
      case "static" -> "<clinit>";
      default -> name;
    };
  }

  /** The method of {@code jc} whose invokedynamic creates the lambda {@code body}, or null. */
  static Method creatorOfLambda(JavaClass jc, Method body) {
    ConstantPool cp = jc.getConstantPool();
    BootstrapMethods bootstrap = null;
    for (Attribute a : jc.getAttributes()) {
      if (a instanceof BootstrapMethods b) {
        bootstrap = b;
      }
    }
    if (bootstrap == null) {
      return null;
    }
    Set<Integer> naming = new HashSet<>();
    BootstrapMethod[] methods = bootstrap.getBootstrapMethods();
    for (int i = 0; i < methods.length; i++) {
      for (int arg : methods[i].getBootstrapArguments()) {
        if (isHandleOf(cp, arg, jc.getClassName(), body)) {
          naming.add(i);
        }
      }
    }
    if (naming.isEmpty()) {
      return null;
    }
    for (Method candidate : jc.getMethods()) {
      if (candidate == body || candidate.getCode() == null) {
        continue;
      }
      for (InstructionHandle ih : new InstructionList(candidate.getCode().getCode()).getInstructionHandles()) {
        if (ih.getInstruction() instanceof INVOKEDYNAMIC indy
            && cp.getConstant(indy.getIndex()) instanceof ConstantInvokeDynamic cid
            && naming.contains(cid.getBootstrapMethodAttrIndex())) {
          return candidate;
        }
      }
    }
    return null;
  }

  private static boolean isHandleOf(ConstantPool cp, int index, String cls, Method body) {
    Constant c = cp.getConstant(index);
    if (!(c instanceof ConstantMethodHandle mh)
        || !(cp.getConstant(mh.getReferenceIndex()) instanceof ConstantCP ref)
        || !(cp.getConstant(ref.getNameAndTypeIndex()) instanceof ConstantNameAndType nt)) {
      return false;
    }
    String owner = cp.getConstantString(ref.getClassIndex(), Const.CONSTANT_Class).replace('/', '.');
    return owner.equals(cls) && nt.getName(cp).equals(body.getName())
        && nt.getSignature(cp).equals(body.getSignature());
  }

  private static Collection<AnnotationValue> methodAnnotations(Optional<XClass> xc, String name, String sig) {
    if (xc.isPresent()) {
      for (XMethod xm : xc.get().getXMethods()) {
        if (xm.getName().equals(name) && xm.getSignature().equals(sig)) {
          return xm.getAnnotations();
        }
      }
    }
    return List.of();
  }

  private static JavaClass classFile(String dotted) {
    try {
      return AnalysisContext.currentAnalysisContext().lookupClass(dotted);
    } catch (ClassNotFoundException | RuntimeException e) {
      return null;
    }
  }
}
