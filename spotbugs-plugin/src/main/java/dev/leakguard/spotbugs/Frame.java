package dev.leakguard.spotbugs;

import java.util.Arrays;

/** The locals and the operand stack (one entry per word) before one instruction. */
final class Frame {
  final Value[] locals;
  final Value[] stack;

  Frame(Value[] locals, Value[] stack) {
    this.locals = locals;
    this.stack = stack;
  }

  int depth() {
    return stack.length;
  }

  /** This frame joined with {@code other}; {@code this} itself if nothing changes. */
  Frame join(Frame other) {
    if (other.stack.length != stack.length) {
      throw new BytecodeLowering.Unsupported("stack heights differ at a join");
    }
    Value[] l = locals;
    for (int i = 0; i < locals.length; i++) {
      Value j = Value.join(locals[i], other.locals[i]);
      if (!j.equals(locals[i])) {
        if (l == locals) {
          l = locals.clone();
        }
        l[i] = j;
      }
    }
    Value[] s = stack;
    for (int i = 0; i < stack.length; i++) {
      Value j = Value.join(stack[i], other.stack[i]);
      if (!j.equals(stack[i])) {
        if (s == stack) {
          s = stack.clone();
        }
        s[i] = j;
      }
    }
    return l == locals && s == stack ? this : new Frame(l, s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Frame f && Arrays.equals(f.locals, locals) && Arrays.equals(f.stack, stack);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(locals) + Arrays.hashCode(stack);
  }
}
