/// The optional `digest:` keys of the feed definitions file: the addresses of the digest mail.
///
/// ```yaml
/// digest:
///   from: "DAIR.AI <digest@dair.ai>"
///   to: "NLP Newsletter readers <nlp-digest@lists.dair.ai>"   # or a list
///   unsubscribe: [ "mailto:nlp-digest-leave@lists.dair.ai", "https://dair.ai/unsubscribe" ]   # or one
/// ```
public struct DigestDefinitions: Sendable, Equatable, Decodable {
    public var from: String?
    public var to: [String]
    /// URIs for the `List-Unsubscribe` header.
    public var unsubscribe: [String]

    public init(from: String? = nil, to: [String] = [], unsubscribe: [String] = []) {
        self.from = from
        self.to = to
        self.unsubscribe = unsubscribe
    }

    enum CodingKeys: String, CodingKey {
        case from, to, unsubscribe
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func oneOrMany(_ key: CodingKeys) throws -> [String] {
            if let one = try? container.decodeIfPresent(String.self, forKey: key) { return [one] }
            return try container.decodeIfPresent([String].self, forKey: key) ?? []
        }
        self.init(
            from: try container.decodeIfPresent(String.self, forKey: .from), to: try oneOrMany(.to),
            unsubscribe: try oneOrMany(.unsubscribe))
    }
}
