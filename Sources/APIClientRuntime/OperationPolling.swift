import Foundation
import HTTPTypes

/// An operation that a response started and the server runs on its own, such as the one a `202 Accepted` names in
/// its `Location` header: where to ask for its state.
public struct PendingOperation: Sendable, Hashable, CustomStringConvertible {
    /// Where the operation's state is read, as received: a path on the server, or an absolute URL on the same server.
    public var location: String

    /// Names an operation by where its state is read, for example a location kept from an earlier response.
    ///
    /// - Parameter location: A path on the server, such as `/api/operations/42?api-version=1`, or an absolute URL on
    ///   the same server.
    public init(location: String) {
        self.location = location
    }

    /// Names the operation by the first location a response carries, of the headers that may name it; nil when it
    /// carries none.
    @_spi(Generated) public init?(locations: [String?]) {
        guard let location = locations.lazy.compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return nil }
        self.location = location
    }

    public var description: String { location }

    /// The path and query to request, relative to the server; nil when the location leads to another server, lies
    /// outside the server's base path, or is not a URL.
    func requestPath(relativeTo serverURL: URL) -> String? {
        guard let url = RelativeReference.url(of: location, relativeTo: serverURL) else { return nil }
        var base = serverURL.path(percentEncoded: true)
        if base.hasSuffix("/") { base.removeLast() }
        let path = url.path(percentEncoded: true)
        guard path.hasPrefix(base + "/") else { return nil }
        let query = url.query(percentEncoded: true).map { "?" + $0 } ?? ""
        return String(path.dropFirst(base.count)) + query
    }
}

/// Where a long-running operation stands, as the description's terminal statuses classify it.
public enum OperationState: String, Sendable, Hashable, CaseIterable {
    /// Not finished yet.
    case running
    /// Finished successfully.
    case succeeded
    /// Finished with a failure.
    case failed
    /// Stopped before it finished.
    case canceled
}

/// One reading of a long-running operation: its state and the resource the server reported.
public struct OperationProgress<Resource: Sendable>: Sendable {
    /// Where the operation stands.
    public var state: OperationState
    /// What the server reported, such as the operation's steps and messages.
    public var resource: Resource

    /// Creates a reading.
    public init(state: OperationState, resource: Resource) {
        self.state = state
        self.resource = resource
    }
}

extension OperationProgress: Equatable where Resource: Equatable {}
extension OperationProgress: Hashable where Resource: Hashable {}

/// How often to ask for an operation's state, how long to wait in all, and how many transient failures to survive.
public struct PollingPolicy: Sendable, Hashable {
    /// The first wait between readings when the server gives no `Retry-After`; it doubles after each reading, up to
    /// `maximumInterval`.
    public var interval: Duration
    /// The longest wait the policy chooses by itself; a server's `Retry-After` is honoured even when longer.
    public var maximumInterval: Duration
    /// The shortest wait between two requests, even when the server says to retry at once, so that a wait never
    /// spins.
    public var minimumInterval: Duration
    /// How long to wait in all, from the first reading; nil waits until the operation ends or the task is cancelled.
    public var timeout: Duration?
    /// How many transient failures in a row (a transport error, 429, or a 5xx status) are retried with backoff
    /// before the wait fails.
    public var maximumRetries: Int

    /// Creates a policy.
    public init(
        interval: Duration = .seconds(5), maximumInterval: Duration = .seconds(60),
        minimumInterval: Duration = .seconds(1), timeout: Duration? = nil, maximumRetries: Int = 4
    ) {
        self.interval = interval
        self.maximumInterval = maximumInterval
        self.minimumInterval = minimumInterval
        self.timeout = timeout
        self.maximumRetries = maximumRetries
    }
}

extension PollingPolicy {
    /// The longest wait the policy chooses itself: the maximum, or the first interval when that is longer.
    var longestWait: Duration { Swift.max(maximumInterval, interval) }
}

/// Why waiting for a long-running operation ended without its success.
public enum OperationWaitError<Resource: Sendable>: Error, CustomStringConvertible {
    /// The operation finished with a failure; the resource says why (its messages, its failed steps).
    case failed(Resource)
    /// The operation was canceled before it finished.
    case canceled(Resource)
    /// The policy's timeout passed first; `lastSeen` is the latest reading, if there was one.
    case timedOut(lastSeen: Resource?)
    /// The server answered with a status that is neither the operation's state nor a transient failure, such as 404;
    /// or transient failures outlasted the policy's retries.
    case unexpectedStatus(Int, body: Data)
    /// A request could not be sent, or its response read, even after the policy's retries.
    case requestFailed(APIClientError)

