import CallflowSyntax

/// Reads a module and verifies all of it before anything runs, as a WebAssembly validator
/// does: the header and checksum, the section table, every constant, every flow, and every
/// instruction (known opcode, operands of the right kinds, constants that exist and fit,
/// targets on instruction boundaries inside the flow, branch tables as long as the block's
/// outcomes, no path that runs off the end of a flow). Any byte string is either a valid
/// module or a ``ModuleError`` naming what is wrong and where; nothing reads out of bounds.
public enum ModuleReader {
  public static func read(_ bytes: [UInt8]) throws(ModuleError) -> Module {
    var header = ByteReader(bytes)
    for expected in ModuleWriter.magic {
      guard try header.byte() == expected else { throw ModuleError.malformed(at: 0, "not a Callflow module (the file does not start with CFBC)") }
    }
    let version = try header.u16()
    guard version == ModuleWriter.version else {
      let advice =
        version < ModuleWriter.version
        ? "an older callflow built it: build it again with `callflow build`"
        : "a newer callflow built it: run it with that version"
      throw ModuleError.malformed(
        at: 4, "format version \(version), but this callflow reads version \(ModuleWriter.version) (\(advice))")
    }
    let flags = try header.u16()
    guard flags == 0 else { throw ModuleError.malformed(at: 6, "unknown flags 0x\(String(flags, radix: 16))") }
    let checksum = try header.u32()
    guard bytes.count >= 12, CRC32.checksum(bytes[12...]) == checksum else {
      throw ModuleError.malformed(at: 8, "the checksum does not match: the file is damaged")
    }
    let count = try header.u32()
    guard count == UInt32(ModuleWriter.Section.allCases.count) else {
      throw ModuleError.malformed(at: 12, "\(count) sections, but a module has \(ModuleWriter.Section.allCases.count)")
    }
    var ranges: [Range<Int>] = []
    var next = 16 + 12 * Int(count)
    for section in ModuleWriter.Section.allCases {
      let at = header.position
      let id = try header.u32()
      let offset = Int(try header.u32())
      let length = Int(try header.u32())
      guard id == section.rawValue else { throw ModuleError.malformed(at: at, "section \(id) where section \(section.rawValue) belongs") }
      guard offset == next, length <= bytes.count - offset else {
        throw ModuleError.malformed(at: at, "section \(id) does not follow the one before it inside the file")
      }
      ranges.append(offset..<offset + length)
      next = offset + length
    }
    guard next == bytes.count else { throw ModuleError.malformed(at: next, "bytes after the last section") }

    var module = Module()
    module.constants = try constants(bytes, ranges[0])
    module.files = try files(bytes, ranges[1])
    module.code = Array(bytes[ranges[3]])
    module.flows = try flows(bytes, ranges[2], module)
    try lines(bytes, ranges[4], &module)
    module.resources = try resources(bytes, ranges[5], module)
    let references = References(module)
    for entry in module.resources.phoneNumbers {
      guard let flow = module.text(entry.flow), references.flows.contains(flow) else {
        throw ModuleError.malformed(at: ranges[5].lowerBound, "a phone number starts flow `\(module.text(entry.flow) ?? "?")`, which the module does not have")
      }
    }
    for queue in module.resources.queues {
      guard let hours = queue.hours.flatMap({ module.text($0) }) else { continue }
      guard references.hours?.contains(hours) ?? true else {
        throw ModuleError.malformed(at: ranges[5].lowerBound, "queue `\(module.text(queue.name) ?? "?")` keeps hours `\(hours)`, which the module does not have")
      }
    }
    for flow in module.flows { try Verifier(module: module, flow: flow, base: ranges[3].lowerBound, names: references).run() }
    return module
  }

