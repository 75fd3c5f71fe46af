import YAML

extension Loader {
    /// The operations of path items, in document order; on several threads for a large description
    /// (``inParts(_:_:)``).
    ///
    /// A description with shared responses, request bodies or parameters is loaded on one thread: the first use of
    /// one may name its schema, which would make the parts fall back to one thread after all, having cost half as
    /// much again.
    mutating func pathItems(_ entries: [Node.Entry], defaultSecurity: SecurityRequirements) -> [Operation] {
        let namesOnFirstUse = ["responses", "requestBodies", "parameters"].contains { components[$0]?.isEmpty == false }
        guard !namesOnFirstUse else { return entries.flatMap { pathItem($0, defaultSecurity: defaultSecurity) } }
        return inParts(entries) { loader, entry in loader.pathItem(entry, defaultSecurity: defaultSecurity) }
            .flatMap { $0 }
    }

    mutating func pathItem(_ entry: Node.Entry, defaultSecurity: SecurityRequirements) -> [Operation] {
        let path = entry.key
        guard let item = pathItemNode(entry.value), let entries = mapping(item, "The path `\(path)`") else { return [] }
        checkKeys(entries, allowed: Keys.pathItem, in: "A path item")
        guard let components = pathComponents(path, at: entry.keyLocation) else { return [] }
        let shared = item["parameters"].map { parameters($0) } ?? []
        let pathServers = item["servers"].map { servers($0) } ?? []
        var operations: [Operation] = []
        for methodEntry in entries {
            guard let method = HTTPMethod(rawValue: methodEntry.key) else { continue }
            if var operation = operation(
                method, path: path, pathLocation: entry.keyLocation, components: components, node: methodEntry.value,
                shared: shared, defaultSecurity: defaultSecurity)
            {
                // An operation's servers replace its path's, which replace the document's.
                operation.servers = methodEntry.value["servers"].map { servers($0) } ?? pathServers
                operation.tags =
                    methodEntry.value["tags"].flatMap { sequence($0, "`tags`") }?.compactMap {
                        string($0, "A tag")
                    } ?? []
                operations.append(operation)
            }
        }
        return operations
    }

