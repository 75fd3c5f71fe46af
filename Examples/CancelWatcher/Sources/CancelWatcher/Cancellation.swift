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
        result(of: try await client.cancelOperation(publisherID: publisher, offerID: offer, notificationEmails: emails))
    }

    /// Cancels the operation in progress on an offer and, when the portal cancels it in the background, waits until
    /// that ends, passing each reading of the cancellation to `progress`.
    ///
    /// - Returns: `cancelled` once the cancellation has succeeded; `refused` with the portal's first message when
    ///   it failed; otherwise what `cancel` returns.
    public func cancelAndWait(
        publisher: String, offer: String, notify emails: [String], policy: PollingPolicy = PollingPolicy(),
        clock: some Clock<Duration> = ContinuousClock(), progress: (OfferOperation) -> Void = { _ in }
    ) async throws -> CancellationResult {
        let output = try await client.cancelOperation(
            publisherID: publisher, offerID: offer, notificationEmails: emails)
        guard let pending = output.pendingOperation else { return result(of: output) }
        do {
            for try await reading in client.waitForOperation(pending, policy: policy, clock: clock) {
                progress(reading.resource)
            }
            return .cancelled
        } catch OperationWaitError<OfferOperation>.failed(let operation) {
            let message = operation.messages?.first?.messageHTML
            return .refused(reason: message ?? "The portal could not cancel the operation.")
        }
    }

    private func result(of output: CancelOperation.Output) -> CancellationResult {
        switch output {
        case .ok:
            return .cancelled
        case .accepted(let location, let operationLocation):
            guard let location = location ?? operationLocation, let url = location.url(relativeTo: serverURL) else {
                return .unexpected(status: 202)
            }
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
