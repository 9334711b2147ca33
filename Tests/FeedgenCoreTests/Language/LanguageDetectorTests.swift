import Testing

@testable import FeedgenCore

/// The language rules one by one, with the default rules and a site defaulting to English.
@Suite struct LanguageDetectorTests {
    func detect(
        _ fileName: String, title: String = "A title", body: String = "", frontMatter: String? = nil,
        siteDefault: String = "en", rules: LanguageRules = .defaults
    ) -> LanguageDecision {
        LanguageDetector.detect(
            frontMatter: frontMatter, fileName: fileName, title: title, body: { body }, siteDefault: siteDefault,
            rules: rules)
    }

    @Test(
        arguments: [
            ("fr", "fr"), ("FR", "fr"), ("fr_FR", "fr-FR"), ("pt-br", "pt-BR"), ("PT_br", "pt-BR"), ("zh", "zh"),
            ("ZH-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"), (" en-us ", "en-US"), ("de-CH-1996", "de-CH-1996"),
            ("en-u-ca-gregory", "en-u-ca-gregory"), ("x-klingon", "x-klingon"), ("zh-yue-HK", "zh-yue-HK"),
            ("en-x-pirate", "en-x-pirate"),
            ("english", nil), ("e", nil), ("", nil), ("fr-", nil), ("fr--FR", nil), ("fr FR", nil), ("français", nil),
            ("en-u", nil), ("fr-FRANCE-x", nil), ("12", nil),
        ] as [(String, String?)])
    func normalizedTags(raw: String, expected: String?) {
        #expect(LanguageTag.normalized(raw) == expected)
    }

    @Test(arguments: [
        ("2020-03-22-NLP_Newsletter_NLP_8[ZH].md .md", "NLP_Newsletter_NLP_8[ZH]"),
        ("2020-03-16-NLP_Newsletter_NLP_7[ZH].md.md", "NLP_Newsletter_NLP_7[ZH]"),
        ("posts/_posts/2020-4-6-TL;DR_DistillBERT.md", "TL;DR_DistillBERT"),
        ("2020-03-09-NLP_Newsletter_#1_[FR].Md", "NLP_Newsletter_#1_[FR]"),
        ("2020-04-20-welcome.fr.markdown", "welcome.fr"),
        (
            "2020-04-20-NLP_Newsletter.AR._The_Annotated_GPT-2_And_More.html",
            "NLP_Newsletter.AR._The_Annotated_GPT-2_And_More"
        ),
        ("no-date.md", "no-date"),
        ("2020-04-20-v1.2", "v1.2"),
    ])
    func fileStem(fileName: String, stem: String) {
        #expect(PostFileStem.of(fileName) == stem)
    }

