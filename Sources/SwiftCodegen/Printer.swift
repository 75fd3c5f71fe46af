/// Turns the structured Swift model into text. The only place that knows indentation, line layout and escaping.
public enum Printer {
    /// Spaces per level of indentation.
    public static let indentWidth = 4
    /// The column beyond which doc comments wrap and signatures break one parameter per line.
    public static let lineLimit = 120

    /// Renders a file under a header comment.
    public static func render(_ file: SwiftFile, header: [String]) -> String {
        var writer = Writer()
        for line in header { writer.line("// " + docText(line).joined(separator: " ")) }
        writer.blank()
        for module in file.exportedImports { writer.line("@_exported import \(module)") }
        for module in file.imports {
            writer.line((file.spiImports[module].map { "@_spi(\($0)) " } ?? "") + "import \(module)")
        }
        for declaration in file.declarations {
            writer.blank()
            writer.declaration(declaration)
        }
        return writer.text
    }

    /// Renders a piece of code on one line.
    public static func render(_ code: Code) -> String {
        // Much code is one name or one piece of text, which is already the string wanted.
        if code.fragments.count == 1 {
            switch code.fragments[0] {
            case .source(let source): return source
            case .identifier(let identifier): return escapedIdentifier(identifier)
            default: break
            }
        }
        return render(code.fragments[...])
    }

    /// Appends code, on one line, to UTF-8 text.
    static func render(_ fragments: ArraySlice<Code.Fragment>, into bytes: inout TextBuffer) {
        for fragment in fragments {
            switch fragment {
            case .source(let source): bytes.append(utf8: source)
            case .identifier(let identifier): appendEscapedIdentifier(identifier, to: &bytes)
            case .label(let label):
                bytes.append(utf8: label.name == "_" ? "`_`" : label.name)
            case .literal(let value): appendStringLiteral(value, to: &bytes)
            case .list(let open, let items, let close, _):
                bytes.append(utf8: open)
                for (index, item) in items.enumerated() {
                    if index > 0 { bytes.append(utf8: ", ") }
                    render(item.fragments[...], into: &bytes)
                }
                bytes.append(utf8: close)
            }
        }
    }

    /// Renders part of a piece of code on one line.
    private static func render(_ fragments: ArraySlice<Code.Fragment>) -> String {
        var bytes = TextBuffer()
        render(fragments, into: &bytes)
        return bytes.string
    }

    /// How many columns UTF-8 text takes: its count of characters, which for ASCII, nearly all code, is its count of
    /// bytes.
    static func width<Bytes: Collection<UInt8>>(of bytes: Bytes) -> Int {
        bytes.allSatisfy { $0 < 0x80 } ? bytes.count : String(decoding: bytes, as: UTF8.self).count
    }

    // MARK: Escaping, one function per context

