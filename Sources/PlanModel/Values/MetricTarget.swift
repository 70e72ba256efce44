/// A metric's target, parsed: `< 500ms`, `<= 2s`, `-30%`, `60 FPS`, `100%`, `Yes`, `+/- 20%`,
/// `30%+`, `99.9%`, `$1,200/month`, `2x faster`, `Production-ready`.
public struct MetricTarget: Equatable, Sendable {
    public enum Comparison: String, Sendable {
        /// `< 500ms`
        case below
        /// `<= 2s`
        case atMost
        /// `> 80%`
        case above
        /// `>= 85%`, `30%+`, `60 FPS`, `100%`: a plain number is a floor to reach.
        case atLeast
        /// `+/- 20%`: within that much of the baseline.
        case within
        /// `-30%`: a reduction of at least that much.
        case reduceBy
        /// `+25%`: an increase of at least that much.
        case increaseBy
        /// `Yes`, `Production-ready`: met when the actual says the same.
        case equals
    }

    public let comparison: Comparison
    /// The number, in the unit's base (ms for times, plain counts for K/M).
    public let value: Double?
    public let unit: String
    /// The words of a qualitative target.
    public let text: String?

    public init(comparison: Comparison, value: Double?, unit: String, text: String? = nil) {
        self.comparison = comparison
        self.value = value
        self.unit = unit
        self.text = text
    }

    /// The parsed target, or nil when the text is blank or cannot be read.
    public static func parse(_ raw: String) -> MetricTarget? {
        var text = Quantity.clean(raw)
        guard !text.isEmpty, !Quantity.isBlank(text) else { return nil }
        let lower = text.lowercased()
        if let (word, rest) = [("+/-", "within"), ("±", "within")].lazy.compactMap({ lower.hasPrefix($0.0) ? ($0.1, String(text.dropFirst($0.0.count))) : nil }).first,
           word == "within", let quantity = Quantity.parse(rest) {
            return MetricTarget(comparison: .within, value: quantity.value, unit: quantity.unit)
        }
        for (prefix, comparison) in [("<=", Comparison.atMost), ("≤", .atMost), (">=", .atLeast), ("≥", .atLeast),
                                     ("<", .below), (">", .above)] where text.hasPrefix(prefix) {
            guard let quantity = Quantity.parse(String(text.dropFirst(prefix.count))) else { return nil }
            return MetricTarget(comparison: comparison, value: quantity.value, unit: quantity.unit)
        }
        for (prefix, comparison) in [("-", Comparison.reduceBy), ("+", .increaseBy), ("−", .reduceBy)] where text.hasPrefix(prefix) {
            guard let quantity = Quantity.parse(String(text.dropFirst(prefix.count))) else { return nil }
            return MetricTarget(comparison: comparison, value: quantity.value, unit: quantity.unit)
        }
        if text.hasSuffix("+") {
            text.removeLast()
            guard let quantity = Quantity.parse(text) else { return nil }
            return MetricTarget(comparison: .atLeast, value: quantity.value, unit: quantity.unit)
        }
        if let quantity = Quantity.parse(text) {
            // "$1,200/month", "2 hours": amounts of cost and time are ceilings; other numbers floors.
            // A target of zero ("0 P1 bugs", "0 incidents") is a ceiling too: every count is at least 0.
            let ceiling = quantity.unit.hasPrefix("$") || quantity.unit.hasPrefix("€") || ["ms", "min", "h"].contains(quantity.unit)
                || quantity.value == 0
            return MetricTarget(comparison: ceiling ? .atMost : .atLeast, value: quantity.value, unit: quantity.unit)
        }
        // Words only: a qualitative target (`Yes`, `Production-ready`, `All major`).
        guard text.contains(where: \.isLetter), !text.contains(where: \.isNumber) else { return nil }
        return MetricTarget(comparison: .equals, value: nil, unit: "", text: text)
    }

    /// Whether `actual` meets the target: met, missed, pending (no actual) or unknown (cannot compare).
    public func evaluate(_ actualText: String?) -> MetricStatus {
        guard let actualText, !Quantity.isBlank(Quantity.clean(actualText)) else { return .pending }
        if comparison == .equals {
            guard let text else { return .unknown }
            let a = Quantity.words(actualText), t = Quantity.words(text)
            if a == t { return .met }
            if Quantity.isNegative(a) != Quantity.isNegative(t), Quantity.isYesNo(a), Quantity.isYesNo(t) { return .missed }
            return a.isEmpty ? .unknown : .unknown
        }
        guard let target = value, let actual = Quantity.parse(actualText.replacingPrefix("+/-", with: "").replacingPrefix("-", with: "")) ??
                Quantity.firstNumber(in: actualText), let measured = actual.converted(to: unit) else { return .unknown }
        switch comparison {
        case .below: return measured < target ? .met : .missed
        case .atMost: return measured <= target ? .met : .missed
        case .above: return measured > target ? .met : .missed
        case .atLeast: return measured >= target ? .met : .missed
        case .within: return abs(measured) <= target ? .met : .missed
        case .reduceBy, .increaseBy: return abs(measured) >= target ? .met : .missed
        case .equals: return .unknown
        }
    }
}

