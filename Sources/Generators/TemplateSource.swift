import Reports
import Foundation

/// Where a generator's template comes from: `.planq/templates/NAME` beside the documents when
/// the team has one, else the built-in copy of `templates/NAME`.
public enum TemplateSource {
    public static let overrideFolder = ".planq/templates"

    public static let adrPlaceholders: Set<String> = [
        "title", "number", "date", "status", "project",
        "supersedes", "context", "drivers", "options", "outcome", "consequences", "more_information",
    ]
    public static let runbookPlaceholders: Set<String> = [
        "title", "date", "project",
        "overview", "prerequisites", "procedure", "verification", "monitoring", "rollback", "escalation",
    ]

    public static func adr(in directory: String = ".") throws -> Template {
        try load("adr.md", builtin: BuiltinTemplates.adr, placeholders: adrPlaceholders, in: directory)
    }

    public static func runbook(in directory: String = ".") throws -> Template {
        try load("runbook.md", builtin: BuiltinTemplates.runbook, placeholders: runbookPlaceholders, in: directory)
    }

    static func load(_ name: String, builtin: String, placeholders: Set<String>, in directory: String) throws -> Template {
        let path = (directory == "." ? "" : directory + "/") + overrideFolder + "/" + name
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else { throw GeneratorError("cannot read template \(path)") }
            return try Template(String(decoding: data, as: UTF8.self), name: path, placeholders: placeholders)
        }
        return try Template(builtin, name: "templates/\(name) (built in)", placeholders: placeholders)
    }
}
