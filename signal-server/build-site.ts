/**
 * Runs `npm run build` (the sandbox runtime, then astro build) as a child whose
 * output goes straight to the terminal, so build errors read as they would by hand.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface BuildProcess {
  /** Resolves with the exit code (null when killed by a signal). */
  done: Promise<number | null>;
  stop(): void;
}

export function runBuild(root: string): BuildProcess {
  const child: ChildProcess = spawn('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    // npm is npm.cmd on Windows, which only a shell can start.
    shell: process.platform === 'win32',
  });
  const done = new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      console.error(`Could not start \`npm run build\`: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code) => resolve(code));
  });
  return {
    done,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
    },
  };
}