public enum MetricStatus: String, Sendable, CaseIterable {
    case met, missed, pending, unknown

    /// A status a document states: ✅ / "Met" / "Achieved", ❌ / "Missed" / "Not met".
    public static func stated(_ text: String) -> MetricStatus? {
        let lower = text.lowercased()
        if lower.utf8Contains("❌") || lower.utf8Contains("not met") || lower.utf8Contains("missed") || lower.utf8Contains("failed") || lower.utf8Contains("🔴") {
            return .missed
        }
        if lower.utf8Contains("✅") || lower.utf8Contains("✔") || lower.hasPrefix("met") || lower.utf8Contains("achieved") || lower.utf8Contains("exceeded")
            || lower.utf8Contains("pass") || lower.utf8Contains("🟢") {
            return .met
        }
        if lower.utf8Contains("⏳") || lower.utf8Contains("pending") || lower.utf8Contains("tbd") || lower.utf8Contains("in progress") { return .pending }
        return nil
    }
}

/// A number with a unit, normalized: times in ms, `K`/`M` multiplied out, `%` kept.
public struct Quantity: Equatable, Sendable {
    public let value: Double
    public let unit: String

    static func clean(_ text: String) -> String {
        var result = text.replacingOccurrences("*", with: "").replacingOccurrences("`", with: "")
        while result.first?.isWhitespace == true { result.removeFirst() }
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }

    /// Whether a cell says nothing yet: empty, `TBD`, `n/a`, `______`.
    public static func isUnstated(_ text: String) -> Bool { isBlank(clean(text)) }

    static func isBlank(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.isEmpty || lower == "tbd" || lower == "n/a" || lower == "-" || lower == "—" || lower == "?" { return true }
        // `___/5`, `___min`, `___%`: a blank to fill in, with its unit.
        if lower.hasPrefix("__") { return true }
        return lower.allSatisfy { $0 == "_" || $0 == "-" || $0 == " " || $0 == "." || $0 == "%" }
    }

    /// `500ms`, `2 s`, `60 FPS`, `99.9%`, `$1,200/month`, `10k`, `2x`: the whole text a quantity.
    public static func parse(_ raw: String) -> Quantity? {
        var text = clean(raw)
        var currency = ""
        if let first = text.first, first == "$" || first == "€" || first == "£" {
            currency = String(first)
            text.removeFirst()
        }
        var digits = ""
        var index = text.startIndex
        while index < text.endIndex, text[index].isNumber || text[index] == "." || text[index] == "," {
            if text[index] != "," { digits.append(text[index]) }
            index = text.index(after: index)
        }
        guard !digits.isEmpty, var value = Double(digits) else { return nil }
        var unit = text[index...].lowercased()
        while unit.first == " " { unit.removeFirst() }
        // A trailing word after the unit (`2x faster`, `60 FPS target`) is not part of it.
        let unitWord = String(unit.prefix { !$0.isWhitespace })
        var normalized = unitWord
        switch unitWord {
        case "ms", "msec", "millisecond", "milliseconds": normalized = "ms"
        case "s", "sec", "secs", "second", "seconds": value *= 1000; normalized = "ms"
        case "min", "mins", "minute", "minutes": value *= 60_000; normalized = "ms"
        case "h", "hr", "hrs", "hour", "hours": value *= 3_600_000; normalized = "ms"
        case "k": value *= 1000; normalized = ""
        case "m": value *= 1_000_000; normalized = ""
        case "x", "×": normalized = "x"
        default: break
        }
        if unitWord.hasPrefix("k/") || unitWord.hasPrefix("k "), unitWord.count > 1 { value *= 1000; normalized = String(unitWord.dropFirst()) }
        if !currency.isEmpty { normalized = currency + normalized }
        return Quantity(value: value, unit: normalized)
    }

    /// The first number in free text (`**58.2%** (812/1,395)`): what a bold actual usually is.
    static func firstNumber(in text: String) -> Quantity? {
        let cleaned = clean(text)
        guard let start = cleaned.firstIndex(where: { $0.isNumber || $0 == "$" }) else { return nil }
        let tail = cleaned[start...].prefix { !$0.isWhitespace && $0 != "(" }
        return parse(String(tail))
    }

    /// The value in `unit`'s terms, or nil when the units cannot be compared.
    func converted(to target: String) -> Double? {
        if unit == target { return value }
        if unit.isEmpty || target.isEmpty {
            // "60" vs "60 fps": a bare number takes the target's unit; a % is not a count.
            return unit == "%" || target == "%" ? nil : value
        }
        return nil
    }

    static func words(_ text: String) -> String {
        clean(text).lowercased().filter { $0.isLetter || $0 == " " || $0 == "-" }.split(separator: " ").joined(separator: " ")
    }

    static func isYesNo(_ text: String) -> Bool { ["yes", "no", "true", "false", "done", "not done"].contains(text) }
    static func isNegative(_ text: String) -> Bool { ["no", "false", "not done"].contains(text) }
}

extension String {
    /// The string with every `target` replaced (no Foundation needed).
    public func replacingOccurrences(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.utf8Range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }
}
