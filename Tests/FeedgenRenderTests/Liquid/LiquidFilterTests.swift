import FeedgenCore
import Foundation
import Testing

@testable import FeedgenRender

/// The filters posts use, each against what Liquid 5.4 / Jekyll 4.3 return.
@Suite struct LiquidFilterTests {
    func output(_ template: String, page: LiquidValue = .object(LiquidObject())) -> String {
        LiquidEvaluatorTests.render(template, page: page).0
    }

    @Test func collections() {
        let releases = "site.data.releases"
        #expect(
            output("{% assign r = \(releases) | where: 'version', '3.3.12' | first %}{{ r.url.gz }} {{ r.sha256.gz }}")
                == "https://x.org/a-3.3.12.tgz bbb")
        #expect(output("{{ site.data.team | where_exp: 'm', 'm.since > 2018' | map: 'name' | join: ',' }}") == "Ada,Bo")
        #expect(output("{{ site.data.team | sort: 'since' | map: 'name' | join }}") == "Cy Ada Bo")
        #expect(
            output("{{ 'c,a,b' | split: ',' | sort | last }}{{ 'c,a,b' | split: ',' | first }}{{ 'abc' | size }}")
                == "cc3")
        #expect(output("{{ site.data.team | size }}") == "3")
    }

    @Test func dates() {
        let page = LiquidValue.object(LiquidObject([("date", .date(Date(timeIntervalSince1970: 1_715_644_800)))]))
        #expect(
            output("{{ page.date | date_to_string }}|{{ page.date | date_to_xmlschema }}", page: page)
                == "14 May 2024|2024-05-14T00:00:00+00:00")
        #expect(
            output("{{ page.date | date: '%a %-d %B %Y %H:%M %j %y %e' }}", page: page)
                == "Tue 14 May 2024 00:00 135 24 14")
        #expect(
            output("{{ '2021-03-04' | date: '%b %d' }} {{ page.date }}", page: page)
                == "Mar 04 2024-05-14 00:00:00 +0000")
    }

    @Test func strings() {
        #expect(output("{{ nothing | default: 'd' }}{{ false | default: 'f' }}{{ 'x' | default: 'y' }}") == "dfx")
        #expect(output("{{ '<a href=\"x\">b</a> & c' | escape }}") == "&lt;a href=&quot;x&quot;&gt;b&lt;/a&gt; &amp; c")
        #expect(output("{{ '<p>A <b>b</b><!-- c --></p>' | strip_html }}|{{ 'a\nb' | strip_newlines }}") == "A b|ab")
        #expect(
            output("{{ 'Hello, World & You!' | slugify }} {{ 'MiX' | upcase }}{{ 'MiX' | downcase }}")
                == "hello-world-you MIXmix")
        #expect(
            output(
                "{{ 'b' | append: 'c' | prepend: 'a' }} {{ 'a.b.a' | replace: 'a', 'x' }} {{ 'a.b.a' | remove: 'a' }}")
                == "abc x.b.x .b.")
        #expect(
            output("{{ 'The quick brown fox' | truncate: 10 }}|{{ 'The quick brown fox' | truncatewords: 2 }}")
                == "The qui...|The quick...")
        #expect(output("{{ 'one two' | truncate: 5, '' }}|{{ 'short' | truncate: 20 }}") == "one t|short")
    }

    @Test func urlsAndMarkdown() {
        #expect(
            output("{{ '/about/' | relative_url }} {{ 'feed.xml' | absolute_url }}")
                == "/blog/about/ https://x.org/blog/feed.xml")
        #expect(output("{{ '*em*' | markdownify }}") == "<p><em>em</em></p>\n")
    }
}
