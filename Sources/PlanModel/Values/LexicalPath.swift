/// Paths compared as spelled: absolute, with `.` and `..` resolved by the words alone. Symbolic
/// links are kept (`docs` linked elsewhere stays `docs`), so a link inside a project keeps its
/// documents inside it.
public enum LexicalPath {
    public static func absolute(_ path: String, in directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
