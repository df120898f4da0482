/// Attributes a host writes again and again under the same names (a caller's endpoints, a
/// queue's metrics), made from one dictionary of those names: each is a copy with its values
/// set in place, by position, so that no name is hashed again.
struct AttributeTemplate {
  private let template: [String: String]
  private let indexes: [Dictionary<String, String>.Index]

  /// A template of `names`, which differ.
  init(_ names: [String]) {
    let template = Dictionary(names.map { ($0, "") }, uniquingKeysWith: { first, _ in first })
    self.template = template
    indexes = names.map { template.index(forKey: $0) ?? template.startIndex }
  }

  /// The attributes with each name's value: `value(k)` for the `k`th name.
  func filled(_ value: (Int) -> String) -> [String: String] {
    var attributes = template
    for k in indexes.indices { attributes.values[indexes[k]] = value(k) }
    return attributes
  }
}
