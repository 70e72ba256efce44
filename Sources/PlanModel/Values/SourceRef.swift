/// Where an item was found: printed `path:line`, the form editors and terminals link.
public struct SourceRef: Hashable, Codable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public var description: String { "\(path):\(line)" }
}
