import Foundation

/// Repairs text that was UTF-8, read as Windows-1252 and saved again as UTF-8: `âœ…` → ✅,
/// `ðŸš«` → 🚫, `â†’` → →. Windows-1252 leaves five bytes undefined (0x81 0x8D 0x8F 0x90 0x9D)
/// and such round trips drop them, so `âŒ` (❌ less its 0x9D) and `âš ï¸` (⚠️ less 0x8F)
/// arrive with a byte missing. A sequence is repaired only when the result is unambiguous:
/// complete sequences always; a sequence short of one byte only when exactly one of the five
/// dropped bytes completes it into an emoji (or the emoji variation selector right after one).
enum Mojibake {
    /// The repaired text, or nil when nothing needed repair (the common case, found fast).
    static func repair(_ text: String) -> String? {
        guard mayContainMojibake(text.utf8) else { return nil }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var changed = false
        var index = 0
        while index < scalars.count {
            if let (repaired, consumed) = decodeSequence(scalars, at: index, previous: output.last) {
                output.append(repaired)
                index += consumed
                changed = true
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(output) : nil
    }

    /// Lead bytes of multi-byte UTF-8 show up as Â..ô (U+00C2...U+00F4), encoded C3 82...C3 B4.
    /// Every document is scanned, so over its contiguous bytes where it has them (a third of the
    /// instructions of iterating the UTF-8 view).
    private static func mayContainMojibake(_ utf8: String.UTF8View) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = bytes.baseAddress, bytes.count > 1 else { return false }
            // `memchr` jumps from one C3 byte to the next; most documents have few or none.
            var offset = 0
            while offset < bytes.count - 1,
                  let found = memchr(base + offset, 0xC3, bytes.count - 1 - offset) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[at + 1] >= 0x82, bytes[at + 1] <= 0xB4 { return true }
                offset = at + 1
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable { scan($0) } ?? Array(utf8).withUnsafeBufferPointer { scan($0) }
    }

    private static let droppedBytes: [UInt8] = [0x81, 0x8D, 0x8F, 0x90, 0x9D]

    private static func decodeSequence(_ scalars: [Unicode.Scalar], at start: Int,
                                       previous: Unicode.Scalar?) -> (Unicode.Scalar, Int)? {
        guard let lead = cp1252Byte(scalars[start]) else { return nil }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        var bytes: [UInt8] = [lead]
        var index = start + 1
        while bytes.count < length, index < scalars.count,
              let byte = cp1252Byte(scalars[index]), byte & 0xC0 == 0x80 {
            bytes.append(byte)
            index += 1
        }
        if bytes.count == length, let scalar = decodeUTF8(bytes), scalar.value >= 0x80 {
            return (scalar, index - start)
        }
        guard bytes.count == length - 1 else { return nil }
        // One byte short: try each dropped byte in each position after the lead.
        var candidates: Set<UInt32> = []
        for position in 1..<length {
            for dropped in droppedBytes {
                var attempt = bytes
                attempt.insert(dropped, at: position)
                if let scalar = decodeUTF8(attempt), isPlausible(scalar, after: previous) {
                    candidates.insert(scalar.value)
                }
            }
        }
        guard candidates.count == 1, let value = candidates.first, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, index - start)
    }

    private static func isPlausible(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
        if scalar.value == 0xFE0F { return previous?.properties.isEmoji ?? false }
        return scalar.properties.isEmoji && scalar.value > 0xFF
    }

    private static func decodeUTF8(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        guard iterator.next() == nil else { return nil }
        return scalar
    }

    /// The Windows-1252 byte that decodes to `scalar`, for bytes 0x80 and up.
    private static func cp1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if (0xA0...0xFF).contains(value) { return UInt8(value) }
        return cp1252High[value]
    }

    private static let cp1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86,
        0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C,
        0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
        0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
