import APIClientTesting
import Foundation
import Museum
import Testing

@Test func museumHoursAreAskedFromADateWithBasicCredentials() async throws {
    let transport = MockTransport(
        .init(
            status: .ok,
            body: #"[{"date": "2026-12-24", "timeOpen": "09:00", "timeClose": "13:00"}]"#))
    let client = Client(transport: transport, credentials: { BasicCredentials(username: "ada", password: "pw") })
    let output = try await client.getMuseumHours(startDate: CalendarDate("2026-12-24"), limit: 5)
    guard case .ok(let hours) = output else {
        Issue.record("expected the hours")
        return
    }
    #expect(hours.first?.date == CalendarDate("2026-12-24"))
    #expect(hours.first?.timeClose == "13:00")
    let request = try #require(transport.requests.first)
    #expect(request.request.path == "/museum-hours?startDate=2026-12-24&page=1&limit=5")
    #expect(request.request.headerFields[.authorization] == "Basic YWRhOnB3")
}

@Test func aBadRequestCarriesTheProblem() async throws {
    let transport = MockTransport(
        .init(status: .badRequest, body: #"{"type": "object", "title": "Validation failed"}"#))
    let client = Client(transport: transport, credentials: { BasicCredentials(username: "ada", password: "pw") })
    guard case .badRequest(let problem) = try await client.getMuseumHours() else {
        Issue.record("expected 400")
        return
    }
    #expect(problem?.title == "Validation failed")
}
