import Foundation
import Testing

/// `planq mcp` as an MCP client drives it: a message per line in, an answer per request out.
@Suite struct MCPServerTests {
    /// One server process and its two pipes; every request waits for its answer's line.
    final class Session {
        let process = Process()
        private let input = Pipe(), output = Pipe()
        private var pending = Data()
        private var nextID = 0

        init(_ planq: Planq) throws {
            process.executableURL = URL(fileURLWithPath: Planq.binary)
            process.arguments = ["--db", planq.database, "--today", "2026-03-18", "mcp"]
            process.currentDirectoryURL = planq.directory
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func sendLine(_ line: String) {
            input.fileHandleForWriting.write(Data((line + "\n").utf8))
        }

        /// The next line the server writes, as JSON.
        func readAnswer() throws -> [String: Any] {
            while !pending.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                try #require(!chunk.isEmpty, "the server closed its output")
                pending.append(chunk)
            }
            let end = pending.firstIndex(of: 0x0A)!
            let line = pending[pending.startIndex..<end]
            pending = Data(pending[(end + 1)...])
            return try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        }

        func request(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
            nextID += 1
            let message: [String: Any] = ["jsonrpc": "2.0", "id": nextID, "method": method, "params": params]
            sendLine(String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self))
            let answer = try readAnswer()
            #expect(answer["id"] as? Int == nextID)
            return answer
        }

        func call(_ tool: String, _ arguments: [String: Any] = [:]) throws -> [String: Any] {
            let answer = try request("tools/call", ["name": tool, "arguments": arguments])
            return try #require(answer["result"] as? [String: Any], "\(tool): \(answer)")
        }

