evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def prefix = repoPrefix()
def rel = 'src/main/java/shop/InventoryDao.java'

// what spotbugs-maven-plugin reported: its XML report
def doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/spotbugsXml.xml'))
def bugs = doc.getElementsByTagName('BugInstance')
def fromSpotbugs = [] as Set
for (int i = 0; i < bugs.length; i++) {
    def b = bugs.item(i)
    def type = b.getAttribute('type')
    if (!type.startsWith('Jdbc')) {
        continue
    }
    // the bug's own SourceLine (primary if marked), not the class' or the method's
    def lines = (0..<b.childNodes.length).collect { b.childNodes.item(it) }.findAll { it.nodeName == 'SourceLine' }
    def line = lines.find { it.getAttribute('primary') == 'true' } ?: lines[0]
    fromSpotbugs << "${prefix}src/main/java/${line.getAttribute('sourcepath')}:${line.getAttribute('start')}:${type}".toString()
}
check(fromSpotbugs.size() >= 3, "spotbugs-maven-plugin with LeakGuard's plugin reported: ${fromSpotbugs}")

def labelled = [] as Set
new File(basedir, rel).eachLine('UTF-8') { line, n ->
    def m = (line =~ /LEAK (Jdbc\w+)/)
    if (m.find()) {
        labelled << "${prefix}${rel}:${n}:${m.group(1)}".toString()
    }
}
checkEq(fromSpotbugs, labelled, "spotbugs-maven-plugin with LeakGuard's plugin reports the labelled leaks")
def fromCheck = results(readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))) as Set
check(log.contains('LeakGuard [spotbugs]: analysing 1 class of spotbugs-wiring'), 'the spotbugs engine ran')
checkEq(fromCheck, fromSpotbugs, 'leakguard:check (spotbugs engine) reports the same findings as spotbugs-maven-plugin')
true
