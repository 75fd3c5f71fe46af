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
    /// - Parameters:
    ///   - description: What the value means where it is used, documenting a nested type whose schema has no
    ///     description of its own.
    ///   - isProperty: Whether the value is a property of an object, the one place a delimited list
    ///     (`x-apigen-delimiter`) is coded as its items; elsewhere it is the string on the wire.
    func mapType(
        _ schema: Schema, name: String, description: String? = nil, isProperty: Bool = false, scope: inout Scope
    ) -> MappedType {
        if Translator.needsDeclaration(schema) {
            let typeName = scope.names.claim(Naming.typeName(name))
            var inner = scope
            var documented = schema
            documented.description = schema.description ?? description ?? "The values of `\(name)`."
            let declaration = typeDeclaration(for: documented, name: typeName, origin: nil, scope: &inner)
            return MappedType(code: scope.qualified(typeName), nested: [declaration])
        }
        switch schema.kind {
        case .string(let format):
            if schema.delimiter != nil {
                return MappedType(code: delimitedType(schema, isProperty: isProperty), nested: [])
            }
            return MappedType(code: Translator.stringType(format: format), nested: [])
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
            // An object without properties is a map: of the `additionalProperties` schema, or of any JSON values.
            guard case .allowed(let values) = schema.additionalProperties else {
                return MappedType(code: "[String: OpenAPIValueContainer]", nested: [])
            }
            let element = mapType(values, name: name + "Value", description: "A value of `\(name)`.", scope: &scope)
            return MappedType(
                code: "[String: \(values.isNullable ? "\(element.code)?" : element.code)]", nested: element.nested)
        case .reference(let target):
            if let typeName = schemaTypes[target] { return MappedType(code: "\(typeName)", nested: []) }
            // Only delimited strings have no type of their own: their Swift type depends on where they are used.
            return MappedType(code: delimitedType(resolved(schema), isProperty: isProperty), nested: [])
        case .any:
            return MappedType(code: "OpenAPIValueContainer", nested: [])
        case .allOf, .oneOf, .anyOf:
            preconditionFailure("compositions always get a declaration")
        }
    }

    /// The Swift type of a string of a format: the formats that name a type of their own, otherwise `String`.
    static func stringType(format: String?) -> Code {
        switch format {
        case "uuid": "UUID"
        case "uri": "URL"
        case "date-time": "Date"
        case "date": "CalendarDate"
        case "byte", "binary": "Data"
        default: "String"
        }
    }

    /// The Swift type of a delimited list: its items as a property of an object, otherwise the string on the wire,
    /// with a warning, since only objects code the list.
    private func delimitedType(_ schema: Schema, isProperty: Bool) -> Code {
        if isProperty { return "[String]" }
        diagnostics.warn(
            schema.location,
            "`x-apigen-delimiter` applies where the string is a property of an object; here it is used as a whole string."
        )
        return "String"
    }

    /// A struct that holds one value of another type and codes as that value: what a named schema that leads back to
    /// itself through arrays (`A: {type: array, items: {$ref: A}}`) becomes, where a type alias cannot.
    func wrapperDeclaration(name: Identifier, type: Code, doc: Doc, origin: String) -> Declaration {
        let value = Identifier("value")
        return .type(
            TypeDeclaration(
                .struct, name: name, conformances: ["Codable", "Hashable", "Sendable"], doc: doc, origin: origin,
                members: [
                    .property(PropertyDeclaration(name: value, type: type, isMutable: true, doc: Doc(["The value."]))),
                    .function(
                        FunctionDeclaration(
                            name: nil, parameters: [FunctionParameter(label: "_", name: value, type: type)],
                            doc: Doc(["Wraps a value."], parameters: [(value, "The value.")]),
                            body: [.line("self.value = value")])),
                    .function(
                        FunctionDeclaration(
                            name: nil,
                            parameters: [
                                FunctionParameter(label: "from", name: Identifier("decoder"), type: "any Decoder")
                            ],
                            effects: "throws", doc: Doc(["Decodes the value it holds."]),
                            body: [.line("value = try decoder.singleValueContainer().decode(\(type).self)")])),
                    .function(
                        FunctionDeclaration(
                            name: Identifier("encode"),
                            parameters: [
                                FunctionParameter(label: "to", name: Identifier("encoder"), type: "any Encoder")
                            ],
                            effects: "throws", doc: Doc(["Encodes the value it holds."]),
                            body: [
                                .line("var container = encoder.singleValueContainer()"),
                                .line("try container.encode(value)"),
                            ])),
                ]))
    }

    /// The schema a reference leads to, following references between named schemas.
    func resolved(_ schema: Schema) -> Schema {
        Translator.resolved(schema, in: schemas)
    }

    /// The schema a value has as Swift sees it where it is written to the wire: the schema a reference leads to, but a
    /// wrapper struct (a named schema that leads back to itself through arrays or maps) is opaque, any value, which
    /// travels as its JSON.
    func swiftShape(_ schema: Schema) -> Schema {
        var current = schema
        var seen: Set<String> = []
        while case .reference(let name) = current.kind, seen.insert(name).inserted, let target = schemas[name] {
            if wrappedAliases.contains(name) { return Schema(kind: .any, location: target.location) }
            current = target
        }
        return current
    }

    /// The schema a reference leads to among `schemas`, following references between named schemas.
    static func resolved(_ schema: Schema, in schemas: [String: Schema]) -> Schema {
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
            return openEnumDeclaration(
                schema.enumValues, matchesLoosely: schema.matchesLoosely, name: name, doc: doc, origin: origin,
                codingConformances: codingConformances(scope))
        case .integer:
            let cases = enumCases(schema.enumValues) { .integer(Int($0) ?? 0) }
            return .type(
                TypeDeclaration(
                    .enum, name: name,
                    conformances: ["Int", "Codable", "Hashable", "Sendable", "CaseIterable"]
                        + codingConformances(scope),
                    doc: doc, origin: origin, members: cases))
        case .object(let properties):
            var inner = innerScope(scope, name: name)
            return .type(
                TypeDeclaration(
                    .struct, name: name,
                    conformances: ["Codable", "Hashable", "Sendable"]
                        + (additionalValues(schema) == nil
                            ? codingConformances(scope, properties: properties) : []),
                    doc: doc,
                    origin: origin,
                    members: objectMembers(
                        properties, additional: additionalValues(schema), scope: &inner)))
        case .allOf(let parts):
            var inner = innerScope(scope, name: name)
            if let merged = mergedObject(parts) {
                return .type(
                    TypeDeclaration(
                        .struct, name: name,
                        conformances: ["Codable", "Hashable", "Sendable"]
                            + (merged.additional == nil
                                ? codingConformances(scope, properties: merged.properties) : []),
                        doc: doc,
                        origin: origin,
                        members: objectMembers(merged.properties, additional: merged.additional, scope: &inner)))
            }
            return compositionDeclaration(.allOf, parts, name: name, doc: doc, origin: origin, scope: &inner)
        case .anyOf(let alternatives):
            var inner = innerScope(scope, name: name)
            return compositionDeclaration(.anyOf, alternatives, name: name, doc: doc, origin: origin, scope: &inner)
        case .oneOf(let alternatives):
            var inner = innerScope(scope, name: name)
            return oneOfDeclaration(
                alternatives, discriminator: schema.discriminator, name: name, doc: doc, origin: origin,
                scope: &inner)
        default:
            preconditionFailure("only objects, enums, compositions and path forms get a declaration")
        }
    }

    /// The scope inside the declaration of a type named `name` in `scope`.
    func innerScope(_ scope: Scope, name: Identifier) -> Scope {
        var inner = Scope(
            path: scope.path.last == name ? scope.path : scope.path + [name], reserved: topLevelNames,
            owner: scope.owner)
        inner.writesJSON = scope.writesJSON
        inner.readsJSON = scope.readsJSON
        return inner
    }

    /// The protocols through which the types declared in a scope write and read their own JSON, where request and
    /// response bodies use them; a large object does not read itself (``hasReader(_:)``).
    func codingConformances(_ scope: Scope, properties: [Property] = []) -> [String] {
        (scope.writesJSON ? ["JSONWritable"] : [])
            + (scope.readsJSON && Translator.hasReader(properties) ? ["JSONReadable"] : [])
    }

    /// Whether an object of these properties gets a reader. A reader's cost to the optimizer grows faster than its
    /// number of properties (a whole-module build of a description with a few objects of a hundred properties took
    /// three times as long with their readers), so objects of more than 24 are decoded by `JSONDecoder`, alone or
    /// inside a reader; so is one with a NUL in a property's name, which the reader's list of names separates.
    static func hasReader(_ properties: [Property]) -> Bool {
        properties.count <= 24 && !properties.contains { $0.name.utf8.contains(0) }
    }

    /// The schema of the values an object keeps beyond its listed properties, when it keeps them as a map.
    func additionalValues(_ schema: Schema) -> Schema? {
        guard case .object(let properties) = schema.kind, !properties.isEmpty,
            case .allowed(let values) = schema.additionalProperties
        else { return nil }
        return values
    }

    /// A string enum that keeps values the description does not list: a server that adds a value must not break
    /// decoding, and the value is re-encoded unchanged. With loose matching, a listed value matches whatever its
    /// letter case and separators, and is re-encoded as the description spells it.
    private func openEnumDeclaration(
        _ values: [String], matchesLoosely: Bool, name: Identifier, doc: Doc, origin: String?,
        codingConformances: [String]
    ) -> Declaration {
        let names = Translator.enumCaseNames(values)
        let unrecognized = Identifier("unrecognized")
        var members: [Declaration] = zip(values, names).map { value, caseName in
            .enumCase(EnumCaseDeclaration(name: caseName, doc: Doc(["The value `\(value)`."])))
        }
        members.append(
            .enumCase(
                EnumCaseDeclaration(
                    name: unrecognized, associatedValues: [(nil, "String")],
                    doc: Doc(["A value the description does not list, kept as received."]))))
        members.append(
            .property(
                PropertyDeclaration(
                    name: Identifier("allCases"), type: "[\(name)]", isStatic: true,
                    value: .array(names.map { ".\($0)" }), doc: Doc(["The values the description lists."]))))
        let rawValue = Identifier("rawValue")
        members.append(
            .function(
                FunctionDeclaration(
                    name: nil, parameters: [FunctionParameter(name: rawValue, type: "String")],
                    doc: Doc(
                        [
                            "Creates the value a string names; a string the description does not list is `unrecognized`.",
                            matchesLoosely
                                ? "Letter case, spaces, `-` and `_` do not matter: `Not-Started` names `notStarted`."
                                : nil,
                        ],
                        parameters: [(rawValue, "The value on the wire.")]),
                    body: [
                        .switchOver(
                            matchesLoosely ? "EnumSpelling.folded(rawValue)" : "rawValue",
                            zip(values, names).map { value, caseName in
                                (
                                    "case \(literal: matchesLoosely ? foldedSpelling(value) : value)",
                                    [.line("self = .\(caseName)")]
                                )
                            } + [("default", [.line("self = .unrecognized(rawValue)")])])
                    ])))
        members.append(
            .property(
                PropertyDeclaration(
                    name: rawValue, type: "String",
                    getter: [
                        .switchOver(
                            "self",
                            zip(values, names).map { value, caseName in
                                ("case .\(caseName)", [.line("\(literal: value)")])
                            } + [("case .unrecognized(let value)", [.line("value")])])
                    ], doc: Doc(["The value on the wire."]))))
        return .type(
            TypeDeclaration(
                .enum, name: name,
                conformances: ["RawRepresentable", "Codable", "Hashable", "Sendable", "CaseIterable"]
                    + codingConformances,
                doc: doc,
                origin: origin, members: members))
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
        var names = UniqueNames(reserved: Naming.reservedScopeNames.union(["unrecognized"]))
        return values.map { names.claim(Naming.memberName($0)) }
    }
}
