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
