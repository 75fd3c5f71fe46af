import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why generated files could not be put in place. The output directory is unchanged whenever this is thrown.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a sentence.
    public var message: String

    public var description: String { message }
}

/// Compares and replaces a directory of generated files as a whole.
public struct OutputDirectory: Sendable {
    /// The directory.
    public var url: URL

    /// Names the directory.
    /// A symbolic link is followed, so that the directory it leads to is the one replaced.
    public init(url: URL) {
        self.url = url.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The files in the directory that differ from `files`, are missing, or should not be there; empty when the
    /// directory is up to date. Nothing is written.
    public func staleFiles(comparedWith files: [GeneratedFile]) -> [String] {
        let existing = Set(existingFiles())
        var stale: [String] = []
        for file in files {
            let current = try? Data(contentsOf: url.appending(path: file.path))
            if current != Data(file.contents.utf8) { stale.append(file.path) }
        }
        let expected = Set(files.map(\.path))
        stale += existing.subtracting(expected)
        return stale.sorted()
    }

    /// Replaces the directory's contents with `files` in one step.
    ///
    /// The files are written to a new directory beside the output, then exchanged with it atomically where the system
    /// allows (`renameat2` on Linux, `renamex_np` on Apple systems), so that readers see the old set or the new set,
    /// never a mixture. If anything fails, the output directory is left as it was.
    ///
    /// - Parameters:
    ///   - files: The complete set of files the directory must hold.
    ///   - beforeSwap: Called after every file is written, before the swap; tests use it to fail halfway.
    /// - Throws: ``OutputError`` when the directory holds files apigen did not write, or the disk refuses.
    public func replace(with files: [GeneratedFile], beforeSwap: () throws -> Void = {}) throws(OutputError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if exists, !isDirectory.boolValue {
            throw OutputError(
                message: "\(url.path) is a file, not a directory; choose a directory for the generated files.")
        }
        let foreign = existingFiles().filter { !isGenerated(url.appending(path: $0)) }
        if !foreign.isEmpty {
            throw OutputError(
                message:
                    "\(url.path) holds files apigen did not write (\(foreign.joined(separator: ", "))); move them away or choose another output directory."
            )
        }
        let parent = url.deletingLastPathComponent()
        let staging = parent.appending(
            path: ".\(url.lastPathComponent).apigen-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            var directories: Set<String> = [staging.path]
            for file in files {
                let target = staging.appending(path: file.path)
                let directory = target.deletingLastPathComponent()
                if directories.insert(directory.path).inserted {
                    try manager.createDirectory(at: directory, withIntermediateDirectories: true)
                }
                // No fsync per file: the exchange below is what makes the new set appear at once, and syncing
                // thousands of files one by one costs seconds.
                try writeFile(file.contents, to: target.path)
            }
            try beforeSwap()
        } catch {
            try? manager.removeItem(at: staging)
            let reason = (error as? OutputError)?.message ?? error.localizedDescription
            throw OutputError(message: "Could not write the generated files: \(reason) \(url.path) is unchanged.")
        }
        guard exists else {
            do {
                try manager.moveItem(at: staging, to: url)
            } catch {
                try? manager.removeItem(at: staging)
                throw OutputError(
                    message: "Could not move the generated files into \(url.path): \(error.localizedDescription).")
            }
            return
        }
        guard exchange(staging, url) else {
            try? manager.removeItem(at: staging)
            throw OutputError(
                message: "Could not exchange \(url.path) with the new files: \(systemReason()); it is unchanged.")
        }
        // `staging` now holds the previous files.
        try? manager.removeItem(at: staging)
    }

    /// Writes a new file with plain POSIX calls; Foundation's writers sync every file to disk, which is slow at
    /// thousands of files.
    private func writeFile(_ contents: String, to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(message: "cannot create \(path): \(systemReason()).") }
        defer { close(descriptor) }
        var bytes = Array(contents.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw OutputError(message: "cannot write \(path): \(systemReason()).") }
            bytes = bytes.dropFirst(written)
        }
    }

    /// The system's description of the last failed call, such as "File name too long".
    private func systemReason() -> String {
        String(cString: strerror(errno))
    }

    /// Regular files under the directory, relative to it, sorted.
    private func existingFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var paths: [String] = []
        let base = url.resolvingSymlinksInPath().path
        for case let file as URL in enumerator {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let full = file.resolvingSymlinksInPath().path
            paths.append(full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : file.lastPathComponent)
        }
        return paths.sorted()
    }

    private func isGenerated(_ file: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: Pipeline.headerPrefix.utf8.count)) ?? Data()
        return head == Data(Pipeline.headerPrefix.utf8)
    }

    private func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
            // Glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not set; look it up.
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 2
            return renameat2(AT_FDCWD, a.path, AT_FDCWD, b.path, renameExchange) == 0
        #elseif canImport(Darwin)
            return renamex_np(a.path, b.path, UInt32(RENAME_SWAP)) == 0
        #else
            return false
        #endif
    }
}
