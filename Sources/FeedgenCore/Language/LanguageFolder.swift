/// The language a post's folder names: `de/news/_posts/x.md` is German, `zh_cn/_posts/x.md` Simplified Chinese.
///
/// Multilingual Jekyll sites keep one folder per language at the top of the site. The first segment of the
/// post's path counts when it is a language tag whose language is a two-letter ISO 639-1 code, optionally with a
/// region (`pt-br`, `zh_cn`, `es-419`) or script (`zh-hant`); three-letter codes are not taken, since folders
/// such as `api/` or `new/` would read as languages. With jekyll-multiple-languages-plugin's `languages:` set, a
/// folder named exactly like one of them also counts anywhere in the path (`_posts/ko/x.md`). Polyglot sites
/// follow polyglot's own rule instead (`SiteConfig.folderLanguage(ofPath:)`).
public enum LanguageFolder {
    /// The BCP 47 tag (`de`, `zh-CN`, `pt-BR`) the folders of `relativePath` name, or nil.
    /// - Parameter declared: the site's declared languages (the plugin's `languages:`), as written.
    public static func language(ofPath relativePath: String, declared: [String] = []) -> String? {
        let folders = relativePath.split(separator: "/").dropLast().map(String.init)
        if let first = folders.first, let tag = tag(first) { return tag }
        for folder in folders where declared.contains(folder) {
            if let tag = LanguageTag.normalized(folder) { return tag }
        }
        return nil
    }

    /// `folder` as a BCP 47 tag when it has the shape `ll`, `ll-RR`, `ll_rr`, `ll-999` or `ll-Ssss` with `ll` an
    /// ISO 639-1 code.
    static func tag(_ folder: String) -> String? {
        let parts = folder.split(separator: folder.contains("_") ? "_" : "-", omittingEmptySubsequences: false)
        guard parts.count <= 2, let language = parts.first, language.count == 2,
            isoLanguageCodes.contains(String(language))
        else { return nil }
        if parts.count == 2 {
            let sub = parts[1]
            let shaped =
                (sub.count == 2 && sub.allSatisfy { $0.isASCII && $0.isLetter })
                || (sub.count == 3 && sub.allSatisfy { $0.isASCII && $0.isNumber })
                || (sub.count == 4 && sub.allSatisfy { $0.isASCII && $0.isLetter })
            guard shaped else { return nil }
        }
        return LanguageTag.normalized(folder)
    }

    /// ISO 639-1 (lower case, as folders write them).
    private static let isoLanguageCodes: Set<String> = Set(
        """
        aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee \
        el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is \
        it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms \
        mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk \
        sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi \
        yo za zh zu
        """.split(separator: " ").map(String.init))
}
