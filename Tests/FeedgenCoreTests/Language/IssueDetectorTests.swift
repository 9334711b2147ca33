import Foundation
import Testing
import Yams

@testable import FeedgenCore

/// Issue numbers one rule at a time, and what must not be taken for one.
@Suite struct IssueDetectorTests {
    func issue(
        title: String = "A title", file: String = "2020-01-01-post.md", image: String? = nil,
        tags: [String] = ["nlp_newsletter"], frontMatter: Int? = nil, rules: IssueRules = .defaults
    ) -> IssueKey? {
        IssueDetector.issue(
            frontMatterIssue: frontMatter, title: title, fileName: file, image: image, tags: tags, rules: rules)
    }

    func newsletter(_ number: Int) -> IssueKey { IssueKey(series: "nlp_newsletter", number: number) }

    @Test(arguments: [
        ("NLP Newsletter #7 [EN]: NLP Paper Summaries", 7), ("NLP Newsletter # 7", 7),
        ("Research Highlights — Issue #1", 1),
        ("NLP简报（Issue#5）[ZH]：The Annotated GPT-2", 5), ("NLP简报 Issue#9 [ZH]: Illustrated GNN Guide", 9),
        ("Issue 4", 4), ("ISSUE_4", 4), ("NLP Newsletter 13 [EN]: ACL Highlights", 13), ("Newsletter_9", 9),
        ("NLP简报（Issue#10）: 提高机器学习可重复性", 10), ("NLP Haber Bülteni #8 [TR]", 8),
        ("Boletín informativo NLP #5 [ES]: GPT-2 Explicado", 5), ("NLP简报第6期", 6), ("Issue #１２", 12),
        ("Harbour Notes n° 3 [FR] : saison des tempêtes", 3), ("Boletín nº 4", 4), ("Numéro 11 : bilan", 11),
        ("Boletim número 2", 2), ("نشرة الميناء العدد 2: قراءة بيانات", 2),
    ])
    func titleForms(title: String, number: Int) {
        #expect(issue(title: title) == newsletter(number))
    }

    @Test(arguments: [
        ("2020-03-16-NLP_Newsletter_NLP_7.md", 7), ("2020-03-22-NLP_Newsletter_8.md", 8),
        ("2020-08-11-NLP_Newsletter_14-en.md", 14), ("2020-04-19-NLP_Newsletter[PT-BR]_10.md", 10),
        ("2020-03-09-NLP_Newsletter_#1_[FR].Md", 1),
        ("2020-02-17-NLP简报_ISSUE_4_PyTorch3D,_DeepSpeed,_Turing-NLG.md", 4),
        ("2020-03-22-NLP_Newsletter_NLP_8[ZH].md .md", 8), ("2020-04-06-NLP_Newsletter_8_[TR].md", 8),
        ("2020-02-29-NLP简报（Issue#5）：The_Annotated_GPT-2、CodeBERT、JAX、GA.md", 5),
        ("posts/_posts/2020-4-6-Newsletter 13.markdown", 13),
    ])
    func fileNameForms(file: String, number: Int) {
        #expect(issue(file: file) == newsletter(number))
    }

    /// The Arabic issue 5 says its number only in its thumb's name.
    @Test(arguments: [
        ("nlp_newsletter_5.png", 5), ("/images/nlp_newsletter_12.jpeg", 12), ("https://x.org/i/issue-3.webp?v=2", 3),
    ])
    func imageForms(image: String, number: Int) {
        #expect(issue(title: "الإصدار الخامس من قائمة معالجة اللغات الطبيعية", image: image) == newsletter(number))
    }

