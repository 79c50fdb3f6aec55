// getUserMedia: ask for the camera and microphone, see what you got, and
// explain every way it can go wrong.

const preview = document.querySelector('#preview');

// What we ask for. "ideal" is a wish the browser gets as close to as it can;
// "exact", "min" and "max" are demands: if the camera cannot meet one, the
// whole request fails with an OverconstrainedError.
const constraints = {
  video: {
    width: { ideal: 640 },
    height: { ideal: 480 },
    frameRate: { ideal: 30, max: 30 },
  },
  audio: {
    echoCancellation: true,
    noiseSuppression: true,
    autoGainControl: true,
  },
};

// One clear sentence for each way getUserMedia fails.
function explain(error) {
  switch (error.name) {
    case 'NotAllowedError':
      return 'Permission denied: the user (or a browser policy) blocked the camera or microphone. Ask again after explaining why you need it.';
    case 'NotFoundError':
      return 'No device found: there is no camera or microphone of the kind you asked for. Ask for audio only, or plug one in.';
    case 'OverconstrainedError':
      return `No device can meet the "${error.constraint}" constraint: make it an ideal value instead of exact, min or max.`;
    case 'NotReadableError':
      return 'The device is there but cannot be read: another application (or tab) may be using it, or the hardware failed.';
    default:
      return `Could not open the camera (${error.name}): ${error.message}`;
  }
}

async function listDevices() {
  // Labels are empty strings until the page has permission for that kind of device.
  const devices = await navigator.mediaDevices.enumerateDevices();
  const list = document.querySelector('#devices');
  for (const device of devices) {
    const item = document.createElement('li');
    item.textContent = `${device.kind}: ${device.label || '(no label before permission)'}`;
    list.append(item);
  }
}

async function start() {
  if (!navigator.mediaDevices) {
    // Outside a secure context (HTTPS or localhost) the whole API is missing.
    console.error('navigator.mediaDevices is undefined: this page is not a secure context (use HTTPS or localhost).');
    return;
  }

  playground.report('constraints', constraints);
  const stream = await navigator.mediaDevices.getUserMedia(constraints);
  preview.srcObject = stream;

  const [videoTrack] = stream.getVideoTracks();
  const settings = videoTrack.getSettings();
  console.log('The camera gives', settings);
  document.querySelector('#settings').textContent = JSON.stringify(settings, null, 2);
  playground.report('settings', settings);

  await listDevices();

  // Now ask for something no camera can do, on purpose, to see the error.
  try {
    const impossible = await navigator.mediaDevices.getUserMedia({ video: { width: { exact: 10000 } } });
    impossible.getTracks().forEach((track) => track.stop());
    console.warn('Surprise: the camera gave a 10000 pixel wide picture.');
  } catch (error) {
    const message = explain(error);
    console.log(`${error.name}: ${message}`);
    document.querySelector('#problem').textContent = message;
    playground.report(`error:${error.name}`, message);
  }
}

start().catch((error) => console.error(explain(error)));
