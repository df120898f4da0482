/// The error codes of JSON-RPC and the Language Server Protocol that the server answers with.
public enum RPCError: Int, Sendable {
  case parseError = -32700
  case invalidRequest = -32600
  case methodNotFound = -32601
  case invalidParams = -32602
  case internalError = -32603
  /// A request before `initialize`.
  case serverNotInitialized = -32002
  case requestCancelled = -32800
  case requestFailed = -32803

  /// The response to request `id` with this error and `message`.
  public func response(id: LSPAny, _ message: String) -> LSPAny {
    ["jsonrpc": "2.0", "id": id, "error": ["code": .int(rawValue), "message": .string(message)]]
  }
}
