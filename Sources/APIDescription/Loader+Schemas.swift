import YAML

extension Loader {
    /// Reads a schema; a `$ref` becomes a reference by name once its target is known to exist.
    mutating func schema(_ node: Node, _ what: String) -> Schema? {
        guard let entries = mapping(node, "\(what)'s schema") else { return nil }
        if let refNode = node["$ref"] {
            guard let ref = string(refNode, "`$ref`") else { return nil }
            let name: String
            if isOwnComponent(ref, kind: "schemas", at: refNode) {
                let component = unescapePointerToken(String(ref.dropFirst("#/components/schemas/".count)))
                guard schemaNameSet.contains(component) else {
                    reportMissing(component, kind: "schemas", ref: ref, at: refNode.location)
                    return nil
                }
                name = component
            } else {
                guard let referenced = referencedSchemaName(ref, at: refNode) else { return nil }
                name = referenced
            }
            for entry in entries
            where !["$ref", "description", "summary"].contains(entry.key) && !entry.key.hasPrefix("x-") {
                warning(
                    entry.keyLocation, "`\(entry.key)` beside `$ref` is ignored; the generator reads the reference.")
            }
            return Schema(
                kind: .reference(name), description: node["description"].flatMap { string($0, "`description`") },
                location: node.location)
        }
        checkKeys(entries, allowed: Keys.schema, in: "A schema")
        for entry in entries where Keys.schemaUncheckedSet.contains(entry.key) {
            warning(
                entry.keyLocation,
                "`\(entry.key)` is not checked by the generated client; the server remains the judge.")
        }
        if let xml = node["xml"] {
            warning(xml.location, "`xml` is not generated; the client reads and writes JSON only.")
        }
        let format = node["format"].flatMap { string($0, "`format`") }
        var (types, isNullable) = schemaTypes(node)
        if let nullable = node["nullable"].flatMap({ bool($0, "`nullable`") }), nullable { isNullable = true }
        var kind: Schema.Kind
        if types.count > 1 {
            // `type: [string, integer]`: one of several types, each with the keywords that apply to it.
            var alternatives: [Schema] = []
            for type in types {
                guard let typed = typedKind(type, node: node, entries: entries, format: format) else { return nil }
                alternatives.append(Schema(kind: typed, location: node["type"]!.location))
            }
            kind = .oneOf(alternatives)
        } else if let type = types.first {
            guard let typed = typedKind(type, node: node, entries: entries, format: format) else { return nil }
            kind = typed
        } else {
            kind = .any
        }
        var schema = Schema(
            kind: kind, description: node["description"].flatMap { string($0, "`description`") },
            isNullable: isNullable, location: node.location)
        if let additional = node["additionalProperties"] {
            if additional.boolValue == false {
                schema.additionalProperties = .forbidden
            } else if additional.boolValue == true {
                schema.additionalProperties = .allowed(Schema(kind: .any, location: additional.location))
            } else if let values = self.schema(additional, "`additionalProperties`") {
                schema.additionalProperties = .allowed(values)
            }
        }
        if let composed = composition(node, own: schema) {
            let description = schema.description
            schema = composed
            schema.description = description ?? composed.description
            if isNullable { schema.isNullable = true }
        }
        schema.isReadOnly = node["readOnly"].flatMap { bool($0, "`readOnly`") } ?? false
        schema.isWriteOnly = node["writeOnly"].flatMap { bool($0, "`writeOnly`") } ?? false
        schema.isDeprecated = node["deprecated"].flatMap { bool($0, "`deprecated`") } ?? false
        if let enumNode = node["enum"] {
            let (values, allowsNull) = enumValues(enumNode, kind: kind)
            schema.enumValues = values
            if allowsNull { schema.isNullable = true }
        }
        if let defaultNode = node["default"] {
            schema.defaultValue = defaultValue(defaultNode, of: schema, format: format)
        }
        if let example = node["example"] { valueChecks.append((example, schema, "The example")) }
        if let delimiterNode = node["x-apigen-delimiter"], let delimiter = string(delimiterNode, "`x-apigen-delimiter`")
        {
            if case .string(nil) = kind, delimiter.count == 1, schema.enumValues.isEmpty,
                node["x-apigen-path-forms"] == nil, node["default"] == nil
            {
                schema.delimiter = delimiter
            } else {
                error(
                    delimiterNode.location,
                    "`x-apigen-delimiter` applies to string schemas without `format`, `enum`, `default` or path forms, and takes one character, such as `','`."
                )
            }
        }
        if let looseNode = node["x-apigen-loose-spelling"], bool(looseNode, "`x-apigen-loose-spelling`") == true {
            looseSpelling(schema: &schema, kind: kind, at: looseNode.location)
        }
        if let formsNode = node["x-apigen-path-forms"] {
            if case .string = kind {
                schema.pathForms = pathForms(formsNode)
            } else {
                error(formsNode.location, "`x-apigen-path-forms` applies to string schemas only.")
            }
        }
        return schema
    }

