import Foundation

/// A piece of a path template, for matching received paths against the forms a description documents.
@_spi(Generated) public enum TemplateComponent: Sendable, Hashable {
    /// Text that must appear as written.
    case literal(String)
    /// A non-empty value that runs up to the next literal and never spans a `/`.
    case variable
}

/// A URL reference received from a server, such as a `Location` header.
@_spi(Generated) public enum RelativeReference {
    /// The path of a reference, without its query or fragment: of a path on the same server (it starts with a single
    /// `/`), or of an absolute `http` or `https` URL, whose server `url(of:relativeTo:)` checks; nil for anything
    /// else.
    public static func path(of reference: String) -> Substring? {
        var rest = Substring(reference)
        for scheme in ["https://", "http://"] where rest.utf8.count > scheme.utf8.count {
            let head = rest.utf8.prefix(scheme.utf8.count)
            guard head.elementsEqual(scheme.utf8, by: { $0 | 0x20 == $1 | 0x20 }) else { continue }
            let authority = rest.dropFirst(scheme.count)
            rest = authority[(authority.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? authority.endIndex)...]
            break
        }
        guard rest.hasPrefix("/"), !rest.hasPrefix("//") else { return nil }
        let end = rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        return rest[..<end]
    }

    /// Matches a reference's path against a template, returning the percent-decoded value of each variable, or nil
    /// when the reference is not a path on the server or does not take the template's form.
    public static func match(_ reference: String, _ template: [TemplateComponent]) -> [String]? {
        guard var rest = path(of: reference) else { return nil }
        var values: [String] = []
        for (index, component) in template.enumerated() {
            switch component {
            case .literal(let text):
                guard rest.hasPrefix(text) else { return nil }
                rest = rest.dropFirst(text.count)
            case .variable:
                var end = rest.firstIndex(of: "/") ?? rest.endIndex
                if index + 1 < template.count, case .literal(let next) = template[index + 1] {
                    guard let start = firstIndex(of: next, in: rest), start <= end else { return nil }
                    end = start
                }
                let raw = rest[..<end]
                guard !raw.isEmpty, let value = percentDecoded(raw) else { return nil }
                values.append(value)
                rest = rest[end...]
            }
        }
        return rest.isEmpty ? values : nil
    }

    /// Where `literal` first starts in `text`, comparing UTF-8 bytes.
    private static func firstIndex(of literal: String, in text: Substring) -> Substring.Index? {
        let needle = Array(literal.utf8)
        guard let first = needle.first else { return text.startIndex }
        var index = text.utf8.startIndex
        while let candidate = text.utf8[index...].firstIndex(of: first) {
            if text.utf8[candidate...].starts(with: needle) { return candidate }
            index = text.utf8.index(after: candidate)
        }
        return nil
    }

    /// The text with `%XX` escapes decoded; nil when an escape is malformed or the bytes are not UTF-8.
    private static func percentDecoded(_ text: Substring) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The absolute URL of a reference, resolved against the server; nil when the reference leads to another server
    /// or is not a URL.
    public static func url(of reference: String, relativeTo serverURL: URL) -> URL? {
        guard !reference.isEmpty, HeaderValue.isSafe(reference), let url = URL(string: reference, relativeTo: serverURL)
        else { return nil }
        let absolute = url.absoluteURL
        guard absolute.scheme?.lowercased() == serverURL.scheme?.lowercased(),
            absolute.host?.lowercased() == serverURL.host?.lowercased(), absolute.port == serverURL.port
        else { return nil }
        return absolute
    }
}
