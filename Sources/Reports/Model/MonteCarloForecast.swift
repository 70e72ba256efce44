import PlanModel

/// When the remaining work ends, with its uncertainty. Each run replays the project week by week
/// from its last import, every week drawing one recorded week at random and taking that week's
/// net change in remaining work (tasks done, and tasks added or removed: scope changes count),
/// until nothing is left. The finish weeks of all runs give P50, P85 and P95 and the share of
/// runs ending by the plan's last week. Seeded, so the same history gives the same report.
public struct MonteCarloForecast: Sendable {
    public struct Settings: Sendable, Equatable {
        public let runs: Int
        public let seed: UInt64

        public init(runs: Int = 10_000, seed: UInt64 = Settings.defaultSeed) {
            self.runs = runs
            self.seed = seed
        }

        public static let standard = Settings()
        public static let defaultSeed: UInt64 = 7
        /// More runs than this change no percentile a report prints and only cost time.
        public static let maximumRuns = 1_000_000
    }

    /// One recorded week: tasks done in it and its net change in remaining work.
    public struct Week: Sendable, Equatable {
        public let done: Double
        public let burn: Double
    }

    /// Runs still going after this many weeks past the last import are counted as not finishing.
    public static let horizonWeeks = 520
    /// Fewer recorded weeks than this give no numbers: two weeks are a trend, not a spread.
    public static let minimumWeeks = 3

    public enum Outcome: Sendable, Equatable {
        /// Fewer than `minimumWeeks` weeks of throughput are recorded.
        case tooLittleHistory
        /// No recorded week reduced the remaining work.
        case noProgress
        case finishes(Percentiles)
    }

    public struct Percentiles: Sendable, Equatable {
        /// Finish weeks; nil when that share of runs had not finished by the horizon.
        public let p50: Int?
        public let p85: Int?
        public let p95: Int?
        /// The share of runs finishing by the plan's last week; nil without a planned end.
        public let onTimeProbability: Double?
        /// Runs finishing in each week (weeks with none left out), and runs past the horizon.
        public let histogram: [Bin]
        public let unfinished: Int
    }

    public struct Bin: Sendable, Equatable {
        public let week: Int
        public let runs: Int
    }

    public let settings: Settings
    public let weeks: [Week]
    public let remaining: Int
    public let lastWeek: Int
    public let plannedEndWeek: Int?
    public let outcome: Outcome

    /// `points` are the burndown's actual line (a point per week with an import), in week order.
    public init(points: [BurndownReport.Point], plannedEndWeek: Int?, settings: Settings = .standard) {
        self.settings = settings
        self.plannedEndWeek = plannedEndWeek
        let weeks = Self.weeks(of: points), remaining = points.last?.remaining ?? 0, lastWeek = points.last?.week ?? 0
        self.weeks = weeks
        self.remaining = remaining
        self.lastWeek = lastWeek
        if weeks.count < Self.minimumWeeks {
            outcome = .tooLittleHistory
        } else if remaining == 0 {
            let onTime = plannedEndWeek.map { lastWeek <= $0 ? 1.0 : 0.0 }
            outcome = .finishes(Percentiles(p50: lastWeek, p85: lastWeek, p95: lastWeek, onTimeProbability: onTime,
                                            histogram: [Bin(week: lastWeek, runs: settings.runs)], unfinished: 0))
        } else if !weeks.contains(where: { $0.burn > 0 }) {
            outcome = .noProgress
        } else {
            outcome = .finishes(Self.simulate(burns: weeks.map(\.burn), remaining: remaining, lastWeek: lastWeek,
                                              plannedEndWeek: plannedEndWeek, settings: settings))
        }
    }

    /// A week per week of history: an import after a gap of k weeks counts as k weeks, each
    /// with a k-th of what changed, so quiet weeks without imports are not lost.
    static func weeks(of points: [BurndownReport.Point]) -> [Week] {
        var weeks: [Week] = []
        for (before, after) in zip(points, points.dropFirst()) where after.week > before.week {
            let span = after.week - before.week
            let week = Week(done: Double(after.done - before.done) / Double(span),
                            burn: Double(before.remaining - after.remaining) / Double(span))
            weeks.append(contentsOf: repeatElement(week, count: span))
        }
        return weeks
    }

    static func simulate(burns: [Double], remaining: Int, lastWeek: Int, plannedEndWeek: Int?, settings: Settings) -> Percentiles {
        var random = SplitMix64(seed: settings.seed)
        // finishing[k]: runs that end k weeks after the last import (k = horizon: never).
        var finishing = [Int](repeating: 0, count: Self.horizonWeeks + 1)
        let start = Double(remaining)
        for _ in 0..<settings.runs {
            var left = start, elapsed = 0
            while left > 1e-9, elapsed < Self.horizonWeeks {
                left -= burns[random.below(burns.count)]
                elapsed += 1
            }
            finishing[left > 1e-9 ? Self.horizonWeeks : elapsed] += 1
        }
        let runs = settings.runs
        /// The week by which `share` of the runs had finished (nearest rank), nil past the horizon.
        func percentile(_ share: Double) -> Int? {
            let rank = Int((share * Double(runs)).rounded(.up))
            var seen = 0
            for (offset, count) in finishing.enumerated() where offset < Self.horizonWeeks {
                seen += count
                if seen >= rank { return lastWeek + offset }
            }
            return nil
        }
        let onTime = plannedEndWeek.map { planned -> Double in
            let within = planned - lastWeek
            guard within >= 0 else { return 0 }
            return Double(finishing.prefix(min(within, Self.horizonWeeks - 1) + 1).reduce(0, +)) / Double(runs)
        }
        let histogram = finishing.prefix(Self.horizonWeeks).enumerated().filter { $0.element > 0 }
            .map { Bin(week: lastWeek + $0.offset, runs: $0.element) }
        return Percentiles(p50: percentile(0.50), p85: percentile(0.85), p95: percentile(0.95), onTimeProbability: onTime,
                           histogram: histogram, unfinished: finishing[Self.horizonWeeks])
    }
}

/// SplitMix64: small, fast, and the same sequence on every machine for one seed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound; the modulo bias is below 2^-50 for the bounds a history has.
    mutating func below(_ bound: Int) -> Int { bound <= 1 ? 0 : Int(next() % UInt64(bound)) }
}
