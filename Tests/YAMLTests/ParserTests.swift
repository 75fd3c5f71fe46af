import Testing

@testable import YAML

private func parse(_ text: String, limits: ParseLimits = ParseLimits()) throws(DiagnosticError) -> Node {
    try YAMLParser.parse(Array(text.utf8), file: "t.yaml", limits: limits)
}

/// The single error a document must fail with, as `line:column: message`.
private func failure(_ text: String, limits: ParseLimits = ParseLimits()) -> String {
    do {
        _ = try parse(text, limits: limits)
        return "parsed without error"
    } catch {
        guard let first = error.diagnostics.first else { return "no diagnostics" }
        return "\(first.location.line):\(first.location.column): \(first.message)"
    }
}

@Test func mappingsKeepKeyOrderAndLocations() throws {
    let root = try parse("openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n")
    let entries = try #require(root.entries)
    #expect(entries.map(\.key) == ["openapi", "info"])
    #expect(entries[1].keyLocation == SourceLocation(file: "t.yaml", line: 2, column: 1))
    let title = try #require(root["info"]?["title"])
    #expect(title.location == SourceLocation(file: "t.yaml", line: 3, column: 10))
    #expect(title.scalar?.text == "T")
}

@Test func plainScalarsResolveToCoreSchemaTypes() throws {
    let root = try parse("a: 12\nb: '12'\nc: true\nd: ~\ne: 1.5\nf: text\ng:\nh: -7\ni: !!str 3\n")
    let types = try #require(root.entries).map { "\($0.key)=\($0.value.scalarType?.rawValue ?? "-")" }
    #expect(
        types == [
            "a=integer", "b=string", "c=boolean", "d=null", "e=number", "f=string", "g=null", "h=integer",
            "i=string",
        ])
    #expect(root["h"]?.intValue == -7)
}

@Test func plainScalarsOfEveryFormResolveByTheirFirstCharacterAndTheRest() throws {
    let cases: [(String, Node.ScalarType)] = [
        ("0x1F", .integer), ("0x1f", .integer), ("0xG", .string), ("0x", .string), ("0o17", .integer),
        ("0o8", .string), ("+12", .integer), ("-", .string), ("12a", .string), ("1e3", .number),
        (".5", .number), (".inf", .number), ("-.inf", .number), ("+.inf", .number), (".NaN", .number),
        ("True", .boolean), ("FALSE", .boolean), ("Null", .null), ("nil", .string), ("tru", .string),
        ("\u{FF11}2", .string), ("~x", .string), ("description", .string),
    ]
    for (text, type) in cases {
        #expect(
            Node(.scalar(Node.Scalar(text: text)), at: SourceLocation(file: "t", line: 1, column: 1)).scalarType
                == type, "\(text)")
    }
}

@Test func sequencesHoldTheirItems() throws {
    let root = try parse("- a\n- [b, c]\n- {d: e}\n")
    let items = try #require(root.items)
    #expect(items.count == 3)
    #expect(items[1].items?.compactMap(\.scalar?.text) == ["b", "c"])
    #expect(items[2]["d"]?.scalar?.text == "e")
}

@Test func aliasesRepeatTheAnchoredNodeAtTheAliasLocation() throws {
    let root = try parse("a: &x {k: v}\nb: *x\n")
    #expect(root["b"]?["k"]?.scalar?.text == "v")
    #expect(root["b"]?.location.line == 2)
}

@Test func duplicateKeysAreRejectedWithBothLocations() throws {
    #expect(
        failure("a: 1\nb: 2\na: 3\n")
            == "3:1: The key `a` appears twice in the same mapping; remove or rename one of them.")
    do {
        _ = try parse("a: 1\na: 3\n")
    } catch {
        #expect(error.diagnostics[0].notes.map(\.location.line) == [1])
    }
}

@Test func emptyFilesAndCommentOnlyFilesAreRejected() {
    let message =
        "1:1: The file holds no YAML document; write the description as a mapping that starts with `openapi: 3.0.3`."
    #expect(failure("") == message)
    #expect(failure("# only a comment\n\n# and another\n") == message)
}

@Test func tabIndentationIsExplained() {
    #expect(failure("a:\n\tb: 1\n").hasPrefix("2:1: Invalid YAML: found character that cannot start any token"))
    #expect(failure("a:\n\tb: 1\n").hasSuffix("YAML does not allow tabs for indentation; indent with spaces."))
}

