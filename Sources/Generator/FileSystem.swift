#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file operations the generator needs, as plain POSIX calls.
///
/// The generator does not link Foundation for them: loading it took about 3 ms and 7 MiB of every run, more than
/// generating a small client.
enum FileSystem {
    /// A failed call on a path, with the system's reason (`No such file or directory`).
    struct Failure: Error {
        var path: String
        var reason: String

        /// The failure of the last system call, on `path`.
        static func last(_ path: String) -> Failure { Failure(path: path, reason: String(cString: strerror(errno))) }
    }

    /// What a path names, without following a final symbolic link.
    enum Kind { case directory, regularFile, other }

    /// What `path` names, following symbolic links, or nil when nothing is there.
    static func kind(of path: String) -> Kind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        default: return .other
        }
    }

    /// The whole contents of a file.
    static func contents(of path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .last(path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .last(path) }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw Failure(path: path, reason: String(cString: strerror(EISDIR)))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .last(path)
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// The first `count` bytes of a file, fewer if it is shorter; nil when it cannot be read.
    static func prefix(of path: String, count: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        return Array(bytes[..<filled])
    }

    /// Creates a new file holding `contents`; fails if the file exists. Nothing is synced to disk: syncing thousands
    /// of files one by one costs seconds, and the output is made visible by an exchange of directories instead.
    static func create(_ path: String, contents: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .last(path) }
        defer { close(descriptor) }
        guard writeAll(contents, to: descriptor) else { throw .last(path) }
    }

    /// Writes the whole of `text` to an open file, however many writes it takes; false when one fails.
    static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var rest = UnsafeRawBufferPointer(buffer)
            while !rest.isEmpty {
                let written = write(descriptor, rest.baseAddress, rest.count)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                rest = UnsafeRawBufferPointer(rebasing: rest[written...])
            }
            return true
        }
    }

    /// Creates a directory and any missing directories above it.
    static func createDirectories(_ path: String) throws(Failure) {
        if kind(of: path) == .directory { return }
        let parent = parentPath(of: path)
        if parent != path, !parent.isEmpty { try createDirectories(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw .last(path) }
    }

    /// Creates one directory; fails if anything is already there.
    static func createDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 else { throw .last(path) }
    }

    /// Makes `target` a second name of the file `source`; false where the file system refuses.
    static func link(_ source: String, to target: String) -> Bool {
        linkat(AT_FDCWD, source, AT_FDCWD, target, 0) == 0
    }

    /// Gives `target` the modification time of `source`, as far as the system allows.
    static func copyModificationTime(from source: String, to target: String) {
        var status = stat()
        guard stat(source, &status) == 0 else { return }
        #if canImport(Darwin)
            let times = [status.st_atimespec, status.st_mtimespec]
        #else
            let times = [status.st_atim, status.st_mtim]
        #endif
        _ = utimensat(AT_FDCWD, target, times, 0)
    }

    /// Renames a file or directory.
    static func move(_ source: String, to destination: String) throws(Failure) {
        guard rename(source, destination) == 0 else { throw .last(source) }
    }

    /// Removes a file, or a directory and everything in it; a missing path is not an error.
    static func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        if status.st_mode & S_IFMT == S_IFDIR {
            for entry in entries(of: path) { removeTree(path + "/" + entry.name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// The regular files under a directory, by their paths relative to it, sorted; symbolic links are not followed.
    static func regularFiles(under path: String) -> [String] {
        var found: [String] = []
        func walk(_ directory: String, _ prefix: String) {
            for entry in entries(of: directory) {
                switch entry.kind {
                case .directory: walk(directory + "/" + entry.name, prefix + entry.name + "/")
                case .regularFile: found.append(prefix + entry.name)
                case .other: break
                }
            }
        }
        walk(path, "")
        return found.sorted()
    }

    /// The entries of a directory other than `.` and `..`, with what each is (not following symbolic links).
    private static func entries(of path: String) -> [(name: String, kind: Kind)] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var result: [(String, Kind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var status = stat()
            guard lstat(path + "/" + name, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: result.append((name, .directory))
            case S_IFREG: result.append((name, .regularFile))
            default: result.append((name, .other))
            }
        }
        return result
    }

    /// The path without its last component (`a/b` for `a/b/c`, `/` for `/a`).
    static func parentPath(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}

/// Writes a line to standard error at once, unbuffered, as the command reports its diagnostics.
public func writeLineToStandardError(_ line: String) {
    _ = FileSystem.writeAll(line + "\n", to: STDERR_FILENO)
}
