import CallflowVM

/// Attributes a host writes again and again under the same names (a caller's endpoints, a
/// queue's metrics), made from those names by position, so that no name is compared.
struct AttributeTemplate {
  let names: [String]

  /// A template of `names`, which differ.
  init(_ names: [String]) {
    var distinct: [String] = []
    for name in names where !distinct.contains(name) { distinct.append(name) }
    self.names = distinct
  }

  /// The attributes with each name's value: `value(k)` for the `k`th name.
  func filled(_ value: (Int) -> String) -> Attributes { Attributes(distinctNames: names, values: value) }
}
