// spotbugs-maven-plugin wrote target/spotbugsXml.xml: LeakGuard's bugs must be exactly the
// labelled lines of OrderDao.java, with LeakGuard's messages.
def doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new File(basedir, 'target/spotbugsXml.xml'))
def bugs = doc.getElementsByTagName('BugInstance')
def found = [] as Set
for (int i = 0; i < bugs.length; i++) {
    def b = bugs.item(i)
    def type = b.getAttribute('type')
    if (!type.startsWith('Jdbc')) {
        continue
    }
    def line = (0..<b.childNodes.length).collect { b.childNodes.item(it) }.find { it.nodeName == 'SourceLine' }
    found << "${line.getAttribute('sourcepath')}:${line.getAttribute('start')}:${type}".toString()
}
def labelled = [] as Set
new File(basedir, 'src/main/java/shop/OrderDao.java').eachLine('UTF-8') { text, n ->
    def m = (text =~ /LEAK (Jdbc\w+)/)
    if (m.find()) {
        labelled << "shop/OrderDao.java:${n}:${m.group(1)}".toString()
    }
}
println "spotbugs-maven-plugin with LeakGuard reported: ${found}"
assert found == labelled : "expected ${labelled}, got ${found}"
def log = new File(basedir, 'build.log').text
assert log.contains('[JdbcConnectionLeak] Connection \'con\' acquired by DataSource.getConnection() is not closed') : 'the message is LeakGuard\'s'
true
