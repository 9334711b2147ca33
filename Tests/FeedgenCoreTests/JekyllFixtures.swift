import Foundation

@testable import FeedgenCore

/// Reads the fixtures that `Fixtures/make-jekyll-fixtures.sh` recorded from real Jekyll 4.3.1.
enum JekyllFixtures {
    /// The package root, found from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let corpus = packageRoot.appendingPathComponent("../shared/corpus/dair-ai").standardizedFileURL

    static func text(_ name: String) throws -> String {
        try String(
            contentsOf: packageRoot.appendingPathComponent("Tests/FeedgenCoreTests/Fixtures/\(name)"), encoding: .utf8)
    }

    /// The tab-separated rows of a fixture, without its `#` header line.
    static func rows(_ name: String) throws -> [[String]] {
        try text(name).split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// `jekyll-functions.json`.
    struct Functions: Decodable {
        struct Slugify: Decodable {
            var input: String
            var mode: String
            var cased: Bool
            var output: String
        }
        struct Pair: Decodable {
            var input: String
            var output: String
        }
        struct DateResult: Decodable {
            var zone: String
            var input: String
            var seconds: Int64?
            var nanoseconds: Int?
            var local: String?
            var error: String?
        }
        var slugify: [Slugify]
        var escapePath: [Pair]
        var sanitizeUrl: [Pair]
        var parseDate: [DateResult]
        var frontMatterDate: [DateResult]
    }

    static func functions() throws -> Functions {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Functions.self, from: Data(text("jekyll-functions.json").utf8))
    }

    /// `date.strftime("%Y-%m-%d %H:%M:%S %z")` in `zone`, as the fixtures print `post.date`.
    static func rubyTime(_ date: Date, in zone: TimeZone) -> String {
        let time = LocalTime(date, in: zone)
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let sign = offset < 0 ? "-" : "+"
        return "\(Permalink.rubyYear(time.date.year))-\(two(time.date.month))-\(two(time.date.day)) "
            + "\(two(time.hour)):\(two(time.minute)):\(two(time.second)) "
            + "\(sign)\(two(abs(offset) / 3600))\(two(abs(offset) / 60 % 60))"
    }
}
