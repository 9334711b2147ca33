import Foundation
import Testing

@testable import FeedgenCore

/// Language and issue of every post of the dair-ai corpus, against tables written by reading each post.
@Suite struct CorpusLanguageTests {
    /// File name -> language, checked post by post against its body (not only its markers).
    static let expectedLanguage: [String: String] = [
        "2018-08-11-deep-learning-for-nlp-pytorch-tensorflow.md": "en",
        "2018-10-19-deep-learning-emotion-recognition-pytorch-tensorflow.md": "en",
        "2018-10-24-nlp-overview.md": "en",
        "2018-12-22-bias-in-sentiment-analysis.md": "en",
        "2019-01-10-emnlp-emotion-recognition.md": "en",
        "2019-01-10-nlp-highlights-2018.md": "en",
        "2020-01-12-NLP_Newsletter[PT-BR]_Tokenizers,_TensorFlow_2_1,_TextVe.md": "pt-BR",
        "2020-01-12-NLP_Newsletter_Tokenizers,_TensorFlow_2_1,_TextVe.md": "en",
        "2020-01-19-NLP_Newsletter[PT-BR]_Reformer,_DeepMath,_ELECTRA,_TinyB.md": "pt-BR",
        "2020-01-19-NLP_Newsletter_Reformer,_DeepMath,_ELECTRA,_TinyB copy.md": "en",
        "2020-01-19-NLP简报_Reformer,_DeepMath,_ELECTRA,_TinyBERT.md": "zh",
        "2020-02-01-NLP_Newsletter_Flax,_Thinc,_Language-specific_BERT.md": "en",
        "2020-02-15-NLP简报_Flax,_Thinc,_Language-specific_BERT_models.md": "zh",
        "2020-02-16-NLP_Newsletter[PT-BR]_PyTorch3D,_DeepSpeed,_Turing-NLG.md": "pt-BR",
        "2020-02-16-NLP_Newsletter_PyTorch3D,_DeepSpeed,_Turing-NLG.md": "en",
        "2020-02-17-NLP简报_ISSUE_4_PyTorch3D,_DeepSpeed,_Turing-NLG.md": "zh",
        "2020-02-20-NLP简报_Tokenizers,_TensorFlow_2_1,_TextVectorization.md": "zh",
        "2020-02-21-Fundamentals-of-NLP-Chapter-1.md": "en",
        "2020-02-23-Boletín_informativo_NLP_GPT-2_Explicado,_Entendie.md": "es",
        "2020-02-23-NLP_Newsletter_The_Annotated_GPT-2,_Understanding.md": "en",
        "2020-02-28-NLP_Newsletter.AR._The_Annotated_GPT-2_And_More.md": "ar",
        "2020-02-29-NLP_Newsletter[PT-BR]_The_Annotated_GPT-2,_Understanding.md": "pt-BR",
        "2020-02-29-NLP简报（Issue#5）：The_Annotated_GPT-2、CodeBERT、JAX、GA.md": "zh",
        "2020-03-02-NLP_Newsletter[PT-BR]_BERTology_Primer_fastpages_T5.md": "pt-BR",
        "2020-03-02-NLP_Newsletter_BERTology_Primer_fastpages_T5.md": "en",
        "2020-03-02-NLP简报.md": "zh",
        "2020-03-09-NLP_Newsletter_#1_[FR].Md": "fr",
        "2020-03-09-NLP_Newsletter_#2_[FR].Md": "fr",
        "2020-03-09-NLP_Newsletter_#3_[FR].Md": "fr",
        "2020-03-09-NLP_Newsletter_#4_[FR].Md": "fr",
        "2020-03-09-NLP_Newsletter_#5_[FR].Md": "fr",
        "2020-03-09-NLP_Newsletter_#6_[FR].Md": "fr",
        "2020-03-16-NLP_Newsletter[PT-BR]_NLP_7.md": "pt-BR",
        "2020-03-16-NLP_Newsletter_#7_[FR].Md": "fr",
        "2020-03-16-NLP_Newsletter_NLP_7.md": "en",
        "2020-03-16-NLP_Newsletter_NLP_7[ZH].md.md": "zh",
        "2020-03-22-NLP_Newsletter[PT-BR]_8.md": "pt-BR",
        "2020-03-22-NLP_Newsletter_8.md": "en",
        "2020-03-22-NLP_Newsletter_NLP_8[ZH].md .md": "zh",
        "2020-03-23-NLP_Newsletter_#8_[FR].Md": "fr",
        "2020-03-26-NLP_Research_Highlights_—_Issue_#1.md": "en",
        "2020-03-27-call-for-contributions-open-science.md": "en",
        "2020-03-29-Exploratory_Data_Analysis_for_Text_Data.md": "en",
        "2020-03-30-An_Illustrated_Guide_to_Graph_Neural_Networks.md": "en",
        "2020-04-03-NLP_Newsletter_9.md": "en",
        "2020-04-03-NLP_Newsletter_NLP_9[ZH].md": "zh",
        "2020-04-04-An_Overview_of_Troubling_Trends_in_Machine_Learning_Scholarship.md": "en",
        "2020-04-06-NLP_Newsletter_#9_[FR].Md": "fr",
        "2020-04-06-NLP_Newsletter_8_[TR].md": "tr",
        "2020-04-06-Simple_Sentence_Similarity_Search_with_SentenceBERT.md": "en",
        "2020-04-06-TLDR_SentenceBERT.md": "en",
        "2020-04-07-NLP_Newsletter_9_[PT-BR].md": "pt-BR",
        "2020-04-08-A_Deep_Learning_Approach_to_Improve_Emotion-Cause_Extraction.md": "en",
        "2020-04-08-Adapters_A_Compact_and_Extensible_Transfer_Learnng_Method_for_NLP.md": "en",
        "2020-04-09-A_Light_Introduction_to_Transfer_Learning_for_NLP.md": "en",
        "2020-04-15-Analyzing_Worldwide_Energy_Production_with_Kibana_Lens.md": "en",
        "2020-04-18-Aspects of language captured by BERT.md": "en",
        "2020-04-18-Deep_Learning_for_NLP_An_Overview_of_Recent_Trends.md": "en",
        "2020-04-18-Detecting_Sarcasm_with_Deep_Convolutional_Neural_Networks.md": "en",
        "2020-04-18-HMTL Multi-task learning for state of the art NLP.md": "en",
        "2020-04-18-Structural_Scaffolds_for_Citation_Intent_Classification_in_Scientific_Publications.md": "en",
        "2020-04-18-Top_10_Recommended_ML_and_NLP_Books.md": "en",
        "2020-04-18-XLNet_outperforms_BERT_on_several_NLP_Tasks.md": "en",
        "2020-04-19-NLP_Newsletter[PT-BR]_10.md": "pt-BR",
        "2020-04-19-NLP_Newsletter_10_en.md": "en",
        "2020-04-19-NLP_Newsletter_NLP_10[ZH].md": "zh",
        "2020-04-20-NLP_Newsletter_10_FR.md": "fr",
        "2020-04-22-Deep_Learning_and_Time_Embeddings_To_Predict_Emojis.md": "en",
        "2020-04-22-Hugging_Face_Introduces_Tokenizers.md": "en",
        "2020-04-22-State_of_the_art_Multimodal_Sentiment_Classification_in_Videos.md": "en",
        "2020-04-22-TinyBERT — Size_does_matter,_but_how_you_train_it_can_be_more_important.md": "en",
        "2020-04-22-Using_Deep_Learning_to_Detect_Linguistic_Cues_of_Alzheimer’s_Disease_Patients.md": "en",
        "2020-04-23-NLP_Newsletter_9_[TR].md": "tr",
        "2020-04-24-Detecting_Emotions_with_CNN_Fusion_Models.md": "en",
        "2020-04-25-NLP_Year_in_Review — 2019.md": "en",
        "2020-04-29-attention-is-all-you-need.md": "en",
        "2020-04-30-NLP_Newsletter_10_[TR].md": "tr",
        "2020-05-04-NLP_Newsletter_#11_[FR].md": "fr",
        "2020-05-04-NLP_Newsletter_11_en.md": "en",
        "2020-05-04-NLP_Newsletter_11_tr.md": "tr",
        "2020-05-11-BART-Summary.md": "en",
        "2020-05-30-Critique-of-Taylor-s-Law-for-Human-Linguistic-Sequences.md": "en",
        "2020-06-30-NLP_Newsletter_12_en.md": "en",
        "2020-07-02-NLP_Newsletter_#12_[FR].Md": "fr",
        "2020-07-13-NLP_Newsletter_13_en.md": "en",
        "2020-07-15-NLP_Newsletter_#13_[FR].Md": "fr",
        "2020-07-16-Summary-MobileBERT.md": "en",
        "2020-07-16-making-monolingual-sentence-embeddings-multilingual-using-knowledge-distillation.md": "en",
        "2020-08-11-NLP_Newsletter_#14_[FR].Md": "fr",
        "2020-08-11-NLP_Newsletter_14-en.md": "en",
        "2020-4-6-TL;DR_DistillBERT.md": "en",
        "2021-01-28-new-discord-dair.md": "en",
        "2023-01-05-ml-course-notes.md": "en",
        "2023-01-06-ml-youtube-courses.md": "en",
        "2023-01-07-prompt-engineering.md": "en",
    ]

