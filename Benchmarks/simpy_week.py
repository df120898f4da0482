"""The benchmark week of callflow-bench as an idiomatic SimPy model, for comparison.

A week of a 500-agent center (the model in Sources/callflow-bench/SimulationBenchmark.swift)
running the sample project's callback line by hand: callers arrive as a Poisson process,
hear the office hours, press 1 for an agent-first callback (30%) or 2 to wait in Support;
callbacks wait 99 s, then queue in Callbacks keeping the caller's place; agents of one
routing profile serve both queues, oldest caller first, longest-idle agent first; dials are
answered by a person, a voicemail, nobody (retried twice, 10 minutes apart) or a busy line.

    python3 Benchmarks/simpy_week.py [--seed N]

prints the outcomes as one JSON object. Times are seconds of New York time from Monday
00:00 (2026-01-05, no daylight-saving change that week).
"""

import argparse
import heapq
import itertools
import json
import random
import sys
import time

import simpy

DAY = 86_400
HOUR = 3_600
DAYS = 7
SERVICE_LEVEL = 20
CAPACITY = {"Support": 50, "Callbacks": 200}


def office_open(t):
    """The hours `office`: Monday to Friday 08:00-18:00, Saturday 09:00-13:00."""
    day, second = divmod(int(t), DAY)
    if day % 7 < 5:
        return 8 * HOUR <= second < 18 * HOUR
    if day % 7 == 5:
        return 9 * HOUR <= second < 13 * HOUR
    return False


