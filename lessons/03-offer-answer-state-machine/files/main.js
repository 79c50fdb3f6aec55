// Offer/answer and the signaling state machine.
//
// Each step below is one call on pc1 or pc2. Before running, write down in
// `predictions` the signalingState of that connection right after the call:
// 'stable', 'have-local-offer' or 'have-remote-offer'. The run compares your
// guess with what the browser did.
//
// TODO 1: replace each '?' with your prediction.

const predictions = {
  'pc1.createOffer()': '?',
  'pc1.setLocalDescription(offer)': '?',
  'pc2.setRemoteDescription(offer)': '?',
  'pc2.setLocalDescription(answer)': '?',
  'pc1.setRemoteDescription(answer)': '?',
  'pc1.setLocalDescription()': '?',
  "pc1.setLocalDescription({ type: 'rollback' })": '?',
  'pc1.setRemoteDescription(answer) again': '?',
};

const pc1 = new RTCPeerConnection();
const pc2 = new RTCPeerConnection();
// A data channel gives the offer something to describe.
pc1.createDataChannel('chat');

const table = document.querySelector('#steps');

// Runs one step, then reports your prediction and shows it beside the real state.
async function step(name, pc, call) {
  const result = await call();
  const predicted = predictions[name];
  playground.report(`predict:${name}`, predicted);
  const verdict = predicted === pc.signalingState ? 'right' : 'wrong';
  console.log(`${name}: you said '${predicted}', it is '${pc.signalingState}' (${verdict})`);
  const row = table.insertRow();
  for (const text of [name, predicted, pc.signalingState]) row.insertCell().textContent = text;
  return result;
}

// The offer/answer exchange, as in the two-peers lesson.
const offer = await step('pc1.createOffer()', pc1, () => pc1.createOffer());
await step('pc1.setLocalDescription(offer)', pc1, () => pc1.setLocalDescription(offer));
await step('pc2.setRemoteDescription(offer)', pc2, () => pc2.setRemoteDescription(offer));
const answer = await pc2.createAnswer();
await step('pc2.setLocalDescription(answer)', pc2, () => pc2.setLocalDescription(answer));
await step('pc1.setRemoteDescription(answer)', pc1, () => pc1.setRemoteDescription(answer));

// A second offer, taken back before anyone answered it.
await step('pc1.setLocalDescription()', pc1, () => pc1.setLocalDescription());
await step("pc1.setLocalDescription({ type: 'rollback' })", pc1, () => pc1.setLocalDescription({ type: 'rollback' }));

// The mistake: applying the same answer twice. pc1 is stable, so an answer makes no sense.
// TODO 2: apply `answer` to pc1 a second time, as a step named
// 'pc1.setRemoteDescription(answer) again', and catch the error it throws
// (try/catch around the await), logging error.name and error.message.
