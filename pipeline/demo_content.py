"""The words of the demo pipeline: public notes, scorecards and two pilots (used by
``pipeline.demo``)."""

import datetime

# Public notes for each step of the demo ideas' timelines, by idea title.
NOTES = {
    "Air quality sensors at schools": [
        ("under_review", "The Environment Agency's air team is reviewing this with the schools' facilities staff."),
        (
            "shortlisted",
            "Shortlisted: the air team will price sensors for all 34 schools and check mounting points by March.",
        ),
    ],
    "Electric delivery bikes for the old town": [
        ("under_review", "Under review with the old-town traders' association."),
        ("shortlisted", "Shortlisted: 40 shops said they would use a shared loading point at Bridge Gate."),
        ("selected", "Selected: the city will plan a six-month trial with two cargo-bike firms once review ends."),
    ],
    "Heat pump advice clinics": [
        ("under_review", "The climate team is checking how this fits the national heat pump grant."),
    ],
    "Green walls on the ring road": [
        ("under_review", "Reviewed with the regional roads authority."),
        (
            "not_pursued",
            "Not pursued: the ring road belongs to the regional authority, which is planting hedges along the "
            "noise barriers this winter. We passed on your idea for the remaining stretch.",
        ),
    ],
    "Lights that dim when streets are empty": [
        ("under_review", "Public Works is checking which streets already have lamps that can dim."),
        ("shortlisted", "Shortlisted: Elm Street and the Southfield estate have lamps that can take sensors."),
        ("selected", "Selected for a pilot on Elm Street, with a survey of how safe people feel before and after."),
    ],
    "Warmer light colour in residential streets": [
        ("under_review", "Reviewed together with the dimming idea."),
        (
            "not_pursued",
            "Not pursued as a separate project: every lamp replaced from next year will be warm white (3000 K) "
            "anyway, under the city's new lighting standard.",
        ),
    ],
    "Light the river path": [
        ("under_review", "Reviewed with Parks and the river authority."),
        ("shortlisted", "Shortlisted: low bollard lights would not disturb the bats, the ecologist says."),
        ("selected", "Selected: a pilot on the 800 metres between the station and Mill Bridge."),
    ],
    "Report a broken street light by text": [
        ("under_review", "Reviewed with the customer service team."),
        (
            "not_pursued",
            "Not pursued: the new city app already lets you report a faulty lamp with its number, and texts "
            "would cost more to handle. We added the lamp numbers you asked for.",
        ),
    ],
}

EVALUATORS = [
    ("evaluator@greenlight.test", "Eva Luator"),
    ("evaluator2@greenlight.test", "Dr Amal Haddad (air quality)"),
    ("evaluator3@greenlight.test", "Joss Park (schools estate)"),
]

# idea title: [(evaluator email, {criterion name: score}, comment)]
SCORECARDS = {
    "Air quality sensors at schools": [
        (
            "evaluator2@greenlight.test",
            {"Impact": 5, "Cost": 4, "Feasibility": 4, "Novelty": 3},
            "Cheap sensors are good enough to show trends; parents will use the data.",
        ),
        (
            "evaluator3@greenlight.test",
            {"Impact": 2, "Cost": 3, "Feasibility": 4, "Novelty": 2},
            "Useful, but the readings will not change anything unless traffic rules follow.",
        ),
    ],
    "Electric delivery bikes for the old town": [
        ("evaluator@greenlight.test", {"Impact": 4, "Cost": 3, "Feasibility": 4, "Novelty": 4}, "Traders are keen."),
        ("evaluator2@greenlight.test", {"Impact": 4, "Cost": 3, "Feasibility": 3, "Novelty": 4}, ""),
        ("evaluator3@greenlight.test", {"Impact": 5, "Cost": 2, "Feasibility": 4, "Novelty": 3}, "Check winter use."),
    ],
}

MERGED_PAIR = {
    "challenge": "better-streets",
    "target": "Countdown timers at school crossings",
    "duplicate": (
        "Timers at the Mill Lane school crossing",
        "Children never know whether there is time to cross at Mill Lane; a countdown would help.",
        "<p>The lights at Mill Lane change so fast that children run. A countdown display would show them "
        "whether to wait.</p>",
    ),
}

