/// An owner of a task with what they do for it (`nil` when the document names no action).
public struct OwnerAction: Hashable, Codable, Sendable {
    public let name: String
    public let action: String?

    public init(name: String, action: String?) {
        self.name = name
        self.action = action
    }
}

/// An owner and how much they own, for the `owners` listing.
public struct OwnerSummary: Equatable, Sendable {
    public let name: String
    public let projects: [String]
    public let tasks: Int
    public let open: Int
    public let done: Int

    public init(name: String, projects: [String], tasks: Int, open: Int, done: Int) {
        self.name = name
        self.projects = projects
        self.tasks = tasks
        self.open = open
        self.done = done
    }
}
