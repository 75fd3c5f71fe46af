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
        var update = Update(self, writing: false)
        for file in files { try? update.add(file) }
        return ((try? update.finish()) ?? []).map(\.path)
    }

    /// Replaces the directory's contents with `files` in one step, unless it already holds exactly them.
    ///
    /// - Parameters:
    ///   - files: The complete set of files the directory must hold.
    ///   - beforeSwap: Called after every file is written, before the swap; tests use it to fail halfway.
    /// - Returns: What changed, by path.
    /// - Throws: ``OutputError`` when the directory holds files apigen did not write, or the disk refuses.
    @discardableResult
    public func replace(with files: [GeneratedFile], beforeSwap: () throws -> Void = {}) throws(OutputError)
        -> [Change]
    {
        var update = Update(self, writing: true)
        for file in files { try update.add(file) }
        return try update.finish(beforeSwap: beforeSwap)
    }

    /// A file that an update adds, changes or removes.
    public struct Change: Equatable, Sendable {
        /// What happens to a file.
        public enum Kind: String, Sendable {
            case added, changed, removed
        }

        /// The path relative to the directory.
        public var path: String
        public var kind: Kind
    }

    /// Brings the directory up to date with files handed over one at a time, as they are generated, so that they
    /// need not all be held at once.
    ///
    /// Each file is compared with the one on disk. From the first that differs, the new set is made in a staging
    /// directory beside the output, which ``finish(beforeSwap:)`` exchanges with the output in one step, atomically
    /// where the system allows (`renameat2` on Linux, `renamex_np` on Apple systems): readers see the old set or the
    /// new set, never a mixture. Files that did not change enter the new set as the very files they were (a second
    /// link, or a copy with the same modification time), so that a build compiles only what changed. If anything
    /// fails, the output directory is left as it was; a directory already up to date is not touched.
    public struct Update {
        /// The directory updated.
        public let directory: OutputDirectory
        private let writing: Bool
        private let existing: Set<String>
        private var generated: Set<String> = []
        /// Files found up to date before the staging directory was made, which it does not hold yet.
        private var matched: [String] = []
        private var changes: [Change] = []
        /// The staging directory, once a file differs.
        private var staging: String?

        /// Starts an update.
        ///
        /// - Parameters:
        ///   - directory: The directory to bring up to date.
        ///   - writing: Whether to write; without it, the update only finds what would change.
        public init(_ directory: OutputDirectory, writing: Bool) {
            self.directory = directory
            self.writing = writing
            existing = Set(FileSystem.regularFiles(under: directory.url.path))
        }

        /// The number of files handed over so far.
        public var count: Int { generated.count }

        /// Compares a generated file with the directory's, and writes it to the new set once any file differs.
        ///
        /// - Throws: ``OutputError`` when the file cannot be written; the staging directory is then removed, and the
        ///   update must not go on.
        public mutating func add(_ file: GeneratedFile) throws(OutputError) {
            generated.insert(file.path)
            let current = try? FileSystem.contents(of: url + "/" + file.path)
            guard let current, current.elementsEqual(file.contents.utf8) else {
                changes.append(Change(path: file.path, kind: current == nil ? .added : .changed))
                guard writing else { return }
                try startStaging()
                try write(file.path, file.contents)
                return
            }
            if staging == nil {
                matched.append(file.path)
            } else {
                try keep(file.path)
            }
        }

        /// Finishes the update: exchanges the new set with the directory's files when any differ, adds, or is gone.
        ///
        /// - Parameter beforeSwap: Called once every file is written, before the exchange; tests use it to fail halfway.
        /// - Returns: What changed, sorted by path; empty when the directory was up to date.
        public mutating func finish(beforeSwap: () throws -> Void = {}) throws(OutputError) -> [Change] {
            changes += existing.subtracting(generated).map { Change(path: $0, kind: .removed) }
            changes.sort { $0.path < $1.path }
            guard writing, !changes.isEmpty else { return changes }
            try startStaging()
            guard let staging else { return changes }
            do {
                try beforeSwap()
            } catch {
                abandon()
                throw OutputError(message: "Could not write the generated files: \(error) \(url) is unchanged.")
            }
            self.staging = nil
            guard FileSystem.kind(of: url) != nil else {
                do {
                    try FileSystem.move(staging, to: url)
                } catch {
                    FileSystem.removeTree(staging)
                    throw OutputError(message: "Could not move the generated files into \(url): \(error.reason).")
                }
                return changes
            }
            guard directory.exchange(staging, url) else {
                let reason = String(cString: strerror(errno))
                FileSystem.removeTree(staging)
                throw OutputError(message: "Could not exchange \(url) with the new files: \(reason); it is unchanged.")
            }
            // `staging` now holds the previous files.
            FileSystem.removeTree(staging)
            return changes
        }

        /// Removes what the update wrote; the directory is as it was.
        public mutating func abandon() {
            if let staging { FileSystem.removeTree(staging) }
            staging = nil
        }

        private var url: String { directory.url.path }

        /// Creates the staging directory, once, with the files found up to date so far.
        private mutating func startStaging() throws(OutputError) {
            guard staging == nil else { return }
            if let kind = FileSystem.kind(of: url), kind != .directory {
                throw OutputError(
                    message: "\(url) is a file, not a directory; choose a directory for the generated files.")
            }
            let header = Array(Pipeline.headerPrefix.utf8)
            let foreign = existing.sorted().filter {
                FileSystem.prefix(of: url + "/" + $0, count: header.count) != header
            }
            if !foreign.isEmpty {
                throw OutputError(
                    message:
                        "\(url) holds files apigen did not write (\(foreign.joined(separator: ", "))); move them away or choose another output directory."
                )
            }
            let parent = FileSystem.parentPath(of: url)
            let path = parent + "/.\(directory.url.lastPathComponent).apigen-\(getpid())"
            FileSystem.removeTree(path)
            staging = path
            directories = [path]
            do {
                try FileSystem.createDirectories(parent)
                try FileSystem.createDirectory(path)
            } catch {
                throw abandoned(error)
            }
            for file in matched { try keep(file) }
            matched = []
        }

        /// Puts a file that has not changed into the new set as the very file the directory holds (a second link to
        /// it), so that its modification time stays and a build does not compile it again; where the file system
        /// cannot link, a copy that keeps the time.
        private mutating func keep(_ path: String) throws(OutputError) {
            guard let staging else { return }
            let existing = url + "/" + path
            let target = staging + "/" + path
            do {
                try createParent(of: target)
            } catch {
                throw abandoned(error)
            }
            if FileSystem.link(existing, to: target) { return }
            // Read only where linking fails: it holds what was generated.
            let contents: [UInt8]
            do {
                contents = try FileSystem.contents(of: existing)
            } catch {
                throw abandoned(error, reading: true)
            }
            try write(path, String(decoding: contents, as: UTF8.self))
            FileSystem.copyModificationTime(from: existing, to: target)
        }

        /// The directories of the staging directory made so far.
        private var directories: Set<String> = []

        /// Writes a file of the new set into the staging directory.
        private mutating func write(_ path: String, _ contents: String) throws(OutputError) {
            guard let staging else { return }
            let target = staging + "/" + path
            do {
                try createParent(of: target)
                try FileSystem.create(target, contents: contents)
            } catch {
                throw abandoned(error)
            }
        }

        /// Creates the directory a file of the new set goes in, unless it was made already.
        private mutating func createParent(of target: String) throws(FileSystem.Failure) {
            let parent = FileSystem.parentPath(of: target)
            if directories.insert(parent).inserted { try FileSystem.createDirectories(parent) }
        }

        /// Removes what the update wrote, and says what stopped it.
        private mutating func abandoned(_ error: FileSystem.Failure, reading: Bool = false) -> OutputError {
            abandon()
            return OutputError(
                message:
                    "Could not write the generated files: cannot \(reading ? "read" : "create") \(error.path): \(error.reason). \(url) is unchanged."
            )
        }
    }

    fileprivate func exchange(_ a: String, _ b: String) -> Bool {
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