@Test func unclosedQuotesPointAtTheOpeningQuoteAndNoteWhereLibyamlGaveUp() throws {
    #expect(
        failure("a: 'open\nb: 2\n") == "1:4: Invalid YAML: this quoted scalar is never closed; add the closing quote.")
    do {
        _ = try parse("a: 'open\nb: 2\n")
    } catch {
        #expect(error.diagnostics[0].notes.map(\.location) == [SourceLocation(file: "t.yaml", line: 3, column: 1)])
    }
}

@Test func aQuoteClosedByALaterQuoteIsFoundFromTheKeysItSwallowed() {
    let text = "a:\n  b: 'open\n  c: 1\n  d: 2\n  e: 'x'\n  f: 3\n"
    #expect(
        failure(text)
            == "2:6: Invalid YAML: this quoted scalar runs over 4 lines, up to the next quote, and holds lines that look like keys; its closing quote is probably missing."
    )
    // A quoted scalar that runs over lines on purpose is not blamed for a mistake after it.
    #expect(failure("a: 'one\n  two'\nb: [\n").hasPrefix("4:1: Invalid YAML: did not find expected node content"))
}

@Test func keysThatDifferOnlyInUnicodeNormalizationAreTwoKeys() throws {
    let node = try parse("caf\u{E9}: 1\ncafe\u{301}: 2\n")
    #expect(node.entries?.count == 2)
    #expect(failure("caf\u{E9}: 1\ncaf\u{E9}: 2\n").hasPrefix("2:1: The key `caf\u{E9}` appears twice"))
}

/// Past sixteen keys, a mapping's keys are found through an index instead of one by one; both ways tell the same keys
/// apart and find the same duplicates.
@Test(arguments: [3, 15, 16, 17, 40])
func duplicateKeysAreFoundInMappingsOfAnySize(keys: Int) throws {
    let others = (0..<keys).map { "k\($0): \($0)\n" }.joined()
    let node = try parse(others + "caf\u{E9}: 1\ncafe\u{301}: 2\n")
    #expect(node.entries?.count == keys + 2)
    #expect(
        failure(others + "caf\u{E9}: 1\ncaf\u{E9}: 2\n")
            .hasPrefix("\(keys + 2):1: The key `caf\u{E9}` appears twice"))
    #expect(failure(others + "k0: again\n").hasPrefix("\(keys + 1):1: The key `k0` appears twice"))
}

@Test func largeDocumentsThatShareTheirPartsThroughAnchorsAreAccepted() throws {
    var text = "shared: &shared {a: 1, b: [1, 2, 3], c: {d: x, e: y, f: [z, z, z]}, g: h}\nitems:\n"
    for index in 0..<20_000 { text += "  - {name: n\(index), value: *shared}\n" }
    let node = try parse(text)
    #expect(node["items"]?.items?.count == 20_000)
}

@Test func unclosedFlowCollectionsAreLocated() {
    #expect(
        failure("a: [1, 2\n").hasPrefix(
            "2:1: Invalid YAML: did not find expected ',' or ']' while parsing a flow sequence."))
}

@Test func invalidUTF8IsLocatedByLineAndColumn() {
    let bytes = Array("a: 1\nb: x".utf8) + [0xFF, 0xFE] + Array("\n".utf8)
    do {
        _ = try YAMLParser.parse(bytes, file: "t.yaml")
        Issue.record("invalid UTF-8 was accepted")
    } catch {
        let first = error.diagnostics[0]
        #expect("\(first.location.line):\(first.location.column)" == "2:5")
        #expect(first.message == "Invalid YAML: invalid leading UTF-8 octet. The file must be UTF-8 text.")
    }
}

@Test func aliasBombsAreRefusedQuickly() {
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
        let item = "*a\(level - 1)"
        text += "a\(level): &a\(level) [\(Array(repeating: item, count: 10).joined(separator: ", "))]\n"
    }
    let clock = ContinuousClock()
    var outcome = ""
    let elapsed = clock.measure { outcome = failure(text) }
    #expect(
        outcome.hasSuffix(
            "Aliases expand to more than 101344 nodes, 64 times the 21 nodes written before this one and 100000 more; the document repeats itself too much to be a description."
        ))
    #expect(elapsed < .seconds(1))
}

