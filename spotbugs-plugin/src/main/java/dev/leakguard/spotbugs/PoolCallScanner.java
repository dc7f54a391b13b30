package dev.leakguard.spotbugs;

import dev.leakguard.core.pool.Pool;
import dev.leakguard.core.pool.PoolSetters;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.Constant;
import org.apache.bcel.classfile.ConstantCP;
import org.apache.bcel.classfile.ConstantNameAndType;
import org.apache.bcel.classfile.ConstantPool;
import org.apache.bcel.classfile.LineNumberTable;
import org.apache.bcel.classfile.LocalVariable;
import org.apache.bcel.classfile.LocalVariableTable;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ACONST_NULL;
import org.apache.bcel.generic.ALOAD;
import org.apache.bcel.generic.ASTORE;
import org.apache.bcel.generic.ATHROW;
import org.apache.bcel.generic.BranchInstruction;
import org.apache.bcel.generic.CHECKCAST;
import org.apache.bcel.generic.CodeExceptionGen;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.ConstantPushInstruction;
import org.apache.bcel.generic.ConversionInstruction;
import org.apache.bcel.generic.GETFIELD;
import org.apache.bcel.generic.GETSTATIC;
import org.apache.bcel.generic.GotoInstruction;
import org.apache.bcel.generic.INEG;
import org.apache.bcel.generic.INVOKEDYNAMIC;
import org.apache.bcel.generic.INVOKESPECIAL;
import org.apache.bcel.generic.INVOKESTATIC;
import org.apache.bcel.generic.Instruction;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InvokeInstruction;
import org.apache.bcel.generic.JsrInstruction;
import org.apache.bcel.generic.LDC;
import org.apache.bcel.generic.LDC2_W;
import org.apache.bcel.generic.LNEG;
import org.apache.bcel.generic.LoadInstruction;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.NEW;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.RET;
import org.apache.bcel.generic.ReturnInstruction;
import org.apache.bcel.generic.Select;
import org.apache.bcel.generic.StackInstruction;
import org.apache.bcel.generic.Type;

/**
 * The pool setter calls of one method, read from its bytecode in the order of the code: for each
 * call whose owner class is one of {@link PoolSetters#types()} or a subclass of one, the object it
 * is called on and the argument's constant value.
 *
 * <p>A small forward interpretation of the operand stack finds both. A value is a constant only
 * when an instruction that loads a constant produced it (javac folds every constant expression,
 * static final constants and unary minus included, into one such instruction), or it is {@code
 * Duration.ofNanos/ofMillis/ofSeconds/ofMinutes/ofHours/ofDays} of one. A value read from a local
 * variable or a field is not a constant, as in source; where two paths meet with different values
 * the value is unknown. The receiver is {@code this}, a local variable (by the entry of the local
 * variable table that covers the call, so two variables that share a slot stay apart), a field of
 * {@code this} or a static field; any other receiver is an object of its own call.
 */
