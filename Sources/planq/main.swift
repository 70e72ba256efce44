import Foundation
import Importers
print(CmarkDocument.parse(CommandLine.arguments.count > 1 ? (try! String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)) : "# T\n\n- [ ] a\n- [x] b\n- [ ]* c\n- [/] d\n\n| - [ ] x | y |\n|---|---|\n| - [x] r | ~~s~~ **t** |\n").dump())
