import Foundation
import PlanModel

/// Where a knowledge base lives and what its document paths are relative to. Like git finding
/// `.git/`, planq looks for `.planq/` in the current folder and its parents; `--db FILE` names
/// the database, and its folder (the folder holding `.planq/` when FILE is inside one) is the
/// root. Documents inside the root are stored relative to it, others by absolute path, so one
/// file is one document however it was spelled and wherever planq ran.
struct ProjectRoot {
    /// The root folder, absolute.
    let folder: String
    /// The knowledge base file, absolute.
    let database: String

    static let folderName = ".planq"

    static func locate(database explicit: String?, workingDirectory: String = FileManager.default.currentDirectoryPath) -> ProjectRoot {
        if let explicit {
            let database = absolute(explicit, in: workingDirectory)
            var folder = (database as NSString).deletingLastPathComponent
            if (folder as NSString).lastPathComponent == folderName { folder = (folder as NSString).deletingLastPathComponent }
            return ProjectRoot(folder: folder, database: database)
        }
        var folder = absolute(workingDirectory, in: "/")
        while true {
            var isFolder: ObjCBool = false
            let candidate = (folder as NSString).appendingPathComponent(folderName)
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), isFolder.boolValue {
                return ProjectRoot(folder: folder, database: (candidate as NSString).appendingPathComponent("planq.db"))
            }
            if folder == "/" { break }
            folder = (folder as NSString).deletingLastPathComponent
        }
        let here = absolute(workingDirectory, in: "/")
        return ProjectRoot(folder: here, database: (here as NSString).appendingPathComponent("\(folderName)/planq.db"))
    }

    /// `path` (as typed, relative to `workingDirectory`) as the knowledge base stores it: relative
    /// to the root when inside it ("." for the root itself), else absolute.
    func stored(_ path: String, workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let full = Self.absolute(path, in: workingDirectory)
        if full == folder { return "." }
        let prefix = folder == "/" ? "/" : folder + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }

    static func absolute(_ path: String, in directory: String) -> String { LexicalPath.absolute(path, in: directory) }

    /// The repository around the current folder (the nearest folder holding `.git`), else the
    /// project root: what generators may write into without being told with `--dir`.
    func repository(workingDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        var folder = Self.absolute(workingDirectory, in: "/")
        while true {
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(".git")) { return folder }
            if folder == "/" { return self.folder }
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    /// Whether `path` (absolute) is `folder` or inside it.
    static func contains(_ folder: String, _ path: String) -> Bool {
        path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }
}
