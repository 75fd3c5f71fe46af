import APIDescription

/// Translates a validated description into Swift files: one per named schema, one per operation and the client.
///
/// Names are assigned once, up front and in document order, so output is the same on every run.
public struct Translator {
    let document: APIDocument
    /// Swift type names of named schemas that get their own declaration.
    var schemaTypes: [String: Identifier] = [:]
    /// Named schemas by name, for resolving references.
    let schemas: [String: Schema]
    /// Swift namespace names of operations, by `operationId`.
    var operationTypes: [String: Identifier] = [:]
    /// Every top-level name, which nested types must not shadow.
    var topLevelNames: Set<String> = []

    /// Prepares the translation of a document.
    public init(document: APIDocument) {
        self.document = document
        schemas = Dictionary(document.schemas.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        var names = UniqueNames(reserved: ["Client"])
        for named in document.schemas where Translator.needsDeclaration(named.schema) {
            schemaTypes[named.name] = names.claim(Naming.typeName(named.name))
        }
        for operation in document.operations {
            operationTypes[operation.id] = names.claim(Naming.typeName(operation.id))
        }
        topLevelNames = Set(schemaTypes.values.map(\.name) + operationTypes.values.map(\.name) + ["Client"])
    }

    /// The files of the client, in a fixed order.
    public func files() -> [SwiftFile] {
        var files = [clientFile()]
        for operation in document.operations {
            files.append(operationFile(operation))
        }
        for named in document.schemas {
            guard let name = schemaTypes[named.name] else { continue }
            var scope = Scope(path: [name], reserved: topLevelNames)
            let declaration = typeDeclaration(
                for: named.schema, name: name, origin: "#/components/schemas/\(named.name)", scope: &scope)
            files.append(
                SwiftFile(
                    path: "Schemas/\(name.name).swift", imports: Translator.imports(for: named.schema),
                    declarations: [declaration]))
        }
        return files
    }

    /// Whether a named schema becomes a type of its own; others (plain strings, numbers, arrays) are used inline.
    static func needsDeclaration(_ schema: Schema) -> Bool {
        switch schema.kind {
        case .object: true
        case .string, .integer: !schema.enumValues.isEmpty || !schema.pathForms.isEmpty
        default: false
        }
    }

    /// The modules a schema's declaration uses: the runtime for delimited lists, OpenAPIRuntime for free-form values.
    static func imports(for schema: Schema) -> [String] {
        var usesRuntime = false
        var usesValueContainer = false
        func visit(_ schema: Schema, depth: Int) {
            guard depth < 64 else { return }
            if schema.delimiter != nil || !schema.pathForms.isEmpty { usesRuntime = true }
            switch schema.kind {
            case .any: usesValueContainer = true
            case .array(let items): visit(items, depth: depth + 1)
            case .object(let properties): for property in properties { visit(property.schema, depth: depth + 1) }
            default: break
            }
        }
        visit(schema, depth: 0)
        return (usesRuntime ? ["APIClientRuntime"] : []) + ["Foundation"]
            + (usesValueContainer ? ["OpenAPIRuntime"] : [])
    }
}

/// The names taken inside one type, and the path of types that leads to it.
struct Scope {
    /// The enclosing types, outermost first.
    var path: [Identifier]
    var types: UniqueNames
    var members: UniqueNames

    /// - Parameter reserved: Names no nested type may take, such as every top-level type name.
    init(path: [Identifier], reserved: Set<String>) {
        self.path = path
        types = UniqueNames(
            reserved: Set(path.map(\.name)).union(["CodingKeys", "Input", "Output", "Form"]), shared: reserved)
        // `stringValue` and `intValue` would clash with `CodingKey`'s own members in the coding keys.
        members = UniqueNames(reserved: ["stringValue", "intValue"])
    }

    /// The fully qualified reference to a type nested in this scope.
    func qualified(_ name: Identifier) -> Code {
        Code.joined((path + [name]).map { "\($0)" }, separator: ".")
    }

    /// A scope for a type nested in this one.
    func nested(_ name: Identifier, reserved: Set<String>) -> Scope {
        Scope(path: path + [name], reserved: reserved)
    }
}
