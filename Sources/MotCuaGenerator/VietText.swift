import MotCuaCore
import Foundation

/// A piece of Vietnamese text kept in both Unicode forms, as UTF-8 bytes.
///
/// Exports mix NFC (precomposed "ệ") and NFD (e + combining marks); the
/// `vietnamese` style writes names in NFD to exercise the import's
/// normalisation. Normalising is slow, so it is done once per name part when
/// the pools are built, never per row: a full name is the concatenation of
/// its parts, and NFD of a concatenation joined by spaces is the
/// concatenation of the NFDs.
struct VietText: Sendable, Hashable {
    let nfc: [UInt8]
    let nfd: [UInt8]

    init(_ text: String) {
        let composed = text.precomposedStringWithCanonicalMapping
        nfc = Array(composed.utf8)
        nfd = Array(composed.decomposedStringWithCanonicalMapping.utf8)
    }

    func bytes(decomposed: Bool) -> [UInt8] { decomposed ? nfd : nfc }
}

extension String {
    /// "Mường Khoa" → "MUONGKHOA": an ASCII code made from a name (accents
    /// dropped, đ → D, letters and digits only).
    var asciiCode: String {
        var out = ""
        for scalar in decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0110, 0x0111: out.append("D")
            case 0x30...0x39, 0x41...0x5A: out.unicodeScalars.append(scalar)
            case 0x61...0x7A: out.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
            default: continue
            }
        }
        return out
    }
}
