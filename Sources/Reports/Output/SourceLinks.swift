import Foundation
import PlanModel

/// Markdown links from a generated file to the documents its facts come from: the link text is
/// `path:line` as the knowledge base has it, the target is relative to the generated file's
/// folder (`../../plan.md#L42`), so the links work wherever the repository is checked out.
public struct SourceLinks: Sendable {
    /// The generated file's folder, absolute.
    let folder: [String]
    let workingDirectory: String

    /// `folder` is where the generated file goes; document paths relative in the knowledge base
    /// are relative to `workingDirectory` (where `planq import` ran).
    public init(folder: String, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
        self.folder = Self.components(Self.absolute(folder, in: workingDirectory))
    }

    public func link(_ source: SourceRef) -> String {
        "[\(source.description.replacingOccurrences(of: "]", with: "\\]"))](\(target(source)))"
    }

    func target(_ source: SourceRef) -> String {
        let file = Self.components(Self.absolute(source.path, in: workingDirectory))
        var shared = 0
        while shared < min(folder.count, file.count - 1), folder[shared] == file[shared] { shared += 1 }
        let steps = Array(repeating: "..", count: folder.count - shared) + file[shared...]
        let path = steps.joined(separator: "/")
        // Spaces and parentheses would end a Markdown link target.
        let escaped = path.unicodeScalars.map { scalar -> String in
            switch scalar {
            case " ": return "%20"
            case "(": return "%28"
            case ")": return "%29"
            default: return String(scalar)
            }
        }.joined()
        return escaped + "#L\(source.line)"
    }

    private static func absolute(_ path: String, in directory: String) -> String {
        LexicalPath.absolute(path, in: directory)
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }
}
