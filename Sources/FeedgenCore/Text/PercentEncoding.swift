/// The one percent-encoder: every UTF-8 byte outside a named set of kept bytes becomes `%XX`, in capitals.
///
/// The sets say which rule a caller follows; add a set here rather than a second encoder elsewhere.
public struct PercentEncoding: Sendable {
    /// The bytes written as they are.
    public let kept: Set<UInt8>

    public init(keeping kept: Set<UInt8>) { self.kept = kept }

    /// Addressable's `CharacterClasses::PCHAR`: unreserved, sub-delims, `:` and `@`.
    public static let pchar = PercentEncoding(
        keeping: Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@".utf8))
    /// Addressable's `CharacterClasses::SCHEME`.
    public static let scheme = PercentEncoding(
        keeping: Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-+.".utf8))
    /// Every byte that may stand in a URL as written in HTML: printable ASCII but space and `"<>\^`{|}`;
    /// `%` is kept, so text already encoded stays as it is.
    public static let urlReference = PercentEncoding(
        keeping: Set((0x21..<0x7F).map { UInt8($0) }).subtracting("\"<>\\^`{|} ".utf8))

    /// This set with `extra` bytes kept too.
    public func keeping(_ extra: String) -> PercentEncoding { PercentEncoding(keeping: kept.union(extra.utf8)) }

    /// `text` with every byte outside `kept` written `%XX`.
    public func encode(_ text: some StringProtocol) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if kept.contains(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
