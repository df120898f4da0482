// Generated from Docs/rules/*.md by `CALLFLOW_UPDATE_DOCS=1 swift test`. Do not edit.

extension Rule {
  /// The rule's page of documentation, as in `Docs/rules/<rule>.md`.
  public var documentation: String { ruleDocumentation[id] ?? "" }
}

private let ruleDocumentation: [String: String] = [
  "yaml-syntax": #"""
# `yaml-syntax`

**Severity:** error · **Section:** Syntax and structure

The file is not well-formed YAML, is not UTF-8, or uses anchors and aliases to blow up
into more nodes than any flow needs.

## Why it matters

Nothing else can be checked in a file that does not parse, so the error names the first
place libyaml stopped, with its line and column. Callflow also refuses a YAML "billion
laughs": aliases that expand past 100,000 nodes, or nesting deeper than 200 levels, are
reported here instead of exhausting memory. A second document (`---`) in a flow file is an
error too: a flow file holds one flow.

## Failing example

The quote around the prompt is never closed.

```yaml
# file: flows/welcome.flow.yaml
flow: welcome
type: customer-queue
start: hello
blocks:
  hello:
    play-prompt: "Thanks for waiting.
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/welcome.flow.yaml:11:1: error: found unexpected end of stream [yaml-syntax]
   |
11 | 
   | ^
flows/welcome.flow.yaml:7:18: note: while scanning a quoted scalar, which starts here
   |
 7 |     play-prompt: "Thanks for waiting.
   |                  ^

```

## Passing example

```yaml
# file: flows/welcome.flow.yaml
flow: welcome
type: customer-queue
start: hello
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
    on: {error: done}
  done:
    end-flow: {}
```

"""#,
  "dsl-syntax": #"""
# `dsl-syntax`

**Severity:** error · **Section:** Syntax and structure

A `.flow` file that does not follow the grammar of `Grammar/callflow.ebnf`, with what was
expected at that point.

## Why it matters

The text DSL is parsed by Callflow's own recursive-descent parser. It reports what it
expected and what it found, then resumes at the next block, so one typo does not hide the
rest of the file's problems.

## Failing example

The parameter list of `play-prompt` is never closed.

```callflow
// file: flows/welcome.flow
flow welcome : customer-queue {
  start hello

  hello: play-prompt(text: "Thanks for waiting." -> done {
    error -> done
  }
  done: end-flow
}
```

`callflow check` reports:

```text
flows/welcome.flow:5:50: error: expected `,` or `)` after a parameter, found `->` [dsl-syntax]
  |
5 |   hello: play-prompt(text: "Thanks for waiting." -> done {
  |                                                  ^~

```

## Passing example

```callflow
// file: flows/welcome.flow
flow welcome : customer-queue {
  start hello

  hello: play-prompt(text: "Thanks for waiting.") -> done {
    error -> done
  }
  done: end-flow
}
```

"""#,
  "duplicate-key": #"""
# `duplicate-key`

**Severity:** error · **Section:** Syntax and structure

The same key twice in one YAML mapping, including two blocks with one id.

## Why it matters

YAML parsers disagree on duplicate keys: some keep the first, most keep the last, and the
vendor designers keep whichever they read last. Either way one of the two blocks silently
disappears. Callflow reports the second key and points at the first.

## Failing example

```yaml
# file: flows/welcome.flow.yaml
flow: welcome
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
  hello:
    play-prompt: "All our agents are busy."
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/welcome.flow.yaml:10:3: error: `hello` appears twice in this mapping [duplicate-key]
   |
10 |   hello:
   |   ^~~~~ second definition ignored
flows/welcome.flow.yaml:7:3: note: `hello` is first defined here
   |
 7 |   hello:
   |   ^~~~~

```

## Passing example

```yaml
# file: flows/welcome.flow.yaml
flow: welcome
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: busy
  busy:
    play-prompt: "All our agents are busy."
    next: done
  done:
    end-flow: {}
```

"""#,
  "unknown-block-kind": #"""
# `unknown-block-kind`

**Severity:** error · **Section:** Syntax and structure

A block kind that is not in the catalog; the nearest kind is suggested.

## Why it matters

A misspelt kind is not a block at all: the flow cannot be compiled, and everything
connected to it is unknown. The catalog of kinds is in `Docs/LANGUAGE.md`.

## Failing example

```yaml
# file: flows/welcome.flow.yaml
flow: welcome
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-promt: "Thanks for waiting."
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/welcome.flow.yaml:8:5: error: unknown block kind `play-promt` [unknown-block-kind]
  |
8 |     play-promt: "Thanks for waiting."
  |     ^~~~~~~~~~
  = help: did you mean `play-prompt`?

```

## Passing example

```yaml
# file: flows/welcome.flow.yaml
flow: welcome
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
  done:
    end-flow: {}
```

"""#,
  "unknown-parameter": #"""
# `unknown-parameter`

**Severity:** error · **Section:** Syntax and structure

A parameter the block kind does not take (or a key a file does not take); the nearest name
is suggested.

## Why it matters

A misspelt parameter is ignored by a lenient tool, and the block runs with its default: a
`timout: 30s` leaves the caller 5 seconds to choose. Callflow refuses it and suggests the
name you meant.

## Failing example

```yaml
# file: flows/menu.flow.yaml
flow: menu
type: customer-queue
start: offer
on-error: done
blocks:
  offer:
    get-input:
      prompt: "Press 1 to hear your position in queue."
      timout: 30s
      options: ["1"]
    on: {"1": done, timeout: done, no-match: done}
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/menu.flow.yaml:10:7: error: `get-input` has no parameter `timout` [unknown-parameter]
   |
10 |       timout: 30s
   |       ^~~~~~
   = help: did you mean `timeout`?

```

## Passing example

```yaml
# file: flows/menu.flow.yaml
flow: menu
type: customer-queue
start: offer
on-error: done
blocks:
  offer:
    get-input:
      prompt: "Press 1 to hear your position in queue."
      timeout: 30s
      options: ["1"]
    on: {"1": done, timeout: done, no-match: done}
  done:
    end-flow: {}
```

"""#,
  "missing-parameter": #"""
# `missing-parameter`

**Severity:** error · **Section:** Syntax and structure

A required parameter, or a required key of a file, is absent.

## Why it matters

The vendor designers refuse to publish a block with an empty required field; Callflow
tells you before you get there, and says what the parameter is for. Some requirements
depend on another parameter: `store-input` with `format: local` needs a `country`.

## Failing example

`store-input` must know what it collects.

```yaml
# file: flows/number.flow.yaml
flow: number
type: customer-queue
start: ask
on-error: done
blocks:
  ask:
    store-input:
      prompt: "Please enter your account number."
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/number.flow.yaml:8:5: error: `store-input` block `ask` needs `kind` [missing-parameter]
  |
8 |     store-input:
  |     ^~~~~~~~~~~
  = note: `kind`: what is collected

```

## Passing example

```yaml
# file: flows/number.flow.yaml
flow: number
type: customer-queue
start: ask
on-error: done
blocks:
  ask:
    store-input:
      prompt: "Please enter your account number."
      kind: digits
      max-digits: 8
    next: done
  done:
    end-flow: {}
```

"""#,
  "invalid-value": #"""
# `invalid-value`

**Severity:** error · **Section:** Syntax and structure

A value of the wrong type or out of range: a bad duration, a bad E.164 literal, an unknown
enum word, a block id with characters ids cannot have.

## Why it matters

Values are typed against the block catalog: durations are written `30s`, `5m`, `2h`, `7d`
(or `1m30s`), phone numbers in E.164 (`+14255550100`), attributes as `$.…` paths the
platform knows, words from the parameter's list. A value the platform would reject, or
read differently from what you meant, is caught here. Out-of-range callback settings have
rules of their own (`callback-retries-range`, `callback-interval-range`).

## Failing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: pause
on-error: done
blocks:
  pause:
    wait: 5 minutes
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/hold.flow.yaml:8:11: error: `duration`: `5 minutes` is not a duration: write `5m`: durations are numbers with the units `d`, `h`, `m` and `s`, no spaces [invalid-value]
  |
8 |     wait: 5 minutes
  |           ^~~~~~~~~

