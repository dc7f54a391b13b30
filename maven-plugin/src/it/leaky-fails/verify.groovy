evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def prefix = repoPrefix()
def source = new File(basedir, 'src/main/java/shop/OrderDao.java')
def path = prefix + 'src/main/java/shop/OrderDao.java'
def connLine = markedLines(source, 'LEAK JdbcConnectionLeak')
def stmtLine = markedLines(source, 'LEAK JdbcStatementLeak')
checkEq(connLine.size(), 1, 'connection leak marker')
checkEq(stmtLine.size(), 1, 'statement leak marker')

// the build failed because of LeakGuard, with a message a developer can act on
check(log.contains('BUILD FAILURE'), 'the build should fail')
check(log.contains("LeakGuard found 1 leak at or above severity 'error' in leaky-fails (JdbcConnectionLeak):"),
      'failure message with the count')
check(log.contains("[ERROR]   ${path}:${connLine[0]}: [JdbcConnectionLeak] Connection 'con' acquired by DataSource.getConnection() is not closed when prepareStatement throws SQLException at line ${connLine[0] + 1}"),
      'failure message lists the leak with its line and path')
check(log.contains("Reports: ${new File(basedir, 'target/leakguard/leakguard.sarif').canonicalPath} and"), 'failure message names the reports')
check(log.contains('@SuppressWarnings("JdbcConnectionLeak")'), 'failure message says how to suppress')
check(log.contains("'mvn leakguard:baseline'"), 'failure message says how to baseline')

// javac-style lines through the Maven log: errors as [ERROR], the others as [WARNING]
check(log.contains("[ERROR] ${path}:${connLine[0]}: [JdbcConnectionLeak] "), 'connection leak logged as error')
check(log.contains("[WARNING] ${path}:${stmtLine[0]}: [JdbcStatementLeak] PreparedStatement 'ps' acquired by Connection.prepareStatement(..) is not closed"),
      'statement leak logged as warning')
check(log.contains('[WARNING] LeakGuard: 2 findings (1 error, 1 warning) in leaky-fails (1 source file, engines: errorprone, source)'),
      'summary line')
check(log.contains('LeakGuard [errorprone]: compiling 1 file of leaky-fails with Error Prone '), 'progress: errorprone')
check(log.contains('LeakGuard [source]: analysing 1 file of leaky-fails'), 'progress: source')

// GitHub workflow annotations, one per finding, on lines of their own
def annotations = log.readLines().findAll { it.startsWith('::') }
checkEq(annotations.size(), 2, "annotations: ${annotations}")
check(annotations[0].startsWith("::error file=${path},line=${connLine[0]},title=[JdbcConnectionLeak]::Connection 'con' acquired by"), annotations[0])
check(annotations[1].startsWith("::warning file=${path},line=${stmtLine[0]},title=[JdbcStatementLeak]::PreparedStatement 'ps'"), annotations[1])

// SARIF: valid, exactly the two leaks, each seen by both engines and merged into one result
def sarif = readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))
checkEq(results(sarif), ["${path}:${connLine[0]}:JdbcConnectionLeak", "${path}:${stmtLine[0]}:JdbcStatementLeak"]*.toString(),
        'SARIF results')
sarif.runs[0].results.each { r ->
    checkEq(r.properties.engines, ['errorprone', 'source'], "engines of ${r.ruleId}")
}
checkEq(sarif.runs[0].results*.level, ['error', 'warning'], 'levels')

// plain-text report
def text = new File(basedir, 'target/leakguard/leakguard.txt').getText('UTF-8').readLines()
checkEq(text[0].startsWith("${path}:${connLine[0]}: error: [JdbcConnectionLeak] Connection 'con'"), true, "text line 1: ${text[0]}")
checkEq(text[0].endsWith('{errorprone, source}'), true, "text line 1 engines: ${text[0]}")
checkEq(text[1].startsWith("${path}:${stmtLine[0]}: warning: [JdbcStatementLeak] "), true, "text line 2: ${text[1]}")
checkEq(text[2], 'LeakGuard: 2 findings (1 error, 1 warning) in leaky-fails (1 source file, engines: errorprone, source)', 'text summary')

// Checkstyle XML for review bots
def cs = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/leakguard/leakguard-checkstyle.xml'))
def files = cs.getElementsByTagName('file')
checkEq(files.length, 1, 'checkstyle files')
checkEq(files.item(0).getAttribute('name'), path, 'checkstyle file name')
def errors = cs.getElementsByTagName('error')
checkEq((0..<errors.length).collect { def e = errors.item(it); "${e.getAttribute('line')}:${e.getAttribute('severity')}:${e.getAttribute('source')}".toString() },
        ["${connLine[0]}:error:leakguard.JdbcConnectionLeak", "${stmtLine[0]}:warning:leakguard.JdbcStatementLeak"]*.toString(),
        'checkstyle errors')

// the module's own compilation is untouched: classes where they belong, none from the analysis
check(new File(basedir, 'target/classes/shop/OrderDao.class').isFile(), 'the project compiled as usual')
check(!new File(basedir, 'target/leakguard/errorprone-classes/shop/OrderDao.class').exists(), 'the analysis wrote no classes')
true
