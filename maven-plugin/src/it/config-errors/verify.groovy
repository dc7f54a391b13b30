evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def model = new File(basedir, 'pools.model').canonicalPath
// run 1: the model file's path and line 3 (the unclosed parameter list), and where the format is documented
def m = (log =~ /\[ERROR\] Failed to execute goal dev\.leakguard:leakguard-maven-plugin:[^ ]+:check \(default\) on project config-errors: LeakGuard: the model file given in leakguard\.modelFiles is not valid: (.*)/)
check(m.find(), 'run 1 fails with the model error')
check(m.group(1).startsWith("${model}:3: "), "the error names file and line: ${m.group(1)}")
check(m.group(1).contains('(format: docs/model-format.md)'), 'points at the format')
// run 2: the bad name and the valid names
check(log.contains("LeakGuard: unknown LeakGuard engine 'spotbug' in leakguard.engines; valid engine names: errorprone, spotbugs, source"),
      'run 2 names the bad engine and the valid ones')
// run 3: the bad ceiling, what it means and its default
check(log.contains('LeakGuard: leakguard.poolSizeCeiling must be at least 2, not 1 (it is the largest maximum pool size'
        + ' accepted without a JdbcPoolSizeOutOfRange finding; default 100)'), 'run 3 names the bad ceiling')
// no run got as far as analysing
check(!log.contains('LeakGuard ['), 'no engine ran')
true