REJECTED = (
    "open-call-2027",
    "Buy my company's parking app",
    "Our app solves parking for good; the city should buy a licence for every resident.",
    "This is an advertisement for a product rather than an idea for the city, so it cannot be published.",
)

TODAY = datetime.date.today()


def days(offset: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=offset)


RUNNING_PILOT = {
    "idea": "Lights that dim when streets are empty",
    "title": "Dimming street lights on Elm Street",
    "slug": "dimming-street-lights-elm-street",
    "department": "Public Works",
    "sponsor": "Mayor's Office",
    "summary": "Forty lamps on Elm Street dim to 30% when nobody is around and brighten as someone approaches.",
    "how": "Each lamp has a motion sensor and talks to its neighbours, so the light runs ahead of a walker or "
    "cyclist. The lamps report their energy use every night, and residents along the street answer a short "
    "survey on how safe they feel.",
    "success_criteria": "Energy use down by at least a third, and at least as many residents feeling safe at night.",
    "starts_on": days(-75),
    "ends_on": days(45),
    "budget_planned": 48000,
    "budget_spent": 19500,
    "status": "running",
    "kpis": [
        {
            "name": "Energy used by Elm Street's lamps",
            "unit": "kWh a night",
            "baseline": 410,
            "target": 250,
            "measurements": [(-60, 352), (-40, 301), (-15, 287)],
        },
        {
            "name": "Residents who feel safe walking at night",
            "unit": "%",
            "baseline": 58,
            "target": 70,
            "measurements": [(-70, 61), (-10, 66)],
        },
    ],
    "milestones": [
        ("Sensors fitted to 40 lamps", -78, -74),
        ("First residents' survey", -70, -70),
        ("Second residents' survey", 10, None),
        ("Decision on other streets", 50, None),
    ],
    "updates": [
        (
            -73,
            "The lamps are live",
            "All 40 lamps on Elm Street now dim when the street is empty. Tell us what you notice.",
        ),
        (
            -14,
            "Energy use down by 30%",
            "In the third month the lamps used 287 kWh a night, down from 410 before the pilot.",
        ),
    ],
}

FINISHED_PILOT = {
    "idea": "Light the river path",
    "title": "Low lights on the river path",
    "slug": "low-lights-river-path",
    "department": "Parks and Recreation",
    "sponsor": "Public Works",
    "summary": "Knee-high lights along 800 metres of the river path between the station and Mill Bridge.",
    "how": "The lights shine down onto the path only, in a warm amber that bats tolerate. Counters at both ends "
    "of the path record walkers and cyclists after dark, and the city's ecologist checks the bat roosts monthly.",
    "success_criteria": "More people use the path after dark, with no harm to the bats along the river.",
    "starts_on": days(-50),
    "ends_on": days(-4),
    "budget_planned": 62000,
    "budget_spent": 58700,
    "status": "scaled_up",
    "decision": "Scaled up: the remaining 2.4 km of the river path will get the same lights next spring.",
    "lessons": "Warm, low lights kept the bats feeding; people asked for benches near the lights, which we will add.",
    "kpis": [
        {
            "name": "People on the path after 8 pm",
            "unit": "a night",
            "baseline": 35,
            "target": 80,
            "measurements": [(-45, 48), (-31, 71), (-17, 86), (-6, 92)],
        },
        {
            "name": "Bat passes counted by the ecologist",
            "unit": "an hour",
            "baseline": 22,
            "target": 22,
            "measurements": [(-40, 21), (-10, 24)],
        },
    ],
    "milestones": [
        ("Ecology survey", -56, -55),
        ("Lights installed", -52, -50),
        ("Three-week count", -17, -17),
        ("Decision", -5, -4),
    ],
    "updates": [
        (-50, "The path is lit", "The lights are on from dusk to midnight."),
        (-4, "Scaling up", "The pilot worked: the rest of the river path will be lit next spring."),
    ],
}
