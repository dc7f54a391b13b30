// Error Prone 2.43+ needs JDK 21: this test shows what happens on an older JDK
Runtime.version().feature() < 21
