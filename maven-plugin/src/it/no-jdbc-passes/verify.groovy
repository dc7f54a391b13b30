evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
check(log.contains('BUILD SUCCESS'), 'the build should pass')
check(log.contains('LeakGuard [errorprone]: no source file of no-jdbc-passes names a JDBC resource type; nothing to compile'),
      'the Error Prone engine saw there is nothing to do')
check(!new File(basedir, 'target/leakguard/errorprone.args').exists(), 'no forked compilation')
check(log.contains('LeakGuard: 0 findings in no-jdbc-passes (1 source file, engines: errorprone, source)'), 'summary')
checkEq(results(readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))), [], 'SARIF results')
true
