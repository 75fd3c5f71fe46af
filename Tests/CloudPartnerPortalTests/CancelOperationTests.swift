@_spi(Generated) import APIClientRuntime
import APIClientTesting
import CloudPartnerPortal
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

private let token = "secret-token-123"

private func client(
    _ transport: MockTransport, token provider: @escaping BearerTokenProvider = { token },
    middlewares: [any ClientMiddleware] = []
) -> Client {
    Client(transport: transport, middlewares: middlewares, token: provider)
}

private func respond(
    _ status: HTTPResponse.Status, headers: HTTPFields = [:], body: String? = nil
) -> MockTransport {
    MockTransport(.init(status: status, headerFields: headers, body: body.map { Data($0.utf8) }))
}

private func cancel(_ transport: MockTransport) async throws(APIClientError) -> CancelOperation.Output {
    try await client(transport).cancelOperation(
        publisherID: "contoso", offerID: "contoso-offer", notificationEmails: ["a@x.com", "b@y.com"])
}

@Suite struct TheRequest {
    @Test func isExactlyWhatThePortalDocuments() async throws {
        let transport = respond(.ok)
        _ = try await cancel(transport)
        let sent = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(sent.request.method == .post)
        #expect(sent.baseURL.absoluteString == "https://cloudpartner.azure.com")
        #expect(sent.url?.scheme == "https")
        #expect(sent.url?.host == "cloudpartner.azure.com")
        #expect(sent.request.path == "/api/publishers/contoso/offers/contoso-offer/cancel?api-version=2017-10-31")
        #expect(sent.request.headerFields[.contentType] == "application/json")
        #expect(sent.request.headerFields[.authorization] == "Bearer secret-token-123")
        #expect(sent.request.headerFields[.accept] == "application/json")
        #expect(sent.operationID == "cancelOperation")
        #expect(
            sent.body.map { String(decoding: $0, as: UTF8.self) }
                == #"{"metadata":{"notification-emails":"a@x.com,b@y.com"}}"#)
        #expect(sent.jsonBody == ["metadata": ["notification-emails": "a@x.com,b@y.com"]] as NSDictionary)
    }

    @Test func buildsWithoutATransport() async throws {
        let input = CancelOperation.Input(
            publisherID: "contoso", offerID: "o",
            body: CancelRequest(metadata: CancelMetadata(notificationEmails: ["a@x.com"])))
        let (request, body) = try CancelOperation.request(for: input)
        #expect(request.path == "/api/publishers/contoso/offers/o/cancel?api-version=2017-10-31")
        #expect(request.headerFields[.authorization] == nil)
        let bytes = try await Data(collecting: try #require(body), upTo: 1 << 10)
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"metadata":{"notification-emails":"a@x.com"}}"#)
    }