    /// Swift's reserved words, which need backticks to be used as names.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
    ]

    /// A name as it must be written: with backticks when it is a keyword.
    public static func escapedIdentifier(_ identifier: Identifier) -> String {
        // Nearly every name is not a keyword and is returned as it is, sharing its storage.
        keywords.contains(identifier.name) ? "`" + identifier.name + "`" : identifier.name
    }

    /// Appends a name as it must be written to UTF-8 text, without making a string of it first.
    fileprivate static func appendEscapedIdentifier(_ identifier: Identifier, to bytes: inout TextBuffer) {
        guard keywords.contains(identifier.name) else {
            bytes.append(utf8: identifier.name)
            return
        }
        bytes.append(UInt8(ascii: "`"))
        bytes.append(utf8: identifier.name)
        bytes.append(UInt8(ascii: "`"))
    }

    /// A string literal whose value is exactly `value`: quotes, backslashes, line breaks and control characters
    /// are escaped, so nothing in the value can end the literal or interpolate.
    public static func stringLiteral(_ value: String) -> String {
        var bytes = TextBuffer()
        appendStringLiteral(value, to: &bytes)
        return bytes.string
    }

    /// Appends ``stringLiteral(_:)`` to UTF-8 text; printable ASCII without quotes or backslashes, nearly every value,
    /// is copied as it is.
    static func appendStringLiteral(_ value: String, to bytes: inout TextBuffer) {
        let quote = UInt8(ascii: "\"")
        let plain = value.utf8.allSatisfy { (0x20..<0x7F).contains($0) && $0 != quote && $0 != UInt8(ascii: "\\") }
        guard plain else {
            bytes.append(utf8: escapedStringLiteral(value))
            return
        }
        bytes.append(quote)
        bytes.append(utf8: value)
        bytes.append(quote)
    }

    /// ``stringLiteral(_:)`` scalar by scalar, for values that need escaping.
    private static func escapedStringLiteral(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\0": text += "\\0"
            default:
                if isControlOrSeparator(scalar) {
                    text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    /// The lines of a doc comment holding `text`: every kind of line break starts a new line, other control
    /// characters are dropped, so the text cannot leave the comment.
    public static func docText(_ text: String) -> [String] {
        if text.unicodeScalars.allSatisfy({ $0 != "\t" && !isControlOrSeparator($0) }) {
            // Nothing to escape: only trailing spaces go.
            var trimmed = Substring(text)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return [String(trimmed)]
        }
        // Each line is gathered as UTF-8 and made a string once, not grown a scalar at a time.
        var lines: [String] = []
        var line: [UInt8] = []
        func endLine() {
            while line.last == UInt8(ascii: " ") { line.removeLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            line.removeAll(keepingCapacity: true)
        }
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR: continue
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": endLine()
            case "\t": line.append(UInt8(ascii: " "))
            default:
                if !isControlOrSeparator(scalar) { line.append(contentsOf: UTF8.encode(scalar)!) }
            }
        }
        endLine()
        return lines
    }

    private static func isControlOrSeparator(_ scalar: Unicode.Scalar) -> Bool {
        // Printable ASCII, nearly all of what descriptions hold, needs no Unicode table lookup.
        if (0x20..<0x7F).contains(scalar.value) { return false }
        return switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator, .format, .surrogate, .privateUse, .unassigned: true
        default: false
        }
    }
}

/// Accumulates lines at the current indentation.
private struct Writer: ~Copyable {
    /// The text so far, as UTF-8: appending bytes costs a fraction of appending strings to a string.
    private var bytes = TextBuffer(capacity: 1 << 14)
    private var level = 0

    var text: String { bytes.string }

    private static let newline = UInt8(ascii: "\n")

    mutating func line(_ content: String) {
        // Appended piece by piece: building the whole line first would copy it once more.
        if !content.isEmpty {
            indent()
            bytes.append(utf8: content)
        }
        bytes.append(Writer.newline)
    }

    private mutating func indent() {
        bytes.appendSpaces(column)
    }

    mutating func blank() {
        // Not at the start, after a blank line or after an opening brace.
        guard let last = bytes.last else { return }
        if last == Writer.newline, bytes.count > 1 {
            let previous = bytes[bytes.count - 2]
            if previous == Writer.newline || previous == UInt8(ascii: "{") { return }
        }
        bytes.append(Writer.newline)
    }

    mutating func indented(_ body: (inout Writer) -> Void) {
        level += 1
        body(&self)
        level -= 1
    }

    var column: Int { level * Printer.indentWidth }

    // MARK: Declarations

    mutating func declaration(_ declaration: Declaration) {
        switch declaration {
        case .type(let type): typeDeclaration(type)
        case .property(let property): propertyDeclaration(property)
        case .function(let function): functionDeclaration(function)
        case .enumCase(let enumCase): enumCaseDeclaration(enumCase)
        case .typeAlias(let alias): typeAliasDeclaration(alias)
        }
    }

    mutating func typeAliasDeclaration(_ alias: TypeAliasDeclaration) {
        doc(alias.doc, origin: alias.origin)
        code("public typealias \(alias.name) = \(alias.type)")
    }