    @Test func frontMatterComesFirstAndIsNormalised() {
        #expect(
            detect("2020-01-01-post_[ZH].md", title: "Titre [ES]", frontMatter: "fr_FR")
                == LanguageDecision(language: "fr-FR", reason: .frontMatter))
    }

    @Test func invalidFrontMatterFallsThrough() {
        #expect(
            detect("2020-01-01-post_[ZH].md", frontMatter: "Chinese")
                == LanguageDecision(language: "zh", reason: .marker("[ZH]")))
    }

    @Test func fileNameBeforeTitle() {
        #expect(
            detect("2020-01-01-NLP_Newsletter_10_FR.md", title: "NLP Newsletter #10 [EN]")
                == LanguageDecision(language: "fr", reason: .marker("_FR")))
    }

    @Test(arguments: [
        ("2020-03-09-NLP_Newsletter_#1_[FR].Md", "fr", "[FR]"),
        ("2020-01-12-NLP_Newsletter[PT-BR]_Tokenizers.md", "pt-BR", "[PT-BR]"),
        ("2020-01-12-post[pt_br].md", "pt-BR", "[pt_br]"),
        ("2020-01-12-post_[EN].md", "en", "[EN]"),
        ("2020-03-16-NLP_Newsletter_NLP_7[ZH].md.md", "zh", "[ZH]"),
        ("2020-03-22-NLP_Newsletter_NLP_8[ZH].md .md", "zh", "[ZH]"),
        ("2020-02-17-post_[CH].md", "zh", "[CH]"),
        ("2020-02-17-post_[CN].md", "zh", "[CN]"),
        ("2020-02-17-post_[ES].md", "es", "[ES]"),
        ("2020-02-17-post_[TR].md", "tr", "[TR]"),
        ("2020-02-17-post_[AR].md", "ar", "[AR]"),
        ("2020-02-17-post_[it].md", "it", "[it]"),
        ("2020-02-17-post_[JP].md", "ja", "[JP]"),
        ("2020-02-17-post_[zh-tw].md", "zh-TW", "[zh-tw]"),
        ("2020-08-11-NLP_Newsletter_14-en.md", "en", "-en"),
        ("2020-04-19-NLP_Newsletter_10_en.md", "en", "_en"),
        ("2020-05-04-NLP_Newsletter_11_tr.md", "tr", "_tr"),
        ("2020-05-04-NLP_Newsletter_11-tr.md", "tr", "-tr"),
        ("2020-04-20-NLP_Newsletter_10_FR.md", "fr", "_FR"),
        ("2020-04-20-welcome.de.md", "de", ".de"),
        ("2020-04-20-welcome_pt_BR.md", "pt-BR", "_pt_BR"),
        ("2020-04-20-welcome-es-mx.markdown", "es-MX", "-es-mx"),
        ("2020-04-20-welcome_to_en.md", "en", "_en"),
        ("2020-04-20-readme-cn.md", "zh", "-cn"),
        ("2020-02-28-NLP_Newsletter.AR._The_Annotated_GPT-2_And_More.md", "ar", ".AR."),
        ("2020-02-20-NLP简报_Tokenizers.md", "zh", "NLP简报"),
        ("2020-02-23-Boletín_informativo_NLP.md", "es", "Boletín"),
        ("2020-02-23-Boleti\u{301}n_informativo_NLP.md", "es", "Boleti\u{301}n"),
        ("2020-02-23-Haber_Bülteni_8.md", "tr", "Haber_Bülteni"),
        ("posts/_posts/2020-4-6-x_[FR].md", "fr", "[FR]"),
    ])
    func fileNameMarker(fileName: String, language: String, matched: String) {
        #expect(detect(fileName) == LanguageDecision(language: language, reason: .marker(matched)))
    }

    @Test(arguments: [
        ("NLP Newsletter #1 [FR]: Tokenizers", "fr", "[FR]"),
        ("NLP简报 #4 [CH]: PyTorch3D", "zh", "NLP简报"),
        ("NLP 简报（Issue#6）[ZH]", "zh", "NLP 简报"),
        ("Boletín informativo NLP #5 [ES]: GPT-2 Explicado", "es", "Boletín"),
        ("NLP Haber Bülteni #9 [TR]: Görselleştirilmiş GNN Rehberi", "tr", "Haber Bülteni"),
        ("[ML] Notes [FR]", "fr", "[FR]"),
    ])
    func titleMarker(title: String, language: String, matched: String) {
        #expect(
            detect("2020-01-01-post.md", title: title) == LanguageDecision(language: language, reason: .marker(matched))
        )
    }

    /// Digits, English words and abbreviations that look like codes are not languages.
    @Test(arguments: [
        "2020-01-01-NLP_Newsletter_7.md", "2020-01-01-GPT-2.md", "2020-01-01-log-in.md", "2020-01-01-how_to_do.md",
        "2020-01-01-Do-it.md", "2020-01-01-what_is.md", "2020-01-01-user_id.md", "2020-01-01-setup-wi-fi.md",
        "2020-01-01-stanford-cs.md", "2020-01-01-Part-vi.md", "2020-01-01-[ML]_notes.md", "2020-01-01-[CV]_tricks.md",
        "2020-01-01-Turing-NLG.md", "2020-01-01-TextVe.md", "2020-01-01-v1.2.md", "2020-01-01-e.g._tips.md",
        "2020-01-01-x_[XX].md", "2020-01-01-Boletim_NLP.md",
    ])
    func notAMarker(fileName: String) {
        #expect(
            detect(fileName, title: "[ML] A title [CV] [XYZ]") == LanguageDecision(language: "en", reason: .siteDefault)
        )
    }

    /// Suffix forms belong to file names: a title ending in `-de` or `.fr.` says nothing.
    @Test func suffixFormsOnlyInFileNames() {
        #expect(detect("2020-01-01-post.md", title: "Pas-de .fr. title_es").reason == .siteDefault)
    }

    @Test func siteDefaultIsNormalised() {
        #expect(
            detect("2020-01-01-post.md", siteDefault: "en_US")
                == LanguageDecision(language: "en-US", reason: .siteDefault))
    }

    @Test func bodyIsReadOnlyWhenNeeded() {
        var reads = 0
        let marked = LanguageDetector.detect(
            frontMatter: nil, fileName: "2020-01-01-post_[FR].md", title: "T",
            body: {
                reads += 1
                return ""
            },
            siteDefault: "en", rules: .defaults)
        #expect(marked.language == "fr")
        #expect(reads == 0)
        let unmarked = LanguageDetector.detect(
            frontMatter: nil, fileName: "2020-01-01-post.md", title: "T",
            body: {
                reads += 1
                return "Только текст"
            },
            siteDefault: "en", rules: .defaults)
        #expect(unmarked == LanguageDecision(language: "ru", reason: .script("Cyrillic")))
        #expect(reads == 1)
    }

    /// A non-Latin word in a title decides, however many Latin letters surround it.
    @Test(arguments: [
        ("NLP通讯（Issue#8）: NeRF, CORD-19, Stanza, Text Generation 101, Notebooks, SECNLP, Dreamer,…", "zh", "Han"),
        ("الإصدار الخامس من قائمة معالجة اللغات الطبيعية (NLP) البريدية: GPT-2، Haiku، GANILLA", "ar", "Arabic"),
        ("Transformers 入門: BERT とは", "ja", "Han"),
        ("トランスフォーマー入門", "ja", "Katakana"),
        ("자연어 처리 뉴스레터 #5: BERT", "ko", "Hangul"),
        ("Νέα του NLP: BERT", "el", "Greek"),
        ("Обзор NLP: BERT, GPT-2", "ru", "Cyrillic"),
    ])
    func titleScript(title: String, language: String, script: String) {
        #expect(
            detect("2020-01-01-post.md", title: title) == LanguageDecision(language: language, reason: .script(script)))
    }

    /// Single letters (formulas, `λ`) are not words; emoji, digits and punctuation are no script at all.
    @Test(arguments: ["The λ-calculus and α-β pruning", "Emoji 🎉 and ①②③ — “quotes”", "Café, naïve, Ærø"])
    func titleWithoutForeignWords(title: String) {
        #expect(detect("2020-01-01-post.md", title: title) == LanguageDecision(language: "en", reason: .siteDefault))
    }

    @Test func bodyNeedsAFifthOfTheLetters() {
        let english = String(repeating: "This tokenizer splits words. ", count: 20)  // 500 Latin letters
        let quoted = english + "For example 我爱自然语言处理 becomes 我 爱 自然 语言 处理."  // 16 Han letters
        #expect(detect("2020-01-01-post.md", body: quoted) == LanguageDecision(language: "en", reason: .siteDefault))
        let chinese = "欢迎来到 NLP 时事简报！全文较长，建议收藏。" + String(repeating: "https://github.com/x ", count: 2)
        #expect(detect("2020-01-01-post.md", body: chinese) == LanguageDecision(language: "zh", reason: .script("Han")))
    }

    /// Kana beside Han make it Japanese; Han alone is Chinese; one kana letter (`と`) is not enough.
    @Test func hanWithKanaIsJapanese() {
        let counts = LanguageDetector.scriptLetters(in: "日本語の自然言語処理とBERT", rules: .defaults)
        #expect(
            counts == [
                "Han": .init(letters: 9, longestRun: 6), "Hiragana": .init(letters: 2, longestRun: 1),
                "Latin": .init(letters: 4, longestRun: 4),
            ])
        #expect(
            detect("2020-01-01-post.md", title: "日本語の自然言語処理とBERT")
                == LanguageDecision(language: "ja", reason: .script("Han")))
        #expect(
            detect("2020-01-01-post.md", title: "自然语言处理的BERT")
                == LanguageDecision(language: "zh", reason: .script("Han")))
        #expect(
            detect("2020-01-01-post.md", title: "Transformers 入門: BERT と GPT")
                == LanguageDecision(language: "zh", reason: .script("Han")))
    }

    /// Combining marks are Inherited: they neither count nor break a word.
    @Test func combiningMarksDoNotBreakRuns() {
        let counts = LanguageDetector.scriptLetters(in: "مَكْتَبَة e\u{301}te\u{301}", rules: .defaults)
        #expect(counts == ["Arabic": .init(letters: 5, longestRun: 5), "Latin": .init(letters: 3, longestRun: 3)])
    }

    @Test func scriptSharesAreConfigurable() throws {
        let base = LanguageRules.defaults
        let strict = try LanguageRules(
            markers: base.markers, bracketCodes: base.bracketCodes, suffixCodes: base.suffixCodes,
            aliases: base.aliases, scripts: ["Cyrillic": "uk"], titleScriptShare: 0.5)
        #expect(
            detect("2020-01-01-post.md", title: "Огляд NLP: BERT, GPT-2 and more", rules: strict).reason == .siteDefault
        )
        #expect(
            detect("2020-01-01-post.md", title: "Огляд моделей BERT", rules: strict)
                == LanguageDecision(language: "uk", reason: .script("Cyrillic")))
        #expect(detect("2020-01-01-post.md", title: "通讯", rules: strict).reason == .siteDefault)
    }
}
