// The offline-capable scan station (/station/). Online, each scan goes to the scanner API. Every minute while
// online it refreshes the JWKS, the signed revocation list and the station's data (travellers of its gate with
// their slots and positions), and uploads the scans queued offline. Offline (no answer within 2 s, or the
// browser says so) it checks the pass itself: the signature with WebCrypto Ed25519 against the cached JWKS, then
// the rules of ScanRules (same order, same reason codes) with what it knows, and queues the scan.
(function () {
  'use strict';
  var root = document.getElementById('station-app');
  var store = window.KcStationStore;
  if (!root || !store) {
    return;
  }
  var texts = JSON.parse(document.getElementById('station-texts').textContent);
  var lang = document.documentElement.getAttribute('lang') || 'ko';
  var clockSkewMs = Number(root.getAttribute('data-clock-skew') || '120') * 1000;
  var TIMEOUT_MS = 2000;
  var DATA_TIMEOUT_MS = 20000;
  var REFRESH_MS = 60000;
  var CHUNK = 500;
  var MAX_TOKEN = 1500;
  var SOUTHBOUND_ALERTS = ['REVOKED', 'EXPIRED', 'APPLICATION_NOT_APPROVED'];

  var state = {
    credential: null, key: null, jwks: null, verifiers: {}, revocations: null, data: null,
    online: navigator.onLine, offlineSince: navigator.onLine ? null : Date.now(), queued: 0,
    syncing: false, refreshing: false, stopped: false, timer: null, camera: null
  };

  // ---- texts -------------------------------------------------------------------------------------------------

  function t(key, args) {
    var text = Object.prototype.hasOwnProperty.call(texts, key) ? texts[key] : key;
    if (!args) {
      return text;
    }
    // MessageFormat patterns: {n} arguments, '' for a quote
    return text.replace(/\{(\d+)[^}]*}/g, function (all, n) { return args[Number(n)] == null ? '' : String(args[Number(n)]); })
      .replace(/''/g, '\'');
  }

  var officeTime = new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Seoul', hour: '2-digit', minute: '2-digit', hour12: false });
  var officeDateTime = new Intl.DateTimeFormat(lang, {
    timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false
  });

  // ---- the token, read as PassTokens.read does --------------------------------------------------------------

  var BASE64URL = /^[A-Za-z0-9_-]*$/;
  var ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  /** Base64url to bytes, leniently like the server's decoder: leftover bits at the end are dropped. */
  function bytesOf(text) {
    var out = [];
    var bits = 0;
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      value = (value << 6) | ALPHABET.indexOf(text.charAt(i));
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.push((value >> bits) & 0xff);
      }
    }
    return new Uint8Array(out);
  }

  function jsonOf(segment) {
    return JSON.parse(new TextDecoder().decode(bytesOf(segment)));
  }

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function looksLikePassId(text) {
    return typeof text === 'string' && text.length > 0 && text.length <= 43 && BASE64URL.test(text);
  }

  function isCompactJws(text) {
    var first = text.indexOf('.');
    var second = first < 0 ? -1 : text.indexOf('.', first + 1);
    return first > 0 && second > first + 1 && second < text.length - 1 && BASE64URL.test(text.substring(0, first))
      && BASE64URL.test(text.substring(first + 1, second)) && BASE64URL.test(text.substring(second + 1));
  }

  function failed(problem) {
    return { problem: problem, passId: null, notBefore: null, expiresAt: null, vehicle: false };
  }

  /** A JWK Set's Ed25519 keys as verify-only CryptoKeys, by kid. */
  function importKeys(jwks) {
    var keys = (jwks && Array.isArray(jwks.keys)) ? jwks.keys : [];
    var verifiers = {};
    return Promise.all(keys.map(function (jwk) {
      if (!jwk || jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.kid !== 'string') {
        return null;
      }
      return crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, { name: 'Ed25519' }, false, ['verify'])
        .then(function (key) { verifiers[jwk.kid] = key; }, function () { return null; });
    })).then(function () { return verifiers; });
  }

  /** Verifies a compact JWS signed by one of {@code verifiers}: its header and payload, or a problem. */
  function checkJws(compact, verifiers) {
    if (compact.length > MAX_TOKEN || !isCompactJws(compact)) {
      return Promise.resolve({ problem: 'MALFORMED' });
    }
    var parts = compact.split('.');
    var header;
    try {
      header = jsonOf(parts[0]);
    } catch (e) {
      return Promise.resolve({ problem: 'MALFORMED' });
    }
    if (!isObject(header) || header.alg !== 'EdDSA' || typeof header.kid !== 'string'
        || (header.typ != null && typeof header.typ !== 'string') || (header.cty != null && typeof header.cty !== 'string')) {
      return Promise.resolve({ problem: 'MALFORMED' });
    }
    var key = Object.prototype.hasOwnProperty.call(verifiers, header.kid) ? verifiers[header.kid] : null;
    if (!key) {
      return Promise.resolve({ problem: 'UNKNOWN_KEY' });
    }
    var signed = new TextEncoder().encode(parts[0] + '.' + parts[1]);
    return crypto.subtle.verify({ name: 'Ed25519' }, key, bytesOf(parts[2]), signed).then(function (ok) {
      if (!ok) {
        return { problem: 'INVALID_SIGNATURE' };
      }
      var payload;
      try {
        payload = jsonOf(parts[1]);
      } catch (e) {
        return { problem: 'MALFORMED' };
      }
      return isObject(payload) ? { problem: null, header: header, payload: payload } : { problem: 'MALFORMED' };
    }, function () {
      return { problem: 'INVALID_SIGNATURE' };
    });
  }

  function isStringOrNull(value) {
    return value == null || typeof value === 'string';
  }

  /**
   * Reads a pass token like the server's PassVerifier.read: {problem: null | MALFORMED | UNKNOWN_KEY |
   * INVALID_SIGNATURE, passId, notBefore, expiresAt (ms), vehicle}. With {@code jwks} given, checks against it
   * (the agreement test); otherwise against the cached JWKS.
   */
  function verify(text, jwks) {
    var keys = jwks ? importKeys(jwks) : Promise.resolve(state.verifiers);
    return keys.then(function (verifiers) {
      if (typeof text !== 'string') {
        return failed('MALFORMED');
      }
      return checkJws(text.trim(), verifiers).then(function (jws) {
        if (jws.problem) {
          return failed(jws.problem);
        }
        var claims = jws.payload;
        var aud = claims.aud;
        var audOk = aud == null || typeof aud === 'string'
          || (Array.isArray(aud) && aud.every(function (a) { return typeof a === 'string'; }));
        var timesOk = ['exp', 'nbf', 'iat'].every(function (name) {
          return claims[name] == null || typeof claims[name] === 'number';
        });
        if (!audOk || !timesOk || !isStringOrNull(claims.iss) || !isStringOrNull(claims.sub)
            || !isStringOrNull(claims.jti)) {
          return failed('MALFORMED');
        }
        var type = claims.typ;
        if (!looksLikePassId(claims.jti) || claims.nbf == null || claims.exp == null
            || (type != null && type !== 'person' && type !== 'vehicle')) {
          return failed('MALFORMED');
        }
        return {
          problem: null, passId: claims.jti, notBefore: Math.trunc(claims.nbf) * 1000,
          expiresAt: Math.trunc(claims.exp) * 1000, vehicle: type === 'vehicle'
        };
      });
    });
  }

  // ---- the decision offline, in the order of ScanRules --------------------------------------------------------

  function gates() {
    return (state.data && Array.isArray(state.data.routeGates) && state.data.routeGates.length)
      ? state.data.routeGates : (root.getAttribute('data-route-gates') || 'DORASAN,KAESONG').split(',');
  }

  /** The stretch of road a position is on, numbered from the South (Route.stretch). */
  function stretch(position) {
    var route = gates();
    if (!position || position.place === 'OUTSIDE' || position.place === 'SOUTH') {
      return 0;
    }
    if (position.place === 'INSIDE') {
      return route.length;
    }
    var index = route.indexOf(position.gate);
    var s = position.direction === 'SOUTHBOUND' ? index : index + 1;
    return Math.max(1, Math.min(route.length, s));
  }

  /** Where someone is after crossing {@code gate} in {@code direction} (Route.after). */
  function after(gate, direction) {
    var route = gates();
    var north = route.indexOf(gate) + 1;
    var s = direction === 'NORTHBOUND' ? north : north - 1;
    return { place: s === 0 ? 'OUTSIDE' : s === route.length ? 'INSIDE' : 'IN_TRANSIT', gate: gate, direction: direction };
  }

  function firstGate(direction) {
    var route = gates();
    return direction === 'NORTHBOUND' ? route[0] : route[route.length - 1];
  }

  function accept(alert) { return { decision: 'ACCEPTED', reason: null, alert: alert || null }; }
  function reject(reason) { return { decision: 'REJECTED', reason: reason, alert: null }; }

  function time(text) {
    var ms = Date.parse(text);
    return isNaN(ms) ? null : ms;
  }

  /**
   * ScanRules.decide with the station's cached view: the pass's revocation from the signed list, its validity,
   * the traveller's slot and position from the station data. What the station cannot know offline (route mode,
   * approval, consent, watch list) the server judges at sync, and a different answer is a conflict.
   * A pass whose holder is not on the station's lists is refused northbound (NOT_FOUND) and let out southbound
   * with that alert: nobody is kept in the zone.
   */
  function decide(reading, traveller, gate, direction, at) {
    if (reading.problem) {
      return reject(reading.problem);
    }
    if (reading.vehicle) {
      return reject('VEHICLE_PASS_AT_PERSON_LANE');
    }
    var revoked = !!(state.revocations && state.revocations.revoked.indexOf(reading.passId) >= 0);
    if (!traveller) {
      return direction === 'SOUTHBOUND' ? accept(revoked ? 'REVOKED' : 'NOT_FOUND') : reject(revoked ? 'REVOKED' : 'NOT_FOUND');
    }
    var problem = null;
    var validFrom = time(traveller.validFrom);
    var validUntil = time(traveller.validUntil);
    var from = Math.max(validFrom == null ? -Infinity : validFrom, reading.notBefore);
    var end = Math.min(validUntil == null ? Infinity : validUntil, reading.expiresAt);
    if (revoked) {
      problem = 'REVOKED';
    } else if (at + clockSkewMs < from) {
      problem = 'NOT_YET_VALID';
    } else if (at - clockSkewMs >= end) {
      problem = 'EXPIRED';
    }
    // where this gate judges slots (the data's slotChecks: the first gate that way, with slot checks on); a pass
    // without slots is a standing permit's, whose booking the station does not know: the server judges it
    var slots = Array.isArray(traveller.slots) ? traveller.slots : [];
    var checks = state.data && Array.isArray(state.data.slotChecks) ? state.data.slotChecks : [];
    var outsideSlot = slots.length > 0 && checks.indexOf(direction) >= 0 && gate === firstGate(direction) && !slots.some(function (slot) {
      var start = time(slot.start);
      var stop = time(slot.end);
      return slot.direction === direction && start != null && stop != null && start <= at && at <= stop;
    });
    var here = stretch(traveller.localPosition || { place: traveller.position, gate: traveller.lastGate, direction: traveller.lastDirection });
    var north = gates().indexOf(gate) + 1;
    if (direction === 'SOUTHBOUND' && here > 0) {
      return accept(problem && SOUTHBOUND_ALERTS.indexOf(problem) >= 0 ? problem
        : here !== north ? 'WRONG_GATE_ORDER' : outsideSlot ? 'OUTSIDE_SLOT' : null);
    }
    if (problem) {
      return reject(problem);
    }
    if (direction === 'SOUTHBOUND') {
      return reject('NOT_INSIDE');
    }
    if (here >= north) {
      return reject('ALREADY_INSIDE');
    }
    if (here < north - 1) {
      return reject('WRONG_GATE_ORDER');
    }
    return outsideSlot ? reject('OUTSIDE_SLOT') : accept(null);
  }

  function travellerOf(passId) {
    var list = state.data && Array.isArray(state.data.travellers) ? state.data.travellers : [];
    for (var i = 0; i < list.length; i++) {
      if (list[i].passId === passId) {
        return list[i];
      }
    }
    return null;
  }

  // ---- the network --------------------------------------------------------------------------------------------

  function DeviceRevoked() {}

  /** fetch with the device's token and a deadline; a 401 means the device was revoked. */
  function call(path, options, timeoutMs) {
    if (state.stopped && path.indexOf('/api/') === 0) {
      return Promise.reject(new Error('unpaired')); // a refresh still under way when the device was unpaired
    }
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, timeoutMs || TIMEOUT_MS);
    var init = options || {};
    init.signal = controller.signal;
    init.credentials = 'omit';
    init.cache = 'no-store';
    init.headers = Object.assign({ 'Accept': 'application/json' }, init.headers || {});
    if (state.credential && path.indexOf('/api/') === 0) {
      init.headers.Authorization = 'Bearer ' + state.credential.token;
    }
    return fetch(path, init).then(function (response) {
      clearTimeout(timer);
      if (response.status === 401 && path.indexOf('/api/') === 0) {
        throw new DeviceRevoked();
      }
      return response;
    }, function (error) {
      clearTimeout(timer);
      throw error;
    });
  }

  function json(response) {
    if (!response.ok) {
      throw new Error('HTTP ' + response.status);
    }
    return response.json();
  }

  // when the link went down is kept across reloads, so that "offline since" stays true
  function setOnline() {
    if (!state.online || state.offlineSince || state.storedOfflineSince) {
      state.online = true;
      state.offlineSince = null;
      state.storedOfflineSince = null;
      if (el('station-message').getAttribute('data-offline') === 'true') {
        message(null);
      }
      if (!state.stopped) {
        store.put('offlineSince', null);
      }
      sync();
    }
    status();
  }

  function setOffline() {
    if (state.online) {
      state.online = false;
      state.offlineSince = state.storedOfflineSince || Date.now();
      if (!state.stopped) {
        store.put('offlineSince', state.offlineSince);
      }
    }
    status();
  }

  function failedCall(error) {
    if (error instanceof DeviceRevoked) {
      deviceRevoked();
    } else {
      setOffline();
    }
    throw error;
  }

  // ---- the cache ----------------------------------------------------------------------------------------------

  /** The revocation list's verified payload, kept only when its sequence is not lower than the one held. */
  function takeRevocations(body) {
    if (!body || typeof body.jws !== 'string') {
      return Promise.resolve();
    }
    return checkJws(body.jws, state.verifiers).then(function (jws) {
      if (jws.problem || jws.header.typ !== 'revocations+jwt') {
        return;
      }
      var p = jws.payload;
      if (typeof p.seq !== 'number' || typeof p.iat !== 'number' || !Array.isArray(p.revoked)) {
        return;
      }
      if (state.revocations && state.revocations.seq > p.seq) {
        return;
      }
      state.revocations = { seq: p.seq, iat: p.iat, revoked: p.revoked.filter(function (id) { return typeof id === 'string'; }) };
      root.setAttribute('data-revocations-seq', String(p.seq));
      return store.put('revocations', state.revocations);
    });
  }

  function takeData(data) {
    if (!data || !Array.isArray(data.travellers)) {
      return Promise.resolve();
    }
    // scans made offline since the data was made still hold: keep the local positions of queued crossings
    var local = {};
    if (state.data && Array.isArray(state.data.travellers)) {
      state.data.travellers.forEach(function (tr) {
        if (tr.localPosition && tr.localAt > Date.parse(data.generatedAt)) {
          local[tr.passId] = tr;
        }
      });
    }
    data.travellers.forEach(function (tr) {
      if (local[tr.passId]) {
        tr.localPosition = local[tr.passId].localPosition;
        tr.localAt = local[tr.passId].localAt;
      }
    });
    state.data = data;
    root.setAttribute('data-generated-at', String(data.generatedAt));
    return store.putSecret(state.key, 'data', data);
  }

  /** The JWKS, the revocation list and the station data, each verified or left as it was. */
  function refresh() {
    if (state.stopped || state.refreshing) {
      return Promise.resolve();
    }
    state.refreshing = true;
    return call('/.well-known/jwks.json', {}, TIMEOUT_MS).then(json).then(function (jwks) {
      setOnline();
      return importKeys(jwks).then(function (verifiers) {
        if (Object.keys(verifiers).length) {
          state.jwks = jwks;
          state.verifiers = verifiers;
          return store.put('jwks', jwks);
        }
      });
    }).then(function () {
      return call('/api/v1/revocations', {}, DATA_TIMEOUT_MS).then(json).then(takeRevocations);
    }).then(function () {
      return call('/api/v1/station/data', {}, DATA_TIMEOUT_MS).then(json).then(takeData);
    }).then(function () {
      return sync();
    }).catch(function (error) {
      if (error instanceof DeviceRevoked) {
        deviceRevoked();
      } else {
        setOffline();
      }
    }).then(function () {
      state.refreshing = false;
      status();
    });
  }

  function dataTime() {
    if (!state.data || !state.revocations) {
      return null;
    }
    return Math.min(Date.parse(state.data.generatedAt), state.revocations.iat * 1000);
  }

  // ---- the page -----------------------------------------------------------------------------------------------

  function el(id) { return document.getElementById(id); }

  function status() {
    if (state.stopped) {
      el('station-status').textContent = '';
      return;
    }
    var parts = [state.online ? t('station.status.online')
      : t('station.status.offline', [officeTime.format(new Date(state.offlineSince || Date.now()))])];
    parts.push(t('station.status.queued', [state.queued]));
    var since = dataTime();
    parts.push(since == null ? t('station.status.noData')
      : t('station.status.age', [Math.max(0, Math.floor((Date.now() - since) / 60000))]));
    if (state.syncing) {
      parts.push(t('station.status.syncing'));
    }
    var text = parts.join(' · ');
    if (el('station-status').textContent !== text) {
      el('station-status').textContent = text;
    }
    root.setAttribute('data-online', state.online ? 'true' : 'false');
  }

  function countQueue() {
    return store.queueCount().then(function (n) {
      state.queued = n;
      root.setAttribute('data-queued', String(n));
      status();
    });
  }

  /** Shows a message above the station; {@code offline} ones go when the link is back. */
  function message(text, offline) {
    var box = el('station-message');
    box.textContent = text || '';
    box.hidden = !text;
    box.setAttribute('data-offline', offline ? 'true' : 'false');
  }

  function play(kind) {
    var sound = el('sound-' + kind);
    if (sound) {
      sound.currentTime = 0;
      var played = sound.play();
      if (played && played.catch) { played.catch(function () {}); }
    }
  }

  var photoUrl = null;

  /**
   * Shows a decision: {decision, reason, alert, message, holder: {name, nameLatin, photo}, validUntil, offline}.
   */
  function render(answer, direction) {
    var accepted = answer.decision === 'ACCEPTED';
    var alerted = accepted && !!answer.alert;
    var kind = alerted ? 'alerted' : accepted ? 'accepted' : 'rejected';
    var panel = el('scan-result');
    panel.className = 'kc-result ' + kind;
    panel.setAttribute('data-decision', answer.decision);
    panel.setAttribute('data-reason', answer.reason || answer.alert || '');
    panel.setAttribute('data-offline', answer.offline ? 'true' : 'false');
    el('result-offline').hidden = !answer.offline;
    el('result-icon').textContent = alerted ? '!' : accepted ? '\u2713' : '\u2715';
    el('result-verdict').textContent = t(alerted ? 'checkpoint.verdict.ALERTED'
      : accepted ? 'checkpoint.verdict.ACCEPTED.' + direction : 'checkpoint.verdict.REJECTED');
    el('result-message').textContent = answer.message || '';
    var code = answer.reason || answer.alert;
    el('result-code').textContent = code ? '(' + code + ')' : '';
    var alertText = alerted ? (answer.alert === 'NOT_FOUND' ? t('station.offline.unknownTraveller')
      : texts['checkpoint.alert.' + answer.alert]) : null;
    el('result-alert').hidden = !alertText;
    el('result-alert-text').textContent = alertText || '';
    var holder = el('result-holder');
    var photoNow = answer.holder && answer.holder.photo ? answer.holder.photo : null;
    if (photoUrl && photoUrl !== photoNow) {
      URL.revokeObjectURL(photoUrl);
    }
    photoUrl = photoNow && photoNow.indexOf('blob:') === 0 ? photoNow : null;
    if (answer.holder) {
      el('result-name').textContent = answer.holder.name || '';
      el('result-latin').textContent = answer.holder.nameLatin || '';
      var photo = el('result-photo');
      photo.hidden = !answer.holder.photo;
      photo.src = answer.holder.photo || '';
      photo.alt = t('checkpoint.station.photo', [answer.holder.name || '']);
      // validUntil ends the validity exclusively; show its last minute, as the pass does (23:59)
      el('result-valid').textContent = answer.validUntil
        ? officeDateTime.format(new Date(Date.parse(answer.validUntil) - 60000)) : '';
      holder.hidden = false;
    } else {
      holder.hidden = true;
    }
    panel.hidden = false;
    play(alerted ? 'alert' : accepted ? 'accept' : 'refuse');
  }

  function uuid() {
    if (window.crypto.randomUUID) {
      return window.crypto.randomUUID();
    }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) { return ('0' + x.toString(16)).slice(-2); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20);
  }

  function direction() {
    var checked = document.querySelector('input[name="direction"]:checked');
    return checked ? checked.value : 'NORTHBOUND';
  }

  /** Moves a traveller locally after a crossing this station let through; the data is stored again, encrypted. */
  function moved(passId, gate, dir, at) {
    var traveller = travellerOf(passId);
    if (!traveller) {
      return Promise.resolve();
    }
    traveller.localPosition = after(gate, dir);
    traveller.localAt = at;
    return store.putSecret(state.key, 'data', state.data);
  }

  function scanOnline(scan) {
    return call('/api/v1/scans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scanId: scan.scanId, token: scan.token, direction: scan.direction, gate: scan.gate, lane: scan.lane })
    }, TIMEOUT_MS).then(function (response) {
      if (response.status >= 500) {
        throw new Error('HTTP ' + response.status);
      }
      setOnline();
      if (!response.ok) {
        render({ decision: 'REJECTED', message: t('checkpoint.camera.error') }, scan.direction);
        return;
      }
      return response.json().then(function (answer) {
        var holderPhoto = answer.holder && answer.holder.photoUrl
          ? call(answer.holder.photoUrl, { headers: { 'Accept': 'image/jpeg' } }, TIMEOUT_MS).then(function (r) { return r.ok ? r.blob() : null; })
            .then(function (blob) { return blob ? URL.createObjectURL(blob) : null; }, function () { return null; })
          : Promise.resolve(null);
        return holderPhoto.then(function (photo) {
          render({
            decision: answer.decision, reason: answer.reason, alert: answer.alert, message: answer.message,
            holder: answer.holder ? { name: answer.holder.name, nameLatin: answer.holder.nameLatin, photo: photo } : null,
            validUntil: answer.validUntil, offline: false
          }, scan.direction);
          if (answer.decision === 'ACCEPTED') {
            return verify(scan.token).then(function (reading) {
              return reading.problem ? null : moved(reading.passId, scan.gate, scan.direction, Date.now());
            });
          }
        });
      });
    });
  }

  function scanOffline(scan) {
    var since = dataTime();
    if (since == null || !Object.keys(state.verifiers).length) {
      message(t('station.offline.noData'), true);
      return Promise.resolve();
    }
    var maxMs = Number(state.data.maxOfflineSeconds || 43200) * 1000;
    if (Date.now() - since > maxMs) {
      message(t('station.offline.tooOld', [Math.floor((Date.now() - since) / 3600000), Math.floor(maxMs / 3600000)]), true);
      return Promise.resolve();
    }
    var at = Date.parse(scan.scannedAt);
    return verify(scan.token).then(function (reading) {
      var traveller = reading.problem ? null : travellerOf(reading.passId);
      var decision = decide(reading, traveller, scan.gate, scan.direction, at);
      var messageText = decision.decision === 'ACCEPTED'
        ? (decision.alert ? t('checkpoint.alerted') : t('checkpoint.accepted.' + scan.direction))
        : decision.reason === 'NOT_FOUND' ? t('station.offline.unknownTraveller') : t('checkpoint.reason.' + decision.reason);
      render({
        decision: decision.decision, reason: decision.reason, alert: decision.alert, message: messageText,
        holder: traveller ? { name: traveller.nameKorean, nameLatin: traveller.nameLatin, photo: traveller.photo } : null,
        validUntil: traveller ? traveller.validUntil : null, offline: true
      }, scan.direction);
      scan.offlineDecision = decision.decision;
      scan.offlineReason = decision.reason || decision.alert || null;
      var move = decision.decision === 'ACCEPTED' && traveller
        ? moved(reading.passId, scan.gate, scan.direction, at) : Promise.resolve();
      // the holder's name stays on this device (for the sync report: a pass revoked meanwhile leaves the data)
      var entry = { scan: scan, holder: traveller ? traveller.nameKorean + ' (' + traveller.nameLatin + ')' : null };
      return move.then(function () { return store.queueAdd(state.key, entry); }).then(countQueue);
    });
  }

  function scan(token) {
    if (state.stopped || !state.credential) {
      return Promise.resolve();
    }
    message(null);
    var scanned = {
      scanId: uuid(), token: token, direction: direction(), gate: state.credential.gate,
      lane: state.credential.lane, scannedAt: new Date().toISOString()
    };
    var attempt = navigator.onLine ? scanOnline(scanned).catch(failedCall) : Promise.reject(new Error('offline'));
    return attempt.catch(function (error) {
      if (error instanceof DeviceRevoked || state.stopped) {
        return;
      }
      setOffline();
      // the same scanId: if the server did get the online attempt, the batch answers it once
      return scanOffline(scanned);
    });
  }

  // ---- sync ---------------------------------------------------------------------------------------------------

  function holderName(queued) {
    if (queued.holder) {
      return Promise.resolve(queued.holder);
    }
    return verify(queued.scan.token).then(function (reading) {
      var traveller = reading.problem ? null : travellerOf(reading.passId);
      return traveller ? traveller.nameKorean + ' (' + traveller.nameLatin + ')' : (reading.passId || '?');
    });
  }

  /** Uploads the queue in order, in chunks; removes what the server answered; shows the report. */
  function sync() {
    if (state.syncing || state.stopped || !state.key) {
      return Promise.resolve();
    }
    state.syncing = true;
    status();
    var synced = 0;
    var refused = 0;
    var conflicts = [];
    return store.queueAll(state.key).then(function (queued) {
      function next(from) {
        if (from >= queued.length) {
          return Promise.resolve();
        }
        var chunk = queued.slice(from, from + CHUNK);
        return call('/api/v1/scans/batch', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ scans: chunk.map(function (q) { return q.item.scan; }) })
        }, DATA_TIMEOUT_MS).then(json).then(function (answer) {
          var byScanId = {};
          chunk.forEach(function (q) { byScanId[q.item.scan.scanId] = q; });
          var done = [];
          (answer.results || []).forEach(function (result) {
            var q = byScanId[result.scanId];
            if (q && result.error) {
              // answered, but never to be recorded (not a valid scan, or its id taken): sending it again won't help
              done.push(q.seq);
              refused++;
            } else if (q && result.decision) {
              done.push(q.seq);
              synced++;
              if (result.conflict) {
                conflicts.push({ item: q.item.scan, queued: q.item, result: result });
              }
            }
          });
          return store.queueDelete(done);
        }).then(function () { return next(from + CHUNK); });
      }
      return next(0);
    }).catch(function (error) {
      if (error instanceof DeviceRevoked) {
        deviceRevoked();
      } else {
        setOffline();
      }
    }).then(function () {
      state.syncing = false;
      return countQueue();
    }).then(function () {
      if (synced > 0 || refused > 0) {
        return report(synced, refused, conflicts);
      }
    });
  }

  function report(synced, refused, conflicts) {
    return Promise.all(conflicts.map(function (c) { return holderName(c.queued); })).then(function (names) {
      el('sync-summary').textContent = t('station.sync.report', [synced]) + ' ' + t('station.sync.conflicts', [conflicts.length])
        + (refused > 0 ? ' ' + t('station.sync.failed', [refused]) : '');
      el('sync-report').setAttribute('data-synced', String(synced));
      el('sync-report').setAttribute('data-conflicts', String(conflicts.length));
      var list = el('sync-conflicts');
      list.textContent = '';
      conflicts.forEach(function (c, i) {
        var item = document.createElement('li');
        var result = c.result;
        var code = result.reason || result.alert;
        var serverSays = (result.decision === 'ACCEPTED' ? t('checkpoint.verdict.ACCEPTED.' + c.item.direction)
          : t('checkpoint.verdict.REJECTED')) + (code ? ' (' + (texts['checkpoint.reason.short.' + code] || code) + ')' : '');
        item.textContent = t('station.sync.conflict', [names[i], officeTime.format(new Date(c.item.scannedAt)), serverSays]);
        item.setAttribute('data-scan-id', c.item.scanId);
        list.appendChild(item);
      });
      list.hidden = conflicts.length === 0;
      el('sync-report').hidden = false;
    });
  }

  // ---- pairing ------------------------------------------------------------------------------------------------

  function showPaired(paired) {
    el('station-paired').hidden = !paired;
    el('station-unpaired').hidden = paired;
  }

  function stop() {
    state.stopped = true;
    if (state.timer) {
      clearInterval(state.timer);
      state.timer = null;
    }
    stopCamera();
    state.credential = null;
    state.key = null;
    state.data = null;
    state.revocations = null;
    state.verifiers = {};
    status();
    showPaired(false);
    return store.clearAll();
  }

  function deviceRevoked() {
    if (state.stopped) {
      return;
    }
    stop().then(function () { message(t('station.revoked')); });
  }

  function unpair() {
    var question = t('station.unpair.confirm') + (state.queued > 0 ? '\n\n' + t('station.unpair.queued', [state.queued]) : '');
    if (!window.confirm(question)) {
      return;
    }
    stop().then(function () { message(t('station.unpaired')); });
  }

  // ---- the camera (as camera-scan.js) -------------------------------------------------------------------------

  function stopCamera() {
    if (state.camera) {
      state.camera.getTracks().forEach(function (track) { track.stop(); });
      state.camera = null;
      el('camera-box').hidden = true;
      el('camera-toggle').textContent = t('station.camera.start');
    }
  }

  function startCamera() {
    var video = el('camera-video');
    var canvas = el('camera-canvas');
    var context = canvas.getContext('2d', { willReadFrequently: true });
    var lastToken = null;
    var lastAt = 0;
    var busy = false;
    var problem = el('camera-problem');
    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.jsQR) {
      problem.textContent = t('station.camera.unavailable');
      problem.hidden = false;
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (stream) {
      state.camera = stream;
      problem.hidden = true;
      el('camera-box').hidden = false;
      el('camera-toggle').textContent = t('station.camera.stop');
      video.srcObject = stream;
      return video.play();
    }).then(function tick() {
      if (!state.camera) {
        return;
      }
      if (!busy && video.readyState === video.HAVE_ENOUGH_DATA) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var image = context.getImageData(0, 0, canvas.width, canvas.height);
        var code = window.jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
        var now = Date.now();
        if (code && code.data && (code.data.trim() !== lastToken || now - lastAt > 4000)) {
          lastToken = code.data.trim();
          lastAt = now;
          busy = true;
          scan(lastToken).then(function () { busy = false; }, function () { busy = false; });
        }
      }
      setTimeout(tick, 150);
    }).catch(function () {
      problem.textContent = t('station.camera.denied');
      problem.hidden = false;
    });
  }

  // ---- start --------------------------------------------------------------------------------------------------

  function start() {
    return Promise.all([store.get('credential'), store.get('key'), store.get('jwks'), store.get('revocations'),
      store.get('offlineSince')])
      .then(function (found) {
        if (!found[0] || !found[1]) {
          showPaired(false);
          state.stopped = true;
          return;
        }
        state.credential = found[0];
        state.key = found[1];
        state.revocations = found[3] || null;
        state.storedOfflineSince = found[4] || null;
        if (!state.online && found[4]) {
          state.offlineSince = found[4];
          state.storedOfflineSince = null;
        }
        el('station-where').textContent = t('station.gate.lane', [t('checkpoint.gate.' + state.credential.gate),
          state.credential.lane, state.credential.name || '']);
        showPaired(true);
        return Promise.all([
          found[2] ? importKeys(found[2]).then(function (v) { state.jwks = found[2]; state.verifiers = v; }) : null,
          store.getSecret(state.key, 'data').then(function (data) { state.data = data; }, function () { state.data = null; })
        ]).then(countQueue).then(function () {
          root.setAttribute('data-ready', 'true');
          status();
          state.timer = setInterval(function () {
            status();
            refresh();
          }, REFRESH_MS);
          return refresh();
        });
      });
  }

  el('scan-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var field = el('token');
    var token = field.value.trim();
    field.value = '';
    field.focus();
    if (token) {
      scan(token);
    }
  });
  el('unpair').addEventListener('click', unpair);
  el('camera-toggle').addEventListener('click', function () {
    if (state.camera) {
      stopCamera();
    } else {
      startCamera();
    }
  });
  window.addEventListener('online', function () { refresh(); });
  window.addEventListener('offline', setOffline);

  /**
   * Puts this page and the files it loaded (content-hashed scripts, styles, fonts, sounds) into the service
   * worker's cache (same name as in sw.js), so that a reload without the network finds them all.
   */
  function keepShell() {
    if (!window.caches) {
      return Promise.resolve();
    }
    var urls = ['/station/'];
    performance.getEntriesByType('resource').forEach(function (entry) {
      var url = new URL(entry.name);
      if (url.origin === location.origin && /^\/(css|js|krds|vendor|img|audio)\//.test(url.pathname)
          && urls.indexOf(url.pathname) < 0) {
        urls.push(url.pathname);
      }
    });
    return caches.open('kc-station-shell-v1').then(function (cache) { return cache.addAll(urls); })
      .then(function () { root.setAttribute('data-cached', 'true'); }, function () {});
  }

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/station/sw.js', { scope: '/station/' }).catch(function () {});
  }
  window.addEventListener('load', function () {
    (document.fonts ? document.fonts.ready : Promise.resolve()).then(keepShell);
  });

  // for the agreement test: the page's own reading of a token against a given JWK Set
  window.KcStation = { verify: verify, decide: decide, refresh: refresh, sync: sync };

  start().then(function () { el('token') && el('token').focus(); });
})();
