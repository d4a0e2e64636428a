// Starts the embedded development server as a subprocess on a free loopback port.
//
// The server prints exactly one line, `octoai-devserver listening on http://HOST:PORT`, once it
// accepts connections; waiting for that line (with a time limit) avoids polling a port.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

const LISTENING = /^octoai-devserver listening on (http:\/\/\S+)$/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
// Enough of the server's stderr to explain a failed start.
const STDERR_KEEP = 4_000;

/** The token the development server accepts unless told otherwise. */
export const DEVSERVER_TOKEN = "devserver-token";

/** A running development server. */
export interface DevServer {
  /** The base URL, for example `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Stop the server and wait (bounded) for it to exit. */
  stop(): Promise<void>;
}

/** The repository root: `OCTOAI_REPO_ROOT` (set by the Makefile) or the working directory. */
export function repoRoot(): string {
  return path.resolve(process.env["OCTOAI_REPO_ROOT"] ?? ".");
}

function executable(): string {
  return process.env["OCTOAI_DEVSERVER"] ?? path.join(repoRoot(), ".venv", "bin", "octoai-devserver");
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
    child.kill("SIGKILL");
    await waitForExit(child, STOP_TIMEOUT_MS);
  }
}

/**
 * Move the clock of a server started with `--test-clock` forward by `seconds`, so a test lets
 * a job's time pass instead of sleeping through it.
 */
export async function advanceClock(server: DevServer, seconds: number): Promise<void> {
  const response = await fetch(`${server.url}/_devserver/clock`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ advance: seconds }),
  });
  if (!response.ok) {
    throw new Error(`the server's clock did not move: ${response.status} ${await response.text()}`);
  }
}

/** Start `octoai-devserver --port 0 --faults` and resolve once it listens. */
export async function startDevServer(extraArgs: readonly string[] = []): Promise<DevServer> {
  const command = executable();
  if (!existsSync(command)) {
    throw new Error(`the development server is not installed at ${command}; run 'make setup'`);
  }
  const child = spawn(command, ["--host", "127.0.0.1", "--port", "0", "--faults", ...extraArgs], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (text: string) => {
    stderr = (stderr + text).slice(-STDERR_KEEP);
  });
  const lines = createInterface({ input: child.stdout! });

  const url = await new Promise<string>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      reject(new Error(`${why}\n--- server stderr ---\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no listening line within ${START_TIMEOUT_MS} ms`), START_TIMEOUT_MS);
    lines.on("line", (line) => {
      const match = LISTENING.exec(line);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("error", (error) => fail(`could not start ${command}: ${error.message}`));
    child.once("exit", (code, signal) => fail(`the server exited before listening (code ${code}, signal ${signal})`));
  }).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });

  return {
    url,
    async stop() {
      lines.close();
      await stopChild(child);
    },
  };
}
