import CallflowSimulator

/// The deterministic generator tests draw their generated inputs from (SplitMix64), so they
/// are the same on every run and machine.
public typealias SplitMix = SeededRandom
