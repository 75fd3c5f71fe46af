import APIClientTesting
import CloudPartnerPortal
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

private let token = "hostile-secret-token"

private func send(_ response: MockTransport.Response, limit: Int = 8 << 20) async -> Result<
    CancelOperation.Output, APIClientError
> {
    let client = Client(transport: MockTransport(response), maxResponseBodyBytes: limit, token: { token })
    do {
        return .success(
            try await client.cancelOperation(publisherID: "p", offerID: "o", notificationEmails: ["a@x.com"]))
    } catch {
        return .failure(error)
    }
}

@Test func everyStatusFrom100To599IsAValueOrATypedError() async {
    let documented: Set<Int> = [200, 202, 400, 403, 404]
    for code in 100...599 {
        let result = await send(.init(status: .init(code: code), body: "not json"))
        switch (code, result) {
        case (200, .success(.ok)): continue
        case (202, .success(.accepted(location: nil, operationLocation: nil))): continue
        case (400...404, .failure(let error)) where documented.contains(code):
            guard case .undecodableBody(status: code, body: Data("not json".utf8)) = error.reason else {
                Issue.record("\(code): \(error)")
                continue
            }
        case (_, .success(.undocumented(status: code, body: Data("not json".utf8)))) where !documented.contains(code):
            continue
        default:
            Issue.record("\(code) gave \(result)")
        }
    }
}

@Test(arguments: [
    #"{"error": "a string, not an object"}"#,
    #"[1, 2, 3]"#,
    #"{"error": {"code": 12}}"#,
    #"{"#,
    "\u{FEFF}\u{0}",
])
func errorBodiesOfTheWrongShapeAreTypedErrorsWithTheBytes(body: String) async {
    let result = await send(.init(status: .badRequest, body: body))
    guard case .failure(let error) = result, case .undecodableBody(status: 400, let bytes) = error.reason else {
        Issue.record("\(body) gave \(result)")
        return
    }
    #expect(bytes == Data(body.utf8))
    #expect(!error.description.contains(token))
}

@Test func unknownPropertiesInAnErrorBodyAreIgnored() async {
    let result = await send(.init(status: .notFound, body: #"{"error": {"code": "X", "extra": [1]}, "more": true}"#))
    guard case .success(.notFound(let body)) = result else {
        Issue.record("gave \(result)")
        return
    }
    #expect(body?.error?.code == "X")
}

@Test func oversizedBodiesAreRefusedAtTheBound() async {
    let exactly = await send(.init(status: .init(code: 418), body: Data(repeating: 0x41, count: 4096)), limit: 4096)
    #expect((try? exactly.get()) == .undocumented(status: 418, body: Data(repeating: 0x41, count: 4096)))
    let over = await send(.init(status: .init(code: 418), body: Data(repeating: 0x41, count: 4097)), limit: 4096)
    guard case .failure(let error) = over, case .responseBodyTooLarge(status: 418, limit: 4096) = error.reason else {
        Issue.record("gave \(over)")
        return
    }
}

@Test func aStreamedBodyLongerThanTheBoundIsRefusedWithoutReadingItAll() async {
    struct Endless: AsyncSequence, Sendable {
        typealias Element = ArraySlice<UInt8>
        struct AsyncIterator: AsyncIteratorProtocol {
            mutating func next() async -> ArraySlice<UInt8>? { ArraySlice(repeating: 0x41, count: 1024) }
        }
        func makeAsyncIterator() -> AsyncIterator { AsyncIterator() }
    }
    struct StreamingTransport: ClientTransport {
        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
            HTTPResponse, HTTPBody?
        ) {
            (HTTPResponse(status: .ok), HTTPBody(Endless(), length: .unknown, iterationBehavior: .single))
        }
    }
    let client = Client(transport: StreamingTransport(), maxResponseBodyBytes: 64 << 10, token: { token })
    do {
        _ = try await client.cancelOperation(publisherID: "p", offerID: "o", notificationEmails: ["a@x.com"])
        Issue.record("an endless body was accepted")
    } catch {
        #expect(error.description == "cancelOperation failed: the body of the 200 response is longer than 65536 bytes.")
    }
}

@Test func aDeclaredLengthOverTheBoundIsRefusedBeforeReading() async {
    struct LyingTransport: ClientTransport {
        func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
            HTTPResponse, HTTPBody?
        ) {
            (HTTPResponse(status: .badRequest), HTTPBody(ArraySlice<UInt8>(), length: .known(1 << 40)))
        }
    }
    let client = Client(transport: LyingTransport(), maxResponseBodyBytes: 1024, token: { token })
    await #expect(throws: APIClientError.self) {
        _ = try await client.cancelOperation(publisherID: "p", offerID: "o", notificationEmails: ["a@x.com"])
    }
}

@Test(arguments: [
    "https://cloudpartner.azure.com/api/operations/x",
    "https://other.example.com/api/operations/x",
    "",
    "/api/operations/x\r\nSet-Cookie: a=b",
    "/api/operations/%ZZ",
    "/api/publishers/%2F/offers/o/operations/op",
    "javascript:alert(1)",
])
func hostileLocationsAreValuesNeverCrashes(raw: String) async {
    var fields = HTTPFields()
    fields.append(HTTPField(name: .location, lenientValue: Array(raw.utf8)))
    let result = await send(.init(status: .accepted, headerFields: fields))
    guard case .success(.accepted(let location?, nil)) = result else {
        Issue.record("gave \(result)")
        return
    }
    let url = location.url(relativeTo: Client.defaultServerURL)
    #expect(url == nil || url?.host == "cloudpartner.azure.com")
    if case .migratedOffer(let publisher, _, _) = location.form {
        #expect(publisher == "/")
    }
}

@Test func theTokenNeverAppearsInAnyErrorDescription() async {
    let responses: [MockTransport.Response] = [
        .init(status: .notFound, body: "<"), .init(status: .badRequest, body: "<"),
        .init(status: .ok, body: Data(count: 9000)),
    ]
    for response in responses {
        if case .failure(let error) = await send(response, limit: 8192) {
            #expect(!error.description.contains(token))
            #expect(!String(describing: error.reason).contains(token))
        } else {
            Issue.record("\(response.status) did not fail")
        }
    }
}
