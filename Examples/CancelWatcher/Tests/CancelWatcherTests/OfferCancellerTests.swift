import APIClientTesting
import CancelWatcher
import CloudPartnerPortal
import Foundation
import Testing

private func canceller(answering response: MockTransport.Response) -> (OfferCanceller, MockTransport) {
    let transport = MockTransport(response)
    return (OfferCanceller(client: Client(transport: transport, token: { "test-token" })), transport)
}

@Test func aSynchronousCancellationNeedsNoFollowUp() async throws {
    let (canceller, transport) = canceller(answering: .init(status: .ok))
    #expect(try await canceller.cancel(publisher: "contoso", offer: "contoso-offer", notify: ["a@x.com"]) == .cancelled)
    #expect(
        transport.requests.first?.request.path
            == "/api/publishers/contoso/offers/contoso-offer/cancel?api-version=2017-10-31")
}

@Test(arguments: [
    (
        "/api/publishers/contoso/offers/contoso-offer/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31",
        "56615b67-2185-49fe-80d2-c4ddf77bb2e8"
    ),
    ("/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31", "contoso$contoso-offer$2$preview"),
])
func anAcceptedCancellationKeepsTheOperationToPoll(location: String, operationID: String) async throws {
    let (canceller, _) = canceller(answering: .init(status: .accepted, headerFields: [.location: location]))
    let result = try await canceller.cancel(publisher: "contoso", offer: "contoso-offer", notify: ["a@x.com"])
    let pollURL = try #require(URL(string: "https://cloudpartner.azure.com" + location))
    #expect(result == .inProgress(pollURL: pollURL, operationID: operationID))
}

@Test func aRefusalCarriesThePortalsMessage() async throws {
    let (canceller, _) = canceller(
        answering: .init(status: .forbidden, body: #"{"error":{"message":"Not your offer."}}"#))
    #expect(
        try await canceller.cancel(publisher: "p", offer: "o", notify: ["a@x.com"])
            == .refused(reason: "Not your offer."))
}

@Test func aRefusalWithoutABodyHasADefaultReason() async throws {
    let (canceller, _) = canceller(answering: .init(status: .notFound))
    #expect(
        try await canceller.cancel(publisher: "p", offer: "o", notify: ["a@x.com"])
            == .refused(reason: "No such offer."))
}

@Test func anUndocumentedStatusIsUnexpected() async throws {
    let (canceller, _) = canceller(answering: .init(status: .serviceUnavailable))
    #expect(try await canceller.cancel(publisher: "p", offer: "o", notify: ["a@x.com"]) == .unexpected(status: 503))
}

@Test func aBadAddressIsCaughtBeforeAnythingIsSent() async {
    let (canceller, transport) = canceller(answering: .init(status: .ok))
    await #expect(throws: APIClientError.self) {
        _ = try await canceller.cancel(publisher: "p", offer: "o", notify: ["a@x.com,b@y.com"])
    }
    #expect(transport.requests.isEmpty)
}

@Test func theRequestIsInspectedWithOnlyTheTestingProductImported() async throws {
    let (canceller, transport) = canceller(answering: .init(status: .ok))
    _ = try await canceller.cancel(publisher: "contoso", offer: "contoso-offer", notify: ["a@x.com"])
    let request = try #require(transport.requests.first?.request)
    #expect(request.method == .post)
    #expect(request.headerFields[.contentType] == "application/json")
}

/// A transport that accepts the cancellation, then answers each read of the cancellation operation with the next
/// reading.
private func acceptingThenReading(_ readings: [String]) -> MockTransport {
    let location = "/api/publishers/contoso/offers/contoso-offer/operations/56615b67?api-version=2017-10-31"
    let remaining = Readings(readings)
    return MockTransport { request in
        if request.request.method == .post { return .init(status: .accepted, headerFields: [.location: location]) }
        return .init(status: .ok, body: remaining.next())
    }
}

private final class Readings: @unchecked Sendable {
    private let lock = NSLock()
    private var readings: [String]

    init(_ readings: [String]) { self.readings = readings }

    func next() -> String { lock.withLock { readings.count > 1 ? readings.removeFirst() : readings[0] } }
}

@Test func cancelThenWaitFollowsTheCancellationToItsEnd() async throws {
    let transport = acceptingThenReading([
        #"{"status": "running", "steps": [{"stepName": "Cancel", "progressPercentage": 50}]}"#,
        #"{"status": "Succeeded", "steps": [{"stepName": "Cancel", "progressPercentage": 100}]}"#,
    ])
    let canceller = OfferCanceller(client: Client(transport: transport, token: { "test-token" }))
    let clock = TestClock()
    var percentages: [Double] = []
    let result = try await canceller.cancelAndWait(
        publisher: "contoso", offer: "contoso-offer", notify: ["a@x.com"], clock: clock
    ) { operation in
        percentages += operation.steps?.compactMap(\.progressPercentage) ?? []
    }
    #expect(result == .cancelled)
    #expect(percentages == [50, 100])
    #expect(clock.sleeps == [.seconds(5)])
    #expect(transport.requests.map(\.request.method) == [.post, .get, .get])
}

@Test func aFailedCancellationIsRefusedWithThePortalsMessage() async throws {
    let transport = acceptingThenReading([
        #"{"status": "failed", "messages": [{"messageHtml": "The offer is locked.", "level": "error"}]}"#
    ])
    let canceller = OfferCanceller(client: Client(transport: transport, token: { "test-token" }))
    let result = try await canceller.cancelAndWait(
        publisher: "contoso", offer: "contoso-offer", notify: ["a@x.com"], clock: TestClock())
    #expect(result == .refused(reason: "The offer is locked."))
}