class Center:
    def __init__(self, env, rng):
        self.env = env
        self.rng = rng
        self.queues = {"Support": [], "Callbacks": []}  # heaps of (priority, routing time, id, contact)
        self.size = {"Support": 0, "Callbacks": 0}
        self.holding = {"Support": 0, "Callbacks": 0}
        self.idle = []  # agents, longest idle first
        self.ids = itertools.count()
        # The figures callflow's report gives for the same week (SERVICE_LEVEL and
        # AVG_QUEUE_ANSWER_TIME of each queue: from first joining it to an agent taking it).
        self.stats = dict(calls=0, closed=0, rejected=0, support_queued=0, support_handled=0,
                          support_abandoned=0, within=0, base=0, support_wait=0,
                          callbacks_created=0, callbacks_handled=0, callbacks_not_answered=0,
                          callbacks_wait=0)

    # Queues -------------------------------------------------------------------------------
    def full(self, queue, holds_own=False):
        own = 1 if holds_own else 0
        return self.size[queue] + self.holding[queue] - own >= CAPACITY[queue]

    def join(self, contact):
        queue = contact["queue"]
        contact["in_queue"] = True
        contact.setdefault("enqueued", self.env.now)
        contact["joined"] = self.env.now
        self.size[queue] += 1
        heapq.heappush(self.queues[queue], (5, contact["routing_time"], contact["id"], contact))
        self.dispatch()

    def leave(self, contact):
        contact["in_queue"] = False
        self.size[contact["queue"]] -= 1

    def next_contact(self):
        """The contact an agent takes: the oldest routing time over both queues."""
        if not office_open(self.env.now):
            return None
        best = None
        for heap in self.queues.values():
            while heap and not heap[0][3]["in_queue"]:
                heapq.heappop(heap)
            if heap and (best is None or heap[0][:3] < best[:3]):
                best = heap[0]
        if best is None:
            return None
        heapq.heappop(self.queues[best[3]["queue"]])
        return best[3]

    def dispatch(self):
        while self.idle:
            contact = self.next_contact()
            if contact is None:
                return
            agent = self.idle.pop(0)
            self.take(agent, contact)

    def take(self, agent, contact):
        self.leave(contact)
        agent["busy"] = True
        contact["wait"] = self.env.now - contact["enqueued"]
        if contact["callback"]:
            self.env.process(self.dial(agent, contact))
        else:
            self.stats["support_handled"] += 1
            self.stats["support_wait"] += contact["wait"]
            self.stats["base"] += 1
            self.stats["within"] += contact["wait"] <= SERVICE_LEVEL
            contact["taken"].succeed()
            self.env.process(self.talk(agent))

    def talk(self, agent, seconds=None):
        yield self.env.timeout(seconds if seconds is not None else max(1, round(self.rng.expovariate(1 / 300))))
        self.free(agent)

    def free(self, agent):
        agent["busy"] = False
        if not agent["online"]:
            return
        if agent["leaving"]:
            agent["online"] = False
            return
        contact = self.next_contact()
        if contact is not None:
            self.take(agent, contact)
        else:
            self.idle.append(agent)

    # Callbacks -----------------------------------------------------------------------------
    def dial(self, agent, contact):
        answer = self.rng.choices(["human", "voicemail", "no-answer", "busy"], weights=[80, 8, 10, 2])[0]
        yield self.env.timeout({"human": 10, "voicemail": 10, "no-answer": 30, "busy": 5}[answer])
        if answer in ("human", "voicemail"):
            self.stats["callbacks_handled"] += 1
            self.stats["callbacks_wait"] += contact["wait"]
            yield from self.talk(agent, None if answer == "human" else 60)
            return
        self.free(agent)
        if answer == "no-answer" and contact["retries"] < 2:
            contact["retries"] += 1
            self.holding["Callbacks"] += 1
            yield self.env.timeout(600)
            self.holding["Callbacks"] -= 1
            self.join(contact)
        else:
            self.stats["callbacks_not_answered"] += 1

    def callback(self, start):
        self.stats["callbacks_created"] += 1
        self.holding["Callbacks"] += 1
        yield self.env.timeout(99)
        self.holding["Callbacks"] -= 1
        contact = dict(id=next(self.ids), queue="Callbacks", routing_time=start, callback=True, retries=0)
        self.join(contact)

    # Callers -------------------------------------------------------------------------------
    def caller(self):
        self.stats["calls"] += 1
        start = self.env.now
        if not office_open(start):
            self.stats["closed"] += 1
            return
        if self.rng.random() < 0.3:
            if self.full("Callbacks"):
                self.stats["rejected"] += 1
                return
            self.env.process(self.callback(start))
            return
        if self.full("Support"):
            self.stats["rejected"] += 1
            return
        contact = dict(id=next(self.ids), queue="Support", routing_time=start, callback=False, taken=self.env.event())
        self.stats["support_queued"] += 1
        self.join(contact)
        if not contact["in_queue"]:
            return
        patience = self.env.timeout(max(1, round(self.rng.expovariate(1 / 600))))
        yield contact["taken"] | patience
        if contact["in_queue"]:
            self.leave(contact)
            self.stats["support_abandoned"] += 1
            self.stats["base"] += 1

    def arrivals(self):
        windows = [(day, 8 * HOUR, 18 * HOUR, 5400) for day in range(5)] + [(day, 9 * HOUR, 13 * HOUR, 3750) for day in (5, 6)]
        times = []
        for day, begin, end, rate in windows:
            t = day * DAY + begin
            while True:
                t += self.rng.expovariate(rate / HOUR)
                if t >= day * DAY + end:
                    break
                times.append(int(t))
        times.sort()
        for t in times:
            yield self.env.timeout(t - self.env.now)
            self.env.process(self.caller())

    # Agents --------------------------------------------------------------------------------
    def shift(self, agent, begin, end):
        yield self.env.timeout(begin - self.env.now)
        agent["online"], agent["leaving"] = True, False
        self.free(agent)
        yield self.env.timeout(end - begin)
        if agent["busy"]:
            agent["leaving"] = True
        else:
            agent["online"] = False
            if agent in self.idle:
                self.idle.remove(agent)

    def agents(self):
        for n in range(500):
            agent = dict(name=f"weekday-{n + 1}", online=False, busy=False, leaving=False)
            self.env.process(self.shifts(agent, [(day * DAY + 8 * HOUR, day * DAY + 18 * HOUR) for day in range(5)]))
        for n in range(300):
            agent = dict(name=f"weekend-{n + 1}", online=False, busy=False, leaving=False)
            self.env.process(self.shifts(agent, [(day * DAY + 9 * HOUR, day * DAY + 13 * HOUR) for day in (5, 6)]))

    def shifts(self, agent, windows):
        for begin, end in windows:
            yield from self.shift(agent, begin, end)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.process_time()
    env = simpy.Environment()
    center = Center(env, random.Random(args.seed))
    env.process(center.arrivals())
    center.agents()
    env.run(until=DAYS * DAY)
    s = center.stats
    out = dict(s, seconds=time.process_time() - started,
               support_service_level=100 * s["within"] / max(s["base"], 1),
               support_avg_answer=s["support_wait"] / max(s["support_handled"], 1),
               callbacks_avg_answer=s["callbacks_wait"] / max(s["callbacks_handled"], 1))
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