    /// Applies `x-apigen-loose-spelling` to a string enum, whose listed values must stay apart once folded.
    mutating func looseSpelling(schema: inout Schema, kind: Schema.Kind, at location: SourceLocation) {
        guard case .string = kind, !schema.enumValues.isEmpty else {
            error(location, "`x-apigen-loose-spelling` applies to string schemas with `enum`.")
            return
        }
        var seen: [String: String] = [:]
        for value in schema.enumValues {
            let folded = foldedSpelling(value)
            if let first = seen[folded] {
                error(
                    location,
                    "`\(first)` and `\(value)` are one value under `x-apigen-loose-spelling`, which ignores letter case, spaces, `-` and `_`; list only one of them."
                )
                return
            }
            seen[folded] = value
        }
        schema.matchesLoosely = true
    }

    /// The types a schema names, without `null`, and whether it allows `null`: `type` as one name or (in 3.1) a list,
    /// otherwise what its keywords imply, or the type of its `const` or `enum` values.
    mutating func schemaTypes(_ node: Node) -> (types: [String], isNullable: Bool) {
        var names: [String] = []
        if let typeNode = node["type"] {
            if let items = typeNode.items {
                names = items.compactMap { string($0, "A `type`") }
            } else if let name = string(typeNode, "`type`") {
                names = [name]
            }
        } else if node["properties"] != nil || node["additionalProperties"] != nil {
            names = ["object"]
        } else if node["items"] != nil {
            names = ["array"]
        } else if let value = node["const"] ?? node["enum"]?.items?.first(where: { $0.scalarType != .null }) {
            switch value.scalarType {
            case .string: names = ["string"]
            case .integer: names = ["integer"]
            case .number: names = ["number"]
            case .boolean: names = ["boolean"]
            default: break
            }
        }
        // Nearly every schema names one type, which needs no filtering.
        if names.count == 1, names[0] != "null" { return (names, false) }
        let types = names.filter { $0 != "null" }
        return (types.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, names.contains("null"))
    }

    /// The kind of a schema of one type, or nil after reporting a type that does not exist.
    mutating func typedKind(_ type: String, node: Node, entries: [Node.Entry], format: String?) -> Schema.Kind? {
        switch type {
        case "string": return .string(format: format)
        case "integer": return .integer(format: format)
        case "number": return .number(format: format)
        case "boolean": return .boolean
        case "array":
            // Without `items` (allowed in 3.1), the items are any JSON values.
            guard let itemsNode = node["items"] else { return .array(Schema(kind: .any, location: node.location)) }
            return schema(itemsNode, "The array's items").map { .array($0) }
        case "object": return .object(properties(node))
        default:
            var message = "`\(type)` is not a schema type."
            let types = ["string", "integer", "number", "boolean", "array", "object", "null"]
            if let near = closestMatch(to: type, in: types) { message += " Did you mean `\(near)`?" }
            error(node["type"]!.location, message)
            return nil
        }
    }

