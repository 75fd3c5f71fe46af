import APIDescription
import Dispatch
import YAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Translates a validated description into Swift files: the operations', the schemas' and the client, one at a time.
///
/// Names are assigned once, up front and in document order, so output is the same on every run.
public struct Translator {
    let document: APIDocument
    /// Swift type names of named schemas. Every named schema has one except delimited strings, whose Swift type
    /// depends on where they are used.
    var schemaTypes: [String: Identifier] = [:]
    /// Named schemas by name, for resolving references.
    let schemas: [String: Schema]
    /// Swift namespace names of operations, by `operationId`.
    var operationTypes: [String: Identifier] = [:]
    /// The client's method names for operations, by `operationId`; unique, and clear of the client's own members.
    var methodNames: [String: Identifier] = [:]
    /// For each operation that reads the state of long-running operations, the first `x-apigen-poll` that names it
    /// and the client's method that waits with it, by the reading operation's `operationId`, in document order.
    var pollTargets: [(operationID: String, link: PollLink, waitMethod: Identifier)] = []
    /// The client's parameter and stored property for each security scheme, by the scheme's name.
    var credentialNames: [String: Identifier] = [:]
    /// Every top-level name, which nested types and members must not shadow.
    var topLevelNames: Set<String> = []
    /// For each named object schema, the named object schemas it holds by value, directly or through others; a
    /// property that leads back to its own type must be stored out of line.
    var heldByValue: [String: Set<String>] = [:]
    /// For named schemas that are arrays of inline objects or enums, the top-level name of the item type.
    var itemTypes: [String: Identifier] = [:]
    /// Named schemas that are neither objects nor enums and lead back to themselves through other such schemas
    /// (`A: {type: array, items: {$ref: A}}`): a type alias cannot refer to itself, so they become wrapper structs.
    var wrappedAliases: Set<String> = []
    /// Named schemas that request bodies reach as JSON, directly or through others: their types write their own
    /// JSON (`JSONWritable`); types only ever read from responses do not carry a writer they never use.
    var writtenSchemas: Set<String> = []
    /// Named schemas that response bodies reach as JSON, directly or through others: their types read themselves
    /// (`JSONReadable`).
    var readSchemas: Set<String> = []
    /// Warnings about what the description asks that the generated code cannot do where it is asked.
    var diagnostics = DiagnosticSink()

    /// What the translation warned about so far, such as an extension that does not apply where it is used; read it
    /// after ``translateFiles(threads:_:emit:)``.
    public var warnings: [Diagnostic] { diagnostics.warnings }

