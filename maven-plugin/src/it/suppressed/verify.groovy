evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
check(log.contains('BUILD SUCCESS'), 'the build should pass: every finding is suppressed')
check(log.contains('LeakGuard: 0 findings in suppressed (1 source file, engines: errorprone, source)'), 'summary')
checkEq(results(readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))), [], 'SARIF results')
true
