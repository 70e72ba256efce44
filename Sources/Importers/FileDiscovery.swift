#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A Markdown file found under the import paths, with what `stat` says of it.
public struct DiscoveredFile: Sendable {
    public let path: String
    public let size: Int
    public let mtimeNanoseconds: Int64
}

/// Finds the files to import: files named directly, and `.md`, `.markdown`, `.txt` files under
/// folders, recursively, skipping hidden folders, `node_modules` and `.build`. Symbolic links
/// are followed once: a folder already visited (same device and inode) is not entered again.
public enum FileDiscovery {
    public static let extensions: Set<String> = ["md", "markdown", "txt"]
    static let skippedFolders: Set<String> = ["node_modules", ".build"]

    public static func find(_ roots: [String], report: (Diagnostic) -> Void) -> [DiscoveredFile] {
        var files: [DiscoveredFile] = []
        var visited: Set<[UInt64]> = []
        var seenPaths: Set<String> = []
        for root in roots {
            let path = normalize(root)
            guard let info = status(path) else {
                report(Diagnostic(path: root, line: nil, severity: .error, message: "no such file or directory"))
                continue
            }
            if info.isDirectory {
                let boundary = realPath(path) ?? path
                if !walkSubfoldersInParallel(path, boundary: boundary, visited: &visited, into: &files, report: report) {
                    walk(path, boundary: boundary, visited: &visited, into: &files, report: report)
                }
            } else if seenPaths.insert(path).inserted {
                files.append(DiscoveredFile(path: path, size: info.size, mtimeNanoseconds: info.mtime))
            }
        }
        var unique: [String: DiscoveredFile] = [:]
        for file in files { unique[file.path] = file }
        return unique.values.sorted { $0.path < $1.path }
    }

    /// `docs/` and `./docs` name the same folder as `docs`.
    public static func normalize(_ path: String) -> String {
        var result = path
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        while result.hasPrefix("./"), result.count > 2 { result.removeFirst(2) }
        return result
    }

