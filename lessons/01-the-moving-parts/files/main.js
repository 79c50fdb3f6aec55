// The moving parts: which of WebRTC's browser APIs does this page have?
//
// Feature detection asks the browser, instead of guessing from its name or
// version. Each answer goes to the page, to the console, and to the lesson's
// checks with playground.report(name, value).
//
// Some of these tests look in the wrong place, and some are missing.

const features = {
  RTCPeerConnection: typeof window.RTCPeerConnection === 'function',
  // TODO: RTCDataChannel
  getUserMedia: typeof navigator.mediaDevices?.getUserMedia === 'function',
  // Is getDisplayMedia really on navigator?
  getDisplayMedia: typeof navigator.getDisplayMedia === 'function',
  // TODO: enumerateDevices
  // Is HTTPS the only secure context?
  secureContext: location.protocol === 'https:',
};

const rows = document.querySelector('#features');
for (const [name, available] of Object.entries(features)) {
  playground.report(name, available);
  console.log(`${name}: ${available ? 'yes' : 'no'}`);
  const row = rows.insertRow();
  row.insertCell().textContent = name;
  row.insertCell().textContent = available ? 'yes' : 'no';
}
