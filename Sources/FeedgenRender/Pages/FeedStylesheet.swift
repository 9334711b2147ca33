import FeedgenCore

/// The XSLT 1.0 stylesheet (`feed.xsl` in the output folder) that RSS and Atom documents name in their
/// `<?xml-stylesheet?>`: a browser that applies XSLT shows a feed as a page like `index.html` (the feed's
/// title, what a feed is, its address to copy, its items with dates and summaries) instead of raw XML.
///
/// The words come from the same table as `index.html`, chosen by the feed's language; `dir="rtl"` for a
/// right-to-left language. A reader ignores the instruction.
public enum FeedStylesheet {
    /// The name of the stylesheet in the output folder.
    public static let fileName = "feed.xsl"

    /// The stylesheet's UTF-8 bytes.
    public static func write() -> [UInt8] { Array(text.utf8) }

    static let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
          xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
          <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat" indent="yes"/>
          <xsl:template match="/">
            <xsl:variable name="lang" select="(rss/channel/language | atom:feed/@xml:lang)[1]"/>
            <xsl:variable name="primary" select="substring-before(concat(translate($lang, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '-'), '-')"/>
            <xsl:variable name="title" select="(rss/channel/title | atom:feed/atom:title)[1]"/>
            <html>
              <xsl:if test="$lang != 'mul'"><xsl:attribute name="lang"><xsl:value-of select="$lang"/></xsl:attribute></xsl:if>
              <xsl:attribute name="dir">
                <xsl:choose>
                  <xsl:when test="\(rightToLeftTest)">rtl</xsl:when>
                  <xsl:otherwise>ltr</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title><xsl:value-of select="$title"/></title>
                <style>\(FeedIndexPage.style)</style>
              </head>
              <body>
                <h1><xsl:value-of select="$title"/></h1>
                <p><xsl:call-template name="label"><xsl:with-param name="primary" select="$primary"/><xsl:with-param name="key" select="'what'"/></xsl:call-template></p>
                <h3><xsl:call-template name="label"><xsl:with-param name="primary" select="$primary"/><xsl:with-param name="key" select="'subscribe'"/></xsl:call-template></h3>
                <p><code dir="ltr"><xsl:value-of select="(rss/channel/atom:link[@rel='self'] | atom:feed/atom:link[@rel='self'])[1]/@href"/></code></p>
                <h3><xsl:call-template name="label"><xsl:with-param name="primary" select="$primary"/><xsl:with-param name="key" select="'latest'"/></xsl:call-template></h3>
                <ul>
                  <xsl:for-each select="rss/channel/item">
                    <li>
                      <a dir="auto" href="{link}"><xsl:value-of select="title"/></a>
                      <time dir="ltr"><xsl:value-of select="pubDate"/></time>
                      <xsl:if test="description"><p dir="auto"><xsl:value-of select="description" disable-output-escaping="yes"/></p></xsl:if>
                    </li>
                  </xsl:for-each>
                  <xsl:for-each select="atom:feed/atom:entry">
                    <li>
                      <a dir="auto" href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a>
                      <time dir="ltr" datetime="{atom:published}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
                      <xsl:if test="atom:summary"><p dir="auto"><xsl:value-of select="atom:summary"/></p></xsl:if>
                    </li>
                  </xsl:for-each>
                </ul>
              </body>
            </html>
          </xsl:template>
          <xsl:template name="label">
            <xsl:param name="primary"/>
            <xsl:param name="key"/>
            <xsl:choose>
        \(labelChoices)
            </xsl:choose>
          </xsl:template>
        </xsl:stylesheet>

        """

    /// XPath that is true when `$primary` (the feed's primary language subtag) is written right to left.
    static var rightToLeftTest: String {
        TextDirection.rightToLeftLanguages.sorted().map { "$primary = '\($0)'" }.joined(separator: " or ")
    }

    /// One `xsl:when` per language and label, then English.
    static var labelChoices: String {
        func choices(_ labels: FeedPageLabels, when condition: String?) -> String {
            [("what", labels.whatIsAFeed), ("subscribe", labels.subscribe), ("latest", labels.latest)].map {
                key, text in
                let test = ([condition].compactMap { $0 } + ["$key = '\(key)'"]).joined(separator: " and ")
                return "      <xsl:when test=\"\(test)\">\(HTMLEscape.escape(text))</xsl:when>"
            }.joined(separator: "\n")
        }
        let languages = FeedPageLabels.byLanguage.keys.sorted().filter { $0 != "en" }
        return
            (languages.map { choices(FeedPageLabels.byLanguage[$0]!, when: "$primary = '\($0)'") }
            + [choices(.english, when: nil)]).joined(separator: "\n")
    }
}