    /// Whether `path` is `root` or inside it (so a re-import of `root` owns the document).
    public static func isUnder(_ path: String, root: String) -> Bool {
        let root = normalize(root)
        if root == "." { return !path.hasPrefix("/") }
        return path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Walks `folder`; a symbolic link whose target lies outside `boundary` (the real path of the
    /// folder named on the command line) is skipped with a warning: a link to `/etc/passwd` in
    /// the docs is not a plan, and a link to a home folder would import it whole. The folder's
    /// entries say whether each is a file, folder or link, so a file that is not a document is
    /// not even looked at, and a document costs one `stat`, relative to the open folder (a
    /// re-import reads little else).
    private static func walk(_ folder: String, boundary: String, visited: inout Set<[UInt64]>, into files: inout [DiscoveredFile],
                             report: (Diagnostic) -> Void) {
        guard let info = status(folder), visited.insert(info.identity).inserted else { return }
        guard let directory = opendir(folder) else {
            let reason = String(cString: strerror(errno))
            report(Diagnostic(path: folder, line: nil, severity: .warning, message: "cannot read folder: \(reason)"))
            return
        }
        defer { closedir(directory) }
        let records = RecordFolder(folder)
        for (name, kind) in entries(of: directory) {
            if isSkipped(name) { continue }
            let path = Self.path(of: name, in: folder)
            var entry: Status?
            switch kind {
            case .folder:
                walk(path, boundary: boundary, visited: &visited, into: &files, report: report)
                continue
            case .file:
                guard isDocumentName(name), !records.passesOver(name) else { continue }
                entry = status(name, in: directory)
            case .other:
                continue
            case .link, .unknown:
                entry = status(path)
                guard entry != nil else { continue } // a dangling link has nothing to import
                if kind == .link || isLink(path) {
                    guard let target = realPath(path), target == boundary || target.hasPrefix(boundary == "/" ? "/" : boundary + "/") else {
                        report(Diagnostic(path: path, line: nil, severity: .warning,
                                          message: "symbolic link leads outside the imported folder; skipped (name its target to import it)"))
                        continue
                    }
                }
            }
            guard let entry else { continue }
            if entry.isDirectory {
                walk(path, boundary: boundary, visited: &visited, into: &files, report: report)
            } else if entry.isRegular, isDocumentName(name), !records.passesOver(name) {
                files.append(DiscoveredFile(path: path, size: entry.size, mtimeNanoseconds: entry.mtime))
            }
        }
    }

    /// The walk of `root` with its subfolders walked on every core (a re-import's discovery is
    /// thousands of `stat`s and a folder opened per project, on one core before anything else can
    /// start). Done only where it finds exactly what `walk` finds, in the same order: the root
    /// holds files and folders only, and no folder is reached by two subfolders' walks (through a
    /// symbolic link or a bind mount; one walk enters it once, from the first); otherwise false,
    /// and nothing was reported or added.
    private static func walkSubfoldersInParallel(_ root: String, boundary: String, visited: inout Set<[UInt64]>,
                                                 into files: inout [DiscoveredFile], report: (Diagnostic) -> Void) -> Bool {
        guard let info = status(root), !visited.contains(info.identity), let directory = opendir(root) else { return false }
        defer { closedir(directory) }
        let entries = entries(of: directory).filter { !isSkipped($0.name) }
        let folders = entries.filter { $0.kind == .folder }
        guard folders.count > 1, entries.allSatisfy({ $0.kind == .file || $0.kind == .folder || $0.kind == .other }) else { return false }
        struct Subtree {
            var visited: Set<[UInt64]>
            var files: [DiscoveredFile] = []
            var diagnostics: [Diagnostic] = []
        }
        /// Each folder's walk, kept by its index.
        final class Results: @unchecked Sendable {
            private let lock = NSLock()
            private var subtrees: [Subtree?]
            init(count: Int) { subtrees = Array(repeating: nil, count: count) }
            func set(_ index: Int, _ subtree: Subtree) { lock.withLock { subtrees[index] = subtree } }
            var all: [Subtree?] { lock.withLock { subtrees } }
        }
        let seen = visited.union([info.identity])
        let results = Results(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            var visited = seen, files: [DiscoveredFile] = [], diagnostics: [Diagnostic] = []
            walk(path(of: folders[index].name, in: root), boundary: boundary, visited: &visited, into: &files,
                 report: { diagnostics.append($0) })
            results.set(index, Subtree(visited: visited, files: files, diagnostics: diagnostics))
        }
        let subtrees = results.all
        let walked = subtrees.compactMap { $0 }
        guard walked.count == folders.count else { return false }
        let reached = walked.reduce(0) { $0 + $1.visited.count - seen.count }
        var union = seen
        for subtree in walked { union.formUnion(subtree.visited) }
        guard union.count - seen.count == reached else { return false }
        // As `walk` would: the root's documents and each folder's findings, in name order.
        visited = union
        let records = RecordFolder(root)
        var next = walked.makeIterator()
        for (name, kind) in entries {
            if kind == .folder, let subtree = next.next() {
                files += subtree.files
                subtree.diagnostics.forEach(report)
            } else if kind == .file, isDocumentName(name), !records.passesOver(name), let entry = status(name, in: directory), entry.isRegular {
                files.append(DiscoveredFile(path: path(of: name, in: root), size: entry.size, mtimeNanoseconds: entry.mtime))
            }
        }
        return true
    }

    /// A folder's entry by path (`.`'s entries by name alone).
    private static func path(of name: String, in folder: String) -> String {
        folder == "." ? name : folder + "/" + name
    }

    /// What a folder's entry is, as the folder itself says (`unknown` where the file system
    /// does not say: then `stat` tells).
    private enum EntryKind { case file, folder, link, other, unknown }

    #if canImport(Darwin)
    private typealias OpenFolder = UnsafeMutablePointer<DIR>
    #else
    private typealias OpenFolder = OpaquePointer
    #endif

    /// An open folder's entries but `.` and `..`, sorted by name.
    private static func entries(of directory: OpenFolder) -> [(name: String, kind: EntryKind)] {
        var result: [(name: String, kind: EntryKind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind: EntryKind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN): kind = .unknown
            default: kind = .other
            }
            result.append((name, kind))
        }
        return result.sorted { $0.name < $1.name }
    }

    /// Names a folder walk passes over: hidden files and folders, `node_modules`, `.build`.
    public static func isSkipped(_ name: String) -> Bool { name.hasPrefix(".") || skippedFolders.contains(name) }

    /// Whether a file of this name is read as a document (`.md`, `.markdown`, `.txt`).
    public static func isDocumentName(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    static let recordFolders: Set<String> = ["adr", "adrs", "decisions", "decision-records"]

    /// Decision records and runbooks are written from the plans (`planq new`), they are not plans:
    /// a folder walk passes over numbered records (`0007-title.md`) in an ADR folder and every
    /// file in a `runbooks` folder. A file named on the command line is still read.
    static func isRecordNotPlan(folder: String, name: String) -> Bool {
        RecordFolder(folder).passesOver(name)
    }

    /// What a folder's name says of the files in it, worked out once for all of them.
    private struct RecordFolder {
        let isRunbooks: Bool
        let isRecords: Bool

        init(_ folder: String) {
            // The last path component ("/" is ASCII: no Character holds it but itself).
            let name = folder.utf8.lastIndex(of: UInt8(ascii: "/")).map { folder[folder.utf8.index(after: $0)...] } ?? folder[...]
            let parent = !name.isEmpty ? name.lowercased() : folder.split(separator: "/").last.map { $0.lowercased() } ?? folder.lowercased()
            isRunbooks = parent == "runbooks"
            isRecords = recordFolders.contains(parent)
        }

        func passesOver(_ name: String) -> Bool {
            if isRunbooks { return true }
            guard isRecords else { return false }
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            return digits.count >= 3 && name.dropFirst(digits.count).first == "-"
        }
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    fileprivate struct Status {
        let isDirectory: Bool
        let isRegular: Bool
        let size: Int
        let mtime: Int64
        let identity: [UInt64]
    }

    private static func status(_ path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Status(info)
    }

    /// `stat` of an entry of an open folder, by name: no path to walk again.
    private static func status(_ name: String, in directory: OpenFolder) -> Status? {
        var info = stat()
        guard fstatat(dirfd(directory), name, &info, 0) == 0 else { return nil }
        return Status(info)
    }
}

extension FileDiscovery.Status {
    fileprivate init(_ info: stat) {
        let type = info.st_mode & S_IFMT
        #if canImport(Darwin)
        let mtime = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let mtime = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        self.init(isDirectory: type == S_IFDIR, isRegular: type == S_IFREG, size: Int(info.st_size),
                  mtime: mtime, identity: [UInt64(info.st_dev), UInt64(info.st_ino)])
    }
}
