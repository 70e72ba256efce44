import Reports
import Foundation

/// Where a generator's template comes from: `.planq/templates/NAME` beside the documents when
/// the team has one, else the built-in copy of `templates/NAME`.
public enum TemplateSource {
    public static let overrideFolder = ".planq/templates"

    public static let adrPlaceholders: Set<String> = [
        "title", "number", "date", "status", "project", "decision_makers",
        "supersedes", "context", "drivers", "options", "outcome", "consequences", "confirmation", "pros_and_cons", "more_information",
    ]
    public static let nygardPlaceholders: Set<String> = [
        "title", "ordinal", "date", "status_word", "supersedes", "context", "drivers", "outcome", "consequences",
    ]
    public static let runbookPlaceholders: Set<String> = [
        "title", "date", "project",
        "overview", "prerequisites", "procedure", "verification", "monitoring", "rollback", "escalation",
    ]

    /// The record template for a folder's style: MADR, or adr-tools' (Nygard's) shape.
    public static func adr(style: ADRFolder.Style = .madr, in directory: String = ".") throws -> Template {
        switch style {
        case .madr: return try load("adr.md", builtin: BuiltinTemplates.adr, placeholders: adrPlaceholders, in: directory)
        case .nygard: return try load("adr-nygard.md", builtin: BuiltinTemplates.adrNygard, placeholders: nygardPlaceholders, in: directory)
        }
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
