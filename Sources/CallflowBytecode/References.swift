/// What the references of a module's code may name: its flows, and, when it carries the
/// center's resources, their queues, prompts and hours. A call that names anything else is
/// refused when the module is loaded.
struct References {
  let flows: Set<String>
  let queues: Set<String>?
  let prompts: Set<String>?
  let hours: Set<String>?

  init(_ module: Module) {
    flows = Set(module.flows.compactMap { module.text($0.name) })
    let r = module.resources
    let hasCenter = !(r.queues.isEmpty && r.prompts.isEmpty && r.hours.isEmpty && r.phoneNumbers.isEmpty)
    queues = hasCenter ? Set(r.queues.compactMap { module.text($0.name) }) : nil
    prompts = hasCenter ? Set(r.prompts.compactMap { module.text($0.name) }) : nil
    hours = hasCenter ? Set(r.hours.compactMap { module.text($0.name) }) : nil
  }

  /// Calls `refuse` with what is wrong when constant `index` names nothing of the module.
  func check(_ index: Int, in module: Module, refuse: (String) throws(ModuleError) -> Void) throws(ModuleError) {
    guard module.constants.indices.contains(index), case .text(let kind, let name) = module.constants[index] else { return }
    let known: Set<String>?
    switch kind {
    case .flow: known = flows
    case .queue: known = queues
    case .prompt: known = prompts
    case .hours: known = hours
    default: return
    }
    if let known, !known.contains(name) { try refuse("names \(kind.rawValue) `\(name)`, which the module does not have") }
  }
}