```

## Passing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: pause
on-error: done
blocks:
  pause:
    wait: 5m
    next: done
  done:
    end-flow: {}
```

"""#,
  "unknown-branch": #"""
# `unknown-branch`

**Severity:** error · **Section:** Syntax and structure

A branch name the block kind cannot take, or a `next` on a block that does not go on.

## Why it matters

Each block kind has a fixed set of outcomes (the catalog lists them). A branch the block can
never take is dead configuration, and usually a sign that the intended outcome is wired to
nothing. A plain `transfer-to-queue` hands the contact to the queue and the flow ends, so a
`next` on it is reported too.

## Failing example

`play-prompt` has no timeout: it cannot wait for the caller.

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
    on: {timeout: done}
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/hold.flow.yaml:10:10: error: `play-prompt` has no branch `timeout` [unknown-branch]
   |
10 |     on: {timeout: done}
   |          ^~~~~~~
   = note: `play-prompt` can take `error`

```

## Passing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
  done:
    end-flow: {}
```

"""#,
  "undefined-target": #"""
# `undefined-target`

**Severity:** error · **Section:** Syntax and structure

A branch, `next`, condition or `on-error` points at a block id that does not exist; the
nearest id is suggested.

## Why it matters

A contact sent to a block that does not exist is disconnected by the platform. The vendor
designers draw arrows, so this cannot happen there; in text it is one typo away.

## Failing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: dnoe
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/hold.flow.yaml:9:11: error: branch `next` goes to `dnoe`, which is not a block of this flow [undefined-target]
  |
9 |     next: dnoe
  |           ^~~~
  = help: did you mean `done`?

```

## Passing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
  done:
    end-flow: {}
```

"""#,
  "missing-start": #"""
# `missing-start`

**Severity:** error · **Section:** Syntax and structure

A flow with no `start`, or whose `start` names no block.

## Why it matters

`start` is where every contact enters the flow. Without it nothing in the flow can run, and
every block would be unreachable.

## Failing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: welcome
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/hold.flow.yaml:4:8: error: `start` names `welcome`, which is not a block of this flow [missing-start]
  |
4 | start: welcome
  |        ^~~~~~~

```

## Passing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
  done:
    end-flow: {}
```

"""#,
  "dead-end": #"""
# `dead-end`

**Severity:** error · **Section:** Syntax and structure

A block that is not terminal, but whose success path leads nowhere: the contact falls off
the flow after it.

## Why it matters

When a flow runs out of blocks the platform disconnects the contact: a caller who was
promised a callback hears silence and is cut off. Every block that goes on (`next`) must
say where; a block that only branches must have its branches.

## Failing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/hold.flow.yaml:7:3: error: `play-prompt` block `hello` has no `next`: the contact falls off the flow after it [dead-end]
  |
7 |   hello:
  |   ^~~~~ add `next: <block id>`
  = note: the contact is disconnected when a flow runs out of blocks

```

## Passing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
  done:
    end-flow: {}
```

"""#,
  "unconnected-branch": #"""
# `unconnected-branch`

**Severity:** warning · **Section:** Syntax and structure

A branch the block can take goes nowhere. An `error` branch counts as connected when the
flow has `on-error`.

## Why it matters

Amazon Connect will not publish a flow with unconnected error and alternate branches, for a
reason: a contact that takes such a branch is disconnected. A caller who does not press a
key in time takes `timeout`; a caller who presses 9 takes `no-match`.

## Failing example

```yaml
# file: flows/menu.flow.yaml
flow: menu
type: customer-queue
start: offer
on-error: done
blocks:
  offer:
    get-input:
      prompt: "Press 1 to hear your position in queue."
      options: ["1"]
    on: {"1": done}
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/menu.flow.yaml:7:3: warning: branches `timeout` and `no-match` of `get-input` block `offer` go nowhere [unconnected-branch]
  |
7 |   offer:
  |   ^~~~~
  = note: a contact that takes a branch going nowhere is disconnected

```

## Passing example

```yaml
# file: flows/menu.flow.yaml
flow: menu
type: customer-queue
start: offer
on-error: done
blocks:
  offer:
    get-input:
      prompt: "Press 1 to hear your position in queue."
      options: ["1"]
    on: {"1": done, timeout: done, no-match: done}
  done:
    end-flow: {}
```

"""#,
  "unreachable-block": #"""
# `unreachable-block`

**Severity:** warning · **Section:** Syntax and structure

A block that no path from `start` reaches.

## Why it matters

An unreachable block is usually a branch someone forgot to wire: the callback offer that
was written but never connected to the menu. If it is really unused, removing it keeps the
flow readable.

## Failing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
  offer:
    play-prompt: "You can also ask for a callback."
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/hold.flow.yaml:10:3: warning: block `offer` is never reached [unreachable-block]
   |
10 |   offer:
   |   ^~~~~
   = note: no path from `start` leads here; connect it from a branch or remove it

```

## Passing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: offer
  offer:
    play-prompt: "You can also ask for a callback."
    next: done
  done:
    end-flow: {}
```

"""#,
  "loop-without-wait": #"""
# `loop-without-wait`

**Severity:** error · **Section:** Syntax and structure

A cycle that can repeat without a `wait`, `get-input`, `store-input` or bounded `loop`.

## Why it matters

A cycle with nothing that waits for the clock or the caller spins as fast as the platform
runs it: the caller hears the same prompt over and over, and the flow burns its step budget.
The diagnostic shows the shortest way round the cycle.

## Failing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: music
  music:
    play-prompt: "Your call is important to us."
    next: hello
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/hold.flow.yaml:7:3: error: blocks `hello` and `music` form a cycle with no `wait`, input or bounded `loop`: it can spin forever [loop-without-wait]
   |
 7 |   hello:
   |   ^~~~~
   = note: put a `wait` in the cycle, or bound it with a `loop` block
flows/hold.flow.yaml:9:11: note: `hello` goes to `music` on `next`
   |
 9 |     next: music
   |           ^~~~~
flows/hold.flow.yaml:12:11: note: `music` goes back to `hello` on `next`
   |
12 |     next: hello
   |           ^~~~~

```

## Passing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: music
  music:
    wait: 2m
    next: hello
  done:
    end-flow: {}
```

"""#,
  "unused-suppression": #"""
# `unused-suppression`

**Severity:** warning · **Section:** Syntax and structure

A `callflow-ignore` comment that suppresses nothing, or names no rule.

## Why it matters

`# callflow-ignore: RULE` (YAML) or `// callflow-ignore: RULE` (DSL), on the offending line
or the line above, silences one finding. When the finding goes away the comment stays and
would silence the next, unrelated one: a stale suppression is reported so it can be removed.

## Failing example

The block is connected, so the suppression has nothing to suppress.

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  # callflow-ignore: dead-end
  hello:
    play-prompt: "Thanks for waiting."
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/hold.flow.yaml:7:22: warning: this `callflow-ignore` suppresses no `dead-end` diagnostic [unused-suppression]
  |
7 |   # callflow-ignore: dead-end
  |                      ^~~~~~~~
  = note: a suppression applies to its own line and the line below it; remove it if the problem is gone

```

## Passing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: hello
on-error: done
blocks:
  hello:
    play-prompt: "Thanks for waiting."
    next: done
  done:
    end-flow: {}
```

"""#,
  "block-not-allowed": #"""
# `block-not-allowed`

**Severity:** error · **Section:** Types and references

A block kind the flow's type does not allow.

## Why it matters

Each flow type runs at a different moment of a contact's life, and the platform offers
different blocks in each: a whisper plays to one party while the other waits, so it cannot
collect input; `check-call-progress` only means something on an outbound call; whisper and
queue flows return with `end-flow` instead of hanging up. The block reference in
`Docs/LANGUAGE.md` lists where each kind is allowed.

## Failing example

```yaml
# file: flows/agent-brief.flow.yaml
flow: agent-brief
type: agent-whisper
start: ask
blocks:
  ask:
    get-input:
      prompt: "Press 1 to accept the callback."
      options: ["1"]
    on: {"1": done, timeout: done, no-match: done, error: done}
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/agent-brief.flow.yaml:7:5: error: `get-input` is not allowed in an `agent-whisper` flow [block-not-allowed]
  |
7 |     get-input:
  |     ^~~~~~~~~
  = note: `get-input` belongs to `inbound`, `customer-queue`, `outbound`, and `transfer-to-queue` flows

```