    /// The schema a composition (`allOf`, `oneOf`, `anyOf`) describes, or nil when the schema has none. The schema's
    /// own object keywords beside a composition are one more part of an `allOf`; `allOf` of one part is that part,
    /// as 3.0 descriptions put a description beside a reference; `null` among alternatives makes the value nullable.
    mutating func composition(_ node: Node, own: Schema) -> Schema? {
        var parts: [Schema] = []
        var alternatives: [(key: String, schema: Schema)] = []
        var found = false
        for key in ["allOf", "oneOf", "anyOf"] {
            guard let list = node[key] else { continue }
            found = true
            guard let items = sequence(list, "`\(key)`") else { continue }
            if items.isEmpty {
                error(list.location, "`\(key)` is empty; list at least one schema.")
                continue
            }
            var members: [Schema] = []
            var allowsNull = false
            for (index, item) in items.enumerated() {
                if item["type"]?.scalar?.text == "null", item.entries?.count == 1 {
                    allowsNull = true
                    continue
                }
                guard let member = schema(item, "Part \(index + 1) of `\(key)`") else { continue }
                // A part that only documents (`{description: …}`) adds nothing to the value.
                if key == "allOf", case .any = member.kind, !member.isNullable { continue }
                members.append(member)
            }
            switch key {
            case "allOf":
                parts += members
            default:
                var alternative: Schema
                if members.count == 1 {
                    alternative = members[0]
                } else {
                    alternative = Schema(
                        kind: key == "oneOf" ? .oneOf(members) : .anyOf(members), location: list.location)
                }
                if members.isEmpty { alternative = Schema(kind: .any, location: list.location) }
                if allowsNull { alternative.isNullable = true }
                if key == "oneOf", let discriminatorNode = node["discriminator"] {
                    alternative.discriminator = discriminator(discriminatorNode, alternatives: members)
                }
                alternatives.append((key, alternative))
            }
        }
        if !found {
            if let discriminator = node["discriminator"] {
                warning(discriminator.location, "`discriminator` applies to `oneOf`; here it has no effect.")
            }
            return nil
        }
        if node["discriminator"] != nil, node["oneOf"] == nil {
            warning(node["discriminator"]!.location, "`discriminator` applies to `oneOf`; here it has no effect.")
        }
        if case .object(let properties) = own.kind, !properties.isEmpty || own.additionalProperties.isSpecified {
            var ownPart = own
            ownPart.description = nil
            parts.insert(ownPart, at: 0)
        }
        parts += alternatives.map(\.schema)
        switch parts.count {
        case 0: return Schema(kind: .any, location: node.location)
        case 1: return parts[0]
        default: return Schema(kind: .allOf(parts), location: node.location)
        }
    }

    /// A `oneOf`'s discriminator, with a mapping whose values must lead to named schemas among the alternatives.
    mutating func discriminator(_ node: Node, alternatives: [Schema]) -> Schema.Discriminator? {
        guard let entries = mapping(node, "`discriminator`") else { return nil }
        checkKeys(entries, allowed: ["propertyName", "mapping"], in: "A discriminator")
        guard let nameNode = required(entries, "propertyName", in: node, "The discriminator"),
            let propertyName = string(nameNode, "`propertyName`")
        else { return nil }
        var result = Schema.Discriminator(propertyName: propertyName, mapping: [], location: node.location)
        let names = alternatives.compactMap { alternative -> String? in
            if case .reference(let name) = alternative.kind { return name }
            return nil
        }
        if names.count < alternatives.count {
            warning(
                node.location,
                "A discriminator picks among named schemas; the inline alternatives of this `oneOf` are tried in order."
            )
        }
        for entry in node["mapping"].flatMap({ mapping($0, "`mapping`") }) ?? [] {
            guard let target = string(entry.value, "A mapping's schema") else { continue }
            // A mapping value is a reference or, as a shorthand, a schema's name.
            let name =
                target.hasPrefix("#") ? componentName(target, kind: "schemas", at: entry.value.location) : target
            guard let name else { continue }
            guard names.contains(name) else {
                error(
                    entry.value.location,
                    "The discriminator maps `\(entry.key)` to `\(target)`, which is not one of the `oneOf` alternatives; point it at one of \(names.map { "`\($0)`" }.joined(separator: ", "))."
                )
                continue
            }
            result.mapping.append((entry.key, name))
        }
        return result
    }

    mutating func properties(_ node: Node) -> [Property] {
        let propertyEntries = node["properties"].flatMap { mapping($0, "`properties`") } ?? []
        var requiredNames: Set<String> = []
        if let requiredNode = node["required"], let items = sequence(requiredNode, "`required`") {
            for item in items {
                guard let name = string(item, "A required property's name") else { continue }
                if propertyEntries.contains(where: { $0.key.hasSameScalars(as: name) }) {
                    requiredNames.insert(name)
                } else {
                    // Allowed: the key must be present, with any value. Usually a misspelling, so say so.
                    var message =
                        "`required` names `\(name)`, which is not among the properties; the client does not check it."
                    if let near = closestMatch(to: name, in: propertyEntries.map(\.key)) {
                        message += " Did you mean `\(near)`?"
                    }
                    warning(item.location, message)
                }
            }
        }
        return propertyEntries.compactMap { entry in
            schema(entry.value, "The property `\(entry.key)`").map {
                Property(
                    name: entry.key, schema: $0, isRequired: requiredNames.contains(entry.key),
                    location: entry.keyLocation)
            }
        }
    }

