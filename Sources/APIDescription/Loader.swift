import Dispatch
import YAML

/// Reads a YAML node tree as an OpenAPI 3.0 description, resolving `$ref` and collecting every problem.
public enum DescriptionLoader {
    /// Loads and validates a description.
    ///
    /// - Parameters:
    ///   - root: The document's root node.
    ///   - readFile: Reads the files that references name (`other.yaml#/components/schemas/Pet`); without it, such
    ///     references are errors.
    ///   - limits: Bounds on the YAML of those files.
    ///   - threads: How many threads may load component schemas and path items at once; the result is the same
    ///     whatever the number.
    /// - Returns: The description and any warnings.
    /// - Throws: A `DiagnosticError` holding every error found, with the warnings, in source order.
    public static func load(
        _ root: Node, readFile: @escaping DescriptionFileReader = { _ in nil }, limits: ParseLimits = ParseLimits(),
        threads: Int = 1
    ) throws(DiagnosticError) -> (document: APIDocument, warnings: [Diagnostic]) {
        var loader = Loader(root: root, readFile: readFile, limits: limits, threads: threads)
        let document = loader.document()
        // A problem in a shared component is found once per use; report it once, at the component.
        var seen: Set<Diagnostic> = []
        let diagnostics = loader.diagnostics.filter { seen.insert($0).inserted }.sorted { $0.location < $1.location }
        guard let document, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticError(diagnostics)
        }
        return (document, diagnostics)
    }
}

/// The vendor extensions the generator reads.
let knownExtensions = [
    "x-apigen-flatten", "x-apigen-delimiter", "x-apigen-path-forms", "x-apigen-loose-spelling", "x-apigen-poll",
]

/// Keys each kind of object may hold; anything else that does not start with `x-` is an error.
enum Keys {
    static let root = [
        "openapi", "info", "servers", "paths", "components", "security", "tags", "externalDocs", "webhooks",
        "jsonSchemaDialect",
    ]
    static let info = ["title", "version", "description", "termsOfService", "contact", "license", "summary"]
    static let server = ["url", "description", "variables"]
    static let pathItem =
        HTTPMethod.allCases.map(\.rawValue) + ["parameters", "summary", "description", "servers", "$ref"]
    static let operation = [
        "operationId", "summary", "description", "parameters", "requestBody", "responses", "deprecated", "security",
        "tags", "externalDocs", "servers", "callbacks",
    ]
    static let parameter = [
        "name", "in", "description", "required", "schema", "deprecated", "example", "examples", "style", "explode",
        "allowEmptyValue", "allowReserved", "content",
    ]
    static let requestBody = ["description", "content", "required"]
    static let mediaType = ["schema", "example", "examples", "encoding"]
    static let encoding = ["contentType", "headers", "style", "explode", "allowReserved"]
    static let response = ["description", "headers", "content", "links"]
    static let header = ["description", "required", "schema", "deprecated", "example", "examples", "style", "explode"]
    static let components = [
        "schemas", "parameters", "responses", "requestBodies", "headers", "securitySchemes", "examples", "links",
        "callbacks", "pathItems",
    ]
    static let securityScheme = [
        "type", "scheme", "bearerFormat", "description", "name", "in", "flows", "openIdConnectUrl",
    ]
    static let pathForm = ["name", "description", "template"]
    static let schemaSupported = [
        "type", "format", "description", "properties", "required", "items", "enum", "default", "example", "nullable",
        "title", "readOnly", "writeOnly", "deprecated", "additionalProperties", "allOf", "oneOf", "anyOf",
        "discriminator", "const",
    ]
    /// Constraints the generated client does not enforce; accepted with a warning.
    static let schemaUnchecked = [
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
        "pattern", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "not", "patternProperties",
        "propertyNames", "contains", "minContains", "maxContains", "dependentRequired", "dependentSchemas",
        "unevaluatedProperties", "unevaluatedItems", "prefixItems", "if", "then", "else",
    ]
    /// Documentation and JSON Schema bookkeeping, which do not change the value's type.
    static let schemaIgnored = [
        "xml", "externalDocs", "examples", "$schema", "$id", "$comment", "$defs", "$anchor", "contentMediaType",
        "contentEncoding", "contentSchema",
    ]
    /// Every key a schema may have, made once: a schema is checked for each place one is written.
    static let schema = schemaSupported + schemaUnchecked + schemaIgnored
    /// ``schemaUnchecked`` as a set.
    static let schemaUncheckedSet = Set(schemaUnchecked)
}

