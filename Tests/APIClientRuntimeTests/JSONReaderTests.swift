@_spi(Generated) import APIClientRuntime
import Foundation
import Testing

// The JSON reader must give what the JSON coding decodes with JSONDecoder, or nothing: where it reads a value, that
// value equals the decoder's; where it is not sure, it reads nothing and the decoder decides. Both halves are
// checked: usual documents must be read without the decoder, unusual ones must be left to it. Random damage to valid
// documents, which must never make the reader disagree with the decoder, is tried in ShapesTests' ReaderTests, on
// these containers and on generated types.

/// The reader's value, or nil when it left the document to the decoder, and the decoder's value, or nil when it
/// failed.
private func both<Value: JSONReadable & Decodable>(_ type: Value.Type, _ bytes: Data) -> (
    reader: Value?, decoder: Value?
) {
    (JSONReader.read(type, from: bytes), try? JSONCoding.decode(type, from: bytes))
}

/// Checks that the reader reads a document, and reads what the decoder decodes.
private func expectRead<Value: JSONReadable & Decodable & Equatable>(
    _ type: Value.Type, _ json: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    let (reader, decoder) = both(type, Data(json.utf8))
    #expect(reader != nil, "left to the decoder: \(json)", sourceLocation: sourceLocation)
    #expect(reader == decoder, "\(json)", sourceLocation: sourceLocation)
}

@Test func scalarsAreReadAsTheDecoderDecodesThem() {
    expectRead(String.self, #""plain""#)
    expectRead(String.self, #"  "with spaces around"  "#)
    expectRead(String.self, #""é, 日本, 😀 and \u00e9\u2028""#)
    expectRead(String.self, #""escapes: \" \\ \/ \b \f \n \r \t \u0000 \u001F""#)
    expectRead(String.self, "\"\u{7F}\"")
    expectRead(Int.self, "0")
    expectRead(Int.self, "-0")
    expectRead(Int.self, "9223372036854775807")
    expectRead(Int.self, "-9223372036854775808")
    expectRead(Int32.self, "-2147483648")
    expectRead(Int64.self, "636576975611768314")
    expectRead(Double.self, "0")
    expectRead(Double.self, "-0.0")
    expectRead(Double.self, "3.141592653589793")
    expectRead(Double.self, "1e300")
    expectRead(Double.self, "2.2250738585072014E-308")
    expectRead(Double.self, "0.1")
    expectRead(Double.self, "123456789012345678901234567890")
    expectRead(Bool.self, "true")
    expectRead(Bool.self, " false ")
    expectRead(Date.self, #""2017-03-28T19:50:39.5506018Z""#)
    expectRead(Date.self, #""2018-03-26T21:46:01Z""#)
    expectRead(Data.self, #""aGVsbG8=""#)
    expectRead(UUID.self, #""56615B67-2185-49FE-80D2-C4DDF77BB2E8""#)
    expectRead(CalendarDate.self, #""2024-02-29""#)
    expectRead(URL.self, #""https://example.com/a?b=c#d""#)
    expectRead(URL.self, #""/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31""#)
}

@Test func containersAreReadAsTheDecoderDecodesThem() {
    expectRead([Int].self, "[]")
    expectRead([Int].self, "[1, 2 ,3]")
    expectRead([Int?].self, "[1,null,3]")
    expectRead([[String]].self, #"[[], ["a"], ["b", "c"]]"#)
    expectRead([String: Int].self, "{}")
    expectRead([String: [Double?]].self, #"{"a": [1.5, null], "b": [], "é": [2]}"#)
    expectRead([String: [String: Bool]].self, "{\"x\":{\"y\":true},\n\t\"z\":{}}")
    expectRead([String: String].self, #"{"esc\"aped": "key"}"#)
    expectRead(String?.self, "null")
    expectRead([String]?.self, #"["a"]"#)
}

@Test(arguments: [
    // Not JSON, or JSON the decoder reads its own way.
    "", " ", "{", "[1,]", "[01]", "[1.]", "[.5]", "[1e]", "[-]", "[+1]", "[1 2]", #"{"a" 1}"#, #"{"a":1,}"#,
    #"{"a":1}x"#, "[1]]", "\u{FEFF}[1]", "[nul]", "[True]", "[\"\u{1}\"]", "[\"\\x\"]", "[\"\\u12\"]",
    #"["\ud83d\ude00"]"#, #"["\ud800"]"#, "[1e400]", "[4.9e-325]", "[2.4703282292062328e-324]",
    // Keys the decoder compares after unescaping, or lists twice.
    #"{"a":1,"a":2}"#, #"{"\u0061":1}"#,
    // Deeper than the reader goes.
    String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
])
func unusualDocumentsAreLeftToTheDecoder(json: String) {
    #expect(JSONReader.read([String: [Double]].self, from: Data(json.utf8)) == nil)
    #expect(JSONReader.read([Double].self, from: Data(json.utf8)) == nil)
    #expect(JSONReader.read([String].self, from: Data(json.utf8)) == nil)
}

@Test func valuesOfAnotherTypeOrOutOfRangeAreLeftToTheDecoder() {
    #expect(JSONReader.read(Int.self, from: Data("1.0".utf8)) == nil)
    #expect(JSONReader.read(Int.self, from: Data("1e2".utf8)) == nil)
    #expect(JSONReader.read(Int.self, from: Data("9223372036854775808".utf8)) == nil)
    #expect(JSONReader.read(Int32.self, from: Data("2147483648".utf8)) == nil)
    #expect(JSONReader.read(Int.self, from: Data(#""1""#.utf8)) == nil)
    #expect(JSONReader.read(String.self, from: Data("1".utf8)) == nil)
    #expect(JSONReader.read(String.self, from: Data("null".utf8)) == nil)
    #expect(JSONReader.read(Date.self, from: Data(#""yesterday""#.utf8)) == nil)
    #expect(JSONReader.read(Data.self, from: Data(#""not base64!""#.utf8)) == nil)
    #expect(JSONReader.read(String.self, from: Data([0x22, 0xC3, 0x28, 0x22])) == nil)
}
