import Foundation

/// One collection of `_config.yml`'s `collections:` other than `posts`, as Jekyll 4.3 reads it: its documents are
/// the files of `COLLECTIONS_DIR/_LABEL/` (subfolders included).
///
/// ```yaml
/// collections_dir: content
/// collections:
///   talks: { output: true, permalink: "/talks/:year/:title/" }
///   notes: { output: false }
/// ```
public struct JekyllCollection: Sendable, Equatable {
    public var label: String
    /// `output:`; Jekyll writes no page for the documents of a collection without `output: true`.
    public var output: Bool
    /// The collection's own `permalink:`, or nil for Jekyll's default (see `urlTemplate(sitePermalink:)`).
    public var permalink: String?

    public init(label: String, output: Bool = false, permalink: String? = nil) {
        self.label = label
        self.output = output
        self.permalink = permalink
    }

    /// The folder of its documents relative to the site: `_talks`, or `content/_talks` with `collections_dir`.
    public func folder(collectionsDir: String) -> String {
        collectionsDir.isEmpty ? "_" + label : collectionsDir + "/_" + label
    }

    /// `Collection#url_template`: the collection's `permalink`, else `/:collection/:path` with the suffix of the
    /// site's permalink style (`Utils.add_permalink_suffix`): `:output_ext` for `date`, `ordinal` and `none` and
    /// for a template ending in `:output_ext`, `/` for `pretty` and for a template ending in `/`.
    public func urlTemplate(sitePermalink: String) -> String {
        if let permalink { return permalink }
        let template = "/:collection/:path"
        switch sitePermalink {
        case "pretty": return template + "/"
        case "date", "ordinal", "none": return template + ":output_ext"
        default:
            if sitePermalink.hasSuffix("/") { return template + "/" }
            if sitePermalink.hasSuffix(":output_ext") { return template + ":output_ext" }
            return template
        }
    }
}
