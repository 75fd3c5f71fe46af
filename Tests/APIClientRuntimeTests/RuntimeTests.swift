@_spi(Generated) import APIClientRuntime
import Foundation
import Testing

private struct Stamped: Codable, Equatable {
    var at: Date
}

@Test(arguments: [
    (#"{"at":"2017-10-31T12:30:00Z"}"#, 1_509_453_000.0),
    (#"{"at":"2017-10-31T12:30:00.250Z"}"#, 1_509_453_000.25),
    (#"{"at":"2017-10-31T14:30:00+02:00"}"#, 1_509_453_000.0),
])
func dateTimesDecodeWithAndWithoutFractionalSeconds(json: String, seconds: Double) throws {
    let decoded = try JSONCoding.decode(Stamped.self, from: Data(json.utf8))
    #expect(abs(decoded.at.timeIntervalSince1970 - seconds) < 0.001)
}

@Test func dateTimesEncodeAsRFC3339Text() throws {
    let data = try JSONCoding.encode(Stamped(at: Date(timeIntervalSince1970: 1_509_453_000.25)))
    #expect(String(decoding: data, as: UTF8.self) == #"{"at":"2017-10-31T12:30:00.250Z"}"#)
}

@Test func textThatIsNotADateTimeIsADecodingError() {
    #expect(throws: DecodingError.self) {
        _ = try JSONCoding.decode(Stamped.self, from: Data(#"{"at":"yesterday"}"#.utf8))
    }
}

@Test(arguments: [
    ("/a/x%2Fy/c", ["x/y"]),
    ("/a/caf%C3%A9/c?q=1#f", ["café"]),
    ("/a/%ZZ/c", nil),
    ("/a/%C3/c", nil),
    ("/a//c", nil),
    ("/a/b/c/d", nil),
    ("https://host/a/b/c", ["b"]),
    ("HTTP://host:8080/a/b/c?x", ["b"]),
    ("https://host", nil),
    ("ftp://host/a/b/c", nil),
])
func templatesMatchOneDecodedSegmentPerVariable(reference: String, values: [String]?) {
    #expect(RelativeReference.match(reference, [.literal("/a/"), .variable, .literal("/c")]) == values)
}

@Test func variablesCanBeSeparatedByLiteralsInsideASegment() {
    let template: [TemplateComponent] = [.literal("/ops/"), .variable, .literal("$"), .variable]
    #expect(RelativeReference.match("/ops/contoso$offer$2", template) == ["contoso", "offer$2"])
}

@Test(arguments: ["a", "a b", "a/b", "100%", "日本", "~._-"])
func pathSegmentsRoundTripThroughPercentDecoding(value: String) throws {
    let encoded = try URIEncoding.pathSegment(value, field: "f")
    #expect(!encoded.contains("/"))
    #expect(encoded.removingPercentEncoding == value)
}