    mutating func typeDeclaration(_ type: TypeDeclaration) {
        doc(type.doc, origin: type.origin)
        // The header is written piece by piece straight into the text.
        indent()
        if type.isPublic { bytes.append(utf8: "public ") }
        if type.isIndirect { bytes.append(utf8: "indirect ") }
        bytes.append(utf8: type.kind.rawValue)
        bytes.append(UInt8(ascii: " "))
        Printer.appendEscapedIdentifier(type.name, to: &bytes)
        for (index, conformance) in type.conformances.enumerated() {
            bytes.append(utf8: index == 0 ? ": " : ", ")
            bytes.append(utf8: conformance)
        }
        guard !type.members.isEmpty else {
            bytes.append(utf8: " {}")
            bytes.append(Writer.newline)
            return
        }
        bytes.append(utf8: " {")
        bytes.append(Writer.newline)
        indented { writer in
            var previous: Declaration?
            for member in type.members {
                if let previous, Writer.needsBlankLine(between: previous, and: member) { writer.blank() }
                writer.declaration(member)
                previous = member
            }
        }
        line("}")
    }

    static func needsBlankLine(between first: Declaration, and second: Declaration) -> Bool {
        if case .enumCase(let a) = first, case .enumCase(let b) = second, a.doc == nil, b.doc == nil { return false }
        return true
    }

    mutating func propertyDeclaration(_ property: PropertyDeclaration) {
        if let doc = property.doc { self.doc(doc) }
        if let value = property.value {
            // A long value, such as the list of an enum's cases, breaks like any other list; the rest of the line is
            // one piece of text.
            var text = TextBuffer()
            Writer.propertyHead(property, into: &text)
            text.append(utf8: " = " as StaticString)
            code(Code(fragments: [.source(text.string)] + value.fragments))
            return
        }
        // Without a value the head is written straight into the text.
        indent()
        Writer.propertyHead(property, into: &bytes)
        guard let getter = property.getter else {
            bytes.append(Writer.newline)
            return
        }
        bytes.append(utf8: " {" as StaticString)
        bytes.append(Writer.newline)
        if let setter = property.setter {
            indented { writer in
                writer.code("get {")
                writer.indented { $0.statements(getter) }
                writer.line("}")
                writer.code("set {")
                writer.indented { $0.statements(setter) }
                writer.line("}")
            }
        } else {
            indented { $0.statements(getter) }
        }
        line("}")
    }

    /// `public static var name: Type`, as much of it as the property has.
    private static func propertyHead(_ property: PropertyDeclaration, into text: inout TextBuffer) {
        if property.isPublic { text.append(utf8: "public " as StaticString) }
        if property.isStatic { text.append(utf8: "static " as StaticString) }
        text.append(utf8: property.isMutable || property.getter != nil ? "var " as StaticString : "let ")
        Printer.appendEscapedIdentifier(property.name, to: &text)
        if let type = property.type {
            text.append(utf8: ": " as StaticString)
            Printer.render(type.fragments[...], into: &text)
        }
    }

    mutating func functionDeclaration(_ function: FunctionDeclaration) {
        if let doc = function.doc { self.doc(doc) }
        if function.isDeprecated {
            line("@available(*, deprecated, message: \"The description marks this operation as deprecated.\")")
        }
        var fragments: [Code.Fragment] = []
        fragments.reserveCapacity(8 + (function.returnType?.fragments.count ?? 0))
        if function.isPublic { fragments.append(.source("public ")) }
        if function.isStatic { fragments.append(.source("static ")) }
        if let name = function.name {
            fragments.append(.source("func "))
            fragments.append(.identifier(name))
        } else {
            fragments.append(.source("init"))
        }
        // Each parameter is one piece of text, as if written by hand: only the list of parameters breaks. Its parts
        // are rendered into one buffer, used again for every parameter.
        var text = TextBuffer()
        var parameters: [Code] = []
        parameters.reserveCapacity(function.parameters.count)
        for parameter in function.parameters {
            text.truncate(to: 0)
            if let label = parameter.label {
                text.append(utf8: label)
                text.append(UInt8(ascii: " "))
            }
            Printer.appendEscapedIdentifier(parameter.name, to: &text)
            text.append(utf8: ": ")
            Printer.render(parameter.type.fragments[...], into: &text)
            if let value = parameter.defaultValue {
                text.append(utf8: " = ")
                Printer.render(value.fragments[...], into: &text)
            }
            parameters.append(Code(fragments: [.source(text.string)]))
        }
        // The same layout as a call: on one line when it fits, otherwise one parameter per line. What follows the list
        // is never broken.
        fragments.append(.list(open: "(", items: parameters, close: ")", trailingComma: false))
        if let effects = function.effects {
            fragments.append(.source(" "))
            fragments.append(.source(effects))
        }
        if let returnType = function.returnType {
            fragments.append(.source(" -> "))
            fragments.append(contentsOf: returnType.fragments)
        }
        fragments.append(.source(" {"))
        code(Code(fragments: fragments))
        indented { $0.statements(function.body) }
        line("}")
    }

