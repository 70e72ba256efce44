import Foundation
import Markdown
import Reports

/// One architecture decision record in the folder, as `planq adrs` lists it.
public struct ADRRecord: Sendable, Equatable {
    public let number: Int
    public let title: String
    public let status: String?
    public let date: String?
    /// The record that supersedes this one, from a status such as `superseded by [ADR-0007](...)`.
    public let supersededBy: Int?
    public let path: String
    /// The 0-based index of the status line, where `--supersedes` writes.
    let statusLine: StatusLine?

    /// Where a record states its status: the shapes MADR and adr-tools write.
    enum StatusLine: Sendable, Equatable {
        /// `status: proposed` in YAML front matter.
        case frontMatter(Int)
        /// `- Status: Accepted` or `Status: Accepted`, the value after `prefix`.
        case labelled(Int, prefix: String)
        /// The first line under a `## Status` heading.
        case section(Int)

        var index: Int {
            switch self { case .frontMatter(let i), .labelled(let i, _), .section(let i): return i }
        }
    }

    /// The status as words: Markdown links read as their text (`Superseded by ADR-0003`).
    public var statusWords: String? {
        status.map { $0.replacing(/\[([^\]]*)\]\([^)]*\)/) { String($0.output.1) } }
    }

    /// The record as a report site lists it.
    public var summary: DecisionRecordSummary {
        DecisionRecordSummary(number: number, title: title, status: statusWords, date: date, supersededBy: supersededBy)
    }

    /// Whether `--supersedes` can mark this record.
    public var hasStatusLine: Bool { statusLine != nil }

    /// The number as file names write it: four digits.
    public static func format(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// The folder a project keeps its decision records in, found the way ADR users expect.
public struct ADRFolder: Sendable {
    /// The folder, relative to the working directory (or absolute).
    public let path: String
    /// Whether an `.adr-dir` file named it: adr-tools keeps such folders.
    public var namedByADRTools = false

    /// How the folder's records are written: new records follow the folder.
    public enum Style: String, Sendable {
        /// MADR: front matter (or `- Status:` lines) and its sections.
        case madr
        /// adr-tools (Michael Nygard's): `# 7. Title`, `Date:`, a `## Status` section.
        case nygard
    }

    /// The style most of the records have; an empty folder an `.adr-dir` names is adr-tools'.
    public func style() -> Style {
        let records = (try? records()) ?? []
        guard !records.isEmpty else { return namedByADRTools ? .nygard : .madr }
        let nygard = records.filter { if case .section = $0.statusLine { return true } else { return false } }.count
        return nygard * 2 > records.count ? .nygard : .madr
    }

    /// The conventional folders, in the order they are looked for.
    public static let conventional = ["docs/adr", "docs/decisions", "doc/adr"]

    public init(path: String) {
        self.path = path
    }

    /// `explicit` (`--dir`) when given; else the folder an `.adr-dir` file names (adr-tools writes
    /// one, in this folder or a parent); else the first conventional folder that exists; else
    /// `docs/adr`, which `create` makes.
    public static func locate(explicit: String?, from directory: String = ".") -> ADRFolder {
        if let explicit { return ADRFolder(path: explicit) }
        var folder = (directory as NSString).standardizingPath
        if !folder.hasPrefix("/") { folder = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(folder) }
        var relative = ""
        while true {
            let marker = (folder as NSString).appendingPathComponent(".adr-dir")
            if let data = FileManager.default.contents(atPath: marker) {
                let named = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if !named.isEmpty {
                    var found = ADRFolder(path: named.hasPrefix("/") ? named : relative + named)
                    found.namedByADRTools = true
                    return found
                }
            }
            guard folder != "/" else { break }
            folder = (folder as NSString).deletingLastPathComponent
            relative += "../"
        }
        let base = directory == "." ? "" : directory + "/"
        let existing = conventional.first { isDirectory(base + $0) }
        return ADRFolder(path: base + (existing ?? conventional[0]))
    }

    /// The records in the folder (files named `NNNN-title.md`), by number.
    public func records() throws -> [ADRRecord] {
        guard Self.isDirectory(path) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw GeneratorError("cannot read folder \(path): \(error.localizedDescription)")
        }
        return names.compactMap { name -> ADRRecord? in
            guard let number = Self.number(of: name) else { return nil }
            let file = (path as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: file) else { return nil }
            return Self.read(String(decoding: data, as: UTF8.self), number: number, path: file)
        }.sorted { ($0.number, $0.path) < ($1.number, $1.path) }
    }

    /// The record numbered `number`; an error naming the folder when there is none.
    public func record(_ number: Int) throws -> ADRRecord {
        guard let record = try records().first(where: { $0.number == number }) else {
            throw GeneratorError("no record \(ADRRecord.format(number)) in \(path)")
        }
        return record
    }

    /// Creates the next record: under a lock on the folder, numbers it one past the highest, renders
    /// it for that number and writes it exclusively. Returns its path. A record with the same title
    /// is a rerun, not a new decision, unless the new record supersedes one (`allowingSameTitle`);
    /// checking under the lock keeps two runs at once from both writing it.
    public func create(slug: String, allowingSameTitle: Bool = false, render: (Int) throws -> String) throws -> String {
        try GeneratedFile.createFolder(path)
        return try GeneratedFile.withLock(on: path) {
            let existing = try records()
            if !allowingSameTitle, let same = existing.first(where: { Slug.make($0.title) == slug }) {
                throw GeneratorError("\(same.path) already records \"\(same.title)\"; nothing was written (to revisit it: --supersedes \(same.number))")
            }
            let next = (existing.map(\.number).max() ?? 0) + 1
            let file = (path as NSString).appendingPathComponent("\(ADRRecord.format(next))-\(slug).md")
            try GeneratedFile.create(file, contents: try render(next))
            return file
        }
    }

    /// Sets `record`'s status line to say `newer` supersedes it: the one edit planq makes to an
    /// existing file, to that line only.
    public func markSuperseded(_ record: ADRRecord, by number: Int, fileName: String) throws {
        guard let line = record.statusLine else {
            throw GeneratorError("\(record.path) has no status line (`status:` front matter, `Status:` or a `## Status` section) to mark superseded")
        }
        let link = "[ADR-\(ADRRecord.format(number))](\(fileName))"
        let text: String
        switch line {
        case .frontMatter: text = "status: \"superseded by \(link)\""
        case .labelled(_, let prefix): text = prefix + "Superseded by " + link
        case .section: text = "Superseded by " + link
        }
        try GeneratedFile.replaceLine(line.index, in: record.path, with: text)
    }

    /// The leading number of a record's file name (`0007-title.md` → 7).
    public static func number(of name: String) -> Int? {
        guard name.lowercased().hasSuffix(".md") else { return nil }
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, name.dropFirst(digits.count).first == "-" else { return nil }
        return Int(digits)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// Reads a record's title, status and date from MADR front matter, MADR 2 `- Status:` lines or
    /// adr-tools `## Status` sections. cmark reads the structure (headings, paragraphs, list
    /// items, with their lines); the raw line gives only the prefix a status edit keeps.
    static func read(_ text: String, number: Int, path: String) -> ADRRecord {
        // "\r\n" is one Character: split on it too, so indexes count the lines `replaceLine` counts.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        let front = FrontMatter.split(text)
        var status = front.fields["status"].flatMap { $0.isEmpty ? nil : $0 }
        var statusLine = status == nil ? nil : front.lines["status"].map(ADRRecord.StatusLine.frontMatter)
        var date = front.fields["date"].flatMap { $0.isEmpty ? nil : $0 }
        var title: String?
        var underStatusHeading = false
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node.kind {
                case .heading(let level):
                    let heading = node.text.trimmingCharacters(in: .whitespaces)
                    if title == nil, level == 1 { title = stripNumber(heading) }
                    underStatusHeading = status == nil && heading.lowercased() == "status"
                case .paragraph:
                    let texts = node.text.split(separator: "\n", omittingEmptySubsequences: false)
                    if underStatusHeading, let first = texts.first {
                        status = first.trimmingCharacters(in: .whitespaces)
                        statusLine = .section(node.line - 1)
                        underStatusHeading = false
                        continue
                    }
                    for (offset, line) in texts.enumerated() {
                        guard let (label, value) = labelled(String(line)) else { continue }
                        if label == "status", status == nil {
                            status = value
                            let raw = node.line - 1 + offset
                            if lines.indices.contains(raw) { statusLine = .labelled(raw, prefix: prefix(of: lines[raw], before: value)) }
                        }
                        if label == "date", date == nil { date = value }
                    }
                case .list, .item:
                    visit(node.children)
                default:
                    underStatusHeading = false
                }
            }
        }
        visit(CmarkDocument.parse(front.body).children)
        let name = (path as NSString).lastPathComponent
        return ADRRecord(number: number, title: title ?? String(name.dropLast(3)), status: status, date: date,
                         supersededBy: status.flatMap(supersedingNumber), path: path, statusLine: statusLine)
    }

    /// `Status: Accepted` (markup already stripped): the label and the value, for the labels a
    /// record's head has.
    private static func labelled(_ line: String) -> (label: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        guard label == "status" || label == "date" else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : (label, value)
    }

    /// What precedes the value on the raw line (`- Status: `, `* **Status:** `): kept when the
    /// status is rewritten.
    private static func prefix(of raw: String, before value: String) -> String {
        guard let colon = raw.firstIndex(of: ":") else { return raw }
        var start = raw.index(after: colon)
        while start < raw.endIndex, raw[start] == "*" || raw[start] == "_" || raw[start] == " " { start = raw.index(after: start) }
        return String(raw[..<start])
    }

    /// `7. Use Step Functions` → `Use Step Functions` (adr-tools numbers its titles).
    private static func stripNumber(_ heading: String) -> String {
        let digits = heading.prefix { $0.isNumber }
        guard !digits.isEmpty, heading.dropFirst(digits.count).hasPrefix(". ") else { return heading }
        return String(heading.dropFirst(digits.count + 2))
    }

    /// The number after `superseded by` in a status: `[ADR-0007](...)`, `[7. Title](...)`.
    private static func supersedingNumber(_ status: String) -> Int? {
        guard let range = status.lowercased().range(of: "superseded by") else { return nil }
        let rest = status[range.upperBound...].drop { !$0.isNumber }
        return Int(rest.prefix { $0.isNumber })
    }
}
