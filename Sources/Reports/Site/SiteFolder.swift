import Foundation

/// The folder a report site is written to. A manifest names every file planq wrote there, so a
/// re-run replaces only those (unchanged pages are not touched), removes the ones no longer
/// produced, and never deletes or overwrites anything else. A folder holding other files is
/// refused unless `force`; even then a file planq did not write is never replaced. The files
/// `force` accepted are listed too, so the next run need not be forced again for them.
public struct SiteFolder: Sendable {
    public static let manifestName = ".planq-site"

    public struct Outcome: Sendable, Equatable {
        public let written: Int
        public let unchanged: Int
        public let removed: Int
    }

    public let path: String

    public init(path: String) { self.path = path }

    public func write(_ pages: [ReportSite.Page], force: Bool) throws -> Outcome {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw GeneratorError("\(path) is not a folder: a site is written to a folder (-o DIR)") }
        } else {
            try GeneratedFile.createFolder(path)
        }
        let (previous, kept) = try manifest()
        let present = try files()
        let wanted = Set(pages.map(\.path))
        let foreign = present.subtracting(previous).subtracting([Self.manifestName]).sorted()
        let unexpected = foreign.filter { !kept.contains($0) }
        if let clash = foreign.first(where: wanted.contains) {
            throw GeneratorError("\(path)/\(clash) exists and planq did not write it; move it or choose another folder")
        }
        if !unexpected.isEmpty, !force {
            let shown = unexpected.prefix(3).joined(separator: ", ") + (unexpected.count > 3 ? ", ..." : "")
            throw GeneratorError("\(path) holds files planq did not write (\(shown)); choose an empty folder, or pass --force to write beside them")
        }
        var written = 0, unchanged = 0
        for page in pages {
            let target = path + "/" + page.path
            try realFolder(for: page.path)
            let bytes = Array(page.contents.utf8)
            if let existing = FileManager.default.contents(atPath: target), Array(existing) == bytes {
                unchanged += 1
                continue
            }
            try GeneratedFile.replace(target, bytes: bytes)
            written += 1
        }
        var removed = 0
        for stale in previous.subtracting(wanted).sorted() where present.contains(stale) {
            if unlink(path + "/" + stale) == 0 { removed += 1 }
        }
        func list(_ names: [String]) -> String { names.isEmpty ? "[]" : "[\n" + names.map { "    " + Value.quote($0) }.joined(separator: ",\n") + "\n  ]" }
        try GeneratedFile.replace(path + "/" + Self.manifestName, bytes: Array("""
            {
              "generator": "planq report site",
              "files": \(list(wanted.sorted())),
              "kept": \(list(foreign))
            }

            """.utf8))
        return Outcome(written: written, unchanged: unchanged, removed: removed)
    }

    /// The files the last run wrote, and the others it was told to keep, from its manifest.
    func manifest() throws -> (files: Set<String>, kept: Set<String>) {
        guard let data = FileManager.default.contents(atPath: path + "/" + Self.manifestName) else { return ([], []) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let files = object["files"] as? [String] else {
            throw GeneratorError("\(path)/\(Self.manifestName) is not a planq site manifest; remove it or choose another folder")
        }
        return (Set(files), Set(object["kept"] as? [String] ?? []))
    }

    /// Every file below the folder, relative to it (links included, not followed), hidden
    /// folders left out.
    func files() throws -> Set<String> {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return [] }
        var found: Set<String> = []
        while let name = walker.nextObject() as? String {
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                // A hidden folder (the .git of a Pages checkout) is not the site's business.
                if (name as NSString).lastPathComponent.hasPrefix(".") { walker.skipDescendants() }
                continue
            }
            found.insert(name)
        }
        return found
    }

    /// Makes the page's folders, refusing one that is a link (a page must stay inside the site).
    private func realFolder(for page: String) throws {
        var folder = path
        for part in page.split(separator: "/").dropLast() {
            folder += "/" + part
            var info = stat()
            if lstat(folder, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else { throw GeneratorError("\(folder) is not a folder planq can write a page in") }
            } else {
                try GeneratedFile.createFolder(folder)
            }
        }
    }
}
