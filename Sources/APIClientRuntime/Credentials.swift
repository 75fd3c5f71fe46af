import Foundation
import HTTPTypes

/// Returns a user name and password for HTTP basic authentication; called once for every request sent.
public typealias BasicCredentialsProvider = @Sendable () async throws -> BasicCredentials

/// Returns an API key; called once for every request sent, so that keys can rotate.
public typealias APIKeyProvider = @Sendable () async throws -> String

/// A user name and password. Its description never shows the password.
public struct BasicCredentials: Sendable, CustomStringConvertible {
    /// The user name.
    public var username: String
    /// The password.
    public var password: String

    /// Creates credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    public var description: String { "BasicCredentials(username: \(username), password: <redacted>)" }
}

/// One way a client can authenticate a request: the credentials of one security scheme of the description.
@_spi(Generated) public struct Credential: Sendable {
    /// Where an API key travels.
    public enum Placement: Sendable {
        /// A request header.
        case header
        /// An item of the query.
        case query
        /// A cookie.
        case cookie
    }

    enum Kind: Sendable {
        case bearer(BearerTokenProvider)
        case basic(BasicCredentialsProvider)
        case apiKey(name: String, placement: Placement, provider: APIKeyProvider)
    }

    let kind: Kind

    /// A token sent as `Authorization: Bearer …`, or nil without a provider.
    public static func bearer(_ provider: BearerTokenProvider?) -> Credential? {
        provider.map { Credential(kind: .bearer($0)) }
    }

    /// A user name and password sent as `Authorization: Basic …`, or nil without a provider.
    public static func basic(_ provider: BasicCredentialsProvider?) -> Credential? {
        provider.map { Credential(kind: .basic($0)) }
    }

    /// An API key sent in a header, query item or cookie of the given name, or nil without a provider.
    public static func apiKey(_ name: String, in placement: Placement, _ provider: APIKeyProvider?) -> Credential? {
        provider.map { Credential(kind: .apiKey(name: name, placement: placement, provider: $0)) }
    }

    /// Adds the credential to a request.
    @inline(__always) func apply(to request: inout HTTPRequest, operationID: String) async throws(APIClientError) {
        @inline(__always) func obtain<Value>(_ provider: @Sendable () async throws -> Value)
            async throws(APIClientError) -> Value
        {
            do {
                return try await provider()
            } catch {
                throw APIClientError(operationID: operationID, reason: .tokenUnavailable, underlyingError: error)
            }
        }
        func checked(_ value: String) throws(APIClientError) -> String {
            guard HeaderValue.isSafe(value), !value.isEmpty else {
                throw APIClientError(operationID: operationID, reason: .invalidToken)
            }
            return value
        }
        switch kind {
        case .bearer(let provider):
            request.headerFields.set(.authorization, "Bearer " + (try checked(await obtain(provider))))
        case .basic(let provider):
            let credentials = try await obtain(provider)
            guard !credentials.username.contains(":") else {
                throw APIClientError(operationID: operationID, reason: .invalidToken)
            }
            _ = try checked(credentials.username + credentials.password)
            let encoded = Data((credentials.username + ":" + credentials.password).utf8).base64EncodedString()
            request.headerFields.set(.authorization, "Basic " + encoded)
        case .apiKey(let name, let placement, let provider):
            let key = try checked(await obtain(provider))
            switch placement {
            case .header:
                guard let field = HTTPField.Name(name) else {
                    throw APIClientError(operationID: operationID, reason: .invalidToken)
                }
                request.headerFields.set(field, key)
            case .query:
                let path = request.path ?? ""
                request.path =
                    path + (path.contains("?") ? "&" : "?") + URIEncoding.queryComponent(name) + "="
                    + URIEncoding.queryComponent(key)
            case .cookie:
                let pair = name + "=" + URIEncoding.queryComponent(key)
                let existing = request.headerFields[.cookie]
                request.headerFields[.cookie] = existing.map { $0 + "; " + pair } ?? pair
            }
        }
    }

    /// Adds the credentials of the first requirement the caller can meet.
    @inline(__always) static func authorize(
        _ request: inout HTTPRequest, meeting requirements: SecurityRequirements, operationID: String
    ) async throws(APIClientError) {
        switch requirements.alternatives {
        case .none: return
        case .one(let credential):
            guard let credential else { throw APIClientError(operationID: operationID, reason: .missingCredentials) }
            try await credential.apply(to: &request, operationID: operationID)
        case .several(let alternatives):
            if let met = alternatives.first(where: { !$0.isEmpty && $0.allSatisfy { $0 != nil } }) {
                for credential in met { try await credential!.apply(to: &request, operationID: operationID) }
            } else if !alternatives.contains(where: \.isEmpty) {
                throw APIClientError(operationID: operationID, reason: .missingCredentials)
            }
        }
    }
}

/// An operation's alternative security requirements, each with the client's credentials it needs (nil where the
/// caller gave none).
///
/// Written as an array literal of the alternatives: `[]` when the operation sends none, `[[key], [token]]` for
/// either of two, `[[key, token]]` for both, and `[[token], []]` when the token is optional. The commonest case, one
/// credential that the operation requires, is `.only(token)`, which sends without making arrays.
@_spi(Generated) public struct SecurityRequirements: Sendable, ExpressibleByArrayLiteral {
    enum Alternatives: Sendable {
        case none
        case one(Credential?)
        case several([[Credential?]])
    }

    let alternatives: Alternatives

    /// One requirement of one credential.
    public static func only(_ credential: Credential?) -> SecurityRequirements {
        SecurityRequirements(alternatives: .one(credential))
    }

    private init(alternatives: Alternatives) {
        self.alternatives = alternatives
    }

    /// The alternatives; none means the operation sends no credentials, an empty one that credentials are optional.
    public init(arrayLiteral alternatives: [Credential?]...) {
        self.alternatives = alternatives.isEmpty ? .none : .several(alternatives)
    }
}
