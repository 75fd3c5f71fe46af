import APIDescription

/// A property of a generated struct: its Swift name and type, and what the description says of it.
struct StructProperty {
    var property: Property
    var name: Identifier
    /// The type without the optional that absence or nullability adds.
    var wrapped: Code
    var isOptional: Bool { !property.isRequired || property.schema.isNullable }
    var type: Code { isOptional ? "\(wrapped)?" : wrapped }
}

extension Translator {
    /// The Swift names and types of an object's properties, in document order.
    func structProperties(_ properties: [Property], scope: inout Scope, nested: inout [Declaration]) -> [StructProperty]
    {
        properties.map { property in
            let name = scope.members.claim(Naming.memberName(property.name))
            let mapped = mapType(
                property.schema, name: property.name, description: property.schema.description, scope: &scope)
            nested += mapped.nested
            return StructProperty(property: property, name: name, wrapped: mapped.code)
        }
    }

    /// Properties, a memberwise initializer, coding keys and, where a property is a delimited list, explicit coding.
    func objectMembers(_ properties: [Property], scope: inout Scope) -> [Declaration] {
        var nested: [Declaration] = []
        let fields = structProperties(properties, scope: &scope, nested: &nested)
        var members: [Declaration] = fields.map { field in
            .property(
                PropertyDeclaration(
                    name: field.name, type: field.type, isMutable: true,
                    doc: Doc([field.property.schema.description ?? "The `\(field.property.name)` property."])))
        }
        members.append(
            .function(
                FunctionDeclaration(
                    name: nil,
                    parameters: fields.map {
                        FunctionParameter(name: $0.name, type: $0.type, defaultValue: $0.isOptional ? "nil" : nil)
                    },
                    doc: Doc(
                        ["Creates a value."],
                        parameters: fields.map {
                            ($0.name, $0.property.schema.description ?? "The `\($0.property.name)` property.")
                        }),
                    body: fields.map { .line("self.\($0.name) = \($0.name)") })))
        if !fields.isEmpty {
            let keys: [Declaration] = fields.map { field in
                .enumCase(
                    EnumCaseDeclaration(
                        name: field.name,
                        rawValue: field.name.name == field.property.name ? nil : .string(field.property.name)))
            }
            members.append(
                .type(
                    TypeDeclaration(
                        .enum, name: Identifier("CodingKeys"), isPublic: false, conformances: ["String", "CodingKey"],
                        members: keys)))
        }
        if fields.contains(where: { $0.property.schema.delimiter != nil }) {
            members += explicitCoding(fields)
        }
        return members + nested
    }

    /// `init(from:)` and `encode(to:)` for structs with delimited lists, which travel as one joined string.
    private func explicitCoding(_ fields: [StructProperty]) -> [Declaration] {
        var decode: [Statement] = [.line("let container = try decoder.container(keyedBy: CodingKeys.self)")]
        var encode: [Statement] = [.line("var container = encoder.container(keyedBy: CodingKeys.self)")]
        for field in fields {
            let key: Code = ".\(field.name)"
            let ifPresent: Code = field.isOptional ? "IfPresent" : ""
            guard let delimiter = field.property.schema.delimiter else {
                decode.append(
                    .line(
                        "self.\(field.name) = try container.decode\(ifPresent)(\(field.wrapped).self, forKey: \(key))"))
                encode.append(.line("try container.encode\(ifPresent)(\(field.name), forKey: \(key))"))
                continue
            }
            let decoded = Code.call("try container.decode\(ifPresent)", ["String.self", "forKey: \(key)"])
            let separator: Code = "separator: \(literal: delimiter)"
            let joined = Code.call(
                "try DelimitedList.join", ["\(field.name)", separator, "field: \(literal: field.property.name)"])
            let encodeJoined = Code.call("try container.encode", [joined, "forKey: \(key)"])
            if field.isOptional {
                decode.append(.line("self.\(field.name) = \(decoded).map { DelimitedList.split($0, \(separator)) }"))
                encode.append(.block("if let \(field.name)", [.line(encodeJoined)]))
            } else {
                decode.append(.line("self.\(field.name) = \(Code.call("DelimitedList.split", [decoded, separator]))"))
                encode.append(.line(encodeJoined))
            }
        }
        return [
            .function(
                FunctionDeclaration(
                    name: nil,
                    parameters: [FunctionParameter(label: "from", name: Identifier("decoder"), type: "any Decoder")],
                    effects: "throws", doc: Doc(["Decodes a value, splitting delimited lists into their items."]),
                    body: decode)),
            .function(
                FunctionDeclaration(
                    name: Identifier("encode"),
                    parameters: [FunctionParameter(label: "to", name: Identifier("encoder"), type: "any Encoder")],
                    effects: "throws", doc: Doc(["Encodes the value, joining delimited lists into one string."]),
                    body: encode)),
        ]
    }
}