## Passing example

```yaml
# file: flows/agent-brief.flow.yaml
flow: agent-brief
type: agent-whisper
start: brief
blocks:
  brief:
    play-prompt: "Callback for a customer who asked about a refund."
    next: done
    on: {error: done}
  done:
    end-flow: {}
```

"""#,
  "undefined-reference": #"""
# `undefined-reference`

**Severity:** error · **Section:** Types and references

A queue, flow, prompt, hours or routing profile that the project does not define; the
nearest name is suggested.

## Why it matters

Names are resolved against `center.yaml` and the project's flows. A transfer to a queue that
does not exist takes the block's error branch on every call. References are checked when the
project is known: a lone flow file read from standard input, outside any project, is not
checked against resources it cannot see.

## Failing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: to-queue
on-error: goodbye
blocks:
  to-queue:
    transfer-to-queue: Suport
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:8:24: error: no queue named `Suport` [undefined-reference]
  |
8 |     transfer-to-queue: Suport
  |                        ^~~~~~
  = help: did you mean `Support`?

```

## Passing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: to-queue
on-error: goodbye
blocks:
  to-queue:
    transfer-to-queue: Support
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "flow-type-mismatch": #"""
# `flow-type-mismatch`

**Severity:** error · **Section:** Types and references

A referenced flow of the wrong type: a creation flow that is not `inbound`, a customer queue
flow that is not `customer-queue`, an outbound flow that is not `outbound`, a whisper of the
wrong kind, a phone number that starts a flow other than an `inbound` one.

## Why it matters

The platform runs each referenced flow at a fixed moment with a fixed set of blocks: Amazon
Connect requires a callback's creation flow to be of the default (inbound contact flow)
type, and only lists flows of the matching type in each selector. A flow of the wrong type
is rejected when the flow is published, or fails when it is first used.

## Failing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: customer-queue
start: set-queue-flow
on-error: done
blocks:
  set-queue-flow:
    set-whisper-flow: {role: agent, flow: hold-music}
    next: done
  done:
    end-flow: {}
```

```yaml
# file: flows/hold-music.flow.yaml
flow: hold-music
type: customer-queue
start: pause
on-error: done
blocks:
  pause:
    wait: 2m
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:8:43: error: `flow` must name a flow of type `agent-whisper`, but `hold-music` is of type `customer-queue` [flow-type-mismatch]
  |
8 |     set-whisper-flow: {role: agent, flow: hold-music}
  |                                           ^~~~~~~~~~
flows/hold-music.flow.yaml:3:7: note: `hold-music` is declared `customer-queue` here
  |
3 | type: customer-queue
  |       ^~~~~~~~~~~~~~

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: customer-queue
start: set-queue-flow
on-error: done
blocks:
  set-queue-flow:
    set-whisper-flow: {role: agent, flow: agent-brief}
    next: done
  done:
    end-flow: {}
```

```yaml
# file: flows/agent-brief.flow.yaml
flow: agent-brief
type: agent-whisper
start: brief
blocks:
  brief:
    play-prompt: "A callback customer."
    next: done
    on: {error: done}
  done:
    end-flow: {}
```

"""#,
  "attribute-unset": #"""
# `attribute-unset`

**Severity:** error; warning for user attributes `$.Attributes.*` · **Section:** Types and references

An attribute read on a path where nothing set it: definite assignment over the flow graph.

## Why it matters

An attribute nothing has written reads as empty, and the block that reads it quietly goes
the wrong way: a `check-attribute` on `$.Customer.tier` takes `no-match` for every caller
whose profile was not found. Callflow follows every path from `start` and requires the
attribute to be written on each of them, by a block that succeeded:

- `$.StoredCustomerInput`: a `store-input` that went on at `next`;
- `$.Metrics.*`: a `get-queue-metrics` that went on at `next`;
- `$.Customer.*`: a `customer-profile-lookup` at its `next` branch, where exactly one
  profile matched (not on `multiple`, `not-found` or `error`);
- `$.Attributes.<name>`: a `set-attributes` that sets that name.

What the platform provides (`$.CustomerEndpoint.Address`, `$.SystemEndpoint.Address`,
`$.Queue.Name`, `$.Channel`, `$.InitiationMethod`, `$.ContactId`, `$.InitialContactId`) is
always set. `$.Attributes.*` and `$.Customer.*` stay with the contact into the flows that run
after, so in a flow another flow hands the contact to (a creation flow, a queue flow, a
`transfer-to-flow` target) they are taken as set when some other flow of the project writes
them. System attributes are errors; user attributes, which may be set by integrations
Callflow cannot see, are warnings.

## Failing example

The profile fields are read on the `not-found` path too.

```yaml
# file: flows/vip.flow.yaml
flow: vip
type: customer-queue
start: lookup
on-error: done
blocks:
  lookup:
    customer-profile-lookup: {key: phone, value: $.CustomerEndpoint.Address}
    next: tier
    on: {multiple: done, not-found: tier}
  tier:
    check-attribute:
      attribute: $.Customer.tier
      conditions:
        - {equals: gold, goto: priority}
    on: {no-match: done}
  priority:
    set-routing-priority: 1
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/vip.flow.yaml:13:18: error: `$.Customer.tier` may be unset when `tier` reads it [attribute-unset]
   |
13 |       attribute: $.Customer.tier
   |                  ^~~~~~~~~~~~~~~
   = note: on this path nothing sets it: `lookup` (`not-found`) → `tier`
flows/vip.flow.yaml:7:3: note: `customer-profile-lookup` block `lookup` sets it when exactly one profile matches, but not on every path here
   |
 7 |   lookup:
   |   ^~~~~~

```

## Passing example

```yaml
# file: flows/vip.flow.yaml
flow: vip
type: customer-queue
start: lookup
on-error: done
blocks:
  lookup:
    customer-profile-lookup: {key: phone, value: $.CustomerEndpoint.Address}
    next: tier
    on: {multiple: done, not-found: done}
  tier:
    check-attribute:
      attribute: $.Customer.tier
      conditions:
        - {equals: gold, goto: priority}
    on: {no-match: done}
  priority:
    set-routing-priority: 1
    next: done
  done:
    end-flow: {}
```

"""#,
  "flow-transfer-loop": #"""
# `flow-transfer-loop`

**Severity:** error · **Section:** Types and references

Flows that hand the contact to each other with `transfer-to-flow` in a cycle with no wait or
input: it can loop forever.

## Why it matters

`transfer-to-flow` ends the current flow and starts another at its `start`. When flows hand
the contact round a cycle and nothing on the way waits for the clock or the caller, the
contact spins from flow to flow for as long as the platform lets it: `loop-without-wait`,
across files. If a callback is queued on the way, each turn queues another. A `loop` block
does not bound such a cycle, since its count starts again each time its flow is entered. The
diagnostic points at one hand-off and notes the others round the cycle.

## Failing example

The after-hours flow sends callers back to the main line, which sends them straight back.

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: hours
on-error: bye
blocks:
  hours:
    check-hours: office
    next: bye
    on: {out-of-hours: closed}
  closed:
    transfer-to-flow: after-hours
  bye:
    disconnect: {}
```

```yaml
# file: flows/after-hours.flow.yaml
flow: after-hours
type: inbound
start: notice
on-error: bye
blocks:
  notice:
    play-prompt: "We are closed."
    next: back
  back:
    transfer-to-flow: main
  bye:
    disconnect: {}
```

`callflow check` reports:

```text
flows/after-hours.flow.yaml:11:23: error: flows `after-hours` and `main` hand the contact to each other with no wait or input: the contact can go round forever [flow-transfer-loop]
   |
11 |     transfer-to-flow: main
   |                       ^~~~
   = note: a `wait` or an input on the way breaks the cycle (a `loop` does not: its count starts again in each flow)
flows/main.flow.yaml:12:23: note: `main` hands the contact to `after-hours` here
   |
12 |     transfer-to-flow: after-hours
   |                       ^~~~~~~~~~~

```

## Passing example

The after-hours flow lets the caller choose to go back.

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: hours
on-error: bye
blocks:
  hours:
    check-hours: office
    next: bye
    on: {out-of-hours: closed}
  closed:
    transfer-to-flow: after-hours
  bye:
    disconnect: {}
```