  private static func constants(_ bytes: [UInt8], _ range: Range<Int>) throws(ModuleError) -> [Constant] {
    var r = ByteReader(bytes, from: range.lowerBound, to: range.upperBound)
    let count = try r.uleb()
    guard count <= range.count else { throw ModuleError.truncated(at: r.position) }
    var result: [Constant] = []
    result.reserveCapacity(count)
    for i in 0..<count {
      let at = r.position
      let tag = try r.byte()
      guard let kind = ConstantKind.decode(tag) else { throw ModuleError.malformed(at: at, "constant \(i) has unknown tag \(tag)") }
      switch kind {
      case .integer: result.append(.integer(try r.sleb()))
      case .duration: result.append(.duration(try r.uleb()))
      case .list:
        let n = try r.uleb()
        guard n <= range.upperBound - r.position else { throw ModuleError.truncated(at: r.position) }
        var items: [Int] = []
        for _ in 0..<n {
          let item = try r.uleb()
          guard item < i else { throw ModuleError.malformed(at: at, "list constant \(i) refers to constant \(item), not an earlier one") }
          items.append(item)
        }
        result.append(.list(items))
      default: result.append(.text(kind, try r.string()))
      }
    }
    guard r.atEnd else { throw ModuleError.malformed(at: r.position, "bytes after the last constant") }
    return result
  }

  private static func files(_ bytes: [UInt8], _ range: Range<Int>) throws(ModuleError) -> [String] {
    var r = ByteReader(bytes, from: range.lowerBound, to: range.upperBound)
    let count = try r.uleb()
    guard count <= range.count else { throw ModuleError.truncated(at: r.position) }
    var result: [String] = []
    for _ in 0..<count { result.append(try r.string()) }
    guard r.atEnd else { throw ModuleError.malformed(at: r.position, "bytes after the last file name") }
    return result
  }

  private static func flows(_ bytes: [UInt8], _ range: Range<Int>, _ module: Module) throws(ModuleError) -> [Module.Flow] {
    var r = ByteReader(bytes, from: range.lowerBound, to: range.upperBound)
    let count = try r.uleb()
    guard count <= range.count else { throw ModuleError.truncated(at: r.position) }
    var result: [Module.Flow] = []
    var names: Set<String> = []
    var codeEnd = 0
    for i in 0..<count {
      let at = r.position
      let name = try r.uleb()
      guard module.constants.indices.contains(name), case .text(.flow, let text) = module.constants[name] else {
        throw ModuleError.malformed(at: at, "flow \(i) is named by constant \(name), which is not a flow name")
      }
      guard names.insert(text).inserted else { throw ModuleError.malformed(at: at, "two flows named `\(text)`") }
      let typeCode = try r.byte()
      guard Int(typeCode) < FlowType.encoding.count else { throw ModuleError.malformed(at: at, "flow `\(text)` has unknown type \(typeCode)") }
      let file = try r.uleb()
      guard module.files.indices.contains(file) else { throw ModuleError.malformed(at: at, "flow `\(text)` names file \(file), which does not exist") }
      let start = try r.uleb()
      let length = try r.uleb()
      // Flows follow each other in the code, each at least one instruction long.
      guard start == codeEnd, length > 0, length <= module.code.count - start else {
        throw ModuleError.malformed(at: at, "flow `\(text)`'s code is not the next part of the code section")
      }
      codeEnd = start + length
      result.append(Module.Flow(name: name, type: FlowType.encoding[Int(typeCode)], file: file, code: start..<start + length, lines: []))
    }
    guard r.atEnd else { throw ModuleError.malformed(at: r.position, "bytes after the last flow") }
    guard codeEnd == module.code.count else { throw ModuleError.malformed(at: range.lowerBound, "code that belongs to no flow") }
    return result
  }

