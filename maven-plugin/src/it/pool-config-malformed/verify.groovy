evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def prefix = repoPrefix()
def ymlPath = prefix + 'src/main/resources/application.yml'
def propsPath = prefix + 'src/main/resources/application-prod.properties'
def javaPath = prefix + 'src/main/java/shop/ReportDao.java'
def badLine = markedLines(new File(basedir, 'src/main/resources/application.yml'), 'MALFORMED')[0]
def stmtLine = markedLines(new File(basedir, 'src/main/java/shop/ReportDao.java'), 'LEAK JdbcStatementLeak')[0]
def props = poolLabels(new File(basedir, 'src/main/resources/application-prod.properties'))
checkEq(props.size(), 1, "labels: ${props}")

// run 1: one warning names the file and the line; the build goes on
def warnings = log.readLines().findAll { it.contains('its pool settings are not checked') }
checkEq(warnings.size(), 1, "one warning for the malformed file, in run 1 only: ${warnings}")
check(warnings[0].startsWith("[WARNING] LeakGuard [config]: ${ymlPath}:${badLine}: not valid YAML: "), warnings[0])
check(!log.contains('BUILD FAILURE'), 'neither run fails')
// the other configuration file and the Java code are still checked and reported
check(log.contains("[WARNING] ${propsPath}:${props[0].split(':')[0]}: [JdbcPoolLeakDetectionIgnored] "), 'the other file is still checked')
check(log.contains("[WARNING] ${javaPath}:${stmtLine}: [JdbcStatementLeak] "), 'the Java code is still checked')
check(log.contains('LeakGuard: 2 findings (2 warnings) in pool-config-malformed (1 source file, 2 configuration files, engines: source, config)'),
      'run 1 summary')
check(!log.contains("${ymlPath}:${badLine}: [Jdbc"), 'no finding from the malformed file')
def sarif = readSarif(new File(basedir, 'target/run1/leakguard.sarif'))
checkEq(results(sarif), ["${javaPath}:${stmtLine}:JdbcStatementLeak", "${propsPath}:${props[0]}"]*.toString().sort(), 'SARIF of run 1')

// run 2: leakguard.poolConfig=false reads no configuration file
check(log.contains('LeakGuard: 1 finding (1 warning) in pool-config-malformed (1 source file, engines: source)'), 'run 2 summary')
checkEq(results(readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))), ["${javaPath}:${stmtLine}:JdbcStatementLeak".toString()],
        'SARIF of run 2')
true
