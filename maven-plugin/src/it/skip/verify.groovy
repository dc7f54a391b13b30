evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
check(log.contains('BUILD SUCCESS'), 'the build should pass')
check(log.contains('[INFO] LeakGuard: skipped (leakguard.skip)'), 'says it skipped')
check(!log.contains('LeakGuard ['), 'no engine ran')
check(!new File(basedir, 'target/leakguard').exists(), 'no report written')
true
