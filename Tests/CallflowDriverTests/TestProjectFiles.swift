import CallflowTestSupport
import Foundation

let center = testCenter()

let mainFlow = """
  flow: main
  type: inbound
  start: hello
  on-error: bye
  blocks:
    hello:
      transfer-to-queue: ${QUEUE}
      on: {at-capacity: bye}
    bye:
      disconnect: {}

  """
