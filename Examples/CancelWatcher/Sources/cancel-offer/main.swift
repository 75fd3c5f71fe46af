import CancelWatcher
import CloudPartnerPortal
import Foundation
import OpenAPIURLSession

// Usage: CPP_TOKEN=… cancel-offer PUBLISHER OFFER EMAIL… [--server URL] [--wait]
var arguments = Array(CommandLine.arguments.dropFirst())
var serverURL = Client.defaultServerURL
if let index = arguments.firstIndex(of: "--server"), index + 1 < arguments.count,
    let url = URL(string: arguments[index + 1])
{
    serverURL = url
    arguments.removeSubrange(index...index + 1)
}
let wait = arguments.contains("--wait")
arguments.removeAll { $0 == "--wait" }
guard arguments.count >= 3, let token = ProcessInfo.processInfo.environment["CPP_TOKEN"] else {
    FileHandle.standardError.write(
        Data("usage: CPP_TOKEN=… cancel-offer PUBLISHER OFFER EMAIL… [--server URL] [--wait]\n".utf8))
    exit(2)
}
let client = Client(serverURL: serverURL, transport: URLSessionTransport(), token: { token })
let canceller = OfferCanceller(client: client, serverURL: serverURL)
do {
    let result =
        wait
        ? try await canceller.cancelAndWait(
            publisher: arguments[0], offer: arguments[1], notify: Array(arguments[2...])
        ) { operation in
            print("\(operation.status?.rawValue ?? "no status"): \(operation.steps?.count ?? 0) steps")
        }
        : try await canceller.cancel(publisher: arguments[0], offer: arguments[1], notify: Array(arguments[2...]))
    print(result)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
