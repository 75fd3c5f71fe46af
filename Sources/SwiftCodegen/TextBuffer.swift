/// UTF-8 text being written by the printer: bytes in memory of its own, to which appending is a check of room and a
/// copy.
///
/// The printer appends millions of short pieces; an array of bytes spends more on the bookkeeping of each append (its
/// uniqueness, its generic copying) than on the copy itself. The buffer cannot be copied, so it needs neither.
struct TextBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes have been written.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// Makes room for `more` bytes after those written.
    @inline(__always) private mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: start, count: count)
        start.deallocate()
        start = bigger
        capacity = newCapacity
    }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count)
        (start + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Appends a string's UTF-8 bytes in one copy.
    mutating func append(utf8 string: String) {
        // Native strings, nearly all of them, lend their bytes in place; small ones are copied out first.
        if string.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            var string = string
            string.withUTF8 { append(contentsOf: $0) }
        }
    }

    mutating func append(utf8 string: StaticString) {
        string.withUTF8Buffer { append(contentsOf: $0) }
    }

    mutating func append<Bytes: Collection<UInt8>>(contentsOf bytes: Bytes) {
        if bytes.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil {
            reserve(bytes.count)
            for byte in bytes { append(byte) }
        }
    }

    /// Appends `count` spaces.
    mutating func appendSpaces(_ spaces: Int) {
        guard spaces > 0 else { return }
        reserve(spaces)
        (start + count).initialize(repeating: UInt8(ascii: " "), count: spaces)
        count += spaces
    }

    /// The byte at `index`, which must be below ``count``.
    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count)
        return start[index]
    }

    /// The last byte written, if any.
    var last: UInt8? { count > 0 ? start[count - 1] : nil }

    /// Forgets the bytes from `index` on.
    mutating func truncate(to index: Int) {
        precondition(index >= 0 && index <= count)
        count = index
    }

    /// Calls `body` with the bytes from `index` on.
    func withBytes<Result>(from index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        precondition(index >= 0 && index <= count)
        return body(UnsafeBufferPointer(start: start + index, count: count - index))
    }

    /// The text written, as a string (bytes that are not UTF-8 are repaired, as by `String(decoding:as:)`).
    var string: String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }
}