    /// Prepares the translation of a document.
    public init(document: APIDocument) {
        self.document = document
        let schemas = Dictionary(
            document.schemas.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        self.schemas = schemas
        // Which schemas are written, read and held by value depends on the schemas alone, and the names on the names
        // alone: they are worked out on two threads at once, the names with the schemas read, the rest beside them
        // (at 10,000 operations, about 65 and 45 ms; the names are the longest part, and cannot be split).
        let ((names, read), (written, heldByValue, wrappedAliases)) = Translator.atOnce {
            (Translator.names(of: document, schemas: schemas), Translator.readSchemas(in: document, schemas: schemas))
        } and: {
            (
                Translator.writtenSchemas(in: document, schemas: schemas),
                Translator.reachability(document.schemas, schemas: schemas),
                Translator.selfReferentialAliases(document.schemas, schemas: schemas)
            )
        }
        schemaTypes = names.schemaTypes
        operationTypes = names.operationTypes
        itemTypes = names.itemTypes
        topLevelNames = names.topLevelNames
        credentialNames = names.credentialNames
        methodNames = names.methodNames
        pollTargets = names.pollTargets
        writtenSchemas = written
        readSchemas = read
        self.heldByValue = heldByValue
        self.wrappedAliases = wrappedAliases
    }

    /// The names ``init(document:)`` gives types, methods and credentials.
    private struct Names {
        var schemaTypes: [String: Identifier] = [:]
        var operationTypes: [String: Identifier] = [:]
        var itemTypes: [String: Identifier] = [:]
        var topLevelNames: Set<String> = []
        var credentialNames: [String: Identifier] = [:]
        var methodNames: [String: Identifier] = [:]
        var pollTargets: [(operationID: String, link: PollLink, waitMethod: Identifier)] = []
    }

    /// Names every type, method and credential, once and in document order, so output is the same on every run.
    private static func names(of document: APIDocument, schemas: [String: Schema]) -> Names {
        var result = Names()
        var names = UniqueNames(reserved: ["Client"])
        for named in document.schemas where Translator.resolved(named.schema, in: schemas).delimiter == nil {
            result.schemaTypes[named.name] = names.claim(Naming.typeName(named.name))
        }
        for operation in document.operations {
            result.operationTypes[operation.id] = names.claim(Naming.typeName(operation.id))
        }
        for named in document.schemas where !Translator.needsDeclaration(named.schema) {
            if Translator.innermostItems(of: named.schema).map(Translator.needsDeclaration) == true {
                result.itemTypes[named.name] = names.claim(Naming.typeName(named.name + "Item"))
            }
        }
        result.topLevelNames = names.taken
        // Method names are lowerCamelCase and type names UpperCamelCase, but both start with `_` where the name starts
        // with a digit; a method named like a type would hide it inside the client.
        var methods = UniqueNames(
            reserved: ["runner", "defaultServerURL", "serverURL", "transport", "middlewares", "maxResponseBodyBytes"],
            shared: result.topLevelNames)
        // With one scheme, its credentials are named for what they are; with several, for the scheme.
        let schemes = document.securitySchemes
        for scheme in schemes {
            let name: Identifier
            switch (schemes.count, scheme.kind) {
            case (1, .bearer): name = Identifier("token")
            case (1, .basic): name = Identifier("credentials")
            case (1, .apiKey): name = Identifier("apiKey")
            default: name = Naming.memberName(scheme.name)
            }
            result.credentialNames[scheme.name] = methods.claim(name)
        }
        for operation in document.operations {
            result.methodNames[operation.id] = methods.claim(Naming.memberName(operation.id))
        }
        for link in document.operations.flatMap({ $0.responses.compactMap(\.poll) })
        where !result.pollTargets.contains(where: { $0.operationID == link.operationID }) {
            // `getOperation` waits as `waitForOperation`.
            var subject = link.operationID
            if subject.hasPrefix("get"), subject.count > 3 { subject.removeFirst(3) }
            let name = methods.claim(Naming.memberName("wait for " + subject))
            result.pollTargets.append((link.operationID, link, name))
        }
        return result
    }

    /// The named schemas request bodies reach as JSON: their types write their own JSON.
    private static func writtenSchemas(in document: APIDocument, schemas: [String: Schema]) -> Set<String> {
        Translator.reachedNames(
            from: document.operations.flatMap { $0.requestBody?.contents.filter { $0.kind == .json } ?? [] }.map(
                \.schema),
            in: schemas)
    }

    /// The named schemas response bodies reach as JSON: their types read their own JSON.
    private static func readSchemas(in document: APIDocument, schemas: [String: Schema]) -> Set<String> {
        Translator.reachedNames(
            from: document.operations.flatMap { $0.responses.compactMap(\.json) }.map(\.schema), in: schemas)
    }

    /// Runs two pieces of work on two threads at once and returns both results.
    static func atOnce<First, Second>(_ first: () -> First, and second: () -> Second) -> (First, Second) {
        var firstResult: First?
        var secondResult: Second?
        // Each index writes its own result, and `concurrentPerform` returns once both have.
        nonisolated(unsafe) let (first, second) = (first, second)
        withUnsafeMutablePointer(to: &firstResult) { firstSlot in
            withUnsafeMutablePointer(to: &secondResult) { secondSlot in
                nonisolated(unsafe) let (firstSlot, secondSlot) = (firstSlot, secondSlot)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { firstSlot.pointee = first() } else { secondSlot.pointee = second() }
                }
            }
        }
        return (firstResult!, secondResult!)
    }

