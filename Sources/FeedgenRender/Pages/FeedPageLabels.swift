/// The few words of the feeds' HTML page (`index.html`) and stylesheet in a language: what a feed is, and the
/// headings. Languages not listed here get the English words; each section still carries its own `lang`.
struct FeedPageLabels: Sendable {
    var whatIsAFeed: String
    var subscribe: String
    var latest: String

    static let english = FeedPageLabels(
        whatIsAFeed:
            "A feed lets a feed reader follow this newsletter: copy one of these addresses into your reader and it "
            + "shows each new issue as it is published.",
        subscribe: "Subscribe", latest: "Latest issues")

    /// The labels by primary language subtag.
    static let byLanguage: [String: FeedPageLabels] = [
        "en": english,
        "fr": FeedPageLabels(
            whatIsAFeed:
                "Un flux permet de suivre cette lettre dans un lecteur de flux : copiez l'une de ces adresses dans "
                + "votre lecteur, il affichera chaque nouveau numéro dès sa publication.",
            subscribe: "S'abonner", latest: "Derniers numéros"),
        "es": FeedPageLabels(
            whatIsAFeed:
                "Un feed permite seguir este boletín con un lector de feeds: copie una de estas direcciones en su "
                + "lector y mostrará cada número nuevo en cuanto se publique.",
            subscribe: "Suscribirse", latest: "Últimos números"),
        "de": FeedPageLabels(
            whatIsAFeed:
                "Mit einem Feed folgt ein Feedreader diesem Newsletter: Kopieren Sie eine dieser Adressen in Ihren "
                + "Reader, er zeigt jede neue Ausgabe, sobald sie erscheint.",
            subscribe: "Abonnieren", latest: "Neueste Ausgaben"),
        "zh": FeedPageLabels(
            whatIsAFeed: "订阅源让阅读器跟踪这份通讯：把下面任一地址复制到你的阅读器中，每期新内容发布后都会出现在那里。",
            subscribe: "订阅", latest: "最新几期"),
        "ja": FeedPageLabels(
            whatIsAFeed: "フィードを使うとフィードリーダーでこのニュースレターを購読できます。下のアドレスをリーダーに貼り付けると、新しい号が公開されるたびに表示されます。",
            subscribe: "購読", latest: "最新号"),
        "ar": FeedPageLabels(
            whatIsAFeed:
                "تتيح لك الخلاصة متابعة هذه النشرة في قارئ الخلاصات: انسخ أحد هذه العناوين إلى قارئك وسيعرض كل عدد جديد فور نشره.",
            subscribe: "اشترك", latest: "أحدث الأعداد"),
        "pt": FeedPageLabels(
            whatIsAFeed:
                "Um feed permite acompanhar esta newsletter num leitor de feeds: copie um destes endereços para o "
                + "seu leitor e ele mostrará cada nova edição assim que for publicada.",
            subscribe: "Assinar", latest: "Últimas edições"),
    ]

    /// The labels of a BCP 47 tag (`pt-BR` takes `pt`'s), English when there are none.
    static func of(_ tag: String) -> FeedPageLabels {
        let primary = tag.lowercased().split(separator: "-").first.map(String.init) ?? ""
        return byLanguage[primary] ?? english
    }
}