/// What one thread loaded of a part of a description's items (``Loader/inParts(_:_:)``).
private struct LoadedPart<Result> {
    var results: [Result]
    var diagnostics: [Diagnostic]
    var valueChecks: [(value: Node, schema: Schema, what: String)]
    /// Whether loading changed what a later item's loading would find.
    var changedWhatOthersRead: Bool
}

struct Loader {
    let root: Node
    var diagnostics: [Diagnostic] = []
    var components: [String: [String: Node]] = [:]
    var schemaNames: [String] = []
    /// The same names as a set, for checking references in constant time.
    var schemaNameSet: Set<String> = []
    var securitySchemes: [String: SecurityScheme] = [:]
    /// The security schemes in document order.
    var securitySchemeOrder: [String] = []
    /// Security schemes already reported as unusable, so that requirements naming them are not reported again.
    var unsupportedSchemes: Set<String> = []
    /// Examples and defaults to check once every named schema is loaded.
    var valueChecks: [(value: Node, schema: Schema, what: String)] = []
    var namedSchemas: [String: Schema] = [:]
    /// Parameters already reported as unusable, so that the path template does not report them again as undeclared.
    var rejectedParameters: Set<String> = []
    /// Reads the other files that references name.
    let readFile: DescriptionFileReader
    /// Bounds on the YAML of other files.
    let limits: ParseLimits
    /// Other files that references name, parsed, by path.
    var otherFiles: [String: Node] = [:]
    /// Other files that could not be read or parsed, reported once.
    var unreadableFiles: Set<String> = []
    /// The names given to schemas that references reach other than as `#/components/schemas/NAME`, by file and
    /// pointer.
    var referencedSchemaNames: [String: String] = [:]
    /// Where the schemas named by the loader rather than under `components/schemas` are written, by name.
    var schemaPointers: [String: String] = [:]
    /// How many threads may load component schemas and path items at once (``inParts(_:_:)``).
    let threads: Int
    /// How many lists of items were loaded on several threads, in parts that stood (for tests).
    var partsThatStood = 0

    init(
        root: Node, readFile: @escaping DescriptionFileReader = { _ in nil }, limits: ParseLimits = ParseLimits(),
        threads: Int = 1
    ) {
        self.root = root
        self.readFile = readFile
        self.limits = limits
        self.threads = threads
    }

    // MARK: Loading on several threads

    /// Loads each of `items` in document order, on several threads at once when there are many: each thread loads a
    /// contiguous part with a copy of the loader, and the parts are joined in order, with their diagnostics and the
    /// values they leave to check.
    ///
    /// Loading one item can change what loading a later one finds: the first use of a shared component's schema
    /// names it, a reference may read another file, a shared parameter may be rejected. So the parts stand only where
    /// none of them did any of that and none found an error; otherwise every item is loaded again on this thread, as
    /// if the parts had never been. Either way the result is the one a single thread gives.
    mutating func inParts<Item, Result>(_ items: [Item], _ load: (inout Loader, Item) -> Result) -> [Result] {
        let width = min(threads, items.count / Loader.itemsPerThread)
        guard width > 1 else { return items.map { load(&self, $0) } }
        var parts = [LoadedPart<Result>?](repeating: nil, count: width)
        var start = self
        start.diagnostics = []
        start.valueChecks = []
        parts.withUnsafeMutableBufferPointer { slots in
            // Each part writes its own slot, and `concurrentPerform` returns once all have.
            nonisolated(unsafe) let (slots, load, items) = (slots, load, items)
            let start = start
            DispatchQueue.concurrentPerform(iterations: width) { part in
                var loader = start
                let range = (items.count * part / width)..<(items.count * (part + 1) / width)
                let results = items[range].map { load(&loader, $0) }
                slots[part] = LoadedPart(
                    results: results, diagnostics: loader.diagnostics, valueChecks: loader.valueChecks,
                    changedWhatOthersRead: loader.sharedStateCount != start.sharedStateCount)
            }
        }
        let loaded = parts.map { $0! }
        guard !loaded.contains(where: { $0.changedWhatOthersRead || $0.diagnostics.contains { $0.severity == .error } })
        else { return items.map { load(&self, $0) } }
        for part in loaded {
            diagnostics += part.diagnostics
            valueChecks += part.valueChecks
        }
        partsThatStood += 1
        return loaded.flatMap(\.results)
    }

