evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def jdk = Runtime.version().feature()
def warning = log.readLines().findAll { it.contains('LeakGuard: the errorprone engine did not run') }
checkEq(warning.size(), 1, 'one warning line')
check(warning[0].startsWith('[WARNING] '), 'as a warning')
check(warning[0].contains("Error Prone ${errorproneJdk21Version} needs JDK 21 or newer, but this build runs on JDK ${jdk}"),
      "names the Error Prone version and the JDK: ${warning[0]}")
check(log.contains('[WARNING] LeakGuard: running the source engine on errorprone-jdk-mismatch instead'), 'falls back')
def prefix = repoPrefix()
def source = new File(basedir, 'src/main/java/shop/OrderDao.java')
def path = prefix + 'src/main/java/shop/OrderDao.java'
def sarif = readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))
checkEq(results(sarif), ["${path}:${markedLines(source, 'LEAK JdbcConnectionLeak')[0]}:JdbcConnectionLeak",
                         "${path}:${markedLines(source, 'LEAK JdbcStatementLeak')[0]}:JdbcStatementLeak"]*.toString(),
        'the source engine found the leaks')
sarif.runs[0].results.each { checkEq(it.properties.engines, ['source'], 'engines') }
def notes = sarif.runs[0].invocations[0].toolExecutionNotifications
checkEq(notes.size(), 1, 'SARIF says an engine did not run')
check(notes[0].message.text.startsWith('The errorprone engine did not run: Error Prone '), 'SARIF notification text')
check(log.contains("LeakGuard found 1 leak at or above severity 'error'"), 'the gate still works')
true