    public var description: String {
        switch self {
        case .failed: "The operation failed."
        case .canceled: "The operation was canceled."
        case .timedOut: "The operation did not finish before the timeout."
        case .unexpectedStatus(let status, _): "Reading the operation's state answered status \(status)."
        case .requestFailed(let error): "Reading the operation's state failed: \(error)"
        }
    }
}

/// What one request for an operation's state gave.
@_spi(Generated) public enum PollAttempt<Resource: Sendable>: Sendable {
    /// A 2xx response with the resource, and the server's `Retry-After`, if any.
    case resource(Resource, retryAfter: Duration?)
    /// Any other status, with its body and `Retry-After`.
    case status(Int, body: Data, retryAfter: Duration?)
}

/// The readings of a long-running operation, from the first to the one that shows it succeeded.
///
/// ```swift
/// for try await progress in client.waitForOperation(pending) {
///     print(progress.state, progress.resource)
/// }
/// ```
///
/// The sequence ends after the reading that shows success, and throws ``OperationWaitError`` when the operation
/// fails or is canceled (with the resource), when the policy's timeout passes, or when the server keeps failing.
/// Cancelling the task ends the wait at once with `CancellationError`. Waits follow the server's `Retry-After`, in
/// seconds or as an HTTP date, and otherwise the ``PollingPolicy``; they run on the clock given, so tests can use
/// one that does not sleep.
public struct OperationPolling<Resource: Sendable>: AsyncSequence, Sendable {
    public typealias Element = OperationProgress<Resource>

    private let fetch: @Sendable () async throws(APIClientError) -> PollAttempt<Resource>
    private let classify: @Sendable (Resource) -> OperationState
    private let policy: PollingPolicy
    private let clock: PollingClock

    /// Creates the readings of an operation; generated clients call it.
    @_spi(Generated) public init<C: Clock>(
        policy: PollingPolicy, clock: C, classify: @escaping @Sendable (Resource) -> OperationState,
        fetch: @escaping @Sendable () async throws(APIClientError) -> PollAttempt<Resource>
    ) where C.Duration == Duration {
        self.fetch = fetch
        self.classify = classify
        self.policy = policy
        self.clock = PollingClock(clock)
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(polling: self, interval: policy.interval)
    }

    /// Waits until the operation succeeds and returns its final reading's resource.
    ///
    /// - Throws: ``OperationWaitError`` as the sequence does, or `CancellationError` when the task is cancelled.
    public func result() async throws -> Resource {
        for try await progress in self where progress.state == .succeeded {
            return progress.resource
        }
        preconditionFailure("the readings end only after the one that shows success")
    }

    /// Reads the operation's state until it ends.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let polling: OperationPolling
        var interval: Duration
        var start: Duration?
        var delay: Duration?
        var lastSeen: Resource?
        var isFinished = false

        /// The next reading; nil after the one that showed success.
        public mutating func next() async throws -> OperationProgress<Resource>? {
            guard !isFinished else { return nil }
            do {
                return try await read()
            } catch {
                isFinished = true
                throw error
            }
        }

        private mutating func read() async throws -> OperationProgress<Resource>? {
            let policy = polling.policy
            let start = self.start ?? polling.clock.elapsed()
            self.start = start
            var failures = 0
            while true {
                if let delay { try await wait(delay, since: start) }
                try Task.checkCancellation()
                let attempt: PollAttempt<Resource>
                do {
                    attempt = try await polling.fetch()
                } catch {
                    guard case .transportFailed = error.reason, failures < policy.maximumRetries else {
                        throw OperationWaitError<Resource>.requestFailed(error)
                    }
                    failures += 1
                    delay = backoff(after: failures)
                    continue
                }
                switch attempt {
                case .resource(let resource, let retryAfter):
                    lastSeen = resource
                    let state = polling.classify(resource)
                    switch state {
                    case .succeeded: isFinished = true
                    case .failed: throw OperationWaitError.failed(resource)
                    case .canceled: throw OperationWaitError.canceled(resource)
                    case .running:
                        delay = retryAfter ?? interval
                        interval = Swift.min(interval * 2, policy.longestWait)
                    }
                    return OperationProgress(state: state, resource: resource)
                case .status(let status, let body, let retryAfter):
                    guard status == 429 || (500..<600).contains(status), failures < policy.maximumRetries else {
                        throw OperationWaitError<Resource>.unexpectedStatus(status, body: body)
                    }
                    failures += 1
                    delay = retryAfter ?? backoff(after: failures)
                }
            }
        }

        /// The wait before retrying after `failures` transient failures in a row: the interval, doubled for each
        /// earlier failure, up to the maximum.
        private func backoff(after failures: Int) -> Duration {
            var wait = polling.policy.interval
            for _ in 1..<failures where wait < polling.policy.longestWait { wait *= 2 }
            return Swift.min(wait, polling.policy.longestWait)
        }

