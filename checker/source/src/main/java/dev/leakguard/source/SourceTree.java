package dev.leakguard.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.validator.postprocessors.Java10PostProcessor;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.leakguard.core.analysis.AnalysisResult;
import dev.leakguard.core.analysis.EventGraph;
import dev.leakguard.core.analysis.GraphSummaries;
import dev.leakguard.core.analysis.MethodSummary;
import dev.leakguard.core.analysis.SummaryMemo;
import dev.leakguard.core.analysis.ObligationAnalysis;
import dev.leakguard.core.analysis.UsageEvidence;
import dev.leakguard.core.finding.Finding;
import dev.leakguard.core.model.ResourceModel;
import dev.leakguard.core.report.ReportedFinding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The scanned source tree: its index, parsed files on demand, summaries, and per-file analysis. */
final class SourceTree {
  /** Files above this size are skipped by default (generated code, data). */
  static final long DEFAULT_MAX_FILE_BYTES = 2L * 1024 * 1024;

  /**
   * Java 21, then Java 25 for what only it reads (unnamed variables and patterns, several patterns
   * in one case label, statements before super(), module imports); then, for what neither reads
   * (local enums), the Java 25 parser on a repaired text with the same lines (see {@link
   * ParseRepair}).
   */
  private static final ThreadLocal<JavaParser> PARSER = parser(ParserConfiguration.LanguageLevel.JAVA_21);

  private static final ThreadLocal<JavaParser> PARSER_25 = parser(ParserConfiguration.LanguageLevel.JAVA_25);

  /**
   * Comments are not attached to nodes, and the line separator of a file is not detected: only a
   * whole unit printed with {@code toString()} would use it, which the engine never prints (the
   * detection looked up every character of every file). {@code var} types are made in the walk of
   * {@link #read} that drops the unit's tokens, not in a walk of their own.
   */
  private static ThreadLocal<JavaParser> parser(ParserConfiguration.LanguageLevel level) {
    return ThreadLocal.withInitial(
        () ->
            new JavaParser(
                withoutValidation(
                    new ParserConfiguration()
                        .setLanguageLevel(level)
                        .setAttributeComments(false)
                        .setDetectOriginalLineSeparator(false),
                    false)));
  }

  /**
   * Turns {@code var} in a local declaration into a VarType, as the language levels from 10 do
   * ({@link Java10PostProcessor}: every class type named {@code var}, but in a class literal), in
   * one walk that keeps its nodes in a plain stack (JavaParser's keeps them in a synchronized
   * {@link java.util.Stack}, and lists every class type of the unit first).
   */
  private static void varTypes(Node unit) {
    List<com.github.javaparser.ast.type.ClassOrInterfaceType> vars = new ArrayList<>();
    List<com.github.javaparser.TokenRange> tokens = new ArrayList<>();
    Nodes.walk(
        unit,
        n -> {
          if (isVarType(n)) {
            vars.add((com.github.javaparser.ast.type.ClassOrInterfaceType) n);
            tokens.add(n.getTokenRange().orElse(null));
          }
        });
    replaceWithVarTypes(vars, tokens, false);
  }

  /**
   * Replaces each of {@code vars} by a VarType over its tokens ({@code tokens}, taken before a
   * walk dropped them), as JavaParser makes it; with {@code dropTokens}, drops the new node's
   * tokens as {@link #read} does for every node of a kept unit.
   */
  private static void replaceWithVarTypes(
      List<com.github.javaparser.ast.type.ClassOrInterfaceType> vars,
      List<com.github.javaparser.TokenRange> tokens,
      boolean dropTokens) {
    for (int i = 0; i < vars.size(); i++) {
      com.github.javaparser.ast.type.VarType v = new com.github.javaparser.ast.type.VarType(tokens.get(i));
      vars.get(i).replace(v);
      if (dropTokens) {
        UnitText.dropTokens(v);
      }
    }
  }

  /** A class type the Java 10 post-processing makes a VarType. */
  private static boolean isVarType(Node n) {
    return n instanceof com.github.javaparser.ast.type.ClassOrInterfaceType t
        && t.getName().getIdentifier().equals("var")
        && !(t.getParentNode().orElse(null) instanceof com.github.javaparser.ast.expr.ClassExpr);
  }

  /**
   * The configuration without its language level's validation, which walks the unit once per rule
   * (some 40 % of a parse) to reject what javac would: the engine reads what it can, and code javac
   * rejects is the build's to report. The level still decides the grammar ({@code yield}), and its
   * post-processing ({@code var} as a type) is kept. The level's processor does both, so it is
   * replaced; if a JavaParser version no longer has it where this looks, this fails at once.
   */
  static ParserConfiguration withoutValidation(ParserConfiguration c) {
    return withoutValidation(c, true);
  }

  /** As {@link #withoutValidation(ParserConfiguration)}; without {@code var} types unless {@code varTypes}. */
  private static ParserConfiguration withoutValidation(ParserConfiguration c, boolean varTypes) {
    boolean removed =
        c.getProcessors()
            .removeIf(p -> p.get().getClass().getName().equals(ParserConfiguration.class.getName() + "$2"));
    if (!removed) {
      throw new IllegalStateException("JavaParser's language-level processor was not found");
    }
    if (!varTypes) {
      return c;
    }
    c.getProcessors()
        .add(
            () ->
                new Processor() {
                  @Override
                  public void postProcess(ParseResult<? extends Node> result, ParserConfiguration configuration) {
                    result.getResult().ifPresent(SourceTree::varTypes);
                  }
                });
    return c;
  }

