import CancelWatcher
import CloudPartnerPortal
import Foundation
import OpenAPIURLSession

// Usage: CPP_TOKEN=… cancel-offer PUBLISHER OFFER EMAIL… [--server URL]
var arguments = Array(CommandLine.arguments.dropFirst())
var serverURL = Client.defaultServerURL
if let index = arguments.firstIndex(of: "--server"), index + 1 < arguments.count,
    let url = URL(string: arguments[index + 1])
{
    serverURL = url
    arguments.removeSubrange(index...index + 1)
}
guard arguments.count >= 3, let token = ProcessInfo.processInfo.environment["CPP_TOKEN"] else {
    FileHandle.standardError.write(Data("usage: CPP_TOKEN=… cancel-offer PUBLISHER OFFER EMAIL… [--server URL]\n".utf8))
    exit(2)
}
let client = Client(serverURL: serverURL, transport: URLSessionTransport(), token: { token })
let canceller = OfferCanceller(client: client, serverURL: serverURL)
do {
    let result = try await canceller.cancel(
        publisher: arguments[0], offer: arguments[1], notify: Array(arguments[2...]))
    print(result)
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
