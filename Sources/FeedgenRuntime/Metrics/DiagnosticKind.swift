/// What kind of file a diagnostic is about, the `kind` label of `feedgen_diagnostics_total`: a fixed set, so the
/// metric never grows a series per file the way a path label would.
///
/// Decided by the diagnostic's path relative to the site, by Jekyll's folder names: a post lies in a `_posts`
/// folder (the site's, a subfolder's, or jekyll-multiple-languages-plugin's `_i18n/LANG/_posts`); the site's
/// configuration is `_config.yml` and the `_data` folder; templates are `_includes` and `_layouts`; any other
/// file in a folder whose name starts with `_` is a collection's document.
public enum DiagnosticKind: String, Sendable, CaseIterable {
    case post
    case document
    case config
    case template
    /// Anything else: a file outside the site (an absolute path), or one at its top.
    case other

    /// The kind of the file at `path` (relative to the site, or absolute when outside it).
    public init(path: String) {
        let parts = path.split(separator: "/")
        guard !path.hasPrefix("/"), let first = parts.first else {
            self = .other
            return
        }
        if parts.dropLast().contains("_posts") {
            self = .post
        } else if parts.count == 1 {
            self =
                first.hasPrefix("_config") && (first.hasSuffix(".yml") || first.hasSuffix(".yaml")) ? .config : .other
        } else if first == "_data" {
            self = .config
        } else if first == "_includes" || first == "_layouts" {
            self = .template
        } else if first.hasPrefix("_") {
            self = .document
        } else {
            self = .other
        }
    }
}