    @Test func usesTheServerTheCallerChooses() async throws {
        let transport = respond(.ok)
        let local = Client(
            serverURL: URL(string: "http://127.0.0.1:8080/base")!, transport: transport, token: { token })
        _ = try await local.cancelOperation(publisherID: "p", offerID: "o", notificationEmails: ["a@x.com"])
        #expect(
            transport.requests.first?.url?.absoluteString
                == "http://127.0.0.1:8080/base/api/publishers/p/offers/o/cancel?api-version=2017-10-31")
    }

    @Test(arguments: [
        ("a/b", "a%2Fb"),
        ("x?y#z", "x%3Fy%23z"),
        ("%2F", "%252F"),
        ("...", "..."),
        ("café ☕", "caf%C3%A9%20%E2%98%95"),
        ("a b+c&d=e", "a%20b%2Bc%26d%3De"),
    ])
    func encodesHostilePathParametersAsOneSegment(value: String, encoded: String) async throws {
        let transport = respond(.ok)
        _ = try await client(transport).cancelOperation(
            publisherID: value, offerID: value, notificationEmails: ["a@x.com"])
        #expect(
            transport.requests.first?.request.path
                == "/api/publishers/\(encoded)/offers/\(encoded)/cancel?api-version=2017-10-31")
    }

    @Test(arguments: ["..", ".", ""])
    func refusesPathParametersThatWouldMoveInThePath(value: String) async {
        let transport = respond(.ok)
        await #expect(throws: APIClientError.self) {
            _ = try await client(transport).cancelOperation(
                publisherID: value, offerID: "o", notificationEmails: ["a@x.com"])
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func namesTheFieldWhenAPathParameterIsRefused() async {
        do {
            _ = try await client(respond(.ok)).cancelOperation(
                publisherID: "..", offerID: "o", notificationEmails: ["a@x.com"])
            Issue.record("`..` was sent")
        } catch {
            #expect(
                error.description
                    == "cancelOperation failed: `publisherId` cannot be sent: `..` would move within the path instead of naming a resource."
            )
        }
    }

    @Test(arguments: [
        (["a@x.com,b@y.com"], "item 1 contains the separator `,`"),
        (["a@x.com", ""], "item 2 is empty"),
        (["a@x.com\r\nBcc: evil@z.com"], "item 1 contains a control character"),
        ([" a@x.com"], "item 1 begins or ends with white space"),
    ])
    func refusesAddressesThatWouldBreakTheCommaSeparatedList(emails: [String], problem: String) async {
        let transport = respond(.ok)
        do {
            _ = try await client(transport).cancelOperation(publisherID: "p", offerID: "o", notificationEmails: emails)
            Issue.record("\(emails) was sent")
        } catch {
            #expect(error.description == "cancelOperation failed: `notification-emails` cannot be sent: \(problem).")
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func fetchesTheTokenForEveryRequest() async throws {
        let counter = Counter()
        let transport = respond(.ok)
        let client = client(transport, token: { "token-\(counter.next())" })
        _ = try await client.cancelOperation(publisherID: "p", offerID: "o", notificationEmails: ["a@x.com"])
        _ = try await client.cancelOperation(publisherID: "p", offerID: "o", notificationEmails: ["a@x.com"])
        #expect(
            transport.requests.map { $0.request.headerFields[.authorization] } == ["Bearer token-1", "Bearer token-2"])
    }
}

@Suite struct TheResponse {
    @Test func okIsCancelledSynchronously() async throws {
        #expect(try await cancel(respond(.ok)) == .ok)
    }

