import Testing

@testable import SwiftCodegen

@Test(arguments: [
    ("notification-emails", "notificationEmails"),
    ("notification_emails", "notificationEmails"),
    ("notificationEmails", "notificationEmails"),
    ("publisherId", "publisherID"),
    ("api-version", "apiVersion"),
    ("HTTPServer", "httpServer"),
    ("URLString", "urlString"),
    ("2017-10-31", "_20171031"),
    ("default", "default"),
    ("self", "selfValue"),
    ("init", "initValue"),
    ("Type", "type"),
    ("a.b$c/d", "aBCD"),
    ("with space", "withSpace"),
    ("☕️", "unnamed"),
    ("", "unnamed"),
    ("café", "caf"),
    ("plantIds", "plantIDs"),
    ("imageURLs", "imageURLs"),
    ("status", "status"),
])
func memberNames(wire: String, swift: String) {
    #expect(Naming.memberName(wire).name == swift)
}

@Test(arguments: [
    ("CancelRequest", "CancelRequest"),
    ("cancel-request", "CancelRequest"),
    ("cancelOperation", "CancelOperation"),
    ("api-version", "APIVersion"),
    ("String", "String_"),
    ("Type", "Type_"),
    ("Self", "Self_"),
    ("404error", "_404error"),
    ("", "Unnamed"),
])
func typeNames(wire: String, swift: String) {
    #expect(Naming.typeName(wire).name == swift)
}

@Test func collisionsAreResolvedInTheOrderNamesAreClaimed() {
    var names = UniqueNames()
    let claimed = ["notification-emails", "notification_emails", "notificationEmails"].map {
        names.claim(Naming.memberName($0)).name
    }
    #expect(claimed == ["notificationEmails", "notificationEmails2", "notificationEmails3"])
}

@Test func asciiNamesSplitIntoTheWordsTheUnicodePathFinds() {
    // ASCII names are split from their bytes; with a non-ASCII separator after them they take the path that reads
    // Unicode scalars, which must find the same words.
    let alphabet = ["a", "B", "1", "-", "c", "D"]
    var names = ["publisherId", "HTTPServer", "URLString", "imageURLs", "a.b$c/d", "notification-emails", "x2Y"]
    for length in 1...4 {
        var indexes = [Int](repeating: 0, count: length)
        while true {
            names.append(indexes.map { alphabet[$0] }.joined())
            var position = length - 1
            while position >= 0, indexes[position] == alphabet.count - 1 {
                indexes[position] = 0
                position -= 1
            }
            guard position >= 0 else { break }
            indexes[position] += 1
        }
    }
    for name in names {
        #expect(Naming.words(name) == Naming.words(name + "-é"), "\(name)")
    }
    #expect(Naming.words("HTTPServer") == ["HTTP", "Server"])
    #expect(Naming.words("x2Y") == ["x2", "Y"])
}

/// ASCII names are named byte by byte; the general path, through strings, must name them alike. Names are drawn
/// from letters of both cases, digits, separators and the acronyms and their plurals, by a fixed generator.
@Test func asciiNamesAreNamedAsTheGeneralPathNamesThem() {
    let pieces = [
        "id", "ID", "Id", "ids", "IDS", "url", "URLs", "uuid", "api", "https", "json", "Sql", "tls", "ip", "x", "X",
        "user", "User", "USER", "created", "At", "at", "2017", "0", "9a", "s", "S", "_", "-", ".", " ", "$", "/",
        "self", "init", "Type", "String", "longerword", "LongerWord", "HTTPServer", "a1B2", "ABc",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    var names = pieces + [""]
    for _ in 0..<5_000 { names.append((0..<(1 + next(4))).map { _ in pieces[next(pieces.count)] }.joined()) }
    for name in names {
        #expect(Naming.memberName(name) == Naming.generalMemberName(name), "\(name)")
        #expect(Naming.typeName(name) == Naming.generalTypeName(name), "\(name)")
    }
}
