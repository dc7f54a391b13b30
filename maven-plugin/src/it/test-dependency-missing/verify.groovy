evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
// run 1: the main sources are analysed, the test scope is not resolved
check(log.contains('LeakGuard: 0 findings in test-dependency-missing (1 source file, engines: errorprone, source)'),
      'run 1 analyses the main sources without the test dependencies')
// run 2: the test class path is needed now, and its missing dependency is named
check(log.contains('LeakGuard: the test dependencies of test-dependency-missing cannot be resolved, and leakguard.includeTests=true needs them'),
      'run 2 names why it cannot go on')
check(log.contains('test-helpers-nowhere'), 'run 2 names the missing dependency')
true
