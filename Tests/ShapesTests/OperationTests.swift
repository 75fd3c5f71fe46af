@_spi(Generated) import APIClientRuntime
import APIClientTesting
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Shapes
import Testing

// The requests the generated operations of Tests/Fixtures/shapes.yaml send, and the responses they read, against the
// mock transport.

private let total = HTTPField.Name("X-Total")!

private func recording(_ response: MockTransport.Response = .init(status: .ok, headerFields: [total: "0"], body: "[]"))
    -> MockTransport
{
    MockTransport(response)
}

private func text(_ data: Data?) -> String? {
    data.map { String(decoding: $0, as: UTF8.self) }
}

@Suite struct Parameters {
    @Test func arraysTravelInTheirStylesAndDefaultsAreSent() async throws {
        let transport = recording()
        let id = UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!
        _ = try await Client(transport: transport, apiKey: { "k" }).listPlants(
            tag: ["shade", "indoor plant"], ids: [1, 2], sizes: [.small, .unrecognized("xl")], xRequestID: id,
            session: "s1")
        let sent = try #require(transport.requests.first).request
        #expect(sent.path == "/plants?tag=shade&tag=indoor%20plant&ids=1,2&sizes=small%7Cxl&limit=20")
        #expect(sent.headerFields[HTTPField.Name("X-Request-Id")!] == "00000000-0000-0000-0000-00000000000A")
        #expect(sent.headerFields[.cookie] == "session=s1")
        #expect(sent.headerFields[.accept] == "application/json, application/problem+json")
    }

    @Test func objectsTravelAsDeepObjectsAndExplodedForms() async throws {
        let transport = recording()
        _ = try await Client(transport: transport, apiKey: { "k" }).listPlants(
            height: Range(min: 10, max: nil), near: ListPlants.Near(lat: 52.5, lon: 13.25))
        let sent = try #require(transport.requests.first).request
        #expect(sent.path == "/plants?limit=20&height[min]=10&lat=52.5&lon=13.25")
    }

    @Test func aMapTravelsAsItsEntriesInTheOrderOfTheirKeys() async throws {
        let transport = recording()
        _ = try await Client(transport: transport, apiKey: { "k" }).listPlants(
            labels: ["pot": "clay", "colour": "deep green"])
        #expect(try #require(transport.requests.first).request.path == "/plants?limit=20&colour=deep%20green&pot=clay")
    }

    @Test func valuesWithoutATextFormTravelAsJSONTextAndListsInsideObjectsJoinedByCommas() async throws {
        let transport = recording()
        _ = try await Client(transport: transport, apiKey: { "k" }).listPlants(
            limit: nil,
            filter: ListPlants.Filter(kind: "fern", colors: ["green", "red"], height: Range(min: 5)),
            extra: ["shade": "full", "pots": 2],
            spots: [ListPlants.SpotsItem(row: 1, bed: "a")],
            quantity: .string(.many))
        let sent = try #require(transport.requests.first).request
        #expect(
            sent.path
                == "/plants?filter[kind]=fern&filter[colors]=green%2Cred&filter[height]=%7B%22min%22%3A5%7D&pots=2&shade=full"
                + "&spots=%7B%22bed%22%3A%22a%22%2C%22row%22%3A1%7D&quantity=many")
    }

    @Test func aParameterDescribedAsJSONTravelsAsJSONText() async throws {
        let transport = recording()
        _ = try await Client(transport: transport, apiKey: { "k" }).listPlants(
            where: ListPlants.Where(light: "shade", minHeight: 10))
        let sent = try #require(transport.requests.first).request
        #expect(sent.path == "/plants?limit=20&where=%7B%22light%22%3A%22shade%22%2C%22minHeight%22%3A10%7D")
    }

    @Test func absentOptionalParametersAreLeftOut() async throws {
        let transport = recording()
        _ = try await Client(transport: transport, apiKey: { "k" }).listPlants(limit: nil)
        let sent = try #require(transport.requests.first).request
        #expect(sent.path == "/plants")
        #expect(sent.headerFields[.cookie] == nil)
    }

    @Test func anExplodedMatrixPathRepeatsTheName() async throws {
        let transport = recording(.init(status: .ok, headerFields: [.contentType: "text/plain"], body: "Water weekly."))
        let output = try await Client(transport: transport, apiKey: { "k" }).getCare(plantIDs: ["fern", "a/b"])
        #expect(try #require(transport.requests.first).request.path == "/plants/;plantIds=fern;plantIds=a%2Fb/care")
        #expect(output == .ok("Water weekly."))
    }
}

