@_spi(Generated) import APIClientRuntime
import Foundation
import Testing

// The JSON writer must write what the JSON coding writes with JSONEncoder, byte for byte, for every kind of value a
// generated type holds.

private func written(_ value: some JSONWritable & Encodable) throws -> (writer: String, encoder: String) {
    (
        String(decoding: try JSONWriter.json(of: value), as: UTF8.self),
        String(decoding: try JSONCoding.encode(value), as: UTF8.self)
    )
}

@Test(arguments: [
    "", "plain", "a/b", "quote \" and backslash \\", "lines\nand\r\ttabs", "\u{8}\u{c}\u{0}\u{1f}\u{7f}",
    "é, e\u{301}, 日本, 😀, \u{2028}",
])
func stringsAreEscapedAsTheEncoderEscapesThem(text: String) throws {
    let (writer, encoder) = try written(text)
    #expect(writer == encoder)
}

@Test(arguments: [
    0, 1, -1, 0.1, 1.0, -0.0, 1e20, 1e-7, 123456789.123, 0.30000000000000004, .greatestFiniteMagnitude,
    .leastNonzeroMagnitude,
])
func doublesAreWrittenAsTheEncoderWritesThem(number: Double) throws {
    let (writer, encoder) = try written(number)
    #expect(writer == encoder)
}

@Test func scalarsOfEveryFormatAreWrittenAsTheEncoderWritesThem() throws {
    let date = Date(timeIntervalSince1970: 1_772_352_000.125)
    #expect(try written(date).writer == written(date).encoder)
    #expect(try written(Data([0, 1, 250, 255])).writer == written(Data([0, 1, 250, 255])).encoder)
    let id = UUID()
    #expect(try written(id).writer == written(id).encoder)
    let url = URL(string: "https://example.com/a/b?c=d&e=%20")!
    #expect(try written(url).writer == written(url).encoder)
    #expect(try written(CalendarDate(year: 2026, month: 3, day: 1)).writer == "\"2026-03-01\"")
    #expect(try written([Float(0.1), 16_777_216]).writer == written([Float(0.1), 16_777_216]).encoder)
    #expect(try written([Int32.min, 0, Int32.max]).writer == written([Int32.min, 0, Int32.max]).encoder)
    #expect(try written([Int64.min, Int64.max]).writer == written([Int64.min, Int64.max]).encoder)
    #expect(try written([true, false]).writer == "[true,false]")
}

@Test func containersSortKeysByTheirBytesAndWriteNullForAbsentItems() throws {
    let map: [String: Int] = ["b": 1, "B": 2, "a10": 3, "a2": 4, "é": 5, "ü": 6, "": 7]
    #expect(try written(map).writer == written(map).encoder)
    let nested: [[String: [Int?]]] = [["x": [1, nil, 3]], [:], ["y": []]]
    #expect(try written(nested).writer == written(nested).encoder)
}

@Test func numbersThatJSONCannotHoldAreInvalidInputs() {
    #expect(throws: InvalidInput.self) { try JSONWriter.json(of: [Double.nan]) }
    #expect(throws: InvalidInput.self) { try JSONWriter.json(of: Float.infinity) }
}