        /// Sleeps for a wait, no shorter than the policy's minimum; throws at once when the wait would end after the
        /// timeout, and with `CancellationError` when the task is cancelled while it sleeps.
        private func wait(_ delay: Duration, since start: Duration) async throws {
            let delay = Swift.max(delay, polling.policy.minimumInterval)
            if let timeout = polling.policy.timeout, polling.clock.elapsed() - start + delay > timeout {
                throw OperationWaitError.timedOut(lastSeen: lastSeen)
            }
            try await polling.clock.sleep(delay)
        }
    }
}

/// A clock reduced to what waiting needs, so that the sequence's type does not depend on the clock's.
private struct PollingClock: Sendable {
    let elapsed: @Sendable () -> Duration
    let sleep: @Sendable (Duration) async throws -> Void

    init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let origin = clock.now
        elapsed = { origin.duration(to: clock.now) }
        sleep = { try await clock.sleep(for: $0) }
    }
}

/// The wait a `Retry-After` header asks for: a number of seconds, or an HTTP date (measured against `now`).
@_spi(Generated) public enum RetryAfter {
    /// The wait, or nil when the header is absent or neither form; a date in the past asks for no wait.
    public static func delay(_ text: String?, now: Date = Date()) -> Duration? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int(text) { return seconds >= 0 ? .seconds(seconds) : nil }
        guard let date = Date(headerText: text) else { return nil }
        return .milliseconds(max(0, Int64((date.timeIntervalSince(now) * 1000).rounded(.up))))
    }
}

@_spi(Generated) extension RequestRunner {
    /// Reads the state of a pending operation: a `GET` of its location, with the credentials of the operation that
    /// describes the state, decoding a 2xx body as the resource (or the one element of an array of it, which some
    /// servers send).
    ///
    /// - Parameters:
    ///   - pending: The operation, by its location.
    ///   - operationID: The `operationId` of the operation that reads the state, for middlewares and errors.
    ///   - security: That operation's security requirements, each with the credentials it needs.
    ///   - type: The resource's type.
    /// - Throws: `APIClientError` with `invalidInput` when the location leads to another server, where the client
    ///   sends no credentials; otherwise as `send` does.
    public func poll<Resource: Decodable & Sendable>(
        _ pending: PendingOperation, operationID: String, security: SecurityRequirements, as type: Resource.Type
    ) async throws(APIClientError) -> PollAttempt<Resource> {
        try await send(pending, operationID: operationID, security: security) { response, body throws(APIClientError) in
            let retryAfter = RetryAfter.delay(response.headerFields[.retryAfter])
            guard (200..<300).contains(response.status.code) else {
                return .status(response.status.code, body: body, retryAfter: retryAfter)
            }
            let reader = ResponseReader(operationID: operationID, response: response, body: body)
            return .resource(try reader.resource(type), retryAfter: retryAfter)
        }
    }
}

@_spi(Generated) extension RequestRunner {
    /// Sends a `GET` of a pending operation's location and parses the response, for reading the operation's state
    /// once.
    ///
    /// - Parameters:
    ///   - pending: The operation, by its location.
    ///   - operationID: The `operationId` of the operation that reads the state, for middlewares and errors.
    ///   - security: That operation's security requirements, each with the credentials it needs.
    ///   - parse: Turns the response and its body into the output.
    /// - Throws: `APIClientError` with `invalidInput` when the location leads to another server, where the client
    ///   sends no credentials; otherwise as `send` does.
    public func send<Output>(
        _ pending: PendingOperation, operationID: String, security: SecurityRequirements,
        parse: (HTTPResponse, Data) throws(APIClientError) -> Output
    ) async throws(APIClientError) -> Output {
        let serverURL = self.serverURL
        return try await send(operationID, security: security) { () throws(APIClientError) in
            guard let path = pending.requestPath(relativeTo: serverURL) else {
                throw APIClientError(
                    operationID: operationID,
                    reason: .invalidInput(
                        field: "location", problem: "it is not a URL on the client's server, \(serverURL)"))
            }
            var builder = RequestBuilder(operationID: operationID, method: .get)
            builder.setAccept("application/json")
            builder.appendPath(path)
            return builder.request
        } parse: { response, body throws(APIClientError) in
            try parse(response, body)
        }
    }
}

extension ResponseReader {
    /// The body as a resource, or as a one-element array of it.
    func resource<Resource: Decodable>(_ type: Resource.Type) throws(APIClientError) -> Resource {
        if let single = try? JSONCoding.decode(Resource.self, from: body) { return single }
        if let wrapped = try? JSONCoding.decode([Resource].self, from: body), wrapped.count == 1 { return wrapped[0] }
        return try requiredJSON(Resource.self)
    }
}
