/**
 * The engine's face towards the UI. Everything here is thin: it owns one Simulation, the open
 * shell sessions and the pump that lets virtual time follow real time, and it hands out plain
 * data. Failures come back as data because Comlink drops custom error fields.
 */
import { Simulation } from '../engine/sim/Simulation';
import { ShellSession } from '../engine/shell/ShellSession';
import type { ShellResult } from '../engine/shell/types';

export interface ClusterNodeView {
  name: string;
  internalIP: string;
  podCIDR: string;
  role: 'control-plane' | 'worker';
}

export interface EngineSnapshot {
  clock: { now: number; paused: boolean; speed: number };
  nodes: ClusterNodeView[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type Listener = (snapshot: EngineSnapshot) => void;

/** How often the pump moves virtual time when it follows real time. */
const PUMP_INTERVAL_MS = 100;

export function createEngineApi(now: () => number = () => performance.now()) {
  let sim = new Simulation();
  const sessions = new Map<number, ShellSession>();
  const listeners = new Set<Listener>();
  let nextSession = 1;
  let lastReal = now();

  function view(): EngineSnapshot {
    return {
      clock: sim.clock.state(),
      nodes: sim.config.nodes.map((n) => ({
        name: n.name,
        internalIP: n.internalIP,
        podCIDR: n.podCIDR,
        role: n.controlPlane ? 'control-plane' : 'worker',
      })),
    };
  }

  function publish(): void {
    const snapshot = view();
    for (const l of listeners) l(snapshot);
  }

  function guard<T>(fn: () => T): Result<T> {
    try {
      return { ok: true, value: fn() };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** Moves virtual time by the real time elapsed since the last pump, scaled by the speed. */
  function pump(): void {
    const real = now();
    const elapsed = real - lastReal;
    lastReal = real;
    if (!sim.clock.paused && elapsed > 0) {
      sim.advance(elapsed * sim.clock.speed);
      publish();
    }
  }

  const timer = setInterval(pump, PUMP_INTERVAL_MS);

  return {
    snapshot(): EngineSnapshot {
      return view();
    },
    subscribe(listener: Listener): void {
      listeners.add(listener);
      listener(view());
    },
    pause(): EngineSnapshot {
      pump();
      sim.clock.paused = true;
      publish();
      return view();
    },
    resume(): EngineSnapshot {
      lastReal = now();
      sim.clock.paused = false;
      publish();
      return view();
    },
    setSpeed(speed: number): Result<EngineSnapshot> {
      return guard(() => {
        if (!Number.isFinite(speed) || speed <= 0 || speed > 100) throw new Error(`speed must be between 0 and 100, got ${speed}`);
        pump();
        sim.clock.speed = speed;
        publish();
        return view();
      });
    },
    /** Moves virtual time by `ms` at once (the clock's step button). */
    step(ms: number): EngineSnapshot {
      sim.advance(Math.max(0, ms));
      publish();
      return view();
    },
    openShell(): { id: number; prompt: string } {
      const session = new ShellSession();
      const id = nextSession++;
      sessions.set(id, session);
      return { id, prompt: session.prompt() };
    },
    execute(sessionId: number, line: string): Result<ShellResult> {
      return guard(() => {
        const session = sessions.get(sessionId);
        if (!session) throw new Error(`no shell session ${sessionId}`);
        const result = session.execute(line);
        publish();
        return result;
      });
    },
    reset(seed?: string): EngineSnapshot {
      sim = new Simulation(seed ? { seed } : {});
      sessions.clear();
      publish();
      return view();
    },
    dispose(): void {
      clearInterval(timer);
      listeners.clear();
    },
  };
}

export type EngineApi = ReturnType<typeof createEngineApi>;
