import Foundation
import Testing
import Reports

/// Every report's JSON against `ReportSchema` (the description `planq schema --reports` prints),
/// and the listing objects reports embed against the listings' own JSON.
@Suite struct ReportJSONTests {
    static let reports: [[String]] = [["week", "1"], ["week", "2"], ["week", "3"], ["week", "4"], ["burndown"], ["gates"], ["risks"], ["metrics"], ["retro"]]

    /// Checks `value` against `type`; returns what disagrees, as `path: problem` lines.
    static func problems(_ value: Any, _ type: String, at path: String) -> [String] {
        var type = type
        if type.hasSuffix("?") {
            if value is NSNull { return [] }
            type.removeLast()
        }
        if type.hasSuffix("[]") {
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            let element = String(type.dropLast(2))
            return array.enumerated().flatMap { problems($1, element, at: "\(path)[\($0)]") }
        }
        switch type {
        case "string": return value is String ? [] : ["\(path): not a string"]
        case "integer":
            guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded() else { return ["\(path): not an integer: \(value)"] }
            return []
        case "number":
            guard value is NSNumber else { return ["\(path): not a number: \(value)"] }
            return []
        case "date":
            guard let text = value as? String, text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil else { return ["\(path): not a date: \(value)"] }
            return []
        case "source":
            guard let text = value as? String, text.range(of: #"^.+:\d+$"#, options: .regularExpression) != nil else { return ["\(path): not a source: \(value)"] }
            return []
        default:
            if let allowed = ReportSchema.enums[type] {
                guard let text = value as? String, allowed.contains(text) else { return ["\(path): not a \(type): \(value)"] }
                return []
            }
            guard let shape = ReportSchema.objects.first(where: { $0.name == type }) else { return ["\(path): unknown type \(type)"] }
            return object(value, shape.fields, at: path)
        }
    }

    static func object(_ value: Any, _ fields: [ReportSchema.Field], at path: String) -> [String] {
        guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
        var found = Set(object.keys).subtracting(fields.map(\.name)).sorted().map { "\(path).\($0): not described" }
        for field in fields {
            guard let member = object[field.name] else {
                if !field.optional { found.append("\(path).\(field.name): missing") }
                continue
            }
            found += problems(member, field.type, at: "\(path).\(field.name)")
        }
        return found
    }

    static func json(_ planq: Planq, _ arguments: [String]) throws -> Any {
        let result = try planq.run(arguments + ["--today", "2026-03-18", "--format", "json"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    @Test func everyReportMatchesItsDescription() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/", "--today", "2026-03-09"])
        try planq.run(["import", "samples/", "--today", "2026-03-16"])
        for arguments in Self.reports {
            let report = try #require(try Self.json(planq, ["report"] + arguments) as? [String: Any])
            let name = arguments[0]
            let description = try #require(ReportSchema.reports.first { $0.name == name })
            var fields = ReportSchema.document + description.facts + [ReportSchema.Field("sections", "string", "")]
            if !description.summary.isEmpty { fields.append(ReportSchema.Field("summary", "string", "")) }
            var problems = Self.object(report.filter { $0.key != "sections" && $0.key != "summary" }, fields.filter { $0.name != "sections" && $0.name != "summary" }, at: name)
            if !description.summary.isEmpty { problems += Self.object(report["summary"] ?? NSNull(), description.summary, at: "\(name).summary") }
            let sections = try #require(report["sections"] as? [[String: Any]])
            let present = Set(sections.compactMap { $0["id"] as? String })
            #expect(sections.map { $0["id"] as? String } == description.sections.filter { !$0.optional || present.contains($0.id) }.map(\.id),
                    "\(name): section order")
            for section in sections {
                let id = section["id"] as? String ?? ""
                let described = description.sections.first { $0.id == id }?.fields ?? []
                let common = [ReportSchema.Field("id", "string", ""), ReportSchema.Field("title", "string", ""), ReportSchema.Field("text", "string[]", "", optional: true)]
                problems += Self.object(section, common + described, at: "\(name).\(id)")
            }
            let listed = problems.joined(separator: "\n")
            #expect(problems.isEmpty, "\(arguments.joined(separator: " ")):\n\(listed)")
        }
    }

    @Test func embeddedListingObjectsEqualTheListingsOwnJSON() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/", "--today", "2026-03-09"])
        var listings: [String: [Int: NSDictionary]] = [:]
        for (kind, command) in [("task", "tasks"), ("gate", "gates"), ("risk", "risks"), ("metric", "metrics"), ("note", "notes")] {
            let rows = try #require(try Self.json(planq, [command]) as? [[String: Any]])
            listings[kind] = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! Int, $0 as NSDictionary) })
        }
        var compared = [String: Int]()
        func visit(_ value: Any, _ kind: String, _ path: String) {
            if kind.hasSuffix("[]") { (value as? [Any])?.enumerated().forEach { visit($1, String(kind.dropLast(2)), "\(path)[\($0)]") }; return }
            guard let object = value as? [String: Any], let listing = listings[kind], let id = object["id"] as? Int else { return }
            let own = listing[id]
            #expect(own != nil, "\(path): \(kind) \(id) is not in its listing")
            // Reports may add fields (a gate's `open` tasks, its `role`); the listing's own fields are equal.
            let shared = object.filter { own?[$0.key] != nil }
            #expect(own.map { NSDictionary(dictionary: shared) == $0 } ?? false, "\(path): differs from its listing")
            let ownKeys = (own?.allKeys as? [String]) ?? []
            #expect(Set(ownKeys).isSubset(of: Set(object.keys)), "\(path): lacks listing fields")
            compared[kind, default: 0] += 1
            if let open = object["open"] { visit(open, "task[]", path + ".open") }
        }
        for arguments in Self.reports {
            let report = try #require(try Self.json(planq, ["report"] + arguments) as? [String: Any])
            let description = try #require(ReportSchema.reports.first { $0.name == arguments[0] })
            for section in report["sections"] as? [[String: Any]] ?? [] {
                for field in description.sections.first(where: { $0.id == section["id"] as? String })?.fields ?? [] {
                    if let value = section[field.name] { visit(value, field.type, "\(arguments.joined(separator: " ")).\(field.name)") }
                }
            }
        }
        for kind in ["task", "gate", "risk", "metric", "note"] { #expect(compared[kind, default: 0] > 0, "no \(kind) object was compared") }
    }

    @Test func theDescriptionInDocsIsWhatSchemaReportsPrints() throws {
        let printed = try Planq().run(["schema", "--reports"]).stdout
        let file = try String(contentsOf: Planq.root.appendingPathComponent("docs/report-json.md"), encoding: .utf8)
        #expect(printed == file, "run `planq schema --reports > docs/report-json.md`")
    }
}
