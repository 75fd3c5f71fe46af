import Foundation
import Generator
import Testing

private let root = packageRoot

/// The directory of the modules this test build produced, where the generated code's imports are found.
private func modulesDirectory() throws -> URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<6 {
        let candidate = directory.appending(path: "Modules")
        if FileManager.default.fileExists(atPath: candidate.appending(path: "APIClientRuntime.swiftmodule").path) {
            return candidate
        }
        directory = directory.deletingLastPathComponent()
    }
    throw CompileFailure(
        output: "no Modules directory with APIClientRuntime.swiftmodule near \(CommandLine.arguments[0])")
}

struct CompileFailure: Error {
    var output: String
}

/// Type-checks generated files in Swift 6 mode as a module of their own, returning what the compiler printed;
/// throws when it fails.
func typeCheck(_ files: [GeneratedFile], module: String) throws -> String {
    try withTemporaryDirectory { directory in
        try OutputDirectory(url: directory).replace(with: files)
        let (status, output) = try runCommand(
            ["swiftc", "-typecheck", "-swift-version", "6", "-module-name", module, "-I", try modulesDirectory().path]
                + files.map { directory.appending(path: $0.path).path })
        guard status == 0 else { throw CompileFailure(output: output) }
        return output
    }
}

/// Generates a description's client and type-checks it, returning the sources and what the compiler printed.
private func generateAndTypeCheck(_ fixture: String) throws -> (sources: [GeneratedFile], compilerOutput: String) {
    let bytes = Array(try Data(contentsOf: root.appending(path: "Tests/Fixtures/\(fixture)")))
    let files = try Pipeline.generate(bytes, path: fixture, sourceName: fixture).files
    return (files, try typeCheck(files, module: "Hostile"))
}

@Test func hostileNamesAndDescriptionsGiveSwiftThatCompilesWithoutWarnings() throws {
    let (files, output) = try generateAndTypeCheck("hostile.yaml")
    #expect(output.isEmpty, "the compiler said: \(output)")
    let code = files.map(\.contents).joined()
    // Text from the description appears only inside doc comments and string literals.
    for line in code.split(separator: "\n") where line.contains("func x") || line.contains("injected") {
        let trimmed = line.drop { $0 == " " }
        #expect(trimmed.hasPrefix("///") || line.contains(#""} func x() {""#), "escaped into code: \(line)")
    }
    #expect(!code.contains("\u{2028}"))
    #expect(!code.contains("\u{0}"))
}

@Test func typesThatHoldThemselvesCompile() throws {
    let (files, output) = try generateAndTypeCheck("recursive.yaml")
    #expect(output.isEmpty, "the compiler said: \(output)")
    let node = try #require(files.first { $0.path == "Schemas/Node.swift" }).contents
    #expect(node.contains("var _parent: Indirect<Node>?"))
    #expect(node.contains("var _owner: Indirect<Owner>?"))
    #expect(node.contains("public var children: [Node]?"))
    let leaf = try #require(files.first { $0.path == "Schemas/Leaf.swift" }).contents
    #expect(leaf.contains("public var alias: Alias?"))
    let alias = try #require(files.first { $0.path == "Schemas/Alias.swift" }).contents
    #expect(alias.contains("public typealias Alias = Node"))
    // Recursion through arrays and aliases: a type alias where it can be one, a wrapper struct where it cannot.
    let tree = try #require(files.first { $0.path == "Schemas/Tree.swift" }).contents
    #expect(tree.contains("public typealias Tree = [TreeItem]"))
    #expect(tree.contains("public var children: Tree?"))
    let nested = try #require(files.first { $0.path == "Schemas/Nested.swift" }).contents
    #expect(nested.contains("public struct Nested: Codable, Hashable, Sendable {"))
    #expect(nested.contains("public var value: [Nested]"))
}

@Test func edgeCasesOfTheSubsetCompile() throws {
    let (files, output) = try generateAndTypeCheck("edge-cases.yaml")
    #expect(output.isEmpty, "the compiler said: \(output)")
    // The client's methods are in extensions beside their operations.
    let client = files.map(\.contents).joined()
    #expect(client.contains("public func getPet()"))
    #expect(client.contains("public func getPet2(body: [String])"))
    #expect(client.contains("public func runner2("))
    let deprecation = #"@available(*, deprecated, message: "The description marks this operation as deprecated.")"#
    #expect(client.contains(deprecation + "\n    public func token2()"))
}

