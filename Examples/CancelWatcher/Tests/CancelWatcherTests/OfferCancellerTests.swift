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
