/// How a block runs: the VM carries it out itself, or asks its host to. Every catalog row says
/// which, so the compiler, the VM and the hosts dispatch on this, never on block kinds.
public enum BlockExecution: Hashable, Sendable {
  /// The VM asks its host to carry the block out, and the host answers with an outcome.
  case host(HostAction)
  /// The VM runs the block with instructions of its own.
  case vm(VMBlock)
}

/// The blocks the VM runs without its host.
public enum VMBlock: Hashable, Sendable {
  /// Hangs up.
  case disconnect
  /// Returns to whatever ran the flow.
  case endFlow
  /// Writes user attributes.
  case setAttributes
  /// Compares an attribute with conditions in order.
  case compareConditions
  /// Counts turns in a slot.
  case countLoop
}

/// What a host is asked to do for a block. A host answers every action (its `switch` has no
/// `default:`), so a block whose behaviour no host knows yet fails to compile instead of
/// silently answering `next`. Blocks that behave alike share an action.
public enum HostAction: Hashable, Sendable, CaseIterable {
  /// Speak a text or a prompt.
  case playPrompt
  /// Collect one choice from a menu of options.
  case getInput
  /// Collect digits or a phone number into `$.StoredCustomerInput`.
  case storeInput
  /// Tell whether a value is a dialable phone number.
  case validatePhone
  /// Set the number a callback dials.
  case setCallbackNumber
  /// Set the queue later transfers and callbacks use.
  case setWorkingQueue
  /// Set the flow that runs while the contact waits in queue.
  case setCustomerQueueFlow
  /// Set a whisper flow.
  case setWhisperFlow
  /// Change the contact's priority in queue.
  case setRoutingPriority
  /// Put the contact (or, with `callback`, a callback) in a queue.
  case transferToQueue
  /// Read a queue's metrics into `$.Metrics.*`.
  case getQueueMetrics
  /// Let time pass.
  case wait
  /// Tell who answered an outbound call.
  case checkCallProgress
  /// Tell whether hours of operation are open.
  case checkHours
  /// Tell whether agents are available, staffed or online.
  case checkStaffing
  /// Send an SMS or an email.
  case sendMessage
  /// Find the customer's profile.
  case customerProfileLookup
  /// Create a callback that keeps the caller's place.
  case createCallback
  /// Take the caller out of the queue to start a callback request.
  case startCallback
  /// Register the started callback request.
  case registerCallback
  /// Cancel the started request; the caller goes back to the queue.
  case declineCallback
  /// Hand the contact to another flow.
  case transferToFlow
  /// An Amazon Connect action with no block of its own (`connect-action`): the host takes
  /// its first way on.
  case connectAction
  /// Call a Lambda function; its results go to `$.External.*`.
  case invokeLambda
  /// Show a view (a step-by-step guide) to the agent and wait for their action.
  case showView
  /// Hand the contact to an Amazon Lex bot and wait for the intent it recognizes.
  case lexBot
  /// Run a flow module (the VM switches to it; the host only allows it).
  case invokeModule
  /// Play prompts in a loop while the contact waits, until interrupted.
  case loopPrompts
  /// Change how the contact is logged, recorded, streamed, spoken to or described, or
  /// which flow runs on an event: nothing that routes the contact.
  case setContactOption
}

/// What a block does to the contact's state when it goes on at `next`, declared in its row
/// and applied by the VM for every block alike.
public enum ContactEffect: Hashable, Sendable {
  /// The working queue becomes the parameter's value.
  case setsWorkingQueue(ParameterKey)
  /// The callback number becomes the parameter's value.
  case setsCallbackNumber(ParameterKey)
  /// The contact's queue becomes the parameter's value, or the working queue without it.
  case entersQueue(ParameterKey)
  /// A callback request is pending (`start-callback`).
  case startsCallbackRequest
  /// No callback request is pending any more.
  case endsCallbackRequest
  /// The contact goes on in the flow the parameter names; this flow ends.
  case changesFlow(ParameterKey)
  /// The contact runs the flow module the parameter names, then comes back to `next`.
  case callsModule(ParameterKey)
}