  private final ResourceModel model;
  /** The encoding of the source files. */
  private final java.nio.charset.Charset encoding;
  private final Path root;
  private final TreeIndex index;
  /** The parsed units kept between passes (see {@link UnitCache}). */
  private final UnitCache units;
  /** The files that parse, in the order given. */
  private List<Path> parsedFiles = List.of();
  private final SummaryMemo<String> summaries = new SummaryMemo<>();
  /** The summaries of graphs that took long, for both passes (see {@link GraphSummaries}). */
  private final GraphSummaries graphSummaries;
  /** Summaries of the first pass, where undecided results count as owned; dropped after it. */
  private final SummaryMemo<String> probeSummaries = new SummaryMemo<>();
  private final UsageEvidence usage = new UsageEvidence();
  private volatile boolean probing;

  /** Files that could not be parsed in the index pass, with why (not read again). */
  private final Map<Path, Parsed> unparsable = new ConcurrentHashMap<>();
  private final long maxFileBytes;

  private final int poolSizeCeiling;

  /** The threads of the passes before the analysis of each file. */
  private final int threads;

  private SourceTree(
      ResourceModel model,
      Path root,
      long maxFileBytes,
      int poolSizeCeiling,
      JdkTypes classes,
      java.nio.charset.Charset encoding,
      int threads,
      long unitCacheBytes) {
    this.units =
        unitCacheBytes == SourceEngine.Options.AUTOMATIC_UNIT_CACHE
            ? UnitCache.automatic()
            : new UnitCache(unitCacheBytes);
    this.encoding = encoding;
    this.threads = threads;
    this.model = model;
    this.graphSummaries = new GraphSummaries(model);
    this.index = new TreeIndex(classes);
    this.root = root.toAbsolutePath().normalize();
    this.maxFileBytes = maxFileBytes;
    this.poolSizeCeiling = poolSizeCeiling;
  }

  /**
   * Parses every file once and indexes its types; the parsed units are kept for the analysis up
   * to the budget of {@link UnitCache}, and the others are parsed again when a pass needs them.
   */
  static SourceTree index(
      ResourceModel model,
      Path root,
      List<Path> files,
      SourceEngine.Options options,
      SourceEngine.Preparation progress) {
    SourceTree t =
        new SourceTree(
            model, root, options.maxFileBytes(), options.poolSizeCeiling(),
            JdkTypes.withClassPath(options.classPath()), options.encoding(), options.threads(),
            options.unitCacheBytes());
    t.inParallel(
        files,
        f -> {
          Path abs = f.toAbsolutePath().normalize();
          Parsed p = t.read(abs);
          if (p.cu != null) {
            t.index.add(abs, p.cu);
            t.units.put(abs, p.cu, p.nodes);
            t.lines.put(abs, p.lines);
          } else {
            t.unparsable.put(abs, p);
          }
          return p.lines;
        },
        SourceEngine.Preparation.INDEXING,
        progress);
    List<Path> ok = new ArrayList<>();
    for (Path f : files) {
      Path abs = f.toAbsolutePath().normalize();
      if (t.lines.containsKey(abs)) {
        ok.add(abs);
      }
    }
    t.parsedFiles = List.copyOf(ok);
    t.index.complete();
    t.gatherUsage(progress);
    return t;
  }

  UsageEvidence usage() {
    return usage;
  }

