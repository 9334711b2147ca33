import Foundation

/// A person credited on posts or feeds: the site owner, or an entry of `_data/authors.yml`.
public struct Author: Hashable, Sendable {
    public var name: String
    public var uri: String?
    public var email: String?

    public init(name: String, uri: String? = nil, email: String? = nil) {
        self.name = name
        self.uri = uri
        self.email = email
    }
}

/// How the site presents itself in readers: its pictures and its rights statement, from `_config.yml`.
public struct SiteBranding: Sendable, Equatable {
    /// A square picture, absolute: the site's avatar (`avatar`, `author.avatar` or `owner.avatar`).
    public var icon: String?
    /// A wide picture, absolute: the site's `logo`.
    public var logo: String?
    /// `copyright` (else `rights`), as written.
    public var rights: String?

    public init(icon: String? = nil, logo: String? = nil, rights: String? = nil) {
        self.icon = icon
        self.logo = logo
        self.rights = rights
    }
}

/// What feedgen takes from a Jekyll site's `_config.yml` and `_data/authors.yml`.
public struct SiteConfig: Sendable {
    /// `url`, without a trailing slash, e.g. `https://dair.ai`.
    public var url: String
    /// `baseurl`, empty or starting with `/` and without a trailing slash, e.g. `/blog`.
    public var baseurl: String
    public var title: String
    /// `description`, else the site author's or owner's `bio`; empty when none is set.
    public var description: String
    public var branding: SiteBranding
    /// `timezone` (an IANA name); Jekyll uses the machine's zone when absent, feedgen uses UTC so builds agree.
    public var timeZone: TimeZone
    /// `permalink`: a pattern such as `/:categories/:title/` or a named style (`date`, `pretty`, ...).
    public var permalink: String
    /// `lang`, or `locale` turned into a BCP 47 tag (`en_US` becomes `en-US`); nil when neither is set.
    public var language: String?
    /// `author`, else `owner`.
    public var owner: Author?
    /// `_data/authors.yml`, keyed as posts name them in `author:`.
    public var authors: [String: Author]
    /// jekyll-polyglot's settings, when `_config.yml` declares `languages:` and `default_lang:`.
    public var polyglot: Polyglot?
    /// jekyll-multiple-languages-plugin's settings, when `plugins:` names it and `languages:` is set.
    public var multipleLanguages: MultipleLanguages?
    /// `collections:` other than `posts`, in label order.
    public var collections: [JekyllCollection] = []
    /// `collections_dir:`, without leading or trailing `/`; empty for the site's folder.
    public var collectionsDir = ""

    public init(
        url: String,
        baseurl: String = "",
        title: String = "",
        description: String = "",
        branding: SiteBranding = SiteBranding(),
        timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        permalink: String = "date",
        language: String? = nil,
        owner: Author? = nil,
        authors: [String: Author] = [:],
        polyglot: Polyglot? = nil,
        multipleLanguages: MultipleLanguages? = nil
    ) {
        self.url = url
        self.baseurl = baseurl
        self.title = title
        self.description = description
        self.branding = branding
        self.timeZone = timeZone
        self.permalink = permalink
        self.language = language
        self.owner = owner
        self.authors = authors
        self.polyglot = polyglot
        self.multipleLanguages = multipleLanguages
    }

    /// The site's home page, `url + baseurl + "/"`.
    public var homePageURL: String { url + baseurl + "/" }

    /// The host of `url`, used in `tag:` ids.
    public var host: String {
        URLComponents(string: url)?.host ?? url
    }
}
