package dev.leakguard.spotbugs;

import dev.leakguard.core.analysis.CallEffects;
import dev.leakguard.core.analysis.Event;
import dev.leakguard.core.analysis.EventGraph;
import dev.leakguard.core.analysis.MethodSummary;
import dev.leakguard.core.analysis.Node;
import dev.leakguard.core.analysis.RawGraphBuilder;
import dev.leakguard.core.analysis.Site;
import dev.leakguard.core.analysis.ThrowInfo;
import dev.leakguard.core.model.AnnotationRole;
import dev.leakguard.core.model.MethodRule;
import dev.leakguard.core.model.ResourceKind;
import edu.umd.cs.findbugs.ba.XMethod;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.LineNumberTable;
import org.apache.bcel.classfile.LocalVariable;
import org.apache.bcel.classfile.LocalVariableTable;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ArrayType;
import org.apache.bcel.generic.BranchInstruction;
import org.apache.bcel.generic.CHECKCAST;
import org.apache.bcel.generic.CodeExceptionGen;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.FieldInstruction;
import org.apache.bcel.generic.INVOKEDYNAMIC;
import org.apache.bcel.generic.IfInstruction;
import org.apache.bcel.generic.Instruction;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InvokeInstruction;
import org.apache.bcel.generic.LDC;
import org.apache.bcel.generic.LocalVariableInstruction;
import org.apache.bcel.generic.MULTIANEWARRAY;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.NEW;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.ReferenceType;
import org.apache.bcel.generic.Select;
import org.apache.bcel.generic.StoreInstruction;
import org.apache.bcel.generic.Type;

/**
 * Lowers the bytecode of one method to LeakGuard's events, with the same semantics as the Error
 * Prone and source front-ends (calls go through the core's {@link CallEffects}).
 *
 * <p>Why an interpretation of our own rather than SpotBugs' CFG with its type and value-number
 * dataflows: the events name variables, and the core already follows aliases between variables;
 * naming each stack word and each local slot and copying on loads and stores gives aliasing for
 * free, without value numbers. What SpotBugs' CFG adds (an exception edge from every instruction
 * that may throw anything) is exactly what has to be removed again: only checked exceptions a
 * called method declares, and explicit {@code athrow}, may leave a call here. Routing those by
 * type through the exception table, with the caught exception's possible types carried to the
 * rethrow of a finally or try-with-resources handler, is a small forward interpretation over the
 * stack and locals; the same interpretation records what the events need (which local a stack
 * word was loaded from, which boolean came from {@code isEmpty()} or {@code isClosed()}, which
 * object is still uninitialised).
 *
 * <p>The interpretation runs twice over the same code: first to a fixed point of the abstract
 * frames (including which handlers each exception type reaches), then once per instruction to
 * build the event graph, so both passes agree by construction.
 */
final class BytecodeLowering {

