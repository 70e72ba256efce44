import Foundation

/// The file-name part of a generated record: lowercase ASCII letters, digits and single
/// hyphens, at most 60 characters. Whatever a title holds (`../`, `/`, NUL, emoji), a slug is
/// never a path.
public enum Slug {
    public static let maximumLength = 60

    /// The slug of `title`; empty when the title has no letter or digit that ASCII can spell.
    public static func make(_ title: String) -> String {
        var slug = ""
        var pendingHyphen = false
        // Canonical decomposition turns `é` into `e` + a combining accent, which is dropped.
        // Letters without a decomposition get their usual ASCII spelling.
        var spelled = title
        for (letter, ascii) in [("ß", "ss"), ("æ", "ae"), ("Æ", "AE"), ("œ", "oe"), ("Œ", "OE"), ("ø", "o"), ("Ø", "O"), ("ł", "l"), ("Ł", "L"), ("đ", "d"), ("Đ", "D")] {
            spelled = spelled.replacingOccurrences(of: letter, with: ascii)
        }
        for scalar in spelled.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII, let character = Character(scalar).lowercased().first, character.isLetter || character.isNumber {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingHyphen = false
            } else if scalar.properties.generalCategory != .nonspacingMark && scalar != "'" && scalar != "’" {
                pendingHyphen = true
            }
        }
        guard slug.count > maximumLength else { return slug }
        // Cut at a word boundary when one is reasonably near the limit.
        let cut = slug.prefix(maximumLength)
        if let hyphen = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: hyphen) >= maximumLength / 2 {
            return String(cut[..<hyphen])
        }
        return String(cut)
    }
}
