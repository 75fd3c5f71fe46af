import APIDescription

/// A Swift type for a schema, and the declarations that must be nested next to its use.
struct MappedType {
    var code: Code
    var nested: [Declaration]
}

extension Translator {
    /// The Swift type of a schema used in `scope`, declaring a nested type named after `name` where the schema needs
    /// one (inline objects, enums, path forms). Nullability is left to the caller, which knows whether the value may
    /// also be absent.
    ///
    /// - Parameter description: What the value means where it is used, documenting a nested type whose schema has no
    ///   description of its own.
    func mapType(_ schema: Schema, name: String, description: String? = nil, scope: inout Scope) -> MappedType {
        if Translator.needsDeclaration(schema) {
            let typeName = scope.types.claim(Naming.typeName(name))
            var inner = scope
            var documented = schema
            documented.description = schema.description ?? description ?? "The values of `\(name)`."
            let declaration = typeDeclaration(for: documented, name: typeName, origin: nil, scope: &inner)
            return MappedType(code: scope.qualified(typeName), nested: [declaration])
        }
        switch schema.kind {
        case .string(let format):
            if schema.delimiter != nil { return MappedType(code: "[String]", nested: []) }
            switch format {
            case "uuid": return MappedType(code: "UUID", nested: [])
            case "uri": return MappedType(code: "URL", nested: [])
            case "date-time": return MappedType(code: "Date", nested: [])
            default: return MappedType(code: "String", nested: [])
            }
        case .integer(let format):
            return MappedType(code: format == "int32" ? "Int32" : format == "int64" ? "Int64" : "Int", nested: [])
        case .number(let format):
            return MappedType(code: format == "float" ? "Float" : "Double", nested: [])
        case .boolean:
            return MappedType(code: "Bool", nested: [])
        case .array(let items):
            let element = mapType(items, name: name + "Item", description: "An item of `\(name)`.", scope: &scope)
            let elementType: Code = items.isNullable ? "\(element.code)?" : element.code
            return MappedType(code: "[\(elementType)]", nested: element.nested)
        case .object:
            preconditionFailure("objects always get a declaration")
        case .reference(let target):
            if let typeName = schemaTypes[target] { return MappedType(code: "\(typeName)", nested: []) }
            // A named schema without a declaration of its own, such as a plain string, is used inline; its own nested
            // types cannot arise, since only objects, enums and path forms have them.
            guard let resolved = schemas[target] else { return MappedType(code: "OpenAPIValueContainer", nested: []) }
            return mapType(resolved, name: name, description: description, scope: &scope)
        case .any:
            return MappedType(code: "OpenAPIValueContainer", nested: [])
        }
    }

    /// The schema a reference leads to, following references between named schemas.
    func resolved(_ schema: Schema) -> Schema {
        var current = schema
        var seen: Set<String> = []
        while case .reference(let name) = current.kind, seen.insert(name).inserted, let target = schemas[name] {
            current = target
        }
        return current
    }

    /// The declaration of an object, enum or path-form type.
    func typeDeclaration(for schema: Schema, name: Identifier, origin: String?, scope: inout Scope) -> Declaration {
        let doc = Doc([schema.description])
        if !schema.pathForms.isEmpty {
            return pathFormsDeclaration(schema, name: name, doc: doc, origin: origin)
        }
        switch schema.kind {
        case .string:
            let cases = enumCases(schema.enumValues) { .string($0) }
            return .type(
                TypeDeclaration(
                    .enum, name: name, conformances: ["String", "Codable", "Hashable", "Sendable", "CaseIterable"],
                    doc: doc, origin: origin, members: cases))
        case .integer:
            let cases = enumCases(schema.enumValues) { .integer(Int($0) ?? 0) }
            return .type(
                TypeDeclaration(
                    .enum, name: name, conformances: ["Int", "Codable", "Hashable", "Sendable", "CaseIterable"],
                    doc: doc, origin: origin, members: cases))
        case .object(let properties):
            var inner = Scope(
                path: scope.path.last == name ? scope.path : scope.path + [name], reserved: topLevelNames,
                owner: scope.owner)
            return .type(
                TypeDeclaration(
                    .struct, name: name, conformances: ["Codable", "Hashable", "Sendable"], doc: doc, origin: origin,
                    members: objectMembers(properties, scope: &inner)))
        default:
            preconditionFailure("only objects, enums and path forms get a declaration")
        }
    }

    private func enumCases(
        _ values: [String], rawValue: (String) -> EnumCaseDeclaration.RawValue
    ) -> [Declaration] {
        zip(values, Translator.enumCaseNames(values)).map { value, name in
            .enumCase(EnumCaseDeclaration(name: name, rawValue: rawValue(value), doc: Doc(["The value `\(value)`."])))
        }
    }

    /// The case names of an enum's values, in order.
    static func enumCaseNames(_ values: [String]) -> [Identifier] {
        var names = UniqueNames(reserved: ["allCases", "rawValue"])
        return values.map { names.claim(Naming.memberName($0)) }
    }
}