    /// Items are loaded on more than one thread only when each thread gets at least this many.
    static let itemsPerThread = 64

    /// How much of what loading one item may leave for a later one to find there is: names given to schemas, files
    /// read or found unreadable, parameters rejected. Each only grows.
    private var sharedStateCount: [Int] {
        [schemaNames.count, otherFiles.count, unreadableFiles.count, rejectedParameters.count]
    }

    // MARK: Diagnostics and typed reading

    mutating func error(_ location: SourceLocation, _ message: String, notes: [Diagnostic] = []) {
        diagnostics.append(.error(at: location, message, notes: notes))
    }

    mutating func warning(_ location: SourceLocation, _ message: String) {
        diagnostics.append(.warning(at: location, message))
    }

    mutating func mapping(_ node: Node, _ what: @autoclosure () -> String) -> [Node.Entry]? {
        if let entries = node.entries { return entries }
        error(node.location, "\(what()) must be a mapping, but this is \(node.kindDescription).")
        return nil
    }

    mutating func sequence(_ node: Node, _ what: @autoclosure () -> String) -> [Node]? {
        if let items = node.items { return items }
        error(node.location, "\(what()) must be a sequence, but this is \(node.kindDescription).")
        return nil
    }

    mutating func string(_ node: Node, _ what: @autoclosure () -> String) -> String? {
        if node.scalarType == .string, let text = node.scalar?.text { return text }
        var message = "\(what()) must be a string, but this is \(node.kindDescription)."
        if node.scalar != nil { message += " Put it in quotes to make it a string." }
        error(node.location, message)
        return nil
    }

    mutating func bool(_ node: Node, _ what: @autoclosure () -> String) -> Bool? {
        if let value = node.boolValue { return value }
        error(node.location, "\(what()) must be `true` or `false`, but this is \(node.kindDescription).")
        return nil
    }

    // Descriptions of what is being read (`what`) are made only for a message: most reads succeed.

    /// Reports keys that the object may not hold, suggesting the nearest allowed key.
    mutating func checkKeys(_ entries: [Node.Entry], allowed: [String], in what: String) {
        for entry in entries where !Loader.lists(allowed, entry.key) {
            if entry.key.hasPrefix("x-") {
                if entry.key.hasPrefix("x-apigen-"), !knownExtensions.contains(entry.key) {
                    var message = "Unknown generator extension `\(entry.key)`; it has no effect."
                    if let near = closestMatch(to: entry.key, in: knownExtensions) {
                        message += " Did you mean `\(near)`?"
                    }
                    warning(entry.keyLocation, message)
                }
                continue
            }
            var message = "\(what) has no key `\(entry.key)`."
            if let near = closestMatch(to: entry.key, in: allowed) {
                message += " Did you mean `\(near)`?"
            } else {
                message += " Allowed keys are \(allowed.map { "`\($0)`" }.joined(separator: ", "))."
            }
            error(entry.keyLocation, message)
        }
    }

    /// Whether `keys` holds `key`, compared as a mapping compares its keys.
    static func lists(_ keys: [String], _ key: String) -> Bool {
        for index in keys.indices where Node.isSameKey(keys[index], key) { return true }
        return false
    }

    mutating func required(
        _ entries: [Node.Entry], _ key: String, in node: Node, _ what: @autoclosure () -> String
    ) -> Node? {
        if let entry = entries.first(where: { $0.key == key }) { return entry.value }
        error(node.location, "\(what()) is missing `\(key)`; add it.")
        return nil
    }

    // MARK: Document

