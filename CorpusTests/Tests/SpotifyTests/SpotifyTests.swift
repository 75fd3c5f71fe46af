import APIClientTesting
import Foundation
import Spotify
import Testing

@Test func anArtistIsFetchedWithTheBearerTokenAndDecodedWithUnknownValuesKept() async throws {
    let transport = MockTransport(
        .init(
            status: .ok, headerFields: [.contentType: "application/json"],
            body: #"""
                {"id": "0TnOYISbd1XYRBk9myaseg", "name": "Pitbull", "genres": ["dance pop"], "popularity": 80,
                 "type": "band", "followers": {"total": 10254, "href": null}, "a_key_spotify_added": [1, 2]}
                """#))
    let client = Client(transport: transport, token: { "spotify-token" })
    guard case .ok(let artist) = try await client.getAnArtist(id: "0TnOYISbd1XYRBk9myaseg") else {
        Issue.record("expected an artist")
        return
    }
    #expect(artist.name == "Pitbull")
    #expect(artist.genres == ["dance pop"])
    #expect(artist.followers?.total == 10254)
    #expect(artist.type == .unrecognized("band"))
    let request = try #require(transport.requests.first)
    #expect(request.request.method == .get)
    #expect(request.url?.absoluteString == "https://api.spotify.com/v1/artists/0TnOYISbd1XYRBk9myaseg")
    #expect(request.request.headerFields[.authorization] == "Bearer spotify-token")
}

@Test func savedAlbumsAreCheckedWithTheIDsInTheQuery() async throws {
    let transport = MockTransport(.init(status: .ok, body: "[true, false]"))
    let client = Client(transport: transport, token: { "t" })
    #expect(try await client.checkUsersSavedAlbums(ids: "a1,b2") == .ok([true, false]))
    #expect(transport.requests.first?.request.path == "/me/albums/contains?ids=a1%2Cb2")
}

@Test func anExpiredTokenIsADocumentedOutcomeWithItsMessage() async throws {
    let transport = MockTransport(
        .init(status: .unauthorized, body: #"{"error": {"status": 401, "message": "The access token expired"}}"#))
    let client = Client(transport: transport, token: { "t" })
    guard case .unauthorized(let body) = try await client.getAnArtist(id: "x") else {
        Issue.record("expected 401")
        return
    }
    #expect(body?.error.message == "The access token expired")
    #expect(body?.error.status == 401)
    // The shared response `Unauthorized` is one type, whichever operation answers with it.
    guard case .unauthorized(let other) = try await client.getAnAlbum(id: "x") else {
        Issue.record("expected 401")
        return
    }
    let bodies: [UnauthorizedResponse?] = [body, other]
    #expect(bodies[0] == bodies[1])
}
