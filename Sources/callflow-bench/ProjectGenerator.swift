import Foundation

/// Writes a synthetic project of realistic shape: a center with queues, hours and one phone
/// number per flow, and `flows` inbound flows of `blocks` blocks each that cycle through the
/// common block kinds (menus, number capture, validation, conditions, metrics, staffing,
/// hours, callback transfers), every branch connected. The project checks clean.
struct ProjectGenerator {
  var flows: Int
  var blocks: Int

  func write(to root: String) throws {
    let fm = FileManager.default
    try? fm.removeItem(atPath: root)
    try fm.createDirectory(atPath: root + "/flows", withIntermediateDirectories: true)
    try Data(center().utf8).write(to: URL(fileURLWithPath: root + "/center.yaml"))
    for i in 0..<flows {
      try Data(flow(i).utf8).write(to: URL(fileURLWithPath: root + "/flows/\(name(i)).flow.yaml"))
    }
  }

  func name(_ i: Int) -> String { "generated-\(String(format: "%04d", i))" }

  func center() -> String {
    var text = """
      center: generated
      queues:
        Support: {capacity: 500, caller-id: {name: "Acme Support", number: "+18005550199"}, hours: office, arn: "arn:aws:connect:us-east-1:111122223333:instance/i/queue/support"}
        Callbacks: {capacity: 2000, caller-id: {name: "Acme Support", number: "+18005550199"}, hours: office, arn: "arn:aws:connect:us-east-1:111122223333:instance/i/queue/callbacks"}
      routing-profiles:
        Tier1:
          queues:
            - {queue: Support, priority: 1}
            - {queue: Callbacks, priority: 1, delay: 0s}
      hours:
        office: {timezone: America/New_York, mon-fri: "08:00-18:00", arn: "arn:aws:connect:us-east-1:111122223333:instance/i/operating-hours/office"}
      phone-numbers:

      """
    for i in 0..<flows { text += "  \"+1800555\(String(format: "%04d", i))\": \(name(i))\n" }
    return text
  }

  func flow(_ i: Int) -> String {
    var text = """
      # Generated flow \(i): \(blocks) blocks.
      flow: \(name(i))
      type: inbound
      description: A generated flow of \(blocks) blocks.
      start: b0
      on-error: sorry
      blocks:

      """
    let count = max(blocks - 2, 1)
    for j in 0..<count {
      let next = j + 1 < count ? "b\(j + 1)" : "bye"
      text += block(j, next: next)
    }
    text += """
        sorry:
          play-prompt: "Sorry, we cannot take your call right now."
          next: bye
          on: {error: bye}
        bye:
          disconnect: {}

      """
    return text
  }

  private func block(_ j: Int, next: String) -> String {
    let id = "b\(j)"
    switch j % 10 {
    case 0:
      return """
          \(id):
            play-prompt: "Thanks for calling Acme. Your call matters to us."
            next: \(next)

        """
    case 1:
      return """
          \(id):
            get-input:
              prompt: "Press 1 for a callback. Press 2 to stay in the queue."
              timeout: 5s
              options: ["1", "2"]
            on: {"1": \(next), "2": \(next), timeout: \(next), no-match: sorry}

        """
    case 2:
      return """
          \(id):
            store-input:
              prompt: "Please enter your phone number, then press pound."
              kind: phone-number
              format: e164
            next: \(next)

        """
    case 3:
      return """
          \(id):
            set-callback-number: $.StoredCustomerInput
            next: \(next)
            on: {invalid-number: sorry, not-dialable: sorry}

        """
    case 5:
      return """
          \(id):
            check-attribute:
              attribute: $.Attributes.tier
              conditions:
                - {equals: gold, goto: \(next)}
                - {greater-than: 3, goto: \(next)}
            on: {no-match: \(next)}

        """
    case 4:
      return """
          \(id):
            set-attributes: {tier: gold, reason: $.StoredCustomerInput}
            next: \(next)

        """
    case 6:
      return """
          \(id):
            get-queue-metrics: Support
            next: \(next)

        """
    case 7:
      return """
          \(id):
            check-staffing: {queue: Support, status: available}
            next: \(next)
            on: {false: \(next)}

        """
    case 8:
      return """
          \(id):
            check-hours: office
            next: \(next)
            on: {out-of-hours: sorry}

        """
    default:
      return """
          \(id):
            transfer-to-queue:
              callback:
                initial-delay: 99s
                max-retries: 2
                retry-interval: 10m
                working-queue: Callbacks
            next: \(next)
            on: {at-capacity: sorry}

        """
    }
  }
}
