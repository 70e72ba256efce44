import Reports

/// Text from a document on one Markdown line of a generated file: escaped by the renderers'
/// escaper, so a title such as `[x](javascript:...)` stays text.
func inline(_ text: String) -> String { MarkdownRenderer.inline(text) }

/// A Markdown fence that the block's own text cannot close: one backtick more than its longest run.
func fence(for text: String) -> String {
    var longest = 0, run = 0
    for character in text {
        run = character == "`" ? run + 1 : 0
        longest = max(longest, run)
    }
    return String(repeating: "`", count: max(3, longest + 1))
}
