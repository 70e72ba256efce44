import Foundation
import PlanModel

/// The git history of the documents under some paths, read with `git` as a subprocess: which
/// commits touched them (oldest first, with commit dates), and each document as it was in one.
public struct GitHistory: Sendable {
    public struct Commit: Sendable, Equatable {
        public let hash: String
        /// `YYYY-MM-DD`, the commit date: the day a replayed import describes.
        public let date: String
        public let nanoseconds: Int64
    }

    public struct GitError: Error, CustomStringConvertible {
        public let description: String
    }

    /// A path as the user gave it, and the same place relative to the repository's root.
    struct Root: Sendable {
        let given: String
        let inRepository: String
    }

    let repository: String
    let roots: [Root]

    public init(paths: [String]) throws {
        var repository: String?
        var roots: [Root] = []
        for path in paths.map(FileDiscovery.normalize) {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                throw GitError(description: "\(path): no such file or directory")
            }
            let folder = isDirectory.boolValue ? absolute : (absolute as NSString).deletingLastPathComponent
            guard let top = try? Self.git(["rev-parse", "--show-toplevel"], in: folder).trimmingWhitespace(), !top.isEmpty else {
                throw GitError(description: "--history needs \(path) inside a git repository (and git installed)")
            }
            let resolvedTop = URL(fileURLWithPath: top).standardizedFileURL.resolvingSymlinksInPath().path
            let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
            if let known = repository, known != resolvedTop { throw GitError(description: "--history paths must be in one git repository") }
            repository = resolvedTop
            let relative = resolved == resolvedTop ? "" : String(resolved.dropFirst(resolvedTop.count + 1))
            roots.append(Root(given: path, inRepository: relative))
        }
        guard let repository else { throw GitError(description: "--history needs a path") }
        self.repository = repository
        self.roots = roots
    }

    /// The commits that changed anything under the paths, oldest first.
    public func commits() throws -> [Commit] {
        let specs = roots.map { $0.inRepository.isEmpty ? "." : $0.inRepository }
        let log = try Self.git(["log", "--reverse", "--format=%H %ct %cI", "--"] + specs, in: repository)
        return log.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 3, let seconds = Int64(parts[1]) else { return nil }
            return Commit(hash: String(parts[0]), date: String(parts[2].prefix(10)), nanoseconds: seconds * 1_000_000_000)
        }
    }

    /// The documents as they were in `commit`.
    public func source(at commit: Commit) -> DocumentSource { CommitSource(history: self, commit: commit) }

    static func git(_ arguments: [String], in folder: String) throws -> String {
        String(decoding: try gitData(arguments, in: folder), as: UTF8.self)
    }

    static func gitData(_ arguments: [String], in folder: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GitError(description: "git \(arguments.joined(separator: " ")) failed in \(folder)")
        }
        return data
    }
}

/// One commit's documents, with the paths a working-tree import would give them.
struct CommitSource: DocumentSource {
    let history: GitHistory
    let commit: GitHistory.Commit

    func find(_ roots: [String], report: (Diagnostic) -> Void) -> [DiscoveredFile] {
        var files: [DiscoveredFile] = []
        for root in history.roots {
            let spec = root.inRepository.isEmpty ? "." : root.inRepository
            guard let listing = try? GitHistory.git(["ls-tree", "-r", "-l", commit.hash, "--", spec], in: history.repository) else { continue }
            for line in listing.split(separator: "\n") {
                // `<mode> blob <hash> <size>\t<path>`
                guard let tab = line.firstIndex(of: "\t") else { continue }
                let fields = line[..<tab].split(separator: " ", omittingEmptySubsequences: true)
                let file = String(line[line.index(after: tab)...])
                guard fields.count == 4, fields[1] == "blob", let size = Int(fields[3]),
                      let dot = file.lastIndex(of: "."), FileDiscovery.extensions.contains(file[file.index(after: dot)...].lowercased()),
                      !file.split(separator: "/").dropLast().contains(where: { $0.hasPrefix(".") || $0 == "node_modules" }) else { continue }
                files.append(DiscoveredFile(path: documentPath(file, under: root), size: size, mtimeNanoseconds: commit.nanoseconds))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    func read(_ file: DiscoveredFile) -> [UInt8]? {
        guard let inRepository = repositoryPath(file.path),
              let data = try? GitHistory.gitData(["show", "\(commit.hash):\(inRepository)"], in: history.repository) else { return nil }
        return [UInt8](data)
    }

    private func documentPath(_ file: String, under root: GitHistory.Root) -> String {
        let rest = root.inRepository.isEmpty ? file : String(file.dropFirst(root.inRepository.count + 1))
        if root.inRepository == file { return root.given }
        return root.given == "." ? rest : root.given + "/" + rest
    }

    private func repositoryPath(_ path: String) -> String? {
        for root in history.roots {
            if path == root.given { return root.inRepository }
            let prefix = root.given == "." ? "" : root.given + "/"
            if path.hasPrefix(prefix) {
                let rest = String(path.dropFirst(prefix.count))
                return root.inRepository.isEmpty ? rest : root.inRepository + "/" + rest
            }
        }
        return nil
    }
}