    /// Issue number -> language -> file name, for every NLP Newsletter issue; every other post is an article
    /// (nil) except the one NLP Research Highlights issue.
    static let expectedNewsletter: [Int: [String: String]] = [
        1: [
            "en": "2020-01-12-NLP_Newsletter_Tokenizers,_TensorFlow_2_1,_TextVe.md",
            "pt-BR": "2020-01-12-NLP_Newsletter[PT-BR]_Tokenizers,_TensorFlow_2_1,_TextVe.md",
            "zh": "2020-02-20-NLP简报_Tokenizers,_TensorFlow_2_1,_TextVectorization.md",
            "fr": "2020-03-09-NLP_Newsletter_#1_[FR].Md",
        ],
        2: [
            "en": "2020-01-19-NLP_Newsletter_Reformer,_DeepMath,_ELECTRA,_TinyB copy.md",
            "pt-BR": "2020-01-19-NLP_Newsletter[PT-BR]_Reformer,_DeepMath,_ELECTRA,_TinyB.md",
            "zh": "2020-01-19-NLP简报_Reformer,_DeepMath,_ELECTRA,_TinyBERT.md",
            "fr": "2020-03-09-NLP_Newsletter_#2_[FR].Md",
        ],
        3: [
            "en": "2020-02-01-NLP_Newsletter_Flax,_Thinc,_Language-specific_BERT.md",
            "zh": "2020-02-15-NLP简报_Flax,_Thinc,_Language-specific_BERT_models.md",
            "fr": "2020-03-09-NLP_Newsletter_#3_[FR].Md",
        ],
        4: [
            "en": "2020-02-16-NLP_Newsletter_PyTorch3D,_DeepSpeed,_Turing-NLG.md",
            "pt-BR": "2020-02-16-NLP_Newsletter[PT-BR]_PyTorch3D,_DeepSpeed,_Turing-NLG.md",
            "zh": "2020-02-17-NLP简报_ISSUE_4_PyTorch3D,_DeepSpeed,_Turing-NLG.md",
            "fr": "2020-03-09-NLP_Newsletter_#4_[FR].Md",
        ],
        5: [
            "en": "2020-02-23-NLP_Newsletter_The_Annotated_GPT-2,_Understanding.md",
            "es": "2020-02-23-Boletín_informativo_NLP_GPT-2_Explicado,_Entendie.md",
            "ar": "2020-02-28-NLP_Newsletter.AR._The_Annotated_GPT-2_And_More.md",
            "pt-BR": "2020-02-29-NLP_Newsletter[PT-BR]_The_Annotated_GPT-2,_Understanding.md",
            "zh": "2020-02-29-NLP简报（Issue#5）：The_Annotated_GPT-2、CodeBERT、JAX、GA.md",
            "fr": "2020-03-09-NLP_Newsletter_#5_[FR].Md",
        ],
        6: [
            "en": "2020-03-02-NLP_Newsletter_BERTology_Primer_fastpages_T5.md",
            "pt-BR": "2020-03-02-NLP_Newsletter[PT-BR]_BERTology_Primer_fastpages_T5.md",
            "zh": "2020-03-02-NLP简报.md",
            "fr": "2020-03-09-NLP_Newsletter_#6_[FR].Md",
        ],
        7: [
            "en": "2020-03-16-NLP_Newsletter_NLP_7.md",
            "pt-BR": "2020-03-16-NLP_Newsletter[PT-BR]_NLP_7.md",
            "zh": "2020-03-16-NLP_Newsletter_NLP_7[ZH].md.md",
            "fr": "2020-03-16-NLP_Newsletter_#7_[FR].Md",
        ],
        8: [
            "en": "2020-03-22-NLP_Newsletter_8.md",
            "pt-BR": "2020-03-22-NLP_Newsletter[PT-BR]_8.md",
            "zh": "2020-03-22-NLP_Newsletter_NLP_8[ZH].md .md",
            "fr": "2020-03-23-NLP_Newsletter_#8_[FR].Md",
            "tr": "2020-04-06-NLP_Newsletter_8_[TR].md",
        ],
        9: [
            "en": "2020-04-03-NLP_Newsletter_9.md",
            "zh": "2020-04-03-NLP_Newsletter_NLP_9[ZH].md",
            "fr": "2020-04-06-NLP_Newsletter_#9_[FR].Md",
            "pt-BR": "2020-04-07-NLP_Newsletter_9_[PT-BR].md",
            "tr": "2020-04-23-NLP_Newsletter_9_[TR].md",
        ],
        10: [
            "en": "2020-04-19-NLP_Newsletter_10_en.md",
            "pt-BR": "2020-04-19-NLP_Newsletter[PT-BR]_10.md",
            "zh": "2020-04-19-NLP_Newsletter_NLP_10[ZH].md",
            "fr": "2020-04-20-NLP_Newsletter_10_FR.md",
            "tr": "2020-04-30-NLP_Newsletter_10_[TR].md",
        ],
        11: [
            "en": "2020-05-04-NLP_Newsletter_11_en.md",
            "fr": "2020-05-04-NLP_Newsletter_#11_[FR].md",
            "tr": "2020-05-04-NLP_Newsletter_11_tr.md",
        ],
        12: ["en": "2020-06-30-NLP_Newsletter_12_en.md", "fr": "2020-07-02-NLP_Newsletter_#12_[FR].Md"],
        13: ["en": "2020-07-13-NLP_Newsletter_13_en.md", "fr": "2020-07-15-NLP_Newsletter_#13_[FR].Md"],
        14: ["en": "2020-08-11-NLP_Newsletter_14-en.md", "fr": "2020-08-11-NLP_Newsletter_#14_[FR].Md"],
    ]

