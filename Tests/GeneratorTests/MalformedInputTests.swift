import Foundation
import Generator
import Testing

private let base = try! String(contentsOf: packageRoot.appending(path: "Fuzz/corpus/pets.yaml"), encoding: .utf8)

private func replacing(_ old: String, with new: String) -> [UInt8] {
    precondition(base.contains(old), "the base description has no `\(old)`")
    return Array(base.replacing(old, with: new).utf8)
}

/// One broken description and the first line apigen must print for it, after `FILE:`.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var expected: String
    var testDescription: String { name }
}

private let cases: [MalformedCase] = [
    MalformedCase(
        name: "empty file", bytes: [],
        expected:
            "1:1: error: The file holds no YAML document; write the description as a mapping that starts with `openapi: 3.0.3`."
    ),
    MalformedCase(
        name: "only comments", bytes: Array("# nothing\n# here\n".utf8),
        expected:
            "1:1: error: The file holds no YAML document; write the description as a mapping that starts with `openapi: 3.0.3`."
    ),
    MalformedCase(
        name: "invalid UTF-8", bytes: Array("openapi: 3.0.3\ninfo: ".utf8) + [0xFF, 0xFE, 0x0A],
        expected: "2:7: error: Invalid YAML: invalid leading UTF-8 octet. The file must be UTF-8 text."),
    MalformedCase(
        name: "binary bytes", bytes: [0, 1, 2, 3],
        expected: "1:1: error: Invalid YAML: control characters are not allowed. The file must be UTF-8 text."),
    MalformedCase(
        name: "tab indentation", bytes: replacing("  title: Pets", with: "\ttitle: Pets"),
        expected:
            "3:1: error: Invalid YAML: found character that cannot start any token while scanning for the next token. YAML does not allow tabs for indentation; indent with spaces."
    ),
    MalformedCase(
        name: "unclosed quote", bytes: replacing("version: '1'", with: "version: '1"),
        expected:
            "4:12: error: Invalid YAML: this quoted scalar runs over 15 lines, up to the next quote, and holds lines that look like keys; its closing quote is probably missing."
    ),
    MalformedCase(
        name: "unclosed quote at the end", bytes: Array((base + "extra: \"open\n").utf8),
        expected: "35:8: error: Invalid YAML: this quoted scalar is never closed; add the closing quote."),
    MalformedCase(
        name: "unclosed flow collection", bytes: replacing("required: [name]", with: "required: [name"),
        expected: "29:17: error: Invalid YAML: did not find expected ',' or ']' while parsing a flow sequence."),
    MalformedCase(
        name: "duplicate key", bytes: replacing("  title: Pets", with: "  title: Pets\n  title: Cats"),
        expected: "4:3: error: The key `title` appears twice in the same mapping; remove or rename one of them."),
    MalformedCase(
        name: "top level not a mapping", bytes: Array("just a string\n".utf8),
        expected:
            "1:1: error: The top level of a description must be a mapping with `openapi`, `info` and `paths`, but this is a string."
    ),
    MalformedCase(
        name: "missing openapi", bytes: replacing("openapi: 3.0.3\n", with: ""),
        expected: "1:1: error: The description is missing `openapi`; add it."),
    MalformedCase(
        name: "missing info", bytes: replacing("info:\n  title: Pets\n  version: '1'\n", with: ""),
        expected: "1:1: error: The description is missing `info`; add it."),
    MalformedCase(
        name: "missing paths",
        bytes: Array(
            (String(base[..<base.range(of: "paths:")!.lowerBound])
                + String(base[base.range(of: "components:")!.lowerBound...])).utf8),
        expected: "1:1: error: The description is missing `paths`; add it."),
    MalformedCase(
        name: "unsupported version", bytes: replacing("openapi: 3.0.3", with: "openapi: 2.0"),
        expected: "1:10: error: OpenAPI version `2.0` is not supported; write `openapi: 3.0.3` or `openapi: 3.1.0`."),
    MalformedCase(
        name: "path parameter missing from the template",
        bytes: replacing("/owners/{ownerId}/pets:", with: "/owners/pets:"),
        expected:
            "12:17: error: The path parameter `ownerId` does not appear in the path `/owners/pets`; add `{ownerId}` to the path or remove the parameter."
    ),
    MalformedCase(
        name: "template parameter not declared",
        bytes: replacing("/owners/{ownerId}/pets:", with: "/owners/{ownerId}/pets/{petId}:"),
        expected:
            "8:26: error: The path parameter `petId` in `/owners/{ownerId}/pets/{petId}` is not declared; add a parameter with `name: petId` and `in: path`."
    ),
    MalformedCase(
        name: "unknown parameter location", bytes: replacing("in: path", with: "in: body"),
        expected: "13:15: error: `body` is not a parameter location. Use `path`, `query`, `header` or `cookie`."),
    MalformedCase(
        name: "reference to a missing target", bytes: replacing("schemas/Pet'", with: "schemas/Cat'"),
        expected:
            "23:23: error: `#/components/schemas/Cat` names nothing: there is no `Cat` under `components/schemas`."),
    MalformedCase(
        name: "malformed reference", bytes: replacing("'#/components/schemas/Pet'", with: "'#/definitions/Pet'"),
        expected:
            "23:23: error: `#/definitions/Pet` names nothing: this file has no `definitions` on that path. OpenAPI 3 keeps schemas under `#/components/schemas/`."
    ),
    MalformedCase(
        name: "number where a mapping belongs",
        bytes: replacing("info:\n  title: Pets\n  version: '1'\n", with: "info: 12\n"),
        expected: "2:7: error: `info` must be a mapping, but this is an integer."),
    MalformedCase(
        name: "duplicate operation ID",
        bytes: replacing(
            "components:",
            with:
                "  /other:\n    get:\n      operationId: listPets\n      responses:\n        '204':\n          description: Nothing.\ncomponents:"
        ), expected: "26:7: error: The operation ID `listPets` is used twice; operation IDs must be unique."),
    MalformedCase(
        name: "status code that is not a code", bytes: replacing("'200':", with: "'2000':"),
        expected:
            "18:9: error: `2000` is not a status code; write a code from 100 to 599, such as `200`, a range such as `4XX`, or `default`."
    ),
]

@Test(arguments: cases)
func malformedDescriptionsFailWithALocatedErrorAndWriteNothing(_ malformed: MalformedCase) throws {
    try withTemporaryDirectory { directory in
        let spec = directory.appending(path: "d.yaml")
        try Data(malformed.bytes).write(to: spec)
        let output = directory.appending(path: "Out")
        let outcome = GenerateCommand(spec: spec.path, output: output.path, check: false).run()
        #expect(outcome.status == 1)
        #expect(
            outcome.errors.first?.split(separator: "\n").first.map(String.init) == "\(spec.path):\(malformed.expected)")
        #expect(outcome.errors.last?.hasSuffix("; nothing was written.") == true)
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
