import Foundation
// Links jemalloc as the process's allocator (ADR 0022); nothing of it is called.
import CJemalloc

exit(CLI.main(CommandLine.arguments))
