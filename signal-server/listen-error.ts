/**
 * Turns a failure to listen into one line that says what to change. A stack
 * trace for "port in use" would bury the only thing the person needs to know.
 */
export class ListenError extends Error {
  override name = 'ListenError';
  port: number;
  envName: string;
  code: string | undefined;
  constructor(port: number, envName: string, cause: NodeJS.ErrnoException) {
    super(formatListenError(port, envName, cause.code, cause.message), { cause });
    this.port = port;
    this.envName = envName;
    this.code = cause.code;
  }
}

/** A free port to suggest: outside our trio so the suggestion does not collide with SANDBOX_PORT or API_PORT. */
function suggestion(port: number): number {
  return port === 4400 ? 4500 : 4400;
}

export function formatListenError(
  port: number,
  envName: string,
  code: string | undefined,
  message = '',
  command = 'npm start',
): string {
  const example = `e.g. ${envName}=${suggestion(port)} ${command}`;
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use: set ${envName} to another port (${example})`;
    case 'EACCES':
      return `Port ${port} needs privileges this process lacks: set ${envName} to a port above 1023 (${example})`;
    case 'EADDRNOTAVAIL':
      return `The address for port ${port} is not available on this machine: check HOST (e.g. HOST=127.0.0.1 ${command})`;
    default:
      return `Could not listen on port ${port} (${envName}): ${code ?? message}`;
  }
}