    mutating func enumCaseDeclaration(_ enumCase: EnumCaseDeclaration) {
        if let doc = enumCase.doc { self.doc(doc) }
        indent()
        bytes.append(utf8: "case ")
        Printer.appendEscapedIdentifier(enumCase.name, to: &bytes)
        for (index, value) in enumCase.associatedValues.enumerated() {
            bytes.append(utf8: index == 0 ? "(" : ", ")
            if let label = value.label {
                Printer.appendEscapedIdentifier(label, to: &bytes)
                bytes.append(utf8: ": ")
            }
            Printer.render(value.type.fragments[...], into: &bytes)
        }
        if !enumCase.associatedValues.isEmpty { bytes.append(UInt8(ascii: ")")) }
        switch enumCase.rawValue {
        case .string(let value)?:
            bytes.append(utf8: " = ")
            Printer.appendStringLiteral(value, to: &bytes)
        case .integer(let value)?: bytes.append(utf8: " = \(value)")
        case nil: break
        }
        bytes.append(Writer.newline)
    }

    // MARK: Statements

    /// Writes code at the current level: on one line when it fits, otherwise with its first list broken one item per
    /// line (the layout swift-format keeps), recursively; `suffix` ends its last line, without counting in its width.
    mutating func code(_ code: Code, suffix: String = "") {
        // Nearly all code fits on its line: it is written straight into the text, and broken only when it does not.
        let start = bytes.count
        indent()
        let contentStart = bytes.count
        Printer.render(code.fragments[...], into: &bytes)
        let written = bytes.count - contentStart
        guard written > 0 || !suffix.isEmpty else {
            bytes.truncate(to: start)
            bytes.append(Writer.newline)
            return
        }
        // A line's width is its count of characters, never more than its count of bytes.
        let fits =
            column + written <= Printer.lineLimit
            || column + bytes.withBytes(from: contentStart) { Printer.width(of: $0) } <= Printer.lineLimit
        guard !fits, let index = code.fragments.firstIndex(where: { if case .list = $0 { true } else { false } }),
            case .list(let open, let items, let close, let trailingComma) = code.fragments[index], !items.isEmpty
        else {
            bytes.append(utf8: suffix)
            bytes.append(Writer.newline)
            return
        }
        bytes.truncate(to: contentStart)
        Printer.render(code.fragments[..<index], into: &bytes)
        bytes.append(utf8: open)
        bytes.append(Writer.newline)
        indented { writer in
            for (position, item) in items.enumerated() {
                writer.code(item, suffix: position < items.count - 1 || trailingComma ? "," : "")
            }
        }
        indent()
        bytes.append(utf8: close)
        Printer.render(code.fragments[(index + 1)...], into: &bytes)
        bytes.append(utf8: suffix)
        bytes.append(Writer.newline)
    }

    mutating func statements(_ statements: [Statement]) {
        for statement in statements {
            switch statement {
            case .line(let text): code(text)
            case .block(let header, let body):
                code("\(header) {")
                indented { $0.statements(body) }
                line("}")
            case .switchOver(let subject, let cases):
                line("switch " + Printer.render(subject) + " {")
                for (pattern, body) in cases {
                    line(Printer.render(pattern) + ":")
                    indented { $0.statements(body) }
                }
                line("}")
            case .trailingClosure(let header, let signature, let body):
                code("\(header) { \(signature) in")
                indented { $0.statements(body) }
                line("}")
            case .doCatch(let body, let handler):
                line("do {")
                indented { $0.statements(body) }
                line("} catch {")
                indented { $0.statements(handler) }
                line("}")
            case .constant(let declaration, let value):
                constant(declaration, value)
            }
        }
    }

