/// Stand-ins for pieces of the post that cmark must not touch: math, and HTML made from Liquid includes.
///
/// A piece is replaced in the Markdown by a token of Unicode noncharacters around a number
/// (`U+FDD0 n U+FDD1` for text, `U+FDD2 n U+FDD3` for HTML). cmark passes noncharacters through
/// as text, and `PostRenderer` removes every noncharacter from the input first, so tokens cannot collide.
struct Placeholders: Sendable {
    /// How a stored piece comes back.
    enum Piece: Sendable, Equatable {
        /// Literal text (TeX): restored into text nodes, escaped by the serializer.
        case text(String)
        /// Literal text (display math) that stands alone as a block: restored like `text`, and a paragraph
        /// holding only it loses its `<p>`, as kramdown writes a math block.
        case displayMath(String)
        /// HTML that stands alone as a block (`<figure>`): a paragraph holding only it is replaced whole.
        case block(String)
        /// HTML that flows inside a paragraph (a video link with its thumbnail).
        case inline(String)
    }

    // Noncharacters cannot be written as Swift literals.
    // Noncharacters cannot be written as Swift literals.
    static let textOpen = Character(Unicode.Scalar(0xFDD0)!)
    static let textClose = Character(Unicode.Scalar(0xFDD1)!)
    static let htmlOpen = Character(Unicode.Scalar(0xFDD2)!)
    static let htmlClose = Character(Unicode.Scalar(0xFDD3)!)

    private(set) var pieces: [Piece] = []

    /// Stores `piece` and returns the token to put in its place.
    mutating func add(_ piece: Piece) -> String {
        pieces.append(piece)
        let number = String(pieces.count - 1)
        switch piece {
        case .text, .displayMath: return "\(Self.textOpen)\(number)\(Self.textClose)"
        case .block, .inline: return "\(Self.htmlOpen)\(number)\(Self.htmlClose)"
        }
    }

    /// Puts the HTML pieces back into cmark's output: `<p>TOKEN</p>` for a block piece becomes the block.
    func expandHTML(in html: String) -> String {
        guard html.containsBytes(String(Self.htmlOpen)) || html.containsBytes(String(Self.textOpen)) else {
            return html
        }
        var result = html
        for (index, piece) in pieces.enumerated() {
            let token = "\(Self.htmlOpen)\(index)\(Self.htmlClose)"
            switch piece {
            case .text:
                continue
            case .displayMath:
                let textToken = "\(Self.textOpen)\(index)\(Self.textClose)"
                result = result.replacingOccurrences(of: "<p>\(textToken)</p>", with: textToken)
            case .block(let markup):
                result = result.replacingOccurrences(of: "<p>\(token)</p>", with: markup)
                result = result.replacingOccurrences(of: token, with: markup)
            case .inline(let markup):
                result = result.replacingOccurrences(of: token, with: markup)
            }
        }
        return result
    }

    /// Restores text tokens in `text`, passing the stretches between tokens through `transform` first.
    ///
    /// Used on text nodes, so emoji short codes are replaced in prose but never inside restored TeX.
    func restoreText(in text: String, transform: (Substring) -> String) -> String {
        guard text.containsBytes(String(Self.textOpen)) else { return transform(text[...]) }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: Self.textOpen) {
            result += transform(rest[..<open])
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: Self.textClose),
                let index = Int(rest[afterOpen..<close]), index < pieces.count,
                let original = pieces[index].text
            else {
                rest = rest[afterOpen...]
                continue
            }
            result += original
            rest = rest[rest.index(after: close)...]
        }
        return result + transform(rest)
    }
}

extension Placeholders.Piece {
    /// The literal text of a text piece; nil for HTML.
    var text: String? {
        switch self {
        case .text(let text), .displayMath(let text): text
        case .block, .inline: nil
        }
    }
}
