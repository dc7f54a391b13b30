evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
check(log.contains('BUILD SUCCESS'), 'the build should pass')
// application.yml, config/application-staging.properties and dbcp.properties; not messages.properties,
// the excluded local/application.yml or the test resources
check(log.contains('LeakGuard: 0 findings in pool-config-passes (1 source file, 3 configuration files, engines: source, config)'),
      'summary: three configuration files checked, no finding')
check(log.contains('LeakGuard [config]: 0 findings in 3 configuration files of pool-config-passes'), 'progress: config')
check(!log.contains('JdbcPool'), 'no pool finding anywhere in the log')
check(!log.contains('not checked'), 'every configuration file was read')

def sarif = readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))
checkEq(results(sarif), [], 'SARIF results')
checkEq(sarif.runs[0].invocations[0].properties.engines, ['source', 'config'], 'engines that ran')
def text = new File(basedir, 'target/leakguard/leakguard.txt').getText('UTF-8').readLines()
check(text.contains('engine config: 0 findings in 3 files'), "text report engine line: ${text}")
true