    @Test func acceptedCarriesTheLocationOfAMigratedOffer() async throws {
        let raw =
            "/api/publishers/contoso/offers/contoso-offer/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31"
        let output = try await cancel(respond(.accepted, headers: [.location: raw]))
        guard case .accepted(let location?, nil) = output else {
            Issue.record("expected accepted, got \(output)")
            return
        }
        #expect(location.rawValue == raw)
        #expect(
            location.form
                == .migratedOffer(
                    publisherID: "contoso", offerID: "contoso-offer",
                    operationID: "56615b67-2185-49fe-80d2-c4ddf77bb2e8"))
        #expect(
            location.path
                == "/api/publishers/contoso/offers/contoso-offer/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8")
        #expect(
            location.url(relativeTo: Client.defaultServerURL)?.absoluteString == "https://cloudpartner.azure.com" + raw)
    }

    @Test func acceptedCarriesTheLocationOfANonMigratedOffer() async throws {
        let raw = "/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31"
        let output = try await cancel(respond(.accepted, headers: [.location: raw]))
        guard case .accepted(let location?, nil) = output else {
            Issue.record("expected accepted, got \(output)")
            return
        }
        #expect(location.form == .nonMigratedOffer(operationID: "contoso$contoso-offer$2$preview"))
        #expect(
            location.url(relativeTo: Client.defaultServerURL)?.absoluteString == "https://cloudpartner.azure.com" + raw)
    }

    @Test(arguments: [
        "/api/something/else",
        "/api/operations/",
        "/api/operations/a/b",
        "//evil.example.com/api/operations/x",
        "",
    ])
    func unknownLocationFormsAreKeptRaw(raw: String) async throws {
        let output = try await cancel(respond(.accepted, headers: [.location: raw]))
        guard case .accepted(let location?, nil) = output else {
            Issue.record("expected accepted, got \(output)")
            return
        }
        #expect(location.rawValue == raw)
        #expect(location.form == .unrecognized)
    }

    @Test func absoluteLocationsOnTheServerAreRecognisedAndResolve() {
        let raw =
            "https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-offer/operations/56615b67?api-version=2017-10-31"
        let location = OperationLocation(rawValue: raw)
        #expect(
            location.form == .migratedOffer(publisherID: "contoso", offerID: "contoso-offer", operationID: "56615b67"))
        #expect(location.path == "/api/publishers/contoso/offers/contoso-offer/operations/56615b67")
        let client = Client(transport: MockTransport { _ in .init(status: .ok) }, token: { "t" })
        #expect(location.url(relativeTo: client.serverURL)?.absoluteString == raw)
    }

    @Test func locationsOnAnotherHostDoNotResolve() {
        // The form is recognised wherever the URL points, but it never resolves to another server.
        let location = OperationLocation(rawValue: "https://evil.example.com/api/operations/x")
        #expect(location.form == .nonMigratedOffer(operationID: "x"))
        #expect(location.url(relativeTo: Client.defaultServerURL) == nil)
        #expect(
            OperationLocation(rawValue: "//evil.example.com/x").url(relativeTo: Client.defaultServerURL) == nil)
        #expect(OperationLocation(rawValue: "").url(relativeTo: Client.defaultServerURL) == nil)
    }

    @Test func acceptedWithTheOlderOperationLocationNamesTheOperationToo() async throws {
        let raw = "https://cloudpartner.azure.com/api/publishers/contoso/offers/o/operations/56615b67"
        let output = try await cancel(respond(.accepted, headers: [HTTPField.Name("Operation-Location")!: raw]))
        #expect(output == .accepted(location: nil, operationLocation: OperationLocation(rawValue: raw)))
        #expect(output.pendingOperation == PendingOperation(location: raw))
    }

    @Test func locationWinsOverOperationLocation() async throws {
        let output = try await cancel(
            respond(.accepted, headers: [.location: "/api/operations/a", HTTPField.Name("Operation-Location")!: "/b"]))
        #expect(output.pendingOperation?.location == "/api/operations/a")
    }

    @Test func acceptedWithoutALocationNamesNoOperation() async throws {
        let output = try await cancel(respond(.accepted))
        #expect(output == .accepted(location: nil, operationLocation: nil))
        #expect(output.pendingOperation == nil)
        #expect(try await cancel(respond(.ok)).pendingOperation == nil)
    }

    @Test func errorStatusesCarryTheDecodedErrorBody() async throws {
        let body = #"{"error":{"code":"BadArgument","message":"The offer is not valid."}}"#
        let expected = ErrorResponse(error: ErrorDetail(code: "BadArgument", message: "The offer is not valid."))
        #expect(try await cancel(respond(.badRequest, body: body)) == .badRequest(expected))
        #expect(try await cancel(respond(.forbidden, body: body)) == .forbidden(expected))
        #expect(try await cancel(respond(.notFound, body: body)) == .notFound(expected))
    }

    @Test func errorStatusesWithoutABodyCarryNil() async throws {
        #expect(try await cancel(respond(.badRequest)) == .badRequest(nil))
        #expect(try await cancel(respond(.forbidden, body: "")) == .forbidden(nil))
        #expect(try await cancel(respond(.notFound, body: "\n")) == .notFound(nil))
    }

    @Test func aMalformedErrorBodyIsAnErrorWithTheStatusAndTheBytes() async {
        do {
            let output = try await cancel(respond(.badRequest, body: "<html>oops</html>"))
            Issue.record("expected an error, got \(output)")
        } catch {
            guard case .undecodableBody(let status, let body) = error.reason else {
                Issue.record("unexpected reason \(error.reason)")
                return
            }
            #expect(status == 400)
            #expect(body == Data("<html>oops</html>".utf8))
            #expect(error.operationID == "cancelOperation")
        }
    }

    @Test(arguments: [201, 204, 301, 401, 409, 429, 500, 503])
    func undocumentedStatusesAreValues(code: Int) async throws {
        let output = try await cancel(respond(HTTPResponse.Status(code: code), body: "details"))
        #expect(output == .undocumented(status: code, body: Data("details".utf8)))
    }

    @Test func parsesWithoutATransport() throws {
        let output = try CancelOperation.output(from: HTTPResponse(status: .forbidden), body: Data())
        #expect(output == .forbidden(nil))
    }
}