```yaml
# file: flows/after-hours.flow.yaml
flow: after-hours
type: inbound
start: notice
on-error: bye
blocks:
  notice:
    get-input:
      prompt: "We are closed. Press 1 to hear the main menu again."
      options: ["1"]
    on: {"1": back, timeout: bye, no-match: bye}
  back:
    transfer-to-flow: main
  bye:
    disconnect: {}
```

"""#,
  "duplicate-flow-name": #"""
# `duplicate-flow-name`

**Severity:** error · **Section:** Types and references

Two flows with one name in a project.

## Why it matters

Flows refer to each other, and phone numbers to flows, by name. With two flows of one name
every reference is ambiguous, and publishing one overwrites the other.

## Failing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: pause
on-error: done
blocks:
  pause:
    wait: 2m
    next: done
  done:
    end-flow: {}
```

```yaml
# file: flows/hold-copy.flow.yaml
flow: hold
type: customer-queue
start: pause
on-error: done
blocks:
  pause:
    wait: 5m
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/hold.flow.yaml:2:7: error: a flow named `hold` already exists [duplicate-flow-name]
  |
2 | flow: hold
  |       ^~~~
flows/hold-copy.flow.yaml:2:7: note: the first flow named `hold` is here
  |
2 | flow: hold
  |       ^~~~

```

## Passing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: pause
on-error: done
blocks:
  pause:
    wait: 2m
    next: done
  done:
    end-flow: {}
```

```yaml
# file: flows/hold-long.flow.yaml
flow: hold-long
type: customer-queue
start: pause
on-error: done
blocks:
  pause:
    wait: 5m
    next: done
  done:
    end-flow: {}
```

"""#,
  "unresolved-substitution": #"""
# `unresolved-substitution`

**Severity:** error · **Section:** Types and references

A `${NAME}` that neither the chosen environment in `callflow.yaml` nor `--define NAME=VALUE`
provides.

## Why it matters

Flows are promoted from dev to prod without edits: what differs (queue names, numbers) is
written `${NAME}` and filled from `callflow.yaml`'s `environments` (chosen with `--env`) or
from `--define` on the command line. A name with no value would reach the platform as the
literal text `${NAME}`. The nearest defined name is suggested.

## Failing example

The `prod` environment has no `SUPPORT_QUEUE` (and `callflow check` chose no environment).

```yaml
# file: callflow.yaml
environments:
  prod: {SUPPORT_QUEU: Support}
```

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: metrics
on-error: done
blocks:
  metrics:
    get-queue-metrics: ${SUPPORT_QUEUE}
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/hold.flow.yaml:8:24: error: `${SUPPORT_QUEUE}` has no value in no environment (choose one with `--env`) [unresolved-substitution]
  |
8 |     get-queue-metrics: ${SUPPORT_QUEUE}
  |                        ^~~~~~~~~~~~~~~~
  = note: give it a value in `callflow.yaml` under `environments`, or with `--define SUPPORT_QUEUE=VALUE`

```

## Passing example

```yaml
# file: flows/hold.flow.yaml
flow: hold
type: customer-queue
start: metrics
on-error: done
blocks:
  metrics:
    get-queue-metrics: {}
    next: done
  done:
    end-flow: {}
```

"""#,
  "phone-number-unassigned": #"""
# `phone-number-unassigned`

**Severity:** warning · **Section:** Types and references

An `inbound` flow that no phone number in `center.yaml` reaches and no flow references.

## Why it matters

Associating a phone number with the inbound flow is step 5 of the Amazon Connect callback
set-up, and an easy one to forget: the flow is published, tested from the designer, and no
caller ever reaches it. A flow used as a creation flow or a `transfer-to-flow` target is
reached through that reference instead.

## Failing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}]}
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: to-queue
on-error: goodbye
blocks:
  to-queue:
    transfer-to-queue: Support
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:2:7: warning: inbound flow `main` is not reached by any phone number or flow [phone-number-unassigned]
  |
2 | flow: main
  |       ^~~~
  = note: callers enter an inbound flow through a number in center.yaml: `phone-numbers: {"+1…": main}`

```

## Passing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: to-queue
on-error: goodbye
blocks:
  to-queue:
    transfer-to-queue: Support
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "creation-flow-no-transfer": #"""
# `creation-flow-no-transfer`

**Severity:** error; warning where only some paths miss it · **Section:** Callbacks

A callback's creation flow with no path to a `transfer-to-queue`: the callback would never
be queued.

## Why it matters

Amazon Connect runs the creation flow when the callback contact is created, and queues the
contact **only if that flow executes a Transfer to queue**. A creation flow that plays a
message and hangs up drops every callback it is given, silently: the caller was told they
would be called back. Where some paths end without a transfer, the rule warns and shows one.
A path that ends because a `check-attribute` condition sent it away is taken as a
deliberate drop (a duplicate, a solved issue) and is not reported.

## Failing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, creation-flow: on-create}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

```yaml
# file: flows/on-create.flow.yaml
flow: on-create
type: inbound
start: note
on-error: done
blocks:
  note:
    set-attributes: {origin: callback}
    next: known
  known:
    check-attribute:
      attribute: $.Attributes.origin
      conditions:
        - {equals: callback, goto: done}
    on: {no-match: done}
  done:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:16:59: error: creation flow `on-create` never transfers to a queue: the callback is never queued [creation-flow-no-transfer]
   |
16 |       callback: {working-queue: Callbacks, creation-flow: on-create}
   |                                                           ^~~~~~~~~
   = note: a callback contact is queued only if its creation flow runs a `transfer-to-queue`
flows/on-create.flow.yaml:2:7: note: `on-create` is declared here
   |
 2 | flow: on-create
   |       ^~~~~~~~~

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, creation-flow: on-create}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

```yaml
# file: flows/on-create.flow.yaml
flow: on-create
type: inbound
start: note
on-error: queue
blocks:
  note:
    set-attributes: {origin: callback}
    next: known
  known:
    check-attribute:
      attribute: $.Attributes.origin
      conditions:
        - {equals: callback, goto: queue}
    on: {no-match: queue}
  queue:
    transfer-to-queue: Callbacks
    on: {at-capacity: done, error: done}
  done:
    disconnect: {}
```

"""#,
  "callback-retries-range": #"""
# `callback-retries-range`

**Severity:** error; warning above 5 · **Section:** Callbacks

A callback's `max-retries` below 0 or not a whole number; a warning above 5.

## Why it matters

`max-retries` counts the calls after the first: 2 means at most three calls. Retries only
happen when the phone rings with no answer (a voicemail counts as connected). The Amazon
Connect manual warns that a high number set by accident, such as 20, means needless agent
work and too many calls to the customer; three calls in a row already annoy.

## Failing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, max-retries: 20, retry-interval: 10m}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:16:57: warning: `max-retries` of 20 means up to 21 calls to the customer [callback-retries-range]
   |
16 |       callback: {working-queue: Callbacks, max-retries: 20, retry-interval: 10m}
   |                                                         ^~
   = note: a high number set by accident, such as 20, means needless agent work and too many calls; 2 (three calls) is usual
   = note: retries happen only when the call rings with no answer; a voicemail counts as connected

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, max-retries: 2, retry-interval: 10m}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "callback-interval-range": #"""
# `callback-interval-range`

**Severity:** error; warning for a retry-interval under 1 minute · **Section:** Callbacks

A callback's `initial-delay` or `retry-interval` outside the platform's 1 second to 3 days,
or an `expiry` over 7 days; a warning for a `retry-interval` under 1 minute.

## Why it matters

The initial delay is the time between the callback being requested and it being queued for
the next agent; the retry interval is the least time between two attempts. The platform
takes 1 second to 3 days for both, and deletes a callback no agent worked 7 days after it
was created. A customer who missed the call needs time to reach the phone: retrying after a
few seconds rings a phone nobody has had the time to pick up.

## Failing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, max-retries: 2, retry-interval: 10s}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:16:76: warning: retry-interval of 10s is under the 1 minute minimum [callback-interval-range]
   |
16 |       callback: {working-queue: Callbacks, max-retries: 2, retry-interval: 10s}
   |                                                                            ^~~
   = note: a customer who missed the call needs time to get to the phone; 10m is usual

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, initial-delay: 99s, max-retries: 2, retry-interval: 10m, expiry: 2d}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "customer-first-retries": #"""
# `customer-first-retries`

**Severity:** error · **Section:** Callbacks

`max-retries` or `retry-interval` given on a callback with `dial-mode: customer-first`.

## Why it matters

A customer-first callback is three contacts: the inbound call (C1), the queued callback
(C2, `CALLBACK_CUSTOMER_FIRST_QUEUED`) and the dialled call (C3,
`CALLBACK_CUSTOMER_FIRST_DIALED`). C2 does not support retries or a time between attempts:
those settings are for agent-first callbacks only, and are ignored here. Retries of a
customer-first callback are built into its outbound flow (a voicemail recreates the
callback).

## Failing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, dial-mode: customer-first, outbound-flow: dial, max-retries: 2}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

```yaml
# file: flows/dial.flow.yaml
flow: dial
type: outbound
start: who
on-error: done
blocks:
  who:
    check-call-progress: {}
    on: {human: agent, voicemail-beep: again, voicemail-no-beep: again, unanswered: done, busy: done, invalid-number: done, fax: done}
  agent:
    transfer-to-queue: Callbacks
    on: {at-capacity: done}
  again:
    create-callback: {number: $.CustomerEndpoint.Address, queue: Callbacks}
    next: done
  done:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:16:92: error: `max-retries` has no effect on a customer-first callback [customer-first-retries]
   |
