evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def prefix = repoPrefix()

// run 1: the baseline file, in the command line's format, fingerprints without line numbers
def file = new File(basedir, 'leakguard-baseline.txt')
check(file.isFile(), 'leakguard:baseline wrote leakguard-baseline.txt')
def lines = file.getText('UTF-8').readLines()
checkEq(lines[0], '# LeakGuard baseline, format 1', 'header')
def entries = lines.findAll { !it.startsWith('#') && !it.isBlank() }.collect { it.split('\t') }
checkEq(entries.size(), 1, "one line for the one finding: ${entries}")
entries.each { e ->
    checkEq(e.size(), 4, 'columns')
    check(e[0] ==~ /[0-9a-f]{32}(,[0-9a-f]{32})*/, "the fingerprints of the engines that saw it: ${e[0]}")
    checkEq(e[1], 'JdbcConnectionLeak', 'check id')
    checkEq(e[2], prefix + 'src/main/java/legacy/ReportDao.java', 'path')
    check(!e[3].contains('line 1'), 'message')
}
check(log.contains('LeakGuard: wrote a baseline of 1 finding (1 error) to ' + file.canonicalPath), 'baseline goal output')

// run 2: the baselined code passes
check(log.contains('LeakGuard: 0 findings in baseline (1 source file, engines: errorprone, source); 1 accepted by the baseline'),
      'run 2 accepts the old leak')

// run 3: the old leak moved down (still accepted), the new one fails the build
def next = new File(basedir, 'src/next/java/legacy/ReportDao.java')
def newLine = markedLines(next, 'LEAK JdbcConnectionLeak (new)')[0]
def oldLine = markedLines(next, 'LEAK JdbcConnectionLeak (accepted)')[0]
check(oldLine != markedLines(new File(basedir, 'src/main/java/legacy/ReportDao.java'), 'LEAK')[0], 'the old leak did move')
def nextPath = prefix + 'src/next/java/legacy/ReportDao.java'
check(log.contains("LeakGuard found 1 leak at or above severity 'error' in baseline (JdbcConnectionLeak):"), 'run 3 fails for one leak')
check(log.contains("[ERROR]   ${nextPath}:${newLine}: [JdbcConnectionLeak] "), 'run 3 names the new leak')
check(!log.contains("${nextPath}:${oldLine}: [JdbcConnectionLeak]"), 'the moved old leak is still accepted')
check(log.contains('1 finding (1 error) in baseline (1 source file, engines: errorprone, source); 1 accepted by the baseline'), 'run 3 summary')
checkEq(results(readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))), ["${nextPath}:${newLine}:JdbcConnectionLeak".toString()], 'SARIF of run 3')
true
