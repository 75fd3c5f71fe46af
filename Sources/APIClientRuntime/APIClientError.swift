import Foundation

/// Why an operation of a generated client failed.
///
/// Undocumented statuses are not errors: they arrive as values of the operation's output. An error means the request
/// could not be built or sent, or a documented response could not be read. No error's description contains the bearer
/// token.
public struct APIClientError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// A value the caller passed cannot be sent as the description requires; nothing was sent.
        case invalidInput(field: String, problem: String)
        /// The token provider threw; nothing was sent.
        case tokenUnavailable
        /// The token holds characters a header cannot carry, such as a line break; nothing was sent.
        case invalidToken
        /// The operation requires credentials the client was not given; nothing was sent.
        case missingCredentials
        /// The transport, or a middleware, threw.
        case transportFailed
        /// The response body was longer than the client reads.
        case responseBodyTooLarge(status: Int, limit: Int)
        /// A documented response body is not the JSON the description says.
        case undecodableBody(status: Int, body: Data)
        /// A documented response lacks a header the description marks as required.
        case missingHeader(name: String, status: Int)
        /// A documented response's header is not text of the type the description says.
        case invalidHeader(name: String, status: Int)
        /// A documented response's `Content-Type` is none of the media types the description lists for it.
        case unexpectedContentType(status: Int, contentType: String)
    }

    /// The `operationId` of the operation that failed.
    public var operationID: String
    /// What went wrong.
    public var reason: Reason
    /// The error that caused this one, if any.
    public var underlyingError: (any Error)?

    /// Creates an error.
    public init(operationID: String, reason: Reason, underlyingError: (any Error)? = nil) {
        self.operationID = operationID
        self.reason = reason
        self.underlyingError = underlyingError
    }

    /// A sentence naming the operation and what went wrong.
    public var description: String {
        var text = "\(operationID) failed: "
        switch reason {
        case .invalidInput(let field, let problem): text += "`\(field)` cannot be sent: \(problem)"
        case .tokenUnavailable: text += "the credentials could not be obtained"
        case .invalidToken: text += "the credentials contain characters that their place in the request cannot carry"
        case .missingCredentials:
            text += "the operation requires credentials that the client was not given; pass them when creating it"
        case .transportFailed: text += "the request could not be sent or its response received"
        case .responseBodyTooLarge(let status, let limit):
            text += "the body of the \(status) response is longer than \(limit) bytes"
        case .undecodableBody(let status, let body):
            text += "the body of the \(status) response (\(body.count) bytes) is not the documented JSON"
        case .missingHeader(let name, let status): text += "the \(status) response lacks its `\(name)` header"
        case .invalidHeader(let name, let status):
            text += "the `\(name)` header of the \(status) response is not of the documented type"
        case .unexpectedContentType(let status, let contentType):
            text += "the \(status) response's body is `\(contentType)`, which the description does not list for it"
        }
        if let underlyingError, case .tokenUnavailable = reason {
            // The provider's own error may echo secrets it handled; name its type only.
            text += " (\(type(of: underlyingError)))"
        } else if let underlyingError {
            text += " (\(underlyingError))"
        }
        return text + "."
    }
}

/// A value that cannot be sent as the description requires, thrown while a request is built.
public struct InvalidInput: Error, Sendable, CustomStringConvertible {
    /// The parameter or property, by its name in the description.
    public var field: String
    /// What is wrong with it.
    public var problem: String

    /// Creates the error.
    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    public var description: String { "`\(field)` cannot be sent: \(problem)" }
}
