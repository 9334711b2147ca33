import FeedgenCore
import Testing

/// Jekyll's `post.id` and `absolute_url`, on the shapes of file names real posts have; every expected value is one
/// real jekyll-feed 0.17 wrote (see `Tests/FeedgenCLITests/Fixtures/jekyll-feed-ids.tsv`).
@Suite struct JekyllURLFiltersTests {
    @Test(arguments: [
        ("/projects/prompt-engineering/", "prompt-engineering", "https://dair.ai/projects/prompt-engineering"),
        // `#` starts a fragment, in which `[` and `]` are encoded.
        ("/posts/NLP_Newsletter_-7_-FR/", "NLP_Newsletter_#7_[FR]", "https://dair.ai/posts/NLP_Newsletter_#7_%5BFR%5D"),
        // White space around the path is stripped, inside it encoded.
        (
            "/posts/NLP_Newsletter_NLP_8-ZH-.md/", "NLP_Newsletter_NLP_8[ZH].md ",
            "https://dair.ai/posts/NLP_Newsletter_NLP_8%5BZH%5D.md"
        ),
        (
            "/posts/NLP_Year_in_Review-2019/", "NLP_Year_in_Review — 2019",
            "https://dair.ai/posts/NLP_Year_in_Review%20%E2%80%94%202019"
        ),
        // NFKC: full-width parentheses and colon become ASCII; `、` stays and is encoded.
        (
            "/posts/NLP%E7%AE%80%E6%8A%A5-Issue-5-The_Annotated_GPT-2-CodeBERT-JAX-GA/",
            "NLP简报（Issue#5）：The_Annotated_GPT-2、CodeBERT、JAX、GA",
            "https://dair.ai/posts/NLP%E7%AE%80%E6%8A%A5(Issue#5):The_Annotated_GPT-2%E3%80%81CodeBERT%E3%80%81JAX%E3%80%81GA"
        ),
        ("/posts/TL;DR_DistillBERT/", "TL;DR_DistillBERT", "https://dair.ai/posts/TL;DR_DistillBERT"),
        ("/posts/Bolet%C3%ADn_informativo/", "Boletín_informativo", "https://dair.ai/posts/Bolet%C3%ADn_informativo"),
    ])
    func jekyllFeedEntryIDs(url: String, slug: String, id: String) {
        let documentID = JekyllURLFilters.documentID(url: url, slug: slug)
        #expect(JekyllURLFilters.absoluteURL(documentID, siteURL: "https://dair.ai", baseurl: "") == id)
    }

    @Test func documentIDsFollowRubysDirname() {
        #expect(JekyllURLFilters.documentID(url: "/2021/03/04/lamp.html", slug: "lamp") == "/2021/03/04/lamp")
        #expect(JekyllURLFilters.documentID(url: "/lamp/", slug: "lamp") == "/lamp")
        #expect(JekyllURLFilters.documentID(url: "/a//b/", slug: "c") == "/a/c")
    }

    @Test func theBaseurlAndAnAbsoluteInputAsJekyllJoinsThem() {
        #expect(
            JekyllURLFilters.absoluteURL("/feed.xml", siteURL: "https://Letter.example.org:443", baseurl: "/harbour/")
                == "https://letter.example.org/harbour/feed.xml")
        #expect(
            JekyllURLFilters.absoluteURL("https://elsewhere.example/x y", siteURL: "https://e.org", baseurl: "")
                == "https://elsewhere.example/x y")
        #expect(
            JekyllURLFilters.absoluteURL("/a/./b/../c?x=1&y=%2b z", siteURL: "https://e.org", baseurl: "")
                == "https://e.org/a/c?x=1&y=%2b%20z")
    }
}
