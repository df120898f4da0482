/// What the simulator works out once for each block of the program it met, by the block's
/// instruction (``HostCall/instruction``): an array as long as the instructions met so far.
struct InstructionTable<Value> {
  private var values: [Value?] = []

  /// The value kept for instruction `pc`; setting one for an instruction beyond the end makes
  /// room.
  subscript(pc: Int) -> Value? {
    get { pc < values.count ? values[pc] : nil }
    set {
      if pc >= values.count { values += repeatElement(nil, count: pc - values.count + 1) }
      values[pc] = newValue
    }
  }
}