@Suite struct Failures {
    struct TokenFailure: Error {}

    @Test func aThrowingTokenProviderSendsNothingAndNamesTheOperation() async {
        let transport = respond(.ok)
        do {
            _ = try await client(transport, token: { throw TokenFailure() }).cancelOperation(
                publisherID: "p", offerID: "o", notificationEmails: ["a@x.com"])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description == "cancelOperation failed: the credentials could not be obtained (TokenFailure).")
            #expect(error.underlyingError is TokenFailure)
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func aTokenWithALineBreakIsRefusedWithoutRevealingIt() async {
        let transport = respond(.ok)
        do {
            _ = try await client(transport, token: { "abc\r\nX-Injected: 1" }).cancelOperation(
                publisherID: "p", offerID: "o", notificationEmails: ["a@x.com"])
            Issue.record("expected an error")
        } catch {
            #expect(!error.description.contains("abc"))
            #expect(
                error.description
                    == "cancelOperation failed: the credentials contain characters that their place in the request cannot carry."
            )
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func transportErrorsAreWrappedWithTheOperation() async {
        struct Offline: Error {}
        let transport = MockTransport { _ in throw Offline() }
        do {
            _ = try await cancel(transport)
            Issue.record("expected an error")
        } catch {
            guard case .transportFailed = error.reason else {
                Issue.record("unexpected reason \(error.reason)")
                return
            }
            #expect(error.underlyingError is Offline)
            #expect(!error.description.contains(token))
        }
    }

    @Test func oversizedBodiesAreRefused() async {
        let transport = MockTransport(.init(status: .badRequest, body: Data(repeating: 0x20, count: 2048)))
        let small = Client(transport: transport, maxResponseBodyBytes: 1024, token: { token })
        do {
            _ = try await small.cancelOperation(publisherID: "p", offerID: "o", notificationEmails: ["a@x.com"])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description == "cancelOperation failed: the body of the 400 response is longer than 1024 bytes.")
        }
    }
}

@Suite struct Middlewares {
    struct Recorder: ClientMiddleware {
        let log: Log

        func intercept(
            _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
            next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
        ) async throws -> (HTTPResponse, HTTPBody?) {
            log.append(
                "\(operationID) → \(request.method) \(request.path ?? "") auth=\(request.headerFields[.authorization] ?? "none")"
            )
            let (response, responseBody) = try await next(request, body, baseURL)
            log.append("\(operationID) ← \(response.status.code)")
            return (response, responseBody)
        }
    }

    @Test func seeEachRequestAndResponseWithoutTheToken() async throws {
        let log = Log()
        let transport = respond(.ok)
        _ = try await client(transport, middlewares: [Recorder(log: log)]).cancelOperation(
            publisherID: "p", offerID: "o", notificationEmails: ["a@x.com"])
        #expect(
            log.entries == [
                "cancelOperation → POST /api/publishers/p/offers/o/cancel?api-version=2017-10-31 auth=none",
                "cancelOperation ← 200",
            ])
        #expect(transport.requests.first?.request.headerFields[.authorization] == "Bearer secret-token-123")
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    var entries: [String] { lock.withLock { storage } }

    func append(_ entry: String) { lock.withLock { storage.append(entry) } }
}

/// The generated writer of a request body writes what JSONEncoder writes, without the encoder.
@Test(arguments: [[], ["a@x.com"], ["a@x.com", "b@y.com", "quoted\"name@example.com"]])
func theCancelBodysWriterWritesWhatTheEncoderWrites(emails: [String]) throws {
    let body = CancelRequest(metadata: CancelMetadata(notificationEmails: emails))
    #expect(try JSONWriter.json(of: body) == JSONCoding.encode(body))
}
