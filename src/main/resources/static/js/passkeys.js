// Passkeys (WebAuthn) on the sign-in, second-factor, enrolment and "My passkeys" pages. The page names what to do
// on its [data-passkey] element: "sign-in" (sign in, or give the second factor, with a passkey; then the page's
// form, if it names one, goes on), "register" (make
// a passkey with the label typed in), "enrol" (make one, then sign in with it once: the second factor counts only
// after a real passkey sign-in, and the page's form then asks for the recovery codes). The CSRF header is named on
// the element, its token taken from the page's forms; messages shown come from the page (data-msg-*), in its
// language.
(function () {
  'use strict';
  var box = document.querySelector('[data-passkey]');
  if (!box) {
    return;
  }
  var action = box.getAttribute('data-passkey');
  var button = box.querySelector('.passkey-start');
  var status = box.querySelector('.passkey-status');
  var context = box.getAttribute('data-context') || '';
  var headers = {'Content-Type': 'application/json'};
  var token = document.querySelector('input[name="' + box.getAttribute('data-csrf-parameter') + '"]');
  headers[box.getAttribute('data-csrf-header')] = token ? token.value : '';

  if (!window.PublicKeyCredential || !navigator.credentials) {
    show('data-msg-unsupported', true);
    button.disabled = true;
    return;
  }

  function show(attribute, problem) {
    status.textContent = box.getAttribute(attribute);
    status.className = 'passkey-status krds-alert ' + (problem ? 'danger' : 'info');
    status.hidden = false;
  }

  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function decode(base64url) {
    var text = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  // A refused step (e.g. a staff member whose second factor is too old) answers with a page, not JSON: go there.
  function post(path, body) {
    return fetch(context + path, {method: 'POST', headers: headers, credentials: 'same-origin',
      body: body ? JSON.stringify(body) : undefined}).then(function (response) {
      if (response.redirected) {
        window.location.href = response.url;
        throw new Error('redirected');
      }
      if (response.status === 400) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          throw new Error(answer.problem === 'label' ? 'label' : 'HTTP 400');
        });
      }
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function signIn() {
    return post('/webauthn/authenticate/options').then(function (options) {
      options.challenge = decode(options.challenge);
      options.allowCredentials = (options.allowCredentials || []).map(function (c) {
        return Object.assign({}, c, {id: decode(c.id)});
      });
      return navigator.credentials.get({publicKey: options});
    }).then(function (credential) {
      var response = credential.response;
      return post('/login/webauthn', {
        id: credential.id,
        rawId: encode(credential.rawId),
        response: {
          authenticatorData: encode(response.authenticatorData),
          clientDataJSON: encode(response.clientDataJSON),
          signature: encode(response.signature),
          userHandle: response.userHandle ? encode(response.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
    });
  }

  function register(label) {
    return post('/webauthn/register/options').then(function (options) {
      options.challenge = decode(options.challenge);
      options.user = Object.assign({}, options.user, {id: decode(options.user.id)});
      options.excludeCredentials = (options.excludeCredentials || []).map(function (c) {
        return Object.assign({}, c, {id: decode(c.id)});
      });
      return navigator.credentials.create({publicKey: options});
    }).then(function (credential) {
      var response = credential.response;
      return post('/webauthn/register', {publicKey: {label: label, credential: {
        id: credential.id,
        rawId: encode(credential.rawId),
        response: {
          attestationObject: encode(response.attestationObject),
          clientDataJSON: encode(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        },
        type: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      }}});
    });
  }

  function failed(error) {
    button.disabled = false;
    if (error && error.message === 'redirected') {
      return;
    }
    if (error && error.message === 'label') {
      show('data-msg-label', true);
      return;
    }
    show('data-msg-failed', true);
  }

  button.addEventListener('click', function () {
    var labelField = box.querySelector('.passkey-label');
    var label = labelField ? labelField.value.trim() : '';
    if (labelField && !label) {
      show('data-msg-label', true);
      labelField.focus();
      return;
    }
    button.disabled = true;
    show('data-msg-working', false);
    if (action === 'sign-in') {
      signIn().then(function (answer) {
        var form = box.getAttribute('data-form');
        if (form) {
          document.getElementById(form).submit();
        } else {
          window.location.href = answer.redirectUrl;
        }
      }).catch(failed);
    } else if (action === 'register') {
      register(label).then(function () {
        window.location.href = box.getAttribute('data-done');
      }).catch(failed);
    } else if (action === 'enrol') {
      register(label).then(signIn).then(function () {
        document.getElementById(box.getAttribute('data-form')).submit();
      }).catch(failed);
    }
  });
})();
