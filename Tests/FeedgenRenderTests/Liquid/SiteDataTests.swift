import FeedgenCore
import Testing

/// `site.data` from `_data` files of every kind, in nested folders.
@Suite struct SiteDataTests {
    @Test func everyKindAndFolder() {
        let (data, diagnostics) = SiteData.parse(files: [
            "releases.yml": "- version: '1.0'\n  size: 12\n  beta: no\n",
            "sub/info.json": "{\"b\": 1, \"a\": [true, null, \"x\"]}",
            "team.csv": "name,note\nAda,\"says \"\"hi\"\", twice\"\nBo,\n",
            "broken.yml": "a: [1,\n",
            "notes.txt": "ignored",
        ])
        let expected = LiquidValue.object(
            LiquidObject([
                (
                    "releases",
                    .array([
                        .object(
                            LiquidObject([("version", .string("1.0")), ("size", .int(12)), ("beta", .bool(false))]))
                    ])
                ),
                (
                    "sub",
                    .object(
                        LiquidObject([
                            (
                                "info",
                                .object(
                                    LiquidObject([("b", .int(1)), ("a", .array([.bool(true), .null, .string("x")]))]))
                            )
                        ]))
                ),
                (
                    "team",
                    .array([
                        .object(LiquidObject([("name", .string("Ada")), ("note", .string("says \"hi\", twice"))])),
                        .object(LiquidObject([("name", .string("Bo")), ("note", .string(""))])),
                    ])
                ),
            ]))
        #expect(data == expected)
        #expect(diagnostics.map(\.description).count == 1)
        #expect(diagnostics.first?.description.hasPrefix("_data/broken.yml:2:") == true)
    }
}