  private static func resources(_ bytes: [UInt8], _ range: Range<Int>, _ module: Module) throws(ModuleError) -> Resources {
    var r = ByteReader(bytes, from: range.lowerBound, to: range.upperBound)
    var result = Resources()
    func count() throws(ModuleError) -> Int {
      let n = try r.uleb()
      guard n <= range.upperBound - r.position else { throw ModuleError.truncated(at: r.position) }
      return n
    }
    func constant(_ kinds: [ConstantKind], _ what: String) throws(ModuleError) -> Int {
      let at = r.position
      let index = try r.uleb()
      guard module.constants.indices.contains(index), kinds.contains(module.constants[index].kind) else {
        throw ModuleError.malformed(at: at, "\(what) is constant \(index), which is not a \(kinds.map(\.rawValue).joined(separator: " or "))")
      }
      return index
    }
    func optional(_ kinds: [ConstantKind], _ what: String) throws(ModuleError) -> Int? {
      let at = r.position
      let value = try r.uleb()
      guard value > 0 else { return nil }
      guard module.constants.indices.contains(value - 1), kinds.contains(module.constants[value - 1].kind) else {
        throw ModuleError.malformed(at: at, "\(what) is constant \(value - 1), which is not a \(kinds.map(\.rawValue).joined(separator: " or "))")
      }
      return value - 1
    }
    for _ in 0..<(try count()) {
      result.prompts.append((try constant([.prompt], "a prompt's name"), try constant([.text], "a prompt's text")))
    }
    for _ in 0..<(try count()) {
      let name = try constant([.queue], "a queue's name")
      let capacity = try r.uleb()
      result.queues.append(
        Resources.Queue(
          name: name, capacity: capacity > 0 ? capacity - 1 : nil, callerName: try optional([.text], "a caller ID name"),
          callerNumber: try optional([.phone], "a caller ID number"), hours: try optional([.hours], "a queue's hours")))
    }
    for _ in 0..<(try count()) {
      let name = try constant([.hours], "hours' name")
      let timezone = try optional([.text], "a time zone")
      var rules: [Resources.Hours.Rule] = []
      for _ in 0..<(try count()) {
        let at = r.position
        let days = try r.byte()
        guard days & 0x80 == 0 else { throw ModuleError.malformed(at: at, "a day set with an eighth day") }
        var intervals: [Range<Int>] = []
        for _ in 0..<(try count()) {
          let at = r.position
          let start = try r.uleb()
          let end = try r.uleb()
          guard start < end, end <= 1440 else { throw ModuleError.malformed(at: at, "opening times outside a day") }
          intervals.append(start..<end)
        }
        rules.append(Resources.Hours.Rule(days: days, intervals: intervals))
      }
      result.hours.append(Resources.Hours(name: name, timezone: timezone, rules: rules))
    }
    for _ in 0..<(try count()) {
      result.phoneNumbers.append((try constant([.phone], "a phone number"), try constant([.flow], "the flow of a phone number")))
    }
    for _ in 0..<(try count()) {
      var fields: [(name: Int, value: Int)] = []
      for _ in 0..<(try count()) { fields.append((try constant([.name], "a profile field's name"), try constant([.text], "a profile field"))) }
      result.profiles.append(fields)
    }
    guard r.atEnd else { throw ModuleError.malformed(at: r.position, "bytes after the resources") }
    return result
  }

  private static func lines(_ bytes: [UInt8], _ range: Range<Int>, _ module: inout Module) throws(ModuleError) {
    var r = ByteReader(bytes, from: range.lowerBound, to: range.upperBound)
    for i in module.flows.indices {
      let count = try r.uleb()
      guard count <= range.count else { throw ModuleError.truncated(at: r.position) }
      var offset = 0
      var line = 0
      var entries: [Module.Line] = []
      for _ in 0..<count {
        let at = r.position
        offset += try r.uleb()
        let block = try r.uleb()
        guard module.constants.indices.contains(block), case .text(.name, _) = module.constants[block] else {
          throw ModuleError.malformed(at: at, "a line table entry whose block id is not a name constant")
        }
        let (sum, overflow) = line.addingReportingOverflow(try r.sleb())
        guard !overflow, sum >= 1, offset < module.flows[i].code.count else {
          throw ModuleError.malformed(at: at, "a line table entry outside its flow")
        }
        line = sum
        entries.append(Module.Line(offset: offset, block: block, line: line))
      }
      module.flows[i].lines = entries
    }
    guard r.atEnd else { throw ModuleError.malformed(at: r.position, "bytes after the line tables") }
  }
}
