import Foundation
import Importers
let path = CommandLine.arguments[1]
let data = FileManager.default.contents(atPath: path)!
let (f, d) = DocumentRecognizer.recognize(SourceText(bytes: [UInt8](data), path: path), path: path)
print(f.projectName, f.kind, f.startDate ?? "-", "tasks:", f.tasks.count, "gates:", f.gates.count)
for t in f.tasks { print(t.line, t.status.rawValue, "w\(t.week.map(String.init) ?? "-")", "p\(t.phase.map(String.init) ?? "-")", t.number ?? "", t.title, t.owners.map { "\($0.name)=\($0.action ?? "")" }, t.requirements, t.parentLine ?? 0, t.timeline ?? "") }
for g in f.gates { print("GATE", g.line, g.kind, g.title, g.week ?? 0, g.phase ?? 0, g.checkbox as Any, g.criteria.map { "\($0.text)[\($0.checked.map { $0 ? "x" : " " } ?? "-")]" }) }
for x in d { print(x) }
