/**
 * A side of conformance: a framework that runs the exported workflow (Agent Framework for Python,
 * the Agents SDK for TypeScript, …) and is compared with the engine on the same scenarios, with
 * the same step-by-step comparison and the same documented-difference mechanism
 * (`Scenario.documented[side.name]`). `run.ts` runs the engine once per scenario and every
 * selected side beside it, each on its own session of the conformance server.
 */
import type { ChatRequestBody } from '../test/support/openaiServer';
import type { Reply } from './replyOrder';
import type { Scenario } from './scenario';
import type { ConformanceServer } from './server';
import type { Step } from './trace';

/** What one side did in one scenario, in the comparison's vocabulary. */
export interface SideRun {
  steps: Step[];
  /** Each reply's events in the order the side announced them. */
  replies: Reply[];
  /**
   * What went wrong outside the comparison (resume mechanics …), for the report. The requests
   * the side sent are read from its server session.
   */
  problems: string[];
}

export interface SideContext {
  server: ConformanceServer;
  /** A scratch directory for exported modules. */
  dir: string;
}

/** A check of the exported module run as a program (its terminal driver). */
export interface ProgramCheck {
  ok: boolean;
  line: string;
}

export interface Side {
  /** Stable name: `--side <name>` and the key of `Scenario.documented`. */
  name: string;
  /** As printed in reports ("AF", "Agents SDK TS"). */
  label: string;
  /** The documented rules every comparison on this side applies, printed in the header. */
  rules: readonly string[];
  /** How an engine end (`completed: <reason>`, `paused` …) reads on this side; undefined: never. */
  endOf(engineHow: string): string | undefined;
  /** The first difference in what the model was given (after this side's documented rules). */
  inputDifference(
    engine: readonly ChatRequestBody[],
    side: readonly ChatRequestBody[],
  ): string | undefined;
  /** The engine's reply tokens in this side's documented order. */
  replyOrder(engineTokens: readonly string[]): string[];
  /** Runs one scenario; the server session is already open at `baseURL`. */
  run(scenario: Scenario, index: number, baseURL: string, context: SideContext): Promise<SideRun>;
  /** The exported module run as a program, when the side has such checks. */
  programChecks?(context: SideContext): Promise<ProgramCheck[]>;
  close(): Promise<void> | void;
}
