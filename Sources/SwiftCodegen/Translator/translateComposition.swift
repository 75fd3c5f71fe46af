import APIDescription

/// One part of a composition or one alternative of a `oneOf`: its Swift name and type, and how it codes.
private struct CompositionMember {
    var name: Identifier
    var type: Code
    /// Whether the value codes as a JSON object, so that several such values can share one encoder.
    var isObject: Bool
    var doc: String
}

/// The two compositions that become structs: every part holds (`allOf`), or at least one does (`anyOf`).
enum CompositionKind {
    case allOf
    case anyOf
}

extension Translator {
    /// The properties of an `allOf` whose parts are all objects, merged in order (a property required by any part is
    /// required), with the values kept beyond them; nil when a part is not an object, so the parts cannot merge.
    func mergedObject(_ parts: [Schema]) -> (properties: [Property], additional: Schema?)? {
        var properties: [Property] = []
        var additional: Schema?
        var visited: Set<String> = []
        func merge(_ schema: Schema) -> Bool {
            var current = schema
            while case .reference(let name) = current.kind {
                guard visited.insert(name).inserted, let target = schemas[name] else { return false }
                current = target
            }
            switch current.kind {
            case .object(let own):
                for property in own {
                    if let index = properties.firstIndex(where: { $0.name == property.name }) {
                        properties[index].isRequired = properties[index].isRequired || property.isRequired
                    } else {
                        properties.append(property)
                    }
                }
                if additional == nil, case .allowed(let values) = current.additionalProperties {
                    additional = values
                }
                return true
            case .allOf(let inner):
                return inner.allSatisfy(merge)
            default:
                return false
            }
        }
        guard parts.allSatisfy(merge) else { return nil }
        return (properties, additional)
    }

    /// Whether a schema's Swift value codes as a JSON object: a struct of properties or a composition of them.
    private func codesAsObject(_ schema: Schema) -> Bool {
        let target = resolved(schema)
        switch target.kind {
        case .object(let properties): return !properties.isEmpty || !target.allowsAdditionalProperties
        case .allOf(let parts): return parts.allSatisfy(codesAsObject)
        case .anyOf(let parts), .oneOf(let parts): return parts.allSatisfy(codesAsObject)
        default: return false
        }
    }

    /// Names and types for the members of a composition, named after the schemas they refer to where they refer to
    /// one, after their type where they are plain values, and by position otherwise.
    private func compositionMembers(
        _ schemas: [Schema], typeName: Identifier, word: String, scope: inout Scope, nested: inout [Declaration]
    ) -> [CompositionMember] {
        schemas.enumerated().map { index, schema in
            let base: String
            switch schema.kind {
            case .reference(let target): base = target
            case .string(let format): base = Printer.render(Translator.stringType(format: format))
            case .integer: base = "integer"
            case .number: base = "number"
            case .boolean: base = "boolean"
            case .array: base = "array"
            case .object: base = "object"
            case .allOf: base = "allOf"
            case .oneOf: base = "oneOf"
            case .anyOf: base = "anyOf"
            default: base = "case\(index + 1)"
            }
            let name = scope.names.claim(Naming.memberName(base))
            let mapped = mapType(
                schema, name: typeName.name + Naming.typeName(name.name).name,
                description: "\(word) \(index + 1) of `\(typeName.name)`.", scope: &scope)
            nested += mapped.nested
            let type: Code = schema.isNullable ? "\(mapped.code)?" : mapped.code
            let doc: String
            if case .reference(let target) = schema.kind {
                doc = schema.description ?? "The value as `\(target)`."
            } else {
                doc = schema.description ?? "The value as \(word.lowercased()) \(index + 1)."
            }
            return CompositionMember(name: name, type: type, isObject: codesAsObject(schema), doc: doc)
        }
    }

    /// Decodes one member from the whole decoder, through a single-value container so that the coder's strategies
    /// for dates and data apply.
    private func decodeMember(_ member: CompositionMember) -> Code {
        "try decoder.singleValueContainer().decode(\(member.type).self)"
    }

    /// A struct holding every part of an `allOf` that cannot merge into one object, or each alternative of an
    /// `anyOf` that decoded.
    func compositionDeclaration(
        _ kind: CompositionKind, _ parts: [Schema], name: Identifier, doc: Doc, origin: String?, scope: inout Scope
    ) -> Declaration {
        var nested: [Declaration] = []
        let word = kind == .anyOf ? "Alternative" : "Part"
        let members = compositionMembers(parts, typeName: name, word: word, scope: &scope, nested: &nested)
        let optional = kind == .anyOf
        func fieldType(_ member: CompositionMember) -> Code {
            optional && !Printer.render(member.type).hasSuffix("?") ? "\(member.type)?" : member.type
        }
        var declarations: [Declaration] = members.map { member in
            .property(
                PropertyDeclaration(name: member.name, type: fieldType(member), isMutable: true, doc: Doc([member.doc]))
            )
        }
        declarations.append(
            .function(
                FunctionDeclaration(
                    name: nil,
                    parameters: members.map {
                        FunctionParameter(name: $0.name, type: fieldType($0), defaultValue: optional ? "nil" : nil)
                    },
                    doc: Doc(["Creates a value."], parameters: members.map { ($0.name, $0.doc) }),
                    body: members.map { .line("self.\($0.name) = \($0.name)") })))
        var decode: [Statement] = []
        if optional {
            decode.append(.line("var errors: [any Error] = []"))
            for member in members {
                decode.append(
                    .doCatch(
                        [.line("self.\(member.name) = \(decodeMember(member))")], [.line("errors.append(error)")]))
            }
            let none = Code.joined(members.map { "self.\($0.name) == nil" }, separator: ", ")
            decode.append(
                .block(
                    "if \(none)",
                    [
                        .line(
                            Code.call(
                                "throw CompositionError",
                                [
                                    "type: \(literal: name.name)",
                                    "alternatives: \(Code.array(members.map { "\(literal: $0.name.name)" }))",
                                    "errors: errors", "codingPath: decoder.codingPath",
                                ]))
                    ]))
        } else {
            decode += members.map { .line("self.\($0.name) = \(decodeMember($0))") }
        }
        declarations.append(
            .function(
                FunctionDeclaration(
                    name: nil,
                    parameters: [FunctionParameter(label: "from", name: Identifier("decoder"), type: "any Decoder")],
                    effects: "throws",
                    doc: Doc([
                        optional
                            ? "Decodes each alternative the value is; it must be at least one."
                            : "Decodes the value as each of its parts."
                    ]),
                    body: decode)))
        declarations.append(
            .function(
                FunctionDeclaration(
                    name: Identifier("encode"),
                    parameters: [FunctionParameter(label: "to", name: Identifier("encoder"), type: "any Encoder")],
                    effects: "throws",
                    doc: Doc(["Encodes the parts into one value: every object part, or else the first plain value."]),
                    body: compositionEncoding(members, optional: optional))))
        return .type(
            TypeDeclaration(
                .struct, name: name, conformances: ["Codable", "Hashable", "Sendable"], doc: doc, origin: origin,
                members: declarations + nested))
    }

