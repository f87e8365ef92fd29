import re
from dataclasses import dataclass, field

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


@dataclass
class Journey:
    page: object
    base_url: str
    steps: list = field(default_factory=list)
    checked: list = field(default_factory=list)

    def __post_init__(self):
        self.page.set_default_timeout(10_000)

    def go(self, path: str):
        self.page.goto(self.base_url + path)
        return self.page

    def snap(self, name: str) -> None:
        """Keep a screenshot of this step (written to test-results/ if the journey fails)."""
        self.steps.append({"name": re.sub(r"\W+", "-", name), "png": self.page.screenshot(full_page=True)})

    def check_a11y(self, name: str = "") -> None:
        """Run axe-core on the current page: any WCAG 2.2 A/AA violation fails the journey."""
        self.snap(name or self.page.url)
        results = _axe.run(self.page, options=WCAG_AA)
        self.checked.append(self.page.url)
        if results.violations_count:
            details = []
            for violation in results.response["violations"]:
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                details.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {targets}")
            raise AssertionError(f"Accessibility violations on {self.page.url}:\n" + "\n".join(details))
