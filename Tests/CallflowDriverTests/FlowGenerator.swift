import CallflowTestSupport

/// Random flows in the form the Connect importer writes (bodies as mappings, durations and
/// texts as it prints them), of every kind Connect has an action for: the round trip
/// through flow language must give each back as it was.
enum FlowGenerator {
  static let texts = ["Hello.", "Thanks for calling Acme.", "Press 1 for sales.", "It's \"quoted\" and has a \\ backslash", "Ünïcödé ✓", ""]
  static let queue = "arn:aws:connect:us-east-1:111122223333:instance/i/queue/q"
  static let hours = "arn:aws:connect:us-east-1:111122223333:instance/i/operating-hours/h"
  static let flow = "arn:aws:connect:us-east-1:111122223333:instance/i/contact-flow/f"

  static func flow(named name: String, random: inout SplitMix) -> String {
    let count = Int.random(in: 2...12, using: &random)
    let ids = (0..<count).map { "b\($0)" }
    func target(after i: Int) -> String { ids[min(count - 1, Int.random(in: (i + 1)...(count - 1), using: &random))] }
    func text() -> String { quoted(texts.randomElement(using: &random) ?? "") }
    var out = "flow: \(name)\ntype: inbound\nstart: b0\nblocks:\n"
    for i in 0..<count {
      out += i > 0 ? "\n" : ""
      out += "  \(ids[i]):\n"
      if i == count - 1 {
        out += "    disconnect: {}\n"
        continue
      }
      let t1 = target(after: i)
      let t2 = target(after: i)
      switch Int.random(in: 0..<13, using: &random) {
      case 0:
        out += "    play-prompt:\n      text: \(text())\n    next: \(t1)\n"
        if Bool.random(using: &random) { out += "    on:\n      error: \(t2)\n" }
      case 1:
        out += "    play-prompt:\n      ssml: \"<speak>Hi</speak>\"\n    next: \(t1)\n"
      case 2:
        out += "    set-attributes:\n      tier: \"gold\"\n      source: \"$.CustomerEndpoint.Address\"\n    next: \(t1)\n"
      case 3:
        out += "    check-attribute:\n      attribute: $.Attributes.tier\n      conditions:\n        - equals: \"gold\"\n          goto: \(t1)\n"
        out += "        - greater-than: 5\n          goto: \(t2)\n    on:\n      no-match: \(t2)\n"
      case 4:
        out += "    get-input:\n      prompt: \(text())\n      timeout: 5s\n      options: [\"1\", \"2\"]\n"
        out += "    on:\n      \"1\": \(t1)\n      \"2\": \(t2)\n      no-match: \(t2)\n"
      case 5:
        out += "    wait:\n      duration: \(["1m", "30s", "1h"].randomElement(using: &random) ?? "1m")\n    next: \(t1)\n    on:\n      error: \(t2)\n"
      case 6:
        out += "    loop:\n      count: \(Int.random(in: 1...20, using: &random))\n    next: \(t1)\n    on:\n      looping: \(t2)\n"
      case 7:
        out += "    set-working-queue:\n      queue: \"\(queue)\"\n    next: \(t1)\n    on:\n      error: \(t2)\n"
      case 8:
        out += "    check-hours:\n      hours: \"\(hours)\"\n    next: \(t1)\n    on:\n      out-of-hours: \(t2)\n      error: \(t2)\n"
      case 9:
        out += "    invoke-lambda:\n      function: \"arn:aws:lambda:us-east-1:111122223333:function:lookup\"\n      timeout: 3s\n"
        out += "      arguments:\n        account: \"$.Attributes.account\"\n    next: \(t1)\n    on:\n      error: \(t2)\n"
      case 10:
        out += "    set-logging:\n      logging: \(Bool.random(using: &random) ? "enabled" : "disabled")\n    next: \(t1)\n"
      case 11:
        // A queued callback: CreateCallbackContact, its creation flow given or not.
        let delay = ["30s", "1m30s", "10m", "1h1m1s"].randomElement(using: &random) ?? "30s"
        out += "    transfer-to-queue:\n      queue: \"\(queue)\"\n      callback:\n        initial-delay: \(delay)\n"
        out += "        max-retries: \(Int.random(in: 0...5, using: &random))\n        retry-interval: 10m\n"
        if Bool.random(using: &random) { out += "        creation-flow: \"\(flow)\"\n" }
        out += "    next: \(t1)\n"
      default:
        out += "    set-voice:\n      voice: \"Joanna\"\n    next: \(t1)\n"
      }
    }
    return out
  }

  static func quoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
