/// A fenced or indented code block as a document has it: the commands a runbook's procedure
/// is made of. The text is verbatim; `section` is the headings above it, outermost first.
public struct CodeBlockItem: Equatable, Codable, Sendable {
    public var line: Int
    /// The info string's first word, lowercased (`bash`, `python`), empty when there is none.
    public var language: String
    public var section: [String]
    public var text: String

    public init(line: Int, language: String, section: [String], text: String) {
        self.line = line
        self.language = language
        self.section = section
        self.text = text
    }

    /// Languages whose blocks are commands to run: a runbook's procedure keeps these.
    public static let shellLanguages: Set<String> = ["bash", "sh", "shell", "zsh", "fish", "console", "shell-session",
                                                     "sh-session", "powershell", "pwsh", "ps1", "bat", "cmd", "ksh"]

    /// Whether the block holds commands: a shell language, or no language and a line written
    /// at a prompt (`$ make deploy`). Unlabelled diagrams and examples are not commands.
    public var isShell: Bool {
        if Self.shellLanguages.contains(language) { return true }
        return language.isEmpty && text.split(separator: "\n").contains { $0.drop { $0 == " " }.hasPrefix("$ ") }
    }
}

/// A stored code block and where it is.
public struct CodeBlock: Sendable {
    public let id: Int64
    public let project: String
    public let item: CodeBlockItem
    public let source: SourceRef
}