    /// The values of an enum: strings as written, integers in decimal, and whether `null` is among them. A value
    /// listed twice, or an integer that does not fit in 64 bits, is a warning: the first is kept, and a schema with
    /// an integer too large loses its enum. Enums of other types are kept as plain values, with a warning.
    mutating func enumValues(_ node: Node, kind: Schema.Kind) -> (values: [String], allowsNull: Bool) {
        guard let items = sequence(node, "`enum`") else { return ([], false) }
        if items.isEmpty { error(node.location, "`enum` is empty; list the allowed values.") }
        let expected: Node.ScalarType
        switch kind {
        case .string: expected = .string
        case .integer: expected = .integer
        default:
            warning(
                node.location,
                "`enum` is kept only on string and integer schemas; here the value is not limited to the listed ones.")
            return ([], items.contains { $0.scalarType == .null })
        }
        var values: [String] = []
        var allowsNull = false
        for item in items {
            if item.scalarType == .null {
                allowsNull = true
                continue
            }
            guard item.scalarType == expected, let text = item.scalar?.text else {
                error(
                    item.location,
                    "The enum value is \(item.kindDescription), but the schema's type is \(expected.rawValue).")
                continue
            }
            var value = text
            if expected == .integer {
                guard let number = item.intValue else {
                    warning(
                        item.location,
                        "The enum value `\(text)` does not fit in a 64-bit integer; the client treats this schema as a plain integer."
                    )
                    return ([], allowsNull)
                }
                value = String(number)
            }
            if values.contains(where: { $0.hasSameScalars(as: value) }) {
                warning(item.location, "The enum value `\(text)` is listed twice; the repetition is ignored.")
                continue
            }
            values.append(value)
        }
        return (values, allowsNull)
    }

    /// A default value in the form the model keeps, or nil after a warning when it does not fit the schema: a
    /// default the client cannot send as described is better left out than sent wrong.
    mutating func defaultValue(_ node: Node, of schema: Schema, format: String?) -> String? {
        let text = node.scalar?.text ?? ""
        func unused(_ reason: String) -> String? {
            warning(node.location, "The default value \(reason); the client does not use it.")
            return nil
        }
        if node.scalarType == .null {
            return schema.isNullable ? nil : unused("is null, but the schema is not `nullable`")
        }
        let value: String
        switch schema.kind {
        case .string:
            guard node.scalarType == .string else {
                return unused("is \(node.kindDescription), but the schema is a string")
            }
            value = text
        case .integer:
            guard node.scalarType == .integer else {
                return unused("is \(node.kindDescription), but the schema is an integer")
            }
            guard let number = node.intValue else { return unused("`\(text)` does not fit in a 64-bit integer") }
            if format == "int32", Int32(exactly: number) == nil {
                return unused("`\(text)` does not fit the schema's format `int32`")
            }
            value = String(number)
        case .number:
            guard node.scalarType == .integer || node.scalarType == .number, let number = node.doubleValue else {
                return unused("is \(node.kindDescription), but the schema is a number")
            }
            let fits = format == "float" ? Float(number).isFinite : number.isFinite
            guard fits else { return unused("`\(text)` is not a finite number the schema's type can hold") }
            value = format == "float" ? "\(Float(number))" : "\(number)"
        case .boolean:
            guard let flag = node.boolValue else {
                return unused("is \(node.kindDescription), but the schema is a boolean")
            }
            value = flag ? "true" : "false"
        default:
            return unused("is only used for strings, integers, numbers and booleans")
        }
        if !schema.enumValues.isEmpty, !schema.enumValues.contains(value) {
            return unused("`\(text)` is not one of the enum values")
        }
        return value
    }

    mutating func pathForms(_ node: Node) -> [PathForm] {
        guard let items = sequence(node, "`x-apigen-path-forms`") else { return [] }
        var forms: [PathForm] = []
        for item in items {
            guard let entries = mapping(item, "A path form") else { continue }
            checkKeys(entries, allowed: Keys.pathForm, in: "A path form")
            guard let name = required(entries, "name", in: item, "A path form").flatMap({ string($0, "`name`") }),
                let templateNode = required(entries, "template", in: item, "A path form"),
                let template = string(templateNode, "`template`"),
                let components = pathComponents(template, at: templateNode.location)
            else { continue }
            if forms.contains(where: { $0.name == name }) {
                error(item.location, "The path form `\(name)` is listed twice; give each form its own name.")
                continue
            }
            forms.append(
                PathForm(
                    name: name, description: item["description"].flatMap { string($0, "`description`") },
                    template: template, components: components))
        }
        return forms
    }