        func close() -> Int32 {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus
        }
    }

    @Test func aScriptedSessionCallsEveryToolReadOnly() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/", "-q"])
        let before = try FileManager.default.attributesOfItem(atPath: planq.database)[.modificationDate] as? Date
        let session = try Session(planq)

        let hello = try #require(try session.request("initialize", ["protocolVersion": "2025-06-18", "capabilities": [:],
                                                                     "clientInfo": ["name": "test", "version": "1"]])["result"] as? [String: Any])
        #expect(hello["protocolVersion"] as? String == "2025-06-18")
        #expect((hello["serverInfo"] as? [String: Any])?["name"] as? String == "planq")
        #expect((hello["capabilities"] as? [String: Any])?["tools"] != nil)
        session.sendLine(#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#)

        let tools = try #require((try session.request("tools/list")["result"] as? [String: Any])?["tools"] as? [[String: Any]])
        #expect(tools.compactMap { $0["name"] as? String } == ["status", "tasks", "gates", "risks", "metrics", "notes", "report", "search", "query", "check"])
        for tool in tools {
            let schema = try #require(tool["inputSchema"] as? [String: Any])
            #expect(schema["type"] as? String == "object" && schema["properties"] is [String: Any], "\(tool["name"]!)")
        }

        let status = try session.call("status")
        #expect(status["isError"] as? Bool == false)
        let projects = try #require((status["structuredContent"] as? [String: Any])?["projects"] as? [[String: Any]])
        #expect(projects.first?["project"] as? String == "Lumora")
        #expect(((status["content"] as? [[String: Any]])?.first?["text"] as? String)?.contains("\"Lumora\"") == true, "a text copy of the result")

        let tasks = try #require((try session.call("tasks", ["week": 2])["structuredContent"] as? [String: Any])?["tasks"] as? [[String: Any]])
        #expect(!tasks.isEmpty && tasks.allSatisfy { $0["week"] as? Int == 2 })
        for (tool, key) in [("gates", "gates"), ("risks", "risks"), ("metrics", "metrics"), ("notes", "notes"), ("check", "disagreements")] {
            let result = try session.call(tool)
            #expect(result["isError"] as? Bool == false, "\(tool): \(result)")
            #expect((result["structuredContent"] as? [String: Any])?[key] is [Any], "\(tool)")
        }
        let risks = try #require((try session.call("risks")["structuredContent"] as? [String: Any])?["risks"] as? [[String: Any]])
        #expect(risks.contains { ($0["title"] as? String)?.contains("ClickHouse") == true })

        let week = try session.call("report", ["report": "week", "week": 3])
        #expect((week["structuredContent"] as? [String: Any])?["report"] as? String == "week")
        let markdown = try session.call("report", ["report": "burndown", "format": "md"])
        #expect(((markdown["content"] as? [[String: Any]])?.first?["text"] as? String)?.hasPrefix("# Lumora — burndown") == true)
        #expect((markdown["structuredContent"] as? [String: Any])?["report"] as? String == "burndown", "structured stays JSON")

        let found = try #require((try session.call("search", ["text": "clickhouse"])["structuredContent"] as? [String: Any])?["matches"] as? [[String: Any]])
        #expect(!found.isEmpty)
        let count = try #require((try session.call("query", ["sql": "SELECT count(*) AS n FROM tasks"])["structuredContent"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(count.first?["n"] as? Int == 27)

        // Writing is refused as a tool error, and nothing changed.
        let delete = try session.call("query", ["sql": "DELETE FROM tasks"])
        #expect(delete["isError"] as? Bool == true)
        #expect(((delete["content"] as? [[String: Any]])?.first?["text"] as? String)?.contains("read-only") == true)
        let again = try #require((try session.call("query", ["sql": "SELECT count(*) AS n FROM tasks"])["structuredContent"] as? [String: Any])?["rows"] as? [[String: Any]])
        #expect(again.first?["n"] as? Int == 27)

        // Malformed input is answered, and the session goes on.
        session.sendLine("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ")
        let parseError = try session.readAnswer()
        #expect((parseError["error"] as? [String: Any])?["code"] as? Int == -32700)
        #expect(parseError["id"] is NSNull)
        #expect((try session.request("ping")["result"] as? [String: Any])?.isEmpty == true, "still alive")
        #expect(((try session.request("resources/templates/list"))["error"] as? [String: Any])?["code"] as? Int == -32601)
        let unknownTool = try session.request("tools/call", ["name": "import", "arguments": ["paths": ["/"]]])
        #expect((unknownTool["error"] as? [String: Any])?["code"] as? Int == -32602)
        let wrongType = try session.request("tools/call", ["name": "tasks", "arguments": ["week": ["three"]]])
        #expect((wrongType["error"] as? [String: Any])?["code"] as? Int == -32602)
        let failing = try session.call("report", ["report": "week", "week": 99])
        #expect(failing["isError"] as? Bool == true, "a usage error of the command is the tool's error")

        #expect(session.close() == 0)
        let after = try FileManager.default.attributesOfItem(atPath: planq.database)[.modificationDate] as? Date
        #expect(before == after, "the knowledge base was not written")
    }

    @Test func olderProtocolRevisionsAreNegotiatedAndUnknownOnesGetTheNewest() throws {
        let planq = try Planq()
        let session = try Session(planq)
        let old = try #require(try session.request("initialize", ["protocolVersion": "2024-11-05"])["result"] as? [String: Any])
        #expect(old["protocolVersion"] as? String == "2024-11-05")
        let unknown = try #require(try session.request("initialize", ["protocolVersion": "1999-01-01"])["result"] as? [String: Any])
        #expect(unknown["protocolVersion"] as? String == "2025-06-18")
        // Without a knowledge base, a tool says how to make one instead of failing the session.
        let status = try session.call("status")
        #expect(status["isError"] as? Bool == true)
        #expect(((status["content"] as? [[String: Any]])?.first?["text"] as? String)?.contains("planq import") == true)
        session.sendLine("[1, 2]")
        #expect((try session.readAnswer()["error"] as? [String: Any])?["code"] as? Int == -32600)
        #expect(session.close() == 0)
    }
}
