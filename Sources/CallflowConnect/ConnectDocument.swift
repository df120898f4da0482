import CallflowDiagnostics

/// The shapes an Amazon Connect flow comes in (Docs/CONNECT.md).
public enum ConnectShape: String, Sendable {
  /// Flow language itself: `{"Version", "StartAction", "Metadata", "Actions"}`.
  case flowLanguage = "flow language"
  /// `aws connect describe-contact-flow` (or `-module`): `{"ContactFlow": {…, "Content": "…"}}`.
  case describe = "describe response"
  /// The create request of deployment tools: `{"Name", "Type", "Content": "…"}`.
  case createRequest = "create request"
  /// The export of the designer before flow language: `{"modules": […], "version": "1"}`.
  case legacy = "legacy export"
}

/// One Connect flow file, read: its shape, what the wrapper says of the flow, and the flow
/// language (or the legacy export) it holds.
public struct ConnectDocument: Sendable {
  public var shape: ConnectShape
  /// The flow's name, from the wrapper or the flow's metadata.
  public var name: Located<String>?
  /// The flow's type as Connect writes it (`CONTACT_FLOW`, `customerQueue`, …).
  public var type: Located<String>?
  public var description: String?
  public var arn: String?
  public var id: String?
  /// Whether the file is a flow module.
  public var isModule: Bool
  /// The flow: flow language, or the legacy export's root.
  public var content: JSONNode
  /// The length in characters of the flow language as Connect stores it: the `Content`
  /// string of a wrapper, or the file's text without white space.
  public var contentLength: Int = 0
}

