// The moving parts: which of WebRTC's browser APIs does this page have?
//
// Feature detection asks the browser, instead of guessing from its name or
// version. Each answer goes to the page, to the console, and to the lesson's
// checks with playground.report(name, value).

const features = {
  // The three API families of WebRTC itself.
  RTCPeerConnection: typeof window.RTCPeerConnection === 'function',
  RTCDataChannel: typeof window.RTCDataChannel === 'function',
  // Capture lives on navigator.mediaDevices, which only exists in a secure context.
  getUserMedia: typeof navigator.mediaDevices?.getUserMedia === 'function',
  getDisplayMedia: typeof navigator.mediaDevices?.getDisplayMedia === 'function',
  enumerateDevices: typeof navigator.mediaDevices?.enumerateDevices === 'function',
  // HTTPS, or http://localhost and http://127.0.0.1: the browser decides, and says so here.
  secureContext: window.isSecureContext,
  // Not WebRTC, but close by: a transport for signalling, and audio processing.
  WebSocket: typeof window.WebSocket === 'function',
  AudioContext: typeof window.AudioContext === 'function',
};

const rows = document.querySelector('#features');
for (const [name, available] of Object.entries(features)) {
  playground.report(name, available);
  console.log(`${name}: ${available ? 'yes' : 'no'}`);
  const row = rows.insertRow();
  row.insertCell().textContent = name;
  row.insertCell().textContent = available ? 'yes' : 'no';
}
