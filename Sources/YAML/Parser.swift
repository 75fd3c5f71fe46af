import CYAML
import Dispatch

/// Bounds that keep a hostile or broken document from exhausting time, memory or the stack.
public struct ParseLimits: Sendable {
    /// The largest input accepted, in bytes.
    public var maxBytes: Int
    /// The deepest nesting of sequences and mappings accepted.
    public var maxDepth: Int
    /// How many nodes aliases may add in all beyond ``aliasExpansionPerNode`` times the nodes written out, counting
    /// every node of each subtree an alias repeats.
    public var maxAliasExpansion: Int
    /// How many nodes aliases may add for each node the document writes out. Honest documents that share their
    /// repeated parts through anchors stay well within it however large they are, while a "billion laughs" document,
    /// which repeats a few nodes exponentially, passes it within a few lines.
    public var aliasExpansionPerNode: Int

    /// Creates limits.
    public init(
        maxBytes: Int = 64 << 20, maxDepth: Int = 256, maxAliasExpansion: Int = 100_000, aliasExpansionPerNode: Int = 64
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.aliasExpansionPerNode = aliasExpansionPerNode
    }
}

/// Parses YAML with libyaml's event parser into a tree of located nodes.
public enum YAMLParser {
    /// Parses a single-document YAML stream.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: The path to name in locations.
    ///   - limits: Bounds on size, depth and alias expansion.
    /// - Returns: The document's root node.
    /// - Throws: A ``DiagnosticError`` whose diagnostic locates the problem.
    public static func parse(_ bytes: [UInt8], file: String, limits: ParseLimits = ParseLimits())
        throws(DiagnosticError)
        -> Node
    {
        try parse(bytes, file: file, limits: limits, eventThreadFrom: EventPipe.minimumBytes)
    }

    /// ``parse(_:file:limits:)``, with libyaml on a thread of its own for documents of at least `minimumBytes`.
    static func parse(_ bytes: [UInt8], file: String, limits: ParseLimits, eventThreadFrom minimumBytes: Int)
        throws(DiagnosticError) -> Node
    {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard bytes.count <= limits.maxBytes else {
            throw DiagnosticError([
                .error(
                    at: start,
                    "The file is \(bytes.count) bytes long, over the limit of \(limits.maxBytes) bytes; split the description or raise the limit."
                )
            ])
        }
        // libyaml needs a valid pointer even for empty input, which an empty array does not have.
        let storage = bytes.isEmpty ? [0] : bytes
        let result: Result<Node, DiagnosticError> = storage.withUnsafeBufferPointer { buffer in
            var builder = TreeBuilder(file: file, limits: limits)
            return builder.run(UnsafeBufferPointer(rebasing: buffer[..<bytes.count]), eventThreadFrom: minimumBytes)
        }
        return try result.get()
    }
}

/// Turns libyaml events into nodes with an explicit stack, so deep documents cannot overflow the call stack.
private struct TreeBuilder {
    private struct Frame {
        var location: SourceLocation
        var anchor: String?
        var isMapping: Bool
        var items: [Node] = []
        var entries: [Node.Entry] = []
        var pendingKey: (text: String, location: SourceLocation)?
        /// Keys seen so far by their UTF-8 bytes, made once a mapping has many; smaller ones are searched in order.
        /// YAML tells keys apart by code points, so `café` written precomposed and with a combining accent are two
        /// keys, though Swift's `String` calls them equal.
        var keyIndex: [[UInt8]: SourceLocation]?
        var nodeCount = 1

        /// Where the mapping's key `key` first appears, if it does.
        func location(ofKey key: String) -> SourceLocation? {
            if let keyIndex { return keyIndex[Array(key.utf8)] }
            return entries.first { $0.key.hasSameScalars(as: key) }?.keyLocation
        }

        /// Notes a new key of the mapping, whose earlier keys are all in `entries`.
        mutating func note(key: String, at location: SourceLocation) {
            if keyIndex == nil, entries.count >= 16 {
                keyIndex = Dictionary(
                    entries.map { (Array($0.key.utf8), $0.keyLocation) }, uniquingKeysWith: { first, _ in first })
            }
            keyIndex?[Array(key.utf8)] = location
        }
    }

