import APIDescription

/// A property of a generated struct: its Swift name and type, and what the description says of it.
///
/// What is derived is worked out once, when the property is made: the declarations, readers, writers and coding of
/// a struct each ask for it again.
struct StructProperty {
    let property: Property
    let name: Identifier
    /// The type without the optional that absence or nullability adds.
    let wrapped: Code
    /// Whether the value leads back to the struct that holds it, and so is stored out of line.
    let isIndirect: Bool
    /// Whether the Swift value is optional: the property may be absent or `null`, or it travels one way only, so
    /// that a request can leave out what only the server sends (`readOnly`) and a response what only the client
    /// sends (`writeOnly`).
    let isOptional: Bool
    /// Whether a missing value is sent as an explicit `null`: the property is required and nullable.
    let encodesNull: Bool
    /// The Swift type: `wrapped`, optional where the value may be missing.
    let type: Code
    /// The stored property: the property itself, or `_name` holding an `Indirect` value.
    let storage: Identifier
    /// The stored property's type.
    let storageType: Code

    init(property: Property, name: Identifier, wrapped: Code, isIndirect: Bool) {
        self.property = property
        self.name = name
        self.wrapped = wrapped
        self.isIndirect = isIndirect
        let schema = property.schema
        let travelsOneWay = schema.isReadOnly || schema.isWriteOnly
        isOptional = !property.isRequired || schema.isNullable || travelsOneWay
        encodesNull = property.isRequired && schema.isNullable && !travelsOneWay
        type = isOptional ? "\(wrapped)?" : wrapped
        storage = isIndirect ? Identifier("_" + name.name) : name
        storageType = !isIndirect ? type : isOptional ? "Indirect<\(wrapped)>?" : "Indirect<\(wrapped)>"
    }
}

/// The map of properties an object does not list, beside the listed ones.
struct AdditionalField {
    var name: Identifier
    var valueType: Code
    var type: Code { "[String: \(valueType)]" }
}

extension Translator {
    /// The Swift names and types of an object's properties, in document order.
    func structProperties(_ properties: [Property], scope: inout Scope, nested: inout [Declaration]) -> [StructProperty]
    {
        properties.map { property in
            let name = scope.names.claim(Naming.memberName(property.name))
            let mapped = mapType(
                property.schema, name: property.name, description: property.schema.description, isProperty: true,
                scope: &scope)
            nested += mapped.nested
            return StructProperty(
                property: property, name: name, wrapped: mapped.code,
                isIndirect: leadsBack(property.schema, to: scope.owner))
        }
    }