16 |       callback: {working-queue: Callbacks, dial-mode: customer-first, outbound-flow: dial, max-retries: 2}
   |                                                                                            ^~~~~~~~~~~
   = note: a customer-first callback dials once; build retries and the time between them into its outbound flow
flows/main.flow.yaml:16:55: note: the callback is customer-first here
   |
16 |       callback: {working-queue: Callbacks, dial-mode: customer-first, outbound-flow: dial, max-retries: 2}
   |                                                       ^~~~~~~~~~~~~~

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, dial-mode: customer-first, outbound-flow: dial}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

```yaml
# file: flows/dial.flow.yaml
flow: dial
type: outbound
start: who
on-error: done
blocks:
  who:
    check-call-progress: {}
    on: {human: agent, voicemail-beep: again, voicemail-no-beep: again, unanswered: done, busy: done, invalid-number: done, fax: done}
  agent:
    transfer-to-queue: Callbacks
    on: {at-capacity: done}
  again:
    create-callback: {number: $.CustomerEndpoint.Address, queue: Callbacks}
    next: done
  done:
    disconnect: {}
```

"""#,
  "customer-first-outbound-flow": #"""
# `customer-first-outbound-flow`

**Severity:** error · **Section:** Callbacks

A customer-first callback without an `outbound-flow`; an outbound flow without
`check-call-progress`; or one whose `human` branch reaches no `transfer-to-queue`.

## Why it matters

A customer-first callback dials the customer before any agent is involved (contact C3,
`CALLBACK_CUSTOMER_FIRST_DIALED`), and the platform requires an outbound flow to run on that
call. The flow must tell a person from a voicemail with Check call progress: a voicemail
recreates the callback, and a person is put through with Transfer to queue, which finds the
agent. An outbound flow that never checks, or never transfers the person who answered,
leaves a customer who picked up waiting on a dead line.

## Failing example

The person who answers hears a message and is hung up on.

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, dial-mode: customer-first, outbound-flow: dial}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

```yaml
# file: flows/dial.flow.yaml
flow: dial
type: outbound
start: who
on-error: done
blocks:
  who:
    check-call-progress: {}
    on: {human: hello, voicemail-beep: again, voicemail-no-beep: again, unanswered: done, busy: done, invalid-number: done, fax: done}
  hello:
    play-prompt: "This is your callback from Acme."
    next: done
  again:
    create-callback: {number: $.CustomerEndpoint.Address, queue: Callbacks}
    next: done
  done:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:16:86: error: outbound flow `dial` never puts a person who answers through to an agent [customer-first-outbound-flow]
   |
16 |       callback: {working-queue: Callbacks, dial-mode: customer-first, outbound-flow: dial}
   |                                                                                      ^~~~
   = note: the customer answered and waits for an agent: transfer them to the callback's queue
flows/dial.flow.yaml:9:17: note: the `human` branch goes here and reaches no `transfer-to-queue`
   |
 9 |     on: {human: hello, voicemail-beep: again, voicemail-no-beep: again, unanswered: done, busy: done, invalid-number: done, fax: done}
   |                 ^~~~~

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, dial-mode: customer-first, outbound-flow: dial}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

```yaml
# file: flows/dial.flow.yaml
flow: dial
type: outbound
start: who
on-error: done
blocks:
  who:
    check-call-progress: {}
    on: {human: hello, voicemail-beep: again, voicemail-no-beep: again, unanswered: done, busy: done, invalid-number: done, fax: done}
  hello:
    play-prompt: "This is your callback from Acme. An agent will be with you shortly."
    next: agent
  agent:
    transfer-to-queue: Callbacks
    on: {at-capacity: done}
  again:
    create-callback: {number: $.CustomerEndpoint.Address, queue: Callbacks}
    next: done
  done:
    disconnect: {}
```

"""#,
  "voicemail-unhandled": #"""
# `voicemail-unhandled`

**Severity:** warning · **Section:** Callbacks

An outbound flow whose `check-call-progress` voicemail branches (`voicemail-beep`,
`voicemail-no-beep`) go nowhere.

## Why it matters

A callback answered by a voicemail counts as connected: the platform does not retry it. In
a customer-first callback the outbound flow is where a voicemail is handled, by creating
the callback again or by leaving a message. Left unconnected, every callback that reaches a
voicemail is dropped without a trace. (This rule reports those branches instead of
`unconnected-branch`.)

## Failing example

```yaml
# file: flows/dial.flow.yaml
flow: dial
type: outbound
start: who
on-error: done
blocks:
  who:
    check-call-progress: {}
    on: {human: agent, unanswered: done, busy: done, invalid-number: done, fax: done}
  agent:
    transfer-to-queue: Callbacks
    on: {at-capacity: done}
  done:
    disconnect: {}
```

`callflow check` reports:

```text
flows/dial.flow.yaml:7:3: warning: branches `voicemail-beep` and `voicemail-no-beep` of `check-call-progress` block `who` go nowhere: a callback answered by a voicemail is dropped [voicemail-unhandled]
  |
7 |   who:
  |   ^~~
  = note: a voicemail counts as connected and is never retried: recreate the callback (`create-callback`) or leave a message

```

## Passing example

```yaml
# file: flows/dial.flow.yaml
flow: dial
type: outbound
start: who
on-error: done
blocks:
  who:
    check-call-progress: {}
    on: {human: agent, voicemail-beep: again, voicemail-no-beep: again, unanswered: done, busy: done, invalid-number: done, fax: done}
  agent:
    transfer-to-queue: Callbacks
    on: {at-capacity: done}
  again:
    create-callback: {number: $.CustomerEndpoint.Address, queue: Callbacks}
    next: done
  done:
    disconnect: {}