    mutating func document() -> APIDocument? {
        guard let entries = root.entries else {
            error(
                root.location,
                "The top level of a description must be a mapping with `openapi`, `info` and `paths`, but this is \(root.kindDescription)."
            )
            return nil
        }
        checkKeys(entries, allowed: Keys.root, in: "The top level")
        if let versionNode = required(entries, "openapi", in: root, "The description") {
            // A number such as `3.0` or `2.0` is still a version; say what is wrong with it rather than its type.
            let version = versionNode.scalar?.text ?? ""
            let supported =
                (version.hasPrefix("3.0.") || version.hasPrefix("3.1.")) && version.count > 4
                && version.dropFirst(4).allSatisfy(\.isNumber)
            if !supported || versionNode.scalarType != .string {
                error(
                    versionNode.location,
                    "OpenAPI version `\(version)` is not supported; write `openapi: 3.0.3` or `openapi: 3.1.0`.")
            }
        }
        var title = "API"
        var version = ""
        var summary: String?
        if let info = required(entries, "info", in: root, "The description"), let infoEntries = mapping(info, "`info`")
        {
            checkKeys(infoEntries, allowed: Keys.info, in: "`info`")
            if let node = required(infoEntries, "title", in: info, "`info`") {
                title = string(node, "`info.title`") ?? title
            }
            if let node = required(infoEntries, "version", in: info, "`info`") {
                version = string(node, "`info.version`") ?? version
            }
            summary = info["description"].flatMap { string($0, "`info.description`") }
        }
        if let webhooks = root["webhooks"] {
            warning(
                webhooks.location,
                "`webhooks` describe requests the API sends, not ones a client makes; they are not generated.")
        }
        if let dialect = root["jsonSchemaDialect"], let text = string(dialect, "`jsonSchemaDialect`"),
            text != "https://spec.openapis.org/oas/3.1/dialect/base"
        {
            warning(dialect.location, "Only OpenAPI's own JSON Schema dialect is read; schemas are read as if in it.")
        }
        loadComponents(entries)
        let defaultSecurity = root["security"].map { security($0) } ?? []
        // Without `servers`, the client has no default server and takes one from its caller.
        let servers = root["servers"].map { self.servers($0) } ?? []
        var operations: [Operation] = []
        if let paths = required(entries, "paths", in: root, "The description"),
            let pathEntries = mapping(paths, "`paths`")
        {
            operations = pathItems(pathEntries.filter { !$0.key.hasPrefix("x-") }, defaultSecurity: defaultSecurity)
        }
        checkUniqueOperationIDs(operations)
        operations = checkPollLinks(operations)
        checkReferenceCycles()
        let schemas = schemaNames.compactMap { name in
            namedSchemas[name].map {
                NamedSchema(name: name, schema: $0, pointer: schemaPointers[name] ?? "#/components/schemas/\(name)")
            }
        }
        for check in valueChecks { checkValue(check.value, against: check.schema, check.what) }
        let used = Set(operations.flatMap { $0.security.joined() })
        return APIDocument(
            title: title, version: version, summary: summary, servers: servers, operations: operations,
            schemas: schemas,
            securitySchemes: securitySchemeOrder.filter(used.contains).compactMap { securitySchemes[$0] })
    }

    mutating func servers(_ node: Node) -> [Server] {
        guard let items = sequence(node, "`servers`") else { return [] }
        return items.compactMap { item in
            guard let entries = mapping(item, "A server") else { return nil }
            checkKeys(entries, allowed: Keys.server, in: "A server")
            guard let urlNode = required(entries, "url", in: item, "A server"),
                let template = string(urlNode, "A server's `url`")
            else { return nil }
            let variables = item["variables"].map { serverVariables($0) } ?? []
            func expanded(_ name: String? = nil, at value: String = "") -> String {
                variables.reduce(template) { url, variable in
                    url.replacing("{\(variable.name)}", with: variable.name == name ? value : variable.defaultValue)
                }
            }
            // The URL must be sound with each variable at each of its values.
            let url = expanded()
            if let problem = serverURLProblem(url) {
                error(urlNode.location, "The server URL `\(url)` \(problem).")
                return nil
            }
            for variable in variables {
                for value in variable.enumValues where value != variable.defaultValue {
                    let other = expanded(variable.name, at: value)
                    if let problem = serverURLProblem(other) {
                        error(
                            urlNode.location,
                            "With `\(variable.name)` at `\(value)`, the server URL `\(other)` \(problem).")
                        return nil
                    }
                }
            }
            var server = Server(
                url: url, description: item["description"].flatMap { string($0, "A server's `description`") })
            server.template = template
            server.variables = variables
            return server
        }
    }