    /// A constant on one line where it fits, otherwise as a multi-line literal whose lines each end in `\` (so the
    /// value has no line breaks) and break after a NUL, as many NUL-ended pieces on each as fit.
    mutating func constant(_ declaration: Code, _ value: String) {
        let start = Printer.render(declaration) + " = "
        let literal = Printer.stringLiteral(value)
        let room = Printer.lineLimit - (level + 1) * Printer.indentWidth
        guard level * Printer.indentWidth + start.count + literal.count > Printer.lineLimit else {
            line(start + literal)
            return
        }
        line(start + "\"\"\"")
        let pieces = value.split(separator: "\0", omittingEmptySubsequences: false)
        var lines: [String] = []
        var current = ""
        for piece in pieces.dropLast() {
            // Each piece's literal text without its quotes; a quote needs no escape here but stays escaped.
            let text = String(Printer.stringLiteral(String(piece)).dropFirst().dropLast()) + "\\0"
            if !current.isEmpty, current.count + text.count + 1 > room {
                lines.append(current)
                current = ""
            }
            current += text
        }
        current += String(Printer.stringLiteral(String(pieces.last ?? "")).dropFirst().dropLast())
        lines.append(current)
        indented { writer in
            for (index, text) in lines.enumerated() {
                writer.line(index == lines.count - 1 ? text : text + "\\")
            }
            writer.line("\"\"\"")
        }
    }

    // MARK: Documentation