  /** Bytecode this lowering does not handle (subroutines, inconsistent frames). */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message);
    }
  }

  /**
   * The lowered method, the variables of its parameters (for summaries), and whether it can
   * return at all (a method that always throws never gives control back to its caller).
   */
  /**
   * A lowered method: its graph, the variables of its parameters, whether it can return, and
   * whether every return returns {@code this} (a fluent method).
   */
  record Result(EventGraph graph, List<String> paramVars, boolean returns, boolean returnsThis) {}

  private static final String THROWABLE = "java.lang.Throwable";

  private final ProgramFacts facts;
  private final String className;
  private final Method method;
  private final ConstantPoolGen cpg;
  private final InstructionHandle[] ins;
  private final Map<Integer, Integer> indexAt = new HashMap<>();
  private final CodeExceptionGen[] handlers;
  private final int[] handlerIndex;
  private final LineNumberTable lines;
  private final LocalVariable[] lvt;
  private final String[] localVars;
  private final int maxLine;
  private final boolean isStatic;

  private Frame[] in;
  private final Deque<Integer> work = new ArrayDeque<>();
  private final BitSet queued = new BitSet();

  // phase 2 state
  private RawGraphBuilder g;
  private Node[] entry;
  private Node cur;
  private int curIndex;
  private Frame curFrame;
  private final List<String> curTemps = new ArrayList<>();
  private int tempCount;
  /** In the first pass that gathers usage evidence: site key to the key of the method it came from. */
  private Map<String, String> probes;
  /** Flags worth following (see core's {@code Event.AssignFlag}), by source name: tested or set twice. */
  private final Set<String> flags;
  /** The slots of the boolean parameters the body never stores to: see core's {@code Event.PARAM_FLAG}. */
  private final Set<Integer> paramFlagSlots = new HashSet<>();
  /** Instructions that a backward jump targets: loop heads, where field and getter flags are forgotten. */
  private final BitSet loopHeads = new BitSet();

  private BytecodeLowering(ProgramFacts facts, String className, Method method, MethodGen mg) {
    this.facts = facts;
    this.className = className;
    this.method = method;
    this.cpg = mg.getConstantPool();
    this.ins = mg.getInstructionList().getInstructionHandles();
    for (int i = 0; i < ins.length; i++) {
      indexAt.put(ins[i].getPosition(), i);
    }
    this.handlers = mg.getExceptionHandlers();
    this.handlerIndex = new int[handlers.length];
    for (int h = 0; h < handlers.length; h++) {
      handlerIndex[h] = indexAt.get(handlers[h].getHandlerPC().getPosition());
    }
    this.lines = method.getLineNumberTable();
    LocalVariableTable t = method.getLocalVariableTable();
    this.lvt = t == null ? new LocalVariable[0] : t.getLocalVariableTable();
    this.isStatic = method.isStatic();
    this.localVars = localVariableNames(method.getCode().getMaxLocals());
    int ml = 0;
    if (lines != null) {
      for (var ln : lines.getLineNumberTable()) {
        ml = Math.max(ml, ln.getLineNumber());
      }
    }
    this.maxLine = ml;
    paramFlagSlots.addAll(booleanParametersNeverStored());
    this.flags = countFlags();
    for (int i = 0; i < ins.length; i++) {
      if (ins[i].getInstruction() instanceof BranchInstruction br) {
        int target = indexOf(br.getTarget());
        if (target <= i) {
          loopHeads.set(target);
        }
      }
    }
  }

  // ------------------------------------------------------------------ flags

  /** Source names of flags tested or set to a literal at least twice (see {@link #flags}). */
  private Set<String> countFlags() {
    Map<String, Integer> uses = new HashMap<>();
    for (int i = 1; i < ins.length; i++) {
      short op = ins[i].getInstruction().getOpcode();
      if (op == Const.IFEQ || op == Const.IFNE) {
        String f = flagRead(i - 1);
        if (f != null) {
          uses.merge(f, 1, Integer::sum);
        }
      } else if (ins[i].getInstruction() instanceof StoreInstruction st
          && (op == Const.ISTORE || (op >= Const.ISTORE_0 && op <= Const.ISTORE_3))
          && isBooleanConst(i - 1)) {
        String name = booleanLocal(st.getIndex(), ins[i].getPosition() + ins[i].getInstruction().getLength());
        if (name != null) {
          uses.merge(name, 1, Integer::sum);
        }
      } else if (op == Const.PUTFIELD && isBooleanConst(i - 1) && i >= 2 && isThisLoad(i - 2)) {
        FieldInstruction fi = (FieldInstruction) ins[i].getInstruction();
        if (fi.getSignature(cpg).equals("Z")) {
          uses.merge(fi.getFieldName(cpg), 1, Integer::sum);
        }
      }
    }
    // a boolean parameter the body never stores to is set by the caller: one use already
    for (int slot : paramFlagSlots) {
      String name = booleanLocal(slot, 0);
      if (name != null) {
        uses.merge(name, 1, Integer::sum);
      }
    }
    Set<String> out = new HashSet<>();
    uses.forEach((k, v) -> {
      if (v >= 2) {
        out.add(k);
      }
    });
    return out;
  }

  /** The slots of the boolean parameters the body never stores to. */
  private Set<Integer> booleanParametersNeverStored() {
    Set<Integer> stored = new HashSet<>();
    for (InstructionHandle h : ins) {
      if (h.getInstruction() instanceof StoreInstruction st) {
        stored.add(st.getIndex());
      }
    }
    Set<Integer> out = new HashSet<>();
    int slot = isStatic ? 0 : 1;
    for (org.apache.bcel.generic.Type t : method.getArgumentTypes()) {
      if (t == org.apache.bcel.generic.Type.BOOLEAN && !stored.contains(slot)) {
        out.add(slot);
      }
      slot += t.getSize();
    }
    return out;
  }

  /** The source name of a flag read by instruction {@code i}, or null. */
  private String flagRead(int i) {
    Instruction insn = ins[i].getInstruction();
    short op = insn.getOpcode();
    if (op == Const.ILOAD || (op >= Const.ILOAD_0 && op <= Const.ILOAD_3)) {
      return booleanLocal(((LocalVariableInstruction) insn).getIndex(), ins[i].getPosition());
    }
    if (op == Const.GETFIELD && i >= 1 && isThisLoad(i - 1)
        && ((FieldInstruction) insn).getSignature(cpg).equals("Z")) {
      return ((FieldInstruction) insn).getFieldName(cpg);
    }
    if ((op == Const.INVOKEVIRTUAL || op == Const.INVOKESPECIAL || op == Const.INVOKEINTERFACE)
        && i >= 1 && isThisLoad(i - 1)
        && ((InvokeInstruction) insn).getSignature(cpg).equals("()Z")) {
      return Event.CALL_FLAG + ((InvokeInstruction) insn).getMethodName(cpg);
    }
    return null;
  }

  private boolean isThisLoad(int i) {
    return !isStatic && ins[i].getInstruction().getOpcode() == Const.ALOAD_0;
  }

  private boolean isBooleanConst(int i) {
    short op = ins[i].getInstruction().getOpcode();
    return op == Const.ICONST_0 || op == Const.ICONST_1;
  }

  /** The source name of a boolean local at {@code pc}, from the local variable table; null if none. */
  private String booleanLocal(int slot, int pc) {
    for (LocalVariable v : lvt) {
      if (v.getIndex() == slot && v.getSignature().equals("Z")
          && pc >= v.getStartPC() && pc <= v.getStartPC() + v.getLength()) {
        return v.getName();
      }
    }
    // without debug information a boolean parameter is still known by its slot
    return lvt.length == 0 && paramFlagSlots.contains(slot) ? "param" + slot : null;
  }

  /** The event variable of a flag, if it is followed. */
  private String flagVar(String sourceName, int slot) {
    if (sourceName == null || !flags.contains(sourceName)) {
      return null;
    }
    if (sourceName.startsWith(Event.CALL_FLAG)) {
      return sourceName;
    }
    if (slot < 0) {
      return Event.FIELD_FLAG + sourceName;
    }
    return paramFlagSlots.contains(slot) ? Event.PARAM_FLAG + localVar(slot) : localVar(slot);
  }

  /**
   * Lowers {@code method} of class {@code className} (dotted).
   *
   * @throws Unsupported for bytecode shapes the lowering does not handle
   */
  static Result lower(ProgramFacts facts, String className, Method method, MethodGen mg) {
    return lower(facts, className, method, mg, null);
  }

  /**
   * As {@link #lower(ProgramFacts, String, Method, MethodGen)}; with {@code probes}, lowers for
   * the first pass that gathers usage evidence and fills {@code probes} with the site key of each
   * undecided result, mapped to the evidence key of the method it came from.
   */
  static Result lower(
      ProgramFacts facts, String className, Method method, MethodGen mg, Map<String, String> probes) {
    BytecodeLowering l = new BytecodeLowering(facts, className, method, mg);
    l.probes = probes;
    l.fixpoint();
    return l.build();
  }

  /** The frames before each instruction (null where unreachable), for scans of one method. */
  static Frame[] frames(ProgramFacts facts, String className, Method method, MethodGen mg) {
    BytecodeLowering l = new BytecodeLowering(facts, className, method, mg);
    l.fixpoint();
    return l.in;
  }

  // ------------------------------------------------------------------ names

  private String[] localVariableNames(int maxLocals) {
    Map<Integer, List<String>> bySlot = new HashMap<>();
    Map<String, Integer> slotsPerName = new HashMap<>();
    for (LocalVariable v : lvt) {
      List<String> names = bySlot.computeIfAbsent(v.getIndex(), k -> new ArrayList<>());
      if (!names.contains(v.getName())) {
        names.add(v.getName());
        slotsPerName.merge(v.getName(), 1, Integer::sum);
      }
    }
    String[] out = new String[maxLocals];
    for (int i = 0; i < maxLocals; i++) {
      List<String> names = bySlot.get(i);
      if (names == null || names.isEmpty()) {
        out[i] = "local" + i;
      } else if (names.size() == 1 && slotsPerName.get(names.get(0)) == 1) {
        out[i] = names.get(0);
      } else {
        out[i] = names.get(0) + "~" + i;
      }
    }
    return out;
  }

  private static String stackVar(int depth) {
    return "$s" + depth;
  }

  private String localVar(int slot) {
    return localVars[slot];
  }

  /** The event variable that remembers an iterator or array that has not been advanced yet. */
  private static String freshVar(int slot) {
    return "#fresh" + slot;
  }

  /** The source name of the variable in {@code slot} at {@code pc}, or null. */
  private String sourceName(int slot, int pc) {
    for (LocalVariable v : lvt) {
      if (v.getIndex() == slot && pc >= v.getStartPC() && pc < v.getStartPC() + v.getLength()) {
        return v.getName();
      }
    }
    return null;
  }

  /** The entry of the local variable table for {@code slot} at {@code pc}, or SYNTHETIC. */
  private int scopeAt(int slot, int pc) {
    for (int k = 0; k < lvt.length; k++) {
      LocalVariable v = lvt[k];
      if (v.getIndex() == slot && pc >= v.getStartPC() && pc < v.getStartPC() + v.getLength()) {
        return k;
      }
    }
    return Value.SYNTHETIC;
  }

  /**
   * Before {@code slot} is overwritten by a different variable (javac reuses the slots of
   * variables whose scope ended), what the old variable held is kept under a name of its own, the
   * way a source front-end keeps each variable: going out of scope is not a reassignment.
   */
  private void retireIfNewVariable(Work w, int slot, int newScope, boolean newIsRef) {
    retireIfNewVariable(w, slot, newScope, newIsRef, null);
  }

  private void retireIfNewVariable(Work w, int slot, int newScope, boolean newIsRef, String newType) {
    Value old = w.locals[slot];
    if (!old.bound()) {
      return;
    }
    // Without a local variable table, a value of an unrelated type (a caught exception stored
    // where a statement was) still tells a new variable.
    boolean unrelated =
        newType != null
            && old.type() != null
            && !newType.endsWith("[]")
            && !old.type().endsWith("[]")
            && !facts.isSubtype(newType, old.type())
            && !facts.isSubtype(old.type(), newType);
    boolean differentVariable =
        !newIsRef || unrelated || (old.scope() != -1 && old.scope() != newScope);
    if (differentVariable) {
      event(new Event.Assign("$gone" + slot + "@" + ins[curIndex].getPosition(), localVar(slot)));
    }
  }

  private int line(int index) {
    if (lines == null) {
      return 0;
    }
    int l = lines.getSourceLine(ins[index].getPosition());
    return Math.max(l, 0);
  }

  // ------------------------------------------------------------------ phase 1: frames

  private void fixpoint() {
    in = new Frame[ins.length];
    int maxLocals = method.getCode().getMaxLocals();
    Value[] locals = new Value[maxLocals];
    Arrays.fill(locals, Value.TOP);
    int slot = 0;
    if (!isStatic) {
      locals[0] = Value.ref(className, false).withTag(new Value.This());
      slot = 1;
    }
    for (Type t : method.getArgumentTypes()) {
      if (t instanceof ReferenceType) {
        locals[slot] = Value.ref(typeName(t), true).withScope(scopeAt(slot, 0));
      } else {
        locals[slot] = Value.PRIM;
        if (t.getSize() == 2) {
          locals[slot + 1] = Value.PRIM;
        }
      }
      slot += t.getSize();
    }
    merge(0, new Frame(locals, new Value[0]));
    int guard = 0;
    while (!work.isEmpty()) {
      int i = work.poll();
      queued.clear(i);
      if (++guard > 200_000) {
        throw new Unsupported("frames do not converge");
      }
      step(i);
    }
  }

  private void merge(int index, Frame f) {
    Frame old = in[index];
    Frame joined = old == null ? f : old.join(f);
    if (old == null || joined != old) {
      in[index] = joined;
      if (g == null && !queued.get(index)) {
        queued.set(index);
        work.add(index);
      }
    }
  }

  // ------------------------------------------------------------------ phase 2: graph

  private Result build() {
    g = new RawGraphBuilder(className + "." + method.getName());
    g.constructor(method.getName().equals("<init>"));
    entry = new Node[ins.length];
    for (int i = 0; i < ins.length; i++) {
      if (in[i] != null) {
        entry[i] = g.node(new Event.Nop(), line(i), null);
      }
    }
    Node first = g.entry();
    for (String f : facts.model().guardFlagsOfAnnotations(annotations())) {
      // a @Transactional method: the guard of the model's bound-when holds in all of it
      Node n = g.node(new Event.AssignFlag(f, true), line(0), null);
      g.normalEdge(first, n);
      first = n;
    }
    g.normalEdge(first, entry[0]);
    for (int i = 0; i < ins.length; i++) {
      if (in[i] != null) {
        step(i);
      }
    }
    List<String> params = new ArrayList<>();
    int slot = isStatic ? 0 : 1;
    for (Type t : method.getArgumentTypes()) {
      params.add(t instanceof ReferenceType ? localVar(slot) : null);
      slot += t.getSize();
    }
    boolean returns = false;
    int thisReturns = 0;
    int otherReturns = 0;
    for (int i = 0; i < ins.length; i++) {
      short op = ins[i].getInstruction().getOpcode();
      returns |= in[i] != null && op >= Const.IRETURN && op <= Const.RETURN;
      if (in[i] != null && op == Const.ARETURN) {
        Value[] st = in[i].stack;
        if (st.length > 0 && st[st.length - 1].tag() instanceof Value.This) {
          thisReturns++;
        } else {
          otherReturns++;
        }
      }
    }
    return new Result(g.build(), params, returns, thisReturns > 0 && otherReturns == 0);
  }

  /** The annotations of the method and of its class and the classes around it, by dotted name. */
  private Set<String> annotations() {
    if (facts.model().guardAnnotations().isEmpty()) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    addAnnotations(method.getAnnotationEntries(), out);
    for (String c = className; c != null; c = c.contains("$") ? c.substring(0, c.lastIndexOf('$')) : null) {
      org.apache.bcel.classfile.JavaClass jc = facts.javaClass(c);
      if (jc != null) {
        addAnnotations(jc.getAnnotationEntries(), out);
      }
    }
    return out;
  }

  private static void addAnnotations(org.apache.bcel.classfile.AnnotationEntry[] entries, Set<String> out) {
    for (org.apache.bcel.classfile.AnnotationEntry a : entries) {
      String t = a.getAnnotationType(); // Lcom/acme/Name;
      if (t.startsWith("L") && t.endsWith(";")) {
        out.add(t.substring(1, t.length() - 1).replace('/', '.'));
      }
    }
  }

  private void event(Event e) {
    if (g == null) {
      return;
    }
    Node n = g.node(e, line(curIndex), null);
    g.normalEdge(cur, n);
    cur = n;
  }

  /**
   * A stack word consumed by an instruction: the end of a temporary. Temporaries of a return
   * statement live until the method is left (the finally blocks and resource closes the return
   * runs may still close what they were made from), as in the source front-ends.
   */
  private void dropTemporary(int depth) {
    if (inReturnStatement(curIndex)) {
      event(new Event.Assign("$ret" + ins[curIndex].getPosition() + ":" + depth, stackVar(depth)));
      kill(stackVar(depth), false);
    } else {
      kill(stackVar(depth), true);
    }
  }

  private BitSet returnLines;

  /** True if a value return on the same source line follows: the code is part of a return. */
  private boolean inReturnStatement(int index) {
    int l = line(index);
    if (l <= 0) {
      return returnsValueOf(index);
    }
    if (returnLines == null) {
      returnLines = new BitSet();
      for (int k = 0; k < ins.length; k++) {
        short op = ins[k].getInstruction().getOpcode();
        if (op >= Const.IRETURN && op <= Const.ARETURN && line(k) > 0) {
          returnLines.set(line(k));
        }
      }
    }
    if (!returnLines.get(l)) {
      return false;
    }
    for (int k = index + 1; k < ins.length; k++) {
      short op = ins[k].getInstruction().getOpcode();
      if (op >= Const.IRETURN && op <= Const.ARETURN && line(k) == l) {
        return true;
      }
    }
    return false;
  }

  /**
   * Without line numbers: the result of instruction {@code index} is returned, directly or
   * through the local javac keeps it in while finally blocks run ({@code store n ... load n;
   * return}).
   */
  private boolean returnsValueOf(int index) {
    if (index + 1 >= ins.length) {
      return false;
    }
    Instruction next = ins[index + 1].getInstruction();
    short op = next.getOpcode();
    if (op >= Const.IRETURN && op <= Const.ARETURN) {
      return true;
    }
    if (!(next instanceof org.apache.bcel.generic.StoreInstruction store)) {
      return false;
    }
    for (int k = index + 2; k + 1 < ins.length; k++) {
      Instruction insn = ins[k].getInstruction();
      short nextOp = ins[k + 1].getInstruction().getOpcode();
      if (insn instanceof org.apache.bcel.generic.LoadInstruction load
          && load.getIndex() == store.getIndex()
          && nextOp >= Const.IRETURN && nextOp <= Const.ARETURN) {
        return true;
      }
    }
    return false;
  }

  private void kill(String var, boolean temporaryEnd) {
    event(new Event.AssignUnknown(var, temporaryEnd));
  }

  /** Connects the current chain, through {@code events}, to instruction {@code target}. */
  private void edge(int target, List<Event> events, Frame out) {
    if (target < 0 || target >= ins.length) {
      throw new Unsupported("branch outside the method");
    }
    if (g == null) {
      merge(target, out);
      return;
    }
    Node from = cur;
    for (Event e : events) {
      Node n = g.node(e, line(curIndex), null);
      g.normalEdge(from, n);
      from = n;
    }
    g.normalEdge(from, entry[target]);
  }

  // ------------------------------------------------------------------ exceptions

  /** Where an exception of {@code type} thrown at instruction {@code index} goes. */
  private record Route(int handler, String caughtAs) {}

  private List<Route> routes(int index, String type, boolean[] escapes) {
    List<Route> out = new ArrayList<>();
    InstructionHandle ih = ins[index];
    for (int h = 0; h < handlers.length; h++) {
      CodeExceptionGen ceg = handlers[h];
      int start = ceg.getStartPC().getPosition();
      int end = ceg.getEndPC().getPosition();
      if (ih.getPosition() < start || ih.getPosition() > end) {
        continue;
      }
      ObjectType ct = ceg.getCatchType();
      if (ct == null) {
        out.add(new Route(h, type));
        return out;
      }
      String catchType = ct.getClassName();
      if (facts.isSubtype(type, catchType)) {
        out.add(new Route(h, type));
        return out;
      }
      if (facts.isSubtype(catchType, type)) {
        out.add(new Route(h, catchType));
      }
    }
    escapes[0] = true;
    return out;
  }

  /**
   * The current chain may throw {@code types} from node {@code from}: connects exceptional edges
   * to the handlers (through events that clear the operand stack) or to the exceptional exit.
   */
  private void throwFrom(Node from, List<String> types) {
    Frame f = curFrame;
    List<String> killed = new ArrayList<>();
    for (int d = 0; d < f.depth(); d++) {
      if (f.stack[d].isRef() && f.stack[d].bound()) {
        killed.add(stackVar(d));
      }
    }
    killed.addAll(curTemps);
    for (String type : types) {
      boolean[] escapes = {false};
      for (Route r : routes(curIndex, type, escapes)) {
        Frame hf = new Frame(f.locals, new Value[] {
          Value.ref(r.caughtAs, false).withTag(new Value.Caught(Set.of(r.caughtAs)))});
        if (g == null) {
          merge(handlerIndex[r.handler], hf);
          continue;
        }
        Node target = entry[handlerIndex[r.handler]];
        if (killed.isEmpty()) {
          g.exceptionalEdge(from, target);
        } else {
          Node first = null;
          Node prev = null;
          // The operand stack is cleared, but what it held stays held until the method is
          // left, as the source front-ends keep the temporaries of a statement that throws.
          for (String v : killed) {
            String keep = "$thrown" + ins[curIndex].getPosition() + ":" + v;
            Node a = g.node(new Event.Assign(keep, v), line(curIndex), null);
            Node k = g.node(new Event.AssignUnknown(v, false), line(curIndex), null);
            g.normalEdge(a, k);
            if (prev == null) {
              first = a;
            } else {
              g.normalEdge(prev, a);
            }
            prev = k;
          }
          g.exceptionalEdge(from, first);
          g.normalEdge(prev, target);
        }
      }
      if (escapes[0] && g != null) {
        g.exceptionalEdge(from, g.exceptionalExit());
      }
    }
  }

  private void eventThrowing(Event e, ThrowInfo why, List<String> types) {
    Node n = null;
    if (g != null) {
      n = g.node(e, line(curIndex), why);
      g.normalEdge(cur, n);
      cur = n;
    }
    throwFrom(n, types);
  }

  // ------------------------------------------------------------------ the interpreter

  /** A mutable copy of the frame an instruction starts from. */
  private final class Work {
    final Value[] locals;
    final List<Value> stack;
    /** False after a call that never returns. */
    boolean fallsThrough = true;

    Work(Frame f) {
      locals = f.locals.clone();
      stack = new ArrayList<>(Arrays.asList(f.stack));
    }

    int depth() {
      return stack.size();
    }

    Value peek(int fromTop) {
      return stack.get(stack.size() - 1 - fromTop);
    }

    Value pop() {
      return stack.remove(stack.size() - 1);
    }

    void push(Value v) {
      stack.add(v);
    }

    Frame frame() {
      return new Frame(locals.clone(), stack.toArray(new Value[0]));
    }

    /** Pops {@code words} words, killing the event variables of bound references. */
    void popAndKill(int words) {
      for (int k = 0; k < words; k++) {
        int d = stack.size() - 1;
        Value v = stack.remove(d);
        if (v.isRef() && v.bound()) {
          dropTemporary(d);
        }
      }
    }

    /** A local slot was overwritten: stack words that were copies of it no longer are. */
    void forgetLocal(int slot) {
      for (int d = 0; d < stack.size(); d++) {
        if (stack.get(d).local() == slot) {
          stack.set(d, stack.get(d).withLocal(-1));
        }
      }
    }
  }

  private void step(int i) {
    curIndex = i;
    curFrame = in[i];
    curTemps.clear();
    if (g != null) {
      cur = entry[i];
    }
    Instruction insn = ins[i].getInstruction();
    Work w = new Work(curFrame);
    int next = i + 1;
    short op = insn.getOpcode();
    if (loopHeads.get(i) && !flags.isEmpty()) {
      event(new Event.ForgetFlags());
    }
    switch (op) {
      case Const.ICONST_0, Const.ICONST_1 -> w.push(Value.prim(new Value.IntConst(op == Const.ICONST_1 ? 1 : 0)));
      case Const.ACONST_NULL -> {
        event(new Event.AssignNull(stackVar(w.depth())));
        w.push(Value.ref(null, true).withTag(new Value.Null()));
      }
      case Const.ALOAD, Const.ALOAD_0, Const.ALOAD_1, Const.ALOAD_2, Const.ALOAD_3 -> {
        int slot = ((LocalVariableInstruction) insn).getIndex();
        Value v = w.locals[slot];
        if (v.kind() != 'R') {
          v = Value.ref(null, v.bound());
        }
        if (v.bound()) {
          event(new Event.Assign(stackVar(w.depth()), localVar(slot)));
        }
        w.push(v.withLocal(slot));
      }
      case Const.ASTORE, Const.ASTORE_0, Const.ASTORE_1, Const.ASTORE_2, Const.ASTORE_3 -> {
        int slot = ((LocalVariableInstruction) insn).getIndex();
        store(w, slot, 1);
      }
      case Const.ISTORE, Const.ISTORE_0, Const.ISTORE_1, Const.ISTORE_2, Const.ISTORE_3,
          Const.FSTORE, Const.FSTORE_0, Const.FSTORE_1, Const.FSTORE_2, Const.FSTORE_3 -> {
        int slot = ((LocalVariableInstruction) insn).getIndex();
        String flag =
            flagVar(booleanLocal(slot, ins[i].getPosition() + insn.getLength()), slot);
        if (flag != null) {
          assignFlag(flag, w.peek(0));
        }
        store(w, slot, 1);
      }
      case Const.LSTORE, Const.LSTORE_0, Const.LSTORE_1, Const.LSTORE_2, Const.LSTORE_3,
          Const.DSTORE, Const.DSTORE_0, Const.DSTORE_1, Const.DSTORE_2, Const.DSTORE_3 -> {
        int slot = ((LocalVariableInstruction) insn).getIndex();
        store(w, slot, 2);
      }
      case Const.ILOAD, Const.ILOAD_0, Const.ILOAD_1, Const.ILOAD_2, Const.ILOAD_3,
          Const.FLOAD, Const.FLOAD_0, Const.FLOAD_1, Const.FLOAD_2, Const.FLOAD_3 -> {
        int slot = ((LocalVariableInstruction) insn).getIndex();
        Value v = w.locals[slot];
        String flag = flagVar(booleanLocal(slot, ins[i].getPosition()), slot);
        if (flag != null) {
          w.push(Value.prim(new Value.Test(Value.TestKind.FLAG, flag)));
        } else {
          w.push(Value.prim(v.kind() == 'P' && !(v.tag() instanceof Value.IntConst) ? v.tag() : null));
        }
      }
      case Const.LLOAD, Const.LLOAD_0, Const.LLOAD_1, Const.LLOAD_2, Const.LLOAD_3,
          Const.DLOAD, Const.DLOAD_0, Const.DLOAD_1, Const.DLOAD_2, Const.DLOAD_3 -> {
        w.push(Value.PRIM);
        w.push(Value.PRIM);
      }
      case Const.POP -> w.popAndKill(1);
      case Const.POP2 -> w.popAndKill(2);
      case Const.DUP, Const.DUP_X1, Const.DUP_X2, Const.DUP2, Const.DUP2_X1, Const.DUP2_X2,
          Const.SWAP -> shuffle(w, op);
      case Const.GETFIELD, Const.GETSTATIC -> getField(w, (FieldInstruction) insn, op == Const.GETSTATIC);
      case Const.PUTFIELD, Const.PUTSTATIC -> putField(w, (FieldInstruction) insn, op == Const.PUTSTATIC);
      case Const.AALOAD -> arrayLoad(w);
      case Const.AASTORE -> arrayStore(w);
      case Const.ARRAYLENGTH -> arrayLength(w, i);
      case Const.NEW -> w.push(Value.ref(((NEW) insn).getLoadClassType(cpg).getClassName(), false)
          .withTag(new Value.NewObject(ins[i].getPosition())));
      case Const.ANEWARRAY -> {
        w.popAndKill(1);
        w.push(Value.ref(null, false).withTag(new Value.NewArray(ins[i].getPosition(), 0, List.of())));
      }
      case Const.MULTIANEWARRAY -> {
        w.popAndKill(((MULTIANEWARRAY) insn).getDimensions());
        w.push(Value.ref(null, false));
      }
      case Const.NEWARRAY -> {
        w.popAndKill(1);
        w.push(Value.ref(null, false));
      }
      case Const.CHECKCAST -> {
        Value v = w.pop();
        Type t = ((CHECKCAST) insn).getType(cpg);
        w.push(v.withType(typeName(t)));
      }
      case Const.INSTANCEOF -> {
        Value v = w.peek(0);
        String var = v.local() >= 0 ? localVar(v.local()) : null;
        w.popAndKill(1);
        w.push(Value.prim(var == null ? null : new Value.Test(Value.TestKind.INSTANCE_OF, var)));
      }
      case Const.LDC, Const.LDC_W -> {
        Type t = ((LDC) insn).getType(cpg);
        Object constant = ((LDC) insn).getValue(cpg);
        w.push(
            constant instanceof String text
                ? Value.ref(typeName(t), false).withTag(new Value.Texts(List.of(text)))
                : t instanceof ReferenceType ? Value.ref(typeName(t), false) : Value.PRIM);
      }
      case Const.LDC2_W -> {
        w.push(Value.PRIM); // a long or a double: two words
        w.push(Value.PRIM);
      }
      case Const.INVOKEVIRTUAL, Const.INVOKESPECIAL, Const.INVOKESTATIC, Const.INVOKEINTERFACE ->
          invoke(w, (InvokeInstruction) insn, i);
      case Const.INVOKEDYNAMIC -> invokeDynamic(w, (INVOKEDYNAMIC) insn);
      case Const.IFNULL, Const.IFNONNULL -> {
        nullBranch(w, (IfInstruction) insn, op == Const.IFNULL, i);
        return;
      }
      case Const.IFEQ, Const.IFNE -> {
        testBranch(w, (IfInstruction) insn, op == Const.IFNE, i);
        return;
      }
      case Const.IF_ACMPEQ, Const.IF_ACMPNE -> {
        refCompareBranch(w, (IfInstruction) insn, op == Const.IF_ACMPEQ, i);
        return;
      }
      case Const.IF_ICMPGE, Const.IF_ICMPLT -> {
        compareBranch(w, (IfInstruction) insn, op == Const.IF_ICMPGE, i);
        return;
      }
      case Const.GOTO, Const.GOTO_W -> {
        edge(indexOf(((BranchInstruction) insn).getTarget()), List.of(), w.frame());
        return;
      }
      case Const.JSR, Const.JSR_W, Const.RET -> throw new Unsupported("subroutines (jsr/ret)");
      case Const.TABLESWITCH, Const.LOOKUPSWITCH -> {
        w.popAndKill(1);
        Frame out = w.frame();
        Select s = (Select) insn;
        edge(indexOf(s.getTarget()), List.of(), out);
        for (InstructionHandle t : s.getTargets()) {
          edge(indexOf(t), List.of(), out);
        }
        return;
      }
      case Const.ARETURN -> {
        Value v = w.peek(0);
        String var = v.isRef() && v.bound() ? stackVar(w.depth() - 1) : null;
        returnWith(var, false);
        return;
      }
      case Const.RETURN, Const.IRETURN, Const.LRETURN, Const.FRETURN, Const.DRETURN -> {
        boolean implicit = op == Const.RETURN && i == lastReturn() && line(i) == maxLine && maxLine > 0;
        returnWith(null, implicit);
        return;
      }
      case Const.ATHROW -> {
        athrow(w, i);
        return;
      }
      default -> generic(w, insn, i);
    }
    if (insn instanceof BranchInstruction bi) {
      // any other conditional branch: both ways, operands already popped by generic()
      Frame out = w.frame();
      edge(indexOf(bi.getTarget()), List.of(), out);
      edge(next, List.of(), out);
      return;
    }
    if (w.fallsThrough) {
      edge(next, List.of(), w.frame());
    }
  }

  private int lastReturnIndex = -2;

  private int lastReturn() {
    if (lastReturnIndex == -2) {
      lastReturnIndex = -1;
      for (int k = ins.length - 1; k >= 0; k--) {
        if (ins[k].getInstruction().getOpcode() == Const.RETURN) {
          lastReturnIndex = k;
          break;
        }
      }
    }
    return lastReturnIndex;
  }

  private int indexOf(InstructionHandle h) {
    Integer idx = indexAt.get(h.getPosition());
    if (idx == null) {
      throw new Unsupported("branch to the middle of an instruction");
    }
    return idx;
  }

  private static String typeName(Type t) {
    if (t instanceof ObjectType o) {
      return o.getClassName();
    }
    if (t instanceof ArrayType a) {
      return a.toString();
    }
    return null; // a primitive
  }

  /** Any instruction without reference semantics: pops and pushes primitive words. */
  private void generic(Work w, Instruction insn, int i) {
    int consumed = insn.consumeStack(cpg);
    int produced = insn.produceStack(cpg);
    if (consumed == Const.UNPREDICTABLE || produced == Const.UNPREDICTABLE) {
      throw new Unsupported("unpredictable stack effect of " + insn);
    }
    w.popAndKill(consumed);
    for (int k = 0; k < produced; k++) {
      w.push(Value.PRIM);
    }
    if (insn.getOpcode() == Const.IINC) {
      int slot = ((LocalVariableInstruction) insn).getIndex();
      w.locals[slot] = Value.PRIM;
      w.forgetLocal(slot);
    }
  }

  private void store(Work w, int slot, int words) {
    int d = w.depth() - words;
    Value v = w.stack.get(d);
    int pc = ins[curIndex].getPosition();
    int newScope = scopeAt(slot, pc + ins[curIndex].getInstruction().getLength());
    if (!(v.tag() instanceof Value.StoredInto si && si.slot() == slot)) {
      retireIfNewVariable(w, slot, newScope, v.isRef(), v.isRef() ? v.type() : null);
      if (words == 2 && slot + 1 < w.locals.length) {
        retireIfNewVariable(w, slot + 1, newScope, false);
      }
    }
    Value old = w.locals[slot];
    boolean oldBound = old.bound() || (words == 2 && slot + 1 < w.locals.length && w.locals[slot + 1].bound());
    if (v.isRef() && v.bound()) {
      if (v.tag() instanceof Value.NewArray) {
        event(new Event.Transfer(stackVar(d))); // an array initialiser: its elements escape
        dropElements(v.tag());
      }
      event(new Event.Assign(localVar(slot), stackVar(d)));
      kill(stackVar(d), true);
    } else if (oldBound) {
      kill(localVar(slot), false);
      if (words == 2 && slot + 1 < w.locals.length && w.locals[slot + 1].bound()) {
        kill(localVar(slot + 1), false);
      }
    }
    for (int k = 0; k < words; k++) {
      w.stack.remove(w.stack.size() - 1);
    }
    w.forgetLocal(slot);
    Value stored = v.isRef() ? v.withLocal(-1) : (words == 1 ? Value.prim(v.tag()) : Value.PRIM);
    if (v.tag() instanceof Value.NewArray || v.tag() instanceof Value.StoredInto) {
      stored = stored.withTag(null);
    }
    stored = stored.withScope(newScope);
    w.locals[slot] = stored;
    if (words == 2 && slot + 1 < w.locals.length) {
      w.locals[slot + 1] = Value.PRIM;
      w.forgetLocal(slot + 1);
    }
  }

  /** DUP and friends: word permutations, with Assign events for the references moved. */
  private void shuffle(Work w, short op) {
    int n = w.depth();
    List<Value> s = w.stack;
    if (op == Const.DUP) {
      Value top = s.get(n - 1);
      if (top.isRef() && top.bound()) {
        event(new Event.Assign(stackVar(n), stackVar(n - 1)));
      }
      s.add(top);
      return;
    }
    // pattern lists, bottom to top, which original word (counted from the top, 0 = top) goes
    // where among the words the instruction leaves
    int[] pattern =
        switch (op) {
          case Const.DUP_X1 -> new int[] {0, 1, 0};
          case Const.DUP_X2 -> new int[] {0, 2, 1, 0};
          case Const.DUP2 -> new int[] {1, 0, 1, 0};
          case Const.DUP2_X1 -> new int[] {1, 0, 2, 1, 0};
          case Const.DUP2_X2 -> new int[] {1, 0, 3, 2, 1, 0};
          case Const.SWAP -> new int[] {0, 1};
          default -> throw new Unsupported("stack op " + op);
        };
    int taken = 0;
    for (int p : pattern) {
      taken = Math.max(taken, p + 1);
    }
    int base = n - taken;
    Value[] old = new Value[taken];
    for (int k = 0; k < taken; k++) {
      old[k] = s.get(n - 1 - k);
    }
    // copy the moved references through temporaries so no assignment clobbers a source
    Map<Integer, String> saved = new HashMap<>();
    for (int k = 0; k < taken; k++) {
      if (old[k].isRef() && old[k].bound()) {
        String t = "$x" + k;
        event(new Event.Assign(t, stackVar(n - 1 - k)));
        saved.put(k, t);
      }
    }
    for (int k = 0; k < taken; k++) {
      s.remove(s.size() - 1);
    }
    for (int pos = 0; pos < pattern.length; pos++) {
      int from = pattern[pos];
      Value v = old[from];
      int d = base + pos;
      String t = saved.get(from);
      if (t != null) {
        event(new Event.Assign(stackVar(d), t));
      } else if (d < n && wasBound(old, n, d)) {
        kill(stackVar(d), false);
      }
      s.add(v);
    }
    for (String t : saved.values()) {
      kill(t, false);
    }
  }

  private static boolean wasBound(Value[] old, int n, int depth) {
    int fromTop = n - 1 - depth;
    return fromTop >= 0 && fromTop < old.length && old[fromTop].isRef() && old[fromTop].bound();
  }

  private void getField(Work w, FieldInstruction fi, boolean isStaticField) {
    boolean onThis = !isStaticField && w.peek(0).tag() instanceof Value.This;
    if (!isStaticField) {
      w.popAndKill(1);
    }
    Type t = fi.getFieldType(cpg);
    String flag = onThis && fi.getSignature(cpg).equals("Z") ? flagVar(fi.getFieldName(cpg), -1) : null;
    if (flag != null) {
      w.push(Value.prim(new Value.Test(Value.TestKind.FLAG, flag)));
      return;
    }
    if (!(t instanceof ReferenceType)) {
      for (int k = 0; k < t.getSize(); k++) {
        w.push(Value.PRIM);
      }
      return;
    }
    String type = typeName(t);
    String name = fi.getFieldName(cpg);
    boolean tracked = type != null && (facts.kindOf(type) != null || facts.isAutoCloseable(type));
    if (tracked) {
      event(new Event.AssignOpaque(stackVar(w.depth()), "field:" + name));
    }
    w.push(Value.ref(type, tracked).withTag(new Value.FieldValue(name, fi.getReferenceType(cpg) instanceof ObjectType o ? o.getClassName() : null)));
  }

  /** A store to a followed flag: its value if a constant, else unknown. */
  private void assignFlag(String flag, Value v) {
    if (v.tag() instanceof Value.IntConst c) {
      event(new Event.AssignFlag(flag, c.value() != 0));
    } else {
      event(new Event.AssignUnknown(flag, false));
    }
  }

  private void putField(Work w, FieldInstruction fi, boolean isStaticField) {
    Type t = fi.getFieldType(cpg);
    int words = t.getSize();
    int valueDepth = w.depth() - words;
    Value v = w.stack.get(valueDepth);
    Value target = isStaticField ? null : w.stack.get(valueDepth - 1);
    if (target != null && target.tag() instanceof Value.This && fi.getSignature(cpg).equals("Z")) {
      String flag = flagVar(fi.getFieldName(cpg), -1);
      if (flag != null) {
        assignFlag(flag, v);
      }
    }
    if (v.isRef() && v.bound()) {
      String var = stackVar(valueDepth);
      String name = fi.getFieldName(cpg);
      String owner = fi.getReferenceType(cpg) instanceof ObjectType o ? o.getClassName() : null;
      boolean own =
          owner != null
              && facts.isSubtype(className, owner)
              && (isStaticField || target.tag() instanceof Value.This);
      if (v.tag() instanceof Value.NewArray) {
        event(new Event.Transfer(var));
        dropElements(v.tag());
      } else if (own && isStaticField && method.getName().equals("<clinit>")) {
        // a static field's initialiser: the value lives as long as the class (a shared empty result
        // set, a sentinel), as the source front-ends see code outside methods
        event(new Event.Transfer(var));
      } else if (own) {
        String declaring = facts.hierarchy().fieldOwner(owner, name, fi.getSignature(cpg), isStaticField);
        event(new Event.StoreField(var, name, facts.closesField(declaring, name)));
      } else {
        event(new Event.Transfer(var));
      }
    }
    w.popAndKill(words + (isStaticField ? 0 : 1));
  }

  private void arrayLoad(Work w) {
    int d = w.depth() - 2;
    Value array = w.stack.get(d);
    w.popAndKill(1); // the index
    if (array.isRef() && array.bound()) {
      String from = array.local() >= 0 ? localVar(array.local()) : stackVar(d);
      event(new Event.ElementsOf(stackVar(d), from));
      if (array.local() >= 0) {
        kill(freshVar(array.local()), false);
      }
      w.stack.set(d, Value.ref(elementType(array.type()), true));
    } else {
      w.stack.set(d, Value.ref(elementType(array.type()), false));
    }
  }

  private static String elementType(String arrayType) {
    if (arrayType != null && arrayType.endsWith("[]")) {
      return arrayType.substring(0, arrayType.length() - 2);
    }
    return null;
  }

  private void arrayStore(Work w) {
    int d = w.depth();
    Value value = w.stack.get(d - 1);
    Value array = w.stack.get(d - 3);
    if (value.isRef() && value.bound()) {
      if (array.tag() instanceof Value.NewArray na && !isVarargsArray(na.pc())) {
        // an array initialiser: each element escapes into the array as it is stored
        event(new Event.Transfer(stackVar(d - 1)));
      } else if (array.tag() instanceof Value.NewArray na) {
        // each element is also kept on its own, for a varargs call (see invoke)
        event(new Event.Assign(elementVar(na.pc(), na.stored()), stackVar(d - 1)));
        // the same new array may sit in several words (dup): each copy holds the element
        for (int k = 0; k < d - 3; k++) {
          Value other = w.stack.get(k);
          if (na.equals(other.tag())) {
            event(new Event.AddTo(stackVar(k), stackVar(d - 1)));
            w.stack.set(k, other.withBound(true));
          }
        }
      } else {
        event(new Event.Transfer(stackVar(d - 1)));
      }
    }
    w.popAndKill(3);
    if (array.tag() instanceof Value.NewArray na) {
      Value.NewArray next = new Value.NewArray(na.pc(), na.stored() + 1, joinTexts(na.texts(), value.texts()));
      for (int k = 0; k < w.depth(); k++) {
        if (na.equals(w.stack.get(k).tag())) {
          w.stack.set(k, w.stack.get(k).withTag(next));
        }
      }
    }
  }

  private final Map<Integer, Boolean> varargsArrays = new HashMap<>();

  /**
   * True if the array created at {@code pc} becomes the last argument of a varargs call (javac's
   * code for {@code f(a, b)}), false for an array initialiser stored or passed as an array.
   * Follows the code after the creation until the array leaves the stack.
   */
  private boolean isVarargsArray(int pc) {
    return varargsArrays.computeIfAbsent(pc, this::findVarargsUse);
  }

  private boolean findVarargsUse(int pc) {
    int k = indexAt.get(pc);
    int depth = 1; // the new array, relative to the stack below it
    for (int steps = 0; steps < 500 && ++k < ins.length; steps++) {
      Instruction insn = ins[k].getInstruction();
      short op = insn.getOpcode();
      if (op == Const.GOTO || op == Const.GOTO_W) {
        k = indexOf(((BranchInstruction) insn).getTarget()) - 1;
        continue;
      }
      if (op == Const.DUP) {
        // javac's code for each element: dup, index, value, aastore; the array stays below
        depth++;
        continue;
      }
      int consumed = insn.consumeStack(cpg);
      if (consumed == Const.UNPREDICTABLE) {
        return false;
      }
      if (depth - consumed <= 0) {
        // this instruction takes the array: a varargs call with the array as its last argument
        if (insn instanceof InvokeInstruction inv && op != Const.INVOKEDYNAMIC) {
          Type[] args = inv.getArgumentTypes(cpg);
          boolean lastArg = args.length > 0 && depth == 1 && args[args.length - 1] instanceof ArrayType;
          if (lastArg) {
            String owner = inv.getReferenceType(cpg) instanceof ObjectType o ? o.getClassName() : null;
            var r = owner == null ? null
                : facts.resolve(owner, inv.getMethodName(cpg), inv.getSignature(cpg), op == Const.INVOKESTATIC);
            return r != null && r.method() != null && r.method().isVarArgs();
          }
        }
        return false;
      }
      int produced = insn.produceStack(cpg);
      if (produced == Const.UNPREDICTABLE || op == Const.ATHROW || op == Const.JSR
          || op == Const.JSR_W || (op >= Const.IRETURN && op <= Const.RETURN)) {
        return false;
      }
      // a conditional inside an element (f(a, c ? x : y)): both ways meet again; follow one
      depth += produced - consumed;
    }
    return false;
  }

  /** The separate element variables of an array that is not a varargs argument after all. */
  private void dropElements(Object tag) {
    if (tag instanceof Value.NewArray na) {
      for (int e = 0; e < na.stored(); e++) {
        kill(elementVar(na.pc(), e), false);
      }
    }
  }

  private static String elementVar(int arrayPc, int index) {
    return "$va" + arrayPc + ":" + index;
  }

  private void arrayLength(Work w, int i) {
    Value array = w.peek(0);
    Object tag = null;
    if (array.local() >= 0 && i + 1 < ins.length && isIntStore(ins[i + 1].getInstruction())) {
      // for (X x : array): the loop over a copy of the length runs zero times only if it is empty
      event(new Event.Assign(freshVar(array.local()), localVar(array.local())));
      tag = new Value.ArrayLength(array.local());
    }
    w.popAndKill(1);
    w.push(Value.prim(tag));
  }

  private static boolean isIntStore(Instruction insn) {
    short op = insn.getOpcode();
    return op == Const.ISTORE || (op >= Const.ISTORE_0 && op <= Const.ISTORE_3);
  }

  // ------------------------------------------------------------------ branches

  private void nullBranch(Work w, IfInstruction insn, boolean jumpIfNull, int i) {
    int d = w.depth() - 1;
    Value v = w.stack.get(d);
    String var = v.local() >= 0 ? localVar(v.local()) : stackVar(d);
    List<Event> onNull = new ArrayList<>();
    List<Event> onNonNull = new ArrayList<>();
    if (v.bound()) {
      // (an untracked value teaches nothing; binding it to null would outlive the frame's view)
      onNull.add(new Event.AssumeNull(var));
      onNonNull.add(new Event.AssumeNonNull(var));
      onNull.add(new Event.AssignUnknown(stackVar(d), true));
      onNonNull.add(new Event.AssignUnknown(stackVar(d), true));
    }
    w.stack.remove(d);
    Frame out = w.frame();
    int target = indexOf(insn.getTarget());
    if (g != null) {
      // both assumptions refer to the same test: split from here
      Node split = cur;
      edge(jumpIfNull ? target : i + 1, onNull, out);
      cur = split;
      edge(jumpIfNull ? i + 1 : target, onNonNull, out);
    } else {
      merge(target, out);
      merge(i + 1, out);
    }
  }

  /** {@code null == x} and {@code null != x}: a null test of x; any other comparison: both ways. */
  private void refCompareBranch(Work w, IfInstruction insn, boolean jumpIfEqual, int i) {
    int d = w.depth();
    Value right = w.stack.get(d - 1);
    Value left = w.stack.get(d - 2);
    Value tested = null;
    int testedDepth = -1;
    if (left.tag() instanceof Value.Null && right.isRef()) {
      tested = right;
      testedDepth = d - 1;
    } else if (right.tag() instanceof Value.Null && left.isRef()) {
      tested = left;
      testedDepth = d - 2;
    }
    List<Event> onEqual = new ArrayList<>();
    List<Event> onDifferent = new ArrayList<>();
    if (tested != null && tested.bound()) {
      String var = tested.local() >= 0 ? localVar(tested.local()) : stackVar(testedDepth);
      onEqual.add(new Event.AssumeNull(var));
      onDifferent.add(new Event.AssumeNonNull(var));
    } else if (tested == null && left.isRef() && left.bound() && right.isRef() && right.bound()) {
      String l = left.local() >= 0 ? localVar(left.local()) : stackVar(d - 2);
      String r = right.local() >= 0 ? localVar(right.local()) : stackVar(d - 1);
      onEqual.add(new Event.AssumeSame(l, r, true));
      onDifferent.add(new Event.AssumeSame(l, r, false));
    }
    for (int k = d - 2; k < d; k++) {
      if (w.stack.get(k).isRef() && w.stack.get(k).bound()) {
        onEqual.add(new Event.AssignUnknown(stackVar(k), true));
        onDifferent.add(new Event.AssignUnknown(stackVar(k), true));
      }
    }
    w.stack.remove(d - 1);
    w.stack.remove(d - 2);
    Frame out = w.frame();
    int target = indexOf(insn.getTarget());
    edge(jumpIfEqual ? target : i + 1, onEqual, out);
    edge(jumpIfEqual ? i + 1 : target, onDifferent, out);
  }

  private void testBranch(Work w, IfInstruction insn, boolean jumpIfTrue, int i) {
    Value v = w.pop();
    Frame out = w.frame();
    int target = indexOf(insn.getTarget());
    List<Event> whenTrue = new ArrayList<>();
    List<Event> whenFalse = new ArrayList<>();
    if (v.tag() instanceof Value.Test t) {
      switch (t.kind()) {
        case IS_EMPTY -> whenTrue.add(new Event.AssumeEmpty(t.var(), true));
        case IS_CLOSED -> whenTrue.add(new Event.Release(t.var()));
        case NON_NULL -> {
          whenTrue.add(new Event.AssumeNonNull(t.var()));
          whenFalse.add(new Event.AssumeNull(t.var()));
        }
        case IS_NULL -> {
          whenTrue.add(new Event.AssumeNull(t.var()));
          whenFalse.add(new Event.AssumeNonNull(t.var()));
        }
        case INSTANCE_OF -> whenTrue.add(new Event.AssumeNonNull(t.var()));
        case HAS_NEXT -> whenFalse.add(new Event.AssumeEmpty(t.var(), false));
        case FLAG -> {
          whenTrue.add(new Event.AssumeFlag(t.var(), true));
          whenFalse.add(new Event.AssumeFlag(t.var(), false));
        }
      }
    }
    Node split = cur;
    edge(jumpIfTrue ? target : i + 1, whenTrue, out);
    cur = split;
    edge(jumpIfTrue ? i + 1 : target, whenFalse, out);
  }

  private void compareBranch(Work w, IfInstruction insn, boolean jumpIfGreaterEqual, int i) {
    Value right = w.pop();
    w.pop();
    Frame out = w.frame();
    int target = indexOf(insn.getTarget());
    List<Event> onExit = new ArrayList<>();
    if (right.tag() instanceof Value.ArrayLength al) {
      onExit.add(new Event.AssumeEmpty(freshVar(al.local()), false));
    }
    // i >= length ends the loop: a jump for if_icmpge, the fall-through for if_icmplt
    int exit = jumpIfGreaterEqual ? target : i + 1;
    int again = jumpIfGreaterEqual ? i + 1 : target;
    edge(exit, onExit, out);
    edge(again, List.of(), out);
  }

  private void returnWith(String var, boolean implicitEnd) {
    event(new Event.Return(var, implicitEnd));
    if (g != null) {
      g.normalEdge(cur, g.normalExit());
    }
  }

  private void athrow(Work w, int i) {
    Value v = w.peek(0);
    List<String> types;
    ThrowInfo why;
    if (v.tag() instanceof Value.Caught c) {
      types = new ArrayList<>(new TreeSet<>(c.types()));
      boolean explicit = v.local() >= 0 && sourceName(v.local(), ins[i].getPosition()) != null;
      // a rethrow javac generated (finally, try-with-resources) keeps the original cause
      why = explicit ? new ThrowInfo(null, types.get(0), line(i), false) : null;
    } else {
      String t = v.type() != null && !v.type().endsWith("[]") ? v.type() : THROWABLE;
      types = List.of(t);
      why = new ThrowInfo(null, t, line(i), false);
    }
    eventThrowing(new Event.Nop(), why, types);
  }

  // ------------------------------------------------------------------ calls

  private void invokeDynamic(Work w, INVOKEDYNAMIC insn) {
    Type[] args = insn.getArgumentTypes(cpg);
    int words = 0;
    for (Type t : args) {
      words += t.getSize();
    }
    String name = insn.getMethodName(cpg);
    boolean concat = name.startsWith("makeConcat");
    int base = w.depth() - words;
    if (!concat) {
      // a lambda or method reference captures its arguments: they escape to it
      for (int d = base; d < w.depth(); d++) {
        Value v = w.stack.get(d);
        if (v.isRef() && v.bound()) {
          event(new Event.Transfer(stackVar(d)));
        }
      }
    }
    List<String> texts = List.of();
    if (concat) {
      texts = concatConstants(insn);
      for (int d = base; d < w.depth(); d++) {
        texts = joinTexts(texts, w.stack.get(d).texts());
      }
    }
    w.popAndKill(words);
    pushResult(w, insn.getReturnType(cpg), null);
    if (!texts.isEmpty() && w.depth() > 0 && w.peek(0).tag() == null) {
      w.push(w.pop().withTag(new Value.Texts(texts)));
    }
  }

  /** Types whose values a call builds from the texts of its receiver and arguments. */
  private static final Set<String> TEXT_TYPES =
      Set.of("java.lang.String", "java.lang.StringBuilder", "java.lang.StringBuffer", "java.lang.CharSequence");

  private static List<String> joinTexts(List<String> a, List<String> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    List<String> out = new ArrayList<>(a);
    for (String t : b) {
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  /** Bootstrap index to the constants of a string concatenation's recipe, per class. */
  private Map<Integer, List<String>> recipes;

  /**
   * The constant parts of a {@code makeConcatWithConstants} call ({@code "jdbc:derby:" + name +
   * ";shutdown=true"}): its recipe, the first bootstrap argument, with the constants that stand
   * for themselves, split where the arguments go.
   */
  private List<String> concatConstants(INVOKEDYNAMIC insn) {
    if (!(cpg.getConstant(insn.getIndex()) instanceof org.apache.bcel.classfile.ConstantInvokeDynamic cid)) {
      return List.of();
    }
    if (recipes == null) {
      recipes = new HashMap<>();
      org.apache.bcel.classfile.JavaClass jc = facts.javaClass(className);
      for (org.apache.bcel.classfile.Attribute a : jc == null ? new org.apache.bcel.classfile.Attribute[0] : jc.getAttributes()) {
        if (a instanceof org.apache.bcel.classfile.BootstrapMethods bms) {
          org.apache.bcel.classfile.BootstrapMethod[] all = bms.getBootstrapMethods();
          for (int k = 0; k < all.length; k++) {
            int[] args = all[k].getBootstrapArguments();
            if (args.length > 0 && cpg.getConstant(args[0]) instanceof org.apache.bcel.classfile.ConstantString cs) {
              String recipe = cs.getBytes(cpg.getConstantPool());
              List<String> parts = new ArrayList<>();
              for (String part : recipe.split("[\u0001\u0002]")) {
                if (!part.isEmpty()) {
                  parts.add(part);
                }
              }
              recipes.put(k, List.copyOf(parts));
            }
          }
        }
      }
    }
    return recipes.getOrDefault(cid.getBootstrapMethodAttrIndex(), List.of());
  }

  private void pushResult(Work w, Type ret, String resultVar) {
    if (ret == Type.VOID) {
      return;
    }
    if (ret instanceof ReferenceType) {
      if (resultVar != null) {
        event(new Event.Assign(stackVar(w.depth()), resultVar));
      }
      w.push(Value.ref(typeName(ret), resultVar != null));
    } else {
      for (int k = 0; k < ret.getSize(); k++) {
        w.push(Value.PRIM);
      }
    }
  }

  /**
   * The local a call's result is stored into right away ({@code [checkcast] astore n}, or {@code
   * [checkcast] dup astore n} for an assignment used as a value: {@code (con = f()) != null}), or
   * -1.
   */
  private int storedInto(int i) {
    int k = storeIndex(i);
    return k < 0 ? -1 : ((LocalVariableInstruction) ins[k].getInstruction()).getIndex();
  }

  /** The position after the store found by {@link #storedInto}, for the variable's name. */
  private int storeEnd(int i) {
    int k = storeIndex(i);
    return k < 0 ? -1 : ins[k].getPosition() + ins[k].getInstruction().getLength();
  }

  /** The index of the store {@link #storedInto} finds after the call at {@code i}, or -1. */
  private int storeIndex(int i) {
    int k = i + 1;
    for (int hops = 0; k < ins.length && hops < 4; hops++) {
      short op = ins[k].getInstruction().getOpcode();
      if (op == Const.CHECKCAST || op == Const.DUP && isStore(k + 1)) {
        k++;
      } else if (op == Const.GOTO || op == Const.GOTO_W) {
        k = indexOf(((BranchInstruction) ins[k].getInstruction()).getTarget());
      } else {
        return isStore(k) ? k : -1;
      }
    }
    return -1;
  }

  private boolean isStore(int k) {
    if (k >= ins.length) {
      return false;
    }
    short op = ins[k].getInstruction().getOpcode();
    return op == Const.ASTORE || (op >= Const.ASTORE_0 && op <= Const.ASTORE_3);
  }

  /**
   * True for this class or a class it is nested in: an unqualified call to a static method
   * compiles to an invokestatic of the class it is called from, which names no class in the source.
   */
  /** The method being lowered, as evidence from callers names it (its own closes are no evidence). */
  String methodId() {
    return className + "." + method.getName() + method.getSignature();
  }

  private boolean isOwnOrOuterClass(String owner) {
    return className.equals(owner) || className.startsWith(owner + "$");
  }

  /** The indexes of a call's boolean arguments that are the constant true. */
  private static Set<Integer> trueArguments(Work w, Type[] argTypes, int[] argDepth) {
    Set<Integer> out = new java.util.TreeSet<>();
    for (int k = 0; k < argTypes.length; k++) {
      if (argTypes[k] == Type.BOOLEAN
          && w.stack.get(argDepth[k]).tag() instanceof Value.IntConst ic && ic.value() == 1) {
        out.add(k);
      }
    }
    return out;
  }

  private void invoke(Work w, InvokeInstruction insn, int i) {
    short op = insn.getOpcode();
    boolean staticCall = op == Const.INVOKESTATIC;
    String name = insn.getMethodName(cpg);
    String desc = insn.getSignature(cpg);
    ReferenceType refType = insn.getReferenceType(cpg);
    String owner = refType instanceof ObjectType o ? o.getClassName() : "java.lang.Object";
    Type[] argTypes = insn.getArgumentTypes(cpg);
    Type ret = insn.getReturnType(cpg);
    boolean ctor = name.equals("<init>");
    int argWords = 0;
    int[] argDepth = new int[argTypes.length];
    int depth = w.depth();
    int total = 0;
    for (Type t : argTypes) {
      total += t.getSize();
    }
    int base = depth - total - (staticCall ? 0 : 1);
    int pos = base + (staticCall ? 0 : 1);
    for (int k = 0; k < argTypes.length; k++) {
      argDepth[k] = pos;
      pos += argTypes[k].getSize();
      argWords += argTypes[k].getSize();
    }
    Value recv = staticCall ? null : w.stack.get(base);
    int into = ret instanceof ReferenceType || ctor ? storedInto(i) : -1;

    if (special(w, insn, i, name, desc, owner, staticCall, recv, argTypes, argDepth, base, into)) {
      return;
    }

    // this(..) or super(..) in a constructor creates nothing: what it is given goes to the
    // object being constructed
    if (ctor && recv != null && recv.tag() instanceof Value.This) {
      for (int k = 0; k < argTypes.length; k++) {
        Value a = w.stack.get(argDepth[k]);
        if (a.isRef() && a.bound()) {
          event(new Event.Transfer(stackVar(argDepth[k])));
        }
      }
      w.popAndKill(argWords + 1);
      return;
    }

    // an anonymous class captures what its constructor is given: it escapes to it
    if (ctor && facts.isAnonymousClass(owner) && recv != null && recv.tag() instanceof Value.NewObject) {
      for (int k = 0; k < argTypes.length; k++) {
        Value a = w.stack.get(argDepth[k]);
        if (a.isRef() && a.bound()) {
          event(new Event.Transfer(stackVar(argDepth[k])));
        }
      }
      w.popAndKill(argWords + 1);
      initialised(w, recv, null);
      return;
    }

    var resolved = facts.resolve(owner, name, desc, staticCall);
    XMethod xm = resolved == null ? null : resolved.method();
    String declaring = resolved == null ? owner : resolved.declaringClass();
    List<MethodRule> rules = facts.rules(declaring, name, desc);
    // a method of the application that always throws (handleException(e) rethrowing, a stub)
    // does not come back: the code after the call is not a path
    w.fallsThrough = !rules.isEmpty() || !facts.neverReturns(declaring, name, desc);
    List<Set<AnnotationRole>> paramRoles = facts.paramRoles(xm, argTypes.length);
    MethodSummary summary =
        rules.isEmpty() || CallEffects.acquires(rules)
            ? facts.callSummary(owner, declaring, name, desc, staticCall || insn.getOpcode() == Const.INVOKESPECIAL, xm)
            : null;
    String resultType = ctor ? owner : (ret instanceof ObjectType ro ? ro.getClassName() : null);
    boolean varargs = xm != null && xm.isVarArgs();
    boolean thisReceiver = recv != null && (recv.tag() instanceof Value.This || recv.tag() instanceof Value.NewObject);
    boolean collection = !staticCall && !ctor && !thisReceiver && facts.isCollection(owner);

    // a receiver loaded from a local is named by the local, as the source front-ends name it: what
    // the call learns about it (an untracked statement that produced a result set) stays with it
    String recvVar =
        recv != null && !thisReceiver && recv.isRef() && recv.bound()
            ? (recv.local() >= 0 ? localVar(recv.local()) : stackVar(base))
            : null;
    List<String> args = new ArrayList<>();
    List<String> elementVars = new ArrayList<>();
    for (int k = 0; k < argTypes.length; k++) {
      Value a = w.stack.get(argDepth[k]);
      String var = a.isRef() && a.bound() ? stackVar(argDepth[k]) : null;
      if (var != null && a.tag() instanceof Value.NewArray na) {
        if (varargs && k == argTypes.length - 1) {
          // varargs: each argument on its own, as the source front-ends see the call
          for (int e = 0; e < na.stored(); e++) {
            String ev = elementVar(na.pc(), e);
            args.add(ev);
            elementVars.add(ev);
          }
          continue;
        }
        event(new Event.Transfer(var)); // an explicit array: its elements escape
        dropElements(na);
        var = null;
      }
      args.add(var);
    }
    List<String> argTexts = recv != null ? recv.texts() : List.of();
    for (int k = 0; k < argTypes.length; k++) {
      argTexts = joinTexts(argTexts, w.stack.get(argDepth[k]).texts());
    }
    boolean closedByCallers = !ctor && facts.usage().closedByCallers(owner, name, argTypes.length, methodId());
    CallEffects.Call call =
        new CallEffects.Call(
            ctor ? "new " + simpleName(owner) : name,
            ctor,
            rules,
            facts.methodRoles(xm),
            paramRoles,
            paramKinds(argTypes),
            summary,
            resultType == null ? null : facts.kindOf(resultType),
            !ctor && (ret instanceof org.apache.bcel.generic.ArrayType || ret instanceof org.apache.bcel.generic.BasicType)
                || resultType != null && facts.model().isNotResource(resultType),
            ctor && facts.isAutoCloseable(owner),
            true,
            facts.checkedThrows(xm),
            collection,
            collection && recv.local() >= 0 ? localVar(recv.local()) : null,
            owner,
            staticCall && !isOwnOrOuterClass(owner),
            () -> closedByCallers,
            ctor || staticCall || owner == null ? null : facts.kindOf(owner),
            paramTypes(argTypes),
            facts.paramNames(owner, declaring, name, desc, staticCall),
            trueArguments(w, argTypes, argDepth),
            // the text of a connection request's URL (read by Ownership.shutsDownDatabase)
            resultType != null && facts.kindOf(resultType) == ResourceKind.CONNECTION ? argTexts : List.of(),
            // the object's own method, called on itself or, from an inner class, on the object it
            // belongs to (this$0)
            !ctor && !staticCall && recv != null
                && (recv.tag() instanceof Value.This
                    || recv.tag() instanceof Value.FieldValue fv && fv.name().startsWith("this$")));
    if (LeakGuardDetector.dumped(name)) {
      System.err.println("call of " + owner + "." + name + desc + " in " + methodId()
          + (facts.probing() ? " (probing)" : "") + ": summary "
          + (summary == MethodSummary.UNKNOWN ? "UNKNOWN" : summary) + ", closed by callers "
          + closedByCallers);
    }
    String intoVar = into >= 0 ? localVar(into) : null;
    if (into >= 0) {
      retireIfNewVariable(w, into, scopeAt(into, storeEnd(i)), true);
    }
    int line = line(i);
    int pc = ins[i].getPosition();
    // 'new T(..)' written over several lines is reported where it says 'new', as the source
    // front-ends do, not on the line of its last argument (where javac puts the <init> call)
    int sitePc = ctor && recv != null && recv.tag() instanceof Value.NewObject no ? no.pc() : pc;
    int siteLine =
        sitePc != pc && lines != null && lines.getSourceLine(sitePc) > 0 ? lines.getSourceLine(sitePc) : line;
    String display = display(declaring, name, argTypes.length, ctor);
    String typeSimple = resultType == null ? "Object" : simpleName(resultType);
    Value[] argValues = new Value[argTypes.length];
    for (int k = 0; k < argTypes.length; k++) {
      argValues[k] = w.stack.get(argDepth[k]);
    }
    String result =
        CallEffects.lower(
            call,
            recvVar,
            args,
            intoVar,
            line,
            new CallEffects.Out() {
              @Override
              public void emit(Event e) {
                event(e);
              }

              @Override
              public void emitThrowing(Event e, ThrowInfo why, List<String> types) {
                eventThrowing(e, why, types);
              }

              @Override
              public String temp() {
                String t = "$c" + (tempCount++);
                curTemps.add(t);
                return t;
              }

              @Override
              public Site site(ResourceKind kind, String variable) {
                String key =
                    siteLine > 0 ? "L" + siteLine + ":" + declaring + "." + name + desc : "pc" + sitePc;
                String var = into >= 0 ? sourceName(into, storeEnd(i)) : null;
                if (into >= 0 && var == null) {
                  var = localVar(into).replaceAll("~\\d+$", "");
                }
                return new Site(key, kind, typeSimple, display, var, siteLine, sitePc);
              }

              @Override
              public String closeText(String var) {
                return closeTextFor(staticCall, declaring, name, recv, argValues);
              }

              @Override
              public boolean probing() {
                return probes != null;
              }

              @Override
              public void probed(Site site, String key) {
                probes.put(site.key(), key);
              }
            });
    w.popAndKill(argWords + (staticCall ? 0 : 1));
    if (collection && recv.local() >= 0 && args.stream().anyMatch(java.util.Objects::nonNull)) {
      // a local collection something was added to holds it now: loading it passes it along
      w.locals[recv.local()] = w.locals[recv.local()].withBound(true);
    }
    if (ctor) {
      if (recv != null && recv.tag() instanceof Value.NewObject) {
        initialised(w, recv, result);
        if (result != null && result.equals(intoVar) && w.depth() > 0) {
          w.push(w.pop().withTag(new Value.StoredInto(into)));
        }
      }
    } else {
      pushResult(w, ret, result);
      if (result != null && result.equals(intoVar)) {
        w.push(w.pop().withTag(new Value.StoredInto(into)));
      } else if (!argTexts.isEmpty() && ret instanceof ObjectType rt && TEXT_TYPES.contains(rt.getClassName())
          && w.peek(0).tag() == null) {
        // String.format(URL, name, "drop=true"), builder.append(";shutdown=true"): made of them
        w.push(w.pop().withTag(new Value.Texts(argTexts)));
      }
      String flag = thisReceiver && desc.equals("()Z") ? flagVar(Event.CALL_FLAG + name, -1) : null;
      if (flag == null && staticCall && desc.equals("()Z")) {
        // a guard of the model's bound-when (TransactionSynchronizationManager.isSynchronizationActive())
        flag = facts.model().guardFlag(owner, name);
      }
      if (flag != null) {
        w.pop();
        w.push(Value.prim(new Value.Test(Value.TestKind.FLAG, flag)));
      }
    }
    for (String t : curTemps) {
      kill(t, false);
    }
    for (String e : elementVars) {
      kill(e, true);
    }
  }

  private static List<String> paramTypes(Type[] argTypes) {
    List<String> out = new ArrayList<>();
    for (Type t : argTypes) {
      out.add(t instanceof ObjectType o ? o.getClassName() : null);
    }
    return out;
  }

  private List<ResourceKind> paramKinds(Type[] argTypes) {
    List<ResourceKind> out = new ArrayList<>();
    for (Type t : argTypes) {
      out.add(t instanceof ObjectType o ? facts.kindOf(o.getClassName()) : null);
    }
    return out;
  }

  /** The object created by {@code new} is initialised: every copy of it now holds the result. */
  private void initialised(Work w, Value newObject, String result) {
    Object tag = newObject.tag();
    for (int d = 0; d < w.depth(); d++) {
      Value v = w.stack.get(d);
      if (tag.equals(v.tag())) {
        if (result != null) {
          event(new Event.Assign(stackVar(d), result));
        }
        w.stack.set(d, Value.ref(newObject.type(), result != null));
      }
    }
  }

  /** Calls whose meaning comes from how the bytecode uses them rather than from the model. */
  private boolean special(
      Work w,
      InvokeInstruction insn,
      int i,
      String name,
      String desc,
      String owner,
      boolean staticCall,
      Value recv,
      Type[] argTypes,
      int[] argDepth,
      int base,
      int into) {
    if (!staticCall && recv != null && recv.local() < 0 && recv.isRef() && recv.bound()
        && name.equals("iterator") && desc.equals("()Ljava/util/Iterator;") && into >= 0) {
      // for (X x : map.values()): the same over a collection that is not in a local variable
      String from = stackVar(base);
      retireIfNewVariable(w, into, scopeAt(into, storeEnd(i)), true);
      event(new Event.Assign(localVar(into), from));
      event(new Event.Assign(freshVar(into), from));
      w.popAndKill(1);
      event(new Event.Assign(stackVar(w.depth()), localVar(into)));
      w.push(Value.ref("java.util.Iterator", true).withTag(new Value.StoredInto(into)));
      return true;
    }
    if (!staticCall && recv != null && recv.local() >= 0 && recv.isRef()) {
      String recvLocal = localVar(recv.local());
      if (name.equals("iterator") && desc.equals("()Ljava/util/Iterator;") && into >= 0) {
        // for (X x : collection): the iterator stands for the collection's elements, and a loop
        // that ends before next() was called saw an empty collection
        retireIfNewVariable(w, into, scopeAt(into, storeEnd(i)), true);
        event(new Event.Assign(localVar(into), recvLocal));
        event(new Event.Assign(freshVar(into), recvLocal));
        w.popAndKill(1);
        event(new Event.Assign(stackVar(w.depth()), localVar(into)));
        w.push(Value.ref("java.util.Iterator", true).withTag(new Value.StoredInto(into)));
        return true;
      }
      if (name.equals("hasNext") && desc.equals("()Z") && facts.isSubtype(owner, "java.util.Iterator")) {
        w.popAndKill(1);
        w.push(Value.prim(new Value.Test(Value.TestKind.HAS_NEXT, freshVar(recv.local()))));
        return true;
      }
      if (name.equals("next") && desc.equals("()Ljava/lang/Object;")
          && facts.isSubtype(owner, "java.util.Iterator")) {
        String to = into >= 0 ? localVar(into) : "$c" + (tempCount++);
        if (into >= 0) {
          retireIfNewVariable(w, into, scopeAt(into, storeEnd(i)), true);
        }
        event(new Event.ElementsOf(to, recvLocal));
        kill(freshVar(recv.local()), false);
        w.popAndKill(1);
        event(new Event.Assign(stackVar(w.depth()), to));
        if (into < 0) {
          kill(to, false);
        }
        w.push(Value.ref(null, true).withTag(into >= 0 ? new Value.StoredInto(into) : null));
        return true;
      }
      if (name.equals("isEmpty") && desc.equals("()Z") && facts.isCollection(owner)) {
        w.popAndKill(1);
        w.push(Value.prim(new Value.Test(Value.TestKind.IS_EMPTY, recvLocal)));
        return true;
      }
      if (name.equals("isClosed") && desc.equals("()Z") && facts.kindOf(owner) != null) {
        // Where isClosed() is true the resource is closed. Its declared SQLException is not
        // followed: drivers answer from a flag (the other engines do the same).
        w.popAndKill(1);
        w.push(Value.prim(new Value.Test(Value.TestKind.IS_CLOSED, recvLocal)));
        return true;
      }
    }
    if (staticCall && owner.equals("java.util.Objects") && argTypes.length == 1
        && (name.equals("nonNull") || name.equals("isNull"))) {
      Value a = w.stack.get(argDepth[0]);
      if (a.local() >= 0 && a.bound()) {
        String var = localVar(a.local());
        w.popAndKill(1);
        w.push(Value.prim(new Value.Test(
            name.equals("nonNull") ? Value.TestKind.NON_NULL : Value.TestKind.IS_NULL, var)));
        return true;
      }
    }
    return false;
  }

  private String closeTextFor(
      boolean staticCall, String declaring, String name, Value recv, Value[] args) {
    StringBuilder sb = new StringBuilder();
    if (staticCall) {
      sb.append(simpleName(declaring)).append('.').append(name).append('(');
      for (int k = 0; k < args.length; k++) {
        if (k > 0) {
          sb.append(", ");
        }
        sb.append(args[k].local() >= 0 ? displayLocal(args[k].local()) : "..");
      }
      return sb.append(')').toString();
    }
    String r = recv != null && recv.local() >= 0 ? displayLocal(recv.local()) : "..";
    return sb.append(r).append('.').append(name).append(args.length == 0 ? "()" : "(..)").toString();
  }

  private String displayLocal(int slot) {
    String n = sourceName(slot, ins[curIndex].getPosition());
    return n != null ? n : localVar(slot).replaceAll("~\\d+$", "");
  }

  static String simpleName(String dotted) {
    String s = dotted.substring(dotted.lastIndexOf('.') + 1);
    int dollar = s.lastIndexOf('$');
    if (dollar >= 0 && dollar < s.length() - 1 && !Character.isDigit(s.charAt(dollar + 1))) {
      s = s.substring(dollar + 1);
    }
    return s;
  }

  private static String display(String declaring, String name, int params, boolean ctor) {
    String owner = simpleName(declaring);
    if (ctor) {
      return "new " + owner + "(..)";
    }
    return owner + "." + name + (params == 0 ? "()" : "(..)");
  }
}
