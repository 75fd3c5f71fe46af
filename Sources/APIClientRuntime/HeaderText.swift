import Foundation

/// A value that travels in a header as text: what a typed response header converts to.
public protocol HeaderText: Sendable {
    /// The value a header's text holds, or nil when it holds none.
    init?(headerText: String)
}

extension String: HeaderText {
    public init?(headerText: String) { self = headerText }
}

extension Int: HeaderText {
    public init?(headerText: String) { self.init(headerText) }
}

extension Int32: HeaderText {
    public init?(headerText: String) { self.init(headerText) }
}

extension Int64: HeaderText {
    public init?(headerText: String) { self.init(headerText) }
}

extension Double: HeaderText {
    public init?(headerText: String) { self.init(headerText) }
}

extension Float: HeaderText {
    public init?(headerText: String) { self.init(headerText) }
}

extension Bool: HeaderText {
    public init?(headerText: String) {
        switch headerText {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension UUID: HeaderText {
    public init?(headerText: String) { self.init(uuidString: headerText) }
}

extension URL: HeaderText {
    public init?(headerText: String) { self.init(string: headerText) }
}

extension CalendarDate: HeaderText {
    public init?(headerText: String) { self.init(headerText) }
}

extension Date: HeaderText {
    /// An RFC 3339 date-time, or an HTTP date such as `Wed, 21 Oct 2015 07:28:00 GMT`.
    public init?(headerText: String) {
        if let date = JSONCoding.date(rfc3339: headerText) {
            self = date
        } else if let date = try? Date(headerText, strategy: Date.httpDate) {
            self = date
        } else {
            return nil
        }
    }

    private static let httpDate = Date.ParseStrategy(
        format:
            "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .defaultDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) GMT",
        locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "GMT")!)
}

extension String {
    /// Whether any of the string's UTF-8 bytes satisfies the predicate, scanned in place where the string is stored
    /// contiguously (native strings are), which the byte view's iterator does not do.
    func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) { return found }
        return utf8.contains(where: predicate)
    }
}
