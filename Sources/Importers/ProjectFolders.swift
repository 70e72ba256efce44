import Foundation
import PlanModel

/// Where a document that names no project belongs. A careful reader places `docs/risk-register.md`
/// with the project the other documents of its repository name; a folder of documents from many
/// projects (a download folder, a corpus) is a collection, and names none of them. So, from the
/// document's folder upwards: a folder whose documents name exactly one project gives that
/// project; a folder whose documents name several stops the search; a folder whose documents name
/// none gives its own name unless the name is generic (`docs`, `planning`, `specs`); above the
/// last folder the document is a project of its own, named by its title.
public enum ProjectFolders {
    /// Folder names that say what a folder holds, not which project it is.
    static let genericNames: Set<String> = [
        "docs", "doc", "documentation", "documents", "planning", "plans", "plan", "specs", "spec", ".kiro", "kiro",
        "wiki", "notes", "adr", "adrs", "decisions", "design", "designs", "sprints", "sprint", "reports", "report",
        "status", "roadmap", "tasks", "meetings", "src", "content", "pages", "project", "projects", "pm", "pmo",
        "management", "md", "markdown", "tmp", "temp", "home", "root", "work", "users", "user", "runbooks", "risks",
        "okr", "okrs", "archive", "old", "draft", "drafts", "dev-log", "devlog", "gobernanza", "governance",
        "dokumentation", "dokumente", "documentación", "documentos", "documentação", "progress", "tracking",
        "github", ".github", "repos", "repositories", "git", "shared", "data",
    ]

    static func isGeneric(_ folder: String) -> Bool {
        let lower = folder.lowercased()
        return genericNames.contains(lower) || lower.hasPrefix(".") || lower.allSatisfy { !$0.isLetter }
            || lower.hasPrefix("00") || ProjectTitle.isGeneric(lower.replacingOccurrences("-", with: " ").replacingOccurrences("_", with: " "))
    }

    /// The folders above `path`, nearest first, as path prefixes (`a/b/c.md` → `a/b`, `a`); a
    /// relative path ends with `""`, the folder it is relative to.
    static func ancestors(_ path: String) -> [String] {
        var result: [String] = []
        var current = path
        while let slash = current.lastIndex(of: "/") {
            current = String(current[..<slash])
            if current.isEmpty { break }
            result.append(current)
        }
        if !path.hasPrefix("/") { result.append("") }
        return result
    }

    static func name(of folder: String) -> String {
        if folder.isEmpty { return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).lastPathComponent }
        return folder.split(separator: "/").last.map(String.init) ?? folder
    }

    /// The nearest folder whose name is not generic: a document's provisional project.
    static func nearestNamed(_ path: String) -> String? {
        ancestors(path).map(name(of:)).first { !isGeneric($0) }
    }

    /// A document that names no project, placed.
    public struct Placement: Equatable {
        public let key: String
        public let name: String
    }

    /// The projects the documents under each folder name, built once per import.
    public struct Index {
        private var byFolder: [String: [String: String]] = [:]

        /// `stated` maps each document path whose project is stated to its project key and name.
        public init(stated: [String: (key: String, name: String)]) {
            for (path, project) in stated {
                for folder in ProjectFolders.ancestors(path) { byFolder[folder, default: [:]][project.key] = project.name }
            }
        }

        public func place(_ path: String, title: String?) -> Placement {
            ProjectFolders.place(path, title: title, byFolder: byFolder)
        }
    }

    private static func place(_ path: String, title: String?, byFolder: [String: [String: String]]) -> Placement {
        for folder in ancestors(path) {
            let projects = byFolder[folder] ?? [:]
            if projects.count == 1, let only = projects.first { return Placement(key: only.key, name: only.value) }
            if projects.count > 1 { break }
            let folderName = name(of: folder)
            if !isGeneric(folderName) { return Placement(key: ProjectKey.key(for: folderName), name: folderName) }
        }
        // A project of its own: keyed by its title and a hash of its path, so that two untitled
        // registers in one collection are never merged.
        let own = ProjectTitle.ownName(title: title)
        let hash = String(ContentHash.of(Array(path.utf8)).prefix(6))
        let slug = own.lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(3).joined(separator: "-")
        return Placement(key: (slug.isEmpty ? "untitled" : slug) + "-" + hash, name: own)
    }
}
