import Testing
import PlanModel
@testable import Reports

@Suite struct MonteCarloForecastTests {
    /// An actual line from weekly imports: `remaining` and `done` at weeks 1, 2, 3...
    static func points(remaining: [Int], done: [Int]? = nil) -> [BurndownReport.Point] {
        remaining.enumerated().map { index, left in
            BurndownReport.Point(week: index + 1, remaining: left, done: done?[index] ?? (remaining[0] - left), added: 0, removed: 0,
                                 date: "2026-03-0\(index + 1)")
        }
    }

    static func percentiles(_ forecast: MonteCarloForecast) throws -> MonteCarloForecast.Percentiles {
        guard case .finishes(let result) = forecast.outcome else {
            Issue.record("no finish: \(forecast.outcome)")
            throw CancellationError()
        }
        return result
    }

    @Test func aSteadyPaceFinishesInTheSameWeekInEveryRun() throws {
        // 5 tasks a week for three weeks, 20 left after week 4: every run ends 4 weeks later.
        let forecast = MonteCarloForecast(points: Self.points(remaining: [35, 30, 25, 20]), plannedEndWeek: 8)
        let result = try Self.percentiles(forecast)
        #expect(forecast.weeks.map(\.burn) == [5, 5, 5])
        #expect([result.p50, result.p85, result.p95] == [8, 8, 8])
        #expect(result.onTimeProbability == 1)
        #expect(result.histogram == [MonteCarloForecast.Bin(week: 8, runs: 10_000)])
    }

    @Test func aKnownThroughputGivesTheExpectedPercentiles() throws {
        // Weeks of 10 and of 0 done, alike often: 20 tasks need two good weeks, so the chance of
        // being done k weeks on is 1 - (k + 1) / 2^k: 0.8125 by 5, 0.891 by 6, 0.9375 by 7, 0.965 by 8.
        let history = Self.points(remaining: [60, 50, 50, 40, 40, 30, 30, 20, 20])
        let forecast = MonteCarloForecast(points: history, plannedEndWeek: 9 + 5, settings: .init(runs: 20_000, seed: 11))
        #expect(forecast.weeks.map(\.burn) == [10, 0, 10, 0, 10, 0, 10, 0])
        let result = try Self.percentiles(forecast)
        #expect(result.p85 == 9 + 6)
        #expect(result.p95 == 9 + 8)
        #expect([9 + 3, 9 + 4].contains(result.p50 ?? 0), "exactly half are done by 3 weeks")
        let onTime = try #require(result.onTimeProbability)
        #expect(abs(onTime - 0.8125) < 0.02, "\(onTime)")
        #expect(result.histogram.map(\.runs).reduce(0, +) + result.unfinished == 20_000)
    }

    @Test func theSameSeedGivesTheSameForecastAndAnotherSeedAnotherSample() throws {
        let history = Self.points(remaining: [80, 71, 66, 60, 49, 47, 40])
        let one = try Self.percentiles(MonteCarloForecast(points: history, plannedEndWeek: 10, settings: .init(runs: 5_000, seed: 3)))
        let again = try Self.percentiles(MonteCarloForecast(points: history, plannedEndWeek: 10, settings: .init(runs: 5_000, seed: 3)))
        let other = try Self.percentiles(MonteCarloForecast(points: history, plannedEndWeek: 10, settings: .init(runs: 5_000, seed: 4)))
        #expect(one == again)
        #expect(one.histogram != other.histogram)
        #expect(one.p50! <= one.p85! && one.p85! <= one.p95!)
    }

    @Test func scopeAddedInAWeekCountsAgainstThePace() throws {
        // Week 3 added 15 tasks while 10 were done: the runs that draw it finish later.
        let steady = try Self.percentiles(MonteCarloForecast(points: Self.points(remaining: [50, 40, 30, 20]), plannedEndWeek: 6))
        let growing = MonteCarloForecast(points: Self.points(remaining: [45, 35, 40, 30], done: [0, 10, 20, 30]), plannedEndWeek: 6)
        #expect(growing.weeks.map(\.burn) == [10, -5, 10])
        #expect(growing.weeks.map(\.done) == [10, 10, 10])
        let result = try Self.percentiles(growing)
        #expect(steady.p95 == 6)
        #expect(result.p95! > 7)
        #expect(result.onTimeProbability! < steady.onTimeProbability!)
    }

    @Test func fewerThanThreeWeeksGiveNoNumbers() {
        #expect(MonteCarloForecast(points: Self.points(remaining: [30, 20, 10]), plannedEndWeek: 4).outcome == .tooLittleHistory)
        #expect(MonteCarloForecast(points: [], plannedEndWeek: 4).outcome == .tooLittleHistory)
        // A gap counts its weeks: imports in weeks 1 and 4 span three weeks of history.
        let gap = [BurndownReport.Point(week: 1, remaining: 30, done: 0, added: 0, removed: 0, date: "2026-03-01"),
                   BurndownReport.Point(week: 4, remaining: 15, done: 15, added: 0, removed: 0, date: "2026-03-22")]
        #expect(MonteCarloForecast(points: gap, plannedEndWeek: 6).weeks.map(\.burn) == [5, 5, 5])
    }

    @Test func workThatNeverShrinksHasNoFinish() {
        let stalled = MonteCarloForecast(points: Self.points(remaining: [30, 30, 32, 32]), plannedEndWeek: 6)
        #expect(stalled.outcome == .noProgress)
    }

    @Test func aPlanThatEndsTooSoonHasNoChanceAndWeeksEndOnTheirLastDay() throws {
        let result = try Self.percentiles(MonteCarloForecast(points: Self.points(remaining: [35, 30, 25, 20]), plannedEndWeek: 6))
        #expect(result.onTimeProbability == 0)
        let start = try #require(CalendarDate("2026-02-23"))
        #expect(start.lastDay(ofWeek: 1).description == "2026-03-01")
        #expect(start.lastDay(ofWeek: 45).description == "2027-01-03")
        #expect(CalendarDate(dayNumber: start.dayNumber) == start)
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01" && CalendarDate(dayNumber: -1).description == "1969-12-31")
        #expect(CalendarDate(dayNumber: -354_646).description == "0999-01-05", "every part zero-padded")
        #expect(BurndownReport.count(10_000) == "10,000" && BurndownReport.count(999) == "999" && BurndownReport.count(1_000_000) == "1,000,000")
        #expect(BurndownReport.everyWeek(of: [.init(week: 3, runs: 2), .init(week: 5, runs: 1)]).map(\.y) == [2, 0, 1])
    }
}
