evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def prefix = repoPrefix()
def at = { String pkg, String cls ->
    def rel = "src/main/java/app/${pkg}/${cls}.java"
    "${prefix}${rel}:${markedLines(new File(basedir, rel), 'LEAK')[0]}:JdbcConnectionLeak".toString()
}
// run 1: legacy and generated excluded
checkEq(results(readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))), [at('modern', 'ModernDao')], 'run 1 reports only modern')
check(log.contains('LeakGuard: 1 finding (1 error) in include-exclude (3 source files, engines: errorprone, source); 2 in excluded files'), 'run 1 summary')
// run 2: only legacy
checkEq(results(readSarif(new File(basedir, 'target/legacy-only.sarif'))), [at('legacy', 'LegacyDao')], 'run 2 reports only legacy')
check(log.contains('LeakGuard: 1 finding (1 error) in include-exclude (3 source files, engines: errorprone, source); 2 in excluded files'), 'run 2 summary')
check(log.contains("LeakGuard found 1 leak at or above severity 'error' in include-exclude (JdbcConnectionLeak):\n[ERROR]   ${prefix}src/main/java/app/legacy/LegacyDao.java:"),
      'run 2 fails on the legacy leak')
true
