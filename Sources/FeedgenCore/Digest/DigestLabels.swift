import Foundation

/// The words and date formats of a digest in one language: English, French, Brazilian Portuguese and
/// Spanish as their readers write them; any other language gets English words and ISO 8601 dates
/// (`2020-03-16`), which every reader can read and no locale data can get wrong.
public struct DigestLabels: Sendable, Equatable {
    /// The language these labels are for: `en`, `fr`, `pt-BR`, `es`, or nil for the fallback.
    public var language: String?
    public var digest: String
    public var inThisIssue: String
    /// What an article (a post that is no newsletter issue) calls its outline.
    public var contents: String
    public var translations: String
    public var newTranslations: String
    public var nothingPublished: String
    /// The link to an issue's page in the HTML part.
    public var readOnSite: String
    private var months: [String]

    /// The labels for a BCP 47 tag: `fr-CA` reads as `fr`, any `pt` as `pt-BR`.
    public init(language tag: String?) {
        let base = tag?.split(separator: "-").first?.lowercased() ?? "en"
        if let labels = Self.table[base] {
            self = labels
        } else {
            self = Self.table["en"]!
            language = nil
        }
    }

    private init(
        _ language: String, digest: String, inThisIssue: String, contents: String, translations: String,
        newTranslations: String, nothingPublished: String, readOnSite: String, months: String
    ) {
        self.language = language
        self.digest = digest
        self.inThisIssue = inThisIssue
        self.contents = contents
        self.translations = translations
        self.newTranslations = newTranslations
        self.nothingPublished = nothingPublished
        self.readOnSite = readOnSite
        self.months = months.split(separator: " ").map(String.init)
    }

    /// Every language's words, by the base of its tag; a language not here gets English words.
    private static let table: [String: DigestLabels] = [
        "en": DigestLabels(
            "en", digest: "weekly digest", inThisIssue: "In this issue:", contents: "Contents:",
            translations: "Translations:", newTranslations: "New translations",
            nothingPublished: "Nothing was published in this period.", readOnSite: "Read on the site",
            months: "January February March April May June July August September October November December"),
        "fr": DigestLabels(
            "fr", digest: "lettre de la semaine", inThisIssue: "Dans ce numéro :", contents: "Sommaire :",
            translations: "Traductions :", newTranslations: "Nouvelles traductions",
            nothingPublished: "Rien n’a été publié pendant cette période.", readOnSite: "Lire sur le site",
            months: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
        "pt": DigestLabels(
            "pt-BR", digest: "resumo da semana", inThisIssue: "Nesta edição:", contents: "Conteúdo:",
            translations: "Traduções:", newTranslations: "Novas traduções",
            nothingPublished: "Nada foi publicado neste período.", readOnSite: "Ler no site",
            months: "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro"),
        "es": DigestLabels(
            "es", digest: "resumen de la semana", inThisIssue: "En este número:", contents: "Contenido:",
            translations: "Traducciones:", newTranslations: "Nuevas traducciones",
            nothingPublished: "No se publicó nada en este periodo.", readOnSite: "Leer en el sitio",
            months: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    ]

    /// One day: `March 16, 2020`, `16 mars 2020`, `16 de março de 2020`, `16 de marzo de 2020`, else `2020-03-16`.
    public func day(_ day: DateComponents) -> String {
        let (year, month, date) = (day.year ?? 0, day.month ?? 1, day.day ?? 1)
        switch language {
        case "en": return "\(months[month - 1]) \(date), \(year)"
        case "fr": return "\(date == 1 ? "1er" : "\(date)") \(months[month - 1]) \(year)"
        case "pt-BR", "es": return "\(date) de \(months[month - 1]) de \(year)"
        default: return iso(day)
        }
    }

    /// A span of days, shortened as each language does: `March 16–22, 2020`, `du 16 au 22 mars 2020`,
    /// `de 16 a 22 de março de 2020`, `del 16 al 22 de marzo de 2020`; `2020-03-16 – 2020-03-22` otherwise.
    public func days(from first: DateComponents, to last: DateComponents) -> String {
        if first == last { return day(first) }
        let sameYear = first.year == last.year
        let sameMonth = sameYear && first.month == last.month
        let (d1, d2) = (first.day ?? 1, last.day ?? 1)
        let (m1, m2) = (months[(first.month ?? 1) - 1], months[(last.month ?? 1) - 1])
        let y2 = last.year ?? 0
        switch language {
        case "en":
            if sameMonth { return "\(m1) \(d1)–\(d2), \(y2)" }
            if sameYear { return "\(m1) \(d1) – \(m2) \(d2), \(y2)" }
            return "\(day(first)) – \(day(last))"
        case "fr":
            let f1 = d1 == 1 ? "1er" : "\(d1)"
            let f2 = d2 == 1 ? "1er" : "\(d2)"
            if sameMonth { return "du \(f1) au \(f2) \(m2) \(y2)" }
            if sameYear { return "du \(f1) \(m1) au \(f2) \(m2) \(y2)" }
            return "du \(day(first)) au \(day(last))"
        case "pt-BR":
            if sameMonth { return "de \(d1) a \(d2) de \(m2) de \(y2)" }
            if sameYear { return "de \(d1) de \(m1) a \(d2) de \(m2) de \(y2)" }
            return "de \(day(first)) a \(day(last))"
        case "es":
            if sameMonth { return "del \(d1) al \(d2) de \(m2) de \(y2)" }
            if sameYear { return "del \(d1) de \(m1) al \(d2) de \(m2) de \(y2)" }
            return "del \(day(first)) al \(day(last))"
        default:
            return "\(iso(first)) – \(iso(last))"
        }
    }

    private func iso(_ day: DateComponents) -> String {
        String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 1, day.day ?? 1)
    }
}
