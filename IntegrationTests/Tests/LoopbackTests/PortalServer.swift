import FlyingFox
import FlyingSocks
import Foundation

/// A stand-in for the Cloud Partner Portal on an ephemeral loopback port: it checks each cancel request the way the
/// portal documents and answers with the status that the publisher ID asks for.
actor PortalServer {
    static let token = "loopback-token"

    private let server: HTTPServer
    private var task: Task<Void, any Error>?

    init() throws {
        let recorder = Recorder()
        // IPv4 explicitly: URLSession on Linux does not reach `[::1]`, which `.loopback` may choose.
        server = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 5, logger: .disabled,
            handler: CancelHandler(recorder: recorder))
        self.recorder = recorder
    }

    private let recorder: Recorder

    /// Starts listening and returns the server's base URL.
    func start() async throws -> URL {
        let server = self.server
        task = Task { try await server.run() }
        try await server.waitUntilListening()
        let address = await server.listeningAddress
        switch address {
        case .ip4(let host, let port)?: return URL(string: "http://\(host):\(port)")!
        case .ip6(let host, let port)?: return URL(string: "http://[\(host)]:\(port)")!
        default: throw NotListening(address: String(describing: address))
        }
    }

    func stop() async {
        await server.stop(timeout: 0.1)
        task?.cancel()
    }

    /// The raw request targets received, in order.
    func receivedTargets() -> [String] { recorder.targets }
}

struct NotListening: Error {
    var address: String
}

final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    var targets: [String] { lock.withLock { storage } }
    func record(_ target: String) { lock.withLock { storage.append(target) } }
}

/// The portal's checks and answers.
struct CancelHandler: HTTPHandler {
    let recorder: Recorder

    func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
        recorder.record(request.target.rawValue)
        if request.method == .GET { return operation(request) }
        let body = try await request.bodyData
        if let problem = problem(with: request, body: body) {
            return json(400, #"{"error":{"code":"RejectedByTestServer","message":"\#(problem)"}}"#)
        }
        let segments = request.target.path().split(separator: "/", omittingEmptySubsequences: false)
        let publisher = String(segments[3]).removingPercentEncoding ?? ""
        switch publisher {
        case "migrated":
            return HTTPResponse(
                statusCode: .accepted,
                headers: HTTPHeaders([
                    .location:
                        "/api/publishers/migrated/offers/o/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31"
                ]))
        case "legacy":
            return HTTPResponse(
                statusCode: .accepted,
                headers: HTTPHeaders([
                    .location: "/api/operations/contoso$contoso-offer$2$preview?api-version=2017-10-31"
                ]))
        case "bad":
            return json(400, #"{"error":{"code":"BadArgument","message":"The offer is not valid."}}"#)
        case "forbidden":
            return json(403, #"{"error":{"code":"Forbidden","message":"No access."}}"#)
        case "missing":
            return HTTPResponse(statusCode: .notFound)
        case "teapot":
            return HTTPResponse(
                statusCode: HTTPStatusCode(418, phrase: "I'm a teapot"), body: Data("short and stout".utf8))
        default:
            return HTTPResponse(statusCode: .ok)
        }
    }

    /// An operation the portal runs on its own: each read advances it by a step, until its third read shows it
    /// finished. It answers the Location forms of both kinds of offers.
    private func operation(_ request: FlyingFox.HTTPRequest) -> FlyingFox.HTTPResponse {
        let path = request.target.path()
        guard request.headers[.authorization] == "Bearer \(PortalServer.token)",
            request.target.query() == "api-version=2017-10-31",
            path.hasPrefix("/api/operations/") || path.contains("/operations/")
        else { return json(400, #"{"error":{"code":"BadArgument","message":"not an operation read"}}"#) }
        let reads = recorder.targets.filter { $0 == request.target.rawValue }.count
        let steps: String
        let status: String
        switch reads {
        case 1:
            status = "running"
            steps = #"{"stepName": "Stop", "status": "inProgress", "progressPercentage": 50}"#
        case 2:
            status = "Running"
            steps =
                #"{"stepName": "Stop", "status": "complete", "progressPercentage": 100}, {"stepName": "Clean up", "status": "InProgress", "progressPercentage": 0}"#
        default:
            status = "succeeded"
            steps =
                #"{"stepName": "Stop", "status": "complete", "progressPercentage": 100}, {"stepName": "Clean up", "status": "Complete", "progressPercentage": 100}"#
        }
        return HTTPResponse(
            statusCode: .ok, headers: [.contentType: "application/json", HTTPHeader("Retry-After"): "0"],
            body: Data(
                #"{"id": "56615b67-2185-49fe-80d2-c4ddf77bb2e8", "status": "\#(status)", "changedTime": "2017-03-28T19:50:39.5506018Z", "steps": [\#(steps)]}"#
                    .utf8))
    }

    /// What the real portal would refuse in this request, or nil when it is well formed.
    private func problem(with request: FlyingFox.HTTPRequest, body: Data) -> String? {
        guard request.method == .POST else { return "method \(request.method.rawValue) is not POST" }
        let segments = request.target.path().split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count == 7, segments[0] == "", segments[1] == "api", segments[2] == "publishers",
            !segments[3].isEmpty, segments[4] == "offers", !segments[5].isEmpty, segments[6] == "cancel"
        else { return "path \(request.target.path()) is not /api/publishers/ID/offers/ID/cancel" }
        guard request.target.query() == "api-version=2017-10-31" else { return "query is \(request.target.query())" }
        guard request.headers[.contentType] == "application/json" else { return "Content-Type is not application/json" }
        guard request.headers[.authorization] == "Bearer \(PortalServer.token)" else { return "missing bearer token" }
        guard let body = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            body.count == 1, let metadata = body["metadata"] as? [String: Any], metadata.count == 1,
            let emails = metadata["notification-emails"] as? String, !emails.isEmpty
        else { return "body is not {\\\"metadata\\\": {\\\"notification-emails\\\": \\\"…\\\"}}" }
        return nil
    }

    private func json(_ status: Int, _ body: String) -> FlyingFox.HTTPResponse {
        HTTPResponse(
            statusCode: HTTPStatusCode(status, phrase: "Error"), headers: [.contentType: "application/json"],
            body: Data(body.utf8))
    }
}
