import Testing
@testable import PlanModel

@Suite struct MetricTargetTests {
    @Test(arguments: [
        ("< 500ms", MetricTarget.Comparison.below, 500.0, "ms"),
        ("<= 2s", .atMost, 2000, "ms"),
        ("-30%", .reduceBy, 30, "%"),
        ("-30% from baseline", .reduceBy, 30, "%"),
        ("60 FPS", .atLeast, 60, "fps"),
        ("100%", .atLeast, 100, "%"),
        ("+/- 20%", .within, 20, "%"),
        ("30%+", .atLeast, 30, "%"),
        ("99.9%", .atLeast, 99.9, "%"),
        ("$1,200/month", .atMost, 1200, "$/month"),
        ("2x faster", .atLeast, 2, "x"),
        ("10k", .atLeast, 10_000, ""),
        ("> 80%", .above, 80, "%"),
        ("< 5s", .below, 5000, "ms"),
    ] as [(String, MetricTarget.Comparison, Double, String)])
    func parsesNumericTargets(text: String, comparison: MetricTarget.Comparison, value: Double, unit: String) throws {
        let target = try #require(MetricTarget.parse(text))
        #expect(target.comparison == comparison)
        #expect(target.value == value)
        #expect(target.unit == unit)
    }

    @Test(arguments: ["Yes", "Production-ready", "All major"])
    func qualitativeTargets(text: String) throws {
        let target = try #require(MetricTarget.parse(text))
        #expect(target.comparison == .equals)
        #expect(target.text == text)
    }

    @Test(arguments: ["", "______", "TBD", "-", "<", "< fast", "+/-", "v1.2.3-beta 4"])
    func malformedOrBlankTargetsYieldNothing(text: String) {
        #expect(MetricTarget.parse(text) == nil)
    }

    @Test(arguments: [
        ("< 500ms", "420ms", MetricStatus.met),
        ("< 500ms", "0.6s", .missed),
        ("<= 2s", "2000 ms", .met),
        ("85%", "55.92%", .missed),
        ("100%", "100%", .met),
        ("-30%", "-34%", .met),
        ("-30%", "-12%", .missed),
        ("+/- 20%", "+12%", .met),
        ("60 FPS", "58 FPS", .missed),
        ("60 FPS", "60", .met),
        ("10k", "12K", .met),
        ("50+", "**56**", .met),
        ("Yes", "Yes", .met),
        ("Yes", "No", .missed),
        ("Production-ready", "Production-ready", .met),
        ("< 500ms", "______", .pending),
        ("< 500ms", nil, .pending),
        ("< 500ms", "fast enough", .unknown),
        ("85%", "12 tests", .unknown),
        ("0", "3", .missed),
        ("0", "0", .met),
        ("0%", "2%", .missed),
    ] as [(String, String?, MetricStatus)])
    func evaluatesActualsAgainstTargets(target: String, actual: String?, expected: MetricStatus) throws {
        #expect(try #require(MetricTarget.parse(target)).evaluate(actual) == expected)
    }

    @Test(arguments: [("✅", MetricStatus.met), ("Met", .met), ("✅ EXCEEDED (+12%)", .met), ("❌", .missed),
                      ("Not met", .missed), ("⏳ Pending", .pending), ("whatever", nil)] as [(String, MetricStatus?)])
    func statedStatuses(text: String, status: MetricStatus?) {
        #expect(MetricStatus.stated(text) == status)
    }
}