    /// The issue every file should get: the newsletter table, the one highlights issue, nil for the rest.
    static var expectedIssue: [String: IssueKey] {
        var result = ["2020-03-26-NLP_Research_Highlights_—_Issue_#1.md": IssueKey(series: "nlp_highlights", number: 1)]
        for (number, files) in expectedNewsletter {
            for (language, file) in files {
                precondition(expectedLanguage[file] == language, "tables disagree on \(file)")
                result[file] = IssueKey(series: "nlp_newsletter", number: number)
            }
        }
        return result
    }

    static func detect(_ post: CorpusPost, rules: LanguageRules = .defaults) -> LanguageDecision {
        LanguageDetector.detect(
            frontMatter: nil, fileName: post.fileName, title: post.title, body: { post.body }, siteDefault: "en",
            rules: rules)
    }

    @Test func everyPostIsInTheTables() throws {
        let names = try CorpusPost.all().map(\.fileName)
        #expect(names.count == 95)
        #expect(Set(names) == Set(Self.expectedLanguage.keys))
    }

    @Test func languageOfEveryPost() throws {
        for post in try CorpusPost.all() {
            #expect(Self.detect(post).language == Self.expectedLanguage[post.fileName], "\(post.fileName)")
        }
    }

    @Test func countsPerLanguage() throws {
        let counts = Dictionary(grouping: try CorpusPost.all().map { Self.detect($0).language }, by: { $0 })
            .mapValues(\.count)
        #expect(counts == ["en": 56, "fr": 14, "pt-BR": 9, "zh": 10, "tr": 4, "es": 1, "ar": 1])
    }

