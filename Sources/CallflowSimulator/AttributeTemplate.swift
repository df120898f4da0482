import CallflowVM

/// Attributes a host writes again and again under the same names (a caller's endpoints, a
/// queue's metrics), made from one set of those names: each is a copy with its values set in
/// place, by position, so that no name is looked up again.
struct AttributeTemplate {
  private let template: Attributes

  /// A template of `names`, which differ.
  init(_ names: [String]) {
    var template = Attributes()
    for name in names { template[name] = "" }
    self.template = template
  }

  /// The attributes with each name's value: `value(k)` for the `k`th name.
  func filled(_ value: (Int) -> String) -> Attributes {
    var attributes = template
    for k in 0..<attributes.count { attributes.setValue(value(k), atPosition: k) }
    return attributes
  }
}
