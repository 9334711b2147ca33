import Foundation

/// A value Liquid templates read: the site's data files, front matter, and what templates compute.
///
/// Objects keep their keys in the order written (as Ruby hashes do), so `{% for pair in hash %}`
/// iterates the way Jekyll does.
public indirect enum LiquidValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case date(Date)
    case array([LiquidValue])
    case object(LiquidObject)

    /// Liquid's truthiness: only `nil` and `false` are false.
    public var isTruthy: Bool {
        switch self {
        case .null, .bool(false): false
        default: true
        }
    }

    /// Whether Liquid's `empty` equals this value (an empty string, array or object).
    public var isEmpty: Bool {
        switch self {
        case .string(let text): text.isEmpty
        case .array(let items): items.isEmpty
        case .object(let object): object.isEmpty
        default: false
        }
    }

    /// `value[key]`: an object's member, an array's element by integer index, or `size`/`first`/`last`.
    public subscript(key: LiquidValue) -> LiquidValue {
        switch (self, key) {
        case (.object(let object), .string(let name)):
            if let found = object[name] { return found }
            return name == "size" ? .int(object.count) : .null
        case (.array(let items), .int(let index)):
            let position = index < 0 ? items.count + index : index
            return items.indices.contains(position) ? items[position] : .null
        case (.array(let items), .string("size")): return .int(items.count)
        case (.array(let items), .string("first")): return items.first ?? .null
        case (.array(let items), .string("last")): return items.last ?? .null
        case (.string(let text), .string("size")): return .int(text.count)
        default: return .null
        }
    }

    /// The value as an array: arrays as they are, an object's values as `[key, value]` pairs, `nil` as
    /// nothing, anything else as a one-element array (Ruby's `Array()` as Liquid uses it).
    public var elements: [LiquidValue] {
        switch self {
        case .null: []
        case .array(let items): items
        case .object(let object): object.pairs.map { .array([.string($0.key), $0.value]) }
        default: [self]
        }
    }
}

/// A Liquid hash: string keys in insertion order.
public struct LiquidObject: Sendable, Equatable {
    public private(set) var pairs: [(key: String, value: LiquidValue)] = []
    private var positions: [String: Int] = [:]

    public init() {}

    public init(_ pairs: [(String, LiquidValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }

    public subscript(key: String) -> LiquidValue? {
        get { positions[key].map { pairs[$0].value } }
        set {
            if let position = positions[key] {
                if let newValue { pairs[position].value = newValue } else { remove(key) }
            } else if let newValue {
                positions[key] = pairs.count
                pairs.append((key, newValue))
            }
        }
    }

    private mutating func remove(_ key: String) {
        pairs.removeAll { $0.key == key }
        positions = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { ($1.key, $0) })
    }

    public static func == (lhs: LiquidObject, rhs: LiquidObject) -> Bool {
        lhs.pairs.count == rhs.pairs.count
            && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension LiquidValue {
    /// The value with `transform` applied to every string in it, keys included.
    public func mappingStrings(_ transform: (String) -> String) -> LiquidValue {
        switch self {
        case .string(let text): .string(transform(text))
        case .array(let items): .array(items.map { $0.mappingStrings(transform) })
        case .object(let object):
            .object(LiquidObject(object.pairs.map { (transform($0.key), $0.value.mappingStrings(transform)) }))
        default: self
        }
    }
}
