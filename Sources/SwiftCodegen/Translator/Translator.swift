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
    /// The client's method names for operations, by `operationId`; unique, and clear of the client's own members.
    var methodNames: [String: Identifier] = [:]
    /// Every top-level name, which nested types must not shadow.
    var topLevelNames: Set<String> = []
    /// For each named object schema, the named object schemas it holds by value, directly or through others; a
    /// property that leads back to its own type must be stored out of line.
    var heldByValue: [String: Set<String>] = [:]

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
        var methods = UniqueNames(reserved: ["runner", "token", "defaultServerURL"])
        for operation in document.operations {
            methodNames[operation.id] = methods.claim(Naming.memberName(operation.id))
        }
        topLevelNames = Set(schemaTypes.values.map(\.name) + operationTypes.values.map(\.name) + ["Client"])
        heldByValue = Translator.reachability(document.schemas, schemas: schemas)
    }

    /// The named object schemas each named schema holds by value, transitively. Arrays break the chain: their
    /// storage is already out of line.
    static func reachability(_ named: [NamedSchema], schemas: [String: Schema]) -> [String: Set<String>] {
        func direct(_ schema: Schema, _ seen: inout Set<String>) -> Set<String> {
            switch schema.kind {
            case .reference(let target):
                guard let resolved = schemas[target] else { return [] }
                if case .object = resolved.kind { return [target] }
                return seen.insert(target).inserted ? direct(resolved, &seen) : []
            case .object(let properties):
                return properties.reduce(into: []) { $0.formUnion(direct($1.schema, &seen)) }
            default:
                return []
            }
        }
        var edges: [String: Set<String>] = [:]
        for schema in named {
            var seen: Set<String> = []
            edges[schema.name] = direct(schema.schema, &seen)
        }
        var result: [String: Set<String>] = [:]
        for schema in named {
            var reached: Set<String> = []
            var pending = Array(edges[schema.name] ?? [])
            while let next = pending.popLast() {
                guard reached.insert(next).inserted else { continue }
                pending += edges[next] ?? []
            }
            result[schema.name] = reached
        }
        return result
    }

    /// Whether a property of a type declared for the named schema `owner` leads back to that type by value.
    func leadsBack(_ schema: Schema, to owner: String?) -> Bool {
        guard let owner, case .reference(let target) = schema.kind else { return false }
        var name = target
        var seen: Set<String> = []
        while let resolved = schemas[name], case .reference(let next) = resolved.kind, seen.insert(name).inserted {
            name = next
        }
        return name == owner || heldByValue[name]?.contains(owner) == true
    }

    /// The files of the client, in a fixed order.
    public func files() -> [SwiftFile] {
        // Each operation's input is shaped once, for both its own file and the client's methods.
        let shapes = document.operations.map(inputShape)
        var files = [clientFile(shapes)]
        for shape in shapes {
            files.append(operationFile(shape))
        }
        for named in document.schemas {
            guard let name = schemaTypes[named.name] else { continue }
            var scope = Scope(path: [name], reserved: topLevelNames, owner: named.name)
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

    /// The modules a schema's declaration uses: the runtime (delimited lists, path forms, out-of-line storage) and
    /// Foundation always, OpenAPIRuntime for free-form values.
    static func imports(for schema: Schema) -> [String] {
        ["APIClientRuntime", "Foundation"] + (usesValueContainer([schema]) ? ["OpenAPIRuntime"] : [])
    }

    /// Whether any of the schemas, or a schema inline in them, is a free-form value (`OpenAPIValueContainer`).
    static func usesValueContainer(_ schemas: [Schema], depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        return schemas.contains { schema in
            switch schema.kind {
            case .any: true
            case .array(let items): usesValueContainer([items], depth: depth + 1)
            case .object(let properties): usesValueContainer(properties.map(\.schema), depth: depth + 1)
            default: false
            }
        }
    }
}

/// The names taken inside one type, and the path of types that leads to it.
struct Scope {
    /// The enclosing types, outermost first.
    var path: [Identifier]
    var types: UniqueNames
    var members: UniqueNames

    /// The named schema whose declaration this scope is part of, if any.
    var owner: String?

    /// - Parameters:
    ///   - reserved: Names no nested type may take, such as every top-level type name.
    ///   - owner: The named schema whose declaration the scope is part of.
    init(path: [Identifier], reserved: Set<String>, owner: String? = nil) {
        self.path = path
        self.owner = owner
        types = UniqueNames(
            reserved: Set(path.map(\.name)).union(["CodingKeys", "Input", "Output", "Form"]), shared: reserved)
        // `stringValue` and `intValue` would clash with `CodingKey`'s own members in the coding keys.
        members = UniqueNames(reserved: ["stringValue", "intValue"])
    }

    /// The fully qualified reference to a type nested in this scope.
    func qualified(_ name: Identifier) -> Code {
        Code.joined((path + [name]).map { "\($0)" }, separator: ".")
    }
}
