import CloudPartnerPortal
import Foundation
import OpenAPIURLSession
import Testing

/// Runs `body` with a client over URLSessionTransport to a portal stand-in on a loopback port, then stops the server.
private func withPortal(_ body: (Client, URL, PortalServer) async throws -> Void) async throws {
    let server = try PortalServer()
    let url = try await server.start()
    do {
        let client = Client(serverURL: url, transport: URLSessionTransport(), token: { PortalServer.token })
        try await body(client, url, server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

@Suite(.serialized) struct OverLoopback {
    @Test func okIsCancelledSynchronously() async throws {
        try await withPortal { client, _, server in
            let output = try await client.cancelOperation(
                publisherID: "contoso", offerID: "contoso-offer", notificationEmails: ["a@x.com", "b@y.com"])
            #expect(output == .ok)
            #expect(
                await server.receivedTargets() == [
                    "/api/publishers/contoso/offers/contoso-offer/cancel?api-version=2017-10-31"
                ])
        }
    }

    @Test(arguments: [
        (
            "migrated",
            OperationLocation.Form.migratedOffer(
                publisherID: "migrated", offerID: "o", operationID: "56615b67-2185-49fe-80d2-c4ddf77bb2e8")
        ),
        ("legacy", OperationLocation.Form.nonMigratedOffer(operationID: "contoso$contoso-offer$2$preview")),
    ])
    func acceptedCarriesTheLocationInEitherForm(publisher: String, form: OperationLocation.Form) async throws {
        try await withPortal { client, url, _ in
            let output = try await client.cancelOperation(
                publisherID: publisher, offerID: "o", notificationEmails: ["a@x.com"])
            guard case .accepted(let location?, nil) = output else {
                Issue.record("expected accepted, got \(output)")
                return
            }
            #expect(location.form == form)
            #expect(location.url(relativeTo: url)?.absoluteString == url.absoluteString + location.rawValue)
        }
    }

    @Test(arguments: ["migrated", "legacy"])
    func cancelThenWaitFollowsTheOperationAsTheServerAdvancesIt(publisher: String) async throws {
        try await withPortal { client, _, server in
            let output = try await client.cancelOperation(
                publisherID: publisher, offerID: "o", notificationEmails: ["a@x.com"])
            let pending = try #require(output.pendingOperation)
            // Real sleeps on the real clock, kept short: the server asks for none, and the policy's floor is 10 ms.
            let policy = PollingPolicy(interval: .milliseconds(10), minimumInterval: .milliseconds(10))
            var readings: [(OperationState, [Double])] = []
            for try await progress in client.waitForOperation(pending, policy: policy) {
                readings.append((progress.state, progress.resource.steps?.compactMap(\.progressPercentage) ?? []))
            }
            #expect(readings.map(\.0) == [.running, .running, .succeeded])
            #expect(readings.map(\.1) == [[50], [100, 0], [100, 100]])
            let targets = await server.receivedTargets()
            #expect(targets.count == 4)
            #expect(Set(targets.dropFirst()) == [pending.location])
        }
    }

    @Test func errorStatusesCarryTheirBodies() async throws {
        try await withPortal { client, _, _ in
            let bad = try await client.cancelOperation(
                publisherID: "bad", offerID: "o", notificationEmails: ["a@x.com"])
            #expect(
                bad
                    == .badRequest(
                        ErrorResponse(error: ErrorDetail(code: "BadArgument", message: "The offer is not valid."))))
            let forbidden = try await client.cancelOperation(
                publisherID: "forbidden", offerID: "o", notificationEmails: ["a@x.com"])
            #expect(
                forbidden == .forbidden(ErrorResponse(error: ErrorDetail(code: "Forbidden", message: "No access."))))
            let missing = try await client.cancelOperation(
                publisherID: "missing", offerID: "o", notificationEmails: ["a@x.com"])
            #expect(missing == .notFound(nil))
        }
    }

    @Test func undocumentedStatusesAreValues() async throws {
        try await withPortal { client, _, _ in
            let output = try await client.cancelOperation(
                publisherID: "teapot", offerID: "o", notificationEmails: ["a@x.com"])
            #expect(output == .undocumented(status: 418, body: Data("short and stout".utf8)))
        }
    }

    @Test func hostilePathParametersArriveAsSingleSegments() async throws {
        try await withPortal { client, _, server in
            let output = try await client.cancelOperation(
                publisherID: "a/b?c#d", offerID: "%2F é", notificationEmails: ["a@x.com"])
            #expect(output == .ok)
            #expect(
                await server.receivedTargets() == [
                    "/api/publishers/a%2Fb%3Fc%23d/offers/%252F%20%C3%A9/cancel?api-version=2017-10-31"
                ])
        }
    }

    @Test func theServerRejectsARequestWithoutTheRightToken() async throws {
        try await withPortal { _, url, _ in
            let client = Client(serverURL: url, transport: URLSessionTransport(), token: { "wrong" })
            let output = try await client.cancelOperation(
                publisherID: "contoso", offerID: "o", notificationEmails: ["a@x.com"])
            #expect(
                output
                    == .badRequest(
                        ErrorResponse(error: ErrorDetail(code: "RejectedByTestServer", message: "missing bearer token"))
                    ))
        }
    }
}