    /// Every newsletter carries a marker; articles fall to the site default, never to a script guess.
    @Test func reasonsOfTheCorpus() throws {
        let newsletters = Set(Self.expectedNewsletter.values.flatMap(\.values))
        for post in try CorpusPost.all() {
            let reason = Self.detect(post).reason
            let expectedSiteDefault =
                Self.expectedLanguage[post.fileName] == "en" && !newsletters.contains(post.fileName)
            switch reason {
            case .siteDefault: #expect(expectedSiteDefault, "\(post.fileName)")
            case .marker: #expect(!expectedSiteDefault, "\(post.fileName)")
            case .frontMatter, .folder, .script: Issue.record("\(post.fileName): \(reason)")
            }
        }
        let byName = Dictionary(uniqueKeysWithValues: try CorpusPost.all().map { ($0.fileName, $0) })
        let reasons: [String: LanguageDecision.Reason] = [
            "2020-02-28-NLP_Newsletter.AR._The_Annotated_GPT-2_And_More.md": .marker(".AR."),
            "2020-02-17-NLP简报_ISSUE_4_PyTorch3D,_DeepSpeed,_Turing-NLG.md": .marker("NLP简报"),
            "2020-02-23-Boletín_informativo_NLP_GPT-2_Explicado,_Entendie.md": .marker("Boletín"),
            "2020-04-06-NLP_Newsletter_8_[TR].md": .marker("[TR]"),
            "2020-04-20-NLP_Newsletter_10_FR.md": .marker("_FR"),
            "2020-08-11-NLP_Newsletter_14-en.md": .marker("-en"),
            "2020-05-04-NLP_Newsletter_11_tr.md": .marker("_tr"),
            "2020-03-22-NLP_Newsletter[PT-BR]_8.md": .marker("[PT-BR]"),
            // Nothing in the file name: the title's `[EN]`.
            "2020-03-22-NLP_Newsletter_8.md": .marker("[EN]"),
        ]
        for (name, reason) in reasons {
            #expect(Self.detect(byName[name]!).reason == reason, "\(name)")
        }
    }