    let file: String
    let limits: ParseLimits
    private var stack: [Frame] = []
    private var anchors: [String: (node: Node, count: Int)] = [:]
    private var root: Node?
    private var documentCount = 0
    private var aliasExpansion = 0
    /// Nodes the document writes out, not counting what aliases repeat.
    private var parsedNodes = 0
    /// Where the last quoted scalar that ran over several lines starts, and the line it ends on: a quote left open
    /// swallows the lines after it, and libyaml only gives up further down.
    private var lastMultilineQuote: (start: yaml_mark_t, end: yaml_mark_t)?

    init(file: String, limits: ParseLimits) {
        self.file = file
        self.limits = limits
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>, eventThreadFrom minimumBytes: Int) -> Result<
        Node, DiagnosticError
    > {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            return .failure(DiagnosticError([.error(at: location(line: 0, column: 0), "libyaml could not start.")]))
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
        let outcome =
            buffer.count < minimumBytes ? readEvents(parser) : EventPipe(parser: parser).read(into: &self)
        switch outcome {
        case .syntaxError: return .failure(DiagnosticError([syntaxError(parser.pointee, buffer)]))
        case .problem(let problem): return .failure(DiagnosticError([problem]))
        case .end: break
        }
        guard let root else {
            return .failure(
                DiagnosticError([
                    .error(
                        at: location(line: 0, column: 0),
                        "The file holds no YAML document; write the description as a mapping that starts with `openapi: 3.0.3`."
                    )
                ])
            )
        }
        return .success(root)
    }

    /// How reading a document's events ended.
    enum Outcome {
        /// The stream ended.
        case end
        /// libyaml could not parse the text; the parser says why.
        case syntaxError
        /// The events do not make a description's tree.
        case problem(Diagnostic)
    }

    /// Reads every event on this thread, as libyaml makes them.
    private mutating func readEvents(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> Outcome {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { return .syntaxError }
            defer { yaml_event_delete(&event) }
            if let outcome = consume(event) { return outcome }
        }
    }

    /// Builds the tree from one event; nil until the stream ends or something is wrong.
    mutating func consume(_ event: yaml_event_t) -> Outcome? {
        if event.type == YAML_STREAM_END_EVENT { return .end }
        return handle(event).map { .problem($0) }
    }