  /**
   * Runs {@code work} on every item, on the engine's threads (as many as it was given: {@code
   * --threads 1} is one thread in every pass), of {@link SourceEngine#WORKER_STACK_BYTES} each: how
   * deep the summaries may nest does not hang on the stack of the thread that asked (a build tool's
   * worker, the common pool's threads), as it would with a parallel stream. {@code work} returns
   * the lines of the item, told to {@code progress} with the items done so far under {@code pass}.
   */
  private <T> void inParallel(
      List<T> items,
      java.util.function.ToIntFunction<T> work,
      String pass,
      SourceEngine.Preparation progress) {
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicLong linesDone = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    Runnable drain =
        () -> {
          try {
            for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null;
                i = next.getAndIncrement()) {
              long lines = linesDone.addAndGet(work.applyAsInt(items.get(i)));
              progress.advanced(pass, done.incrementAndGet(), items.size(), lines);
            }
          } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
          }
        };
    List<Thread> started = new ArrayList<>();
    for (int k = 0; k < threads; k++) {
      Thread t = new Thread(null, drain, "leakguard-index-" + (k + 1), SourceEngine.WORKER_STACK_BYTES);
      t.setDaemon(true);
      t.start();
      started.add(t);
    }
    try {
      for (Thread t : started) {
        t.join();
      }
    } catch (InterruptedException e) {
      started.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing the sources", e);
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error er) {
      throw er;
    }
  }

  /**
   * The first pass over the parsed files: every method that may close something is analysed with
   * undecided results tracked, and the methods whose results it closes are recorded as evidence
   * (see {@link UsageEvidence}). The files go last to first: the units the index pass kept are
   * the last ones, and those this pass keeps are the first ones, where the analysis begins.
   */
  private void gatherUsage(SourceEngine.Preparation progress) {
    probing = true;
    try {
      List<Path> lastFirst = new ArrayList<>(parsedFiles);
      java.util.Collections.reverse(lastFirst);
      inParallel(
          lastFirst,
          f -> {
            CompilationUnit cu = pin(f);
            if (cu == null) {
              return 0;
            }
            try {
              FileContext ctx = context(f, cu);
              UnitFacts facts = UnitFacts.of(cu);
              for (CallableDeclaration<?> d : facts.callables) {
                if (!facts.mayClose(d)) {
                  continue;
                }
                try {
                  probe(ctx, d);
                } catch (RuntimeException | StackOverflowError e) {
                  // the reporting pass tells about a method it cannot analyse
                }
              }
            } finally {
              units.unpin(f);
            }
            return lines.getOrDefault(f, 0);
          },
          SourceEngine.Preparation.TRACING,
          progress);
    } finally {
      probing = false;
      summaries.keepFrom(probeSummaries, k -> !probeSummaries.isTainted(k));
      probeSummaries.clear();
      closedFields.clear();
      // lowered to gather evidence: the reporting pass lowers otherwise
      for (CompilationUnit cu : units.units()) {
        synchronized (cu) {
          cu.removeData(LOWERED);
        }
      }
    }
  }

  private void probe(FileContext ctx, CallableDeclaration<?> d) {
    Lowered kept = takeLowered(ctx.cu, d);
    if (kept == null) {
      String owner = ownerOf(ctx, d);
      if (!mayAcquire(ctx, d, owner, false)) {
        return; // no result to probe
      }
      SourceLowering low = new SourceLowering(ctx, owner);
      low.probes = new java.util.HashMap<>();
      EventGraph g = low.method(d, null);
      kept = new Lowered(d, g, List.of(), low.probes, low.methodId);
    }
    if (kept.probes().isEmpty()) {
      return;
    }
    for (String site : ObligationAnalysis.analyze(kept.graph(), model::implicitClose).closedSites()) {
      String key = kept.probes().get(site);
      if (key != null) {
        usage.recordClosed(key, kept.methodId());
      }
    }
  }

  private final Map<Path, Integer> lines = new ConcurrentHashMap<>();

  TreeIndex index() {
    return index;
  }

  ResourceModel model() {
    return model;
  }

  /** A file read: its unit, or why there is none; its lines, and the nodes of its unit. */
  private record Parsed(CompilationUnit cu, String problem, int lines, int nodes) {
    Parsed(CompilationUnit cu, String problem, int lines) {
      this(cu, problem, lines, 0);
    }
  }

  /** One copy of each name and literal value of the units parsed (see {@link UnitText#compact}). */
  private final Map<String, String> names = new ConcurrentHashMap<>();

  private String name(String s) {
    String kept = names.putIfAbsent(s, s);
    return kept == null ? s : kept;
  }

  private Parsed read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > maxFileBytes) {
        return new Parsed(null, "is larger than " + maxFileBytes + " bytes", 0);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new Parsed(null, "cannot be read: " + e.getMessage(), 0);
    }
    String text;
    try {
      text =
          encoding
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return new Parsed(null, "is not valid " + encoding.name() + " (give the sources' encoding: --encoding)", 0);
    }
    // counted once, when the file is indexed: a unit the cache let go is parsed again, on the
    // JDK's sources three times for each file, and counting took 3 % of the reading
    Integer counted = this.lines.get(file);
    int lines = counted != null ? counted : lineCount(text);
    if (text.isBlank()) {
      return new Parsed(null, "is empty", lines);
    }
    ParseResult<CompilationUnit> r;
    // the text the result was parsed from: a repair parses another one, with the same lines
    String[] parsedText = {text};
    try {
      r = PARSER.get().parse(text);
      if (!r.isSuccessful() || r.getResult().isEmpty()) {
        // what neither level reads is repaired if it can be; otherwise the file is skipped with
        // the Java 25 parser's error (the Java 21 one may only be about newer syntax)
        r =
            ParseRepair.repair(
                text,
                PARSER_25.get().parse(text),
                t -> {
                  parsedText[0] = t;
                  return PARSER_25.get().parse(t);
                });
      }
    } catch (StackOverflowError e) {
      return new Parsed(null, "is nested too deeply to parse with this thread stack size", lines);
    } catch (RuntimeException e) {
      return new Parsed(null, "does not parse: " + e, lines);
    }
    if (!r.isSuccessful() || r.getResult().isEmpty()) {
      String why = r.getProblems().isEmpty() ? "unknown parse error" : r.getProblem(0).getVerboseMessage();
      int nl = why.indexOf('\n');
      return new Parsed(null, "does not parse: " + (nl > 0 ? why.substring(0, nl) : why), lines);
    }
    CompilationUnit cu = r.getResult().get();
    // units are kept for the passes of the analysis: without their tokens, they take less than
    // half; the walk that drops them also finds what the passes look up in the whole unit
    UnitFacts facts = new UnitFacts();
    List<com.github.javaparser.ast.type.ClassOrInterfaceType> vars = new ArrayList<>();
    List<com.github.javaparser.TokenRange> varTokens = new ArrayList<>();
    int[] nodes = {0};
    Nodes.walk(
        cu,
        n -> {
          nodes[0]++;
          if (isVarType(n)) {
            vars.add((com.github.javaparser.ast.type.ClassOrInterfaceType) n);
            varTokens.add(n.getTokenRange().orElse(null));
          }
          UnitText.compact(n, this::name);
          facts.visit(n);
        });
    // the parsers leave var types to this walk (see varTypes)
    replaceWithVarTypes(vars, varTokens, true);
    UnitText.keep(cu, parsedText[0]);
    facts.attachTo(cu);
    return new Parsed(cu, null, lines, nodes[0]);
  }

  /** The lines of a text: its line feeds, plus one for the last line (none for an empty text). */
  private static int lineCount(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    int feeds = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        feeds++;
      }
    }
    return feeds + 1;
  }

  /**
   * The unit of {@code file}, in use until {@code units.unpin(file)}: the one kept, else parsed
   * again; null if it does not parse.
   */
  private CompilationUnit pin(Path file) {
    CompilationUnit cu = units.pin(file);
    if (cu == null) {
      Parsed p = read(file);
      cu = p.cu == null ? null : units.pin(file, p.cu, p.nodes);
    }
    return cu;
  }

  /** The unit of {@code file} for a short look: the one kept, else parsed again (and kept). */
  private CompilationUnit cu(Path file) {
    CompilationUnit cu = units.get(file);
    if (cu == null) {
      Parsed p = read(file);
      cu = p.cu;
      if (cu != null) {
        units.put(file, cu, p.nodes);
      }
    }
    return cu;
  }

  /** The lowering context of another file of the tree, or null if it cannot be parsed. */
  FileContext context(Path file) {
    CompilationUnit cu = cu(file);
    return cu == null ? null : context(file, cu);
  }

  /** A new lowering context for {@code cu}, parsed from {@code file}, with the file's names from the index. */
  private FileContext context(Path file, CompilationUnit cu) {
    Names names = index.names(file);
    return new FileContext(this, file, cu, names != null ? names : Names.of(cu, index));
  }

  /**
   * The fields each class closes, by file and class, as found by a context of the file without
   * depending on unfinished summaries (see {@link FileContext#closesField}); for the current pass.
   */
  private final Map<String, Set<String>> closedFields = new ConcurrentHashMap<>();

  Set<String> keptClosedFields(Path file, String classFq) {
    return closedFields.get(file + "\n" + classFq);
  }

  void keepClosedFields(Path file, String classFq, Set<String> closed) {
    closedFields.putIfAbsent(file + "\n" + classFq, closed);
  }

  /** What the close methods of each class do without summaries, by file and class (see {@link FileContext#fieldsClosedBy}). */
  private final Map<String, FileContext.ClosePlan> closePlans = new ConcurrentHashMap<>();

  FileContext.ClosePlan keptClosePlan(Path file, String classFq) {
    return closePlans.get(file + "\n" + classFq);
  }

  void keepClosePlan(Path file, String classFq, FileContext.ClosePlan plan) {
    closePlans.putIfAbsent(file + "\n" + classFq, plan);
  }

  /**
   * Summaries this thread could not compute (an error on odd code), and those it answered with
   * {@link MethodSummary#UNKNOWN} while lowering ahead (see {@link #lowerAhead}): they are not kept.
   */
  private final ThreadLocal<long[]> failedSummaries = ThreadLocal.withInitial(() -> new long[1]);

  /**
   * How many units a thread's chain of summaries holds before the next one is lowered ahead (see
   * {@link #lowerAhead}), once the tree does not fit the unit cache.
   */
  static final int CHAIN_UNITS = 4;

  /** The units this thread's summaries hold, each while its method is lowered. */
  private final ThreadLocal<int[]> chainUnits = ThreadLocal.withInitial(() -> new int[1]);

  /** While this thread lowers a method ahead: the summaries it asked for that are to be computed. */
  private final ThreadLocal<List<TreeIndex.MethodInfo>> ahead = new ThreadLocal<>();

  /** How many methods were lowered ahead (see {@link #lowerAhead}). */
  private final java.util.concurrent.atomic.AtomicLong loweredAhead = new java.util.concurrent.atomic.AtomicLong();

  long loweredAhead() {
    return loweredAhead.get();
  }

  /**
   * A count that changes when this thread sees a summary that is not final (an UNKNOWN for a
   * method being computed, a summary kept for a while, one that failed): what was derived while
   * it did not change depends on final summaries only.
   */
  long dependence() {
    return (probing ? probeSummaries : summaries).cuts() + failedSummaries.get()[0]
        + (probing ? firstPassOnly.get()[0] : 0);
  }

  /**
   * How many times this thread met, in the first pass, what only that pass decides: a result whose
   * owner the first pass probes and the reporting pass asks the callers' evidence about, or a
   * summary that hangs on one. Counted in {@link #dependence()}, so what is derived from it is not
   * kept. Each such result, and each summary that failed, {@linkplain SummaryMemo#taint taints}
   * the summary being computed: the tainted ones are the first pass's own, and the others, those
   * of cycles too, are what the reporting pass would compute, so it takes them over (see {@link
   * #gatherUsage}). Taking over only the summaries of no cycle left the reporting pass on the JDK's
   * sources a chain of about 90,000 summaries to compute again, for 86 s of 313 s.
   */
  private final ThreadLocal<long[]> firstPassOnly = ThreadLocal.withInitial(() -> new long[1]);

  /**
   * Told by a lowering that a call's result is decided by the evidence of the callers (the first
   * pass probes it instead): what depends on it differs between the passes.
   */
  void decidedByPass() {
    if (probing) {
      firstPassOnly.get()[0]++;
      probeSummaries.taint();
    }
  }

  /**
   * Summary of a method of the tree (computed once; UNKNOWN while it is being computed). One another
   * thread is computing is waited for while the tree fits the unit cache; once it does not, it is
   * computed here too: a waiting thread holds the units of its chain, idle, and on the JDK's
   * sources a chain of the other thread's took minutes.
   */
  MethodSummary summary(TreeIndex.MethodInfo m) {
    return summary(m, !units.leftOut());
  }

  /**
   * As {@link #summary(TreeIndex.MethodInfo)}; unless {@code wait}, one another thread is computing
   * is computed here too (see {@link SummaryMemo#getWithoutWaiting}).
   */
  private MethodSummary summary(TreeIndex.MethodInfo m, boolean wait) {
    String key = m.key();
    boolean first = probing;
    List<TreeIndex.MethodInfo> wanted = ahead.get();
    if (wanted != null) {
      SummaryMemo<String> memo = first ? probeSummaries : summaries;
      if (memo.isKept(key)) {
        used(key, first);
        return memo.get(key, k -> MethodSummary.UNKNOWN);
      }
      if (!memo.isUnderWay(key)) {
        wanted.add(m);
      }
      failedSummaries.get()[0]++;
      return MethodSummary.UNKNOWN;
    }
    try {
      SummaryMemo<String> memo = first ? probeSummaries : summaries;
      MethodSummary s =
          wait
              ? memo.get(key, k -> computeSummary(m, first))
              : memo.getWithoutWaiting(key, k -> computeSummary(m, first));
      used(key, first);
      return s;
    } catch (RuntimeException | StackOverflowError e) {
      failedSummaries.get()[0]++;
      if (first) {
        probeSummaries.taint(); // an UNKNOWN the reporting pass may not meet
      }
      return MethodSummary.UNKNOWN;
    }
  }

  /** Notes that a lowering used the summary of {@code key}: one of the first pass's own counts. */
  private void used(String key, boolean first) {
    if (first && probeSummaries.isTainted(key)) {
      firstPassOnly.get()[0]++;
    }
  }

  private MethodSummary computeSummary(TreeIndex.MethodInfo m, boolean first) {
    int[] held = chainUnits.get();
    if (held[0] >= CHAIN_UNITS && units.leftOut()) {
      MethodSummary s = lowerAhead(m, first);
      if (s != null) {
        return s;
      }
    }
    CompilationUnit cu = pin(m.file());
    if (cu == null) {
      return MethodSummary.UNKNOWN;
    }
    held[0]++;
    try {
      return computeSummary(m, first, cu);
    } finally {
      held[0]--;
      units.unpin(m.file());
    }
  }

  /**
   * Computes the summaries {@code m}'s lowering will ask for before it is lowered, holding no unit
   * meanwhile: its unit is lowered once to find the calls whose summaries are not kept yet (their
   * answers unknown), let go, and their summaries computed, each of a method that may do the same;
   * null then, and the lowering proper finds them kept. When every summary it asked for was kept,
   * that lowering is the lowering proper, and this returns the summary.
   *
   * <p>Each level of a chain of summaries otherwise holds its method's unit while the methods it
   * calls are summarised: on the JDK's sources, chains hundreds of methods deep held about 900
   * units, more than the heap left to the cache, and every summary off the chain parsed its file
   * again. Lowering ahead may cost a second lowering, so it is done only past {@link #CHAIN_UNITS}
   * units held, and only once the tree does not fit the cache. The summaries are computed in the
   * order the lowering asks for them, as they would be in the middle of it.
   */
  private MethodSummary lowerAhead(TreeIndex.MethodInfo m, boolean first) {
    CompilationUnit cu = pin(m.file());
    if (cu == null) {
      return MethodSummary.UNKNOWN;
    }
    List<TreeIndex.MethodInfo> wanted = new ArrayList<>();
    loweredAhead.incrementAndGet();
    try {
      CallableDeclaration<?> d = callableAt(cu, m.line(), m.column());
      if (d == null) {
        return computeSummary(m, first, cu);
      }
      long dependence = dependence();
      Lowering l;
      ahead.set(wanted);
      try {
        l = lower(m, first, cu, d);
      } catch (RuntimeException | StackOverflowError e) {
        return null; // the lowering proper meets it again, and tells
      } finally {
        ahead.remove();
      }
      if (dependence() == dependence) {
        // every summary it asked for was kept: the lowering proper
        return summarize(m, first, cu, d, l, true);
      }
    } finally {
      units.unpin(m.file());
    }
    // those another thread is computing go last, and are computed here too rather than waited
    // for: in a chain two threads go down, each takes the branches the other has not taken yet,
    // and one that waited would hold its units, idle, for as long as the other's branch takes
    SummaryMemo<String> memo = first ? probeSummaries : summaries;
    List<TreeIndex.MethodInfo> elsewhere = new ArrayList<>();
    for (TreeIndex.MethodInfo w : wanted) {
      if (memo.isUnderWayElsewhere(w.key())) {
        elsewhere.add(w);
      } else {
        summary(w);
      }
    }
    for (TreeIndex.MethodInfo w : elsewhere) {
      summary(w, false);
    }
    return null;
  }

  /** A method lowered for its summary: the lowering, its graph and its parameters' variables. */
  private record Lowering(SourceLowering low, EventGraph graph, List<String> params) {}

  private Lowering lower(TreeIndex.MethodInfo m, boolean first, CompilationUnit cu, CallableDeclaration<?> d) {
    FileContext ctx = context(m.file(), cu);
    List<String> params = new ArrayList<>();
    // a method of an anonymous class belongs to its outer type, as for the analysis
    SourceLowering low = new SourceLowering(ctx, ownerOf(ctx, d));
    if (first) {
      low.probes = new java.util.HashMap<>();
    }
    return new Lowering(low, low.method(d, params), params);
  }

  private MethodSummary computeSummary(TreeIndex.MethodInfo m, boolean first, CompilationUnit cu) {
    CallableDeclaration<?> d = callableAt(cu, m.line(), m.column());
    if (d != null) {
      long dependence = dependence();
      Lowering l = lower(m, first, cu, d);
      boolean isFinal = dependence() == dependence;
      return summarize(m, first, cu, d, l, isFinal);
    }
    for (com.github.javaparser.ast.body.RecordDeclaration r : UnitFacts.of(cu).records) {
      for (com.github.javaparser.ast.body.Parameter component : r.getParameters()) {
        if (component.getBegin().isPresent()
            && component.getBegin().get().line == m.line()
            && component.getBegin().get().column == m.column()
            && component.getNameAsString().equals(m.name())) {
          return RECORD_ACCESSOR;
        }
      }
    }
    return MethodSummary.UNKNOWN;
  }

  /** The summary of {@code m} lowered as {@code l}; {@code isFinal}: every summary the lowering saw was. */
  private MethodSummary summarize(
      TreeIndex.MethodInfo m, boolean first, CompilationUnit cu, CallableDeclaration<?> d, Lowering l, boolean isFinal) {
    SourceLowering low = l.low();
    if (isFinal && (first || !analysed.contains(m.file()))) {
      // the method's own analysis (or probe) in this pass would lower it the same (and is still
      // to come)
      loweredOf(cu)
          .put(
              position(m.line(), m.column()),
              new Lowered(d, l.graph(), first ? List.of() : List.copyOf(low.lambdas), low.probes, low.methodId));
    }
    MethodSummary s = graphSummaries.summarize(l.graph(), l.params());
    if (returnsThis(d)) {
      s = s.returningReceiver();
    }
    return low.sawUnresolvedCall ? s.mayThrow() : s;
  }

  /**
   * A method lowered for its summary: its graph, the lambdas in its body (reporting pass), what
   * its probed results are (first pass: see {@link SourceLowering#probes}) and its id.
   */
  private record Lowered(
      CallableDeclaration<?> method,
      EventGraph graph,
      List<LambdaExpr> lambdas,
      Map<String, String> probes,
      String methodId) {}

  /**
   * Graphs lowered for a summary with final summaries only, by where their method begins ({@link
   * #position}), kept with the method's unit until its own analysis in the reporting pass, or its
   * probe in the first pass, which then need not lower the method again: about a third of the
   * lowerings of the reporting pass. They go with their unit when the cache lets it go (a unit
   * parsed again has other nodes), and are dropped between the passes, which lower differently.
   */
  private static final com.github.javaparser.ast.DataKey<Map<Long, Lowered>> LOWERED =
      new com.github.javaparser.ast.DataKey<>() {};

  /** The graphs kept for the methods of {@code cu} (see {@link #LOWERED}). */
  private static Map<Long, Lowered> loweredOf(CompilationUnit cu) {
    // units are shared by the threads that compute summaries across files
    synchronized (cu) {
      if (!cu.containsData(LOWERED)) {
        cu.setData(LOWERED, new ConcurrentHashMap<>());
      }
      return cu.getData(LOWERED);
    }
  }

  /**
   * The files whose analysis has begun: a graph lowered for the summary of one of their methods
   * would not be taken, and is not kept (about 500 of bench/source's were left over before).
   */
  private final Set<Path> analysed = ConcurrentHashMap.newKeySet();

  /** The graph kept for {@code d} of {@code file}, if any (taken: it is used once). */
  private static Lowered takeLowered(CompilationUnit cu, CallableDeclaration<?> d) {
    if (d.getBegin().isEmpty()) {
      return null;
    }
    Map<Long, Lowered> kept;
    synchronized (cu) {
      kept = cu.containsData(LOWERED) ? cu.getData(LOWERED) : null;
    }
    if (kept == null || kept.isEmpty()) {
      return null;
    }
    com.github.javaparser.Position begin = d.getBegin().get();
    Lowered l = kept.remove(position(begin.line, begin.column));
    return l != null && l.method() == d ? l : null;
  }

  private static final com.github.javaparser.ast.DataKey<Map<Long, CallableDeclaration<?>>> CALLABLES =
      new com.github.javaparser.ast.DataKey<>() {};

  /**
   * The method or constructor of {@code cu} that begins at this line and column, or null; the
   * unit's methods are looked up by position from a map made once, not by a walk per summary.
   */
  private static CallableDeclaration<?> callableAt(CompilationUnit cu, int line, int column) {
    Map<Long, CallableDeclaration<?>> byPosition;
    // units are shared by the threads that compute summaries across files
    synchronized (cu) {
      if (!cu.containsData(CALLABLES)) {
        Map<Long, CallableDeclaration<?>> found = new java.util.HashMap<>();
        for (CallableDeclaration<?> d : UnitFacts.of(cu).callables) {
          d.getBegin().ifPresent(b -> found.putIfAbsent(position(b.line, b.column), d));
        }
        cu.setData(CALLABLES, found);
      }
      byPosition = cu.getData(CALLABLES);
    }
    return byPosition.get(position(line, column));
  }

  private static long position(int line, int column) {
    return ((long) line << 32) | (column & 0xffffffffL);
  }

  /** A record's implicit accessor returns its field: the caller borrows it, and it never throws. */
  private static final MethodSummary RECORD_ACCESSOR =
      new MethodSummary(Set.of(), Set.of(), false, true, -1, Set.of(), false, false, -1, true);

  /** True if every return of {@code d}'s own body returns {@code this} (a fluent method). */
  private static boolean returnsThis(CallableDeclaration<?> d) {
    int own = 0;
    for (com.github.javaparser.ast.stmt.ReturnStmt r : Nodes.findAll(d, com.github.javaparser.ast.stmt.ReturnStmt.class)) {
      com.github.javaparser.ast.Node scope = r.getParentNode().orElse(null);
      while (scope != null && !(scope instanceof CallableDeclaration<?>)
          && !(scope instanceof com.github.javaparser.ast.expr.LambdaExpr)
          && !(scope instanceof com.github.javaparser.ast.body.TypeDeclaration<?>)
          && !(scope instanceof com.github.javaparser.ast.expr.ObjectCreationExpr)) {
        scope = scope.getParentNode().orElse(null);
      }
      if (scope != d) {
        continue; // a return of a lambda or a nested class
      }
      com.github.javaparser.ast.expr.Expression e = r.getExpression().orElse(null);
      while (e != null && (e.isEnclosedExpr() || e.isCastExpr())) {
        e = e.isEnclosedExpr() ? e.asEnclosedExpr().getInner() : e.asCastExpr().getExpression();
      }
      if (!(e instanceof com.github.javaparser.ast.expr.ThisExpr t) || t.getTypeName().isPresent()) {
        return false;
      }
      own++;
    }
    return own > 0;
  }

  SourceEngine.FileResult analyze(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    String path = (abs.startsWith(root) ? root.relativize(abs) : abs).toString().replace('\\', '/');
    Parsed p = unparsable.get(abs);
    CompilationUnit cu = p == null ? units.pin(abs) : null;
    if (p == null && cu == null) {
      p = read(abs);
      // the summaries its analysis asks for need it too
      cu = p.cu == null ? null : units.pin(abs, p.cu, p.nodes);
    }
    if (cu == null) {
      return new SourceEngine.FileResult(file, path, List.of(), p.problem, p.lines, List.of());
    }
    try {
      return analyze(file, abs, path, cu, p != null ? p.lines : lines.getOrDefault(abs, 0));
    } finally {
      units.unpin(abs);
    }
  }

  private SourceEngine.FileResult analyze(Path file, Path abs, String path, CompilationUnit cu, int lineCount) {
    analysed.add(abs);
    FileContext ctx = context(abs, cu);
    PoolLowering pools = new PoolLowering(new Declarations(ctx.names, index, cu));
    List<ReportedFinding> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (CallableDeclaration<?> d : UnitFacts.of(cu).callables) {
      boolean hasBody = d instanceof ConstructorDeclaration || ((MethodDeclaration) d).getBody().isPresent();
      if (!hasBody) {
        continue;
      }
      String owner = ownerOf(ctx, d);
      List<String> params = new ArrayList<>();
      for (com.github.javaparser.ast.body.Parameter prm : d.getParameters()) {
        params.add(ctx.names.typeName(prm.getType()) + (prm.isVarArgs() ? "[]" : ""));
      }
      String signature =
          ReportedFinding.methodSignature(
              owner, d instanceof ConstructorDeclaration ? "<init>" : d.getNameAsString(), params);
      Set<String> suppressed = suppressedIds(d);
      try {
        List<ReportedFinding> found = new ArrayList<>();
        analyzeBody(ctx, abs, d, owner, signature, path, found);
        keepUnsuppressed(found, suppressed, out);
      } catch (RuntimeException | StackOverflowError e) {
        notes.add("method " + signature + " could not be analysed (" + e + ")");
      }
      try {
        keepUnsuppressed(pools.check(d, signature, path, poolSizeCeiling), suppressed, out);
      } catch (RuntimeException | StackOverflowError e) {
        notes.add("the pool settings of method " + signature + " could not be checked (" + e + ")");
      }
    }
    out.sort(Comparator.comparingInt(ReportedFinding::line).thenComparing(f -> f.id().name()));
    return new SourceEngine.FileResult(file, path, out, null, lineCount, notes);
  }

  private static void keepUnsuppressed(List<ReportedFinding> found, Set<String> suppressed, List<ReportedFinding> out) {
    for (ReportedFinding f : found) {
      if (!suppressed.contains(f.id().name())) {
        out.add(f);
      }
    }
  }

  private void analyzeBody(
      FileContext ctx,
      Path file,
      CallableDeclaration<?> d,
      String owner,
      String signature,
      String path,
      List<ReportedFinding> out) {
    Lowered kept = takeLowered(ctx.cu, d);
    EventGraph g;
    List<LambdaExpr> lambdas;
    if (kept != null) {
      g = kept.graph();
      lambdas = kept.lambdas();
    } else if (!mayAcquire(ctx, d, owner, true)) {
      return; // nothing in it can be a leak
    } else {
      SourceLowering low = new SourceLowering(ctx, owner);
      g = low.method(d, null);
      lambdas = low.lambdas;
    }
    collect(ObligationAnalysis.analyze(g, model::implicitClose), signature, path, out);
    lowerLambdas(
        ctx,
        owner,
        lambdas,
        false,
        (ll, lg) -> {
          collect(ObligationAnalysis.analyze(lg, model::implicitClose), signature, path, out);
          return true;
        });
  }

  /**
   * Lowers each of {@code lambdas}, then the lambdas in their bodies, one at a time, while {@code
   * each} (told the lowering and its graph) returns true; {@code scouting}: see {@link
   * SourceLowering#scouting}.
   */
  private static void lowerLambdas(
      FileContext ctx,
      String owner,
      List<LambdaExpr> lambdas,
      boolean scouting,
      java.util.function.BiPredicate<SourceLowering, EventGraph> each) {
    Deque<LambdaExpr> todo = new ArrayDeque<>(lambdas);
    while (!todo.isEmpty()) {
      SourceLowering ll = new SourceLowering(ctx, owner);
      ll.scouting = scouting;
      EventGraph lg = ll.lambda(todo.poll());
      if (!each.test(ll, lg)) {
        return;
      }
      todo.addAll(ll.lambdas);
    }
  }

  /**
   * True if the body of {@code d} ({@code withLambdas}: and the bodies of its lambdas) has a call
   * that may acquire (see {@link SourceLowering#mayAcquire}): only then can its analysis, or its
   * probe, find anything. Most bodies of a tree have none (on hibernate-core, about 42,000 of the
   * 43,000 the reporting pass would lower), and this is told by a lowering that computes no
   * summary: which calls may acquire does not hang on them, and those its lowering asks for are
   * answered as when lowering ahead (kept, else unknown). A body it cannot lower may acquire: its
   * lowering proper tells why.
   */
  private boolean mayAcquire(FileContext ctx, CallableDeclaration<?> d, String owner, boolean withLambdas) {
    List<TreeIndex.MethodInfo> previous = ahead.get();
    ahead.set(new ArrayList<>());
    try {
      SourceLowering low = new SourceLowering(ctx, owner);
      low.scouting = true;
      if (probing) {
        low.probes = new java.util.HashMap<>();
      }
      low.method(d, null);
      if (low.mayAcquire || !withLambdas) {
        return low.mayAcquire;
      }
      boolean[] found = {false};
      lowerLambdas(ctx, owner, low.lambdas, true, (ll, lg) -> !(found[0] = ll.mayAcquire));
      return found[0];
    } catch (RuntimeException | StackOverflowError e) {
      return true;
    } finally {
      if (previous == null) {
        ahead.remove();
      } else {
        ahead.set(previous);
      }
    }
  }

  /**
   * How the methods of {@code file} with a body fare with the prefilter of the analysis ({@link
   * #mayAcquire}): how many it skips, and those it skips though their lowering, lambdas included,
   * acquires (which it must never do).
   */
  record Prefiltered(int methods, int skipped, List<String> skippedThoughAcquiring) {}

  Prefiltered prefiltered(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    CompilationUnit cu = pin(abs);
    if (cu == null) {
      return new Prefiltered(0, 0, List.of());
    }
    try {
      FileContext ctx = context(abs, cu);
      int methods = 0;
      int skipped = 0;
      List<String> wrong = new ArrayList<>();
      for (CallableDeclaration<?> d : UnitFacts.of(cu).callables) {
        if (d instanceof MethodDeclaration md && md.getBody().isEmpty()) {
          continue;
        }
        methods++;
        String owner = ownerOf(ctx, d);
        if (mayAcquire(ctx, d, owner, true)) {
          continue;
        }
        skipped++;
        SourceLowering low = new SourceLowering(ctx, owner);
        boolean[] acquires = {low.method(d, null).acquires()};
        lowerLambdas(ctx, owner, low.lambdas, false, (ll, lg) -> !(acquires[0] |= lg.acquires()));
        if (acquires[0]) {
          wrong.add(owner + "." + d.getNameAsString() + " at line " + d.getBegin().map(b -> b.line).orElse(0));
        }
      }
      return new Prefiltered(methods, skipped, wrong);
    } finally {
      units.unpin(abs);
    }
  }

  private static void collect(AnalysisResult r, String signature, String path, List<ReportedFinding> out) {
    for (Finding f : r.findings()) {
      Node call = (Node) f.site().position();
      out.add(
          new ReportedFinding(
              path,
              f.line(),
              f.id(),
              f.message(),
              ReportedFinding.fingerprintOf(f.id(), signature, f.site().typeName(), call.toString()),
              List.of("source"),
              f.severity()));
    }
  }

  /**
   * Ids named by {@code @SuppressWarnings} on the method or any enclosing class, as Error Prone
   * reads them (the source engine must agree with the build).
   */
  private static Set<String> suppressedIds(Node d) {
    Set<String> ids = new HashSet<>();
    for (Node n = d; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof com.github.javaparser.ast.nodeTypes.NodeWithAnnotations<?> a) {
        for (com.github.javaparser.ast.expr.AnnotationExpr ann : a.getAnnotations()) {
          String name = ann.getNameAsString();
          if (!name.equals("SuppressWarnings") && !name.equals("java.lang.SuppressWarnings")) {
            continue;
          }
          for (com.github.javaparser.ast.expr.StringLiteralExpr lit :
              Nodes.findAll(ann, com.github.javaparser.ast.expr.StringLiteralExpr.class)) {
            ids.add(lit.getValue());
          }
        }
      }
    }
    return ids;
  }

  /** The class a body belongs to: its type declaration (anonymous classes count as their outer type). */
  private static String ownerOf(FileContext ctx, Node d) {
    for (Node n = d.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof TypeDeclaration<?> t) {
        return ctx.fqOf(t);
      }
      if (n instanceof ObjectCreationExpr) {
        continue;
      }
    }
    return "?";
  }
}