    /// A path item, following its `$ref` when it has one; a path item may point to another in this file.
    mutating func pathItemNode(_ node: Node) -> Node? {
        guard let refNode = node["$ref"] else { return node }
        guard let ref = string(refNode, "`$ref`") else { return nil }
        guard ref.hasPrefix("#/") else {
            error(
                refNode.location, "`\(ref)` points into another file; references to other files are not supported yet.")
            return nil
        }
        var current = root
        for token in ref.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = unescapePointerToken(percentDecoded(token))
            guard
                let next = current.entries?.first(where: { $0.key.hasSameScalars(as: key) })?
                    .value
            else {
                error(refNode.location, "`\(ref)` names nothing in this file.")
                return nil
            }
            current = next
        }
        if current["$ref"] != nil {
            error(refNode.location, "`\(ref)` leads to another reference; point it at the path item itself.")
            return nil
        }
        return current
    }

    /// Splits `/a/{b}/c` into literals and parameter names, reporting unbalanced or empty braces.
    mutating func pathComponents(_ template: String, at location: SourceLocation) -> [PathComponent]? {
        var components: [PathComponent] = []
        var literal = ""
        var name: String?
        for (offset, character) in template.enumerated() {
            let here = SourceLocation(file: location.file, line: location.line, column: location.column + offset)
            switch (character, name) {
            case ("{", nil):
                if !literal.isEmpty { components.append(.literal(literal)) }
                literal = ""
                name = ""
            case ("}", let current?):
                guard !current.isEmpty else {
                    error(here, "The template `\(template)` has an empty parameter `{}`; name the parameter.")
                    return nil
                }
                components.append(.parameter(current))
                name = nil
            case ("{", _?), ("}", nil):
                error(
                    here,
                    "The template `\(template)` has an unbalanced `\(character)`; parameters are written `{name}`.")
                return nil
            case (_, let current?):
                name = current + String(character)
            case (_, nil):
                literal.append(character)
            }
        }
        if name != nil {
            error(
                location, "The template `\(template)` has a `{` that is never closed; parameters are written `{name}`.")
            return nil
        }
        if !literal.isEmpty { components.append(.literal(literal)) }
        if !template.hasPrefix("/") {
            error(location, "The template `\(template)` must start with `/`.")
            return nil
        }
        return components
    }

    mutating func operation(
        _ method: HTTPMethod, path: String, pathLocation: SourceLocation, components: [PathComponent], node: Node,
        shared: [Parameter], defaultSecurity: SecurityRequirements
    ) -> Operation? {
        let what = "The operation `\(method.rawValue.uppercased()) \(path)`"
        guard let entries = mapping(node, what) else { return nil }
        checkKeys(entries, allowed: Keys.operation, in: "An operation")
        if let callbacks = entries.first(where: { $0.key == "callbacks" }) {
            warning(
                callbacks.keyLocation,
                "`callbacks` describe requests the API sends back, not ones a client makes; they are not generated.")
        }
        var id = "\(method.rawValue) \(path)"
        var hasExplicitID = false
        if let idNode = node["operationId"] {
            id = string(idNode, "`operationId`") ?? id
            hasExplicitID = true
        } else {
            diagnostics.append(
                .note(
                    at: node.location,
                    "\(what) has no `operationId`; its Swift names are derived from `\(id)`. Add an `operationId` to choose them."
                ))
        }
        var parameters = shared
        for parameter in node["parameters"].map({ self.parameters($0) }) ?? [] {
            // An operation's parameter overrides a path-level one with the same name and location.
            parameters.removeAll { $0.name == parameter.name && $0.placement == parameter.placement }
            parameters.append(parameter)
        }
        let templateNames = components.compactMap { component -> String? in
            if case .parameter(let name) = component { return name }
            return nil
        }
        checkPathParameters(templateNames, path: path, at: pathLocation, declared: parameters)
        let pathParameters = templateNames.compactMap { name in
            parameters.first { $0.placement == .path && $0.name == name }
        }
        let otherParameters = parameters.filter { $0.placement != .path }
        let body = node["requestBody"].flatMap { requestBody($0) }
        var responses: [Response] = []
        if let responsesNode = required(entries, "responses", in: node, what) {
            responses = self.responses(responsesNode)
        }
        return Operation(
            id: id, hasExplicitID: hasExplicitID, method: method, path: path, pathComponents: components,
            summary: node["summary"].flatMap { string($0, "`summary`") },
            description: node["description"].flatMap { string($0, "`description`") },
            isDeprecated: node["deprecated"].flatMap { bool($0, "`deprecated`") } ?? false,
            parameters: pathParameters + otherParameters, requestBody: body, responses: responses,
            security: node["security"].map { security($0) } ?? defaultSecurity,
            location: node.location)
    }

    mutating func checkPathParameters(
        _ templateNames: [String], path: String, at location: SourceLocation, declared: [Parameter]
    ) {
        let declaredPath = declared.filter { $0.placement == .path }
        for name in templateNames
        where !declaredPath.contains(where: { $0.name == name }) && !rejectedParameters.contains(name) {
            let placeholder = Array("{\(name)}")
            let characters = Array(path)
            let offset =
                characters.indices.first { characters[$0...].starts(with: placeholder) } ?? 0
            var message =
                "The path parameter `\(name)` in `\(path)` is not declared; add a parameter with `name: \(name)` and `in: path`."
            if let near = closestMatch(to: name, in: declaredPath.map(\.name)) {
                message = "The path parameter `\(name)` in `\(path)` is not declared. Did you mean `\(near)`?"
            }
            error(SourceLocation(file: location.file, line: location.line, column: location.column + offset), message)
        }
        for parameter in declaredPath where !templateNames.contains(parameter.name) {
            error(
                parameter.location,
                "The path parameter `\(parameter.name)` does not appear in the path `\(path)`; add `{\(parameter.name)}` to the path or remove the parameter."
            )
        }
    }

    /// The parameters of a list, each located at its `name`.
    mutating func parameters(_ node: Node) -> [Parameter] {
        guard let items = sequence(node, "`parameters`") else { return [] }
        var result: [Parameter] = []
        for item in items {
            guard let resolved = resolve(item, kind: "parameters"), let entries = mapping(resolved, "A parameter")
            else {
                continue
            }
            checkKeys(entries, allowed: Keys.parameter, in: "A parameter")
            guard let nameNode = required(entries, "name", in: resolved, "A parameter"),
                let name = string(nameNode, "A parameter's `name`"),
                let inNode = required(entries, "in", in: resolved, "The parameter `\(name)`"),
                let locationText = string(inNode, "`in`")
            else { continue }
            guard let placement = ParameterLocation(rawValue: locationText) else {
                var message = "`\(locationText)` is not a parameter location."
                if let near = closestMatch(to: locationText, in: ParameterLocation.allCases.map(\.rawValue)) {
                    message += " Did you mean `\(near)`?"
                } else {
                    message += " Use `path`, `query`, `header` or `cookie`."
                }
                error(inNode.location, message)
                rejectedParameters.insert(name)
                continue
            }
            let isRequired = resolved["required"].flatMap { bool($0, "`required`") } ?? false
            if placement == .path, !isRequired {
                error(
                    (resolved["required"] ?? nameNode).location,
                    "The path parameter `\(name)` must be marked `required: true`.")
            }
            if placement == .header || placement == .cookie, !isHeaderName(name) {
                error(
                    nameNode.location,
                    "`\(name)` is not a valid \(placement.rawValue) name; use letters, digits and `-`.")
                rejectedParameters.insert(name)
                continue
            }
            if placement == .header, ["accept", "content-type", "authorization"].contains(name.lowercased()) {
                warning(
                    nameNode.location,
                    "The header parameter `\(name)` is ignored: OpenAPI sets it from the content and security sections."
                )
                continue
            }
            guard let (described, schemaLocation, isJSON) = parameterSchema(resolved, entries: entries, name: name)
            else {
                rejectedParameters.insert(name)
                continue
            }
            let schema = isJSON ? described : plainParameterSchema(described, name: name, at: schemaLocation)
            let style = parameterStyle(resolved, placement: placement, name: name)
            if !isJSON, let problem = unsupportedParameterSchema(schema, style: style) {
                error(
                    schemaLocation,
                    "The parameter `\(name)` \(problem); give it the style `form`, or make it an object."
                )
                rejectedParameters.insert(name)
                continue
            }
            let allowsReserved = resolved["allowReserved"].flatMap { bool($0, "`allowReserved`") } ?? false
            if allowsReserved, placement != .query, let node = resolved["allowReserved"] {
                warning(node.location, "`allowReserved` applies to query parameters only; here it has no effect.")
            }
            let allowsEmptyValue = resolved["allowEmptyValue"].flatMap { bool($0, "`allowEmptyValue`") } ?? false
            if allowsEmptyValue, placement != .query, let node = resolved["allowEmptyValue"] {
                warning(node.location, "`allowEmptyValue` applies to query parameters only; here it has no effect.")
            }
            if let example = resolved["example"] { valueChecks.append((example, schema, "The example")) }
            if let first = result.first(where: { $0.name == name && $0.placement == placement }) {
                error(
                    nameNode.location,
                    "The \(placement.rawValue) parameter `\(name)` is declared twice in one list; OpenAPI allows each name and location once. Remove one.",
                    notes: [.note(at: first.location, "`\(name)` is first declared here.")])
                continue
            }
            let explode = resolved["explode"].flatMap { bool($0, "`explode`") } ?? (style == .form)
            let description = resolved["description"].flatMap { string($0, "`description`") }
            var shared = schema
            if !isJSON, let component = ownComponent(item, kind: "parameters") {
                shared = sharedSchema(schema, ofParameter: component, description: description)
            }
            result.append(
                Parameter(
                    name: name, placement: placement, description: description, isRequired: isRequired,
                    isDeprecated: resolved["deprecated"].flatMap { bool($0, "`deprecated`") } ?? false, style: style,
                    explode: explode, schema: shared, isJSON: isJSON,
                    allowsReserved: allowsReserved && placement == .query,
                    allowsEmptyValue: allowsEmptyValue && placement == .query,
                    location: nameNode.location))
        }
        return result
    }

    /// A parameter's schema and where it is written: under `schema`, or under the one media type of `content`.
    mutating func parameterSchema(
        _ node: Node, entries: [Node.Entry], name: String
    ) -> (Schema, SourceLocation, isJSON: Bool)? {
        if let content = node["content"] {
            // A value described by a media type travels as that media type's text: JSON, or the string itself.
            guard let media = mapping(content, "`content`"), media.count == 1, let entry = media.first else {
                error(
                    content.location,
                    "A parameter's `content` holds exactly one media type, such as `application/json`.")
                return nil
            }
            guard let kind = contentKind(entry.key) else {
                error(entry.keyLocation, "`\(entry.key)` is not a media type; write one such as `application/json`.")
                return nil
            }
            if let values = entry.value.entries { checkKeys(values, allowed: Keys.mediaType, in: "A media type") }
            guard kind == .json else {
                return (Schema(kind: .string(format: nil), location: entry.keyLocation), entry.keyLocation, false)
            }
            let schemaNode = entry.value["schema"]
            let schema =
                schemaNode.flatMap { self.schema($0, "The parameter `\(name)`") }
                ?? Schema(kind: .any, location: entry.keyLocation)
            return (schema, schemaNode?.location ?? entry.keyLocation, true)
        }
        guard let schemaNode = required(entries, "schema", in: node, "The parameter `\(name)`"),
            let schema = schema(schemaNode, "The parameter `\(name)`")
        else { return nil }
        return (schema, schemaNode.location, false)
    }

    /// The parameter's `style`, checked against where it travels; each location has its default.
    mutating func parameterStyle(_ node: Node, placement: ParameterLocation, name: String) -> ParameterStyle {
        let fallback: ParameterStyle = placement == .path || placement == .header ? .simple : .form
        guard let styleNode = node["style"], let text = string(styleNode, "`style`") else { return fallback }
        guard let style = ParameterStyle(rawValue: text) else {
            var message = "`\(text)` is not a parameter style."
            if let near = closestMatch(to: text, in: ParameterStyle.allCases.map(\.rawValue)) {
                message += " Did you mean `\(near)`?"
            }
            error(styleNode.location, message)
            return fallback
        }
        let allowed: [ParameterStyle] =
            switch placement {
            case .path: [.simple, .label, .matrix]
            case .query: [.form, .spaceDelimited, .pipeDelimited, .deepObject]
            case .header: [.simple]
            case .cookie: [.form]
            }
        guard allowed.contains(style) else {
            error(
                styleNode.location,
                "The style `\(text)` does not apply to \(placement.rawValue) parameters; use \(allowed.map { "`\($0.rawValue)`" }.joined(separator: " or "))."
            )
            return fallback
        }
        return style
    }

    /// A parameter's own schema with what cannot apply to a parameter taken out, each with a warning: without a
    /// type, the value travels as text; the generator's list and path-form extensions apply to properties and
    /// response values, so a parameter is the string as written.
    mutating func plainParameterSchema(_ described: Schema, name: String, at location: SourceLocation) -> Schema {
        // A reference to such a schema is replaced too: the parameter takes the string, not the named type.
        let schema = resolvedSchema(described)
        var plain = schema
        switch schema.kind {
        case .any:
            plain = Schema(kind: .string(format: nil), description: described.description, location: described.location)
            warning(location, "The parameter `\(name)` has no type, so it travels as text: a `String` in Swift.")
        case .string where schema.delimiter != nil:
            plain.delimiter = nil
            warning(
                location,
                "`x-apigen-delimiter` applies to properties of objects; the parameter `\(name)` is the string as written."
            )
        case .string where !schema.pathForms.isEmpty:
            plain.pathForms = []
            warning(
                location,
                "`x-apigen-path-forms` applies to response values; the parameter `\(name)` is the string as written.")
        case .array(let items):
            let item = resolvedSchema(items)
            guard case .string = item.kind, item.delimiter != nil || !item.pathForms.isEmpty else { return described }
            plain.kind = .array(
                Schema(kind: .string(format: nil), description: item.description, location: item.location))
            warning(
                location,
                "The generator's string extensions apply to properties and response values; the items of the parameter `\(name)` are strings as written."
            )
        default:
            return described
        }
        return plain
    }

    /// Why a parameter's schema cannot travel in its place, if it cannot. The schema has been through
    /// `plainParameterSchema`, so the generator's string extensions are gone from it and from its items. Values
    /// without a text form of their own (objects inside objects, lists of objects, free-form values, compositions)
    /// travel as their JSON text.
    func unsupportedParameterSchema(_ schema: Schema, style: ParameterStyle) -> String? {
        let current = resolvedSchema(schema)
        switch current.kind {
        case .array:
            return style == .deepObject ? "is an array, which `deepObject` cannot write" : nil
        case .object, .reference, .any:
            // A reference that leads nowhere is a cycle of references, reported once at the schemas.
            return nil
        default:
            return style == .deepObject ? "uses `deepObject`, which applies to objects" : nil
        }
    }

    /// The schema a reference leads to among the named schemas loaded so far.
    func resolvedSchema(_ schema: Schema) -> Schema {
        var current = schema
        var seen: Set<String> = []
        while case .reference(let name) = current.kind, seen.insert(name).inserted, let target = namedSchemas[name] {
            current = target
        }
        return current
    }

    mutating func requestBody(_ node: Node) -> RequestBody? {
        guard let resolved = resolve(node, kind: "requestBodies"), let entries = mapping(resolved, "`requestBody`")
        else { return nil }
        checkKeys(entries, allowed: Keys.requestBody, in: "A request body")
        guard let contentNode = required(entries, "content", in: resolved, "The request body") else { return nil }
        var contents = contents(contentNode, what: "The request body")
        let description = resolved["description"].flatMap { string($0, "`description`") }
        if let component = ownComponent(node, kind: "requestBodies") {
            contents = sharedContents(
                contents, ofComponent: "requestBodies", named: component, description: description)
        }
        guard !contents.isEmpty else {
            if contentNode.entries?.isEmpty == true {
                error(
                    contentNode.location,
                    "The request body's `content` is empty; list a media type such as `application/json`.")
            }
            return nil
        }
        var flatten = false
        if let flattenNode = resolved["x-apigen-flatten"] {
            flatten = bool(flattenNode, "`x-apigen-flatten`") ?? false
            if flatten, contents.count > 1 {
                warning(
                    flattenNode.location,
                    "`x-apigen-flatten` applies to a body of one media type; this one has \(contents.count), so the method takes the body whole."
                )
                flatten = false
            } else if flatten, contents[0].kind == .multipart {
                warning(
                    flattenNode.location,
                    "`x-apigen-flatten` does not apply to multipart bodies, whose files carry names and media types; the method takes the body whole."
                )
                flatten = false
            } else if flatten, contents[0].kind != .json, contents[0].kind != .formURLEncoded {
                warning(
                    flattenNode.location,
                    "`x-apigen-flatten` applies to JSON and form bodies; a `\(contents[0].mediaType)` body is taken whole."
                )
                flatten = false
            }
        }
        return RequestBody(
            description: description,
            isRequired: resolved["required"].flatMap { bool($0, "`required`") } ?? false, contents: contents,
            isFlattened: flatten, location: resolved.location)
    }

    /// The bodies of a `content` mapping, one for each media type in document order; a key that is not a media type
    /// is a warning and skipped.
    mutating func contents(_ node: Node, what: String) -> [Content] {
        guard let entries = mapping(node, "`content`") else { return [] }
        var result: [Content] = []
        for entry in entries {
            guard let kind = contentKind(entry.key) else {
                warning(
                    entry.keyLocation,
                    "`\(entry.key)` is not a media type, so it is skipped; `content` maps media types such as `application/json` to their schemas."
                )
                continue
            }
            guard let media = mapping(entry.value, "A media type") else { continue }
            checkKeys(media, allowed: Keys.mediaType, in: "A media type")
            if let earlier = result.first(where: { sameMediaType($0.mediaType, entry.key) }) {
                error(
                    entry.keyLocation, "`\(entry.key)` is listed twice in this `content`; keep one.",
                    notes: [.note(at: earlier.location, "The media type is first listed here.")])
                continue
            }
            var schema: Schema
            if let schemaNode = entry.value["schema"] {
                guard let read = self.schema(schemaNode, what) else { continue }
                schema = read
            } else if kind == .json || kind == .formURLEncoded || kind == .multipart {
                // Without a schema, the body is any value of its media type.
                schema = Schema(kind: .any, location: entry.value.location)
            } else {
                schema = Schema(kind: .string(format: "binary"), location: entry.value.location)
            }
            if let example = entry.value["example"] { valueChecks.append((example, schema, "The example")) }
            var encodings: [(property: String, encoding: PartEncoding)] = []
            if let encoding = entry.value["encoding"] {
                if kind == .formURLEncoded || kind == .multipart {
                    encodings = self.encodings(encoding, multipart: kind == .multipart)
                } else {
                    warning(
                        encoding.location,
                        "`encoding` applies to `application/x-www-form-urlencoded` and `multipart/form-data` bodies only, so it is skipped here."
                    )
                }
            }
            result.append(
                Content(
                    mediaType: entry.key, kind: kind, schema: schema, encodings: encodings,
                    location: entry.keyLocation))
        }
        return result
    }

    /// Whether two media types as written name the same type: compared without case, spaces or parameters'
    /// spacing.
    private func sameMediaType(_ first: String, _ second: String) -> Bool {
        func normal(_ text: String) -> String { text.lowercased().filter { $0 != " " && $0 != "\t" } }
        return normal(first) == normal(second)
    }

    /// The `encoding` of a form or multipart body: how named properties travel.
    mutating func encodings(_ node: Node, multipart: Bool) -> [(property: String, encoding: PartEncoding)] {
        guard let entries = mapping(node, "`encoding`") else { return [] }
        var result: [(property: String, encoding: PartEncoding)] = []
        for entry in entries where !entry.key.hasPrefix("x-") {
            guard let fields = mapping(entry.value, "An encoding") else { continue }
            checkKeys(fields, allowed: Keys.encoding, in: "An encoding")
            var encoding = PartEncoding(location: entry.keyLocation)
            if let node = entry.value["contentType"], let text = string(node, "`contentType`") {
                // A part may list several media types; the first is the one the client sends.
                let first = String((text.split(separator: ",").first ?? "").filter { $0 != " " })
                if contentKind(first) == nil {
                    error(node.location, "`\(text)` is not a media type; write one such as `image/png`.")
                } else if multipart {
                    encoding.contentType = first
                } else {
                    warning(node.location, "`contentType` applies to multipart parts; a form field is always text.")
                }
            }
            if let node = entry.value["headers"] {
                if multipart {
                    encoding.headers = headers(node).filter { header in
                        guard header.name.lowercased() == "content-type" else { return true }
                        warning(
                            header.location,
                            "A part's `Content-Type` is set by `contentType`, so this header is skipped.")
                        return false
                    }
                } else {
                    warning(node.location, "`headers` apply to multipart parts; a form field has none.")
                }
            }
            for key in ["style", "explode", "allowReserved"] {
                guard let node = entry.value[key] else { continue }
                if multipart {
                    warning(node.location, "`\(key)` applies to form fields; a multipart part is written whole.")
                    continue
                }
                switch key {
                case "style": encoding.style = formStyle(node)
                case "explode": encoding.explode = bool(node, "`explode`")
                default: encoding.allowsReserved = bool(node, "`allowReserved`") ?? false
                }
            }
            result.append((entry.key, encoding))
        }
        return result
    }

    /// The `style` of a form field: one of the styles a query parameter takes.
    private mutating func formStyle(_ node: Node) -> ParameterStyle? {
        guard let text = string(node, "`style`") else { return nil }
        let allowed: [ParameterStyle] = [.form, .spaceDelimited, .pipeDelimited, .deepObject]
        guard let style = ParameterStyle(rawValue: text), allowed.contains(style) else {
            error(
                node.location,
                "`\(text)` is not a style of form fields; use \(allowed.map { "`\($0.rawValue)`" }.joined(separator: ", "))."
            )
            return nil
        }
        return style
    }

    /// Whether a byte may be part of a media type's type or subtype: an ASCII letter, digit or one of `!#$&-^_.+*`.
    static func isMediaTypeByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: "!#$&-^_.+*".utf8.contains(byte)
        }
    }

    /// How a body of a media type travels, or nil when the key is not a media type.
    func contentKind(_ mediaType: String) -> ContentKind? {
        // The commonest media type by far, spelled as most descriptions spell it.
        if mediaType == "application/json" { return .json }
        let parts = Content.essence(of: mediaType).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            parts.allSatisfy({ $0.utf8.allSatisfy(Loader.isMediaTypeByte) })
        else { return nil }
        let (type, subtype) = (parts[0], parts[1])
        if subtype == "json" || subtype.hasSuffix("+json") { return .json }
        if type == "application", subtype == "x-www-form-urlencoded" { return .formURLEncoded }
        if type == "multipart", subtype == "form-data" { return .multipart }
        if type == "text" { return .text }
        return .binary
    }

    mutating func responses(_ node: Node) -> [Response] {
        guard let entries = mapping(node, "`responses`") else { return [] }
        if entries.isEmpty { error(node.location, "`responses` is empty; document at least one status code.") }
        var result: [Response] = []
        for entry in entries where !entry.key.hasPrefix("x-") {
            let status: ResponseStatus
            if entry.key == "default" {
                status = .default
            } else if entry.key.count == 3, let code = Int(entry.key), (100...599).contains(code) {
                status = .code(code)
            } else if entry.key.count == 3, entry.key.uppercased().hasSuffix("XX"),
                let digit = Int(entry.key.prefix(1)), (1...5).contains(digit)
            {
                status = .range(digit)
            } else {
                error(
                    entry.keyLocation,
                    "`\(entry.key)` is not a status code; write a code from 100 to 599, such as `200`, a range such as `4XX`, or `default`."
                )
                continue
            }
            guard let resolved = resolve(entry.value, kind: "responses"), let response = mapping(resolved, "A response")
            else {
                continue
            }
            checkKeys(response, allowed: Keys.response, in: "A response")
            if let links = response.first(where: { $0.key == "links" }) {
                warning(
                    links.keyLocation,
                    "`links` are not generated; the response's values are still there for the caller to pass on.")
            }
            // A shared response is named by its component, so that its problems read the same from every use.
            let what =
                componentPath(of: entry.value, kind: "responses").map { "The response `\($0)`" }
                ?? "The response `\(entry.key)`"
            let description = required(response, "description", in: resolved, what).flatMap {
                string($0, "`description`")
            }
            var contents = resolved["content"].map { self.contents($0, what: what) } ?? []
            if let component = ownComponent(entry.value, kind: "responses") {
                contents = sharedContents(
                    contents, ofComponent: "responses", named: component, description: description)
            }
            let headers = resolved["headers"].map { self.headers($0) } ?? []
            var read = Response(
                status: status, description: description ?? "", headers: headers, contents: contents,
                location: entry.keyLocation)
            if let poll = response.first(where: { $0.key == "x-apigen-poll" }) {
                read.poll = pollLink(poll, headers: headers)
            }
            result.append(read)
        }
        return result.sorted { $0.status < $1.status }
    }

    mutating func headers(_ node: Node) -> [Header] {
        guard let entries = mapping(node, "`headers`") else { return [] }
        return entries.compactMap { entry in
            guard let resolved = resolve(entry.value, kind: "headers"), let header = mapping(resolved, "A header")
            else {
                return nil
            }
            checkKeys(header, allowed: Keys.header, in: "A header")
            guard isHeaderName(entry.key) else {
                error(entry.keyLocation, "`\(entry.key)` is not a valid header name; use letters, digits and `-`.")
                return nil
            }
            guard let schemaNode = required(header, "schema", in: resolved, "The header `\(entry.key)`"),
                let schema = schema(schemaNode, "The header `\(entry.key)`")
            else { return nil }
            if let example = resolved["example"] { valueChecks.append((example, schema, "The example")) }
            return Header(
                name: entry.key, description: resolved["description"].flatMap { string($0, "`description`") },
                isRequired: resolved["required"].flatMap { bool($0, "`required`") } ?? false, schema: schema,
                location: entry.keyLocation)
        }
    }
}

/// Undoes the percent-encoding of a URI fragment; malformed escapes are kept as written.
func percentDecoded(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
        if byte == UInt8(ascii: "%"), utf8.count >= 2,
            let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
        {
            bytes.append(value)
            utf8 = utf8.dropFirst(2)
        } else {
            bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Whether a name is an HTTP field name: one or more of RFC 9110's token characters.
func isHeaderName(_ name: String) -> Bool {
    !name.isEmpty
        && name.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9": true
            default: "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
            }
        }
}
