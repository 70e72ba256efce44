import Foundation
#if canImport(Glibc)
import Glibc

/// The folders under the watched paths, watched through inotify: the kernel says when a
/// document is written, renamed into place (an editor's save), created or deleted, and when a
/// folder appears (it is watched too). Nothing is polled. `interrupt()` may be called from a
/// signal handler: it wakes the wait through a pipe.
public final class DocumentWatcher {
    public struct WatchError: Error, CustomStringConvertible {
        public let description: String
    }

    private let inotify: Int32
    private let wake: (read: Int32, write: Int32)
    /// The watched folders by watch descriptor.
    private var folders: [Int32: String] = [:]
    /// Files named on their own: only these names count in their folder.
    private var namedFiles: [String: Set<String>] = [:]

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

    public init(paths: [String]) throws {
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw WatchError(description: "cannot watch files: \(String(cString: strerror(errno)))") }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(inotify)
            throw WatchError(description: "cannot watch files: \(String(cString: strerror(errno)))")
        }
        wake = (ends[0], ends[1])
        roots = paths
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { throw WatchError(description: "cannot watch \(path): \(String(cString: strerror(errno)))") }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try watchTree(path)
            } else {
                let folder = (path as NSString).deletingLastPathComponent
                namedFiles[folder.isEmpty ? "." : folder, default: []].insert((path as NSString).lastPathComponent)
                try watch(folder.isEmpty ? "." : folder)
            }
        }
    }

    deinit {
        close(inotify)
        close(wake.read)
        close(wake.write)
    }

    /// The descriptor `interrupt` writes to: a signal handler may keep it and write one byte.
    public var interruptDescriptor: Int32 { wake.write }

    public func interrupt() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    /// Waits for a change, then gathers changes until none came for `quiet` (or `limit` has
    /// passed since the first): the documents that changed, or nil once interrupted.
    public func nextChanges(quiet: Duration = .milliseconds(150), limit: Duration = .seconds(1)) -> Set<String>? {
        var changed: Set<String> = []
        var first: ContinuousClock.Instant?
        while true {
            var timeout: Int32 = -1
            if let first {
                let left = min(quiet, limit - (ContinuousClock.now - first))
                if left <= .zero { return changed }
                timeout = Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            }
            var descriptors = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, timeout)
            if ready < 0, errno == EINTR { continue }
            if descriptors[1].revents != 0 { return nil }
            if ready == 0 {
                if !changed.isEmpty { return changed }
                continue
            }
            let found = readEvents()
            if !found.isEmpty {
                changed.formUnion(found)
                if first == nil { first = .now }
            }
        }
    }

    /// The paths being watched, as given.
    public let roots: [String]

    /// Drains the inotify queue: changed document paths; new folders are watched as they come.
    /// When the kernel's queue overflowed, changes were lost: every root counts as changed.
    private func readEvents() -> Set<String> {
        var changed: Set<String> = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (descriptor, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = String(decoding: buffer[nameStart..<(nameStart + length)].prefix { $0 != 0 }, as: UTF8.self)
                offset = nameStart + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { changed.formUnion(roots) }
                guard let folder = folders[descriptor] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 || mask & UInt32(IN_DELETE_SELF) != 0 {
                    folders[descriptor] = nil
                    continue
                }
                if name.isEmpty || FileDiscovery.isSkipped(name) { continue }
                if let named = namedFiles[folder], !named.contains(name) { continue }
                let path = folder == "." ? name : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { try? watchTree(path) }
                    // A folder that came or went may hold documents: the import finds out.
                    changed.insert(path)
                } else if FileDiscovery.isDocumentName(name) {
                    changed.insert(path)
                }
            }
        }
        return changed
    }

    /// Watches `folder` and every folder below it that an import would walk.
    private func watchTree(_ folder: String) throws {
        try watch(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where !FileDiscovery.isSkipped(name) {
            let path = folder + "/" + name
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { try watchTree(path) }
        }
    }

    private func watch(_ folder: String) throws {
        let descriptor = inotify_add_watch(inotify, folder, Self.mask)
        guard descriptor >= 0 else {
            throw WatchError(description: "cannot watch \(folder): \(String(cString: strerror(errno)))"
                             + (errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : ""))
        }
        folders[descriptor] = folder
    }
}
#endif