    /// The variables of a server URL, each with its default and the values the caller may choose.
    mutating func serverVariables(_ node: Node) -> [Server.Variable] {
        guard let entries = mapping(node, "`variables`") else { return [] }
        return entries.compactMap { entry in
            guard let variable = mapping(entry.value, "A server variable") else { return nil }
            checkKeys(variable, allowed: ["default", "enum", "description"], in: "A server variable")
            guard
                let defaultNode = required(variable, "default", in: entry.value, "The server variable `\(entry.key)`"),
                let value = string(defaultNode, "A server variable's `default`")
            else { return nil }
            var values: [String] = []
            if let enumNode = entry.value["enum"], let items = sequence(enumNode, "`enum`") {
                values = items.compactMap { string($0, "A server variable's value") }
                if !values.contains(value) {
                    error(defaultNode.location, "The default `\(value)` is not one of the variable's `enum` values.")
                }
            }
            return Server.Variable(
                name: entry.key, defaultValue: value, enumValues: values,
                description: entry.value["description"].flatMap { string($0, "`description`") })
        }
    }

    mutating func checkUniqueOperationIDs(_ operations: [Operation]) {
        var seen: [String: SourceLocation] = [:]
        for operation in operations where operation.hasExplicitID {
            if let first = seen[operation.id] {
                error(
                    operation.location,
                    "The operation ID `\(operation.id)` is used twice; operation IDs must be unique.",
                    notes: [.note(at: first, "`\(operation.id)` is first used here.")])
            } else {
                seen[operation.id] = operation.location
            }
        }
    }

    // MARK: Components and references

