/// The strongly connected components of a graph that hold a cycle (more than one node, or a
/// node with an edge to itself), each sorted; by Tarjan's algorithm, iterative so that deep
/// graphs do not exhaust the stack. Node `v` has `degree(v)` successors, the `i`th being
/// `successor(v, i)`; search starts only from nodes `root` accepts.
func cycles(count n: Int, root: (Int) -> Bool, degree: (Int) -> Int, successor: (Int, Int) -> Int) -> [[Int]] {
  var indexOf = [Int](repeating: -1, count: n)
  var low = [Int](repeating: 0, count: n)
  var onStack = [Bool](repeating: false, count: n)
  var stack: [Int] = []
  var counter = 0
  var components: [[Int]] = []
  for start in 0..<n where indexOf[start] < 0 && root(start) {
    var frames: [(node: Int, next: Int)] = [(start, 0)]
    indexOf[start] = counter; low[start] = counter; counter += 1
    stack.append(start); onStack[start] = true
    while var frame = frames.popLast() {
      let v = frame.node
      if frame.next < degree(v) {
        let w = successor(v, frame.next)
        frame.next += 1
        frames.append(frame)
        if indexOf[w] < 0 {
          indexOf[w] = counter; low[w] = counter; counter += 1
          stack.append(w); onStack[w] = true
          frames.append((w, 0))
        } else if onStack[w] {
          low[v] = min(low[v], indexOf[w])
        }
        continue
      }
      if let parent = frames.last { low[parent.node] = min(low[parent.node], low[v]) }
      if low[v] == indexOf[v] {
        var component: [Int] = []
        while let w = stack.popLast() {
          onStack[w] = false
          component.append(w)
          if w == v { break }
        }
        if component.count > 1 || (0..<degree(v)).contains(where: { successor(v, $0) == v }) {
          components.append(component.sorted())
        }
      }
    }
  }
  return components
}