    /// Properties, a memberwise initializer, coding keys and, where a property is a delimited list or the object
    /// keeps the properties it does not list, explicit coding.
    ///
    /// - Parameter additional: The schema of the values kept beyond the listed properties, if the object keeps them.
    func objectMembers(_ properties: [Property], additional: Schema?, scope: inout Scope) -> [Declaration] {
        var nested: [Declaration] = []
        let fields = structProperties(properties, scope: &scope, nested: &nested)
        var extra: AdditionalField?
        if let additional {
            let name = scope.names.claim(Identifier("additionalProperties"))
            let mapped = mapType(
                additional, name: "AdditionalProperty", description: "A property the description does not list.",
                scope: &scope)
            nested += mapped.nested
            extra = AdditionalField(
                name: name, valueType: additional.isNullable ? "\(mapped.code)?" : mapped.code)
        }
        var members: [Declaration] = fields.flatMap { field -> [Declaration] in
            var paragraphs = [field.property.schema.description ?? "The `\(field.property.name)` property."]
            if field.property.schema.isReadOnly {
                paragraphs.append("Sent by the server only: leave it `nil` in a request, which then leaves it out.")
            } else if field.property.schema.isWriteOnly {
                paragraphs.append("Sent by the client only: a response leaves it out, so it is `nil` in one.")
            }
            let doc = Doc(paragraphs)
            guard field.isIndirect else {
                return [.property(PropertyDeclaration(name: field.name, type: field.type, isMutable: true, doc: doc))]
            }
            let get: Code = field.isOptional ? "\(field.storage)?.value" : "\(field.storage).value"
            let set: Code =
                field.isOptional
                ? "\(field.storage) = newValue.map(Indirect.init)" : "\(field.storage) = Indirect(newValue)"
            return [
                .property(
                    PropertyDeclaration(
                        name: field.name, type: field.type, getter: [.line(get)], setter: [.line(set)], doc: doc)),
                .property(
                    PropertyDeclaration(
                        name: field.storage, type: field.storageType, isPublic: false, isMutable: true)),
            ]
        }
        var parameters = fields.map { field in
            let schema = field.property.schema
            let described = schema.defaultValue.flatMap { defaultCode($0, schema: schema) }
            return FunctionParameter(
                name: field.name, type: field.type, defaultValue: described ?? (field.isOptional ? "nil" : nil))
        }
        var parameterDocs = fields.map {
            ($0.name, $0.property.schema.description ?? "The `\($0.property.name)` property.")
        }
        var assignments: [Statement] = fields.map { field in
            guard field.isIndirect else { return .line("self.\(field.name) = \(field.name)") }
            return .line(
                field.isOptional
                    ? "self.\(field.storage) = \(field.name).map(Indirect.init)"
                    : "self.\(field.storage) = Indirect(\(field.name))")
        }
        if let extra {
            let doc = "The properties the description does not list, by name, kept as received."
            members.append(
                .property(
                    PropertyDeclaration(
                        name: extra.name, type: extra.type, isMutable: true, doc: Doc([doc]))))
            parameters.append(FunctionParameter(name: extra.name, type: extra.type, defaultValue: "[:]"))
            parameterDocs.append((extra.name, doc))
            assignments.append(.line("self.\(extra.name) = \(extra.name)"))
        }
        members.append(
            .function(
                FunctionDeclaration(
                    name: nil, parameters: parameters, doc: Doc(["Creates a value."], parameters: parameterDocs),
                    body: assignments)))
        if !fields.isEmpty {
            let keys: [Declaration] = fields.map { field in
                .enumCase(
                    EnumCaseDeclaration(
                        name: field.storage,
                        rawValue: field.storage.name == field.property.name ? nil : .string(field.property.name)))
            }
            members.append(
                .type(
                    TypeDeclaration(
                        .enum, name: Identifier("CodingKeys"), isPublic: false, conformances: ["String", "CodingKey"],
                        members: keys)))
        }
        if extra != nil || fields.contains(where: { resolved($0.property.schema).delimiter != nil || $0.encodesNull }) {
            members += explicitCoding(fields, additional: extra)
        }
        if scope.writesJSON, extra == nil { members.append(jsonWriter(fields)) }
        if scope.readsJSON, extra == nil, Translator.hasReader(fields.map(\.property)) {
            members.append(jsonReader(fields))
        }
        return members + nested
    }

    /// `writeJSON(to:)`: the properties in the order of their wire names' UTF-8 bytes, as `JSONEncoder` sorts keys,
    /// absent ones left out and required nullable ones written as `null`, as the struct's `Encodable` conformance
    /// writes them.
    private func jsonWriter(_ fields: [StructProperty]) -> Declaration {
        var body: [Statement] = [.line("writer.beginObject()")]
        for field in fields.sorted(by: { $0.property.name.utf8.lexicographicallyPrecedes($1.property.name.utf8) }) {
            let key: Code = "jsonKey: \(literal: Translator.jsonKey(field.property.name))"
            let schema = field.property.schema
            let write: (Code) -> Code
            if let delimiter = resolved(schema).delimiter {
                write = { items in
                    let joined = Code.call(
                        "try DelimitedList.join",
                        [items, "separator: \(literal: delimiter)", "field: \(literal: field.property.name)"])
                    return Code.call("try writer.write", [key, joined])
                }
            } else if isWritable(schema) {
                write = { Code.call("try writer.write", [key, $0]) }
            } else {
                write = { Code.call("try writer.write", [key, "encodable: \($0)"]) }
            }
            // An absent delimited list is left out, as its explicit coding leaves it out, even where it is nullable.
            let isDelimited = resolved(schema).delimiter != nil
            if field.isOptional, !field.encodesNull || isDelimited {
                body.append(.block("if let value = self.\(field.name)", [.line(write("value"))]))
            } else {
                body.append(.line(write("self.\(field.name)")))
            }
        }
        body.append(.line("writer.endObject()"))
        return .function(
            FunctionDeclaration(
                name: Identifier("writeJSON"),
                parameters: [FunctionParameter(label: "to", name: Identifier("writer"), type: "inout JSONWriter")],
                effects: "throws",
                doc: Doc(["Writes the value's JSON, as its `Encodable` conformance does, without an encoder."]),
                body: body))
    }

    /// A property's key as the writer writes it, made when the code is generated: the name quoted and escaped as
    /// `JSONWriter` escapes strings (quotes, backslashes and control characters), then the colon.
    static func jsonKey(_ name: String) -> String {
        var text = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\":"
    }

