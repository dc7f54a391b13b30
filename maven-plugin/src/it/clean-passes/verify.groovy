evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
check(log.contains('BUILD SUCCESS'), 'the build should pass')
check((log =~ /LeakGuard: 0 findings in clean-passes \(1 source file, engines: errorprone, (source|spotbugs)\)/).find(), 'summary with the default engines')
check(!log.contains('did not compile'), 'the analysis compiled the ISO-8859-1 sources without errors')
check(!log.contains('did not run'), 'every engine ran')

// the forked compilation repeats the module's settings
def args = new File(basedir, 'target/leakguard/errorprone.args').getText('UTF-8').readLines()
def after = { String opt -> args[args.indexOf('"' + opt + '"') + 1] }
checkEq(after('--release'), '"11"', '--release of the analysis compilation')
checkEq(after('-encoding'), '"ISO-8859-1"', '-encoding of the analysis compilation')

def sarif = readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))
checkEq(results(sarif), [], 'SARIF results')
checkEq(sarif.runs[0].invocations[0].properties.engines[0], 'errorprone', 'engines that ran')
checkEq(sarif.runs[0].invocations[0].toolExecutionNotifications, [], 'no engine failed')
true
