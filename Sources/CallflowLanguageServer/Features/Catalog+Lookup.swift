import CallflowSyntax

extension BlockKind {
  /// The parameter at `path` (`callback`, `working-queue`) of this kind, with its type.
  func parameter(at path: [String]) -> ParameterSpec? {
    guard let first = path.first, var spec = self.spec.parameters.first(where: { $0.name == first }) else { return nil }
    for name in path.dropFirst() {
      var type = spec.type
      if case .list(let element) = type { type = element }
      guard case .record(let fields) = type, let field = fields.first(where: { $0.name == name }) else { return nil }
      spec = field
    }
    return spec
  }
}

extension ValueType {
  /// The kind of resource a value of this type (or of its list's items) names.
  var resource: ResourceKind? {
    switch self {
    case .reference(let kind): kind
    case .list(let element): element.resource
    default: nil
    }
  }
}
