#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

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
            let current = try? FileSystem.contents(of: url.appending(path: file.path).path)
            if current?.elementsEqual(file.contents.utf8) != true { stale.append(file.path) }
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
        let kind = FileSystem.kind(of: url.path)
        if let kind, kind != .directory {
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
        let parent = url.deletingLastPathComponent().path
        let staging = parent + "/.\(url.lastPathComponent).apigen-\(getpid())"
        do {
            FileSystem.removeTree(staging)
            try FileSystem.createDirectories(parent)
            try FileSystem.createDirectory(staging)
            var directories: Set<String> = [staging]
            for file in files {
                let target = staging + "/" + file.path
                let directory = FileSystem.parentPath(of: target)
                if directories.insert(directory).inserted { try FileSystem.createDirectories(directory) }
                try FileSystem.create(target, contents: file.contents)
            }
            try beforeSwap()
        } catch {
            FileSystem.removeTree(staging)
            let reason =
                (error as? OutputError)?.message
                ?? (error as? FileSystem.Failure).map { "cannot create \($0.path): \($0.reason)." } ?? "\(error)"
            throw OutputError(message: "Could not write the generated files: \(reason) \(url.path) is unchanged.")
        }
        guard kind != nil else {
            do {
                try FileSystem.move(staging, to: url.path)
            } catch {
                FileSystem.removeTree(staging)
                throw OutputError(message: "Could not move the generated files into \(url.path): \(error.reason).")
            }
            return
        }
        guard exchange(staging, url.path) else {
            FileSystem.removeTree(staging)
            throw OutputError(
                message: "Could not exchange \(url.path) with the new files: \(systemReason()); it is unchanged.")
        }
        // `staging` now holds the previous files.
        FileSystem.removeTree(staging)
    }

    /// The system's description of the last failed call, such as "File name too long".
    private func systemReason() -> String {
        String(cString: strerror(errno))
    }

    /// Regular files under the directory, relative to it, sorted.
    private func existingFiles() -> [String] {
        FileSystem.regularFiles(under: url.path)
    }

    private func isGenerated(_ file: URL) -> Bool {
        let header = Array(Pipeline.headerPrefix.utf8)
        return FileSystem.prefix(of: file.path, count: header.count) == header
    }

    private func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            // Glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not set; look it up.
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let renameExchange: UInt32 = 2
            return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #elseif canImport(Darwin)
            return renamex_np(a, b, UInt32(RENAME_SWAP)) == 0
        #else
            return false
        #endif
    }
}
