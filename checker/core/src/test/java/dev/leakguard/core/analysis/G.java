package dev.leakguard.core.analysis;

import dev.leakguard.core.model.ImplicitClose;
import dev.leakguard.core.model.ResourceKind;
import java.util.List;

/** A tiny DSL over {@link GraphBuilder} for hand-built event graphs in tests. */
final class G {
  static final List<String> SQL = List.of("java.sql.SQLException");
  final GraphBuilder b;

  G() {
    b =
        new GraphBuilder(
            "test",
            (sub, sup) ->
                sub.equals(sup)
                    || sup.equals("java.lang.Exception")
                    || sup.equals("java.lang.Throwable"));
  }

  static Site site(String var, ResourceKind kind, int line) {
    String type = kind.displayName();
    String by =
        switch (kind) {
          case CONNECTION -> "DataSource.getConnection()";
          case STATEMENT -> "Connection.prepareStatement(..)";
          case RESULT_SET -> "PreparedStatement.executeQuery()";
          default -> "Factory.open()";
        };
    return new Site("s" + line + ":" + var + ":" + kind, kind, type, by, var, line, null);
  }

  /** {@code var = <acquire>} where the acquiring call throws SQLException. */
  G acquire(String var, ResourceKind kind, int line, String parent) {
    b.emitThrowing(
        new Event.Acquire(var, site(var.startsWith("$") ? null : var, kind, line), parent),
        line,
        new ThrowInfo(kind == ResourceKind.RESULT_SET ? "executeQuery" : "getConnection",
            "java.sql.SQLException", line, false),
        SQL);
    return this;
  }

  /** An acquisition whose call cannot throw a checked exception. */
  G acquireQuiet(String var, ResourceKind kind, int line, String parent) {
    b.emit(new Event.Acquire(var, site(var.startsWith("$") ? null : var, kind, line), parent), line);
    return this;
  }

  G call(String what, int line) {
    b.emitThrowing(new Event.Nop(), line, new ThrowInfo(what, "java.sql.SQLException", line, false), SQL);
    return this;
  }

  G close(String var, int line) {
    b.emitThrowing(
        new Event.Release(var), line, new ThrowInfo(var + ".close()", "java.sql.SQLException", line, true), SQL);
    return this;
  }

  G quietClose(String var, int line) {
    b.emit(new Event.Release(var), line);
    return this;
  }

  G ev(Event e, int line) {
    b.emit(e, line);
    return this;
  }

  AnalysisResult run(int endLine) {
    return ObligationAnalysis.analyze(b.build(endLine), G::rules);
  }

  static ImplicitClose rules(ResourceKind parent, ResourceKind child) {
    if (parent == ResourceKind.STATEMENT && child == ResourceKind.RESULT_SET) {
      return ImplicitClose.SILENT;
    }
    if (parent == ResourceKind.CONNECTION && child == ResourceKind.STATEMENT) {
      return ImplicitClose.REPORT;
    }
    if (parent == ResourceKind.CONNECTION && child == ResourceKind.RESULT_SET) {
      return ImplicitClose.SILENT;
    }
    return ImplicitClose.NONE;
  }
}
