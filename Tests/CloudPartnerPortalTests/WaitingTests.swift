import APIClientTesting
import CloudPartnerPortal
import Foundation
import Testing

// Following a Cancel 202 to its end, against scripted responses and a clock that does not sleep.

private let migrated =
    "/api/publishers/contoso/offers/contoso-offer/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31"
private let nonMigrated = "/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31"

/// An operation's JSON as the service sends it, with the given status and extra fields.
private func operation(_ status: String, _ extra: String = "") -> MockTransport.Response {
    .init(
        status: .ok, headerFields: [.contentType: "application/json"],
        body: #"{"id": "56615b67-2185-49fe-80d2-c4ddf77bb2e8", "status": "\#(status)"\#(extra)}"#)
}

/// A transport that accepts the cancellation with `location`, then answers each read of the operation with the next
/// of `readings` (the last one again when they run out).
private func script(location: String = migrated, _ readings: [MockTransport.Response]) -> MockTransport {
    let count = Counter()
    return MockTransport { request in
        if request.request.method == .post {
            return .init(status: .accepted, headerFields: [.location: location])
        }
        return readings[min(count.next(), readings.count) - 1]
    }
}

/// Cancels, and returns the operation the 202 names.
private func cancel(_ client: Client) async throws -> PendingOperation {
    let output = try await client.cancelOperation(
        publisherID: "contoso", offerID: "contoso-offer", notificationEmails: ["jondoe@contoso.com"])
    return try #require(output.pendingOperation)
}

private func client(_ transport: MockTransport) -> Client {
    Client(transport: transport, token: { "secret-token" })
}

@Suite struct WaitingForAnOperation {
    @Test func runsThroughItsReadingsToSuccessFollowingTheLocationAsWritten() async throws {
        let transport = script([operation("running"), operation("running"), operation("succeeded")])
        let client = client(transport)
        let clock = TestClock()
        var states: [OperationState] = []
        for try await progress in client.waitForOperation(try await cancel(client), clock: clock) {
            states.append(progress.state)
        }
        #expect(states == [.running, .running, .succeeded])
        // The default policy waits 5 s, then twice as long after each reading without Retry-After.
        #expect(clock.sleeps == [.seconds(5), .seconds(10)])
        let reads = transport.requests.dropFirst()
        #expect(reads.count == 3)
        #expect(reads.allSatisfy { $0.request.method == .get && $0.request.path == migrated })
        #expect(reads.allSatisfy { $0.request.headerFields[.authorization] == "Bearer secret-token" })
        #expect(reads.allSatisfy { $0.operationID == "getOperation" })
    }

    @Test func resultReturnsTheFinishedOperation() async throws {
        let transport = script([operation("running"), operation("completed", #", "version": 636576975611768314"#)])
        let client = client(transport)
        let finished = try await client.waitForOperation(try await cancel(client), clock: TestClock()).result()
        #expect(finished.status == .completed)
        #expect(finished.version == 636_576_975_611_768_314)
    }

    @Test func aFailureThrowsTheOperationWithItsMessages() async throws {
        let failed = operation(
            "failed",
            #", "steps": [{"stepName": "Validate Pre-Requisites", "status": "Blocked", "messages": [{"messageHtml": "No virtual machine image was found for the plan contoso.", "level": "error", "timestamp": "2017-03-28T19:50:39.5506018Z"}]}]"#
        )
        let client = client(script([operation("running"), failed]))
        do {
            _ = try await client.waitForOperation(try await cancel(client), clock: TestClock()).result()
            Issue.record("the wait succeeded")
        } catch OperationWaitError<OfferOperation>.failed(let operation) {
            let step = try #require(operation.steps?.first)
            #expect(step.status == .blocked)
            #expect(step.messages?.first?.level == .error)
            #expect(step.messages?.first?.messageHTML == "No virtual machine image was found for the plan contoso.")
            let timestamp = try #require(step.messages?.first?.timestamp)
            #expect(abs(timestamp.timeIntervalSince1970 - 1_490_730_639.5506018) < 0.000_001)
        }
    }

    @Test func aCanceledOperationThrowsCanceled() async throws {
        let client = client(script([operation("Canceled")]))
        await #expect(throws: OperationWaitError<OfferOperation>.self) {
            _ = try await client.waitForOperation(try await cancel(client), clock: TestClock()).result()
        }
        do {
            _ = try await client.waitForOperation(PendingOperation(location: migrated), clock: TestClock()).result()
        } catch OperationWaitError<OfferOperation>.canceled(let operation) {
            #expect(operation.status == .canceled)
        }
    }

    @Test func retryAfterIsHonouredInSecondsAndAsADate() async throws {
        var running = operation("running")
        running.headerFields[.retryAfter] = "30"
        var dated = operation("running")
        dated.headerFields[.retryAfter] = "Wed, 21 Oct 2015 07:28:00 GMT"
        let client = client(script([running, dated, operation("succeeded")]))
        let clock = TestClock()
        _ = try await client.waitForOperation(try await cancel(client), clock: clock).result()
        // A date in the past asks for no wait, which the policy's minimum turns into one second: a wait never spins.
        #expect(clock.sleeps == [.seconds(30), .seconds(1)])
    }

    @Test func cancellingTheTaskEndsTheWaitAtOnce() async throws {
        let count = Counter()
        let transport = MockTransport { request in
            if request.request.method == .post { return .init(status: .accepted, headerFields: [.location: migrated]) }
            // The third reading cancels the waiting task, as a caller giving up would.
            if count.next() == 3 { withUnsafeCurrentTask { $0?.cancel() } }
            return operation("running")
        }
        let client = client(transport)
        let pending = try await cancel(client)
        let clock = TestClock()
        await #expect(throws: CancellationError.self) {
            try await Task { try await client.waitForOperation(pending, clock: clock).result() }.value
        }
        #expect(transport.requests.count == 4)
        #expect(clock.sleeps.count == 2)
    }

    @Test(.timeLimit(.minutes(1)))
    func cancellingTheTaskInterruptsARealSleep() async throws {
        let transport = MockTransport { request in
            if request.request.method == .post { return .init(status: .accepted, headerFields: [.location: migrated]) }
            withUnsafeCurrentTask { $0?.cancel() }
            return operation("running")
        }
        let client = client(transport)
        let pending = try await cancel(client)
        // An hour between readings, on the real clock: only cancellation can end this quickly.
        let policy = PollingPolicy(interval: .seconds(3600))
        let started = ContinuousClock.now
        await #expect(throws: CancellationError.self) {
            try await Task { try await client.waitForOperation(pending, policy: policy).result() }.value
        }
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func aTimeoutEndsTheWaitWithTheLastReading() async throws {
        let client = client(script([operation("running", #", "steps": []"#)]))
        let clock = TestClock()
        let policy = PollingPolicy(timeout: .seconds(20))
        do {
            _ = try await client.waitForOperation(try await cancel(client), policy: policy, clock: clock).result()
            Issue.record("the wait succeeded")
        } catch OperationWaitError<OfferOperation>.timedOut(let lastSeen) {
            #expect(lastSeen?.status == .running)
        }
        // 5 s and 10 s fit in 20 s; the next wait (20 s) would not, so the wait ends without sleeping it.
        #expect(clock.sleeps == [.seconds(5), .seconds(10)])
    }

    @Test func tooManyRequestsAndUnavailableInTheMiddleAreRetried() async throws {
        var throttled = MockTransport.Response(status: .tooManyRequests)
        throttled.headerFields[.retryAfter] = "2"
        let client = client(
            script([
                operation("running"), throttled, .init(status: .serviceUnavailable, body: "busy"),
                operation("succeeded"),
            ]))
        let clock = TestClock()
        var states: [OperationState] = []
        for try await progress in client.waitForOperation(try await cancel(client), clock: clock) {
            states.append(progress.state)
        }
        #expect(states == [.running, .succeeded])
        // Retry-After for the 429; then backoff: the interval doubled for the second failure in a row.
        #expect(clock.sleeps == [.seconds(5), .seconds(2), .seconds(10)])
    }

    @Test func failuresThatOutlastTheRetriesEndTheWait() async throws {
        let client = client(script([.init(status: .badGateway, body: "down")]))
        let policy = PollingPolicy(maximumRetries: 2)
        do {
            _ = try await client.waitForOperation(try await cancel(client), policy: policy, clock: TestClock()).result()
            Issue.record("the wait succeeded")
        } catch OperationWaitError<OfferOperation>.unexpectedStatus(let status, let body) {
            #expect(status == 502)
            #expect(body == Data("down".utf8))
        }
    }

    @Test func transportErrorsAreRetriedThenReported() async throws {
        struct Unreachable: Error {}
        let count = Counter()
        let transport = MockTransport { request in
            if request.request.method == .post { return .init(status: .accepted, headerFields: [.location: migrated]) }
            if count.next() <= 2 { throw Unreachable() }
            return operation("succeeded")
        }
        let client = client(transport)
        let clock = TestClock()
        let finished = try await client.waitForOperation(try await cancel(client), clock: clock).result()
        #expect(finished.status == .succeeded)
        #expect(clock.sleeps == [.seconds(5), .seconds(10)])
    }

    @Test func aMissingOperationIsAnUnexpectedStatusNotARetry() async throws {
        let transport = script([.init(status: .notFound, body: #"{"error": {"code": "NotFound"}}"#)])
        let client = client(transport)
        await #expect(throws: OperationWaitError<OfferOperation>.self) {
            _ = try await client.waitForOperation(try await cancel(client), clock: TestClock()).result()
        }
        #expect(transport.requests.count == 2)
    }

    @Test func unknownStatusesMeanStillRunning() async throws {
        let client = client(script([operation("archiving"), operation("succeeded")]))
        var readings: [OperationProgress<OfferOperation>] = []
        for try await progress in client.waitForOperation(try await cancel(client), clock: TestClock()) {
            readings.append(progress)
        }
        #expect(readings.map(\.state) == [.running, .succeeded])
        #expect(readings.first?.resource.status == .unrecognized("archiving"))
    }

    @Test func anOperationWrappedInAOneElementArrayIsRead() async throws {
        let wrapped = MockTransport.Response(
            status: .ok, body: #"[{"id": "56615b67", "status": "succeeded", "offerId": "contoso-offer"}]"#)
        let client = client(script([wrapped]))
        let finished = try await client.waitForOperation(try await cancel(client), clock: TestClock()).result()
        #expect(finished.offerID == "contoso-offer")
    }

    @Test func theNonMigratedFormIsFollowedAsWritten() async throws {
        let transport = script(location: nonMigrated, [operation("succeeded")])
        let client = client(transport)
        _ = try await client.waitForOperation(try await cancel(client), clock: TestClock()).result()
        #expect(transport.requests.last?.request.path == nonMigrated)
        #expect(transport.requests.last?.url?.absoluteString == "https://cloudpartner.azure.com" + nonMigrated)
    }

    @Test func anAbsoluteLocationOnTheServerIsFollowedAndOneElsewhereIsRefused() async throws {
        let transport = script([operation("succeeded")])
        let client = client(transport)
        let absolute = PendingOperation(location: "https://cloudpartner.azure.com" + migrated)
        _ = try await client.waitForOperation(absolute, clock: TestClock()).result()
        #expect(transport.requests.last?.request.path == migrated)
        let elsewhere = PendingOperation(location: "https://evil.example.com" + migrated)
        do {
            _ = try await client.waitForOperation(elsewhere, clock: TestClock()).result()
            Issue.record("followed a location on another server")
        } catch OperationWaitError<OfferOperation>.requestFailed(let error) {
            #expect(
                error.reason
                    == .invalidInput(
                        field: "location",
                        problem: "it is not a URL on the client's server, https://cloudpartner.azure.com"))
            #expect(!error.description.contains("secret-token"))
        }
        #expect(transport.requests.count == 1)
    }
}

@Suite struct ReadingAnOperation {
    @Test func onceByTheLocationOfA202() async throws {
        let transport = script([operation("running", #", "changedTime": "2018-03-26T21:46:01.179948Z""#)])
        let client = client(transport)
        let output = try await client.getOperation(try await cancel(client))
        guard case .ok(.offerOperation(let operation)) = output else {
            Issue.record("expected the operation, got \(output)")
            return
        }
        #expect(operation.status == .running)
        #expect(GetOperation.state(of: operation) == .running)
        #expect(transport.requests.last?.request.path == migrated)
    }

    @Test(arguments: [
        ("running", OperationStatus.running), ("Running", .running), ("not started", .notStarted),
        ("NotStarted", .notStarted), ("Succeeded", .succeeded), ("completed", .completed),
    ])
    func everyDocumentedSpellingOfAStatusMatches(spelling: String, status: OperationStatus) {
        #expect(OperationStatus(rawValue: spelling) == status)
    }

    @Test func statusesClassifyByTheDescriptionsTerminalValues() {
        func state(_ status: OperationStatus?) -> OperationState {
            GetOperation.state(of: OfferOperation(status: status))
        }
        #expect(state(.succeeded) == .succeeded)
        #expect(state(.completed) == .succeeded)
        #expect(state(.failed) == .failed)
        #expect(state(.canceled) == .canceled)
        #expect(state(.running) == .running)
        #expect(state(.notStarted) == .running)
        #expect(state(nil) == .running)
        #expect(state(.unrecognized("paused")) == .running)
    }

    @Test func anOperationWithEveryDocumentedFieldDecodes() throws {
        let json = #"""
            {"id": "56615b67-2185-49fe-80d2-c4ddf77bb2e8", "submissionType": "publish", "submissionState": "running",
             "status": "running", "cancellationRequestState": "canCancel", "offerId": "contoso-offer",
             "publisherId": "contoso", "offerTypeId": "microsoft-azure-virtualmachines", "offerVersion": 1,
             "publishingVersion": 2, "version": 636576975611768314, "slot": "Staging",
             "changedTime": "2018-03-26T21:46:01.179948Z", "createdDateTime": "2017-03-28T19:50:39.5506018Z",
             "lastActionDateTime": "2018-03-26T21:46:01Z", "error": null, "messages": [], "previewLinks": [],
             "liveLinks": [], "notificationEmails": "jondoe@contoso.com",
             "definition": {"metadata": {"emails": "jondoe@contoso.com"}},
             "steps": [{"id": "displaydummycertify", "stepName": "Certification", "description": "Certifies the offer.",
                        "status": "inProgress", "estimatedTimeFrame": "< 15 min", "processPercentage": 40,
                        "messages": []}]}
            """#
        guard
            case .ok(.offerOperation(let operation)) = try GetOperation.output(
                from: .init(status: .ok), body: Data(json.utf8))
        else {
            Issue.record("expected the operation")
            return
        }
        #expect(operation.version == 636_576_975_611_768_314)
        #expect(operation.slot == .staging)
        #expect(operation.publishingVersion == 2)
        #expect(operation.steps?.first?.status == .inProgress)
        #expect(operation.steps?.first?.processPercentage == 40)
        #expect(operation.steps?.first?.progressPercentage == nil)
        #expect(operation.createdDateTime != nil)
    }
}
