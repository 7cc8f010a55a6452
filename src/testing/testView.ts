/**
 * The canvas test view of a suite result (pure, no React): per handoff edge how often the
 * suite's samples took it against how often their cases expected it, per agent how often it was
 * reached unexpectedly, and per source agent a routing table (expected next agent against the
 * actual one). Built incrementally — `add` costs one sample's path — so the view keeps up with
 * a suite as each sample finishes, on any graph size.
 *
 * What a case expects is read from its stated expectations only:
 * - an edge `a → b` is expected when the case's `route` names `a > b` as two adjacent plain
 *   names; it is avoided when the case avoids `b` or lists the handoff in `avoidsHandoffs`;
 * - an agent is reached unexpectedly when the case avoids it, or when the case's route is plain
 *   names only (no `_`, `*`, groups or suffixes) and does not name it;
 * - in a routing table the expected next agent after `a` is the name after `a` in a plain
 *   route, `(end)` when `a` ends it, and `?` when the route does not say (patterns, no route).
 */
import type { TestCase } from '../model/testCases';

/** What the view needs of one finished sample (a `SampleResult` of src/routing fits). */
export interface ViewSample {
  caseId: string;
  runId: string;
  passed: boolean;
  /** The agents in control, in order. */
  path: readonly string[];
}

export type EdgeTone = 'expected' | 'missed' | 'unexpected' | 'taken' | 'idle';

export interface EdgeStats {
  /** Samples that took the edge at least once. */
  taken: number;
  /** Samples whose case expects the edge. */
  expected: number;
  /** Samples that took it although their case avoids it. */
  avoidedButTaken: number;
  /** Failed samples that took it. */
  failedTaken: number;
}

export interface AgentStats {
  /** Samples that reached the agent. */
  reached: number;
  /** Samples that reached it although their case does not expect it. */
  unexpected: number;
}

/** The routing table of one source agent: expected next → actual next → samples. */
export type RoutingTable = ReadonlyMap<string, ReadonlyMap<string, number>>;

export const END = '(end)';
export const UNKNOWN = '?';

interface CaseFacts {
  /** Adjacent plain names of the route (`a\0b`). */
  expectedEdges: ReadonlySet<string>;
  avoidedEdges: ReadonlySet<string>;
  avoidedAgents: ReadonlySet<string>;
  /** A plain route's names, when the route is plain names only. */
  plainRoute: readonly string[] | undefined;
}

const key = (source: string, target: string) => `${source}\u0000${target}`;
const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The route's steps when every step is a plain agent name, else undefined. */
export function plainRoute(route: string | undefined): string[] | undefined {
  if (route === undefined || route.trim() === '') return undefined;
  const steps = route.split('>').map((s) => s.trim());
  return steps.every((s) => NAME.test(s)) ? steps : undefined;
}

function factsOf(test: TestCase): CaseFacts {
  const e = test.expect;
  const expectedEdges = new Set<string>();
  // Adjacent plain names count even inside a pattern ("triage > refund > *").
  const steps = (e.route ?? '').split('>').map((s) => s.trim());
  for (let i = 0; i + 1 < steps.length; i++) {
    if (NAME.test(steps[i]!) && NAME.test(steps[i + 1]!)) {
      expectedEdges.add(key(steps[i]!, steps[i + 1]!));
    }
  }
  return {
    expectedEdges,
    avoidedEdges: new Set((e.avoidsHandoffs ?? []).map((h) => key(h.source, h.target))),
    avoidedAgents: new Set(e.avoids ?? []),
    plainRoute: plainRoute(e.route),
  };
}

/** The test view, grown one sample at a time. */
export class TestView {
  /** Samples added. */
  samples = 0;
  failed = 0;
  private readonly edges = new Map<string, EdgeStats>();
  private readonly agents = new Map<string, AgentStats>();
  private readonly tables = new Map<string, Map<string, Map<string, number>>>();
  private readonly facts = new Map<string, CaseFacts>();
  /** Failed samples' run ids by the agents and edges they touched (to open one from there). */
  private readonly failedRuns: string[] = [];
  /** Bumped on every change: components compare it to know when to re-read. */
  version = 0;

  constructor(tests: readonly TestCase[]) {
    for (const test of tests) this.facts.set(test.id, factsOf(test));
  }