```

"""#,
  "callback-number-unvalidated": #"""
# `callback-number-unvalidated`

**Severity:** error; warning when the number is the caller's own `$.CustomerEndpoint.Address` · **Section:** Callbacks

A path to `set-callback-number`, `create-callback` or `register-callback` that passes no
phone validation.

## Why it matters

With custom callbacks the flow designer is responsible for validating the number: a
mistyped number is a callback that can never be completed, and the customer keeps their
place in line for nothing. A number is validated when, on **every** path from `start` to the
block, it passed

- the `next` of a `store-input` of `kind: phone-number` (for `$.StoredCustomerInput`), or
- the `next` (valid) side of a `validate-phone` of that attribute.

This is dominance on the flow graph, computed as a must-analysis: a later `store-input`
that collects something else undoes it, and a `set-attributes` copy of a validated number
stays validated. The diagnostic shows one path that skips the validation. The caller's own
`$.CustomerEndpoint.Address` is only a warning: it is usually dialable, but may be withheld.
In an `outbound` flow it is the number that was just dialled, and is not reported.

## Failing example

The number is collected as plain digits, not as a phone number.

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: digits, max-digits: 15}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:11:26: error: `set-callback-number` block `set-number` uses `$.StoredCustomerInput` as the callback number without validating it [callback-number-unvalidated]
   |
11 |     set-callback-number: $.StoredCustomerInput
   |                          ^~~~~~~~~~~~~~~~~~~~~
   = note: this path passes no validation: `ask-number` → `set-number`
   = note: validate it with `validate-phone: $.StoredCustomerInput` first, or collect it with `store-input` of `kind: phone-number`

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: digits, max-digits: 15}
    next: check-number
  check-number:
    validate-phone: {value: $.StoredCustomerInput, format: e164}
    next: set-number
    on: {invalid: ask-number}
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "callback-number-unset": #"""
# `callback-number-unset`

**Severity:** warning · **Section:** Callbacks

A callback transfer on a path with no `set-callback-number` before it.

## Why it matters

Without Set callback number the platform dials the caller's address: the number the call
came from. That number may be withheld, a switchboard, or a phone the caller has just
borrowed. The rule looks at inbound flows that callers enter directly; a flow another flow
hands the contact to may inherit the number from it, and is not reported.

## Failing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: callback
on-error: goodbye
blocks:
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:9:7: warning: the callback queued by `callback` may have no callback number set [callback-number-unset]
  |
9 |       callback: {working-queue: Callbacks}
  |       ^~~~~~~~
  = note: the platform then dials the caller's address, which may be withheld or a switchboard

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: check-own
on-error: goodbye
blocks:
  check-own:
    validate-phone: $.CustomerEndpoint.Address
    next: set-number
    on: {invalid: goodbye}
  set-number:
    set-callback-number: $.CustomerEndpoint.Address
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "working-queue-unset": #"""
# `working-queue-unset`

**Severity:** error · **Section:** Callbacks

A `transfer-to-queue` (with or without a callback), or a `create-callback`, on a path where
no queue has been set: no `set-working-queue` before it, and no queue (or callback
`working-queue`) in the block.

## Why it matters

Without a queue the transfer fails and takes its `error` branch on every call. Amazon
Connect requires the working queue to be set at least once before the callback contact (C2)
is created; later stages (the creation flow, the outbound flow) inherit it, so flows entered
from another flow are not reported.

## Failing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {max-retries: 2, retry-interval: 10m}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:15:5: error: the callback queued by `callback` has no queue: no `set-working-queue` comes before it [working-queue-unset]
   |
15 |     transfer-to-queue:
   |     ^~~~~~~~~~~~~~~~~
   = note: no `set-working-queue` on this path: `ask-number` → `set-number` → `callback`
   = note: add `working-queue: <queue>` to `callback`, or a `set-working-queue` block before it

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: queue
on-error: goodbye
blocks:
  queue:
    set-working-queue: Callbacks
    next: ask-number
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {max-retries: 2, retry-interval: 10m}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "callback-queue-unrouted": #"""
# `callback-queue-unrouted`

**Severity:** error · **Section:** Callbacks

A queue callbacks go to that no routing profile in `center.yaml` contains.

## Why it matters

Step 3 of the Amazon Connect callback set-up: add the callback queue to a routing profile,
or no agent ever receives the callbacks. They wait in the queue for 7 days and are then
deleted, while the real-time metrics show customers waiting for a callback. The queue a
callback goes to is its `working-queue`, else the transfer's `queue`, else the working queue
set earlier in the flow; a `create-callback` in a customer-queue flow stays in the queue its
callers wait in. Each queue is reported once, at its definition in `center.yaml` where the
fix goes, with notes at the callbacks that go to it.

## Failing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
  Callbacks: {capacity: 200, caller-id: {name: Acme, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
center.yaml:5:3: error: callback queue `Callbacks` is in no routing profile: no agent will receive its callbacks [callback-queue-unrouted]
   |
 5 |   Callbacks: {capacity: 200, caller-id: {name: Acme, number: "+18005550199"}}
   |   ^~~~~~~~~
   = note: list it in a routing profile (`Tier1`) with the same priority as the callers' queue
flows/main.flow.yaml:16:33: note: callbacks go to `Callbacks` here
   |
16 |       callback: {working-queue: Callbacks}
   |                                 ^~~~~~~~~

```

## Passing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
  Callbacks: {capacity: 200, caller-id: {name: Acme, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 1}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "callback-queue-caller-id": #"""
# `callback-queue-caller-id`

**Severity:** error · **Section:** Callbacks

A queue callbacks go to without an outbound caller ID name and number.

## Why it matters

Step 2 of the Amazon Connect callback set-up: the callback queue needs an outbound caller
ID, the name and number the customer sees when the callback rings. Without one the call
shows up as an unknown number, and many customers will not pick up the call they asked for.
Each queue is reported once, at its definition in `center.yaml`, with notes at the callbacks
that go to it.

## Failing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
  Callbacks: {capacity: 200}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 1}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
center.yaml:5:3: error: callback queue `Callbacks` has no outbound caller ID name or number [callback-queue-caller-id]
   |
 5 |   Callbacks: {capacity: 200}
   |   ^~~~~~~~~
   = note: the customer sees the caller ID when the callback rings: give it `caller-id: {name: …, number: "+1…"}`
flows/main.flow.yaml:16:33: note: callbacks go to `Callbacks` here
   |
16 |       callback: {working-queue: Callbacks}
   |                                 ^~~~~~~~~

```

## Passing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
  Callbacks: {capacity: 200, caller-id: {name: Acme Support, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 1}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "callback-loses-position": #"""
# `callback-loses-position`

**Severity:** info · **Section:** Callbacks

A callback queue whose priority differs from the queue its caller was waiting in, in a
routing profile holding both: callbacks do not keep their place in line.

## Why it matters

Routing profiles are evaluated first; among queues of the **same priority**, the oldest
contact is routed first, and a callback keeps the start time of the original call (a call
that arrived at 10:00 and asked for a callback at 10:05 is ordered by 10:00). That only
holds when the callback queue has the same priority as the original queue. At a lower
priority callbacks wait until the inbound queue is empty, which may be what you want (the
manual suggests it to serve callbacks when inbound volume is low), so this is information,
not a warning: switch it off in `callflow.yaml` if it is your policy. At a higher priority
callbacks jump ahead of callers still on the line; where the original queue takes inbound
calls, `callback-priority-above-inbound` reports that, as a warning.

## Failing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
  Callbacks: {capacity: 200, caller-id: {name: Acme, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 2}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: queue
on-error: goodbye
blocks:
  queue:
    set-working-queue: Support
    next: offer
  offer:
    get-input:
      prompt: "Press 1 to be called back, 2 to hold."
      options: ["1", "2"]
    on: {"1": ask-number, "2": hold, timeout: hold, no-match: hold}
  hold:
    transfer-to-queue: Support
    on: {at-capacity: goodbye}
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:27:33: info: callbacks do not keep their place in line: `Callbacks` has priority 2 in `Tier1`, below `Support`'s 1 [callback-loses-position]
   |
27 |       callback: {working-queue: Callbacks}
   |                                 ^~~~~~~~~
   = note: a callback keeps the original call's start time only among queues of the same priority
center.yaml:7:80: note: `Callbacks` is at priority 2 here
   |
 7 |   Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 2}]}
   |                                                                                ^
center.yaml:7:47: note: the caller waited in `Support`, at priority 1 here
   |
 7 |   Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 2}]}
   |                                               ^

```

