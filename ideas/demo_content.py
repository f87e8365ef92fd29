"""The words of the demo city: challenges, ideas and discussions (used by ``ideas.demo``)."""

# slug: (title, question, summary, phase, voting method, sponsor, suggested tags)
CHALLENGES = {
    "better-streets": (
        "Better streets",
        "Give us something we have never thought about to make our streets safer and kinder.",
        "Crossings, pavements, bikes, benches: how should Riverside's streets change?",
        "voting",
        "support",
        "Department of Transport",
        "Walking, Cycling, Safety, Greenery",
    ),
    "parks-for-everyone": (
        "Parks for everyone",
        "What would make you spend an afternoon in a park you never visit?",
        "Our parks should welcome every age and every neighbourhood.",
        "voting",
        "pairwise",
        "Parks and Recreation",
        "Play, Nature, Events, Access",
    ),
    "open-call-2027": (
        "Open call 2027",
        "Give us something we have never thought about — for any part of city life.",
        "An open call for ideas the city has never considered. Anything goes, as long as it helps Riverside.",
        "submission",
        "support",
        "Mayor's Office",
        "Services, Culture, Climate, Community",
    ),
    "cleaner-air": (
        "Cleaner air",
        "How can we breathe cleaner air on our busiest streets within two years?",
        "Traffic, heating and building sites all add to the air we breathe.",
        "review",
        "support",
        "Environment Agency",
        "Traffic, Heating, Trees, Monitoring",
    ),
    "smart-lighting": (
        "Smart lighting",
        "Where could smarter street lighting save energy and make people feel safer?",
        "Street lights use a third of the city's electricity. What should they do better?",
        "closed",
        "none",
        "Public Works",
        "Energy, Safety, Night",
    ),
}

