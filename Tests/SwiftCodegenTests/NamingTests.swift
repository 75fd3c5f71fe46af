import SwiftCodegen
import Testing

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