## Passing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
  Callbacks: {capacity: 200, caller-id: {name: Acme, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 1}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: queue
on-error: goodbye
blocks:
  queue:
    set-working-queue: Support
    next: offer
  offer:
    get-input:
      prompt: "Press 1 to be called back, 2 to hold."
      options: ["1", "2"]
    on: {"1": ask-number, "2": hold, timeout: hold, no-match: hold}
  hold:
    transfer-to-queue: Support
    on: {at-capacity: goodbye}
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "callback-priority-above-inbound": #"""
# `callback-priority-above-inbound`

**Severity:** warning · **Section:** Callbacks

A callback queue with a higher priority than an inbound queue in the same routing profile.

## Why it matters

Agents of the profile take every waiting callback before any caller on the line: during a
peak, callers who chose to hold wait behind customers who are not even on the phone, and
abandon. The Amazon Connect manual advises the opposite, a lower priority for callback
queues so agents work callbacks when inbound volume is low, or the same priority so that
callbacks keep their place. Inbound queues are those the project's flows transfer callers
to; callback queues are those callbacks go to.

## Failing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
  Callbacks: {capacity: 200, caller-id: {name: Acme, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 2}, {queue: Callbacks, priority: 1}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: queue
on-error: goodbye
blocks:
  queue:
    set-working-queue: Support
    next: offer
  offer:
    get-input:
      prompt: "Press 1 to be called back, 2 to hold."
      options: ["1", "2"]
    on: {"1": ask-number, "2": hold, timeout: hold, no-match: hold}
  hold:
    transfer-to-queue: Support
    on: {at-capacity: goodbye}
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
center.yaml:7:80: warning: callback queue `Callbacks` has a higher priority (1) than inbound queue `Support` (2) in `Tier1` [callback-priority-above-inbound]
   |
 7 |   Tier1: {queues: [{queue: Support, priority: 2}, {queue: Callbacks, priority: 1}]}
   |                                                                                ^
   = note: agents will take callbacks while callers wait on the line; give callback queues the same or a lower priority
center.yaml:7:47: note: `Support` is at priority 2 here
   |
 7 |   Tier1: {queues: [{queue: Support, priority: 2}, {queue: Callbacks, priority: 1}]}
   |                                               ^
flows/main.flow.yaml:27:33: note: callbacks go to `Callbacks` here
   |
27 |       callback: {working-queue: Callbacks}
   |                                 ^~~~~~~~~

```

## Passing example

```yaml
# file: center.yaml
center: acme
queues:
  Support: {capacity: 50, caller-id: {name: Acme, number: "+18005550199"}}
  Callbacks: {capacity: 200, caller-id: {name: Acme, number: "+18005550199"}}
routing-profiles:
  Tier1: {queues: [{queue: Support, priority: 1}, {queue: Callbacks, priority: 1}]}
phone-numbers:
  "+18005550199": main
```

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: queue
on-error: goodbye
blocks:
  queue:
    set-working-queue: Support
    next: offer
  offer:
    get-input:
      prompt: "Press 1 to be called back, 2 to hold."
      options: ["1", "2"]
    on: {"1": ask-number, "2": hold, timeout: hold, no-match: hold}
  hold:
    transfer-to-queue: Support
    on: {at-capacity: goodbye}
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
  "callback-typestate": #"""
# `callback-typestate`

**Severity:** error · **Section:** Callbacks

`start-callback` not followed on every path by `register-callback` or `decline-callback`
before the flow ends; `register-callback` or `decline-callback` with no start pending; two
starts in a row.

## Why it matters

A custom callback is a small protocol. Start Callback takes the caller out of the queue and
prepares a request; Register Callback creates it (number, queue, caller ID); Decline
Callback cancels it and puts the caller back into the queue, and may stand anywhere between
the two. A flow that ends between start and register has taken the caller out of the queue
and registered nothing: they lose their place and get no callback.

Callflow walks the flow graph with the state of the request (none, or started by a given
`start-callback`). A `start-callback` or `register-callback` that fails leaves the state as
it was, so a failed registration must still be declined; a failed `decline-callback` is
taken as the end of the request, since nothing more can be done with it.

## Failing example

When the caller enters no number, the flow ends with the request still started.

```yaml
# file: flows/offer.flow.yaml
flow: offer
type: customer-queue
start: menu
on-error: back
blocks:
  menu:
    get-input:
      prompt: "Press 1 to be called back instead of waiting."
      options: ["1"]
    on: {"1": start, timeout: back, no-match: back}
  start:
    start-callback: {}
    next: ask
  ask:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: register
  register:
    register-callback: {number: $.StoredCustomerInput, queue: Callbacks}
    next: thanks
    on: {error: decline}
  decline:
    decline-callback: {}
    next: back
  thanks:
    play-prompt: "Thank you, we will call you back."
    next: bye
  bye:
    disconnect: {}
  back:
    end-flow: {}
```

`callflow check` reports:

```text
flows/offer.flow.yaml:13:5: error: the callback started by `start` is neither registered nor declined on a path that ends at `back` [callback-typestate]
   |
13 |     start-callback: {}
   |     ^~~~~~~~~~~~~~
   = note: follow `start-callback` with `register-callback` (queue the request) or `decline-callback` (back to the queue) on every path
flows/offer.flow.yaml:30:3: note: the flow ends here with the request still open: `start` → `ask` (`error`) → `back`
   |
30 |   back:
   |   ^~~~

```

## Passing example

```yaml
# file: flows/offer.flow.yaml
flow: offer
type: customer-queue
start: menu
on-error: back
blocks:
  menu:
    get-input:
      prompt: "Press 1 to be called back instead of waiting."
      options: ["1"]
    on: {"1": start, timeout: back, no-match: back}
  start:
    start-callback: {}
    next: ask
  ask:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: register
    on: {error: decline}
  register:
    register-callback: {number: $.StoredCustomerInput, queue: Callbacks}
    next: thanks
    on: {error: decline}
  decline:
    decline-callback: {}
    next: back
  thanks:
    play-prompt: "Thank you, we will call you back."
    next: bye
  bye:
    disconnect: {}
  back:
    end-flow: {}
```

"""#,
  "callback-block-placement": #"""
# `callback-block-placement`

**Severity:** error · **Section:** Callbacks

`create-callback` outside `inbound`, `customer-queue` and `outbound` flows.

## Why it matters

Genesys Cloud Architect's Create Callback action can be used in inbound, in-queue and
outbound call flows, and nowhere else: a whisper plays while the other party waits, and has
no caller to take a number from.

## Failing example

```yaml
# file: flows/agent-brief.flow.yaml
flow: agent-brief
type: agent-whisper
start: brief
blocks:
  brief:
    create-callback: {number: "+14255550100", queue: Callbacks}
    next: done
    on: {error: done}
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/agent-brief.flow.yaml:7:5: error: `create-callback` is not allowed in an `agent-whisper` flow [callback-block-placement]
  |
7 |     create-callback: {number: "+14255550100", queue: Callbacks}
  |     ^~~~~~~~~~~~~~~
  = note: `create-callback` belongs to `inbound`, `customer-queue`, and `outbound` flows

```

## Passing example

```yaml
# file: flows/agent-brief.flow.yaml
flow: agent-brief
type: agent-whisper
start: brief
blocks:
  brief:
    play-prompt: "A customer who asked to be called back."
    next: done
    on: {error: done}
  done:
    end-flow: {}
```

"""#,
  "queue-poll-too-fast": #"""
# `queue-poll-too-fast`

**Severity:** warning · **Section:** Callbacks

A customer-queue loop that reads the queue metrics again with less than 1 minute of `wait`
in between.

## Why it matters

The Amazon Connect example customer queue flow checks the caller's position with Get
metrics, acts when it falls below 2, and otherwise waits 5 minutes and checks again; the
manual recommends at least 1 minute between checks. Polling faster adds load on the metrics
API and, on a voice contact, chops the hold music into fragments. Callflow finds the way
back to each `get-queue-metrics` with the least waiting and shows it.

## Failing example

```yaml
# file: flows/position.flow.yaml
flow: position
type: customer-queue
start: metrics
on-error: done
blocks:
  metrics:
    get-queue-metrics: {}
    next: position
  position:
    check-attribute:
      attribute: $.Metrics.PositionInQueue
      conditions:
        - {less-than: 2, goto: soon}
    on: {no-match: pause}
  pause:
    wait: 20s
    next: metrics
  soon:
    play-prompt: "You are next in line."
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/position.flow.yaml:8:5: warning: `metrics` reads the queue metrics again after only 20s of `wait` [queue-poll-too-fast]
  |
8 |     get-queue-metrics: {}
  |     ^~~~~~~~~~~~~~~~~
  = note: the loop: `metrics` → `position` (`no-match`) → `pause` → `metrics`
  = note: check the position at most once a minute: put a `wait` of 1m or more in the loop

```

## Passing example

```yaml
# file: flows/position.flow.yaml
flow: position
type: customer-queue
start: metrics
on-error: done
blocks:
  metrics:
    get-queue-metrics: {}
    next: position
  position:
    check-attribute:
      attribute: $.Metrics.PositionInQueue
      conditions:
        - {less-than: 2, goto: soon}
    on: {no-match: pause}
  pause:
    wait: 5m
    next: metrics
  soon:
    play-prompt: "You are next in line."
    next: done
  done:
    end-flow: {}
```

"""#,
  "duplicate-callback-unchecked": #"""
# `duplicate-callback-unchecked`

**Severity:** info · **Section:** Callbacks

A creation flow that queues the callback without any `check-attribute`: duplicates and
already-solved issues are not filtered.

## Why it matters

A customer who calls again while a callback is pending is a new, separate call; if they ask
for a callback again, two callbacks wait in the queue and an agent calls them twice.
Amazon Connect leaves duplicates to the flow designer: the creation flow runs when the
callback contact is created, and can check contact attributes (the customer profile, an
open case) to drop duplicates or issues solved in the meantime.

## Failing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, creation-flow: on-create}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

```yaml
# file: flows/on-create.flow.yaml
flow: on-create
type: inbound
start: queue
on-error: done
blocks:
  queue:
    transfer-to-queue: Callbacks
    on: {at-capacity: done}
  done:
    disconnect: {}
```

`callflow check` reports:

```text
flows/on-create.flow.yaml:2:7: info: creation flow `on-create` queues every callback without checking any attribute [duplicate-callback-unchecked]
   |
 2 | flow: on-create
   |       ^~~~~~~~~
   = note: a customer who calls again while a callback is pending asks for a second one; `check-attribute` on the profile or an attribute can drop duplicates and solved issues
flows/main.flow.yaml:16:59: note: it is the creation flow of this callback
   |
16 |       callback: {working-queue: Callbacks, creation-flow: on-create}
   |                                                           ^~~~~~~~~

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, creation-flow: on-create}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

```yaml
# file: flows/on-create.flow.yaml
flow: on-create
type: inbound
start: lookup
on-error: queue
blocks:
  lookup:
    customer-profile-lookup: {key: phone, value: $.CustomerEndpoint.Address}
    next: pending
    on: {multiple: queue, not-found: queue}
  pending:
    check-attribute:
      attribute: $.Customer.open-case
      conditions:
        - {equals: callback-pending, goto: done}
    on: {no-match: queue}
  queue:
    transfer-to-queue: Callbacks
    on: {at-capacity: done, error: done}
  done:
    disconnect: {}
```

"""#,
  "profile-multiple-unhandled": #"""
# `profile-multiple-unhandled`

**Severity:** warning · **Section:** Callbacks

A `customer-profile-lookup` whose `multiple` branch goes nowhere.

## Why it matters

Several customer profiles can match one contact (a family sharing a phone, a company
switchboard), and the agent must verify the caller's identity before associating the
contact with one. A lookup has three outcomes besides `error`: one profile (`next`, which
fills `$.Customer.*`), `not-found`, and `multiple`. A flow that only thought of the first
two disconnects the callers who match several. (This rule reports that branch instead of
`unconnected-branch`.)

## Failing example

```yaml
# file: flows/greet.flow.yaml
flow: greet
type: customer-queue
start: lookup
on-error: done
blocks:
  lookup:
    customer-profile-lookup: {key: phone, value: $.CustomerEndpoint.Address}
    next: known
    on: {not-found: done}
  known:
    play-prompt: "Welcome back."
    next: done
  done:
    end-flow: {}
```

`callflow check` reports:

```text
flows/greet.flow.yaml:7:3: warning: branch `multiple` of `customer-profile-lookup` block `lookup` goes nowhere: a caller who matches several profiles is disconnected [profile-multiple-unhandled]
  |
7 |   lookup:
  |   ^~~~~~
  = note: several profiles can match one number (a family, a shared phone): ask for an account id, or go on without `$.Customer.*`

```

## Passing example

```yaml
# file: flows/greet.flow.yaml
flow: greet
type: customer-queue
start: lookup
on-error: done
blocks:
  lookup:
    customer-profile-lookup: {key: phone, value: $.CustomerEndpoint.Address}
    next: known
    on: {not-found: done, multiple: done}
  known:
    play-prompt: "Welcome back."
    next: done
  done:
    end-flow: {}
```

"""#,
  "callback-setting-ignored": #"""
# `callback-setting-ignored`

**Severity:** warning · **Section:** Callbacks

A callback setting the dial mode makes the platform ignore: an `outbound-flow` on an
agent-first callback.

## Why it matters

Only a customer-first callback runs an outbound flow (on the dialled contact, C3). On an
agent-first callback, the default, the agent accepts the callback and the platform dials;
an `outbound-flow` written there does nothing, and its author believes that voicemails are
handled when they are not. Either the dial mode or the setting is a mistake.

## Failing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, outbound-flow: dial}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

```yaml
# file: flows/dial.flow.yaml
flow: dial
type: outbound
start: who
on-error: done
blocks:
  who:
    check-call-progress: {}
    on: {human: agent, voicemail-beep: again, voicemail-no-beep: again, unanswered: done, busy: done, invalid-number: done, fax: done}
  agent:
    transfer-to-queue: Callbacks
    on: {at-capacity: done}
  again:
    create-callback: {number: $.CustomerEndpoint.Address, queue: Callbacks}
    next: done
  done:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:16:44: warning: `outbound-flow` is ignored: this callback is agent-first [callback-setting-ignored]
   |
16 |       callback: {working-queue: Callbacks, outbound-flow: dial}
   |                                            ^~~~~~~~~~~~~
   = note: `dial-mode` defaults to `agent-first`
   = note: only a customer-first callback runs an outbound flow; add `dial-mode: customer-first` or remove `outbound-flow`

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, dial-mode: customer-first, outbound-flow: dial}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

```yaml
# file: flows/dial.flow.yaml
flow: dial
type: outbound
start: who
on-error: done
blocks:
  who:
    check-call-progress: {}
    on: {human: agent, voicemail-beep: again, voicemail-no-beep: again, unanswered: done, busy: done, invalid-number: done, fax: done}
  agent:
    transfer-to-queue: Callbacks
    on: {at-capacity: done}
  again:
    create-callback: {number: $.CustomerEndpoint.Address, queue: Callbacks}
    next: done
  done:
    disconnect: {}
```

"""#,
  "callback-retries-outlast-expiry": #"""
# `callback-retries-outlast-expiry`

**Severity:** warning · **Section:** Callbacks

A callback whose `initial-delay` plus every `retry-interval` runs past its expiry: the last
attempts can never happen.

## Why it matters

A callback no agent has completed is deleted when it expires, 7 days after its creation
unless `expiry` says otherwise. Attempts are at least `retry-interval` apart and the first
comes after `initial-delay`, so with long intervals the retries promised by `max-retries`
cannot all fit: a customer who misses the early calls is silently dropped. The diagnostic
says how many of the retries fit at best (assuming an agent is free at once).

## Failing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, max-retries: 3, retry-interval: 1d, expiry: 2d}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

`callflow check` reports:

```text
flows/main.flow.yaml:16:57: warning: 3 retries 1d apart run past the callback's expiry of 2d [callback-retries-outlast-expiry]
   |
16 |       callback: {working-queue: Callbacks, max-retries: 3, retry-interval: 1d, expiry: 2d}
   |                                                         ^
   = note: the last retry starts 3d after the request at the earliest; only 2 of 3 retries fit
flows/main.flow.yaml:16:88: note: the callback expires here
   |
16 |       callback: {working-queue: Callbacks, max-retries: 3, retry-interval: 1d, expiry: 2d}
   |                                                                                        ^~

```

## Passing example

```yaml
# file: flows/main.flow.yaml
flow: main
type: inbound
start: ask-number
on-error: goodbye
blocks:
  ask-number:
    store-input: {prompt: "Please enter your phone number.", kind: phone-number, format: e164}
    next: set-number
  set-number:
    set-callback-number: $.StoredCustomerInput
    next: callback
    on: {invalid-number: goodbye, not-dialable: goodbye}
  callback:
    transfer-to-queue:
      callback: {working-queue: Callbacks, max-retries: 3, retry-interval: 4h, expiry: 2d}
    next: goodbye
    on: {at-capacity: goodbye}
  goodbye:
    disconnect: {}
```

"""#,
]
