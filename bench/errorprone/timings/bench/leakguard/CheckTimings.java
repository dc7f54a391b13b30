package bench.leakguard;

import com.google.errorprone.ErrorProneTimings;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.util.Context;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A javac plugin for the benchmark: when the compilation ends, prints the time Error Prone's own
 * per-check timers measured for the checks named in the first plugin argument (comma-separated),
 * one line per check that ran and their total, and for the checks named in the optional second
 * argument one line each, outside the total:
 *
 * <pre>
 * CHECK-TIME JdbcConnectionLeak 123456789
 * CHECK-TIME total 234567890
 * OTHER-TIME LongLiteralLowerCaseSuffix 1234567
 * MAIN-CPU 3456789012
 * </pre>
 *
 * in nanoseconds. MAIN-CPU is the CPU time of the thread that ran the compilation (javac's main
 * thread, where Error Prone and its checks run) from its start to the end of the compilation: unlike
 * wall time it hardly grows when other processes share the cores. It must sit on the same -processorpath as Error Prone, so that both see the same
 * ErrorProneTimings class, and it reads the timers Error Prone keeps in the javac context anyway.
 */
public final class CheckTimings implements Plugin {
  @Override
  public String getName() {
    return "BenchCheckTimings";
  }

  @Override
  public void init(JavacTask task, String... args) {
    Set<String> counted = names(args, 0);
    Set<String> others = names(args, 1);
    Context context = ((BasicJavacTask) task).getContext();
    task.addTaskListener(
        new TaskListener() {
          @Override
          public void finished(TaskEvent e) {
            if (e.getKind() != TaskEvent.Kind.COMPILATION) {
              return;
            }
            Map<String, Duration> all = ErrorProneTimings.instance(context).timings();
            Map<String, Duration> ours = new TreeMap<>();
            Map<String, Duration> theirs = new TreeMap<>();
            all.forEach(
                (name, time) -> {
                  if (counted.contains(name)) {
                    ours.put(name, time);
                  } else if (others.contains(name)) {
                    theirs.put(name, time);
                  }
                });
            long total = 0;
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, Duration> t : ours.entrySet()) {
              long nanos = t.getValue().toNanos();
              total += nanos;
              out.append("CHECK-TIME ").append(t.getKey()).append(' ').append(nanos).append('\n');
            }
            out.append("CHECK-TIME total ").append(total).append('\n');
            for (Map.Entry<String, Duration> t : theirs.entrySet()) {
              out.append("OTHER-TIME ").append(t.getKey()).append(' ').append(t.getValue().toNanos()).append('\n');
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (threads.isCurrentThreadCpuTimeSupported()) {
              out.append("MAIN-CPU ").append(threads.getCurrentThreadCpuTime()).append('\n');
            }
            System.err.print(out);
            System.err.flush();
          }
        });
  }

  private static Set<String> names(String[] args, int i) {
    Set<String> out = new HashSet<>();
    if (args.length > i) {
      for (String name : args[i].split(",")) {
        if (!name.isEmpty()) {
          out.add(name);
        }
      }
    }
    return out;
  }
}