    /// Whether a schema's Swift type writes its own JSON (`JSONWritable`): strings, numbers, booleans and the
    /// formats' types, enums and structs without a map of other properties declared where request bodies are written
    /// (inline in such a type, or named and reached from a request body), and arrays and maps of those.
    func isWritable(_ schema: Schema) -> Bool {
        codesItself(schema, reached: writtenSchemas, reading: false)
    }

    /// Whether a schema's Swift type reads itself from JSON (`JSONReadable`): as ``isWritable(_:)`` for the types
    /// declared where response bodies are read, but for `Float`, which is left to `JSONDecoder`.
    func isReadable(_ schema: Schema) -> Bool {
        codesItself(schema, reached: readSchemas, reading: true)
    }

    private func codesItself(_ schema: Schema, reached: Set<String>, reading: Bool) -> Bool {
        if case .reference(let name) = schema.kind {
            guard reached.contains(name), !wrappedAliases.contains(name), let target = schemas[name] else {
                return false
            }
            return codesItself(target, reached: reached, reading: reading)
        }
        if !schema.pathForms.isEmpty { return false }
        if !schema.enumValues.isEmpty {
            switch schema.kind {
            case .string, .integer: return true
            default: return false
            }
        }
        switch schema.kind {
        case .string, .integer, .boolean:
            return true
        case .number(let format):
            return !reading || format != "float"
        case .array(let items):
            return codesItself(items, reached: reached, reading: reading)
        case .object(let properties):
            guard properties.isEmpty else {
                return additionalValues(schema) == nil
                    && (!reading || Translator.hasReader(properties))
            }
            switch schema.additionalProperties {
            case .allowed(let values): return codesItself(values, reached: reached, reading: reading)
            case .forbidden: return true
            case .unspecified: return false
            }
        case .allOf(let parts):
            guard let merged = mergedObject(parts) else { return false }
            return merged.additional == nil && (!reading || Translator.hasReader(merged.properties))
        default:
            return false
        }
    }

    /// `init(json:)`: the properties read as the struct's `Decodable` conformance decodes them, unknown keys skipped;
    /// a key listed twice, a required property that is absent, or a value of another type leaves the body to
    /// `JSONDecoder`.
    ///
    /// The keys are found by the reader among one constant of the names, and values are read without `try`: a failure
    /// is noted by the reader and thrown once, after the loop, by `endObject`. With a `try` for each property, each
    /// would have its own path releasing every other property read so far, which made a reader's compilation grow
    /// with the square of its properties. Required properties are checked all at once, by the bits of the keys seen,
    /// before they are unwrapped.
    private func jsonReader(_ fields: [StructProperty]) -> Declaration {
        var locals = UniqueNames(reserved: ["reader", "index", "seen", "keys"])
        let names = fields.map { locals.claim($0.name) }
        var body: [Statement] = zip(fields, names).map { field, local in .line("var \(local): \(field.wrapped)?") }
        var cases: [(Code, [Statement])] = []
        var required: UInt64 = 0
        for (index, (field, local)) in zip(fields, names).enumerated() {
            let schema = field.property.schema
            let nullable: Code = field.isOptional ? ", nullable: true" : ""
            let read: Code
            if let delimiter = resolved(schema).delimiter {
                read =
                    "reader.value(String.self\(nullable)).map { DelimitedList.split($0, separator: \(literal: delimiter)) }"
            } else if isReadable(schema) {
                read = "reader.value(\(field.wrapped).self\(nullable))"
            } else {
                read = "reader.decodedValue(\(field.wrapped).self\(nullable))"
            }
            if !field.isOptional { required |= 1 << UInt64(index) }
            cases.append(("case \(Code(stringLiteral: String(index)))", [.line("\(local) = \(read)")]))
        }
        body.append(.line("var seen = JSONReader.Seen()"))
        body.append(.line("try reader.beginObject()"))
        if fields.isEmpty {
            body.append(.line("_ = reader.nextKey(among: \"\", seen: &seen)"))
        } else {
            body.insert(.constant("let keys: StaticString", fields.map { $0.property.name + "\0" }.joined()), at: 0)
            body.append(
                .block(
                    "while let index = reader.nextKey(among: keys, seen: &seen)",
                    [.switchOver("index", cases + [("default", [.line("break")])])]))
        }
        body.append(
            .line("try reader.endObject(seen: seen, requiring: \(Code(stringLiteral: Self.binaryLiteral(required))))"))
        let arguments: [Code] = zip(fields, names).map { field, local in
            field.isOptional ? "\(label: field.name): \(local)" : "\(label: field.name): \(local)!"
        }
        body.append(.line(Code.call("self.init", arguments)))
        return .function(
            FunctionDeclaration(
                name: nil,
                parameters: [FunctionParameter(label: "json", name: Identifier("reader"), type: "inout JSONReader")],
                effects: "throws(JSONReader.Unsure)",
                doc: Doc(["Reads a value from JSON, as its `Decodable` conformance decodes it, without a decoder."]),
                body: body))
    }

