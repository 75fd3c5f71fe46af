import Foundation

/// A clock whose sleeps return at once, moving its time forward by what was asked, and which records every sleep;
/// for testing code that waits, such as waiting for a long-running operation, without waiting.
///
/// ```swift
/// let clock = TestClock()
/// let operation = try await client.waitForOperation(pending, clock: clock).result()
/// #expect(clock.sleeps == [.seconds(5), .seconds(10)])
/// ```
///
/// A sleep in a cancelled task throws `CancellationError`, as a real clock's does.
public final class TestClock: Clock, Sendable {
    /// A moment of a test clock: how long after its start.
    public struct Instant: InstantProtocol {
        /// The time since the clock's start.
        public var offset: Duration

        /// Creates a moment.
        public init(offset: Duration) {
            self.offset = offset
        }

        public func advanced(by duration: Duration) -> Instant {
            Instant(offset: offset + duration)
        }

        public func duration(to other: Instant) -> Duration {
            other.offset - offset
        }

        public static func < (lhs: Instant, rhs: Instant) -> Bool {
            lhs.offset < rhs.offset
        }
    }

    private let state = Locked(State())

    private struct State {
        var now = Instant(offset: .zero)
        var sleeps: [Duration] = []
    }

    /// Creates a clock at its start.
    public init() {}

    /// The current moment: the start, plus every sleep so far.
    public var now: Instant { state.withLock { $0.now } }

    /// A test clock measures time exactly.
    public var minimumResolution: Duration { .zero }

    /// How long each sleep asked for, in order.
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    /// Moves the clock to `deadline` at once, unless the task is cancelled.
    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(state.now.duration(to: deadline))
            state.now = Swift.max(state.now, deadline)
        }
        await Task.yield()
        try Task.checkCancellation()
    }
}

/// A value behind a lock, for state that concurrent tasks share.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.withLock { body(&value) }
    }
}
