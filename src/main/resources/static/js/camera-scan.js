// Camera page: reads frames from the device camera, decodes QR codes with jsQR (served by the app), posts each
// new code to the scanner API with the station's gate, lane and direction, and shows the decision with a sound.
(function () {
  'use strict';
  var station = document.getElementById('camera-station');
  var video = document.getElementById('camera-video');
  var canvas = document.getElementById('camera-canvas');
  if (!station || !video || !canvas) {
    return;
  }
  var api = station.getAttribute('data-api');
  var gate = station.getAttribute('data-gate');
  var lane = station.getAttribute('data-lane');
  var direction = station.getAttribute('data-direction');
  var lang = document.documentElement.getAttribute('lang') || 'ko';
  var context = canvas.getContext('2d', { willReadFrequently: true });
  var lastToken = null;
  var lastAt = 0;
  var busy = false;
  var REPEAT_MS = 4000;
  var FRAME_MS = 150;

  function show(id) { document.getElementById(id).hidden = false; }

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function play(kind) {
    var sound = document.getElementById('sound-' + kind);
    if (sound) {
      sound.currentTime = 0;
      var played = sound.play();
      if (played && played.catch) { played.catch(function () {}); }
    }
  }

  function render(answer) {
    var accepted = answer.decision === 'ACCEPTED';
    // amber: let out although something is wrong (revoked, expired...), then report
    var alerted = accepted && !!answer.alert;
    var panel = document.getElementById('scan-result');
    panel.className = 'kc-result ' + (alerted ? 'alerted' : accepted ? 'accepted' : 'rejected');
    document.getElementById('result-icon').textContent = alerted ? '!' : accepted ? '\u2713' : '\u2715';
    document.getElementById('result-verdict').textContent = station.getAttribute(alerted ? 'data-label-alerted'
        : accepted ? 'data-label-accepted' : 'data-label-rejected');
    document.getElementById('result-message').textContent = answer.message || '';
    var code = answer.reason || answer.alert;
    document.getElementById('result-code').textContent = code ? '(' + code + ')' : '';
    var holder = document.getElementById('result-holder');
    if (answer.holder) {
      document.getElementById('result-name').textContent = answer.holder.name || '';
      document.getElementById('result-latin').textContent = answer.holder.nameLatin || '';
      var photo = document.getElementById('result-photo');
      photo.src = answer.holder.photoUrl;
      photo.alt = station.getAttribute('data-label-photo') + ' ' + (answer.holder.name || '');
      // validUntil ends the validity exclusively; show its last minute, as the pass does (23:59)
      document.getElementById('result-valid').textContent = answer.validUntil
          ? new Date(Date.parse(answer.validUntil) - 60000).toLocaleString(lang, { timeZone: 'Asia/Seoul' }) : '';
      holder.hidden = false;
    } else {
      holder.hidden = true;
    }
    document.getElementById('result-details').href = '/checkpoint?scan=' + encodeURIComponent(answer.scanId);
    panel.hidden = false;
    play(alerted ? 'alert' : accepted ? 'accept' : 'refuse');
  }

  function failed() {
    var panel = document.getElementById('scan-result');
    panel.className = 'kc-result rejected';
    document.getElementById('result-icon').textContent = '!';
    document.getElementById('result-verdict').textContent = station.getAttribute('data-label-error');
    document.getElementById('result-message').textContent = '';
    document.getElementById('result-code').textContent = '';
    document.getElementById('result-holder').hidden = true;
    panel.hidden = false;
    play('refuse');
  }

  function submit(token) {
    busy = true;
    fetch(api, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ scanId: uuid(), token: token, gate: gate, direction: direction, lane: lane })
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.json();
    }).then(render, failed).then(function () { busy = false; });
  }

  function tick() {
    if (!busy && video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      var image = context.getImageData(0, 0, canvas.width, canvas.height);
      var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
      if (code && code.data) {
        var token = code.data.trim();
        var now = Date.now();
        if (token !== lastToken || now - lastAt > REPEAT_MS) {
          lastToken = token;
          lastAt = now;
          submit(token);
        }
      }
    }
    window.setTimeout(tick, FRAME_MS);
  }

  if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.jsQR) {
    show('camera-unavailable');
    return;
  }
  navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
    .then(function (stream) {
      video.srcObject = stream;
      video.setAttribute('playsinline', '');
      return video.play();
    })
    .then(tick)
    .catch(function () { show('camera-denied'); });
})();
