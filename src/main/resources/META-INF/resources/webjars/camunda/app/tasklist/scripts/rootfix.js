// Rootfix's additions to Camunda Tasklist, loaded through config.js `customScripts` (docs/agent-forms.md).
// A plain module that watches the page; it registers no Tasklist plugin.
//
// 1. Dates: Camunda Forms (form-js in the 7.24 webjar) has no setting for its date picker's format: it takes the
//    browser language's format from `new Intl.DateTimeFormat('default')` (mm/dd/yyyy in an English browser).
//    That one call answers with Rootfix's convention (GET /api/locale, dd-MM-yyyy by default), so every picker
//    shows and reads 10-12-2026. What a form submits stays an ISO date; the server's checks are unchanged.
// 2. The footer's "local timezone: UTC" is replaced by the zone Rootfix's dates are in (Europe/Amsterdam).
// 3. After the phone-intake start form, a lasting notice names the new complaint's tracking number, and its
//    Agree expectation opens, claimed by the agent when it is still free (GET /api/complaints/started/{id}).

const ENGINE_API = '/camunda/api/engine/engine/default';
let convention = { datePattern: 'dd-MM-yyyy', zone: 'Europe/Amsterdam', language: 'nl' };

// --- 1. the date pickers ------------------------------------------------------------------------------

const NativeDateTimeFormat = Intl.DateTimeFormat;

/** The parts form-js reads the format from, in the configured pattern (day, month, year and separators). */
function conventionParts(date) {
  const parts = [];
  for (const token of convention.datePattern.match(/d+|M+|y+|[^dMy]+/g)) {
    const value = token[0] === 'd' ? date.getDate() : token[0] === 'M' ? date.getMonth() + 1
      : token[0] === 'y' ? date.getFullYear() : null;
    if (value === null) {
      parts.push({ type: 'literal', value: token });
    } else {
      const text = token[0] === 'y' && token.length === 2 ? String(value).slice(-2)
        : String(value).padStart(token.length, '0');
      parts.push({ type: { d: 'day', M: 'month', y: 'year' }[token[0]], value: text });
    }
  }
  return parts;
}

function RootfixDateTimeFormat(locales, options) {
  const native = new NativeDateTimeFormat(locales, options);
  // Only form-js's own question ("the browser's default format, no options"); every other use is untouched.
  if (locales !== 'default' || options !== undefined) {
    return native;
  }
  return {
    formatToParts: date => conventionParts(date instanceof Date ? date : new Date(date ?? Date.now())),
    format: date => conventionParts(date instanceof Date ? date : new Date(date ?? Date.now()))
      .map(part => part.value).join(''),
    resolvedOptions: () => native.resolvedOptions(),
  };
}
RootfixDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
RootfixDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = RootfixDateTimeFormat;

// --- 2. the footer's time zone ------------------------------------------------------------------------

function footerText() {
  const browserZone = new NativeDateTimeFormat().resolvedOptions().timeZone;
  const text = `Rootfix's dates: ${convention.datePattern}, times in ${convention.zone}.`;
  // Tasklist's own task dates (created, due) follow this computer's clock; say so when that differs.
  return browserZone === convention.zone ? text
    : `${text} Tasklist's task times follow this computer's zone (${browserZone}).`;
}

function fixFooter() {
  const footer = document.getElementById('footer-timezone');
  if (footer && footer.dataset.rootfix !== footerText()) {
    footer.textContent = footerText();
    footer.dataset.rootfix = footer.textContent;
  }
}

// --- 3. after the phone-intake start form -------------------------------------------------------------

function notice(html) {
  let box = document.getElementById('rootfix-started');
  if (!box) {
    box = document.createElement('div');
    box.id = 'rootfix-started';
    box.setAttribute('role', 'status');
    document.body.appendChild(box);
  }
  box.replaceChildren();
  const text = document.createElement('p');
  for (const [strong, part] of html) {
    const span = document.createElement(strong ? 'strong' : 'span');
    span.textContent = part;
    text.appendChild(span);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'btn btn-default btn-xs';
  close.textContent = 'Close';
  close.addEventListener('click', () => box.remove());
  box.append(text, close);
}

let csrfToken = null;

async function engine(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrfToken) headers['X-XSRF-TOKEN'] = csrfToken;
  return fetch(ENGINE_API + path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
}

async function currentUser() {
  const response = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' });
  return response.ok ? (await response.json()).userId : null;
}

async function started(processInstanceId) {
  const response = await fetch(`/api/complaints/started/${encodeURIComponent(processInstanceId)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) return; // not a complaint, or not the caller's: nothing to say
  const complaint = await response.json();
  if (complaint.repeatContact) {
    notice([[false, 'This call was about the customer\'s open complaint '], [true, complaint.trackingNumber],
      [false, ': it was added to it, no new complaint was opened. Give the customer that tracking number.']]);
    return;
  }
  notice([[false, 'Complaint registered. Tell the customer the tracking number: '], [true, complaint.trackingNumber],
    [false, complaint.taskId ? `. Next: ${complaint.taskName}, opened below.` : '.']]);
  if (!complaint.taskId) return;
  const task = await (await engine('GET', `/task/${complaint.taskId}`)).json().catch(() => null);
  const user = await currentUser();
  if (task && !task.assignee && user) {
    // Agents may claim a free task for themselves; if someone else was quicker, the task opens unclaimed.
    await engine('POST', `/task/${complaint.taskId}/claim`, { userId: user });
  }
  window.location.hash = `#/?task=${encodeURIComponent(complaint.taskId)}`;
}

// Tasklist answers the start form's POST …/process-definition/{id}/submit-form with the new process instance.
const open = XMLHttpRequest.prototype.open;
const setRequestHeader = XMLHttpRequest.prototype.setRequestHeader;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.rootfixStart = method === 'POST' && /\/process-definition\/[^/]+\/submit-form$/.test(String(url));
  if (this.rootfixStart) {
    this.addEventListener('load', () => {
      if (this.status !== 200) return;
      try {
        started(JSON.parse(this.responseText).id);
      } catch (e) {
        console.error('Rootfix: cannot read the started process', e);
      }
    });
  }
  return open.call(this, method, url, ...rest);
};
// Tasklist's own requests carry the webapps' CSRF token; the claim above sends the same.
XMLHttpRequest.prototype.setRequestHeader = function (name, value) {
  if (name.toLowerCase() === 'x-xsrf-token') csrfToken = value;
  return setRequestHeader.call(this, name, value);
};

fetch('/api/locale', { credentials: 'same-origin' })
  .then(response => (response.ok ? response.json() : null))
  .then(loaded => { if (loaded) convention = loaded; fixFooter(); })
  .catch(() => { /* the defaults above hold */ });
new MutationObserver(fixFooter).observe(document.documentElement, { childList: true, subtree: true });
