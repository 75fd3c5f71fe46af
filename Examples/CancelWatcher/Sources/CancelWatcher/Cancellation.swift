import CloudPartnerPortal
import Foundation

/// What became of a request to cancel an offer's operation, in the terms the application acts on.
public enum CancellationResult: Equatable, Sendable {
    /// The operation is cancelled; nothing is left to do.
    case cancelled
    /// Cancelling takes a while: check on the operation at `pollURL` later.
    case inProgress(pollURL: URL, operationID: String?)
    /// The portal refused; `reason` is what it said, or a default sentence.
    case refused(reason: String)
    /// The portal answered in a way its documentation does not describe.
    case unexpected(status: Int)
}

/// Cancels the operation in progress on offers and records the operations left to poll.
public struct OfferCanceller: Sendable {
    private let client: Client
    private let serverURL: URL

    /// Creates a canceller over a configured client.
    public init(client: Client, serverURL: URL = Client.defaultServerURL) {
        self.client = client
        self.serverURL = serverURL
    }

    /// Cancels the operation in progress on an offer and notifies the given addresses of its progress.
    public func cancel(publisher: String, offer: String, notify emails: [String]) async throws(APIClientError)
        -> CancellationResult
    {
        switch try await client.cancelOperation(publisherID: publisher, offerID: offer, notificationEmails: emails) {
        case .ok:
            return .cancelled
        case .accepted(let location):
            guard let url = location.url(relativeTo: serverURL) else { return .unexpected(status: 202) }
            switch location.form {
            case .migratedOffer(_, _, let operationID), .nonMigratedOffer(let operationID):
                return .inProgress(pollURL: url, operationID: operationID)
            case .unrecognized:
                return .inProgress(pollURL: url, operationID: nil)
            }
        case .badRequest(let body):
            return .refused(reason: body?.error?.message ?? "The request was malformed.")
        case .forbidden(let body):
            return .refused(reason: body?.error?.message ?? "No access to this publisher.")
        case .notFound(let body):
            return .refused(reason: body?.error?.message ?? "No such offer.")
        case .undocumented(let status, _):
            return .unexpected(status: status)
        }
    }
}
