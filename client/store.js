// What the browser remembers per session: the facilitator secret, the participant token, the role
// last used. localStorage, so a reload (or reopening the link) is the same person.

const P = 'samenspel.';

function get(key) {
  try { return localStorage.getItem(P + key); } catch { return null; }
}

function set(key, value) {
  try {
    if (value === null || value === undefined) localStorage.removeItem(P + key);
    else localStorage.setItem(P + key, value);
  } catch { /* private mode: works for this page only */ }
}

export const store = {
  /** What is kept under `key` (client/credentials.js reads the credentials through this). */
  raw(key) { return get(key); },

  facilitator(session) { return get(`fac.${session}`); },
  setFacilitator(session, secret) { set(`fac.${session}`, secret); },
  forgetFacilitator(session) { set(`fac.${session}`, null); },

  /** {participant, token, name, group} or null */
  participant(session) {
    const raw = get(`part.${session}`);
    if (!raw) return null;
    try {
      const v = JSON.parse(raw);
      return v && typeof v.token === 'string' ? v : null;
    } catch { return null; }
  },
  setParticipant(session, value) { set(`part.${session}`, JSON.stringify(value)); },
  forgetParticipant(session) { set(`part.${session}`, null); },

  /** 'facilitator' | 'participant': which identity to use when this browser holds both. */
  role(session) { return get(`role.${session}`); },
  setRole(session, role) { set(`role.${session}`, role); },

  /** The join code of a session this browser facilitates (for the share panel). */
  code(session) { return get(`code.${session}`); },
  setCode(session, code) { set(`code.${session}`, code); },

  /** The language this browser chose ('nl', 'en'), or null (Dutch). client/i18n.js. */
  lang() { return get('lang'); },
  setLang(code) { set('lang', code); },
};
