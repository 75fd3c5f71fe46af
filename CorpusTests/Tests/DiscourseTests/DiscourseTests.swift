import APIClientTesting
import Discourse
import Foundation
import Testing

@Test func backupsAreListed() async throws {
    let transport = MockTransport(
        .init(
            status: .ok,
            body:
                #"[{"filename": "site-2026-12-01.tar.gz", "size": 4096, "last_modified": "2026-12-01T10:00:00.000Z"}]"#
        ))
    let client = Client(serverURL: URL(string: "https://forum.example.com")!, transport: transport)
    guard case .ok(let backups) = try await client.getBackups() else {
        Issue.record("expected the backups")
        return
    }
    #expect(backups.map(\.filename) == ["site-2026-12-01.tar.gz"])
    #expect(backups.first?.size == 4096)
    #expect(transport.requests.first?.url?.absoluteString == "https://forum.example.com/admin/backups.json")
}

@Test func anUploadTravelsAsMultipartWithTheFileBytes() async throws {
    let transport = MockTransport(.init(status: .ok, body: #"{"id": 7, "url": "/uploads/a.png"}"#))
    let client = Client(serverURL: URL(string: "https://forum.example.com")!, transport: transport)
    _ = try? await client.createUpload(
        body: .init(uploadType: .avatar, userID: 3, file: MultipartFile(Data("PNG!".utf8), filename: "a.png")))
    let request = try #require(transport.requests.first)
    let contentType = try #require(request.request.headerFields[.contentType])
    #expect(contentType.hasPrefix("multipart/form-data; boundary="))
    let body = String(decoding: try #require(request.body), as: UTF8.self)
    #expect(body.contains("name=\"upload_type\"\r\n\r\navatar\r\n"))
    #expect(body.contains("name=\"user_id\"\r\n\r\n3\r\n"))
    #expect(body.contains("filename=\"a.png\"\r\nContent-Type: application/octet-stream\r\n\r\nPNG!\r\n"))
}
