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
      throw ModuleError.malformed(at: 4, "format version \(version), but this callflow reads version \(ModuleWriter.version)")
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
    for flow in module.flows { try Verifier(module: module, flow: flow, base: ranges[3].lowerBound).run() }
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
        let (sum, overflow) = line.addingReportingOverflow(try r.sleb())
        guard !overflow, sum >= 1, offset < module.flows[i].code.count else {
          throw ModuleError.malformed(at: at, "a line table entry outside its flow")
        }
        line = sum
        entries.append(Module.Line(offset: offset, line: line))
      }
      module.flows[i].lines = entries
    }
    guard r.atEnd else { throw ModuleError.malformed(at: r.position, "bytes after the line tables") }
  }
}
