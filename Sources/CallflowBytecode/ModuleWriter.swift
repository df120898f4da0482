/// Writes a module in the format of `Docs/BYTECODE.md`: the header, the section table, then
/// the sections (constants, files, flows, code, lines) in that order.
public enum ModuleWriter {
  /// The file's first four bytes.
  public static let magic: [UInt8] = Array("CFBC".utf8)
  /// The format version this writer writes and the reader reads.
  public static let version: UInt16 = 2

  /// The sections, by id.
  enum Section: UInt32, CaseIterable {
    case constants = 1
    case files = 2
    case flows = 3
    case code = 4
    case lines = 5
    case resources = 6
  }

  public static func bytes(of module: Module) -> [UInt8] {
    var sections: [[UInt8]] = []
    var w = ByteWriter()
    w.uleb(module.constants.count)
    for constant in module.constants {
      w.bytes.append(constant.kind.tag)
      switch constant {
      case .text(_, let text): w.string(text)
      case .integer(let n): w.sleb(n)
      case .duration(let s): w.uleb(s)
      case .list(let items):
        w.uleb(items.count)
        for item in items { w.uleb(item) }
      }
    }
    sections.append(w.bytes)
    w = ByteWriter()
    w.uleb(module.files.count)
    for file in module.files { w.string(file) }
    sections.append(w.bytes)
    w = ByteWriter()
    w.uleb(module.flows.count)
    for flow in module.flows {
      w.uleb(flow.name)
      w.bytes.append(flow.type.code)
      w.uleb(flow.file)
      w.uleb(flow.code.lowerBound)
      w.uleb(flow.code.count)
    }
    sections.append(w.bytes)
    sections.append(module.code)
    w = ByteWriter()
    for flow in module.flows {
      w.uleb(flow.lines.count)
      var offset = 0
      var line = 0
      for entry in flow.lines {
        w.uleb(entry.offset - offset)
        w.uleb(entry.block)
        w.sleb(entry.line - line)
        offset = entry.offset
        line = entry.line
      }
    }
    sections.append(w.bytes)
    sections.append(resources(module.resources))

    var out = ByteWriter()
    out.bytes = magic
    out.u16(version)
    out.u16(0)
    out.u32(0)  // the checksum, filled in last
    out.u32(UInt32(sections.count))
    var offset = 16 + 12 * sections.count
    for (i, section) in sections.enumerated() {
      out.u32(Section.allCases[i].rawValue)
      out.u32(UInt32(offset))
      out.u32(UInt32(section.count))
      offset += section.count
    }
    for section in sections { out.bytes += section }
    sign(&out.bytes)
    return out.bytes
  }

  /// Optional numbers are written plus one, zero standing for none.
  private static func resources(_ r: Resources) -> [UInt8] {
    var w = ByteWriter()
    func optional(_ value: Int?) { w.uleb(value.map { $0 + 1 } ?? 0) }
    w.uleb(r.prompts.count)
    for p in r.prompts {
      w.uleb(p.name)
      w.uleb(p.text)
    }
    w.uleb(r.queues.count)
    for q in r.queues {
      w.uleb(q.name)
      optional(q.capacity)
      optional(q.callerName)
      optional(q.callerNumber)
      optional(q.hours)
    }
    w.uleb(r.hours.count)
    for h in r.hours {
      w.uleb(h.name)
      optional(h.timezone)
      w.uleb(h.rules.count)
      for rule in h.rules {
        w.bytes.append(rule.days)
        w.uleb(rule.intervals.count)
        for interval in rule.intervals {
          w.uleb(interval.lowerBound)
          w.uleb(interval.upperBound)
        }
      }
    }
    w.uleb(r.phoneNumbers.count)
    for p in r.phoneNumbers {
      w.uleb(p.number)
      w.uleb(p.flow)
    }
    w.uleb(r.profiles.count)
    for profile in r.profiles {
      w.uleb(profile.count)
      for field in profile {
        w.uleb(field.name)
        w.uleb(field.value)
      }
    }
    return w.bytes
  }

  /// Writes the checksum of `bytes` into its header (bytes 8 to 11). Tools that change a
  /// module on purpose (the fuzzer, the tests) use it to reach the verification behind it.
  public static func sign(_ bytes: inout [UInt8]) {
    guard bytes.count >= 12 else { return }
    let crc = CRC32.checksum(bytes[12...])
    for i in 0..<4 { bytes[8 + i] = UInt8((crc >> UInt32(8 * i)) & 0xFF) }
  }
}
