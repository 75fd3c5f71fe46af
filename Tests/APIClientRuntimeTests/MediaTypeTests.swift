@_spi(Generated) import APIClientRuntime
import Foundation
import HTTPTypes
import OpenAPIRuntime
import Testing

// How a response's Content-Type picks among the media types documented for it, and how multipart parts refuse
// headers that would change the body's structure.

private func index(of contentType: String?, among documented: [String]) throws(APIClientError) -> Int {
    var fields = HTTPFields()
    if let contentType { fields[.contentType] = contentType }
    let reader = ResponseReader(
        operationID: "op", response: HTTPResponse(status: .ok, headerFields: fields), body: Data())
    return try reader.mediaTypeIndex(of: documented)
}

@Test func theMostSpecificDocumentedTypeWinsAndTiesGoToDocumentOrder() throws {
    let documented = ["*/*", "text/*", "application/*+json", "application/problem+json", "text/plain", "text/plain"]
    #expect(try index(of: "application/problem+json; charset=utf-8", among: documented) == 3)
    #expect(try index(of: "application/vnd.example+json", among: documented) == 2)
    #expect(try index(of: "TEXT/PLAIN", among: documented) == 4)
    #expect(try index(of: "text/html", among: documented) == 1)
    #expect(try index(of: "image/png", among: documented) == 0)
    #expect(try index(of: nil, among: documented) == 0)
}

@Test(arguments: ["", ";", "text", "/", "application/", "/json", ";;;charset=utf-8", "application/json/extra"])
func aContentTypeThatIsNoneOfTheDocumentedOnesIsAnErrorNamingIt(contentType: String) {
    do {
        _ = try index(of: contentType, among: ["application/json", "text/plain"])
        Issue.record("`\(contentType)` matched")
    } catch {
        #expect(error.reason == .unexpectedContentType(status: 200, contentType: contentType))
    }
}

@Test func aPartHeaderThatWouldChangeTheBodysStructureIsRefusedOrMadeHarmless() async throws {
    for name in ["Content-Type", "Content-Disposition"] {
        var form = MultipartForm(operationID: "op", boundary: "b")
        let file = MultipartFile(Data([1]), headers: [HTTPField.Name(name)!: "text/html"])
        #expect(throws: APIClientError.self) { try form.append("file", file: file) }
    }
    // HTTPTypes turns a line break in a field value into spaces, so no header can start a line of its own.
    var form = MultipartForm(operationID: "op", boundary: "b")
    let sneaky = MultipartFile(Data([1]), headers: [HTTPField.Name("X-Note")!: "a\r\nContent-Type: text/html"])
    try form.append("file", file: sneaky)
    let text = String(decoding: try await Data(collecting: form.body, upTo: 1 << 10), as: UTF8.self)
    #expect(!text.contains("\r\nContent-Type: text/html"))
    #expect(text.contains("\r\nContent-Type: application/octet-stream\r\nX-Note: a"))
}