    mutating func loadComponents(_ rootEntries: [Node.Entry]) {
        guard let node = root["components"], let entries = mapping(node, "`components`") else { return }
        checkKeys(entries, allowed: Keys.components, in: "`components`")
        for entry in entries where Keys.components.contains(entry.key) {
            guard let items = mapping(entry.value, "`components.\(entry.key)`") else { continue }
            components[entry.key] = Dictionary(
                items.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            if entry.key == "schemas" {
                schemaNames = items.map(\.key)
                schemaNameSet = Set(schemaNames)
            }
        }
        let schemaEntries = node["schemas"]?.entries ?? []
        let schemas = inParts(schemaEntries) { loader, entry in loader.schema(entry.value, "The schema `\(entry.key)`")
        }
        for (entry, schema) in zip(schemaEntries, schemas) {
            if let schema { namedSchemas[entry.key] = schema }
        }
        for entry in node["securitySchemes"]?.entries ?? [] {
            if let scheme = securityScheme(entry.key, entry.value) {
                securitySchemes[entry.key] = scheme
                securitySchemeOrder.append(entry.key)
            }
        }
    }

    /// Follows `$ref` to a component of `kind` (such as `parameters`), returning the node it names.
    mutating func resolve(_ node: Node, kind: String) -> Node? {
        var current = node
        var visited: Set<String> = []
        while let refNode = current["$ref"] {
            guard let ref = string(refNode, "`$ref`") else { return nil }
            // Within the description's own components, names are checked against its kind; anywhere else (another
            // file, a `$defs`, a path), the pointer is followed.
            if !(refNode.location.file == root.location.file && ref.hasPrefix("#/components/")) {
                guard visited.insert(refNode.location.file + " " + ref).inserted else {
                    error(refNode.location, "The reference `\(ref)` leads back to itself; point it at a definition.")
                    return nil
                }
                guard let target = referencedNode(ref, from: refNode) else { return nil }
                current = target.node
                continue
            }
            guard let name = componentName(ref, kind: kind, at: refNode.location) else { return nil }
            guard visited.insert(name).inserted else {
                error(refNode.location, "The reference `\(ref)` leads back to itself; point it at a definition.")
                return nil
            }
            guard let target = components[kind]?[name] else {
                reportMissing(name, kind: kind, ref: ref, at: refNode.location)
                return nil
            }
            current = target
        }
        return current
    }

    /// `components/<kind>/<name>` for a node that is a well-formed reference to a component, without reporting
    /// anything.
    func componentPath(of node: Node, kind: String) -> String? {
        guard let ref = node["$ref"]?.scalar?.text, ref.hasPrefix("#/components/\(kind)/") else { return nil }
        return String(ref.dropFirst(2))
    }

    /// The component name in `#/components/<kind>/<name>`, or nil after reporting a malformed reference.
    mutating func componentName(_ ref: String, kind: String, at location: SourceLocation) -> String? {
        let prefix = "#/components/\(kind)/"
        guard ref.hasPrefix(prefix), ref.count > prefix.count else {
            if ref.hasPrefix("#/components/"), let otherKind = ref.dropFirst(13).split(separator: "/").first {
                error(
                    location,
                    "`\(ref)` points into `components/\(otherKind)`, but a reference here must point into `components/\(kind)`."
                )
            } else {
                error(location, "`\(ref)` is not a reference this generator can follow; write `\(prefix)NAME`.")
            }
            return nil
        }
        let name = String(ref.dropFirst(prefix.count))
        if name.contains("/") {
            error(location, "`\(ref)` has more than one name after `\(prefix)`; write `\(prefix)NAME`.")
            return nil
        }
        return unescapePointerToken(name)
    }

    mutating func reportMissing(_ name: String, kind: String, ref: String, at location: SourceLocation) {
        var message = "`\(ref)` names nothing: there is no `\(name)` under `components/\(kind)`."
        let candidates = components[kind].map { Array($0.keys).sorted() } ?? []
        if let near = closestMatch(to: name, in: candidates) { message += " Did you mean `\(near)`?" }
        error(location, message)
    }

    mutating func securityScheme(_ name: String, _ node: Node) -> SecurityScheme? {
        guard let entries = mapping(node, "The security scheme `\(name)`") else { return nil }
        checkKeys(entries, allowed: Keys.securityScheme, in: "A security scheme")
        let description = node["description"].flatMap { string($0, "`description`") }
        func unusable(_ at: SourceLocation, _ message: String) -> SecurityScheme? {
            unsupportedSchemes.insert(name)
            error(at, message)
            return nil
        }
        guard let typeNode = required(entries, "type", in: node, "The security scheme `\(name)`"),
            let type = string(typeNode, "`type`")
        else {
            unsupportedSchemes.insert(name)
            return nil
        }
        switch type {
        case "http":
            guard let schemeNode = required(entries, "scheme", in: node, "The security scheme `\(name)`"),
                let scheme = string(schemeNode, "`scheme`")
            else {
                unsupportedSchemes.insert(name)
                return nil
            }
            switch scheme.lowercased() {
            case "bearer": return SecurityScheme(name: name, kind: .bearer, description: description)
            case "basic": return SecurityScheme(name: name, kind: .basic, description: description)
            default:
                return unusable(
                    schemeNode.location,
                    "The HTTP authentication scheme `\(scheme)` is not supported; use `bearer` or `basic`.")
            }
        case "oauth2", "openIdConnect":
            // The client takes the access token from a provider; obtaining it is the provider's work.
            return SecurityScheme(name: name, kind: .bearer, description: description)
        case "apiKey":
            guard let nameNode = required(entries, "name", in: node, "The security scheme `\(name)`"),
                let keyName = string(nameNode, "`name`"),
                let inNode = required(entries, "in", in: node, "The security scheme `\(name)`"),
                let placementText = string(inNode, "`in`")
            else {
                unsupportedSchemes.insert(name)
                return nil
            }
            guard let placement = ParameterLocation(rawValue: placementText), placement != .path else {
                return unusable(
                    inNode.location,
                    "An API key travels `in: header`, `in: query` or `in: cookie`, not `\(placementText)`.")
            }
            guard isHeaderName(keyName) else {
                return unusable(
                    nameNode.location, "`\(keyName)` is not a valid \(placement.rawValue) name for an API key.")
            }
            return SecurityScheme(
                name: name, kind: .apiKey(name: keyName, placement: placement), description: description)
        case "mutualTLS":
            return unusable(
                typeNode.location,
                "`mutualTLS` is configured in the transport, not by the client; remove the requirement or describe another scheme."
            )
        default:
            var message = "`\(type)` is not a security scheme type."
            if let near = closestMatch(to: type, in: ["http", "apiKey", "oauth2", "openIdConnect", "mutualTLS"]) {
                message += " Did you mean `\(near)`?"
            }
            return unusable(typeNode.location, message)
        }
    }

    /// The alternative requirements of a `security` list, each the names of its schemes.
    mutating func security(_ node: Node) -> SecurityRequirements {
        guard let requirements = sequence(node, "`security`") else { return [] }
        var result: SecurityRequirements = []
        for requirement in requirements {
            guard let entries = mapping(requirement, "A security requirement") else { continue }
            var names: [String] = []
            var usable = true
            for entry in entries {
                if securitySchemes[entry.key] != nil {
                    names.append(entry.key)
                } else {
                    usable = false
                    if !unsupportedSchemes.contains(entry.key) {
                        var message =
                            "The security requirement names `\(entry.key)`, which is not under `components/securitySchemes`."
                        if let near = closestMatch(to: entry.key, in: securitySchemes.keys.sorted()) {
                            message += " Did you mean `\(near)`?"
                        }
                        error(entry.keyLocation, message)
                    }
                }
            }
            if usable { result.append(names) }
        }
        return result
    }
}

/// A JSON pointer token with `~` and `/` escaped, as RFC 6901 writes them (`~0`, `~1`).
public func escapePointerToken(_ token: String) -> String {
    // Byte by byte: `~` and `/` are ASCII, and in UTF-8 an ASCII byte is always that character.
    guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(token.utf8.count + 8)
    for byte in token.utf8 {
        switch byte {
        case UInt8(ascii: "~"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "0")]
        case UInt8(ascii: "/"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "1")]
        default: bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Undoes JSON Pointer escaping: `~1` is `/` and `~0` is `~`.
func unescapePointerToken(_ token: String) -> String {
    var result = ""
    var iterator = token.makeIterator()
    while let character = iterator.next() {
        guard character == "~" else {
            result.append(character)
            continue
        }
        switch iterator.next() {
        case "1": result.append("/")
        case "0": result.append("~")
        case let other?: result += "~\(other)"
        case nil: result.append("~")
        }
    }
    return result
}

/// What keeps a server URL from being one the client can use as its default, or nil when it can: an absolute
/// `http` or `https` URL whose host and port are well formed, with only characters a URL may hold.
func serverURLProblem(_ url: String) -> String? {
    let scalars = Array(url.unicodeScalars)
    let isRelative = url.hasPrefix("/") && !url.hasPrefix("//")
    guard url.hasPrefix("https://") || url.hasPrefix("http://") || isRelative else {
        return
            "must be an absolute `https://` or `http://` URL, or a path such as `/api` relative to the server the description is published on"
    }
    if let bad = scalars.first(where: { !isURLCharacter($0) }) {
        if bad == "{" || bad == "}" {
            return "uses a server variable, which is not supported; write the URL out in full"
        }
        return "contains `\(bad.escaped(asASCII: true))`, which a URL cannot hold; percent-encode it"
    }
    for (index, scalar) in scalars.enumerated() where scalar == "%" {
        let following = scalars.dropFirst(index + 1).prefix(2)
        guard following.count == 2, following.allSatisfy({ $0.properties.isASCIIHexDigit }) else {
            return "has a `%` that is not followed by two hexadecimal digits"
        }
    }
    if isRelative { return nil }
    let rest = url.drop { $0 != ":" }.dropFirst(3)
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if authority.contains("@") { return "holds credentials; leave them out of the description" }
    var host = Substring(authority)
    if host.hasPrefix("[") {
        guard let close = host.firstIndex(of: "]") else { return "has an IPv6 host without its closing `]`" }
        let address = host[host.index(after: host.startIndex)..<close]
        guard !address.isEmpty, address.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
            return "has a malformed IPv6 host"
        }
        host = host[host.index(after: close)...]
        guard host.isEmpty || host.hasPrefix(":") else { return "has text after its IPv6 host" }
    } else {
        let name = host.prefix { $0 != ":" }
        guard !name.isEmpty else { return "has no host" }
        guard
            name.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    || $0 == "."
            })
        else {
            return "has a host with characters other than letters, digits, `-` and `.`"
        }
        host = host.dropFirst(name.count)
    }
    if host.hasPrefix(":") {
        let port = host.dropFirst()
        guard !port.isEmpty, port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), Int(port)! <= 65535
        else { return "has a port that is not a number from 0 to 65535" }
    }
    return nil
}

/// Whether a character may appear in a URL as written (RFC 3986's unreserved and reserved characters, and `%`).
func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9": true
    default: "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars.contains(scalar)
    }
}