/// Reads Connect flow files.
public enum ConnectReader {
  /// Whether `bytes` look like a Connect flow in one of the four shapes: a cheap look at the
  /// first 64 KiB, for choosing which files of a folder are flows.
  public static func looksLikeFlow(_ bytes: [UInt8]) -> Bool {
    var i = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return false }
    let head = bytes.prefix(65_536)
    func has(_ text: String) -> Bool {
      let needle = Array(text.utf8)
      guard needle.count <= head.count else { return false }
      var k = head.startIndex
      while k + needle.count <= head.endIndex {
        if head[k] == needle[0], head[k..<(k + needle.count)].elementsEqual(needle) { return true }
        k += 1
      }
      return false
    }
    // What files begin with first: `StartAction` and the wrappers come before the metadata.
    return has("StartAction") || has("\"ContactFlow\"") || has("\"ContactFlowModule\"") || has("\"Actions\"")
      || (has("\"modules\"") && has("\"start\""))
  }

  /// The largest file read as a Connect flow: sixty times what Connect stores of one
  /// (256,000 characters), room for indentation and escapes. A larger one is refused before
  /// it is parsed, so that its tree never takes memory.
  public static let maxFileSize = 16 << 20

  /// The flow in `bytes`, or the located reason it cannot be read.
  public static func read(_ bytes: [UInt8], file: FileID) -> Result<ConnectDocument, ConnectError> {
    guard bytes.count <= maxFileSize else {
      return .failure(
        ConnectError(
          "the file is \(bytes.count >> 20) MiB; an Amazon Connect flow is at most 256,000 characters of flow language",
          at: SourceSpan(file: file, at: SourceLocation(line: 1, column: 1)),
          notes: [Note("Callflow reads Connect files of up to \(maxFileSize >> 20) MiB")]))
    }
    var reader = JSONReader(bytes, file: file)
    let root: JSONNode
    do {
      root = try reader.read()
    } catch {
      return .failure(ConnectError(error.message, at: error.span))
    }
    guard root.members != nil else {
      return .failure(ConnectError("an Amazon Connect flow is a JSON object, not \(root.kindDescription)", at: root.span))
    }
    if root["Actions"] != nil || root["StartAction"] != nil {
      let metadata = root["Metadata"]
      return .success(
        ConnectDocument(
          shape: .flowLanguage, name: metadata?["name"].flatMap(located), type: metadata?["type"].flatMap(located),
          description: metadata?["description"]?.string, arn: nil, id: nil, isModule: root["Settings"] != nil, content: root,
          // Only a file longer than the limit can hold flow language longer than it.
          contentLength: bytes.count > ConnectLowering.maxContentLength ? compactLength(bytes) : bytes.count))
    }
    for wrapperKey in ["ContactFlow", "ContactFlowModule"] {
      guard let wrapper = root[wrapperKey] else { continue }
      guard wrapper.members != nil else {
        return .failure(ConnectError("`\(wrapperKey)` must be an object, not \(wrapper.kindDescription)", at: wrapper.span))
      }
      return inner(wrapper, reader: reader, shape: .describe, isModule: wrapperKey == "ContactFlowModule")
    }
    if root["Content"] != nil {
      return inner(root, reader: reader, shape: .createRequest, isModule: root["Settings"] != nil)
    }
    if let modules = root["modules"] {
      guard modules.items != nil else {
        return .failure(ConnectError("`modules` must be an array, not \(modules.kindDescription)", at: modules.span))
      }
      let metadata = root["metadata"]
      return .success(
        ConnectDocument(
          shape: .legacy, name: metadata?["name"].flatMap(located), type: root["type"].flatMap(located),
          description: metadata?["description"]?.string, arn: nil, id: nil, isModule: false, content: root))
    }
    return .failure(
      ConnectError(
        "this JSON is not an Amazon Connect flow: it has no `Actions`, `ContactFlow`, `Content` or `modules`", at: root.span))
  }

  /// The characters of a JSON text without the white space between its tokens: the length
  /// Connect counts of the flow language, read off the bytes.
  static func compactLength(_ bytes: [UInt8]) -> Int {
    var count = 0
    var inString = false
    var escaped = false
    for b in bytes {
      if inString {
        if escaped {
          escaped = false
        } else if b == UInt8(ascii: "\\") {
          escaped = true
        } else if b == UInt8(ascii: "\"") {
          inString = false
        }
      } else if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
        continue
      } else if b == UInt8(ascii: "\"") {
        inString = true
      }
      if b & 0xC0 != 0x80 { count += 1 }
    }
    return count
  }

  /// The flow language inside a wrapper's `Content` string.
  private static func inner(_ wrapper: JSONNode, reader: JSONReader, shape: ConnectShape, isModule: Bool) -> Result<ConnectDocument, ConnectError> {
    guard let content = wrapper["Content"] else {
      return .failure(ConnectError("the flow has no `Content`: the flow language, as a JSON string", at: wrapper.span))
    }
    guard content.string != nil else {
      return .failure(
        ConnectError("`Content` must be the flow language as a JSON string, not \(content.kindDescription)", at: content.span))
    }
    var flow: JSONNode
    do {
      var innerReader = try reader.reader(forTextOf: content)
      flow = try innerReader.read()
    } catch {
      return .failure(ConnectError("in `Content`: \(error.message)", at: error.span))
    }
    guard flow.members != nil else {
      return .failure(ConnectError("`Content` must hold a flow-language object, not \(flow.kindDescription)", at: flow.span))
    }
    let metadata = flow["Metadata"]
    return .success(
      ConnectDocument(
        shape: shape, name: wrapper["Name"].flatMap(located) ?? metadata?["name"].flatMap(located),
        type: wrapper["Type"].flatMap(located) ?? metadata?["type"].flatMap(located),
        description: wrapper["Description"]?.string ?? metadata?["description"]?.string, arn: wrapper["Arn"]?.string,
        id: wrapper["Id"]?.string, isModule: isModule || flow["Settings"] != nil, content: flow,
        contentLength: content.string?.unicodeScalars.count ?? 0))
  }

  private static func located(_ node: JSONNode) -> Located<String>? {
    node.string.map { Located($0, at: node.span) }
  }
}

/// Why a Connect file could not be read, where.
public struct ConnectError: Error, Sendable {
  public var message: String
  public var span: SourceSpan
  public var notes: [Note]

  public init(_ message: String, at span: SourceSpan, notes: [Note] = []) {
    self.message = message
    self.span = span
    self.notes = notes
  }
}