    /// A binary literal, its digits grouped by eight as the project's format asks.
    static func binaryLiteral(_ value: UInt64) -> String {
        var digits = String(value, radix: 2)
        var groups: [Substring] = []
        while digits.count > 8 {
            groups.insert(digits.suffix(8), at: 0)
            digits.removeLast(8)
        }
        return "0b" + ([Substring(digits)] + groups).joined(separator: "_")
    }

    /// `init(from:)` and `encode(to:)` for structs with delimited lists, which travel as one joined string, with
    /// properties the description does not list, which travel beside the listed ones, or with required nullable
    /// properties, which travel as `null` when they have no value.
    ///
    /// Properties are always reached through `self`, so that one named `container` or `encoder` is not mistaken for
    /// the local of that name.
    private func explicitCoding(_ fields: [StructProperty], additional: AdditionalField?) -> [Declaration] {
        var decode: [Statement] = []
        var encode: [Statement] = []
        if !fields.isEmpty {
            decode.append(.line("let container = try decoder.container(keyedBy: CodingKeys.self)"))
            encode.append(.line("var container = encoder.container(keyedBy: CodingKeys.self)"))
        }
        for field in fields {
            let key: Code = ".\(field.storage)"
            let ifPresent: Code = field.isOptional ? "IfPresent" : ""
            guard let delimiter = resolved(field.property.schema).delimiter else {
                let type: Code = field.isIndirect ? "Indirect<\(field.wrapped)>" : field.wrapped
                decode.append(
                    .line("self.\(field.storage) = try container.decode\(ifPresent)(\(type).self, forKey: \(key))"))
                let encodeIfPresent: Code = field.isOptional && !field.encodesNull ? "IfPresent" : ""
                encode.append(.line("try container.encode\(encodeIfPresent)(self.\(field.storage), forKey: \(key))"))
                continue
            }
            let decoded = Code.call("try container.decode\(ifPresent)", ["String.self", "forKey: \(key)"])
            let separator: Code = "separator: \(literal: delimiter)"
            let items: Code = field.isOptional ? "items" : "self.\(field.name)"
            let joined = Code.call(
                "try DelimitedList.join", [items, separator, "field: \(literal: field.property.name)"])
            let encodeJoined = Code.call("try container.encode", [joined, "forKey: \(key)"])
            if field.isOptional {
                decode.append(.line("self.\(field.name) = \(decoded).map { DelimitedList.split($0, \(separator)) }"))
                encode.append(.block("if let items = self.\(field.name)", [.line(encodeJoined)]))
            } else {
                decode.append(.line("self.\(field.name) = \(Code.call("DelimitedList.split", [decoded, separator]))"))
                encode.append(.line(encodeJoined))
            }
        }
        var decodeDoc = "Decodes a value, splitting delimited lists into their items."
        var encodeDoc = "Encodes the value, joining delimited lists into one string."
        if !fields.contains(where: { resolved($0.property.schema).delimiter != nil }) {
            decodeDoc = "Decodes a value."
            encodeDoc = "Encodes the value, with `null` for a required property that has no value."
        }
        if let additional {
            let listed = Code.array(fields.map { "\(literal: $0.property.name)" })
            decode.append(
                .line(
                    "self.\(additional.name) = \(Code.call("try AdditionalProperties.decode", ["\(additional.valueType).self", "from: decoder", "excluding: \(listed)"]))"
                ))
            encode.append(.line("try AdditionalProperties.encode(self.\(additional.name), to: encoder)"))
            decodeDoc = "Decodes a value, keeping the properties the description does not list."
            encodeDoc = "Encodes the value with the properties the description does not list."
        }
        return [
            .function(
                FunctionDeclaration(
                    name: nil,
                    parameters: [FunctionParameter(label: "from", name: Identifier("decoder"), type: "any Decoder")],
                    effects: "throws", doc: Doc([decodeDoc]), body: decode)),
            .function(
                FunctionDeclaration(
                    name: Identifier("encode"),
                    parameters: [FunctionParameter(label: "to", name: Identifier("encoder"), type: "any Encoder")],
                    effects: "throws", doc: Doc([encodeDoc]), body: encode)),
        ]
    }
}
