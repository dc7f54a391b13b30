package dev.leakguard.spotbugs;

import dev.leakguard.core.analysis.CallEffects;
import dev.leakguard.core.analysis.Lifecycle;
import dev.leakguard.core.analysis.MethodSummary;
import dev.leakguard.core.analysis.GraphSummaries;
import dev.leakguard.core.analysis.SummaryMemo;
import dev.leakguard.core.analysis.ObligationAnalysis;
import dev.leakguard.core.analysis.UsageEvidence;
import dev.leakguard.core.model.AnnotationRole;
import dev.leakguard.core.model.MethodRule;
import dev.leakguard.core.model.MethodSig;
import dev.leakguard.core.model.ResourceKind;
import dev.leakguard.core.model.ResourceModel;
import edu.umd.cs.findbugs.ba.AnalysisContext;
import edu.umd.cs.findbugs.ba.ClassContext;
import edu.umd.cs.findbugs.ba.XClass;
import edu.umd.cs.findbugs.ba.XMethod;
import edu.umd.cs.findbugs.classfile.ClassDescriptor;
import edu.umd.cs.findbugs.classfile.DescriptorFactory;
import edu.umd.cs.findbugs.classfile.Global;
import edu.umd.cs.findbugs.classfile.IAnalysisCache;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.bcel.classfile.JavaClass;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.MethodGen;

/**
 * What LeakGuard knows about the whole program of one SpotBugs analysis: the resource model, the
 * class hierarchy, and the summaries of the application's methods (closes a parameter, takes it
 * over, returns a fresh or a borrowed resource) and which fields each class closes in a close or
 * lifecycle method. The first pass fills it for every application class; the reporting pass
 * reads it, computing on demand what the first pass did not reach. One instance per analysis,
 * kept in SpotBugs' analysis cache.
 */
final class ProgramFacts {
  private final ModelConfig.Loaded model;
  private final Hierarchy hierarchy = new Hierarchy();
  private final Map<String, Optional<ResourceKind>> kinds = new HashMap<>();
  private final SummaryMemo<String> summaries = new SummaryMemo<>();
  /** The summaries of graphs that took long, for both passes (see {@link GraphSummaries}). */
  private final GraphSummaries graphSummaries;
  /** Summaries of the first pass, where undecided results count as owned; dropped after it. */
  private final SummaryMemo<String> probeSummaries = new SummaryMemo<>();
  private final UsageEvidence usage = new UsageEvidence();
  /** True while the first pass gathers the evidence from callers. */
  private boolean probing = true;
  private final Map<String, Set<String>> closedFields = new HashMap<>();
  private final Set<String> closedFieldsInProgress = new HashSet<>();
  private final Set<String> told = new HashSet<>();
  private final Set<String> neverReturn = new HashSet<>();

  private ProgramFacts(ModelConfig.Loaded model) {
    this.model = model;
    this.graphSummaries = new GraphSummaries(model.model());
  }

  /** The facts of the current analysis, created on first use. */
  static ProgramFacts current() {
    IAnalysisCache cache = Global.getAnalysisCache();
    synchronized (ProgramFacts.class) {
      ProgramFacts f = cache.getOptionalDatabase(ProgramFacts.class);
      if (f == null) {
        f = new ProgramFacts(ModelConfig.load());
        cache.eagerlyPutDatabase(ProgramFacts.class, f);
      }
      return f;
    }
  }

  ResourceModel model() {
    return model.model();
  }

  /** The problem with the configured model file, or null; told once per analysis. */
  String modelErrorToTell() {
    return model.error() != null && tellOnce("model") ? model.error() : null;
  }

  /** True the first time {@code key} is asked in this analysis. */
  synchronized boolean tellOnce(String key) {
    return told.add(key);
  }

  Hierarchy hierarchy() {
    return hierarchy;
  }

  // ---------------------------------------------------------------- types

  /** The resource kind of a type (dotted), or null. */
  ResourceKind kindOf(String type) {
    if (type == null || type.endsWith("[]") || (type.indexOf('.') < 0 && isPrimitive(type))) {
      return null;
    }
    return kinds
        .computeIfAbsent(type, t -> Optional.ofNullable(model().resourceKindOf(t, hierarchy.supertypes(t))))
        .orElse(null);
  }