    /// Writes documentation, followed, when the declaration comes from a named part of the description, by where:
    /// a paragraph of its own before the parameters, the return value and what is thrown.
    mutating func doc(_ doc: Doc?, origin: String? = nil) {
        let paragraphs = doc?.paragraphs ?? []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { line("///") }
            docLines(paragraph, indent: "")
        }
        if let origin {
            if !paragraphs.isEmpty { line("///") }
            docLines(("Generated from `", origin, "`.", ""), indent: "")
        }
        guard let doc, !doc.parameters.isEmpty || doc.returns != nil || doc.throwsText != nil else { return }
        if !paragraphs.isEmpty || origin != nil { line("///") }
        if doc.parameters.count == 1, let parameter = doc.parameters.first {
            docLines(("- Parameter ", parameter.name.name, ": ", parameter.text), indent: "  ")
        } else if !doc.parameters.isEmpty {
            line("/// - Parameters:")
            for parameter in doc.parameters {
                docLines(("  - ", parameter.name.name, ": ", parameter.text), indent: "    ")
            }
        }
        if let returns = doc.returns { docLines(("- Returns: ", returns, "", ""), indent: "  ") }
        if let throwsText = doc.throwsText { docLines(("- Throws: ", throwsText, "", ""), indent: "  ") }
    }

    /// Writes text as documentation lines, escaped (``Printer/docText(_:)``) and wrapped at the line limit; continuation
    /// lines get `indent`, so list items stay items.
    private mutating func docLines(_ text: String, indent: String) {
        // From the string's own bytes (a small string's are copied out first, as `withUTF8` does).
        var utf8 = text
        guard !utf8.withUTF8({ byteDocLines($0, indent: indent) }) else { return }
        generalDocLines(text, indent: indent)
    }

    /// ``docLines(_:indent:)`` through strings, for text the byte path does not take.
    private mutating func generalDocLines(_ text: String, indent: String) {
        for line in wrap(Printer.docText(text), indent: indent) { self.line(line.isEmpty ? "///" : "/// " + line) }
    }

    /// ``docLines(_:indent:)`` for text in four parts, joined in a buffer rather than in a string.
    private mutating func docLines(_ parts: (String, String, String, String), indent: String) {
        var text = TextBuffer(
            capacity: parts.0.utf8.count + parts.1.utf8.count + parts.2.utf8.count + parts.3.utf8.count)
        text.append(utf8: parts.0)
        text.append(utf8: parts.1)
        text.append(utf8: parts.2)
        text.append(utf8: parts.3)
        guard !text.withBytes(from: 0, { byteDocLines($0, indent: indent) }) else { return }
        generalDocLines(text.string, indent: indent)
    }

    /// ``docLines(_:indent:)`` for ASCII, nearly all documentation, whose characters are its bytes, and for text
    /// whose characters outside ASCII are each one scalar that needs no escaping (``DocumentationBytes/simpleScalars(_:)``):
    /// lines are cut and cleaned as ``Printer/docText(_:)`` cuts and cleans them, byte by byte; false for anything
    /// else.
    private mutating func byteDocLines(_ bytes: UnsafeBufferPointer<UInt8>, indent: String) -> Bool {
        let ascii: Bool
        if let printable = DocumentationBytes.asciiIsPrintable(bytes) {
            guard !printable else {
                printableDocLine(bytes, indent: indent, ascii: true)
                return true
            }
            ascii = true
        } else {
            guard DocumentationBytes.simpleScalars(bytes) else { return false }
            ascii = false
        }
        // Every ASCII line break ends a line (CR LF once), a tab is a space and other control characters go.
        var line: [UInt8] = []
        line.reserveCapacity(bytes.count)
        var previousWasCR = false
        for byte in bytes {
            defer { previousWasCR = byte == UInt8(ascii: "\r") }
            switch byte {
            case UInt8(ascii: "\n") where previousWasCR: continue
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                line.withUnsafeBufferPointer { printableDocLine($0, indent: indent, ascii: ascii) }
                line.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\t"): line.append(UInt8(ascii: " "))
            case 0x20..<0x7F, 0x80...: line.append(byte)
            default: break
            }
        }
        line.withUnsafeBufferPointer { printableDocLine($0, indent: indent, ascii: ascii) }
        return true
    }

    /// Writes one line of documentation without control characters, without its trailing spaces, wrapped at the
    /// line limit as ``wrap(_:indent:)`` wraps; outside ASCII (`ascii` false), each scalar must be a character, as
    /// ``DocumentationBytes/simpleScalars(_:)`` makes sure, so that a word's scalars are its characters.
    private mutating func printableDocLine(_ bytes: UnsafeBufferPointer<UInt8>, indent: String, ascii: Bool) {
        let space = UInt8(ascii: " ")
        var end = bytes.count
        while end > 0, bytes[end - 1] == space { end -= 1 }
        let width = max(40, Printer.lineLimit - column - 4)
        func characters(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            ascii ? bytes.count : bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        guard characters(UnsafeBufferPointer(rebasing: bytes[..<end])) > width else {
            docLine(bytes[..<end])
            return
        }
        var leading = 0
        while leading < end, bytes[leading] == space { leading += 1 }
        // Lines are written straight into the text; `length` counts the current one's characters after `/// `.
        func startLine(_ writer: inout Writer, continued: Bool) -> Int {
            writer.indent()
            writer.bytes.append(utf8: "/// " as StaticString)
            writer.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<leading]))
            guard continued else { return leading }
            writer.bytes.append(utf8: indent)
            return leading + indent.utf8.count
        }
        var length = startLine(&self, continued: false)
        var start = leading
        if ascii, !DocumentationBytes.hasDoubleSpace(UnsafeBufferPointer(rebasing: bytes[leading..<end])) {
            // Words one space apart, nearly all text: each line is the longest run of whole words that fits, found
            // by looking back from where the line must end, and copied in one piece. A word fits when the line's
            // length before its first word, plus the run's, stays within the width: the words the loop below would
            // place one by one.
            while true {
                let limit = start + (width - length)
                var stop = limit
                if limit >= end {
                    stop = end
                } else if limit <= start || bytes[limit] != space {
                    while stop > start, bytes[stop] != space { stop -= 1 }
                    if stop <= start {
                        // The line's first word is longer than the line: it stands alone.
                        stop = start
                        while stop < end, bytes[stop] != space { stop += 1 }
                    }
                }
                self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<stop]))
                guard stop < end else { break }
                self.bytes.append(Writer.newline)
                length = startLine(&self, continued: true)
                start = stop + 1
            }
            self.bytes.append(Writer.newline)
            return
        }
        while start < end {
            while start < end, bytes[start] == space { start += 1 }
            guard start < end else { break }
            var stop = start
            while stop < end, bytes[stop] != space { stop += 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<stop])
            let wordLength = characters(word)
            if length + 1 + wordLength > width, length > leading {
                self.bytes.append(Writer.newline)
                length = startLine(&self, continued: true)
            } else if length > leading {
                self.bytes.append(space)
                length += 1
            }
            self.bytes.append(contentsOf: word)
            length += wordLength
            start = stop
        }
        self.bytes.append(Writer.newline)
    }

    /// Writes one line of documentation from its bytes.
    private mutating func docLine<Bytes: Collection<UInt8>>(_ content: Bytes) {
        indent()
        bytes.append(utf8: content.isEmpty ? "///" : "/// ")
        bytes.append(contentsOf: content)
        bytes.append(Writer.newline)
    }

    /// Wraps each line at the line limit; continuation lines get `indent`, so list items stay items.
    private func wrap(_ lines: [String], indent: String) -> [String] {
        let width = max(40, Printer.lineLimit - column - 4)
        var result: [String] = []
        for line in lines {
            // Most lines are short ASCII, whose length in characters is their length in bytes.
            guard line.utf8.count > width, line.count > width else {
                result.append(line)
                continue
            }
            let leading = String(line.prefix { $0 == " " })
            let leadingCount = leading.count
            var current = leading
            // Lengths are counted as the line grows, not measured again for every word.
            var currentCount = leadingCount
            for word in line.dropFirst(leadingCount).split(separator: " ") {
                let wordCount = word.count
                if currentCount + 1 + wordCount > width, currentCount > leadingCount {
                    result.append(current)
                    current = leading + indent + word
                    currentCount = leadingCount + indent.count + wordCount
                } else if currentCount == leadingCount {
                    current += word
                    currentCount += wordCount
                } else {
                    current += " "
                    current += word
                    currentCount += 1 + wordCount
                }
            }
            result.append(current)
        }
        return result
    }
}