    private func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + 1, column: column + 1)
    }

    private func location(_ mark: yaml_mark_t) -> SourceLocation {
        location(line: Int(mark.line), column: Int(mark.column))
    }

    private mutating func handle(_ event: yaml_event_t) -> Diagnostic? {
        let here = location(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                return .error(
                    at: here,
                    "The file holds more than one YAML document; keep the whole description in one document and remove the `---` separator."
                )
            }
        case YAML_SCALAR_EVENT:
            parsedNodes += 1
            let data = event.data.scalar
            let quoted = data.style == YAML_SINGLE_QUOTED_SCALAR_STYLE || data.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE
            if quoted, event.end_mark.line > event.start_mark.line {
                lastMultilineQuote = (event.start_mark, event.end_mark)
            }
            let scalar = Node.Scalar(
                text: string(data.value, length: data.length),
                isPlain: data.style == YAML_PLAIN_SCALAR_STYLE,
                tag: data.tag.map { String(cString: $0) }
            )
            return add(Node(.scalar(scalar), at: here), count: 1, anchor: data.anchor.map { String(cString: $0) })
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            guard stack.count < limits.maxDepth else {
                return .error(
                    at: here,
                    "Sequences and mappings are nested more than \(limits.maxDepth) levels deep; flatten the structure."
                )
            }
            parsedNodes += 1
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
            stack.append(Frame(location: here, anchor: anchor.map { String(cString: $0) }, isMapping: isMapping))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let frame = stack.removeLast()
            let content: Node.Content = frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items)
            return add(Node(content, at: frame.location), count: frame.nodeCount, anchor: frame.anchor)
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let (node, count) = anchors[name] else {
                return .error(
                    at: here, "The alias `*\(name)` names no anchor defined before it; define `&\(name)` first.")
            }
            aliasExpansion += count
            let allowance = limits.maxAliasExpansion + limits.aliasExpansionPerNode * parsedNodes
            guard aliasExpansion <= allowance else {
                return .error(
                    at: here,
                    "Aliases expand to more than \(allowance) nodes, \(limits.aliasExpansionPerNode) times the \(parsedNodes) nodes written before this one and \(limits.maxAliasExpansion) more; the document repeats itself too much to be a description."
                )
            }
            var copy = node
            copy.location = here
            return add(copy, count: count, anchor: nil)
        default:
            break
        }
        return nil
    }

    private mutating func add(_ node: Node, count: Int, anchor: String?) -> Diagnostic? {
        if let anchor { anchors[anchor] = (node, count) }
        guard !stack.isEmpty else {
            root = node
            return nil
        }
        let top = stack.count - 1
        stack[top].nodeCount += count
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return nil
        }
        guard let key = stack[top].pendingKey else {
            guard let scalar = node.scalar else {
                return .error(at: node.location, "A mapping key must be a scalar; write the key as plain text.")
            }
            if let first = stack[top].location(ofKey: scalar.text) {
                return .error(
                    at: node.location,
                    "The key `\(scalar.text)` appears twice in the same mapping; remove or rename one of them.",
                    notes: [.note(at: first, "`\(scalar.text)` is first defined here.")]
                )
            }
            stack[top].note(key: scalar.text, at: node.location)
            stack[top].pendingKey = (scalar.text, node.location)
            return nil
        }
        stack[top].entries.append(Node.Entry(key: key.text, keyLocation: key.location, value: node))
        stack[top].pendingKey = nil
        return nil
    }

    private func string(_ pointer: UnsafeMutablePointer<UInt8>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private func syntaxError(_ parser: yaml_parser_t, _ buffer: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let mark = parser.problem_mark
        var message = "Invalid YAML: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) { message += " \(context)" }
        message += "."
        let offset = Int(mark.index)
        if parser.error == YAML_READER_ERROR {
            message += " The file must be UTF-8 text."
            // The reader reports a byte offset, not a line; count the lines up to it.
            return .error(at: lineAndColumn(ofByte: Int(parser.problem_offset), in: buffer), message)
        }
        if offset < buffer.count, buffer[offset] == UInt8(ascii: "\t") {
            message += " YAML does not allow tabs for indentation; indent with spaces."
        } else if problem.hasPrefix("did not find expected key")
            || problem.hasPrefix("did not find expected <block end>")
        {
            message +=
                " Look above this line for a quote that is not closed or a line indented differently from its neighbours."
        }
        var notes: [Diagnostic] = []
        if parser.context.map({ String(cString: $0) }) == "while scanning a quoted scalar" {
            // The context mark is the opening quote, which is where the mistake is.
            return .error(
                at: location(parser.context_mark),
                "Invalid YAML: this quoted scalar is never closed; add the closing quote.",
                notes: [.note(at: location(mark), "libyaml reached the end of the file looking for it here.")])
        }
        if let quote = lastMultilineQuote, Int(mark.line) - Int(quote.end.line) <= 30,
            problem.hasPrefix("did not find expected") || problem.hasPrefix("mapping values are not allowed"),
            swallowsMappingKeys(buffer[Int(quote.start.index)..<min(Int(quote.end.index), buffer.count)])
        {
            return .error(
                at: location(quote.start),
                "Invalid YAML: this quoted scalar runs over \(quote.end.line - quote.start.line + 1) lines, up to the next quote, and holds lines that look like keys; its closing quote is probably missing.",
                notes: [.note(at: location(mark), "libyaml gave up here: \(problem).")])
        }
        if parser.context != nil, parser.context_mark.index != mark.index {
            notes.append(.note(at: location(parser.context_mark), "The construct that is not finished starts here."))
        }
        return .error(at: location(mark), message, notes: notes)
    }

    /// Whether the text of a quoted scalar holds, after its first line, a line that reads like a mapping key
    /// (`name: …`): the mark of a quote that is not closed where its author meant.
    private func swallowsMappingKeys(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let lines = text.split(separator: UInt8(ascii: "\n")).dropFirst()
        return lines.contains { line in
            let content = line.drop { $0 == UInt8(ascii: " ") }
            guard let colon = content.firstIndex(of: UInt8(ascii: ":")), colon > content.startIndex else {
                return false
            }
            let key = content[..<colon]
            let after = content.index(after: colon)
            let endsKey = after == content.endIndex || content[after] == UInt8(ascii: " ")
            return endsKey
                && key.allSatisfy { byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                        || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
                }
        }
    }

    private func lineAndColumn(ofByte offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 0
        var lineStart = 0
        for index in 0..<min(offset, buffer.count) where buffer[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(
            decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<min(offset, buffer.count)]), as: UTF8.self
        ).count
        return location(line: line, column: column)
    }
}

