import Generator
import Testing

/// The Swift generated for the named schemas of a description that is otherwise empty: the file of `name`, without
/// its header and imports.
func generated(_ schemas: String, file name: String, version: String = "3.1.0") throws -> String {
    let yaml =
        "openapi: \(version)\ninfo: {title: Snippet, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas
    let files = try Pipeline.generate(Array(yaml.utf8), path: "snippet.yaml", sourceName: "snippet.yaml").files
    let contents = try #require(files.first { $0.path == "Schemas/\(name).swift" }).contents
    return contents.split(separator: "\n", omittingEmptySubsequences: false).drop {
        $0.hasPrefix("// ") || $0.hasPrefix("import") || $0.hasPrefix("@_spi") || $0.isEmpty
    }.joined(separator: "\n")
}

@Test func aTypeListWithNullIsAnOptionalValue() throws {
    #expect(
        try generated(
            """
                Pet:
                  type: object
                  required: [name]
                  properties:
                    name: {type: [string, 'null']}
            """, file: "Pet"
        ).contains("    public var name: String?\n"))
}

@Test func anArrayWithoutItemsHoldsAnyJSONValues() throws {
    #expect(
        try generated("    Bag: {type: array}\n", file: "Bag")
            == """
            /// Generated from `#/components/schemas/Bag`.
            public typealias Bag = [OpenAPIValueContainer]

            """)
}

@Test func anObjectWithoutPropertiesIsAMap() throws {
    #expect(
        try generated("    Counts:\n      type: object\n      additionalProperties: {type: integer}\n", file: "Counts")
            == """
            /// Generated from `#/components/schemas/Counts`.
            public typealias Counts = [String: Int]

            """)
    #expect(
        try generated("    Free: {type: object, description: Anything.}\n", file: "Free")
            == """
            /// Anything.
            ///
            /// Generated from `#/components/schemas/Free`.
            public typealias Free = [String: OpenAPIValueContainer]

            """)
}

@Test func aMapOfInlineObjectsDeclaresItsValueType() throws {
    let code = try generated(
        """
            Scores:
              type: object
              additionalProperties:
                type: object
                properties:
                  points: {type: integer}
        """, file: "Scores")
    #expect(
        code.hasPrefix(
            "/// Generated from `#/components/schemas/Scores`.\npublic typealias Scores = [String: ScoresItem]\n"))
    #expect(
        code.contains(
            "public struct ScoresItem: Codable, Hashable, Sendable {\n    /// The `points` property.\n    public var points: Int?\n"
        ))
}

@Test func allOfWithOneReferenceIsThatReference() throws {
    #expect(
        try generated(
            """
                Pet: {type: object, properties: {name: {type: string}}}
                Named:
                  description: A pet, by another name.
                  allOf: [{$ref: '#/components/schemas/Pet'}]
            """, file: "Named", version: "3.0.3")
                == """
                /// A pet, by another name.
                ///
                /// Generated from `#/components/schemas/Named`.
                public typealias Named = Pet

                """)
}
