import Foundation
import Testing
import Reports

/// `planq report site -o DIR`, read as a visitor and a publisher would.
@Suite struct ReportSiteTests {
    static func pages(in folder: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") }.sorted()
    }

    /// Every href and src of a page, with the page's own path.
    static func links(of page: String, in folder: URL) throws -> [String] {
        let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
        return ["a", "link", "img", "script", "iframe", "source"].flatMap { name in
            HTMLDocument.elements(named: name, in: html).flatMap { [$0.attributes["href"], $0.attributes["src"]].compactMap { $0 } }
        }
    }

    @Test func everyPageIsReachableFromTheIndexAndEveryLinkResolvesInsideTheFolder() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/", "-q"])
        let result = try planq.run(["report", "site", "-o", "site", "--today", "2026-03-18"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote site/index.html"))
        let folder = planq.directory.appendingPathComponent("site")
        let pages = try Self.pages(in: folder)
        #expect(pages.contains("index.html") && pages.contains("adrs.html"))
        for name in ["index", "week-1", "week-2", "week-3", "week-4", "gates", "risks", "metrics", "burndown", "retro"] {
            #expect(pages.contains("lumora/\(name).html"), "lumora/\(name).html")
        }
        var reached: Set<String> = ["index.html"], queue = ["index.html"]
        while let page = queue.popLast() {
            let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            #expect(HTMLDocument.elements(named: "script", in: html).isEmpty, "\(page) has a script")
            #expect(HTMLDocument.elements(named: "style", in: html).isEmpty, "\(page) shares the stylesheet instead")
            for link in try Self.links(of: page, in: folder) {
                #expect(!link.contains(":") && !link.hasPrefix("/"), "\(page): \(link) is not a relative link")
                let target = URL(fileURLWithPath: page, relativeTo: folder).deletingLastPathComponent()
                    .appendingPathComponent(String(link.prefix { $0 != "#" })).standardizedFileURL
                #expect(target.path.hasPrefix(folder.standardizedFileURL.path + "/"), "\(page): \(link) leaves the site")
                #expect(FileManager.default.fileExists(atPath: target.path), "\(page): \(link) does not resolve")
                let relative = String(target.path.dropFirst(folder.standardizedFileURL.path.count + 1))
                if relative.hasSuffix(".html"), reached.insert(relative).inserted { queue.append(relative) }
            }
        }
        #expect(Set(pages) == reached, "unreached: \(Set(pages).subtracting(reached).sorted())")
        // The week pages lead to their neighbours, and the index to the project.
        let week2 = try Self.links(of: "lumora/week-2.html", in: folder)
        #expect(week2.contains("week-1.html") && week2.contains("week-3.html") && week2.contains("../style.css"))
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(HTMLDocument.tableRows(idPrefix: "projects", in: index).first?.first == "Lumora")
    }

    @Test func aRerunChangesNothingAndOtherFilesAreKeptOnlyWhenForced() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/", "-q"])
        let folder = planq.directory.appendingPathComponent("site")
        #expect(try planq.run(["report", "site", "-o", "site", "--today", "2026-03-18"]).status == 0)
        let first = try Self.pages(in: folder).map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        let again = try planq.run(["report", "site", "-o", "site", "--today", "2026-03-18"])
        #expect(again.stderr.contains("(0 written, 13 unchanged, 0 removed)"), "\(again.stderr)")
        #expect(try Self.pages(in: folder).map { try Data(contentsOf: folder.appendingPathComponent($0)) } == first)

        // A checkout's .git is not a foreign file; CNAME is.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        try "ref: refs/heads/gh-pages\n".write(to: folder.appendingPathComponent(".git/HEAD"), atomically: false, encoding: .utf8)
        #expect(try planq.run(["report", "site", "-o", "site", "--today", "2026-03-18"]).status == 0)
        try "published by hand\n".write(to: folder.appendingPathComponent("CNAME"), atomically: false, encoding: .utf8)
        let refused = try planq.run(["report", "site", "-o", "site"])
        #expect(refused.status == 1 && refused.stderr.contains("holds files planq did not write (CNAME)"), "\(refused.stderr)")
        #expect(try planq.run(["report", "site", "-o", "site", "--force"]).status == 0)
        #expect(try planq.run(["report", "site", "-o", "site"]).status == 0, "a file kept once is expected the next time")
        #expect(try String(contentsOf: folder.appendingPathComponent("CNAME"), encoding: .utf8) == "published by hand\n")

        // A page name the site needs is never taken from a file planq did not write.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("adrs.html"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent(SiteFolder.manifestName))
        try "mine\n".write(to: folder.appendingPathComponent("adrs.html"), atomically: false, encoding: .utf8)
        let clash = try planq.run(["report", "site", "-o", "site", "--force"])
        #expect(clash.status == 1 && clash.stderr.contains("adrs.html exists and planq did not write it"), "\(clash.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("adrs.html"), encoding: .utf8) == "mine\n")
    }

    @Test func aProjectThatIsGoneLeavesNoPagesBehind() throws {
        let planq = try Planq()
        let docs = try planq.copySamples()
        try FileManager.default.createDirectory(at: docs.appendingPathComponent("orbit"), withIntermediateDirectories: true)
        try "# Orbit Tracker\n\n## Week 1\n\n- [ ] Provision the cluster\n".write(to: docs.appendingPathComponent("orbit/tracker.md"), atomically: false, encoding: .utf8)
        try planq.run(["import", "docs", "-q"])
        #expect(try planq.run(["report", "site", "-o", "site"]).status == 0)
        let folder = planq.directory.appendingPathComponent("site")
        #expect(try Self.pages(in: folder).contains("orbit/week-1.html"))
        try FileManager.default.removeItem(at: docs.appendingPathComponent("orbit"))
        try planq.run(["import", "docs", "-q"])
        let rerun = try planq.run(["report", "site", "-o", "site"])
        #expect(rerun.stderr.contains("removed)") && !rerun.stderr.contains(" 0 removed"), "\(rerun.stderr)")
        #expect(!(try Self.pages(in: folder)).contains { $0.hasPrefix("orbit/") })
        #expect(try planq.run(["report", "site"]).status == 2, "the folder is required")
    }
}