/// Tests of documentation's bytes that decide which way the printer writes it.
enum DocumentationBytes {
    /// Whether bytes that are all ASCII are all printable (no control character); nil when some byte is not ASCII.
    /// Eight bytes are tested at a time.
    static func asciiIsPrintable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        var printable = true
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & high != 0 { return nil }
                // A byte below 0x20, or one equal to 0x7F, sets the high bit of some byte here (and only then).
                let below = (word &- ones &* 0x20) & ~word & high
                let delete = word ^ (ones &* 0x7F)
                if below | ((delete &- ones) & ~delete & high) != 0 { printable = false }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { return nil }
            if byte < 0x20 || byte == 0x7F { printable = false }
            index += 1
        }
        return printable
    }

    /// Whether every scalar outside ASCII in valid UTF-8 is one the documentation keeps as it is and that is a
    /// character of its own, whatever surrounds it: Latin letters and signs (U+00A0 to U+02FF but the soft hyphen),
    /// general punctuation (dashes, quotes, bullets, ellipsis), currency signs, letter-like symbols and arrows. None
    /// of them is a control or format character, a line break, or a mark that joins the character before it.
    static func simpleScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            guard lead >= 0x80 else {
                index += 1
                continue
            }
            let scalar: UInt32
            if lead < 0xE0, index + 1 < bytes.count {
                scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead < 0xF0, index + 2 < bytes.count {
                scalar =
                    UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                return false
            }
            switch scalar {
            case 0xAD: return false
            case 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF, 0x2100...0x214F, 0x2190...0x21FF:
                continue
            default: return false
            }
        }
        return true
    }

    /// Whether two spaces follow each other somewhere in the bytes.
    static func hasDoubleSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let space = UInt8(ascii: " ")
        var index = 1
        while index < bytes.count {
            if bytes[index] == space {
                if bytes[index - 1] == space { return true }
                index += 1
            } else {
                index += 2
            }
        }
        return false
    }
}
