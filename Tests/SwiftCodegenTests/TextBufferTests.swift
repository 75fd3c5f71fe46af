import Testing

@testable import SwiftCodegen

/// Pieces of every kind the printer appends, many times over, so that the buffer grows past its first capacity
/// several times; compared with the same pieces appended to an array.
@Test(arguments: [1, 16, 1 << 14])
func textBufferHoldsWhatWasAppendedAcrossGrowth(capacity: Int) {
    var buffer = TextBuffer(capacity: capacity)
    var expected: [UInt8] = []
    let pieces: [String] = [
        "a", "public ", "", "é", "a string long enough to live on the heap, not inline", "日本語のテキスト", "\u{1F600}",
    ]
    for round in 0..<500 {
        let piece = pieces[round % pieces.count]
        buffer.append(utf8: piece)
        expected += Array(piece.utf8)
        // A substring's string is not always contiguous storage of its own.
        let part = String(piece.dropFirst())
        buffer.append(utf8: part)
        expected += Array(part.utf8)
        buffer.append(UInt8(ascii: "\n"))
        expected.append(UInt8(ascii: "\n"))
        buffer.appendSpaces(round % 9)
        expected += Array(repeating: UInt8(ascii: " "), count: round % 9)
        buffer.append(utf8: "static" as StaticString)
        expected += Array("static".utf8)
        buffer.append(contentsOf: expected[..<(round % 5)])
        expected += expected[..<(round % 5)]
    }
    #expect(buffer.count == expected.count)
    #expect(buffer.string == String(decoding: expected, as: UTF8.self))
    #expect(buffer.last == expected.last)
    #expect(buffer[3] == expected[3])
    #expect(buffer.withBytes(from: 100) { Array($0) } == Array(expected[100...]))
}

@Test func textBufferForgetsWhatIsTruncatedAndWritesOverIt() {
    var buffer = TextBuffer()
    #expect(buffer.last == nil)
    #expect(buffer.string == "")
    buffer.append(utf8: "let value = 1")
    buffer.truncate(to: 4)
    #expect(buffer.string == "let ")
    buffer.append(utf8: "other")
    #expect(buffer.string == "let other")
    #expect(buffer.withBytes(from: buffer.count) { $0.count } == 0)
    buffer.truncate(to: 0)
    #expect(buffer.count == 0)
    #expect(buffer.last == nil)
}

@Test func textBufferRepairsBytesThatAreNotUTF8LikeTheStandardLibrary() {
    var buffer = TextBuffer()
    let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0xE2, 0x82]
    buffer.append(contentsOf: bytes)
    #expect(buffer.string == String(decoding: bytes, as: UTF8.self))
}
