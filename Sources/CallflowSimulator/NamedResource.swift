/// The resource (hours, a queue) a block names, as the simulator resolved it.
enum NamedResource: Equatable {
  /// The block names none: the one meant by default (the queue's hours, the working queue).
  case unnamed
  /// The block names one the module or the center does not have.
  case missing
  /// Its index among the module's hours or the center's queues.
  case index(Int)
}
