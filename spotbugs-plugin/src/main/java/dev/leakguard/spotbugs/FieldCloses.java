package dev.leakguard.spotbugs;

import dev.leakguard.core.analysis.CallEffects;
import dev.leakguard.core.analysis.MethodSummary;
import dev.leakguard.core.model.AnnotationRole;
import dev.leakguard.core.model.MethodRule;
import java.util.List;
import java.util.Set;
import org.apache.bcel.Const;
import org.apache.bcel.classfile.Method;
import org.apache.bcel.generic.ConstantPoolGen;
import org.apache.bcel.generic.InstructionHandle;
import org.apache.bcel.generic.InvokeInstruction;
import org.apache.bcel.generic.MethodGen;
import org.apache.bcel.generic.ObjectType;
import org.apache.bcel.generic.PUTFIELD;
import org.apache.bcel.generic.Type;

/**
 * Which fields a method closes: a field (or a local copied from it) that is the receiver of a
 * releasing call or {@code close()}, or an argument that the callee releases by the model, by
 * {@code @WillClose}, by its summary or, with none of these, by its name.
 */
final class FieldCloses {
  private FieldCloses() {}

  static void collect(ProgramFacts facts, String className, Method m, MethodGen mg, Set<String> out) {
    Frame[] frames;
    try {
      frames = BytecodeLowering.frames(facts, className, m, mg);
    } catch (BytecodeLowering.Unsupported | IllegalStateException e) {
      return;
    }
    ConstantPoolGen cpg = mg.getConstantPool();
    InstructionHandle[] ins = mg.getInstructionList().getInstructionHandles();
    for (int i = 0; i < ins.length; i++) {
      if (frames[i] != null && frames[i].stack.length > 0) {
        // a field the class hands out, returned or moved into another field, is not its to close
        // (returned by a method others call: a private accessor only lends it to the class itself)
        Value top = frames[i].stack[frames[i].stack.length - 1];
        if (ins[i].getInstruction().getOpcode() == Const.ARETURN && !m.isPrivate()) {
          addIfOwnField(top, className, out);
        } else if (ins[i].getInstruction() instanceof PUTFIELD put
            && top.tag() instanceof Value.FieldValue f
            && !f.name().equals(put.getFieldName(cpg))) {
          addIfOwnField(top, className, out);
        }
      }
      if (frames[i] == null || !(ins[i].getInstruction() instanceof InvokeInstruction inv)
          || inv.getOpcode() == Const.INVOKEDYNAMIC) {
        continue;
      }
      boolean isStatic = inv.getOpcode() == Const.INVOKESTATIC;
      String name = inv.getMethodName(cpg);
      String desc = inv.getSignature(cpg);
      String owner =
          inv.getReferenceType(cpg) instanceof ObjectType o ? o.getClassName() : "java.lang.Object";
      Type[] args = inv.getArgumentTypes(cpg);
      Value[] stack = frames[i].stack;
      int words = 0;
      for (Type t : args) {
        words += t.getSize();
      }
      int base = stack.length - words - (isStatic ? 0 : 1);
      var resolved = facts.resolve(owner, name, desc, isStatic);
      String declaring = resolved == null ? owner : resolved.declaringClass();
      List<MethodRule> rules = facts.rules(declaring, name, desc);
      if (!isStatic && CallEffects.closesReceiver(rules, name, args.length)) {
        addIfField(stack[base], out);
      }
      MethodSummary sum =
          rules.isEmpty()
              ? facts.callSummary(
                  owner, declaring, name, desc, isStatic || inv.getOpcode() == Const.INVOKESPECIAL,
                  resolved == null ? null : resolved.method())
              : null;
      List<Set<AnnotationRole>> roles = facts.paramRoles(resolved == null ? null : resolved.method(), args.length);
      int pos = base + (isStatic ? 0 : 1);
      for (int a = 0; a < args.length; a++) {
        if (CallEffects.closesArgument(rules, roles.get(a), sum, name, owner, a)) {
          addIfField(stack[pos], out);
        }
        pos += args[a].getSize();
      }
    }
  }

  private static void addIfOwnField(Value v, String className, Set<String> out) {
    if (v.tag() instanceof Value.FieldValue f && className.equals(f.owner())) {
      out.add(f.name());
    }
  }

  private static void addIfField(Value v, Set<String> out) {
    if (v.tag() instanceof Value.FieldValue f) {
      out.add(f.name());
    }
  }
}
