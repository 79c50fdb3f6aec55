/**
 * Validates the body of POST /api/runs. Pure, so every rule is unit-tested.
 * Errors carry the HTTP status and a message meant for the person whose code
 * produced the request.
 */

export interface RunLimits {
  maxFiles: number;
  /** UTF-8 bytes of one file. */
  maxFileBytes: number;
  /** UTF-8 bytes of all files of one run. */
  maxRunBytes: number;
  maxPathLength: number;
}

export const DEFAULT_RUN_LIMITS: RunLimits = {
  maxFiles: 64,
  maxFileBytes: 1024 * 1024,
  maxRunBytes: 2 * 1024 * 1024,
  maxPathLength: 200,
};

export const ENTRY_FILE = 'index.html';

export class RunRequestError extends Error {
  override name = 'RunRequestError';
  status: 400 | 413;
  constructor(status: 400 | 413, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * A file path inside a run: relative, `/`-separated, each part made of
 * letters, digits, `_`, `-` and `.`, not starting with a dot (so no `.`, `..`
 * or hidden files), e.g. "main.js" or "css/style.css".
 */
export function isValidRunPath(path: string, maxLength = DEFAULT_RUN_LIMITS.maxPathLength): boolean {
  if (path.length === 0 || path.length > maxLength) return false;
  return path.split('/').every((part) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(part));
}

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;

export function parseRunRequest(body: unknown, limits: RunLimits = DEFAULT_RUN_LIMITS): Map<string, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RunRequestError(400, 'Expected a JSON object like {"files": {"index.html": "…"}}');
  }
  const files: unknown = (body as { files?: unknown }).files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw new RunRequestError(400, '"files" must be an object mapping file paths to their text');
  }
  const entries = Object.entries(files);
  if (entries.length > limits.maxFiles) {
    throw new RunRequestError(413, `A run may have at most ${limits.maxFiles} files; this one has ${entries.length}`);
  }
  const result = new Map<string, string>();
  let total = 0;
  for (const [path, text] of entries) {
    if (!isValidRunPath(path, limits.maxPathLength)) {
      throw new RunRequestError(
        400,
        `Invalid file path ${JSON.stringify(path.slice(0, limits.maxPathLength))}: use relative paths of letters, digits, "_", "-" and "." such as "main.js"`,
      );
    }
    if (typeof text !== 'string') throw new RunRequestError(400, `The content of "${path}" must be a string`);
    const bytes = utf8Bytes(text);
    if (bytes > limits.maxFileBytes) {
      throw new RunRequestError(413, `"${path}" is ${kib(bytes)}; a file may be at most ${kib(limits.maxFileBytes)}`);
    }
    total += bytes;
    result.set(path, text);
  }
  if (total > limits.maxRunBytes) {
    throw new RunRequestError(413, `The files total ${kib(total)}; a run may be at most ${kib(limits.maxRunBytes)}`);
  }
  if (!result.has(ENTRY_FILE)) throw new RunRequestError(400, `A run needs an "${ENTRY_FILE}" file: it is the page the frame opens`);
  return result;
}