@Suite struct StatusRanges {
    @Test(arguments: [(422, "Too dry."), (404, "No such plant.")])
    func aCodeOfADocumentedClassIsItsCaseWithTheStatus(status: Int, title: String) async throws {
        let transport = recording(.init(status: .init(code: status), body: #"{"title": "\#(title)"}"#))
        let output = try await Client(transport: transport, apiKey: { "k" }).getCare(plantIDs: ["fern"])
        #expect(output == .clientError(status: status, body: Problem(title: title)))
    }

    @Test func aServerErrorCarriesItsStatusAndAnExactCodeWinsOverItsClass() async throws {
        let failing = recording(.init(status: .serviceUnavailable))
        #expect(
            try await Client(transport: failing, apiKey: { "k" }).getCare(plantIDs: ["a"]) == .serverError(status: 503))
        let ok = recording(.init(status: .ok, headerFields: [.contentType: "text/plain"], body: "Shade."))
        #expect(try await Client(transport: ok, apiKey: { "k" }).getCare(plantIDs: ["a"]) == .ok("Shade."))
    }

    @Test func aStatusOfAnUndocumentedClassIsUndocumented() async throws {
        let transport = recording(.init(status: .movedPermanently))
        #expect(
            try await Client(transport: transport, apiKey: { "k" }).getCare(plantIDs: ["a"])
                == .undocumented(status: 301, body: Data()))
    }
}

@Suite struct ResponseHeaders {
    @Test func areTypedAndRequiredOnesAreChecked() async throws {
        let transport = recording(
            .init(
                status: .ok, headerFields: [total: "42", HTTPField.Name("X-Next")!: "https://nursery.example.com/p2"],
                body: "[]"))
        let output = try await Client(transport: transport, apiKey: { "k" }).listPlants()
        #expect(output == .ok(xTotal: 42, xNext: URL(string: "https://nursery.example.com/p2"), body: []))
    }

