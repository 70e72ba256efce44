import Foundation

/// A generator that cannot write: the path and the cause, in one line.
public struct GeneratorError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The only file writes planq makes, for every command: `-o` outputs (`replace`), new files
/// (`create`, exclusive: an existing file is never touched) and the one-line status edit of a
/// superseded record. Contents are complete before the name shows them, so a failure (a full
/// disk) leaves the old file or nothing, never a partial one.
public enum GeneratedFile {
    /// Makes `folder` and its parents when missing.
    public static func createFolder(_ folder: String) throws {
        guard !folder.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError("cannot create folder \(folder): \(error.localizedDescription)")
        }
    }

    /// Writes a new file; an existing file (or link) at `path` is an error and is left as it was.
    /// The contents go to a temporary file first, which is then linked to `path` (link fails when
    /// the name exists), so the name appears with every byte or not at all.
    public static func create(_ path: String, contents: String) throws {
        try createFolder((path as NSString).deletingLastPathComponent)
        let temporary = try TemporaryFile(beside: path)
        defer { temporary.discard() }
        try temporary.write(Array(contents.utf8), mode: 0o644 & ~currentUmask)
        guard link(temporary.path, path) == 0 else {
            if errno == EEXIST { throw GeneratorError("\(path) already exists; planq never overwrites a file") }
            guard errno == EPERM || errno == EOPNOTSUPP else { throw GeneratorError("cannot create \(path): \(describe(errno))") }
            // A file system without hard links: create exclusively and write, removing a partial file.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                if errno == EEXIST { throw GeneratorError("\(path) already exists; planq never overwrites a file") }
                throw GeneratorError("cannot create \(path): \(describe(errno))")
            }
            defer { close(descriptor) }
            do { try write(Array(contents.utf8), to: descriptor, path: path) } catch { unlink(path); throw error }
            return
        }
    }

    /// Writes `bytes` to `path` for `-o`: a regular file is replaced atomically (temporary file,
    /// fsync, rename) keeping its mode and owner; a device, FIFO or socket is written in place,
    /// never replaced; a symbolic link is followed and its target written the same way; a folder
    /// is refused.
    public static func replace(_ path: String, bytes: [UInt8]) throws {
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else { throw GeneratorError("cannot write \(path): its link leads nowhere (\(describe(errno)))") }
            target = String(cString: resolved)
            free(resolved)
        }
        let exists = stat(target, &info) == 0
        if exists {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw GeneratorError("cannot write \(path): it is a folder (give the name of a file inside it)")
            case S_IFREG: break
            default: return try writeInPlace(target, bytes: bytes, shown: path)
            }
        }
        let temporary = try TemporaryFile(beside: target)
        defer { temporary.discard() }
        try temporary.write(bytes, mode: exists ? info.st_mode & 0o7777 : 0o644 & ~currentUmask,
                            owner: exists ? (info.st_uid, info.st_gid) : nil)
        guard rename(temporary.path, target) == 0 else { throw GeneratorError("cannot write \(path): \(describe(errno))") }
        temporary.kept()
    }

    /// Replaces line `index` (0-based) of the file with `line`, keeping every other byte.
    public static func replaceLine(_ index: Int, in path: String, with line: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw GeneratorError("cannot read \(path)") }
        var lines = Array(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        guard lines.indices.contains(index) else { throw GeneratorError("\(path) has no line \(index + 1)") }
        let carriageReturn = lines[index].last == UInt8(ascii: "\r")
        lines[index] = Array(line.utf8) + (carriageReturn ? [UInt8(ascii: "\r")] : [])
        try replace(path, bytes: Array(lines.joined(separator: [UInt8(ascii: "\n")])))
    }

    /// An errno as people read it; a file size limit reads like the full disk it stands for.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT, EFBIG: return "no space left on the device (or the file size limit was reached)"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    private static var currentUmask: mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// A character device, FIFO or socket: opened and written as it is (`-o /dev/stdout`).
    private static func writeInPlace(_ target: String, bytes: [UInt8], shown path: String) throws {
        let descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw GeneratorError("cannot write \(path): \(describe(errno))") }
        defer { close(descriptor) }
        try write(bytes, to: descriptor, path: path)
    }

    /// A uniquely named file beside the one it will become; removed unless `kept()`.
    private final class TemporaryFile {
        let path: String
        private let descriptor: Int32
        private var keep = false

        init(beside final: String) throws {
            let folder = (final as NSString).deletingLastPathComponent
            var template = Array(((folder.isEmpty ? "." : folder) + "/.planq-write-XXXXXX").utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { throw GeneratorError("cannot write beside \(final): \(GeneratedFile.describe(errno))") }
            path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }

        func write(_ bytes: [UInt8], mode: mode_t, owner: (uid_t, gid_t)? = nil) throws {
            try GeneratedFile.write(bytes, to: descriptor, path: path)
            fchmod(descriptor, mode)
            // Root writing over another user's file gives it back to them, as an editor would.
            if let owner, geteuid() == 0, owner.0 != 0 || owner.1 != 0 { fchown(descriptor, owner.0, owner.1) }
            guard fsync(descriptor) == 0 else { throw GeneratorError("cannot write \(path): \(GeneratedFile.describe(errno))") }
        }

        func kept() { keep = true }

        func discard() {
            close(descriptor)
            if !keep { unlink(path) }
        }

    }

    /// Runs `body` holding an exclusive lock on `folder`, so two generators numbering records in
    /// the same folder at once take turns.
    public static func withLock<T>(on folder: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw GeneratorError("cannot open folder \(folder): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw GeneratorError("cannot lock folder \(folder): \(String(cString: strerror(errno)))") }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        if let failure = writeAll(bytes, to: descriptor) { throw GeneratorError("cannot write \(path): \(describe(failure))") }
    }

    /// Writes every byte, retrying interrupted and partial writes; the errno of a failure, or nil.
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