  private static boolean isPrimitive(String t) {
    return switch (t) {
      case "int", "long", "short", "byte", "char", "boolean", "float", "double", "void" -> true;
      default -> false;
    };
  }

  boolean isSubtype(String sub, String sup) {
    return hierarchy.isSubtype(sub, sup);
  }

  boolean isAutoCloseable(String type) {
    return type != null && !type.endsWith("[]") && hierarchy.isSubtype(type, "java.lang.AutoCloseable");
  }

  /**
   * A collection, a map or a one-value holder (a ThreadLocal, an AtomicReference): what is put in
   * it goes where the holder goes.
   */
  boolean isCollection(String type) {
    if (type == null) {
      return false;
    }
    for (String holder : CallEffects.HOLDER_TYPES) {
      if (hierarchy.isSubtype(type, holder)) {
        return true;
      }
    }
    return false;
  }

  /** True for a checked exception type; an unknown type counts as checked (it was declared). */
  boolean isChecked(String type) {
    if (hierarchy.xclass(type).isEmpty()) {
      return true;
    }
    return !hierarchy.isSubtype(type, "java.lang.RuntimeException")
        && !hierarchy.isSubtype(type, "java.lang.Error");
  }

  /** An anonymous class ({@code new T() { ... }}): its constructor's arguments are captures. */
  boolean isAnonymousClass(String type) {
    int dollar = type.lastIndexOf('$');
    if (dollar < 0 || dollar == type.length() - 1) {
      return false;
    }
    for (int k = dollar + 1; k < type.length(); k++) {
      if (!Character.isDigit(type.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- methods

  Hierarchy.Resolved resolve(String owner, String name, String desc, boolean isStatic) {
    return hierarchy.resolve(owner, name, desc, isStatic);
  }

  /** Model rules of a method: those of its declaring type, else of the nearest supertype. */
  List<MethodRule> rules(String declaring, String name, String desc) {
    ResourceModel m = model();
    if (!m.methodNamesWithRules().contains(name)) {
      return List.of();
    }
    List<String> params = MethodSig.paramTypesFromDescriptor(desc);
    Set<String> owners = new LinkedHashSet<>();
    owners.add(declaring);
    owners.addAll(hierarchy.supertypes(declaring));
    for (String o : owners) {
      if (m.ownersWithRules().contains(o)) {
        List<MethodRule> r = m.rules(o, name, params);
        if (!r.isEmpty()) {
          return r; // the most specific owner wins
        }
      }
    }
    return List.of();
  }

  Set<AnnotationRole> methodRoles(XMethod m) {
    if (m == null) {
      return Set.of();
    }
    return roles(m.getAnnotationDescriptors());
  }

  List<Set<AnnotationRole>> paramRoles(XMethod m, int params) {
    List<Set<AnnotationRole>> out = new ArrayList<>();
    for (int p = 0; p < params; p++) {
      out.add(m == null ? Set.of() : roles(m.getParameterAnnotationDescriptors(p)));
    }
    return out;
  }

  Set<AnnotationRole> roles(Collection<ClassDescriptor> annotations) {
    if (annotations == null || annotations.isEmpty()) {
      return Set.of();
    }
    Set<AnnotationRole> out = EnumSet.noneOf(AnnotationRole.class);
    for (ClassDescriptor d : annotations) {
      out.addAll(model().annotationRoles(BytecodeLowering.simpleName(d.getDottedClassName())));
    }
    return out;
  }

  /** Checked exception types a method declares (dotted names). */
  List<String> checkedThrows(XMethod m) {
    if (m == null || m.getThrownExceptions() == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String t : m.getThrownExceptions()) {
      String dotted = t.replace('/', '.');
      if (isChecked(dotted)) {
        out.add(dotted);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- summaries

  /**
   * The summary of an application method with a body, or null (library method, a method of the
   * platform's own classes (see {@link CallEffects#summarisesBodiesOf}), abstract or native
   * method, or a body LeakGuard cannot lower). Recursion yields {@link
   * MethodSummary#UNKNOWN}.
   */
  MethodSummary summary(String declaring, String name, String desc) {
    String key = declaring + "." + name + desc;
    return (probing ? probeSummaries : summaries)
        .get(
            key,
            k ->
                isApplicationClass(declaring) && CallEffects.summarisesBodiesOf(declaring)
                    ? compute(declaring, name, desc)
                    : null);
  }

  /** True for an application method whose body never returns normally (it always throws). */
  boolean neverReturns(String declaring, String name, String desc) {
    summary(declaring, name, desc);
    return neverReturn.contains(declaring + "." + name + desc);
  }

  /**
   * The summary of the bodies a call may run: the method it resolves to and the overrides in
   * the application's subtypes of the receiver's static type {@code owner}, combined; null when
   * none has a body the analysis sees. An {@code exact} call (static, or an invokespecial: a
   * {@code super.m()}, private or constructor call) runs the resolved method only.
   */
  MethodSummary callSummary(
      String owner, String declaring, String name, String desc, boolean exact, XMethod resolved) {
    List<MethodSummary> bodies = new ArrayList<>();
    MethodSummary own = summary(declaring, name, desc);
    if (own != null) {
      bodies.add(own);
    }
    boolean overridable =
        !exact && !name.equals("<init>") && (resolved == null || (!resolved.isPrivate() && !resolved.isFinal()));
    if (overridable) {
      for (String sub : applicationSubtypes(owner)) {
        if (sub.equals(declaring)) {
          continue;
        }
        Optional<XClass> xc = hierarchy.xclass(sub);
        XMethod m = xc.isEmpty() ? null : xc.get().findMethod(name, desc, false);
        if (m != null && !m.isAbstract()) {
          MethodSummary s = summary(sub, name, desc);
          if (s != null) {
            bodies.add(s);
          }
        }
      }
    }
    return MethodSummary.combine(bodies);
  }

  private final Map<String, List<String>> paramNames = new HashMap<>();

  /**
   * The names of a called method's parameters, from the debug information of its body in the
   * analysed classes, or of an override's body when it has none (an abstract method); null
   * entries where no body tells.
   */
  List<String> paramNames(String owner, String declaring, String name, String desc, boolean isStatic) {
    String key = owner + "." + name + desc;
    List<String> out = paramNames.get(key);
    if (out != null) {
      return out;
    }
    out = namesIn(declaring, name, desc, isStatic);
    if (out == null && !isStatic && !name.equals("<init>")) {
      for (String sub : applicationSubtypes(owner)) {
        out = namesIn(sub, name, desc, false);
        if (out != null) {
          break;
        }
      }
    }
    if (out == null) {
      out = List.of();
    }
    paramNames.put(key, out);
    return out;
  }

  /** The parameter names the local variable table of {@code cls.name desc} gives, or null. */
  private List<String> namesIn(String cls, String name, String desc, boolean isStatic) {
    ClassContext cc = isApplicationClass(cls) ? classContext(cls) : null;
    if (cc == null) {
      return null;
    }
    for (Method m : cc.getJavaClass().getMethods()) {
      if (!m.getName().equals(name) || !m.getSignature().equals(desc) || m.getLocalVariableTable() == null) {
        continue;
      }
      List<String> names = new ArrayList<>();
      int slot = isStatic ? 0 : 1;
      boolean any = false;
      for (org.apache.bcel.generic.Type t : m.getArgumentTypes()) {
        org.apache.bcel.classfile.LocalVariable v = m.getLocalVariableTable().getLocalVariable(slot, 0);
        names.add(v == null ? null : v.getName());
        any |= v != null;
        slot += t.getSize();
      }
      return any ? names : null;
    }
    return null;
  }

  private final Map<String, List<String>> subtypes = new HashMap<>();

  /** The application classes that are proper subtypes of {@code owner}, in name order. */
  private List<String> applicationSubtypes(String owner) {
    List<String> out = subtypes.get(owner);
    if (out != null) {
      return out;
    }
    java.util.TreeSet<String> found = new java.util.TreeSet<>();
    AnalysisContext ctx = AnalysisContext.currentAnalysisContext();
    if (ctx != null) {
      try {
        for (ClassDescriptor d :
            ctx.getSubtypes2().getSubtypes(DescriptorFactory.createClassDescriptorFromDottedClassName(owner))) {
          String n = d.getDottedClassName();
          if (!n.equals(owner) && isApplicationClass(n)) {
            found.add(n);
          }
        }
      } catch (ClassNotFoundException | RuntimeException e) {
        // an owner SpotBugs does not know: no subtypes to see
      }
    }
    out = new ArrayList<>(found);
    subtypes.put(owner, out);
    return out;
  }

  // ---------------------------------------------------------------- evidence from callers

  /** The evidence from callers (complete once the first pass is over). */
  UsageEvidence usage() {
    return usage;
  }

  boolean probing() {
    return probing;
  }

  /**
   * Ends the first pass: the summaries it computed with undecided results tracked are dropped, so
   * that the reporting pass computes them again with the complete evidence.
   */
  void endProbing() {
    if (probing) {
      probing = false;
      probeSummaries.clear();
      closedFields.clear();
      neverReturn.clear();
    }
  }

  /**
   * The first pass over one method: analysed with undecided results tracked, the methods whose
   * results it closes are recorded as evidence.
   */
  void probe(ClassContext cc, Method m) {
    if (m.isAbstract() || m.isNative() || m.getCode() == null) {
      return;
    }
    MethodGen mg = cc.getMethodGen(m);
    if (mg == null || !mayClose(mg)) {
      return;
    }
    Map<String, String> probes = new HashMap<>();
    BytecodeLowering.Result r;
    try {
      r = BytecodeLowering.lower(this, cc.getJavaClass().getClassName(), m, mg, probes);
    } catch (BytecodeLowering.Unsupported | IllegalStateException e) {
      return;
    }
    if (probes.isEmpty()) {
      return;
    }
    for (String site : ObligationAnalysis.analyze(r.graph(), model()::implicitClose).closedSites()) {
      String key = probes.get(site);
      if (key != null) {
        usage.recordClosed(key, cc.getJavaClass().getClassName() + "." + m.getName() + m.getSignature());
      }
    }
  }

  /** A method that calls something whose name says it may close something (a try-with-resources calls close()). */
  private static boolean mayClose(MethodGen mg) {
    org.apache.bcel.generic.ConstantPoolGen cpg = mg.getConstantPool();
    for (org.apache.bcel.generic.InstructionHandle ih : mg.getInstructionList().getInstructionHandles()) {
      if (ih.getInstruction() instanceof org.apache.bcel.generic.InvokeInstruction inv
          && inv.getOpcode() != org.apache.bcel.Const.INVOKEDYNAMIC
          && UsageEvidence.mayClose(inv.getMethodName(cpg))) {
        return true;
      }
    }
    return false;
  }

  private MethodSummary compute(String declaring, String name, String desc) {
    ClassContext cc = classContext(declaring);
    if (cc == null) {
      return null;
    }
    for (Method m : cc.getJavaClass().getMethods()) {
      if (m.getName().equals(name) && m.getSignature().equals(desc)) {
        return summarize(cc, m);
      }
    }
    return null;
  }

  /** The summary of {@code m}, computed now; null if it has no body or cannot be lowered. */
  MethodSummary summarize(ClassContext cc, Method m) {
    if (m.isAbstract() || m.isNative() || m.getCode() == null) {
      return null;
    }
    MethodGen mg = cc.getMethodGen(m);
    if (mg == null) {
      return null;
    }
    try {
      BytecodeLowering.Result r =
          BytecodeLowering.lower(this, cc.getJavaClass().getClassName(), m, mg);
      if (!r.returns()) {
        neverReturn.add(cc.getJavaClass().getClassName() + "." + m.getName() + m.getSignature());
      }
      MethodSummary s = graphSummaries.summarize(r.graph(), r.paramVars());
      if (LeakGuardDetector.dumped(m.getName())) {
        System.err.println("summary of " + cc.getJavaClass().getClassName() + "." + m.getName() + m.getSignature()
            + (probing ? " (probing)" : "") + ": " + (s == MethodSummary.UNKNOWN ? "UNKNOWN" : s) + "\n"
            + r.graph().dump());
      }
      return r.returnsThis() ? s.returningReceiver() : s;
    } catch (BytecodeLowering.Unsupported | IllegalStateException e) {
      return null;
    }
  }

  /**
   * True if the summary of this method can matter to a caller: it returns a resource, or takes a
   * parameter that can hold one (a resource type, a supertype of one, a closeable wrapper, an
   * array or a collection of them).
   */
  boolean mayNeedSummary(Method m) {
    if (m.isAbstract() || m.isNative() || m.getCode() == null) {
      return false;
    }
    org.apache.bcel.generic.Type ret = m.getReturnType();
    if (ret instanceof org.apache.bcel.generic.ObjectType o && kindOf(o.getClassName()) != null) {
      return true;
    }
    for (org.apache.bcel.generic.Type t : m.getArgumentTypes()) {
      if (mayHoldResource(t)) {
        return true;
      }
    }
    return false;
  }

  private boolean mayHoldResource(org.apache.bcel.generic.Type t) {
    if (t instanceof org.apache.bcel.generic.ArrayType a) {
      return mayHoldResource(a.getBasicType());
    }
    if (!(t instanceof org.apache.bcel.generic.ObjectType o)) {
      return false;
    }
    String n = o.getClassName();
    if (n.equals("java.lang.Object") || n.equals("java.lang.AutoCloseable") || n.equals("java.sql.Wrapper")) {
      return true;
    }
    return kindOf(n) != null || isAutoCloseable(n) || isCollection(n) || n.equals("java.lang.Iterable");
  }

  // ---------------------------------------------------------------- owning fields

  /**
   * True if a close or lifecycle method of {@code owner} closes its field {@code field}. A class
   * LeakGuard cannot see is assumed to manage its fields.
   */
  boolean closesField(String owner, String field) {
    Set<String> closed = closedFields.get(owner);
    if (closed == null) {
      if (!closedFieldsInProgress.add(owner)) {
        return true; // asked again while computing (a lifecycle method stores a field)
      }
      try {
        closed = fieldsClosedBy(owner);
      } finally {
        closedFieldsInProgress.remove(owner);
      }
      closedFields.put(owner, closed);
    }
    return closed.contains(field) || closed.contains("*");
  }

  private Set<String> fieldsClosedBy(String owner) {
    Set<String> out = new HashSet<>();
    ClassContext cc = isApplicationClass(owner) ? classContext(owner) : null;
    if (cc == null || isSubtype(owner, Lifecycle.FORWARDING_HANDLER)) {
      // a class we cannot see: assume it manages its fields; a proxy's handler: its user closes them
      out.add("*");
      return out;
    }
    JavaClass jc = cc.getJavaClass();
    Optional<XClass> xc = hierarchy.xclass(owner);
    for (Method m : jc.getMethods()) {
      if (m.getCode() == null || !Lifecycle.mayCloseFields(m.getName())) {
        continue;
      }
      MethodGen mg = cc.getMethodGen(m);
      if (mg != null) {
        FieldCloses.collect(this, jc.getClassName(), m, mg, out);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- classes

  boolean isApplicationClass(String dotted) {
    AnalysisContext ctx = AnalysisContext.currentAnalysisContext();
    return ctx != null
        && ctx.isApplicationClass(DescriptorFactory.createClassDescriptorFromDottedClassName(dotted));
  }

  /** The class file of an analysed class, or null if it cannot be read. */
  JavaClass javaClass(String dotted) {
    ClassContext cc = classContext(dotted);
    return cc == null ? null : cc.getJavaClass();
  }

  ClassContext classContext(String dotted) {
    try {
      return Global.getAnalysisCache()
          .getClassAnalysis(
              ClassContext.class, DescriptorFactory.createClassDescriptorFromDottedClassName(dotted));
    } catch (Exception e) {
      return null;
    }
  }
}
