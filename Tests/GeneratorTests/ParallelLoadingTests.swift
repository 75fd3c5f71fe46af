import Generator
import SwiftCodegen
import Testing
import YAML

@testable import APIDescription

/// Loads a description on `threads` threads: the translated files, the diagnostics (warnings, or the errors thrown),
/// and how many lists of items were loaded in parts that stood.
private func loaded(_ text: String, threads: Int) throws -> (files: [String], diagnostics: [Diagnostic], parts: Int) {
    var loader = Loader(root: try YAMLParser.parse(Array(text.utf8), file: "d.yaml"), threads: threads)
    let document = loader.document()
    let diagnostics = loader.diagnostics
    guard let document, !diagnostics.contains(where: { $0.severity == .error }) else {
        return ([], diagnostics, loader.partsThatStood)
    }
    var files: [String] = []
    Translator(document: document).translateFiles(threads: 1) { file in
        file.path + "\n" + Printer.render(file, header: [])
    } emit: {
        files.append($0)
    }
    return (files, diagnostics, loader.partsThatStood)
}

/// `count` operations, each with schemas of its own; `shared` makes every operation's 401 response one shared
/// response whose schema is written in place (the first use names it, so later operations' loading depends on
/// earlier ones'); `pointer` gives every operation a 403 response whose schema is a property of a component schema,
/// reached by a pointer (named too when first met); `noIDs` leaves out operation IDs (a note for each); `brokenAt`
/// gives that operation a parameter in a place that does not exist (an error).
private func description(
    count: Int, shared: Bool = false, pointer: Bool = false, noIDs: Bool = false, brokenAt: Int? = nil
) -> String {
    var text = "openapi: 3.0.3\ninfo: {title: Parts, version: '1'}\npaths:\n"
    for index in 0..<count {
        text += "  /items\(index)/{id}:\n    get:\n"
        if !noIDs { text += "      operationId: getItem\(index)\n" }
        text += "      parameters:\n"
        text +=
            "        - {name: id, in: \(index == brokenAt ? "body" : "path"), required: true, schema: {type: string}}\n"
        text += "      responses:\n"
        text += "        '200':\n          description: Found.\n          content:\n            application/json:\n"
        text += "              schema: {$ref: '#/components/schemas/Item\(index)'}\n"
        if shared { text += "        '401': {$ref: '#/components/responses/Unauthorized'}\n" }
        if pointer {
            text +=
                "        '403':\n          description: Refused.\n          content:\n            application/json:\n"
            text += "              schema: {$ref: '#/components/schemas/Item0/properties/reason'}\n"
        }
    }
    text += "components:\n"
    if shared {
        text += "  responses:\n    Unauthorized:\n      description: Not signed in.\n      content:\n"
        text += "        application/json:\n          schema: {type: object, properties: {reason: {type: string}}}\n"
    }
    text += "  schemas:\n"
    for index in 0..<count {
        text += "    Item\(index): {type: object, properties: {name: {type: string}, size: {type: integer}"
        text += index == 0 ? ", reason: {type: string, enum: [busy, closed]}}}\n" : "}}\n"
    }
    return text
}

/// Path items and component schemas are loaded on several threads when there are many; whatever the number of
/// threads, the files and the diagnostics are the same, whether the parts stand (independent items, notes of their
/// own) or are loaded again on one thread (a schema named by its first use, an error), or the path items are loaded
/// on one thread from the start (shared responses).
@Test(arguments: [
    ("independent", description(count: 300), 2),
    ("notes", description(count: 300, noIDs: true), 2),
    ("shared", description(count: 300, shared: true), 1),
    ("pointer", description(count: 300, pointer: true), 1),
    ("error", description(count: 300, brokenAt: 250), 1),
])
func loadingIsTheSameOnOneThreadAsOnMany(name: String, text: String, partsThatStand: Int) throws {
    let one = try loaded(text, threads: 1)
    #expect(one.parts == 0)
    if name == "error" {
        #expect(one.files.isEmpty)
        #expect(one.diagnostics.contains { $0.severity == .error })
    } else {
        #expect(one.files.count > 5)
    }
    if name == "notes" { #expect(one.diagnostics.count == 300) }
    for threads in [2, 4] {
        let many = try loaded(text, threads: threads)
        #expect(many.files == one.files, "\(name) on \(threads) threads")
        #expect(many.diagnostics == one.diagnostics, "\(name) on \(threads) threads")
        // The schemas always stand; the path items only where no item's loading changed what another finds.
        #expect(many.parts == partsThatStand, "\(name) on \(threads) threads")
    }
}