    /// Without any marker, the script rule alone still finds every Chinese and Arabic post, and only those.
    @Test func scriptsAloneFindChineseAndArabic() throws {
        let base = LanguageRules.defaults
        let scriptsOnly = try LanguageRules(
            markers: [], bracketCodes: [], suffixCodes: [], aliases: [:], scripts: base.scripts)
        for post in try CorpusPost.all() {
            let expected = Self.expectedLanguage[post.fileName]!
            let decision = Self.detect(post, rules: scriptsOnly)
            switch expected {
            case "zh": #expect(decision.language == "zh" && decision.reason == .script("Han"), "\(post.fileName)")
            case "ar": #expect(decision == LanguageDecision(language: "ar", reason: .script("Arabic")))
            default: #expect(decision == LanguageDecision(language: "en", reason: .siteDefault), "\(post.fileName)")
            }
        }
    }

    @Test func issueOfEveryPost() throws {
        let expected = Self.expectedIssue
        for post in try CorpusPost.all() {
            let issue = IssueDetector.issue(
                frontMatterIssue: nil, title: post.title, fileName: post.fileName, image: post.thumb, tags: post.tags,
                rules: .defaults)
            #expect(issue == expected[post.fileName], "\(post.fileName)")
        }
    }

    /// The links a feed shows: issue 5 in six languages, issue 12 in two, articles in none.
    @Test func translationsOfTheCorpus() throws {
        let candidates = try CorpusPost.all().map { post in
            TranslationLinker.Candidate(
                id: post.fileName,
                issue: IssueDetector.issue(
                    frontMatterIssue: nil, title: post.title, fileName: post.fileName, image: post.thumb,
                    tags: post.tags, rules: .defaults),
                language: Self.detect(post).language, url: "u/" + post.fileName, title: post.title)
        }
        let links = TranslationLinker.translations(for: candidates)
        #expect(links.count == 95)
        #expect(TranslationLinker.duplicates(in: candidates) == [])
        let arabic = links["2020-02-28-NLP_Newsletter.AR._The_Annotated_GPT-2_And_More.md"]!
        #expect(arabic.map(\.language) == ["en", "es", "fr", "pt-BR", "zh"])
        #expect(arabic.map(\.url) == ["en", "es", "fr", "pt-BR", "zh"].map { "u/" + Self.expectedNewsletter[5]![$0]! })
        #expect(links["2020-06-30-NLP_Newsletter_12_en.md"]!.map(\.language) == ["fr"])
        #expect(links["2020-03-26-NLP_Research_Highlights_—_Issue_#1.md"] == [])
        #expect(links["2020-02-21-Fundamentals-of-NLP-Chapter-1.md"] == [])
        for (number, files) in Self.expectedNewsletter {
            for (language, file) in files {
                #expect(links[file]!.map(\.language) == files.keys.filter { $0 != language }.sorted(), "#\(number)")
            }
        }
    }
}
