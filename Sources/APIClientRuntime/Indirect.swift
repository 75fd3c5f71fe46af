/// A value stored out of line, so that a generated struct can hold a value of its own type, directly or through other
/// structs (a tree node's parent, say). It keeps value semantics: the stored value never changes.
@_spi(Generated) public struct Indirect<Wrapped: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Wrapped

        init(_ value: Wrapped) {
            self.value = value
        }
    }

    private let box: Box

    /// Stores a value.
    public init(_ value: Wrapped) {
        box = Box(value)
    }

    /// The stored value.
    public var value: Wrapped { box.value }
}

extension Indirect: Equatable where Wrapped: Equatable {
    public static func == (lhs: Indirect, rhs: Indirect) -> Bool { lhs.value == rhs.value }
}

extension Indirect: Hashable where Wrapped: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension Indirect: Encodable where Wrapped: Encodable {
    /// Encodes the stored value as if it were stored inline.
    public func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}

extension Indirect: Decodable where Wrapped: Decodable {
    /// Decodes a value as if it were stored inline.
    public init(from decoder: any Decoder) throws {
        self.init(try Wrapped(from: decoder))
    }
}
