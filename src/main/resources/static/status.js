// The customer's status page. Everything shown comes from the API and is set as text (textContent),
// never as HTML, so whatever a complaint contains is shown as the characters it is.
'use strict';

// Dates and times come as text from the server, in Rootfix's convention and zone (rootfix.locale): never the
// browser's zone, so a promise for 17:00 in Amsterdam reads 17:00 on a computer set to UTC.

const PROMISE_TYPES = {
  ANSWER: 'An answer',
  CALLBACK: 'A call back',
  DELIVERY: 'A delivery',
  REFUND: 'A refund',
  OTHER: 'A promise'
};

// What the complaint waits for from the customer (customerAction), as the button says it.
const ACTIONS = {
  ANSWER: 'Answer our question',
  CONFIRM: 'Tell us if it is solved',
  EFFORT: 'Rate the effort'
};

// The lookup's tracking number and contact: asking for the link proves the contact the same way.
let lookedUp = null;

function byId(id) {
  return document.getElementById(id);
}

function show(element, visible) {
  element.hidden = !visible;
}

function text(element, value) {
  element.textContent = value == null ? '' : String(value);
}

function listItem(parts) {
  const item = document.createElement('li');
  parts.forEach((part, index) => {
    const span = document.createElement(index === 0 ? 'strong' : 'span');
    span.textContent = (index === 0 ? '' : ' ') + part;
    item.appendChild(span);
  });
  return item;
}

function fill(list, emptyNote, items) {
  list.replaceChildren(...items);
  show(emptyNote, items.length === 0);
}

function render(status) {
  text(byId('shownTrackingNumber'), status.trackingNumber);
  text(byId('stateText'), status.stateText);
  text(byId('receivedAt'), status.receivedAtText);
  // Once the answer went out (or the complaint closed) there is no answer to wait for any more.
  const answered = status.state === 'REPORTED' || status.state === 'CLOSED';
  show(byId('agreedAnswerDateLabel'), !answered);
  show(byId('agreedAnswerDate'), !answered);
  text(byId('agreedAnswerDate'), status.agreedAnswerDateText || 'to be agreed with you');
  const closed = Boolean(status.closedAt);
  show(byId('closedAtLabel'), closed);
  show(byId('closedAt'), closed);
  text(byId('closedAt'), closed ? status.closedAtText : '');
  if (closed) {
    text(byId('stateText'), status.stateText + ' We closed it on ' + status.closedAtText + '.');
  }
  byId('stateText').classList.toggle('closed', closed);
  fill(byId('promises'), byId('noPromises'), (status.openPromises || []).map(promise => listItem([
    (PROMISE_TYPES[promise.type] || PROMISE_TYPES.OTHER) + ':',
    promise.text,
    promise.windowFromText
      ? '(between ' + promise.windowFromText + ' and ' + promise.dueText + ')'
      : '(by ' + promise.dueText + ')'
  ])));
  // Sent, with when; a message still on its way (an e-mail in our outbox, a call or letter to come) says so.
  fill(byId('messages'), byId('noMessages'), (status.messages || []).map(message => {
    const item = listItem([
      message.sentAt ? message.sentAtText : 'On its way to you:',
      message.subject
    ]);
    item.classList.toggle('pending', !message.sentAt);
    return item;
  }));
  const action = ACTIONS[status.customerAction];
  show(byId('action'), Boolean(action));
  text(byId('sendLink'), action || '');
  byId('sendLink').disabled = false;
  show(byId('linkSent'), false);
  show(byId('actionNote'), true);
  show(byId('status'), true);
}

async function sendLink() {
  problem('');
  byId('sendLink').disabled = true;
  let response;
  try {
    response = await fetch('/api/status/' + encodeURIComponent(lookedUp.trackingNumber) + '/link', {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ contact: lookedUp.contact })
    });
  } catch (e) {
    byId('sendLink').disabled = false;
    problem('We cannot be reached right now. Please try again in a moment.');
    return;
  }
  if (response.ok) {
    // The server's words: they never name the address, so the page cannot either.
    text(byId('linkSent'), (await response.json()).text);
    show(byId('actionNote'), false);
    show(byId('linkSent'), true);
    return;
  }
  byId('sendLink').disabled = false;
  if (response.status === 409) {
    problem('There is nothing for you to do on this complaint at the moment. Please look it up again.');
  } else if (response.status === 429) {
    const wait = response.headers.get('Retry-After');
    problem('Too many requests from your address. Please try again' + (wait ? ' in ' + wait + ' seconds.' : ' later.'));
  } else {
    problem('Something went wrong on our side. Please try again later.');
  }
}

function problem(message) {
  text(byId('problem'), message);
  show(byId('problem'), Boolean(message));
}

async function lookUp(trackingNumber, contact) {
  problem('');
  show(byId('status'), false);
  const url = '/api/status/' + encodeURIComponent(trackingNumber.trim()) + '?contact=' + encodeURIComponent(contact.trim());
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    problem('We cannot be reached right now. Please try again in a moment.');
    return;
  }
  if (response.ok) {
    lookedUp = { trackingNumber: trackingNumber.trim(), contact: contact.trim() };
    render(await response.json());
  } else if (response.status === 404) {
    problem('We found no complaint with this tracking number and this e-mail address or phone number. '
      + 'Please check both; use the ones you gave us.');
  } else if (response.status === 429) {
    const wait = response.headers.get('Retry-After');
    problem('Too many look-ups from your address. Please try again' + (wait ? ' in ' + wait + ' seconds.' : ' later.'));
  } else {
    problem('Something went wrong on our side. Please try again later.');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const form = byId('lookup');
  // A link from one of our messages may carry the tracking number: /status?trackingNumber=RF-…
  const given = new URLSearchParams(window.location.search).get('trackingNumber');
  if (given) {
    byId('trackingNumber').value = given;
  }
  form.addEventListener('submit', event => {
    event.preventDefault();
    lookUp(byId('trackingNumber').value, byId('contact').value);
  });
  byId('sendLink').addEventListener('click', sendLink);
});
