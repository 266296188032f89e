// The network page's words, Dutch first (kept beside the page so the shared i18n files stay as they are).

import { getLang } from '../i18n.js';

const NL = {
  kicker: 'Leernetwerk',
  startTitle: 'Leernetwerk starten',
  startLead: 'Een leernetwerk draagt mee wat de ene sessie besluit naar de volgende: ambitie, doelen, agenda’s, stakeholders, acties en de pijlers door de tijd.',
  name: 'Naam', theme: 'Thema', start: 'Leernetwerk starten',
  linksTitle: 'Bewaar deze links', ownLink: 'Jouw link (facilitator)', coLink: 'Link voor een co-facilitator',
  linksHint: 'Wie de link heeft, kan het netwerk zien en bewerken. De co-facilitator kan het niet verwijderen.',
  copy: 'Kopiëren', copied: 'Gekopieerd',
  ambition: 'Ambitie', goals: 'Doelen', goal: 'Doel {n}', noAmbition: 'Nog geen ambitie bevestigd.',
  versions: 'Eerdere versies', fromSession: 'uit {title}',
  journey: 'De reis', noSessions: 'Nog geen sessies.', confirmedN: '{n} bijdragen bevestigd', notConfirmed: 'nog niet bevestigd',
  openSummary: 'Samenvatting', closed: 'gesloten', open: 'loopt',
  newSession: 'Nieuwe sessie', boardSamenspel: 'Samenspel', boardStakeholders: 'Stakeholderkaart', boardActions: 'Open acties eerst',
  sessionTitle: 'Titel van de sessie', startSession: 'Sessie starten', openBoard: 'Naar het bord',
  agendas: 'Agenda’s', verander: 'Veranderagenda', opleidings: 'Opleidingsagenda', onderzoeks: 'Onderzoeksagenda', empty: '—',
  actions: 'Acties', noActions: 'Geen open acties.', owner: 'Wie', status: 'Status',
  st_open: 'open', st_bezig: 'bezig', st_klaar: 'klaar', st_vervallen: 'vervallen',
  doneActions: 'Afgeronde en vervallen acties: {n}',
  stakeholders: 'Stakeholders', belangen: 'Belangen', behoeften: 'Behoeften',
  pillars: 'Pijlers door de tijd', pillarsLead: 'Aandeel van de stickers per groep op “heeft nu aandacht nodig”, sessie na sessie.',
  noReadings: 'Nog geen metingen.', radar: 'Radar (medianen) door de tijd',
  contribute: 'Bijdrage van {title}', contributeLead: 'Dit zou de sessie aan het netwerk toevoegen. Niets gaat zonder jouw bevestiging.',
  confirmAll: 'Alles bevestigen', confirmSel: 'Geselecteerde bevestigen', confirmedOk: '{n} toegevoegd aan het netwerk',
  it_ambition: 'Nieuwe ambitie', it_goal: 'Doel {n}', it_agenda: 'Agendapunt', it_action: 'Actie', it_stakeholder: 'Stakeholder',
  it_reading: 'Meting', it_outcome: 'Uitkomst', it_role: 'Rol', it_action_status: 'Actie bijgewerkt', already: 'al in het netwerk',
  exportJson: 'Export JSON', exportCsv: 'Export CSV', print: 'Afdrukken (A4)',
  del: 'Netwerk verwijderen', delConfirm: 'Het netwerk “{name}” en alles wat erin bevestigd is nu verwijderen? De sessies zelf blijven tot hun eigen vervaldatum.',
  deleted: 'Het netwerk is verwijderd.',
  expires: 'Wordt automatisch gewist op {date} (12 maanden na de laatste wijziging).',
  noNetwork: 'Dit leernetwerk bestaat niet (meer), of de link klopt niet.',
  live: 'live', reconnecting: 'opnieuw verbinden…', report: 'Verslag van de reis',
};

const EN = {
  kicker: 'Learning network',
  startTitle: 'Start a learning network',
  startLead: 'A learning network carries what one session decides into the next: ambition, goals, agendas, stakeholders, actions and the pillars over time.',
  name: 'Name', theme: 'Theme', start: 'Start the learning network',
  linksTitle: 'Keep these links', ownLink: 'Your link (facilitator)', coLink: 'Link for a co-facilitator',
  linksHint: 'Whoever has a link can see and edit the network. The co-facilitator cannot delete it.',
  copy: 'Copy', copied: 'Copied',
  ambition: 'Ambition', goals: 'Goals', goal: 'Goal {n}', noAmbition: 'No ambition confirmed yet.',
  versions: 'Earlier versions', fromSession: 'from {title}',
  journey: 'The journey', noSessions: 'No sessions yet.', confirmedN: '{n} contributions confirmed', notConfirmed: 'not confirmed yet',
  openSummary: 'Summary', closed: 'closed', open: 'running',
  newSession: 'New session', boardSamenspel: 'Samenspel', boardStakeholders: 'Stakeholder map', boardActions: 'Open actions first',
  sessionTitle: 'Session title', startSession: 'Start session', openBoard: 'Open the board',
  agendas: 'Agendas', verander: 'Change agenda', opleidings: 'Training agenda', onderzoeks: 'Research agenda', empty: '—',
  actions: 'Actions', noActions: 'No open actions.', owner: 'Who', status: 'Status',
  st_open: 'open', st_bezig: 'in progress', st_klaar: 'done', st_vervallen: 'dropped',
  doneActions: 'Done and dropped actions: {n}',
  stakeholders: 'Stakeholders', belangen: 'Interests', behoeften: 'Needs',
  pillars: 'Pillars over time', pillarsLead: 'Each group’s share of dots on “needs attention now”, session by session.',
  noReadings: 'No readings yet.', radar: 'Radar (medians) over time',
  contribute: 'Contribution of {title}', contributeLead: 'This is what the session would add to the network. Nothing goes in without your confirmation.',
  confirmAll: 'Confirm all', confirmSel: 'Confirm selected', confirmedOk: '{n} added to the network',
  it_ambition: 'New ambition', it_goal: 'Goal {n}', it_agenda: 'Agenda item', it_action: 'Action', it_stakeholder: 'Stakeholder',
  it_reading: 'Reading', it_outcome: 'Outcome', it_role: 'Role', it_action_status: 'Action updated', already: 'already in the network',
  exportJson: 'Export JSON', exportCsv: 'Export CSV', print: 'Print (A4)',
  del: 'Delete network', delConfirm: 'Delete the network “{name}” and everything confirmed into it now? The sessions themselves stay until their own expiry.',
  deleted: 'The network has been deleted.',
  expires: 'Erased automatically on {date} (12 months after the last change).',
  noNetwork: 'This learning network does not exist (any more), or the link is wrong.',
  live: 'live', reconnecting: 'reconnecting…', report: 'Report of the journey',
};

export function nt(key, vars = {}) {
  const s = (getLang() === 'en' ? EN : NL)[key] ?? NL[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}
