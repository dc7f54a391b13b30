#!/usr/bin/env python3
"""Where a javac run spends its time: aggregates the execution samples of a JFR recording.

Usage: jfr print --stack-depth 2048 --events jdk.ExecutionSample REC.jfr | jfr_top.py [PREFIX] [N]

Reads the text form of `jfr print` from standard input (streamed: recordings with deep stacks
print hundreds of megabytes) and prints, over the samples of javac's main thread, the N largest
entries (default 30) of:
  * self:       the top frame of each sample (where the CPU is),
  * inclusive:  every PREFIX method on the stack, counted once per sample,
  * nearest:    samples with a PREFIX frame, by the PREFIX frame nearest the top (which of
                PREFIX's methods spends the time, with the javac or JDK code it calls),
  * outermost:  the same by the outermost PREFIX frame (the entry point from the compiler),
  * calls out:  samples with a PREFIX frame, by the method that frame calls when it is not
                PREFIX's own ("javac's Types.isSubtype called by Facts.isCollection"),
  * self under: the top frames of the samples with a PREFIX frame.
PREFIX defaults to dev.leakguard. Lambda frames ($$Lambda) are left out of the last three.
The recording needs a stack depth to match (-XX:FlightRecorderOptions=stackdepth=2048), or the
outermost frames are cut off.
"""
import sys
from collections import Counter


def method_of(line):
    """'    a.b.C.m(int, Object) line: 12' -> 'a.b.C.m'"""
    text = line.strip()
    paren = text.find("(")
    return text[:paren] if paren >= 0 else text


def is_lambda(name):
    return "$$Lambda" in name


def samples(lines):
    """Yields (thread, frames top first, truncated) for each jdk.ExecutionSample event."""
    thread, frames, in_stack, truncated = None, [], False, False
    for line in lines:
        s = line.strip()
        if s.startswith("jdk.ExecutionSample {"):
            thread, frames, in_stack, truncated = None, [], False, False
        elif in_stack:
            if s == "]":
                in_stack = False
            elif s == "...":
                truncated = True
            elif s:
                frames.append(method_of(s))
        elif s.startswith("sampledThread = "):
            thread = s[len("sampledThread = "):].split('"')[1] if '"' in s else s
        elif s.startswith("stackTrace = ["):
            in_stack = True
        elif s == "}":
            yield thread, frames, truncated


def main():
    prefix = sys.argv[1] if len(sys.argv) > 1 else "dev.leakguard"
    top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    self_c, incl_c, near_c, outer_c = Counter(), Counter(), Counter(), Counter()
    out_c, self_under_c = Counter(), Counter()
    total = with_prefix = truncated_n = 0
    for thread, frames, truncated in samples(sys.stdin):
        if thread != "main" or not frames:
            continue
        total += 1
        truncated_n += truncated
        self_c[frames[0]] += 1
        ours = [f for f in frames if f.startswith(prefix) and not is_lambda(f)]
        if not ours:
            continue
        with_prefix += 1
        for name in set(ours):
            incl_c[name] += 1
        near_c[ours[0]] += 1
        outer_c[ours[-1]] += 1
        self_under_c[frames[0]] += 1
        i = frames.index(ours[0])
        callee = frames[i - 1] if i > 0 else "(itself)"
        out_c[f"{callee}  <-  {ours[0]}"] += 1

    def show(title, counter):
        print(title)
        for name, n in counter.most_common(top_n):
            print(f"  {n:6d} {100.0 * n / max(total, 1):5.1f}%  {name}")
        print()

    print(f"main-thread samples: {total}; with a {prefix} frame: {with_prefix} "
          f"({100.0 * with_prefix / max(total, 1):.1f}%); stacks cut off: {truncated_n}\n")
    show("self (top frame)", self_c)
    show(f"inclusive ({prefix} methods)", incl_c)
    show(f"by the {prefix} frame nearest the top", near_c)
    show(f"by the outermost {prefix} frame", outer_c)
    show(f"calls out of {prefix} (callee  <-  caller)", out_c)
    show(f"self, samples with a {prefix} frame", self_under_c)


if __name__ == "__main__":
    main()
