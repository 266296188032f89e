// How a learning network's actions under review fold into the session view
// (boards/kinds/review.py). No DOM here.

export const fold = {
  review_seeded(state, ev) {
    const reviews = state.boards?.[ev.board]?.reviews;
    if (reviews) reviews[ev.section] = ev.items.map((i) => ({ ...i }));
    return { kind: 'reviews', board: ev.board, section: ev.section };
  },
  review_marked(state, ev) {
    const item = (state.boards?.[ev.board]?.reviews?.[ev.section] || []).find((i) => i.id === ev.item);
    if (item) item.mark = ev.mark;
    return { kind: 'reviews', board: ev.board, section: ev.section };
  },
};
