#!/usr/bin/env python3
"""Compiles templates/ into Swift sources, so an installed planq runs from any directory.

`make templates` runs it; a test keeps the generated sources identical to templates/.
"""
import sys

HEADER = "// Generated from templates/ by `make templates` (scripts/embed_templates.py); a test keeps the two identical.\n"


def literal(text):
    # Raw multi-line string: `"""#` never occurs in a template, so no escaping is needed.
    if '"""#' in text:
        sys.exit("a template contains \"\"\"#, which the embedded literal cannot hold")
    return '#"""\n' + text + '\n"""#'


def main():
    css = open("templates/report.css").read()
    with open("Sources/Reports/HTML/Stylesheet.swift", "w") as out:
        out.write(HEADER + "// The stylesheet is compiled in so that a report renders the same from any directory.\n\n")
        out.write("/// The report stylesheet, as templates/report.css has it.\npublic enum Stylesheet {\n")
        out.write("    public static let css = " + literal(css) + "\n}\n")
    adr = open("templates/adr.md").read()
    nygard = open("templates/adr-nygard.md").read()
    runbook = open("templates/runbook.md").read()
    with open("Sources/Generators/BuiltinTemplates.swift", "w") as out:
        out.write(HEADER + "// .planq/templates/ beside the documents overrides them.\n\n")
        out.write("/// The generators' templates, as templates/ has them.\npublic enum BuiltinTemplates {\n")
        out.write("    public static let adr = " + literal(adr) + "\n\n")
        out.write("    public static let adrNygard = " + literal(nygard) + "\n\n")
        out.write("    public static let runbook = " + literal(runbook) + "\n}\n")


if __name__ == "__main__":
    main()