    /// Warns about an example whose value does not fit its schema: examples are documentation, so a mismatch never
    /// stops generation.
    mutating func checkValue(_ value: Node, against schema: Schema, _ what: String, depth: Int = 0) {
        guard depth < 64 else { return }
        if value.scalarType == .null {
            if !schema.isNullable, case .any = schema.kind {
            } else if !schema.isNullable {
                warning(value.location, "\(what) is null, but the schema is not `nullable`.")
            }
            return
        }
        let found = value.kindDescription
        func mismatch(_ expected: String) -> String { "\(what) is \(found), but the schema expects \(expected)." }
        switch schema.kind {
        case .string:
            if value.scalarType != .string {
                warning(value.location, mismatch("a string") + (value.scalar != nil ? " Put it in quotes." : ""))
            } else if !schema.enumValues.isEmpty, let text = value.scalar?.text, !schema.enumValues.contains(text) {
                warning(
                    value.location,
                    "\(what) `\(text)` is not one of the enum values \(schema.enumValues.map { "`\($0)`" }.joined(separator: ", "))."
                )
            }
        case .integer:
            if value.scalarType != .integer { warning(value.location, mismatch("an integer")) }
        case .number:
            if value.scalarType != .integer, value.scalarType != .number {
                warning(value.location, mismatch("a number"))
            }
        case .boolean:
            if value.scalarType != .boolean { warning(value.location, mismatch("a boolean")) }
        case .array(let items):
            guard let elements = value.items else { return warning(value.location, mismatch("a sequence")) }
            for element in elements { checkValue(element, against: items, what, depth: depth + 1) }
        case .object(let properties):
            guard let entries = value.entries else { return warning(value.location, mismatch("a mapping")) }
            for entry in entries {
                guard
                    let property = properties.first(where: {
                        $0.name.hasSameScalars(as: entry.key)
                    })
                else {
                    if !schema.allowsAdditionalProperties {
                        warning(
                            entry.keyLocation,
                            "\(what) has a property `\(entry.key)` that the schema does not define, and the schema allows no others."
                        )
                    }
                    continue
                }
                checkValue(entry.value, against: property.schema, what, depth: depth + 1)
            }
            for property in properties
            where property.isRequired
                && !entries.contains(where: { $0.key.hasSameScalars(as: property.name) })
            {
                warning(value.location, "\(what) lacks the required property `\(property.name)`.")
            }
        case .reference(let name):
            if let target = namedSchemas[name] { checkValue(value, against: target, what, depth: depth + 1) }
        case .allOf(let parts):
            for part in parts { checkValue(value, against: part, what, depth: depth + 1) }
        case .oneOf, .anyOf, .any:
            // Which alternative an example means is not worth guessing: examples are documentation.
            break
        }
    }

    /// Reports named schemas that are only references leading back to themselves (`A: {$ref: A}`, or `A → B → A`):
    /// they describe no value at all, and following them would never end.
    mutating func checkReferenceCycles() {
        var reported: Set<String> = []
        for name in schemaNames {
            guard let start = namedSchemas[name], case .reference = start.kind else { continue }
            var chain = [name]
            var current = start
            while case .reference(let next) = current.kind, let target = namedSchemas[next] {
                if let index = chain.firstIndex(of: next) {
                    let cycle = Array(chain[index...])
                    if reported.isDisjoint(with: cycle) {
                        reported.formUnion(cycle)
                        let path = (cycle + [next]).map { "`\($0)`" }.joined(separator: " → ")
                        let first = namedSchemas[cycle[0]]!
                        error(
                            first.location,
                            cycle.count == 1
                                ? "The schema `\(next)` is only a reference to itself, so it describes no value; give it a `type` or point it at another schema."
                                : "The schemas \(path) only refer to each other, so none describes a value; give one of them a `type`.",
                            notes: cycle.dropFirst().map {
                                .note(at: namedSchemas[$0]!.location, "`\($0)` is part of the cycle.")
                            })
                    }
                    break
                }
                chain.append(next)
                current = target
            }
        }
    }
}
