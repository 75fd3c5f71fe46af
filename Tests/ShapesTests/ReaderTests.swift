@_spi(Generated) import APIClientRuntime
import Foundation
import Shapes
import Testing

// Generated types that response bodies hold read themselves: where they do, they must read what JSONDecoder decodes,
// and usual bodies must be read without it. Damaged bodies must never make the two disagree.

private let order = #"""
    {"id": "56615B67-2185-49FE-80D2-C4DDF77BB2E8", "status": "shipped", "quantity": 3,
     "contact": {"email": "a@x.com"}, "reference": "aGVsbG8=", "unknown": {"deep": [1, {"x": null}]},
     "delivery": {"latestArrivalInMinutesAfterDispatch": 90, "earliestArrivalInMinutesAfterDispatch": 30,
                  "recipientSignatureIsRequiredOnArrival": true, "instructions for the courier": "ring"},
     "parent": {"id": "00000000-0000-0000-0000-000000000001", "status": "returned", "quantity": "many",
                "parent": null}}
    """#

@Test func generatedTypesReadUsualBodiesAsTheDecoderDoes() throws {
    let bytes = Data(order.utf8)
    let read = try #require(JSONReader.read(Order.self, from: bytes))
    #expect(read == (try JSONCoding.decode(Order.self, from: bytes)))
    // An unlisted value of an open enum is kept; a composition is read by the decoder where it stands.
    #expect(read.parent?.status == .unrecognized("returned"))
    #expect(read.quantity == (try JSONCoding.decode(Quantity.self, from: Data("3".utf8))))
    #expect(read.reference == Data("hello".utf8))
    // Keys listed over several lines of the reader's constant, one with spaces.
    #expect(read.delivery?.earliestArrivalInMinutesAfterDispatch == 30)
    #expect(read.delivery?.latestArrivalInMinutesAfterDispatch == 90)
    #expect(read.delivery?.recipientSignatureIsRequiredOnArrival == true)
    #expect(read.delivery?.instructionsForTheCourier == "ring")

    let problem = Data(#"{"title": "Not found", "status": 404, "detail": "gone"}"#.utf8)
    #expect(JSONReader.read(Problem.self, from: problem) == (try JSONCoding.decode(Problem.self, from: problem)))
    #expect(JSONReader.read(Problem.self, from: problem) != nil)
}

@Test func generatedTypesLeaveWhatTheyAreUnsureOfToTheDecoder() {
    // A required property absent, a key listed twice, a value of another type.
    for json in [
        #"{"status": 404}"#, #"{"title": "a", "title": "b"}"#, #"{"title": 1}"#, #"{"title": "a", "status": 1.5}"#,
    ] {
        #expect(JSONReader.read(Problem.self, from: Data(json.utf8)) == nil, "\(json)")
    }
}

@Test func damagedBodiesNeverMakeAGeneratedReaderDisagreeWithTheDecoder() {
    let seed = UInt64.random(in: 0...UInt64.max)
    var generator = ReplayableGenerator(state: seed)
    var read = 0
    for _ in 0..<5_000 {
        let bytes = Data(damagedBytes(Array(order.utf8), using: &generator))
        guard let value = JSONReader.read(Order.self, from: bytes) else { continue }
        read += 1
        #expect(
            value == (try? JSONCoding.decode(Order.self, from: bytes)),
            "seed \(seed): \(String(decoding: bytes, as: UTF8.self))")
    }
    #expect(read > 100, "seed \(seed)")
}

@Test func damagedDocumentsNeverMakeTheRuntimesReadersDisagreeWithTheDecoder() {
    let documents = [
        #"{"a": [1.5, null, -2e-3], "b": [], "c": [0, 10, 1E+2]}"#,
        #"{"key with \"escapes\"": [3], "é": [4.25], "n": null}"#,
    ]
    let seed = UInt64.random(in: 0...UInt64.max)
    var generator = ReplayableGenerator(state: seed)
    var read = 0
    for round in 0..<20_000 {
        let bytes = Data(damagedBytes(Array(documents[round % documents.count].utf8), using: &generator))
        guard let value = JSONReader.read([String: [Double?]?].self, from: bytes) else { continue }
        read += 1
        #expect(
            value == (try? JSONCoding.decode([String: [Double?]?].self, from: bytes)),
            "seed \(seed): \(String(decoding: bytes, as: UTF8.self))")
    }
    // Some damage leaves valid JSON, which the reader must then read itself.
    #expect(read > 500, "seed \(seed)")
}

/// SplitMix64: a failure names its seed, so that it can be replayed.
private struct ReplayableGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Damages a body at random: deletes, inserts, repeats or replaces bytes, mostly ones that matter to JSON.
private func damagedBytes(_ document: [UInt8], using random: inout some RandomNumberGenerator) -> [UInt8] {
    var bytes = document
    let significant = Array(#"{}[],:"\/-+.eE0123456789tfnu aé"#.utf8) + [0x00, 0x09, 0x0A, 0x1F, 0x7F, 0xFF]
    for _ in 0..<Int.random(in: 1...3, using: &random) {
        let index = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<4, using: &random) {
        case 0: bytes.remove(at: index)
        case 1: bytes.insert(significant.randomElement(using: &random)!, at: index)
        case 2:
            let end = min(bytes.count, index + Int.random(in: 1...12, using: &random))
            bytes.insert(contentsOf: bytes[index..<end], at: end)
        default: bytes[index] = significant.randomElement(using: &random)!
        }
        if bytes.isEmpty { bytes = document }
    }
    return bytes
}