@Test func namesThatCollideAfterConversionAreNumberedInDocumentOrder() throws {
    let bytes = Array(try Data(contentsOf: root.appending(path: "Tests/Fixtures/hostile.yaml")))
    let files = try Pipeline.generate(bytes, path: "hostile.yaml", sourceName: "hostile.yaml").files
    let schema = try #require(files.first { $0.path == "Schemas/Class.swift" }).contents
    #expect(schema.contains(#"case notificationEmails = "notification-emails""#))
    #expect(schema.contains(#"case notificationEmails2 = "notification_emails""#))
    #expect(schema.contains(#"case notificationEmails3 = "notificationEmails""#))
    #expect(schema.contains(#"case stringValue2 = "stringValue""#))
    #expect(files.map(\.path).contains("Schemas/String_.swift"))
}

@Test func adversarialNamesCompileWithoutWarnings() throws {
    let (files, output) = try generateAndTypeCheck("adversarial-names.yaml")
    #expect(output.isEmpty, "the compiler said: \(output)")
    // Names that differ only in case get files that differ in more, for file systems that ignore case.
    let paths = files.map { $0.path.lowercased() }
    #expect(Set(paths).count == paths.count)
    let client = try #require(files.first { $0.path == "Operations/Search.swift" }).contents
    #expect(
        client.contains(
            "try await self.runner.send(Search.self, Search.Input(search: search, selfValue: selfValue), security: [])")
    )
    // A delimited list where only a string can travel (array items) is a string, and the translator says so.
    let bytes = Array(try Data(contentsOf: root.appending(path: "Tests/Fixtures/adversarial-names.yaml")))
    let warnings = try Pipeline.generate(bytes, path: "a.yaml", sourceName: "a.yaml").warnings.map(\.message)
    #expect(
        warnings.contains(
            "`x-apigen-delimiter` applies where the string is a property of an object; here it is used as a whole string."
        ))
}

/// Identifiers of a few hundred characters cannot meet the line limit, so this fixture is compiled but not linted.
@Test func longNamesGiveShortStableFileNamesAndCompile() throws {
    let (files, output) = try generateAndTypeCheck("long-names.yaml")
    #expect(output.isEmpty, "the compiler said: \(output)")
    #expect(files.allSatisfy { $0.path.split(separator: "/").allSatisfy { $0.utf8.count <= 255 } })
    #expect(
        files.map(\.path).contains {
            $0.hasPrefix("Operations/AVeryLongVeryLong") && $0.hasSuffix("_7bfb55055f13b1ec.swift")
        })
}

/// Long-running operations followed through a 202, a range and a reading operation without credentials, with
/// locations in headers of each type.
@Test func pollLinksOfEveryShapeCompile() throws {
    let (files, output) = try generateAndTypeCheck("polling.yaml")
    #expect(output.isEmpty, "the compiler said: \(output)")
    let client = try #require(files.first { $0.path == "Client.swift" }).contents
    #expect(client.contains("public func waitForJob("))
    #expect(client.contains("public func waitForTask("))
    let start = try #require(files.first { $0.path == "Operations/StartImport.swift" }).contents
    #expect(
        start.contains(
            "case .successful(_, let location):\n                PendingOperation(locations: [location.rawValue])"))
}

@Test(arguments: ["hostile.yaml", "recursive.yaml", "edge-cases.yaml", "adversarial-names.yaml", "polling.yaml"])
func generatedCodePassesTheProjectsStrictLint(fixture: String) throws {
    let bytes = Array(try Data(contentsOf: root.appending(path: "Tests/Fixtures/\(fixture)")))
    let files = try Pipeline.generate(bytes, path: fixture, sourceName: fixture).files
    let (status, output) = try withTemporaryDirectory { directory in
        try OutputDirectory(url: directory).replace(with: files)
        return try runCommand([
            "swift", "format", "lint", "--strict", "--recursive", "--configuration",
            root.appending(path: ".swift-format").path, directory.path,
        ])
    }
    #expect(status == 0, "swift format said: \(output)")
}
