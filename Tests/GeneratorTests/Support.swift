import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The package's root, found from this file's location.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A fresh directory under the system's temporary directory, removed after `body`.
func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appending(path: "apigen-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// Every file under a directory with its contents, by relative path.
func snapshot(_ directory: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let base = directory.resolvingSymlinksInPath().path
    for case let file as URL in FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        ?? .init()
    {
        guard let data = try? Data(contentsOf: file) else { continue }
        result[String(file.resolvingSymlinksInPath().path.dropFirst(base.count + 1))] = data
    }
    return result
}

/// Runs a command found on the PATH and returns its exit status and everything it printed.
func runCommand(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: readToEnd(pipe.fileHandleForReading), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}

/// Everything a pipe delivers until it closes. Reads with POSIX calls and retries interrupted reads: while tests start
/// processes in parallel, a signal may interrupt a read, which `readDataToEndOfFile()` turns into a crash.
func readToEnd(_ handle: FileHandle) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            data.append(contentsOf: buffer[..<count])
        } else if count < 0, errno == EINTR {
            continue
        } else {
            return data
        }
    }
}