    @Test(arguments: [
        (
            "Fundamentals of NLP (Chapter 1): Tokenization", "2020-02-21-Fundamentals-of-NLP-Chapter-1.md",
            "chapter1.png"
        ),
        (
            "NLP Newsletter [EN]: Tokenizers, TensorFlow 2.1",
            "2020-01-12-NLP_Newsletter_Tokenizers,_TensorFlow_2_1,_TextVe.md", "nlp_home.png"
        ),
        ("The Annotated GPT-2", "2020-02-28-NLP_Newsletter.AR._The_Annotated_GPT-2_And_More.md", "gpt2.png"),
        ("NLP Year in Review — 2019", "2020-04-25-NLP_Year_in_Review — 2019.md", "nlp-2019.png"),
        ("Top 10 Recommended ML and NLP Books", "2020-04-18-Top_10_Recommended_ML_and_NLP_Books.md", "top10_ml.png"),
        (
            "NLP 2018 Highlights (Free 70+ Pages PDF Report)", "2019-01-10-nlp-highlights-2018.md",
            "2018-nlp-highlights.png"
        ),
        ("C# 10 for data science", "2020-01-01-csharp-10.md", "newsletter.png"),
        ("Escaping &#35;1 in HTML", "2020-01-01-issue2019.md", "issue_2019.png"),
        (
            "EMNLP 2018 Oral Presentation", "2019-01-10-emnlp-emotion-recognition.md",
            "emnlp2018-emotion-recognition.png"
        ),
        ("Issue #0", "2020-01-01-x.md", "newsletter_0.png"),
    ])
    func articles(title: String, file: String, image: String) {
        #expect(issue(title: title, file: file, image: image) == nil)
    }

    @Test func titleBeforeFileBeforeImage() {
        #expect(
            issue(title: "Newsletter #3", file: "2020-01-01-Newsletter_4.md", image: "newsletter_5.png")
                == newsletter(3))
        #expect(issue(file: "2020-01-01-Newsletter_4.md", image: "newsletter_5.png") == newsletter(4))
    }

    @Test func frontMatterWins() {
        #expect(issue(title: "Newsletter #3", frontMatter: 9) == newsletter(9))
        #expect(issue(title: "Newsletter #3", frontMatter: 0) == newsletter(3))
        #expect(issue(title: "An article", tags: [], frontMatter: 2) == IssueKey(series: "", number: 2))
    }

    /// The series is the first tag, so issue 1 of two series are two issues.
    @Test func seriesIsTheFirstTag() {
        #expect(
            issue(title: "NLP Research Highlights — Issue #1", tags: ["nlp_highlights", "nlp_newsletter"])
                == IssueKey(series: "nlp_highlights", number: 1))
        #expect(issue(title: "NLP Newsletter #1", tags: []) == IssueKey(series: "", number: 1))
    }

    @Test func rulesFromYAML() throws {
        let yaml = """
            rules:
              - pattern: "Ausgabe (\\\\d+)"
              - pattern: "cover-(\\\\d+)"
                fields: [image]
                caseSensitive: true
            """
        let rules = try YAMLDecoder().decode(IssueRules.self, from: yaml)
        #expect(
            rules.rules == [
                .init(pattern: #"Ausgabe (\d+)"#, fields: [.title, .file]),
                .init(pattern: #"cover-(\d+)"#, fields: [.image], caseSensitive: true),
            ])
        #expect(issue(title: "Newsletter AUSGABE 4", rules: rules) == newsletter(4))
        #expect(issue(title: "Newsletter #4", image: "cover-6.png", rules: rules) == newsletter(6))
        #expect(issue(title: "Newsletter #4", image: "COVER-6.png", rules: rules) == nil)
        #expect(try YAMLDecoder().decode(IssueRules.self, from: "{}") == .defaults)
        #expect(
            try YAMLDecoder().decode(IssueRules.self, from: try YAMLEncoder().encode(IssueRules.defaults)) == .defaults)
    }

    @Test func ruleWithoutGroupIsRejected() {
        #expect(throws: InvalidPattern(pattern: "Issue", reason: "it needs a capture group for the issue number")) {
            _ = try IssueRules(rules: [.init(pattern: "Issue", fields: [.title])])
        }
        #expect(throws: DecodingError.self) {
            _ = try YAMLDecoder().decode(IssueRules.self, from: "rules: [{pattern: \"(\"}]")
        }
    }
}
