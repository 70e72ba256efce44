import PlanModel

/// The projects a command could mean, for an error that asks for `--project`: the first few by
/// key, then how many more (a knowledge base of thousands of projects named every one of them
/// in one line).
enum ProjectChoice {
    static let shown = 8

    static func list(_ projects: [Project], describe: (Project) -> String = { "\($0.key) (\($0.name))" }) -> String {
        let named = projects.prefix(shown).map(describe).joined(separator: ", ")
        guard projects.count > shown else { return named }
        return named + ", and \(projects.count - shown) more (`planq projects` lists them)"
    }
}
