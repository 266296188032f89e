"""axe-core (vendored, tests/browser/vendor/axe.min.js) run in a page: what it finds, by impact."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Page

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
BLOCKING = ("critical", "serious")


async def violations(page: Page, impacts: tuple[str, ...] = BLOCKING) -> list[dict]:
    """axe's violations of the given impacts on the page as it is now, each with the offending nodes.

    The script is evaluated through the devtools protocol, so a Content-Security-Policy that forbids
    inline scripts does not stop it (it never becomes part of the page's own code).
    """
    await page.evaluate("document.fonts.ready")
    # Judge the settled page: a pulse or flash caught mid-frame has colours nobody reads. Finite
    # animations are awaited (they end within seconds); endless ones (a spinner) are left alone.
    await page.evaluate("""() => Promise.all(document.getAnimations()
        .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => null)))""")
    if not await page.evaluate("typeof window.axe !== 'undefined'"):
        await page.evaluate(AXE)
    found = await page.evaluate("""async () => {
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary,
                                         html: n.html.slice(0, 160) })),
        }));
    }""")
    return [v for v in found if v["impact"] in impacts]


def report(found: list[dict], limit: int = 8) -> str:
    """Readable, for an assertion message."""
    lines = []
    for v in found:
        lines.append(f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} nodes)")
        for node in v["nodes"][:limit]:
            lines.append(f"    {node['target']}: {node['summary'].splitlines()[-1] if node['summary'] else ''}")
    return "\n".join(lines)