final class PoolCallScanner {
  /** The method's bytecode is not something javac produces (subroutines, inconsistent stacks). */
  static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported(String why) {
      super(why, null, false, false);
    }
  }

  /**
   * One setter call, as {@link dev.leakguard.core.pool.PoolCalls#add} takes it, with its offset.
   */
  record Call(
      String receiverKey,
      String receiverText,
      PoolSetters.Setter setter,
      String methodName,
      Object value,
      String argumentText,
      int line,
      int pc) {}

  // ------------------------------------------------------------------ stack values

  /** What is known of one word of the operand stack. */
  private sealed interface Val {}

  /** Nothing useful. */
  private record Unknown() implements Val {}

  /** The second word of a long or double. */
  private record Filler() implements Val {}

  /** A constant: Integer, Long, Float, Double, String, or a boxed Integer/Long/Boolean. */
  private record Literal(Object value) implements Val {}

  /** {@code Duration.ofX(constant)}, with the call as it reads in source. */
  private record DurationOf(Duration value, String text) implements Val {}

  /** {@code this} of an instance method. */
  private record This() implements Val {}

  /** The local variable in {@code slot}; {@code scope} is its local variable table entry's start. */
  private record Local(int slot, int scope, String name) implements Val {}

  /** A field of {@code this} ({@code this.name}) or a static field ({@code Owner.name}). */
  private record Field(String key, String name) implements Val {}

  /** Any other object: the result of a call or a {@code new}, shown as {@code text}. */
  private record Made(int pc, String text) implements Val {}

  private static final Val UNKNOWN = new Unknown();
  private static final Val FILLER = new Filler();

  // ------------------------------------------------------------------ state

  private final Hierarchy hierarchy;
  private final ConstantPoolGen cpg;
  private final InstructionHandle[] ins;
  private final Map<Integer, Integer> indexAt = new HashMap<>();
  private final CodeExceptionGen[] handlers;
  private final LocalVariable[] lvt;
  private final LineNumberTable lines;
  private final boolean thisInSlotZero;
  private final List<Val>[] in;
  private final BitSet queued = new BitSet();
  private final Map<String, Pool> pools = new HashMap<>();

  @SuppressWarnings("unchecked")
  private PoolCallScanner(Hierarchy hierarchy, Method method, MethodGen mg) {
    this.hierarchy = hierarchy;
    this.cpg = mg.getConstantPool();
    this.ins = mg.getInstructionList().getInstructionHandles();
    for (int i = 0; i < ins.length; i++) {
      indexAt.put(ins[i].getPosition(), i);
    }
    this.handlers = mg.getExceptionHandlers();
    LocalVariableTable t = method.getLocalVariableTable();
    this.lvt = t == null ? new LocalVariable[0] : t.getLocalVariableTable();
    this.lines = method.getLineNumberTable();
    boolean storesZero = false;
    for (InstructionHandle ih : ins) {
      if (ih.getInstruction() instanceof ASTORE s && s.getIndex() == 0) {
        storesZero = true;
      }
    }
    this.thisInSlotZero = !method.isStatic() && !storesZero;
    this.in = new List[ins.length];
  }

  /**
   * Whether the class calls a method with the name of a pool setter at all: a cheap filter before
   * its methods are read (a class that does not name one in its constant pool cannot call one).
   */
  static boolean mayCallSetter(ConstantPool cp) {
    for (Constant c : cp.getConstantPool()) {
      if (c instanceof ConstantCP ref && c.getTag() != Const.CONSTANT_InvokeDynamic
          && c.getTag() != Const.CONSTANT_Fieldref
          && cp.getConstant(ref.getNameAndTypeIndex()) instanceof ConstantNameAndType nt
          && PoolSetters.isSetterName(nt.getName(cp))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pool setter calls of {@code method}, in the order of the code.
   *
   * @throws Unsupported for bytecode the scan does not follow
   */
  static List<Call> scan(Hierarchy hierarchy, Method method, MethodGen mg) {
    PoolCallScanner s = new PoolCallScanner(hierarchy, method, mg);
    BitSet setters = s.setterCalls();
    if (setters.isEmpty()) {
      return List.of();
    }
    s.fixpoint();
    return s.calls(setters);
  }

  // ------------------------------------------------------------------ the interpretation

  private void fixpoint() {
    Deque<Integer> work = new ArrayDeque<>();
    merge(0, new ArrayList<>(), work);
    int steps = 0;
    while (!work.isEmpty()) {
      if (++steps > 50 * ins.length + 1000) {
        throw new Unsupported("no fixpoint");
      }
      int i = work.poll();
      queued.clear(i);
      InstructionHandle ih = ins[i];
      List<Val> stack = new ArrayList<>(in[i]);
      for (CodeExceptionGen h : handlers) {
        if (covers(h, ih.getPosition())) {
          List<Val> caught = new ArrayList<>();
          caught.add(UNKNOWN);
          merge(index(h.getHandlerPC()), caught, work);
        }
      }
      Instruction insn = ih.getInstruction();
      step(ih, stack);
      if (insn instanceof JsrInstruction || insn instanceof RET) {
        throw new Unsupported("subroutine");
      }
      if (insn instanceof ReturnInstruction || insn instanceof ATHROW) {
        continue;
      }
      if (insn instanceof Select sel) {
        for (InstructionHandle t : sel.getTargets()) {
          merge(index(t), stack, work);
        }
        merge(index(sel.getTarget()), stack, work);
        continue;
      }
      if (insn instanceof BranchInstruction b) {
        merge(index(b.getTarget()), stack, work);
        if (insn instanceof GotoInstruction) {
          continue;
        }
      }
      if (i + 1 >= ins.length) {
        throw new Unsupported("falls off the end");
      }
      merge(i + 1, stack, work);
    }
  }

  private static boolean covers(CodeExceptionGen h, int pc) {
    return pc >= h.getStartPC().getPosition() && pc <= h.getEndPC().getPosition();
  }

  private int index(InstructionHandle ih) {
    Integer i = indexAt.get(ih.getPosition());
    if (i == null) {
      throw new Unsupported("jump outside the code");
    }
    return i;
  }

  private void merge(int i, List<Val> stack, Deque<Integer> work) {
    List<Val> old = in[i];
    if (old == null) {
      in[i] = new ArrayList<>(stack);
      queued.set(i);
      work.add(i);
      return;
    }
    if (old.size() != stack.size()) {
      throw new Unsupported("stack heights differ at offset " + ins[i].getPosition());
    }
    boolean changed = false;
    for (int k = 0; k < old.size(); k++) {
      Val a = old.get(k);
      if (!a.equals(stack.get(k)) && !(a instanceof Unknown)) {
        old.set(k, UNKNOWN);
        changed = true;
      }
    }
    if (changed && !queued.get(i)) {
      queued.set(i);
      work.add(i);
    }
  }

  /** Applies one instruction to {@code stack}. */
  private void step(InstructionHandle ih, List<Val> stack) {
    Instruction insn = ih.getInstruction();
    int pc = ih.getPosition();
    if (insn instanceof ConstantPushInstruction c) {
      push(stack, new Literal(c.getValue()), c.getType(cpg).getSize());
    } else if (insn instanceof LDC2_W ldc) {
      push(stack, literalOf(() -> ldc.getValue(cpg)), 2);
    } else if (insn instanceof LDC ldc) {
      push(stack, literalOf(() -> ldc.getValue(cpg)), 1);
    } else if (insn instanceof ACONST_NULL) {
      push(stack, UNKNOWN, 1);
    } else if (insn instanceof ALOAD a) {
      push(stack, reference(a.getIndex(), pc), 1);
    } else if (insn instanceof LoadInstruction l) {
      push(stack, UNKNOWN, l.getType(cpg).getSize());
    } else if (insn instanceof GETSTATIC f) {
      Type t = f.getFieldType(cpg);
      String owner = f.getReferenceType(cpg).toString();
      push(stack, isReference(t) ? new Field(owner + "." + f.getFieldName(cpg), f.getFieldName(cpg)) : UNKNOWN, t.getSize());
    } else if (insn instanceof GETFIELD f) {
      Val object = pop(stack, 1);
      Type t = f.getFieldType(cpg);
      String name = f.getFieldName(cpg);
      Val v;
      if (!isReference(t)) {
        v = UNKNOWN;
      } else if (object instanceof This) {
        v = new Field("this." + name, name);
      } else {
        v = new Made(pc, name);
      }
      push(stack, v, t.getSize());
    } else if (insn instanceof NEW n) {
      push(stack, new Made(pc, "new " + BytecodeLowering.simpleName(n.getLoadClassType(cpg).getClassName()) + "(..)"), 1);
    } else if (insn instanceof CHECKCAST) {
      // the same object
    } else if (insn instanceof INVOKEDYNAMIC) {
      generic(insn, stack);
    } else if (insn instanceof InvokeInstruction inv) {
      invoke(inv, pc, stack);
    } else if (insn instanceof ConversionInstruction conv) {
      convert(conv, stack);
    } else if (insn instanceof INEG || insn instanceof LNEG) {
      int size = insn instanceof LNEG ? 2 : 1;
      Val v = pop(stack, size);
      if (v instanceof Literal k && k.value() instanceof Integer n) {
        v = new Literal(-n);
      } else if (v instanceof Literal k && k.value() instanceof Long n) {
        v = new Literal(-n);
      } else {
        v = UNKNOWN;
      }
      push(stack, v, size);
    } else if (insn instanceof StackInstruction) {
      shuffle(insn.getOpcode(), stack);
    } else {
      generic(insn, stack);
    }
  }

  private interface LiteralSource {
    Object get();
  }

  private static Val literalOf(LiteralSource s) {
    try {
      Object v = s.get();
      return v instanceof Number || v instanceof String ? new Literal(v) : UNKNOWN;
    } catch (RuntimeException dynamicOrInvalid) {
      return UNKNOWN;
    }
  }

  private static boolean isReference(Type t) {
    return t.getType() == Const.T_OBJECT || t.getType() == Const.T_ARRAY;
  }

  private Val reference(int slot, int pc) {
    if (slot == 0 && thisInSlotZero) {
      return new This();
    }
    for (LocalVariable v : lvt) {
      if (v.getIndex() == slot && pc >= v.getStartPC() && pc < v.getStartPC() + v.getLength()) {
        return new Local(slot, v.getStartPC(), v.getName());
      }
    }
    return new Local(slot, -1, "local" + slot);
  }

  private void generic(Instruction insn, List<Val> stack) {
    int consumed = insn.consumeStack(cpg);
    int produced = insn.produceStack(cpg);
    if (consumed < 0 || produced < 0) {
      throw new Unsupported("unpredictable stack effect of " + insn);
    }
    if (consumed > stack.size()) {
      throw new Unsupported("stack underflow at " + insn);
    }
    for (int k = 0; k < consumed; k++) {
      stack.remove(stack.size() - 1);
    }
    for (int k = 0; k < produced; k++) {
      stack.add(UNKNOWN);
    }
  }

  private static void push(List<Val> stack, Val v, int size) {
    stack.add(v);
    if (size == 2) {
      stack.add(v instanceof Unknown ? UNKNOWN : FILLER);
    }
  }

  /** Pops a value of {@code size} words and returns it (its first word). */
  private static Val pop(List<Val> stack, int size) {
    if (stack.size() < size) {
      throw new Unsupported("stack underflow");
    }
    Val v = null;
    for (int k = 0; k < size; k++) {
      v = stack.remove(stack.size() - 1);
    }
    return v;
  }

  private void convert(ConversionInstruction conv, List<Val> stack) {
    int op = conv.getOpcode();
    int fromSize = switch (op) {
      case Const.L2I, Const.L2F, Const.L2D, Const.D2I, Const.D2L, Const.D2F -> 2;
      default -> 1;
    };
    Type to = conv.getType(cpg);
    Val v = pop(stack, fromSize);
    Val out = UNKNOWN;
    if (v instanceof Literal k && k.value() instanceof Number n) {
      out = switch (op) {
        case Const.I2L -> new Literal(n.longValue());
        case Const.L2I -> new Literal(n.intValue());
        default -> UNKNOWN; // to or from floating point, narrowing to byte, char or short
      };
    }
    push(stack, out, to.getSize());
  }

  private void shuffle(int op, List<Val> s) {
    int n = s.size();
    switch (op) {
      case Const.POP -> pop(s, 1);
      case Const.POP2 -> pop(s, 2);
      case Const.DUP -> {
        need(s, 1);
        s.add(s.get(n - 1));
      }
      case Const.DUP_X1 -> {
        need(s, 2);
        s.add(n - 2, s.get(n - 1));
      }
      case Const.DUP_X2 -> {
        need(s, 3);
        s.add(n - 3, s.get(n - 1));
      }
      case Const.DUP2 -> {
        need(s, 2);
        s.add(s.get(n - 2));
        s.add(s.get(n - 1));
      }
      case Const.DUP2_X1 -> {
        need(s, 3);
        Val a = s.get(n - 2);
        Val b = s.get(n - 1);
        s.add(n - 3, b);
        s.add(n - 3, a);
      }
      case Const.DUP2_X2 -> {
        need(s, 4);
        Val a = s.get(n - 2);
        Val b = s.get(n - 1);
        s.add(n - 4, b);
        s.add(n - 4, a);
      }
      case Const.SWAP -> {
        need(s, 2);
        Val a = s.get(n - 1);
        s.set(n - 1, s.get(n - 2));
        s.set(n - 2, a);
      }
      default -> throw new Unsupported("stack instruction " + op);
    }
  }

  private static void need(List<Val> s, int words) {
    if (s.size() < words) {
      throw new Unsupported("stack underflow");
    }
  }

  private void invoke(InvokeInstruction inv, int pc, List<Val> stack) {
    Type[] args = inv.getArgumentTypes(cpg);
    Val[] values = new Val[args.length];
    for (int k = args.length - 1; k >= 0; k--) {
      values[k] = pop(stack, args[k].getSize());
    }
    Val receiver = inv instanceof INVOKESTATIC ? null : pop(stack, 1);
    String owner = inv.getReferenceType(cpg) instanceof ObjectType o ? o.getClassName() : "";
    String name = inv.getMethodName(cpg);
    if (inv instanceof INVOKESPECIAL && name.equals("<init>") && receiver instanceof Made made) {
      // new T(..) now has its arguments: show them the way source does when there are none
      Made shown = new Made(made.pc(), "new " + BytecodeLowering.simpleName(owner) + (args.length == 0 ? "()" : "(..)"));
      for (int k = 0; k < stack.size(); k++) {
        if (stack.get(k).equals(made)) {
          stack.set(k, shown);
        }
      }
    }
    Type ret = inv.getReturnType(cpg);
    if (ret.getSize() == 0) {
      return;
    }
    Val result = UNKNOWN;
    if (inv instanceof INVOKESTATIC && args.length == 1 && values[0] instanceof Literal k) {
      result = staticOfConstant(owner, name, inv.getSignature(cpg), k.value());
    }
    if (result instanceof Unknown && isReference(ret)) {
      result = new Made(pc, name + (args.length == 0 ? "()" : "(..)"));
    }
    push(stack, result, ret.getSize());
  }

  /** {@code Duration.ofX(c)} and the boxing of a constant; UNKNOWN for any other static call. */
  private static Val staticOfConstant(String owner, String name, String sig, Object c) {
    if (owner.equals("java.time.Duration") && sig.equals("(J)Ljava/time/Duration;")
        && c instanceof Long n) {
      Duration d = PoolSetters.durationOf(name, n);
      return d == null ? UNKNOWN : new DurationOf(d, "Duration." + name + "(" + n + ")");
    }
    if (!name.equals("valueOf")) {
      return UNKNOWN;
    }
    return switch (owner + sig) {
      case "java.lang.Integer(I)Ljava/lang/Integer;" -> c instanceof Integer ? new Literal(c) : UNKNOWN;
      case "java.lang.Long(J)Ljava/lang/Long;" -> c instanceof Long ? new Literal(c) : UNKNOWN;
      case "java.lang.Boolean(Z)Ljava/lang/Boolean;" ->
          c instanceof Integer i ? new Literal(i != 0) : UNKNOWN;
      default -> UNKNOWN;
    };
  }

  // ------------------------------------------------------------------ the calls

  /** The instructions that call a pool setter: one argument, on an object of a pool class. */
  private BitSet setterCalls() {
    BitSet out = new BitSet();
    for (int i = 0; i < ins.length; i++) {
      if (setterOf(ins[i].getInstruction()) != null) {
        out.set(i);
      }
    }
    return out;
  }

  private PoolSetters.Setter setterOf(Instruction insn) {
    if (!(insn instanceof InvokeInstruction inv) || inv instanceof INVOKESTATIC || inv instanceof INVOKEDYNAMIC) {
      return null;
    }
    String name = inv.getMethodName(cpg);
    if (!PoolSetters.isSetterName(name) || inv.getArgumentTypes(cpg).length != 1
        || !(inv.getReferenceType(cpg) instanceof ObjectType owner)) {
      return null;
    }
    return PoolSetters.setter(poolOf(owner.getClassName()), name);
  }

  private List<Call> calls(BitSet setters) {
    List<Call> out = new ArrayList<>();
    for (int i = setters.nextSetBit(0); i >= 0; i = setters.nextSetBit(i + 1)) {
      if (in[i] == null) {
        continue; // unreachable
      }
      InvokeInstruction inv = (InvokeInstruction) ins[i].getInstruction();
      PoolSetters.Setter setter = setterOf(inv);
      String name = inv.getMethodName(cpg);
      Type[] args = inv.getArgumentTypes(cpg);
      int pc = ins[i].getPosition();
      List<Val> stack = in[i];
      int argWords = args[0].getSize();
      if (stack.size() < argWords + 1) {
        throw new Unsupported("stack underflow at a setter call");
      }
      Val receiver = stack.get(stack.size() - argWords - 1);
      Val arg = stack.get(stack.size() - argWords);
      Object value = valueOf(arg, args[0]);
      String key;
      String text;
      if (receiver instanceof This) {
        key = "this";
        text = "";
      } else if (receiver instanceof Local l) {
        key = "local:" + l.slot() + ":" + l.scope();
        text = l.name();
      } else if (receiver instanceof Field f) {
        key = f.key();
        text = f.name();
      } else {
        key = "call@" + pc;
        text = receiver instanceof Made m ? m.text() : "(..)";
      }
      out.add(new Call(key, text, setter, name, value, textOf(value, arg), line(pc), pc));
    }
    return out;
  }

  /** The pool whose settings a class carries, itself or through a supertype; null if none or unknown. */
  private Pool poolOf(String owner) {
    if (pools.containsKey(owner)) {
      return pools.get(owner);
    }
    Pool pool = PoolSetters.poolOf(owner);
    if (pool == null) {
      try {
        for (String s : hierarchy.supertypes(owner)) {
          pool = PoolSetters.poolOf(s);
          if (pool != null) {
            break;
          }
        }
      } catch (RuntimeException unknownClass) {
        pool = null; // a class missing from the class path is not a pool
      }
    }
    pools.put(owner, pool);
    return pool;
  }

  /** The argument's value in the parameter's type, or null when it is not a constant. */
  private static Object valueOf(Val arg, Type param) {
    if (arg instanceof DurationOf d) {
      return param.getSignature().equals("Ljava/time/Duration;") ? d.value() : null;
    }
    if (!(arg instanceof Literal k)) {
      return null;
    }
    Object v = k.value();
    return switch (param.getSignature()) {
      case "Z" -> v instanceof Integer i ? (Object) (i != 0) : null;
      case "C" -> v instanceof Integer i ? (Object) (char) i.intValue() : null;
      case "B", "S", "I" -> v instanceof Integer ? v : null;
      case "J" -> v instanceof Long || v instanceof Integer ? (Object) ((Number) v).longValue() : null;
      case "F", "D" -> v instanceof Number ? v : null;
      case "Ljava/lang/String;" -> v instanceof String ? v : null;
      case "Ljava/lang/Integer;", "Ljava/lang/Long;", "Ljava/lang/Boolean;" -> v;
      default -> null;
    };
  }

  /** The argument as a message quotes it. */
  private static String textOf(Object value, Val arg) {
    if (arg instanceof DurationOf d && value != null) {
      return d.text();
    }
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof Character c) {
      return "'" + c + "'";
    }
    if (value != null) {
      return value.toString();
    }
    if (arg instanceof Local l) {
      return l.name();
    }
    if (arg instanceof Field f) {
      return f.name();
    }
    return "..";
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private int line(int pc) {
    if (lines == null) {
      return 0;
    }
    int l = lines.getSourceLine(pc);
    return Math.max(l, 0);
  }
}