  add(sample: ViewSample): void {
    const facts = this.facts.get(sample.caseId);
    this.samples++;
    if (!sample.passed) {
      this.failed++;
      this.failedRuns.push(sample.runId);
    }
    const path = sample.path;
    const seenAgents = new Set<string>();
    const seenEdges = new Set<string>();
    for (let i = 0; i < path.length; i++) {
      const agent = path[i]!;
      if (!seenAgents.has(agent)) {
        seenAgents.add(agent);
        const stats = this.agentStats(agent);
        stats.reached++;
        if (facts && isUnexpected(facts, agent)) stats.unexpected++;
      }
      if (i + 1 < path.length) {
        const k = key(agent, path[i + 1]!);
        if (!seenEdges.has(k)) {
          seenEdges.add(k);
          const stats = this.edgeStats(k);
          stats.taken++;
          if (!sample.passed) stats.failedTaken++;
          if (facts && (facts.avoidedEdges.has(k) || facts.avoidedAgents.has(path[i + 1]!))) {
            stats.avoidedButTaken++;
          }
        }
      }
      this.countRoute(agent, path[i + 1] ?? END, expectedNext(facts, agent));
    }
    for (const k of facts?.expectedEdges ?? []) this.edgeStats(k).expected++;
    this.version++;
  }

  /** The statistics of the edge `source → target` (zeros when the suite never touched it). */
  edge(source: string, target: string): EdgeStats {
    return this.edges.get(key(source, target)) ?? ZERO_EDGE;
  }

  agent(name: string): AgentStats {
    return this.agents.get(name) ?? ZERO_AGENT;
  }

  /** How to paint an edge: taken where expected, expected but missed, taken where avoided… */
  tone(source: string, target: string): EdgeTone {
    const s = this.edge(source, target);
    if (s.avoidedButTaken > 0) return 'unexpected';
    if (s.expected > 0) return s.taken >= s.expected ? 'expected' : 'missed';
    return s.taken > 0 ? 'taken' : 'idle';
  }

  /** The routing table of `source`: rows by expected next agent, then actual, with counts. */
  table(source: string): RoutingTable {
    return this.tables.get(source) ?? EMPTY_TABLE;
  }

  /** Run ids of the failed samples, oldest first. */
  failedRunIds(): readonly string[] {
    return this.failedRuns;
  }

  private edgeStats(k: string): EdgeStats {
    let stats = this.edges.get(k);
    if (!stats) {
      stats = { taken: 0, expected: 0, avoidedButTaken: 0, failedTaken: 0 };
      this.edges.set(k, stats);
    }
    return stats;
  }

  private agentStats(name: string): AgentStats {
    let stats = this.agents.get(name);
    if (!stats) {
      stats = { reached: 0, unexpected: 0 };
      this.agents.set(name, stats);
    }
    return stats;
  }

  private countRoute(source: string, actual: string, expected: string): void {
    let table = this.tables.get(source);
    if (!table) this.tables.set(source, (table = new Map()));
    let row = table.get(expected);
    if (!row) table.set(expected, (row = new Map()));
    row.set(actual, (row.get(actual) ?? 0) + 1);
  }
}

function isUnexpected(facts: CaseFacts, agent: string): boolean {
  if (facts.avoidedAgents.has(agent)) return true;
  return facts.plainRoute !== undefined && !facts.plainRoute.includes(agent);
}

function expectedNext(facts: CaseFacts | undefined, agent: string): string {
  const route = facts?.plainRoute;
  if (!route) return UNKNOWN;
  const at = route.indexOf(agent);
  if (at < 0) return UNKNOWN;
  return route[at + 1] ?? END;
}

const ZERO_EDGE: EdgeStats = Object.freeze({
  taken: 0,
  expected: 0,
  avoidedButTaken: 0,
  failedTaken: 0,
});
const ZERO_AGENT: AgentStats = Object.freeze({ reached: 0, unexpected: 0 });
const EMPTY_TABLE: RoutingTable = new Map();

/** The view of a list of samples, built once. */
export function buildTestView(
  tests: readonly TestCase[],
  samples: readonly ViewSample[],
): TestView {
  const view = new TestView(tests);
  for (const sample of samples) view.add(sample);
  return view;
}
