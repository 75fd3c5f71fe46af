import Foundation

/// A piece of a path template, for matching received paths against the forms a description documents.
public enum TemplateComponent: Sendable, Hashable {
    /// Text that must appear as written.
    case literal(String)
    /// A non-empty value that runs up to the next literal and never spans a `/`.
    case variable
}

/// A URL reference received from a server, such as a `Location` header.
public enum RelativeReference {
    /// The path of a reference that is a path on the same server (it starts with a single `/`), without its query or
    /// fragment; nil for anything else.
    public static func path(of reference: String) -> Substring? {
        guard reference.hasPrefix("/"), !reference.hasPrefix("//") else { return nil }
        let end = reference.firstIndex { $0 == "?" || $0 == "#" } ?? reference.endIndex
        return reference[..<end]
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
                    guard let range = rest[..<rest.endIndex].firstRange(of: next), range.lowerBound <= end else {
                        return nil
                    }
                    end = range.lowerBound
                }
                let raw = rest[..<end]
                guard !raw.isEmpty, let value = String(raw).removingPercentEncoding else { return nil }
                values.append(value)
                rest = rest[end...]
            }
        }
        return rest.isEmpty ? values : nil
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