    /// Encodes a composition's members into one encoder. Objects share it, their properties merging; a plain value
    /// cannot share it, so when a part is one, the first such value present is the whole encoding.
    private func compositionEncoding(_ members: [CompositionMember], optional: Bool) -> [Statement] {
        let plain = members.filter { !$0.isObject }
        if let first = plain.first, !optional {
            return [
                .line("var container = encoder.singleValueContainer()"),
                .line("try container.encode(self.\(first.name))"),
            ]
        }
        var body: [Statement] = plain.map { member in
            .block(
                "if let value = self.\(member.name)",
                [
                    .line("var container = encoder.singleValueContainer()"), .line("try container.encode(value)"),
                    .line("return"),
                ])
        }
        body += members.filter(\.isObject).map { member in
            .line(
                optional
                    ? "try self.\(member.name)?.encode(to: encoder)" : "try self.\(member.name).encode(to: encoder)")
        }
        return body
    }

    /// An enum with one case for each alternative of a `oneOf`. With a discriminator, decoding reads its property
    /// first and decodes the alternative it names; otherwise, or when the value names none, it tries the
    /// alternatives in order and reports what each one said when none fits.
    func oneOfDeclaration(
        _ alternatives: [Schema], discriminator: Schema.Discriminator?, name: Identifier, doc: Doc, origin: String?,
        scope: inout Scope
    ) -> Declaration {
        var nested: [Declaration] = []
        let members = compositionMembers(
            alternatives, typeName: name, word: "Alternative", scope: &scope, nested: &nested)
        var declarations: [Declaration] = members.map { member in
            .enumCase(
                EnumCaseDeclaration(name: member.name, associatedValues: [(nil, member.type)], doc: Doc([member.doc])))
        }
        var decode: [Statement] = []
        if let discriminator {
            var branches: [(pattern: Code, body: [Statement])] = []
            for (member, alternative) in zip(members, alternatives) {
                guard case .reference(let target) = alternative.kind else { continue }
                var values = discriminator.mapping.filter { $0.schema == target }.map(\.value)
                if values.isEmpty { values = [target, "#/components/schemas/\(target)"] }
                let pattern = Code.joined(values.map { "\(literal: $0)?" }, separator: ", ")
                branches.append(
                    ("case \(pattern)", [.line("self = .\(member.name)(\(decodeMember(member)))"), .line("return")]))
            }
            if !branches.isEmpty {
                branches.append(("default", [.line("break")]))
                decode.append(
                    .switchOver(
                        "try CompositionError.discriminator(\(literal: discriminator.propertyName), in: decoder)",
                        branches))
            }
        }
        decode.append(.line("var errors: [any Error] = []"))
        for member in members {
            decode.append(
                .doCatch(
                    [.line("self = .\(member.name)(\(decodeMember(member)))"), .line("return")],
                    [.line("errors.append(error)")]))
        }
        decode.append(
            .line(
                Code.call(
                    "throw CompositionError",
                    [
                        "type: \(literal: name.name)",
                        "alternatives: \(Code.array(members.map { "\(literal: $0.name.name)" }))", "errors: errors",
                        "codingPath: decoder.codingPath",
                    ])))
        declarations.append(
            .function(
                FunctionDeclaration(
                    name: nil,
                    parameters: [FunctionParameter(label: "from", name: Identifier("decoder"), type: "any Decoder")],
                    effects: "throws",
                    doc: Doc([
                        discriminator == nil
                            ? "Decodes the first alternative the value is."
                            : "Decodes the alternative the value's `\(discriminator!.propertyName)` names, or else the first alternative the value is."
                    ]),
                    body: decode)))
        declarations.append(
            .function(
                FunctionDeclaration(
                    name: Identifier("encode"),
                    parameters: [FunctionParameter(label: "to", name: Identifier("encoder"), type: "any Encoder")],
                    effects: "throws", doc: Doc(["Encodes the alternative's value."]),
                    body: [
                        .line("var container = encoder.singleValueContainer()"),
                        .switchOver(
                            "self",
                            members.map { member in
                                ("case .\(member.name)(let value)", [.line("try container.encode(value)")])
                            }),
                    ])))
        return .type(
            TypeDeclaration(
                .enum, name: name, conformances: ["Codable", "Hashable", "Sendable"], isIndirect: true, doc: doc,
                origin: origin, members: declarations + nested))
    }
}