    /// The elements inside a schema's arrays and maps, however deeply nested, or nil when the schema is neither.
    static func innermostItems(of schema: Schema) -> Schema? {
        guard var element = containedElement(of: schema) else { return nil }
        while let inner = containedElement(of: element) { element = inner }
        return element
    }

    /// The items of an array, or the values of a map (an object without properties).
    static func containedElement(of schema: Schema) -> Schema? {
        switch schema.kind {
        case .array(let items): return items
        case .object(let properties) where properties.isEmpty && schema.allowsAdditionalProperties:
            if case .allowed(let values) = schema.additionalProperties { return values }
            return nil
        default: return nil
        }
    }

    /// The Swift type of an array or map schema whose innermost elements are `element`.
    static func containerType(of schema: Schema, element: Code) -> Code {
        guard let inner = containedElement(of: schema) else { return element }
        let contained = containerType(of: inner, element: element)
        let value: Code = inner.isNullable ? "\(contained)?" : contained
        if case .array = schema.kind { return "[\(value)]" }
        return "[String: \(value)]"
    }

    /// Named schemas without a declaration of their own that reach themselves through references and arrays alone.
    static func selfReferentialAliases(_ named: [NamedSchema], schemas: [String: Schema]) -> Set<String> {
        func aliasTargets(_ schema: Schema) -> [String] {
            switch schema.kind {
            case .reference(let target):
                guard let resolved = schemas[target], !needsDeclaration(resolved) else { return [] }
                return [target]
            default: return containedElement(of: schema).map(aliasTargets) ?? []
            }
        }
        var result: Set<String> = []
        for schema in named where !needsDeclaration(schema.schema) {
            var reached: Set<String> = []
            var pending = aliasTargets(schema.schema)
            while let next = pending.popLast() {
                guard reached.insert(next).inserted, let target = schemas[next] else { continue }
                pending += aliasTargets(target)
            }
            if reached.contains(schema.name) { result.insert(schema.name) }
        }
        return result
    }

