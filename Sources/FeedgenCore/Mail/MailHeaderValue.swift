/// Checks of what goes into the header of a digest mail, so that no value can add a header of its own
/// (a line break in `--from` would become a `Bcc:` that `sendmail -t` obeys).
public enum MailHeaderValue {
    /// Why `text` is not a mail address, or nil when it is one: an RFC 5322 `addr-spec` (`name@example.org`,
    /// ASCII dot-atoms on both sides of the `@`), alone or in angle brackets after a display name
    /// (`Name <name@example.org>`; the name is encoded when the message is written).
    public static func addressProblem(_ text: String) -> String? {
        if let problem = controlProblem(text) { return problem }
        var address = text.drop { $0 == " " }
        while address.last == " " { address.removeLast() }
        if let open = address.firstIndex(of: "<") {
            guard address.last == ">" else { return "text after the address in angle brackets" }
            let name = address[..<open]
            if name.contains(">") || name.contains("<") { return "'<' or '>' in the display name" }
            address = address[address.index(after: open)..<address.index(before: address.endIndex)]
        }
        guard let at = address.lastIndex(of: "@") else { return "no '@'" }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
        guard isDotAtom(local, allowed: atext) else {
            return "the part before '@' must be letters, digits and !#$%&'*+-/=?^_`{|}~ between single dots"
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let hostCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        let validDomain = labels.allSatisfy {
            !$0.isEmpty && $0.count <= 63 && $0.allSatisfy(hostCharacters.contains) && $0.first != "-"
                && $0.last != "-"
        }
        guard validDomain else { return "the domain must be ASCII letters, digits and '-' between single dots" }
        return nil
    }

    /// Why `uri` cannot be a `List-Unsubscribe` URI (RFC 2369), or nil: a `mailto:`, `http:` or `https:` URI
    /// without spaces, control characters or angle brackets.
    public static func unsubscribeProblem(_ uri: String) -> String? {
        if let problem = controlProblem(uri) { return problem }
        if uri.contains(where: { $0 == " " || $0 == "<" || $0 == ">" }) { return "a space or angle bracket" }
        guard let scheme = URLSafety.scheme(of: uri), ["mailto", "http", "https"].contains(scheme),
            uri.lowercased().hasPrefix(scheme + ":")
        else { return "not a mailto:, http: or https: URI" }
        return nil
    }

    private static func controlProblem(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            return nil
        }
        return "a control character (a line break would start a header of its own)"
    }

    private static func isDotAtom(_ text: Substring, allowed: Set<Character>) -> Bool {
        let atoms = text.split(separator: ".", omittingEmptySubsequences: false)
        return atoms.allSatisfy { !$0.isEmpty && $0.allSatisfy(allowed.contains) }
    }
}