# challenge slug: [(title, summary, body, tags, place)]
IDEAS = {
    "better-streets": [
        (
            "Play streets on Sunday mornings",
            "Close one residential street per district to cars on Sunday mornings so children can play.",
            "<p>Neighbours agree on a street, the city lends the barriers, and for four hours the street "
            "belongs to kids on bikes and chalk drawings.</p><ul><li>One street per district</li>"
            "<li>Residents can still drive out slowly</li></ul>",
            ["safety", "walking"],
            "Mill Lane",
        ),
        (
            "Benches every 200 metres on the hill",
            "Older residents avoid the walk up Castle Hill because there is nowhere to rest.",
            "<p>A bench every 200 metres would let everyone walk to the market. Local carpenters could build "
            "them from the trees felled last winter.</p>",
            ["walking", "greenery"],
            "Castle Hill",
        ),
        (
            "Countdown timers at school crossings",
            "Show how many seconds are left to cross at the five busiest school crossings.",
            "<p>Children rush when the green light blinks. A countdown lets them decide calmly.</p>",
            ["safety"],
            "",
        ),
        (
            "Painted bike lanes made permanent",
            "The trial lanes on Harbour Road worked: keep them and protect them with planters.",
            "<p>Counts show twice as many cyclists since the trial. Planters would stop parked vans.</p>",
            ["cycling", "greenery"],
            "Harbour Road",
        ),
        (
            "Shade trees at bus stops",
            "Plant trees next to the twenty sunniest bus stops so waiting is bearable in summer.",
            "<p>Shelters are ovens in July. A tree costs less than a new shelter and cools the pavement.</p>",
            ["greenery"],
            "",
        ),
        (
            "Pavement repair reporting by photo",
            "Let people report a broken paving slab with a photo and see when it is fixed.",
            "",
            ["walking"],
            "",
        ),
        (
            "Car-free school gates",
            "Keep cars away from school gates for 30 minutes at drop-off and pick-up.",
            "<p>School streets work in other cities: fewer cars, cleaner air, safer children.</p>",
            ["safety", "walking"],
            "Eastgate Primary",
        ),
        (
            "Wider pavements on Market Street",
            "Turn one parking lane into pavement so prams and wheelchairs can pass on market days.",
            "",
            ["walking"],
            "Market Street",
        ),
    ],
    "parks-for-everyone": [
        (
            "Outdoor table tennis in every park",
            "Concrete tables are cheap, last for decades and bring teenagers and grandparents together.",
            "<p>Bats could be borrowed from the café or the library.</p>",
            ["play"],
            "",
        ),
        (
            "Night-time star walks",
            "Guided walks in Riverside Park with the lights dimmed, run by the astronomy club.",
            "",
            ["events", "nature"],
            "Riverside Park",
        ),
        (
            "Accessible paths to the lake",
            "Replace the gravel path to the lake with a firm surface that wheelchairs and prams can use.",
            "<p>The lake is the best part of the park and half of us cannot reach it.</p>",
            ["access"],
            "North Hills Park",
        ),
        (
            "Wildflower strips instead of lawn",
            "Stop mowing the edges and let wildflowers grow for bees and butterflies.",
            "",
            ["nature"],
            "",
        ),
        (
            "Free drinking fountains",
            "Working drinking fountains in every park, checked every week in summer.",
            "",
            ["access"],
            "",
        ),
        (
            "Park festival for each district",
            "One Saturday a year each district's park hosts music, food stalls and sports from local clubs.",
            "",
            ["events"],
            "",
        ),
        (
            "Quiet corners for people who need calm",
            "Mark a quiet corner with seating and planting away from playgrounds and sports pitches.",
            "",
            ["access", "nature"],
            "",
        ),
    ],
    "open-call-2027": [
        (
            "A library of things",
            "Borrow a drill, a tent or a sewing machine from the library instead of buying one.",
            "<p>Most drills are used for thirteen minutes in their life. Let us share them.</p>",
            ["community", "climate"],
            "Central Library",
        ),
        (
            "Repair café in every district",
            "Volunteers fix toasters, bikes and clothes once a month in community centres.",
            "",
            ["community", "climate"],
            "",
        ),
        (
            "Hire a local artist for empty shop windows",
            "Empty shop windows become small galleries for local artists until a tenant is found.",
            "",
            ["culture"],
            "High Street",
        ),
        (
            "One form for every permit",
            "A single online form for street parties, skips and scaffolding permits.",
            "<p>Today you need three forms, two emails and a phone call to hold a street party.</p>",
            ["services"],
            "",
        ),
        (
            "Heat map of the hottest streets",
            "Measure which streets overheat in summer and plant trees there first.",
            "",
            ["climate"],
            "",
        ),
        (
            "Welcome walk for new residents",
            "Volunteers show newcomers the market, the library and the clinic in their first month.",
            "",
            ["community"],
            "",
        ),
    ],
    "cleaner-air": [
        (
            "Air quality sensors at schools",
            "Put low-cost sensors at every school and publish the readings live.",
            "<p>Parents and teachers would see what the children breathe and when.</p>",
            ["monitoring"],
            "",
        ),
        (
            "Electric delivery bikes for the old town",
            "Vans unload at the edge of the old town; cargo bikes do the last kilometre.",
            "",
            ["traffic"],
            "Old Town",
        ),
        (
            "Heat pump advice clinics",
            "Free advice sessions so homeowners can swap gas boilers for heat pumps.",
            "",
            ["heating"],
            "",
        ),
        (
            "Green walls on the ring road",
            "Climbing plants on the noise barriers of the ring road to catch dust.",
            "",
            ["trees"],
            "Ring Road",
        ),
        (
            "Engine-off signs at taxi ranks",
            "Friendly signs and a quiet word from wardens to stop idling at the station.",
            "",
            ["traffic"],
            "Central Station",
        ),
    ],
    "smart-lighting": [
        (
            "Lights that dim when streets are empty",
            "Motion sensors brighten lights when someone walks by and dim them otherwise.",
            "<p>Pilots elsewhere save half the energy without anyone feeling less safe.</p>",
            ["energy", "safety"],
            "",
        ),
        (
            "Warmer light colour in residential streets",
            "Swap harsh blue-white lamps for warm light that does not keep people awake.",
            "",
            ["night"],
            "",
        ),
        (
            "Light the river path",
            "Low lights along the river path so people can walk home from the station safely.",
            "",
            ["safety", "night"],
            "River Path",
        ),
        (
            "Report a broken street light by text",
            "Every lamp post gets a number; text it to report a fault.",
            "",
            ["safety"],
            "",
        ),
    ],
}

COMMENTS = [
    "I walk here every day and this would make a real difference.",
    "Love it. Could it start as a small trial in one district first?",
    "Who would look after it once it is built? That is usually where these ideas fail.",
    "We tried something similar in our street and the neighbours loved it.",
    "Good idea, but please think about people who need to park close to their homes.",
    "Yes please! My children would use this every week.",
]
REPLIES = [
    "Good point. A trial would show whether it works before spending more.",
    "Our residents' association could help look after it.",
    "Agreed — and it should be easy to reach by bus too.",
]
OFFICIAL_RESPONSE = (
    "<p>Thank you for this idea. Public Works has checked the site: the pavement is wide enough, and we "
    "will include it in the review with a cost estimate.</p>"
)
FLAGGED_COMMENT = "This is a stupid idea and whoever wrote it should move out of the city."
