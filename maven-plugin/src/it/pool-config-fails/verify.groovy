evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def prefix = repoPrefix()
def javaPath = prefix + 'src/main/java/shop/OrderDao.java'
def ymlPath = prefix + 'src/main/resources/application.yml'
def dbcpPath = prefix + 'src/main/resources/dbcp.properties'
def leakLine = markedLines(new File(basedir, 'src/main/java/shop/OrderDao.java'), 'LEAK JdbcConnectionLeak')[0]
def yml = poolLabels(new File(basedir, 'src/main/resources/application.yml'))
def dbcp = poolLabels(new File(basedir, 'src/main/resources/dbcp.properties'))
checkEq(yml.size(), 2, "labels of application.yml: ${yml}")
checkEq(dbcp.size(), 2, "labels of dbcp.properties: ${dbcp}")
def line = { String label -> label.split(':')[0] }
def expected = (["${javaPath}:${leakLine}:JdbcConnectionLeak"] + yml.collect { "${ymlPath}:${it}" } + dbcp.collect { "${dbcpPath}:${it}" })*.toString()

// run 1: the leak and the error-level pool settings fail the build, each named at its line
check(log.contains('BUILD FAILURE'), 'run 1 fails')
check(log.contains("LeakGuard found 1 leak and 3 misconfigured pool settings at or above severity 'error' in pool-config-fails"
        + ' (JdbcConnectionLeak, JdbcPoolSizeOutOfRange, JdbcPoolUnboundedWait):'), 'failure message with the counts')
check(log.contains("[ERROR]   ${ymlPath}:${line(yml[0])}: [JdbcPoolSizeOutOfRange] spring.datasource.hikari.maximum-pool-size=80 in ${ymlPath}"
        + ' lets HikariCP open up to 80 connections, above the ceiling of 50'), 'the size, against the configured ceiling')
check(log.contains("[ERROR]   ${ymlPath}:${line(yml[1])}: [JdbcPoolUnboundedWait] spring.datasource.hikari.connection-timeout=0 in ${ymlPath}"
        + " (profile 'prod') makes a borrower wait"), 'the wait of the prod profile document')
check(log.contains("[ERROR]   ${dbcpPath}:${line(dbcp[0])}: [JdbcPoolUnboundedWait] maxWaitMillis=-1 in ${dbcpPath}"), 'the wait of dbcp.properties')
check(log.contains("[WARNING] ${dbcpPath}:${line(dbcp[1])}: [JdbcPoolAbandonedMisconfigured] removeAbandonedTimeout=30 in ${dbcpPath}"),
      'the warning-level setting is logged as a warning')
check(log.contains("suppress a setting you have reviewed with the comment '# leakguard:ignore JdbcPoolSizeOutOfRange' on the line before it"),
      'failure message says how to suppress a setting')
check(log.contains('@SuppressWarnings("JdbcConnectionLeak")'), 'failure message says how to suppress the leak')
check(log.contains('LeakGuard: 5 findings (4 errors, 1 warning) in pool-config-fails (1 source file, 2 configuration files,'
        + ' engines: errorprone, source, config)'), 'run 1 summary')
check(log.contains('LeakGuard [config]: 4 findings in 2 configuration files of pool-config-fails'), 'progress: config')
check(!log.contains('JdbcPoolLeakDetectionIgnored'), "the setting under '# leakguard:ignore' is not reported")
check(!log.contains('src/test/resources/application.yml:'), 'test resources are not checked')
check(!log.contains('not checked'), 'every configuration file was read')

// run 1's reports: SARIF (valid, every finding, the configuration ones seen by the config checks)
def sarif = readSarif(new File(basedir, 'target/run1/leakguard.sarif'))
checkEq(results(sarif), expected.sort(), 'SARIF results')
sarif.runs[0].results.findAll { it.ruleId.startsWith('JdbcPool') }.each { r ->
    checkEq(r.properties.engines, ['config'], "engines of ${r.ruleId}")
}
def rules = sarif.runs[0].tool.driver.rules*.id
['JdbcPoolSizeOutOfRange', 'JdbcPoolUnboundedWait', 'JdbcPoolAbandonedMisconfigured'].each {
    check(it in rules, "SARIF rule ${it}: ${rules}")
}
checkEq(sarif.runs[0].invocations[0].properties.engines, ['errorprone', 'source', 'config'], 'SARIF: engines that ran')

// the text report
def text = new File(basedir, 'target/run1/leakguard.txt').getText('UTF-8').readLines()
check(text.any { it.startsWith("${ymlPath}:${line(yml[0])}: error: [JdbcPoolSizeOutOfRange] ") && it.endsWith('{config}') }, "text report: ${text}")
check(text.any { it.startsWith("${dbcpPath}:${line(dbcp[1])}: warning: [JdbcPoolAbandonedMisconfigured] ") }, "text report: ${text}")
check(text.contains('engine config: 4 findings in 2 files'), "text report engine line: ${text}")

// Checkstyle XML: one <file> per file, the settings at their lines
def cs = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/run1/leakguard-checkstyle.xml'))
def files = cs.getElementsByTagName('file')
checkEq((0..<files.length).collect { files.item(it).getAttribute('name') }, [javaPath, ymlPath, dbcpPath], 'checkstyle files')
def errors = cs.getElementsByTagName('error')
checkEq((0..<errors.length).collect { def e = errors.item(it); "${e.getAttribute('line')}:${e.getAttribute('severity')}:${e.getAttribute('source')}".toString() },
        ["${leakLine}:error:leakguard.JdbcConnectionLeak",
         "${line(yml[0])}:error:leakguard.JdbcPoolSizeOutOfRange", "${line(yml[1])}:error:leakguard.JdbcPoolUnboundedWait",
         "${line(dbcp[0])}:error:leakguard.JdbcPoolUnboundedWait", "${line(dbcp[1])}:warning:leakguard.JdbcPoolAbandonedMisconfigured"]*.toString(),
        'checkstyle errors')

// the ceiling reached the Error Prone engine too
def args = new File(basedir, 'target/leakguard/errorprone.args').getText('UTF-8').readLines()
check(args.contains('"-XepOpt:LeakGuard:PoolSizeCeiling=50"'), "the analysis compilation gets the ceiling: ${args}")

// run 2: the baseline accepts the pool settings as well as the leak
def baseline = new File(basedir, 'leakguard-baseline.txt')
check(log.contains('LeakGuard: wrote a baseline of 5 findings (4 errors, 1 warning) to ' + baseline.canonicalPath), 'baseline goal output')
def entries = baseline.getText('UTF-8').readLines().findAll { !it.startsWith('#') && !it.isBlank() }.collect { it.split('\t') }
def poolEntries = entries.findAll { it[1].startsWith('JdbcPool') }.collect { "${it[2]}:${it[1]}".toString() }.sort()
checkEq(poolEntries, (yml.collect { "${ymlPath}:${it.split(':')[1]}" } + dbcp.collect { "${dbcpPath}:${it.split(':')[1]}" })*.toString().sort(),
        'one baseline entry per pool setting')
entries.each { e -> check(e[0] ==~ /[0-9a-f]{32}/, "fingerprint ${e[0]}") }

// run 3: with the baseline, the same project passes
check(log.contains('LeakGuard: 0 findings in pool-config-fails (1 source file, 2 configuration files, engines: errorprone, source, config);'
        + ' 5 accepted by the baseline'), 'run 3 accepts every finding')
check(log.contains('BUILD SUCCESS'), 'run 3 passes')
checkEq(results(readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))), [], 'SARIF of run 3')
true
