/**
 * Prefixes each line a child writes, so `npm run dev` reads as one log with
 * the speaker of every line named: [astro] …, [server] …
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

function pipeLines(stream: Readable | null, prefix: string, write: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => write(`[${prefix}] ${line}`));
}

export function prefixOutput(child: ChildProcess, prefix: string): void {
  pipeLines(child.stdout, prefix, (line) => process.stdout.write(`${line}\n`));
  pipeLines(child.stderr, prefix, (line) => process.stderr.write(`${line}\n`));
}
