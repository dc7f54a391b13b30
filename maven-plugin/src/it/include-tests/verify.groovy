evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def prefix = repoPrefix()
def rel = 'src/test/java/shop/TestDatabase.java'
def line = markedLines(new File(basedir, rel), 'LEAK JdbcConnectionLeak')[0]
// run 1: main sources only
check(log.contains('LeakGuard: 0 findings in include-tests (1 source file, engines: errorprone)'), 'run 1 analyses the main sources only')
// run 2: the test sources too, compiled against the main sources and the test class path
check(log.contains('LeakGuard [errorprone]: compiling 2 files of include-tests'), 'run 2 compiles main and test sources')
check(!log.contains('did not compile'), 'the test sources compiled in the analysis (main classes and jsr305 found)')
check(log.contains("LeakGuard found 1 leak at or above severity 'error' in include-tests (JdbcConnectionLeak):\n[ERROR]   ${prefix}${rel}:${line}: [JdbcConnectionLeak] "),
      'run 2 fails on the leak in the test helper')
checkEq(results(readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))), ["${prefix}${rel}:${line}:JdbcConnectionLeak".toString()], 'SARIF of run 2')
true
