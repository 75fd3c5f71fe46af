import YAML

/// Reads the bytes of a file a description refers to, by its path (relative paths are relative to where the
/// generator runs, as the description's own path is); nil when it cannot be read.
public typealias DescriptionFileReader = @Sendable (String) -> [UInt8]?

extension Loader {
    /// The node a reference names, in the referring file or another one: `#/any/json/pointer`, `other.yaml` (the whole
    /// file) or `other.yaml#/pointer`, a relative path being relative to the file that holds the reference. Problems
    /// are reported at the reference.
    mutating func referencedNode(_ ref: String, from refNode: Node) -> (node: Node, file: String, pointer: String)? {
        let hash = ref.firstIndex(of: "#")
        let filePart = String(hash.map { ref[..<$0] } ?? Substring(ref))
        let pointer = hash.map { String(ref[ref.index(after: $0)...]) } ?? ""
        var file = refNode.location.file
        if !filePart.isEmpty {
            guard !filePart.contains("://") else {
                error(
                    refNode.location,
                    "`\(ref)` is on the network; the generator reads local files only. Save it beside the description and refer to it by its path."
                )
                return nil
            }
            file = joinedPath(filePart, relativeTo: refNode.location.file)
        }
        guard let document = document(at: file, referencedAt: refNode.location, ref: ref) else { return nil }
        guard pointer.isEmpty || pointer.hasPrefix("/") else {
            error(
                refNode.location, "`\(ref)` does not hold a JSON pointer after `#`; write `#/components/schemas/NAME`.")
            return nil
        }
        var current = document
        for token in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let key = unescapePointerToken(percentDecoded(token))
            if let next = current[key] {
                current = next
            } else if let items = current.items, let index = Int(key), items.indices.contains(index) {
                current = items[index]
            } else {
                let place = file == refNode.location.file ? "this file" : "`\(file)`"
                var message = "`\(ref)` names nothing: \(place) has no `\(key)` on that path."
                if key == "definitions" { message += " OpenAPI 3 keeps schemas under `#/components/schemas/`." }
                error(refNode.location, message)
                return nil
            }
        }
        return (current, file, pointer)
    }

    /// The root node of a file the description refers to, read and parsed once.
    private mutating func document(at file: String, referencedAt location: SourceLocation, ref: String) -> Node? {
        if file == root.location.file { return root }
        if let parsed = otherFiles[file] { return parsed }
        guard !unreadableFiles.contains(file) else { return nil }
        guard let bytes = readFile(file) else {
            unreadableFiles.insert(file)
            error(
                location, "`\(ref)` refers to `\(file)`, which cannot be read; check the path, relative to this file.")
            return nil
        }
        do {
            let parsed = try YAMLParser.parse(bytes, file: file, limits: limits)
            otherFiles[file] = parsed
            return parsed
        } catch {
            unreadableFiles.insert(file)
            diagnostics += error.diagnostics
            return nil
        }
    }

    /// The named schema a reference that is not `#/components/schemas/NAME` of this file leads to: the schema at
    /// the pointer, in this file or another, named after the pointer's last token (or the file), once per target.
    mutating func referencedSchemaName(_ ref: String, at refNode: Node) -> String? {
        guard let target = referencedNode(ref, from: refNode) else { return nil }
        let tokens = target.pointer.split(separator: "/").map { unescapePointerToken(percentDecoded($0)) }
        if target.file == root.location.file, tokens.count == 3, tokens[0] == "components", tokens[1] == "schemas",
            schemaNameSet.contains(tokens[2])
        {
            return tokens[2]
        }
        let key = target.file + "#" + target.pointer
        if let name = referencedSchemaNames[key] { return name }
        let fileName = target.file.split(separator: "/").last.map { $0.split(separator: ".").first ?? $0 } ?? "Schema"
        // Named before it is read, so that a schema that leads back to itself through references ends.
        let name = newSchemaName(tokens.last ?? String(fileName), pointer: ref, key: key)
        if let schema = schema(target.node, "The schema `\(name)`") { namedSchemas[name] = schema }
        return name
    }

    /// Claims a name for a schema the loader names, unlike every other schema's: `base`, or `base2`, `base3`…
    ///
    /// - Parameters:
    ///   - pointer: Where the schema is written, as a reference.
    ///   - key: What identifies the schema among those the loader names, so that it is named once.
    mutating func newSchemaName(_ base: String, pointer: String, key: String) -> String {
        var name = base
        var counter = 2
        while schemaNameSet.contains(name) {
            name = "\(base)\(counter)"
            counter += 1
        }
        referencedSchemaNames[key] = name
        schemaPointers[name] = pointer
        schemaNames.append(name)
        schemaNameSet.insert(name)
        return name
    }

    /// The contents of a shared response or request body (`#/components/responses/NAME`,
    /// `#/components/requestBodies/NAME`), whose JSON schemas that are written in place and declare a type (an
    /// object, a composition, an enumeration, or a list or map of them) become named schemas, once: every operation
    /// that uses the component then shares one type instead of declaring a copy.
    ///
    /// The schema is named after the component and its role (`Unauthorized` → `UnauthorizedResponse`, `NewPet` →
    /// `NewPetRequest`, or `ErrorResponse` as it is); a second JSON media type of the same component adds its index
    /// (`UnauthorizedResponse2`).
    ///
    /// - Parameters:
    ///   - kind: `responses` or `requestBodies`.
    ///   - component: The component's name.
    ///   - description: The component's description, which documents a schema that has none of its own.
    mutating func sharedContents(
        _ contents: [Content], ofComponent kind: String, named component: String, description: String?
    ) -> [Content] {
        let role = kind == "responses" ? "Response" : "Request"
        var shared = 0
        return contents.map { content in
            guard content.kind == .json, !content.schema.isNullable, Loader.declaresType(content.schema) else {
                return content
            }
            shared += 1
            let base = component.lowercased().hasSuffix(role.lowercased()) ? component : component + role
            let name = sharedName(
                shared == 1 ? base : "\(base)\(shared)", of: content.schema, description: description,
                pointer: "#/components/\(kind)/\(escapePointerToken(component))/content/"
                    + "\(escapePointerToken(content.mediaType))/schema")
            var result = content
            result.schema = Schema(kind: .reference(name), location: content.schema.location)
            return result
        }
    }

    /// The schema of a shared parameter (`#/components/parameters/NAME`), which becomes a named schema, once, when
    /// it is written in place and declares a type (an enumeration, an object, or a list of them): every operation
    /// that uses the parameter then shares one type. It is named after the parameter (`apiVersion` → `apiVersion`,
    /// whose type is `APIVersion`), or with `Parameter` added when a schema has that name (`SortParameter`); the
    /// reference keeps the schema's default, which belongs to the parameter.
    ///
    /// - Parameters:
    ///   - component: The parameter's name under `components/parameters`.
    ///   - description: The parameter's description, which documents a schema that has none of its own.
    mutating func sharedSchema(_ schema: Schema, ofParameter component: String, description: String?) -> Schema {
        guard !schema.isNullable, Loader.declaresType(schema) else { return schema }
        var named = schema
        named.defaultValue = nil
        let name = sharedName(
            schemaNameSet.contains(component) ? component + "Parameter" : component, of: named,
            description: description, pointer: "#/components/parameters/\(escapePointerToken(component))/schema")
        return Schema(kind: .reference(name), defaultValue: schema.defaultValue, location: schema.location)
    }

    /// The name of a schema written in place in a shared component, given once: the first time it is met, it is
    /// named (`base`, or `base2`… where that is taken) and kept as a named schema, documented by the component where
    /// it says nothing itself.
    ///
    /// - Parameter pointer: Where the schema is written, which identifies it.
    private mutating func sharedName(
        _ base: String, of schema: Schema, description: String?, pointer: String
    ) -> String {
        if let existing = referencedSchemaNames[pointer] { return existing }
        let name = newSchemaName(base, pointer: pointer, key: pointer)
        var named = schema
        if named.description == nil { named.description = description }
        namedSchemas[name] = named
        return name
    }

    /// The name of the component a reference names in the description's own file, such as `Unauthorized` for
    /// `#/components/responses/Unauthorized`, if it is one.
    func ownComponent(_ node: Node, kind: String) -> String? {
        guard let ref = node["$ref"]?.scalar?.text, isOwnComponent(ref, kind: kind, at: node) else { return nil }
        return unescapePointerToken(String(ref.dropFirst("#/components/\(kind)/".count)))
    }

    /// Whether a schema written in place declares a type of its own: an object with properties (or closed), a
    /// composition, a string or integer enumeration or path forms, or an array or map of such.
    static func declaresType(_ schema: Schema) -> Bool {
        switch schema.kind {
        case .allOf, .oneOf, .anyOf: return true
        case .object(let properties):
            if !properties.isEmpty || !schema.allowsAdditionalProperties { return true }
            if case .allowed(let values) = schema.additionalProperties { return declaresType(values) }
            return false
        case .array(let items): return declaresType(items)
        case .string, .integer: return !schema.enumValues.isEmpty || !schema.pathForms.isEmpty
        case .number, .boolean, .reference, .any: return false
        }
    }

    /// Whether a reference is `#/components/KIND/…` in the description's own file, which the component maps answer.
    func isOwnComponent(_ ref: String, kind: String, at refNode: Node) -> Bool {
        // `#/components/KIND/NAME`, read from the bytes without making the prefix a string on every reference.
        guard refNode.location.file == root.location.file else { return false }
        let prefix = "#/components/".utf8
        var rest = ref.utf8[...]
        guard rest.starts(with: prefix) else { return false }
        rest = rest.dropFirst(prefix.count)
        guard rest.starts(with: kind.utf8) else { return false }
        rest = rest.dropFirst(kind.utf8.count)
        guard rest.first == UInt8(ascii: "/") else { return false }
        return !rest.dropFirst().contains(UInt8(ascii: "/"))
    }
}

/// A path relative to the directory of `base`, with `.` and `..` segments folded, as the file system would.
func joinedPath(_ path: String, relativeTo base: String) -> String {
    guard !path.hasPrefix("/") else { return path }
    var parts = base.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
    for part in path.split(separator: "/") {
        switch part {
        case ".": continue
        case "..":
            if let last = parts.last, !last.isEmpty, last != ".." {
                parts.removeLast()
            } else {
                parts.append("..")
            }
        default: parts.append(String(part))
        }
    }
    return parts.joined(separator: "/")
}
