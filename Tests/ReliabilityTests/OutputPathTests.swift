import Foundation
import Testing

/// Issue 13, bug 1: `-o` replaced whatever the path named by rename (a device, a FIFO, another
/// user's file). Every command writes through one output file: a regular file atomically with
/// its mode and owner kept, a FIFO or a link's target in place, a folder refused, and a write
/// that fails leaves nothing behind.
@Suite struct OutputPathTests {
    @Test func outputErrorsAreOneLineWithTheRightExitCode() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let folder = try planq.run(["tasks", "-o", planq.directory.path])
        #expect(folder.status == 1)
        #expect(folder.stderr == "planq tasks: error: cannot write \(planq.directory.path): it is a folder (give the name of a file inside it)\n")
        // A file size limit stands in for a full disk: the write fails the same way (EFBIG for ENOSPC).
        let big = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 200000) SELECT x FROM c"
        let out = planq.directory.appendingPathComponent("big.txt").path
        let full = try planq.run(["-c", "ulimit -f 256; exec '\(Planq.binary)' --db '\(planq.database)' query '\(big)' --limit 1000000 -o '\(out)'"],
                                 withDatabase: false, executable: "/bin/sh")
        #expect(full.status == 1)
        #expect(full.stderr.split(separator: "\n").count == 1 && full.stderr.contains("no space left"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: planq.directory.path).filter { $0.contains("big.txt") }
        #expect(leftovers.isEmpty, "nothing half-written is left: \(leftovers)")
        let closed = try planq.run(["query", big, "--limit", "1000000"], closingStandardOutput: true)
        #expect(closed.status == 141)
        #expect(closed.stderr.isEmpty)
    }

    @Test func outputFilesKeepWhatTheyAre() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        // A FIFO (standing in for a device such as /dev/null) is written in place, not replaced.
        let fifo = planq.directory.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let reader = try planq.run(["-c", "cat '\(fifo)' > '\(fifo).txt' & '\(Planq.binary)' --db '\(planq.database)' risks -o '\(fifo)'; wait"],
                                   withDatabase: false, executable: "/bin/sh")
        #expect(reader.status == 0, "\(reader.stderr)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO, "the FIFO is still a FIFO")
        #expect(try String(contentsOfFile: fifo + ".txt", encoding: .utf8).contains("ClickHouse sizing is off"))
        // A regular file keeps its mode and owner; a symbolic link is followed, not replaced.
        let file = planq.directory.appendingPathComponent("kept.md").path
        try "old".write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o600)
        if geteuid() == 0 { chown(file, 65534, 65534) }
        let link = planq.directory.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        #expect(try planq.run(["tasks", "-o", link]).status == 0)
        #expect(lstat(link, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK, "the link is still a link")
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
        if geteuid() == 0 { #expect(info.st_uid == 65534) }
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("Freeze the Schema"))
    }
}