    /// The named object schemas each named schema holds by value, transitively. Arrays break the chain: their
    /// storage is already out of line.
    static func reachability(_ named: [NamedSchema], schemas: [String: Schema]) -> [String: Set<String>] {
        func direct(_ schema: Schema, _ seen: inout Set<String>) -> Set<String> {
            switch schema.kind {
            case .reference(let target):
                guard let resolved = schemas[target] else { return [] }
                switch resolved.kind {
                case .object, .allOf, .anyOf: return [target]
                default: break
                }
                return seen.insert(target).inserted ? direct(resolved, &seen) : []
            case .object(let properties):
                return properties.reduce(into: []) { $0.formUnion(direct($1.schema, &seen)) }
            case .allOf(let parts), .anyOf(let parts):
                // Merged or composed, the parts' values are held in the struct itself. A `oneOf` is an indirect enum.
                return parts.reduce(into: []) { $0.formUnion(direct($1, &seen)) }
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

    /// Translates the client file by file: each file is handed to `finish` (which renders it, say) as soon as it is
    /// complete, several files at once on as many processors as there are, and what `finish` makes is handed to
    /// `emit` one file at a time, in a fixed order: the operations' files, the schemas' files, then the client.
    ///
    /// Which declarations go in which file is decided first, from names and tags alone; only the files being worked
    /// on are held at a time. Output is the same on every run whatever the number of processors.
    ///
    /// - Parameters:
    ///   - threads: How many files are worked on at once; by default ``parallelism``.
    ///   - finish: What to make of each file, such as its text; called on several threads at once.
    ///   - emit: Receives what `finish` made, one file at a time, in the fixed order.
    public func translateFiles<Finished>(
        threads: Int = Translator.parallelism, _ finish: (SwiftFile) -> Finished, emit: (Finished) -> Void
    ) {
        let plan = filePlan()
        // Each file is translated with warnings of its own, gathered in file order so that their order is fixed too.
        func separately<Result>(_ work: (Translator) -> Result) -> (Result, [Diagnostic]) {
            var translator = self
            translator.diagnostics = DiagnosticSink()
            return (work(translator), translator.diagnostics.warnings)
        }
        let operationFiles = plan.operations.count
        Translator.inOrder(operationFiles + plan.schemas.count + 1, threads: threads) { index in
            separately { translator in
                if index < operationFiles {
                    let file = plan.operations[index]
                    return finish(
                        SwiftFile(
                            path: file.path, imports: Translator.operationImports, spiImports: Translator.spiImports,
                            declarations: file.members.flatMap {
                                translator.operationDeclarations(translator.document.operations[$0])
                            }))
                }
                guard index < operationFiles + plan.schemas.count else { return finish(translator.clientFile()) }
                let file = plan.schemas[index - operationFiles]
                return finish(
                    SwiftFile(
                        path: file.path, imports: Translator.imports, spiImports: Translator.spiImports,
                        declarations: file.members.flatMap {
                            translator.schemaDeclarations(translator.document.schemas[$0])
                        }))
            }
        } collect: { result, warnings in
            diagnostics.add(warnings)
            emit(result)
        }
    }

    /// The declarations of an operation: its namespace (input, output, request builder, response parser), and the
    /// client's methods that send it, in an extension beside it, so that a change to the operation changes its file
    /// alone.
    func operationDeclarations(_ operation: Operation) -> [Declaration] {
        let shape = operationShape(operation)
        return [
            operationDeclaration(shape),
            .type(
                TypeDeclaration(
                    .extension, name: Identifier("Client"), isPublic: false, members: clientMethods(shape))),
        ]
    }

    /// How many files are translated at once: one per processor, at most eight, since a container may see more
    /// processors than it is given time on, and each file at work is held in memory.
    public static let parallelism: Int = {
        #if canImport(Glibc)
            let online = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
            let online = Int(sysconf(_SC_NPROCESSORS_ONLN))
        #endif
        return min(8, max(1, online))
    }()

    /// Runs `work` for each of `count` indexes on `width` threads at once, and hands the results to `collect` in index
    /// order, one at a time, as soon as each one's turn comes: whichever thread finishes the result that is next in
    /// line hands it on, with those after it that are ready, while the other threads go on working. At most a few
    /// results per thread are made ahead of their turn. `work` must be safe to run on several threads at once: it may
    /// read what it shares, and change only what it makes; `collect` is never called on two threads at once.
    static func inOrder<Result>(_ count: Int, threads width: Int, work: (Int) -> Result, collect: (Result) -> Void) {
        guard width > 1, count > 1 else {
            for index in 0..<count { collect(work(index)) }
            return
        }
        let line = InOrderLine<Result>(count: count, ahead: 4 * width)
        // `collect` runs under the line's turn, never on two threads at once.
        nonisolated(unsafe) let (work, collect) = (work, collect)
        DispatchQueue.concurrentPerform(iterations: min(width, count)) { _ in
            while let index = line.claim() {
                line.finish(index, with: work(index), collect: collect)
            }
        }
    }

    /// A file to translate: its path and the indexes of the operations or schemas it declares, in document order.
    struct PlannedFile {
        var path: String
        var members: [Int]
    }

    /// The files of the operations and of the schemas, named and filled from names and tags alone.
    ///
    /// Up to ``filesBeforeGrouping`` files, each operation and each schema has its own, which makes review diffs
    /// easiest to read. Past that, operations group by their first tag where the description tags them into a few
    /// groups, otherwise (like schemas) by the initial of their Swift name, so that the number of files stays bounded.
    func filePlan() -> (operations: [PlannedFile], schemas: [PlannedFile]) {
        let operationNames = document.operations.map { operationTypes[$0.id]! }
        let schemaIndexes = document.schemas.indices.filter { schemaTypes[document.schemas[$0].name] != nil }
        var fileNames = FileNames()
        guard operationNames.count + schemaIndexes.count + 1 > Translator.filesBeforeGrouping else {
            return (
                operationNames.enumerated().map { index, name in
                    PlannedFile(path: "Operations/\(fileNames.claim(name.name)).swift", members: [index])
                },
                schemaIndexes.map { index in
                    let name = schemaTypes[document.schemas[index].name]!
                    return PlannedFile(path: "Schemas/\(fileNames.claim(name.name)).swift", members: [index])
                }
            )
        }
        let tags = Set(document.operations.compactMap(\.tags.first))
        let byTag = !tags.isEmpty && tags.count <= Translator.tagGroupsAtMost
        let operationGroups = document.operations.indices.map { index in
            let tag = byTag ? document.operations[index].tags.first.map { Naming.typeName($0).name } : nil
            return (group: tag ?? Translator.initialGroup(operationNames[index]), member: index)
        }
        let schemaGroups = schemaIndexes.map { index in
            (group: Translator.initialGroup(schemaTypes[document.schemas[index].name]!), member: index)
        }
        return (
            Translator.grouped(operationGroups, in: "Operations", names: &fileNames),
            Translator.grouped(schemaGroups, in: "Schemas", names: &fileNames)
        )
    }

    /// The declarations of a named schema: its type, or a type alias (with the type of its items where those are
    /// declared inline).
    func schemaDeclarations(_ named: NamedSchema) -> [Declaration] {
        let name = schemaTypes[named.name]!
        var scope = Scope(path: [name], reserved: topLevelNames, owner: named.name)
        scope.writesJSON = writtenSchemas.contains(named.name)
        scope.readsJSON = readSchemas.contains(named.name)
        let origin = named.pointer
        guard Translator.needsDeclaration(named.schema) else {
            return aliasDeclarations(named, name: name, origin: origin)
        }
        return [typeDeclaration(for: named.schema, name: name, origin: origin, scope: &scope)]
    }

    /// Past this many files, operations and schemas share files by group, so that a large API does not make tens of
    /// thousands of files (creating them was half the time of generating one).
    static let filesBeforeGrouping = 200

    /// The most tags whose operations get files of their own; with more, operations group by their initials.
    static let tagGroupsAtMost = 64

    /// The group of a declaration named by its initial, so that adding one changes one file: `A` to `Z`, or `_`.
    static func initialGroup(_ name: Identifier) -> String {
        guard let first = name.name.unicodeScalars.first, ("A"..."Z").contains(first) || ("a"..."z").contains(first)
        else { return "_" }
        return String(first).uppercased()
    }

    /// The most declarations a grouped file holds, so that no file grows without bound.
    static let declarationsPerFile = 100

    /// Files of a folder, each holding up to ``declarationsPerFile`` members of one group, in document order; a
    /// group's later files are numbered (`Pets.swift`, `Pets2.swift`…).
    private static func grouped(
        _ members: [(group: String, member: Int)], in folder: String, names: inout FileNames
    ) -> [PlannedFile] {
        var order: [String] = []
        var byGroup: [String: [Int]] = [:]
        for member in members {
            if byGroup[member.group] == nil { order.append(member.group) }
            byGroup[member.group, default: []].append(member.member)
        }
        var files: [PlannedFile] = []
        for group in order {
            let parts = byGroup[group]!
            for (index, start) in stride(from: 0, to: parts.count, by: Translator.declarationsPerFile).enumerated() {
                let chunk = parts[start..<min(start + Translator.declarationsPerFile, parts.count)]
                let name = names.claim(index == 0 ? group : "\(group)\(index + 1)")
                files.append(PlannedFile(path: "\(folder)/\(name).swift", members: Array(chunk)))
            }
        }
        return files
    }

    /// The declarations of a named schema that is not an object or an enum: a type alias, with the type of its
    /// items where those are inline objects or enums, or a wrapper struct where an alias would refer to itself.
    func aliasDeclarations(_ named: NamedSchema, name: Identifier, origin: String) -> [Declaration] {
        var nested: [Declaration] = []
        let type: Code
        if let items = Translator.innermostItems(of: named.schema), let itemName = itemTypes[named.name] {
            var scope = Scope(path: [itemName], reserved: topLevelNames, owner: nil)
            scope.writesJSON = writtenSchemas.contains(named.name)
            scope.readsJSON = readSchemas.contains(named.name)
            var documented = items
            documented.description = items.description ?? "An item of `\(named.name)`."
            nested = [typeDeclaration(for: documented, name: itemName, origin: nil, scope: &scope)]
            type = Translator.containerType(of: named.schema, element: "\(itemName)")
        } else {
            // Without inline objects or enums inside, the mapping declares nothing in this scope.
            var scope = Scope(path: [name], reserved: topLevelNames, owner: nil)
            type = mapType(named.schema, name: named.name, scope: &scope).code
        }
        let doc = Doc([named.schema.description])
        guard wrappedAliases.contains(named.name) else {
            return [.typeAlias(TypeAliasDeclaration(name: name, type: type, doc: doc, origin: origin))] + nested
        }
        return [wrapperDeclaration(name: name, type: type, doc: doc, origin: origin)] + nested
    }

    /// Whether a named schema becomes a type of its own; others (plain strings, numbers, arrays) are used inline.
    /// The named schemas that `roots` refer to, directly or through other named schemas.
    static func reachedNames(from roots: [Schema], in schemas: [String: Schema]) -> Set<String> {
        var reached: Set<String> = []
        var pending = roots
        while let schema = pending.popLast() {
            switch schema.kind {
            case .reference(let name):
                if reached.insert(name).inserted, let target = schemas[name] { pending.append(target) }
            case .array(let items): pending.append(items)
            case .object(let properties): pending += properties.map(\.schema)
            case .allOf(let parts), .oneOf(let parts), .anyOf(let parts): pending += parts
            default: break
            }
            if case .allowed(let values) = schema.additionalProperties { pending.append(values) }
        }
        return reached
    }

    static func needsDeclaration(_ schema: Schema) -> Bool {
        switch schema.kind {
        case .allOf, .oneOf, .anyOf: true
        case .object(let properties): !properties.isEmpty || !schema.allowsAdditionalProperties
        case .string, .integer: !schema.enumValues.isEmpty || !schema.pathForms.isEmpty
        default: false
        }
    }

    /// The modules every generated file imports: the runtime, Foundation for `Data`, `Date`, `URL` and `UUID`, and
    /// OpenAPIRuntime for free-form values.
    static let imports = ["APIClientRuntime", "Foundation", "OpenAPIRuntime"]

    /// The modules operations' files import: also HTTPTypes, for requests and responses.
    static let operationImports = (imports + ["HTTPTypes"]).sorted()

    /// Generated code uses the runtime's implementation details through its `Generated` SPI, which consumers of the
    /// client do not see.
    static let spiImports = ["APIClientRuntime": "Generated"]
}

/// File names for generated types: unique even on file systems that ignore case, and short enough for any file
/// system (255 bytes) however long the type's name is.
struct FileNames {
    private var used: Set<String> = []

    mutating func claim(_ name: String) -> String {
        var candidate = name
        if candidate.utf8.count > 120 {
            candidate = String(candidate.prefix(100)) + "_" + stableHash(name)
        }
        var counter = 2
        let base = candidate
        while !used.insert(candidate.lowercased()).inserted {
            candidate = base + "_\(counter)"
            counter += 1
        }
        return candidate
    }

    /// A hash of the text that is the same on every run and machine (FNV-1a), in hexadecimal.
    private func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// Collects the translator's warnings, located in the description.
///
/// Not synchronised: the translation of each file, on whichever thread, has a sink of its own, whose warnings are
/// added to the translator's on the thread that called ``Translator/translateFiles(threads:_:emit:)``.
final class DiagnosticSink: @unchecked Sendable {
    private(set) var warnings: [Diagnostic] = []

    func warn(_ location: SourceLocation, _ message: String) {
        add([Diagnostic.warning(at: location, message)])
    }

    /// Adds warnings, each once.
    func add(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics where !warnings.contains(diagnostic) { warnings.append(diagnostic) }
    }
}

/// The names taken inside one type, and the path of types that leads to it.
struct Scope {
    /// The enclosing types, outermost first.
    var path: [Identifier]
    /// Member and nested type names share one pool: a member named like a nested type (both `_1x`, from a name that
    /// starts with a digit) would hide it.
    var names: UniqueNames

    /// The named schema whose declaration this scope is part of, if any.
    var owner: String?

    /// Whether the types declared in this scope are written as request bodies, and so write their own JSON.
    var writesJSON = false

    /// Whether the types declared in this scope are read from response bodies, and so read themselves.
    var readsJSON = false

    /// - Parameters:
    ///   - reserved: Names no nested type or member may take, such as every top-level type name.
    ///   - owner: The named schema whose declaration the scope is part of.
    init(path: [Identifier], reserved: Set<String>, owner: String? = nil) {
        self.path = path
        self.owner = owner
        // `stringValue` and `intValue` would clash with `CodingKey`'s own members in the coding keys, `hashValue` with
        // `Hashable`'s; the types are those every generated type may declare or refer to inside itself.
        names = UniqueNames(reserved: Set(path.map(\.name)), shared: reserved, alsoShared: Naming.reservedScopeNames)
    }

    /// The fully qualified reference to a type nested in this scope.
    func qualified(_ name: Identifier) -> Code {
        Code.joined((path + [name]).map { "\($0)" }, separator: ".")
    }
}

/// The shared state of ``Translator/inOrder(_:threads:work:collect:)``: which index is the next to take and the next
/// to hand on, and the results finished before their turn.
private final class InOrderLine<Result>: @unchecked Sendable {
    private let count: Int
    /// Guards everything below.
    private let lock = DispatchSemaphore(value: 1)
    /// Counts the results that may still be started before the next one in line is handed on.
    private let room: DispatchSemaphore
    private var results: [Int: Result] = [:]
    private var nextToClaim = 0
    private var nextToCollect = 0
    /// Whether a thread is handing results on.
    private var collecting = false

    init(count: Int, ahead: Int) {
        self.count = count
        room = DispatchSemaphore(value: ahead)
    }

    /// The next index to work on, once there is room for its result; nil when every index is taken.
    func claim() -> Int? {
        room.wait()
        lock.wait()
        defer { lock.signal() }
        guard nextToClaim < count else {
            // Lets the other threads find out too.
            room.signal()
            return nil
        }
        nextToClaim += 1
        return nextToClaim - 1
    }

    /// Keeps a result and, unless another thread is already doing so, hands on every result whose turn has come.
    func finish(_ index: Int, with result: Result, collect: (Result) -> Void) {
        lock.wait()
        results[index] = result
        guard !collecting else {
            lock.signal()
            return
        }
        collecting = true
        // Checking for the next result and stopping happen under the lock, so a result kept meanwhile by another
        // thread is always seen by one of the two.
        while let next = results.removeValue(forKey: nextToCollect) {
            nextToCollect += 1
            lock.signal()
            collect(next)
            room.signal()
            lock.wait()
        }
        collecting = false
        lock.signal()
    }
}
