// How card 4's names on roles (boards/kinds/roles.py) fold into the session view. No DOM here.

export const fold = {
  role_person_saved(state, ev) {
    const roles = state.boards?.[ev.board]?.roles;
    if (roles && ev.person) (roles[ev.section] || (roles[ev.section] = {}))[ev.person.id] = ev.person;
    return { kind: 'roles', board: ev.board, section: ev.section };
  },
  role_person_removed(state, ev) {
    const people = state.boards?.[ev.board]?.roles?.[ev.section];
    if (people) delete people[ev.person];
    return { kind: 'roles', board: ev.board, section: ev.section };
  },
};