/// Runs libyaml's parser on a thread of its own while the tree is built from its events on the caller's, so that on a
/// large document the two take about as long as the slower of them rather than both. Events cross in batches, at most
/// a few batches ahead of the tree, so memory stays bounded.
final class EventPipe: @unchecked Sendable {
    /// Below this size a document is read on one thread: starting another would cost more than it saves.
    static let minimumBytes = 256 << 10
    private static let batchSize = 1024
    private static let batchesAhead = 8

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// Guards `batches`, `finished` and `stopped`.
    private let lock = DispatchSemaphore(value: 1)
    /// Counts the batches ready, and the end.
    private let ready = DispatchSemaphore(value: 0)
    /// Counts the batches the parser may still make before the tree takes one.
    private let room = DispatchSemaphore(value: EventPipe.batchesAhead)
    private var batches: [[yaml_event_t]] = []
    /// Batches the tree is done with, for the parser's thread to free: memory is freed fastest by the thread that
    /// allocated it.
    private var spent: [[yaml_event_t]] = []
    /// Whether the parser has made its last batch: the stream ended or libyaml failed.
    private var finished = false
    /// Whether libyaml failed; the parser's state says why.
    private var failed = false
    /// Whether the tree stopped taking events, after a problem.
    private var stopped = false

    init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
    }

    /// Parses on another thread and builds the tree from the events on this one.
    fileprivate func read(into builder: inout TreeBuilder) -> TreeBuilder.Outcome {
        DispatchQueue.global().async { self.produce() }
        var outcome: TreeBuilder.Outcome?
        while let batch = take() {
            for event in batch where outcome == nil {
                outcome = builder.consume(event)
            }
            if outcome != nil { stop() }
            giveBack(batch)
        }
        // The parser has finished, so its state can be read here, and the batches it did not free are freed here.
        EventPipe.free(spent)
        return outcome ?? (failed ? .syntaxError : .end)
    }

    /// Makes batches of events until the stream ends, libyaml fails or the tree stops taking them.
    private func produce() {
        var batch: [yaml_event_t] = []
        batch.reserveCapacity(EventPipe.batchSize)
        var failure = false
        while !isStopped() {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else {
                failure = true
                break
            }
            let isEnd = event.type == YAML_STREAM_END_EVENT
            batch.append(event)
            if isEnd { break }
            if batch.count == EventPipe.batchSize {
                hand(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        hand(batch, last: true, failed: failure)
    }

    private func isStopped() -> Bool {
        lock.wait()
        defer { lock.signal() }
        return stopped
    }

    /// Passes a batch on once there is room for it.
    private func hand(_ batch: [yaml_event_t], last: Bool = false, failed failure: Bool = false) {
        if !batch.isEmpty {
            room.wait()
            lock.wait()
            batches.append(batch)
            let done = spent
            spent.removeAll()
            lock.signal()
            ready.signal()
            EventPipe.free(done)
        }
        if last {
            lock.wait()
            failed = failure
            finished = true
            lock.signal()
            ready.signal()
        }
    }

    /// The next batch, or nil once the parser has finished and every batch was taken.
    private func take() -> [yaml_event_t]? {
        while true {
            ready.wait()
            lock.wait()
            if !batches.isEmpty {
                let batch = batches.removeFirst()
                lock.signal()
                room.signal()
                return batch
            }
            let done = finished
            lock.signal()
            if done { return nil }
        }
    }

    private func giveBack(_ batch: [yaml_event_t]) {
        lock.wait()
        spent.append(batch)
        lock.signal()
    }

    private static func free(_ batches: [[yaml_event_t]]) {
        for var batch in batches {
            for index in batch.indices { yaml_event_delete(&batch[index]) }
        }
    }

    /// Tells the parser to stop; the batches it still hands on are only freed.
    private func stop() {
        lock.wait()
        stopped = true
        lock.signal()
    }
}