    @Test func aRequiredHeaderThatIsNotANumberIsAnError() async {
        let transport = recording(.init(status: .ok, headerFields: [total: "many"], body: "[]"))
        await #expect(throws: APIClientError.self) {
            try await Client(transport: transport, apiKey: { "k" }).listPlants()
        }
    }

    /// A shared response's body is one type, read the same through every operation that uses the response: its
    /// generated reader, and the decoder where the reader is unsure (a key written twice).
    @Test func aSharedResponsesBodyIsOneTypeReadThroughEveryOperation() async throws {
        let bodies = [
            #"{"retryAfter": 30, "reason": "sold out", "extra": [1]}"#,
            #"{"reason": "x", "reason": "sold out", "retryAfter": 30}"#,
        ]
        for body in bodies {
            let response = MockTransport.Response(
                status: .conflict, headerFields: [.contentType: "application/json"], body: body)
            let client = Client(transport: recording(response), apiKey: { "k" })
            let order = try await client.placeOrder(body: .init(plant: "fern", quantity: 1))
            let imported = try await client.importPlants(body: .csv("name\nfern\n"))
            guard case .conflict(let fromOrder) = order, case .conflict(let fromImport) = imported else {
                throw Unexpected()
            }
            let decoded = try JSONCoding.decode(ConflictResponse.self, from: Data(body.utf8))
            #expect(fromOrder == decoded)
            #expect(fromImport == decoded)
        }
        #expect(
            JSONReader.read(ConflictResponse.self, from: Data(bodies[0].utf8))
                == ConflictResponse(reason: "sold out", retryAfter: 30))
        let missing = MockTransport.Response(
            status: .conflict, headerFields: [.contentType: "application/json"], body: #"{"retryAfter": 30}"#)
        await #expect(throws: APIClientError.self) {
            try await Client(transport: recording(missing), apiKey: { "k" }).importPlants(body: .csv("a"))
        }
    }

    @Test func aProblemBodyIsDecodedFromItsOwnMediaType() async throws {
        let transport = recording(
            .init(
                status: .badRequest, headerFields: [.contentType: "application/problem+json"],
                body: #"{"title": "No such size", "status": 400}"#))
        let output = try await Client(transport: transport, apiKey: { "k" }).listPlants()
        #expect(output == .badRequest(Problem(title: "No such size", status: 400)))
    }
}

@Suite struct Bodies {
    @Test func aFormBodyIsURLEncoded() async throws {
        let transport = recording(
            .init(
                status: .created, headerFields: [.location: "/orders/7"],
                body: #"{"id": "0F5F1B2A-9C1D-4E8B-A7F3-2B6C1D0E9F84", "status": "placed", "quantity": 2}"#))
        let output = try await Client(transport: transport, apiKey: { "k" }).placeOrder(
            body: .init(plant: "maidenhair fern & co", quantity: 2, gift: true))
        let sent = try #require(transport.requests.first)
        #expect(sent.request.headerFields[.contentType] == "application/x-www-form-urlencoded")
        #expect(text(sent.body) == "plant=maidenhair+fern+%26+co&quantity=2&gift=true")
        guard case .created(let location, let order) = output else { throw Unexpected() }
        #expect(location == "/orders/7")
        #expect(order.quantity == .integer(2))
    }

    @Test func aFormWritesArraysAndObjectsInTheStylesItsEncodingGives() async throws {
        let transport = recording(
            .init(
                status: .created, headerFields: [.location: "/orders/8"],
                body: #"{"id": "0F5F1B2A-9C1D-4E8B-A7F3-2B6C1D0E9F84", "status": "placed", "quantity": "some"}"#))
        _ = try await Client(transport: transport, apiKey: { "k" }).placeOrder(
            body: .init(
                plant: "fern", quantity: 1, colors: ["red", "dark green"],
                wrapping: .init(paper: "kraft & co", ribbon: true)))
        let sent = try #require(transport.requests.first)
        #expect(
            text(sent.body)
                == "plant=fern&quantity=1&colors=red%7Cdark+green&wrapping[paper]=kraft+%26+co&wrapping[ribbon]=true"
        )
    }

    @Test func aMultipartBodyCarriesEachPartWithItsMediaTypeAndTheFileBytesAsTheyAre() async throws {
        let transport = recording(.init(status: .noContent))
        let picture = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF])
        let output = try await Client(transport: transport, bearer: { "t" }).uploadPicture(
            plantID: 12,
            body: .init(
                caption: "In bloom",
                picture: MultipartFile(
                    picture, filename: "bloom.png", headers: [HTTPField.Name("X-Picture-Taken")!: "May"]),
                tags: ["fern", "shade"], details: .init(camera: "old"),
                thumbnails: [MultipartFile(Data([1, 2]), filename: "small.jpg", contentType: "image/jpeg")]))
        #expect(output == .noContent)
        let sent = try #require(transport.requests.first)
        #expect(sent.request.path == "/plants/12/picture")
        let contentType = try #require(sent.request.headerFields[.contentType])
        #expect(contentType.hasPrefix("multipart/form-data; boundary="))
        let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
        let body = try #require(sent.body)
        func part(_ name: String, _ bytes: Data, head: String = "") -> Data {
            Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\(head)\r\n\r\n".utf8) + bytes
                + Data("\r\n".utf8)
        }
        // A text part goes without a `Content-Type`, which makes it `text/plain` (RFC 7578); the picture takes the
        // media type its encoding documents, a thumbnail the one its file names.
        var expected = part("caption", Data("In bloom".utf8))
        expected += part(
            "picture", picture, head: "; filename=\"bloom.png\"\r\nContent-Type: image/png\r\nX-Picture-Taken: May")
        expected += part("tags", Data("fern".utf8)) + part("tags", Data("shade".utf8))
        expected += part("details", Data(#"{"camera":"old"}"#.utf8), head: "\r\nContent-Type: application/json")
        expected += part("thumbnails", Data([1, 2]), head: "; filename=\"small.jpg\"\r\nContent-Type: image/jpeg")
        expected += Data("--\(boundary)--\r\n".utf8)
        #expect(body == expected, "\(text(body) ?? "")")
    }

    @Test func aMultipartFileIsReadAsTheRequestIsSentNotBeforehand() async throws {
        let (stream, continuation) = AsyncStream<ArraySlice<UInt8>>.makeStream()
        let file = HTTPBody(stream, length: .unknown, iterationBehavior: .single)
        let (request, body) = try UploadPicture.request(
            for: .init(plantID: 1, body: .init(picture: MultipartFile(file, filename: "live.png"))))
        let sent = try #require(body)
        // Nothing of the file has been read yet: the form's length is unknown and it can be read once, like the file.
        #expect(sent.length == .unknown)
        #expect(sent.iterationBehavior == .single)
        continuation.yield([1, 2, 3])
        continuation.yield([4])
        continuation.finish()
        let bytes = try await Data(collecting: sent, upTo: 1 << 20)
        #expect(request.headerFields[.contentType]?.hasPrefix("multipart/form-data") == true)
        #expect(text(bytes)?.contains("Content-Type: image/png\r\n\r\n\u{1}\u{2}\u{3}\u{4}\r\n") == true)
    }

    @Test func aBodyOfSeveralMediaTypesIsSentInTheOneTheCallerPicks() async throws {
        let transport = recording(
            .init(status: .ok, headerFields: [.contentType: "application/json"], body: #"{"imported": 2}"#))
        let client = Client(transport: transport, apiKey: { "k" })
        let json = try await client.importPlants(body: .json([Named(name: "fern"), Named(name: "moss")]))
        _ = try await client.importPlants(body: .csv("name\nfern\n"))
        let (stream, continuation) = AsyncStream<ArraySlice<UInt8>>.makeStream()
        continuation.yield([0x50, 0x4B])
        continuation.finish()
        _ = try await client.importPlants(body: .binary(HTTPBody(stream, length: .unknown, iterationBehavior: .single)))
        #expect(json == .ok(.json(.init(imported: 2))))
        let sent = transport.requests
        #expect(
            sent.map { $0.request.headerFields[.contentType] } == [
                "application/json", "text/csv", "application/octet-stream",
            ])
        #expect(text(sent[0].body) == #"[{"name":"fern"},{"name":"moss"}]"#)
        #expect(text(sent[1].body) == "name\nfern\n")
        #expect(sent[2].body == Data([0x50, 0x4B]))
        #expect(
            sent[0].request.headerFields[.accept] == "application/json, text/plain, application/problem+json, text/*")
    }

    @Test func aStreamedUploadReachesTheTransportUnread() async throws {
        let (stream, continuation) = AsyncStream<ArraySlice<UInt8>>.makeStream()
        let upload = HTTPBody(stream, length: .known(3), iterationBehavior: .single)
        let (_, body) = try ImportPlants.request(for: .init(body: .binary(upload)))
        #expect(body === upload)
        continuation.finish()
    }

    @Test func aResponseOfSeveralMediaTypesIsReadByItsContentType() async throws {
        func answer(_ status: HTTPResponse.Status, _ contentType: String?, _ body: String) async throws
            -> ImportPlants.Output
        {
            var fields = HTTPFields()
            if let contentType { fields[.contentType] = contentType }
            let transport = recording(.init(status: status, headerFields: fields, body: body))
            return try await Client(transport: transport, apiKey: { "k" }).importPlants(body: .csv(""))
        }
        #expect(
            try await answer(.ok, "application/json; charset=utf-8", #"{"imported": 3}"#)
                == .ok(.json(.init(imported: 3))))
        #expect(try await answer(.ok, "TEXT/PLAIN; charset=utf-8", "3 plants") == .ok(.plainText("3 plants")))
        // Without a `Content-Type`, the first documented media type is read.
        #expect(try await answer(.ok, nil, #"{"imported": 0}"#) == .ok(.json(.init(imported: 0))))
        #expect(
            try await answer(.badRequest, "application/problem+json", #"{"title": "Bad row"}"#)
                == .badRequest(.problemJSON(Problem(title: "Bad row"))))
        // `text/*` covers any text; an empty error body is no body.
        #expect(try await answer(.badRequest, "text/html", "<p>Bad row</p>") == .badRequest(.text("<p>Bad row</p>")))
        #expect(try await answer(.badRequest, "text/html", "") == .badRequest(nil))
        do {
            _ = try await answer(.ok, "application/xml", "<imported>3</imported>")
            Issue.record("read a media type the description does not list")
        } catch let error as APIClientError {
            #expect(error.reason == .unexpectedContentType(status: 200, contentType: "application/xml"))
        }
    }

    @Test func rawBytesAreTheResponseHandedOverAsAStream() async throws {
        let bytes = Data([1, 2, 3, 0, 255])
        let transport = recording(.init(status: .ok, headerFields: [.contentType: "image/jpeg"], body: bytes))
        guard case .ok(.jpeg(let body)) = try await Client(transport: transport).getPicture(plantID: 3) else {
            Issue.record("expected the picture")
            return
        }
        #expect(try await Data(collecting: body, upTo: 100) == bytes)
        #expect(try #require(transport.requests.first).request.headerFields[.accept] == "image/png, image/jpeg")
    }

    @Test func anEventStreamIsASequenceOfEventsReadAsTheyArrive() async throws {
        let transport = recording(
            .init(
                status: .ok, headerFields: [.contentType: "text/event-stream"],
                body: "event: added\ndata: fern\n\nevent: sold\ndata: cactus\n\n"))
        guard case .ok(let events) = try await Client(transport: transport, apiKey: { "k" }).watchPlants() else {
            Issue.record("expected events")
            return
        }
        var received: [ServerSentEvent] = []
        for try await event in events { received.append(event) }
        #expect(
            received == [ServerSentEvent(event: "added", data: "fern"), ServerSentEvent(event: "sold", data: "cactus")])
        #expect(transport.requests.first?.request.headerFields[.accept] == "text/event-stream")
    }

    @Test func jsonLinesAreASequenceOfDecodedValues() async throws {
        let transport = recording(
            .init(
                status: .ok, headerFields: [.contentType: "application/x-ndjson"],
                body: "{\"name\": \"fern\", \"planted\": \"2026-03-01T08:00:00Z\"}\n{\"name\": \"cactus\"}\n"))
        guard case .ok(let lines) = try await Client(transport: transport, apiKey: { "k" }).exportPlants() else {
            Issue.record("expected lines")
            return
        }
        var plants: [ExportPlants.OkItem] = []
        for try await plant in lines { plants.append(plant) }
        #expect(plants.map(\.name) == ["fern", "cactus"])
        #expect(plants.first?.planted == Date(timeIntervalSince1970: 1_772_352_000))
    }

    @Test func aDownloadLargerThanTheBoundedReadStreamsWhileOtherBodiesStayBounded() async throws {
        // 9 MiB in 64 KiB chunks, past the 8 MiB that the client reads whole.
        let chunk = [UInt8](repeating: 7, count: 64 << 10)
        let streaming = StreamingTransport(chunks: 144, chunk: chunk)
        guard case .ok(.png(let body)) = try await Client(transport: streaming).getPicture(plantID: 3) else {
            Issue.record("expected the picture")
            return
        }
        var total = 0
        for try await part in body { total += part.count }
        #expect(total == 9 << 20)
        // A body the client reads whole (an undocumented status) is still bounded.
        let large = StreamingTransport(chunks: 144, chunk: chunk, status: .notFound)
        await #expect(throws: APIClientError.self) { _ = try await Client(transport: large).getPicture(plantID: 3) }
    }

    @Test func aServerIsChosenAmongTheDescribedOnesWithItsVariables() async throws {
        let transport = recording()
        _ = try await Client(server: .regional(region: .us), transport: transport, apiKey: { "k" }).listPlants()
        _ = try await Client(server: .regional(), transport: transport, apiKey: { "k" }).listPlants()
        _ = try await Client(server: .main, transport: transport, apiKey: { "k" }).listPlants()
        #expect(
            transport.requests.map(\.baseURL.absoluteString) == [
                "https://us.nursery.example.com/v2", "https://eu.nursery.example.com/v2",
                "https://nursery.example.com/v2",
            ])
        #expect(Client.Server.Region.allCases == [.eu, .us, .ap])
    }

    @Test func anOperationWithItsOwnServerIsSentThere() async throws {
        let pictures = recording(.init(status: .ok, body: Data([1])))
        _ = try await Client(transport: pictures).getPicture(plantID: 3)
        #expect(pictures.requests.first?.url?.absoluteString == "https://images.nursery.example.com/plants/3/picture")
        let plants = recording()
        _ = try await Client(transport: plants, apiKey: { "k" }).listPlants()
        #expect(plants.requests.first?.url?.absoluteString == "https://nursery.example.com/v2/plants?limit=20")
    }
}

@Suite struct Security {
    @Test func anAPIKeyTravelsInItsHeader() async throws {
        let transport = recording()
        _ = try await Client(transport: transport, apiKey: { "key-1" }).listPlants()
        let sent = try #require(transport.requests.first).request
        #expect(sent.headerFields[HTTPField.Name("X-API-Key")!] == "key-1")
        #expect(sent.headerFields[.authorization] == nil)
    }

    @Test func theCallersCredentialsChooseAmongAlternativeRequirements() async throws {
        let transport = recording()
        _ = try await Client(transport: transport, bearer: { "token-1" }).listPlants()
        let sent = try #require(transport.requests.first).request
        #expect(sent.headerFields[.authorization] == "Bearer token-1")
        #expect(sent.headerFields[HTTPField.Name("X-API-Key")!] == nil)
    }

    @Test func anOperationOverridesTheRequirementAndSecurityNoneSendsNoCredentials() async throws {
        let transport = recording(.init(status: .noContent))
        let client = Client(transport: transport, apiKey: { "key-1" }, bearer: { "token-1" })
        _ = try await client.uploadPicture(plantID: 1, body: .init(picture: MultipartFile(Data())))
        _ = try? await client.getPicture(plantID: 1)
        let (upload, download) = (transport.requests[0].request, transport.requests[1].request)
        #expect(upload.headerFields[.authorization] == "Bearer token-1")
        #expect(upload.headerFields[HTTPField.Name("X-API-Key")!] == nil)
        #expect(download.headerFields[.authorization] == nil)
        #expect(download.headerFields[HTTPField.Name("X-API-Key")!] == nil)
    }

    @Test func withoutTheCredentialsAnOperationNeedsNothingIsSentAndNothingLeaks() async throws {
        let transport = recording()
        do {
            _ = try await Client(transport: transport).listPlants()
            Issue.record("sent without credentials")
        } catch {
            #expect(error.description.hasPrefix("listPlants failed"), "\(error)")
        }
        // An operation that needs exactly one credential, which the caller did not give.
        await #expect(throws: APIClientError.self) {
            try await Client(transport: transport, apiKey: { "key-1" }).uploadPicture(
                plantID: 1, body: .init(picture: MultipartFile(Data())))
        }
        #expect(transport.requests.isEmpty)
    }
}

private struct Unexpected: Error {}

/// A transport that answers with a body it produces chunk by chunk, of unknown length, as a large download arrives.
private struct StreamingTransport: ClientTransport {
    var chunks: Int
    var chunk: [UInt8]
    var status: HTTPResponse.Status = .ok

    func send(_ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String) async throws -> (
        HTTPResponse, HTTPBody?
    ) {
        let (stream, continuation) = AsyncStream<ArraySlice<UInt8>>.makeStream()
        for _ in 0..<chunks { continuation.yield(chunk[...]) }
        continuation.finish()
        return (HTTPResponse(status: status), HTTPBody(stream, length: .unknown, iterationBehavior: .single))
    }
}

/// A type that a request body holds writes its own JSON, the same as JSONEncoder's, also under a key that JSON must
/// escape, whose text the generator wrote.
@Test func aRequestBodysTypeWritesWhatTheEncoderWrites() throws {
    for named in [
        Named(name: "fern"), Named(name: "moss", aliases: ["Bryophyta", "a/b \"c\""]), Named(name: "", aliases: []),
        Named(name: "ivy", sayHiAndOrCafX: "\u{1}\"\\"),
    ] {
        #expect(try JSONWriter.json(of: named) == JSONCoding.encode(named))
    }
}
