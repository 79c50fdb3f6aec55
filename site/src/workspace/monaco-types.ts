/**
 * What the JavaScript language service knows: the DOM and WebRTC (from the
 * bundled lib.dom), PeerJS (its own .d.ts and the two packages it imports),
 * and the globals the sandbox runtime defines (`Peer`, `playground`), so both
 * `new Peer()` and `import { Peer } from 'peerjs'` get IntelliSense.
 */
import peerTypes from '../../../node_modules/peerjs/dist/types.d.ts?raw';
import emitterTypes from '../../../node_modules/eventemitter3/index.d.ts?raw';
import binarypackTypes from '../../../node_modules/peerjs-js-binarypack/dist/binarypack.d.ts?raw';
import type { typescript as TypeScriptApi } from './monaco.ts';

const GLOBALS = `
/** PeerJS, preset by the playground to use its own signalling server and ICE servers. */
declare var Peer: typeof import('peerjs').Peer;
type Peer = import('peerjs').Peer;

interface PlaygroundGlobals {
  /** The ICE servers (STUN/TURN) this playground provides, ready for new RTCPeerConnection({ iceServers }). */
  readonly iceServers: RTCIceServer[];
  /** The site's origin, where the signaller, /api and the rooms live (the page itself runs on another origin). */
  readonly siteOrigin: string;
  /** Tells the lesson's checks something only your code knows, e.g. report('secureContext', isSecureContext). */
  report(name: string, value: unknown): void;
  /** The WebSocket URL of a room on the playground's relay: every text message is passed to the room's other members. */
  roomUrl(name: string): string;
  /**
   * In a lesson for two tabs: which side this tab is and both PeerJS ids, so each side
   * knows the other's id (new Peer(pair.myId), peer.connect(pair.otherId)). null in other lessons.
   */
  readonly pair: { readonly token: string; readonly side: 'a' | 'b'; readonly myId: string; readonly otherId: string } | null;
}
/** Settings the playground gives the code it runs. */
declare var playground: PlaygroundGlobals;
`;

/**
 * Type errors the learner sees: real mistakes (typos, wrong arguments, unknown
 * names), not the DOM's narrow return types. `querySelector('#x').value` is
 * correct JavaScript that TypeScript rejects with 2339, so that code is ignored;
 * a misspelt member still shows 2551 ("Did you mean 'createOffer'?").
 */
const IGNORED_IN_JS = [
  2339, // Property 'value' does not exist on type 'Element'.
  7016, // Could not find a declaration file for module …
  80001, // File is a CommonJS module; it may be converted to an ES module. (a suggestion)
];

export function configureLanguages(ts: typeof TypeScriptApi): void {
  const options = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    allowJs: true,
    checkJs: true,
    allowNonTsExtensions: true,
    // Every file is a module (main.js is loaded with type="module"), so the
    // solution's models never clash with the learner's over top-level names.
    moduleDetection: 3, // ts.ModuleDetectionKind.Force
    strict: false,
  };
  for (const defaults of [ts.javascriptDefaults, ts.typescriptDefaults]) {
    defaults.setCompilerOptions(options);
    defaults.setEagerModelSync(true);
    defaults.addExtraLib(peerTypes, 'file:///node_modules/peerjs/index.d.ts');
    defaults.addExtraLib(emitterTypes, 'file:///node_modules/eventemitter3/index.d.ts');
    defaults.addExtraLib(binarypackTypes, 'file:///node_modules/peerjs-js-binarypack/index.d.ts');
    defaults.addExtraLib(GLOBALS, 'file:///playground-globals.d.ts');
  }
  ts.javascriptDefaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    diagnosticCodesToIgnore: IGNORED_IN_JS,
  });
}