@Test func deepNestingIsAnErrorNotACrash() {
    let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(
        failure(text) == "1:257: Sequences and mappings are nested more than 256 levels deep; flatten the structure.")
}

@Test func oversizedInputIsRefusedBeforeParsing() {
    #expect(
        failure("a: 1234567890\n", limits: ParseLimits(maxBytes: 8))
            == "1:1: The file is 14 bytes long, over the limit of 8 bytes; split the description or raise the limit.")
}

@Test func moreThanOneDocumentIsRejected() {
    #expect(failure("a: 1\n---\nb: 2\n").hasPrefix("2:1: The file holds more than one YAML document"))
}

@Test func undefinedAliasesAreRejected() {
    #expect(
        failure("a: *nowhere\n")
            == "1:4: The alias `*nowhere` names no anchor defined before it; define `&nowhere` first.")
}

@Test func closestMatchSuggestsNearbyWords() {
    #expect(closestMatch(to: "paht", in: ["path", "query", "header", "cookie"]) == "path")
    #expect(closestMatch(to: "body", in: ["path", "query", "header", "cookie"]) == nil)
}

// MARK: Reading on two threads

/// A node and everything under it as text: kinds, texts, styles, tags and locations.
private func dump(_ node: Node) -> String {
    let place = "@\(node.location.line):\(node.location.column)"
    switch node.content {
    case .scalar(let scalar):
        return "\(scalar.isPlain ? "plain" : "styled")(\(scalar.text))\(scalar.tag ?? "")\(place)"
    case .sequence(let items): return "[" + items.map(dump).joined(separator: ",") + "]" + place
    case .mapping(let entries):
        return "{"
            + entries.map { "\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column)=\(dump($0.value))" }
            .joined(separator: ",") + "}" + place
    }
}

/// Parses on one thread and with libyaml on its own, and returns both results as text.
private func bothWays(_ text: String) -> (oneThread: String, twoThreads: String) {
    func run(_ minimumBytes: Int) -> String {
        do {
            return dump(
                try YAMLParser.parse(
                    Array(text.utf8), file: "t.yaml", limits: ParseLimits(), eventThreadFrom: minimumBytes))
        } catch {
            return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
                .joined(separator: "\n")
        }
    }
    return (run(.max), run(0))
}

/// A document of many mappings, sequences, quoted and block scalars, tags, anchors and aliases, over a thousand
/// batches of events long.
private let largeDocument: String = {
    var text = "openapi: 3.0.3\nshared: &shared {type: object, required: [a, b]}\npaths:\n"
    for index in 0..<20_000 {
        text += "  /p\(index):\n    get: {operationId: \"op\(index)\", tags: ['t\(index % 7)'], x: !!str \(index)}\n"
        text += "    note: |\n      line \(index)\n    schema: *shared\n"
    }
    return text
}()

@Test func largeDocumentsGiveTheSameTreeWithLibyamlOnAThreadOfItsOwn() {
    let (one, two) = bothWays(largeDocument)
    #expect(one.hasPrefix("{openapi@1:1="))
    #expect(one.count > 1_000_000)
    #expect(one == two)
}

@Test func errorsAnywhereInALargeDocumentAreTheSameOnTwoThreads() {
    let cases = [
        // Found by the tree, early and late: the thread parsing ahead is stopped.
        "openapi: 3.1.0\n" + largeDocument,
        largeDocument + "shared: again\n",
        largeDocument + "more: *missing\n",
        // Found by libyaml, early and at the end.
        "a: 'open\n" + largeDocument,
        largeDocument + "last: [1, 2\n",
        largeDocument + "\tbad: tab\n",
    ]
    for text in cases {
        let (one, two) = bothWays(text)
        #expect(one.contains(": "), "\(one.prefix(200))")
        #expect(one == two)
    }
}

@Test func keysWithTheSameScalarsAreTheSameAndCanonicalEquivalentsAreNot() {
    #expect("caf\u{E9}".hasSameScalars(as: "caf\u{E9}"))
    // Equal as strings (canonically equivalent), but different scalars: two keys, as YAML sees them.
    #expect("caf\u{E9}" == "cafe\u{301}")
    #expect(!"caf\u{E9}".hasSameScalars(as: "cafe\u{301}"))
    #expect(!"name".hasSameScalars(as: "names"))
    #expect(!"name".hasSameScalars(as: "nome"))
    #expect("".hasSameScalars(as: ""))
}
