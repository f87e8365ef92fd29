"""Ideas and the same ideas said differently, for measuring ``similar()``.

Each pair is (original title, original summary, paraphrase). The paraphrase is what another
resident might type into the idea form for the same idea: other words, other order, some
words shared. ``DISTRACTORS`` are ideas on neighbouring topics that must not crowd the
original out of the top 5.
"""

PAIRS = [
    (
        "Protected bike lanes on Main Street",
        "Separate cyclists from cars with kerbs along Main Street.",
        "Cycle lanes with a physical barrier on Main St so cars keep away from bikes",
    ),
    (
        "Raised zebra crossings near schools",
        "Slow traffic where children cross to the primary school.",
        "Speed tables at pedestrian crossings outside every school so kids cross safely",
    ),
    (
        "Plant fruit trees in every park",
        "Apple and pear trees that anyone may pick from.",
        "Orchards in our parks with free fruit for anyone to pick",
    ),
    (
        "Shaded benches along the river path",
        "Older people need somewhere to rest on hot days.",
        "More seats with shade by the riverside walk for elderly walkers",
    ),
    (
        "Free drinking water fountains downtown",
        "Refill stations so people stop buying plastic bottles.",
        "Public water refill fountains in the city centre to cut plastic bottle waste",
    ),
    (
        "Night bus to the hospital",
        "Shift workers cannot get to the hospital after midnight.",
        "A late night bus route serving the hospital for night shift staff",
    ),
    (
        "Solar panels on school roofs",
        "Schools could produce their own electricity and teach about energy.",
        "Put solar power on the roofs of our schools to make electricity",
    ),
    (
        "Community composting in every district",
        "Shared compost bins for food scraps from flats without gardens.",
        "Neighbourhood compost bins where apartment residents can drop food waste",
    ),
    (
        "Library of things",
        "Borrow drills, ladders and tents instead of buying them.",
        "A lending library for tools like drills and ladders so people share instead of buy",
    ),
    (
        "Public toilets that are open at night",
        "The only toilets in the old town close at six.",
        "Keep public toilets in the old town open late into the night",
    ),
    (
        "Car-free Sundays in the old town",
        "Close the old town streets to cars one Sunday a month.",
        "Ban cars from the historic centre on Sundays so people can walk and play",
    ),
    (
        "Swimming lessons for every child",
        "Free swimming lessons in the municipal pool for primary pupils.",
        "Every primary school child learns to swim with free lessons at the city pool",
    ),
    (
        "Wildflower verges instead of mown grass",
        "Let road verges grow wildflowers for bees and butterflies.",
        "Stop mowing the grass by the roads and sow wildflowers for pollinators like bees",
    ),
    (
        "Sensor lights on dark footpaths",
        "Lights that switch on when someone walks by save energy and feel safer.",
        "Motion sensor lighting for unlit footpaths so walking at night feels safe",
    ),
    (
        "Repair café at the community centre",
        "Volunteers fix broken toasters, bikes and clothes once a month.",
        "A monthly repair cafe where volunteers mend broken appliances and clothes",
    ),
    (
        "Real-time bus arrival screens",
        "Screens at stops showing when the next bus really comes.",
        "Digital displays at bus stops with live arrival times",
    ),
    (
        "Covered bike parking at the train station",
        "Bikes get soaked and stolen at the station racks.",
        "Secure sheltered bicycle parking at the railway station",
    ),
    (
        "Green roofs on bus shelters",
        "Plants on shelter roofs cool the street and feed bees.",
        "Put plants and sedum on the roofs of bus stops for bees and cooler streets",
    ),
    (
        "Skate park in Southfield",
        "Teenagers in Southfield have nowhere to skate.",
        "Build a skateboard park for the young people of Southfield",
    ),
    (
        "Dog park with a fence",
        "A fenced area where dogs can run off the lead.",
        "Fenced off-leash area for dogs to run freely",
    ),
    (
        "Tiny forest on the empty lot",
        "Plant a dense native mini forest on the lot behind the market.",
        "Turn the vacant lot behind the market into a small dense forest of native trees",
    ),
    (
        "Playground for children with disabilities",
        "Swings and equipment a wheelchair user can use.",
        "Accessible play equipment so children in wheelchairs can play too",
    ),
    (
        "Open school yards after hours",
        "School playgrounds stay locked in the evenings and weekends.",
        "Let families use school playgrounds in the evening and at weekends",
    ),
    (
        "Free menstrual products in public buildings",
        "Pads and tampons in the toilets of the library and city hall.",
        "Provide free tampons and pads in city hall and library bathrooms",
    ),
    (
        "Rain gardens to stop street flooding",
        "Planted hollows that soak up heavy rain before it floods the road.",
        "Plant rain gardens along streets that flood when it rains heavily",
    ),
    (
        "Warm spaces in winter",
        "Heated rooms in libraries where anyone can sit for free.",
        "Free heated warm rooms in the libraries during cold winter months",
    ),
    (
        "Reusable cup deposit scheme",
        "Pay a deposit for a cup at any café and return it anywhere.",
        "A deposit system for reusable coffee cups shared by all cafes",
    ),
    (
        "Noise limits for leaf blowers",
        "Petrol leaf blowers wake the whole street at seven.",
        "Ban or limit noisy petrol leaf blowers early in the morning",
    ),
    (
        "Benches at every bus stop",
        "Older people cannot stand long waiting for the bus.",
        "Put a bench at each bus stop so elderly passengers can sit while waiting",
    ),
    (
        "Community fridge against food waste",
        "Shops and neighbours leave surplus food for anyone to take.",
        "A public fridge where shops and residents share leftover food instead of wasting it",
    ),
    (
        "Street art on grey utility boxes",
        "Local artists paint the electricity boxes on our streets.",
        "Let local artists paint murals on the grey electrical cabinets along the street",
    ),
    (
        "Cargo bike sharing for families",
        "Rent a cargo bike for the weekly shop or the school run.",
        "Shared cargo bicycles that families can rent for shopping and taking kids to school",
    ),
    (
        "Safe walking route to the secondary school",
        "A marked route with crossing guards for pupils who walk.",
        "Signposted safe route with crossing guards for secondary school pupils walking to school",
    ),
    (
        "Floating wetlands in the harbour",
        "Plant islands that clean the water and shelter fish.",
        "Floating plant islands in the harbour to clean the water and give fish habitat",
    ),
    (
        "Online booking for sports halls",
        "Clubs still have to phone city hall to book a court.",
        "Let sports clubs book municipal halls and courts online instead of by phone",
    ),
    (
        "Language café for newcomers",
        "Residents meet newcomers weekly to practise the language.",
        "Weekly conversation meetups where new arrivals practise the language with locals",
    ),
    (
        "Heat map of the hottest streets",
        "Measure which streets overheat in summer and plant trees there first.",
        "Map the hottest streets in summer heatwaves to decide where to plant trees",
    ),
    (
        "Bulky waste collection on request",
        "Book a free pick-up for old sofas instead of dumping them.",
        "Free collection service for old furniture like sofas so people stop fly-tipping",
    ),
    (
        "Outdoor gym in Eastgate park",
        "Free exercise machines for adults in the park.",
        "Install free outdoor fitness equipment for adults in Eastgate park",
    ),
    (
        "Lockers for homeless people",
        "A safe place to keep belongings and documents.",
        "Secure lockers where people who are homeless can store their things and papers",
    ),
    (
        "Citizens' assembly on the city budget",
        "Randomly chosen residents decide how to spend part of the budget.",
        "Participatory budgeting by a randomly selected assembly of residents",
    ),
    (
        "Bird nesting boxes on public buildings",
        "Swifts and sparrows are losing places to nest.",
        "Put nest boxes for swifts and sparrows on the walls of city buildings",
    ),
]

DISTRACTORS = [
    ("Bike repair stations in parks", "A pump and tools on a post for fixing punctures."),
    ("Lower speed limit to 30 km/h in residential streets", "Slower cars make streets safer for everyone."),
    ("More litter bins in the park", "Rubbish blows around because the bins are full."),
    ("Electric bus fleet by 2030", "Replace diesel buses with electric ones."),
    ("Tree planting with school classes", "Each class plants and names a tree."),
    ("Benches with backrests in the cemetery", "Visitors need a place to sit."),
    ("Water play area in the summer", "Children cool down in fountains they can play in."),
    ("Bus lane on the ring road", "Buses stuck in traffic every morning."),
    ("Energy advice for households", "Free visits that show how to save on heating."),
    ("Recycling bins for batteries", "Batteries end up in the household waste."),
    ("Tool sharing app for neighbours", "Find a neighbour who lends you a ladder."),
    ("Clean public toilets in parks", "Park toilets are dirty and often broken."),
    ("Pedestrian zone around the market square", "Make the market square car free every day."),
    ("Ice rink in winter", "A temporary skating rink on the square in December."),
    ("Beekeeping on city hall roof", "Hives produce honey and teach about bees."),
    ("Street lights that dim after midnight", "Save energy when the streets are empty."),
    ("Sewing classes for teenagers", "Learn to mend and make clothes."),
    ("Timetable posters at every stop", "Printed timetables for people without smartphones."),
    ("Bike lockers at the swimming pool", "Lockable boxes for bikes outside the pool."),
    ("Sun sails over playgrounds", "Shade for children on hot days."),
    ("Basketball court repairs", "The court in North Hills has broken hoops."),
    ("Dog waste bags dispensers", "Free bags along the river path."),
    ("Urban farm on the old rail yard", "Grow vegetables where the trains used to park."),
    ("Changing places toilets", "Toilets with hoists for adults with disabilities."),
    ("Homework club in the library", "Volunteers help pupils after school."),
    ("Period poverty awareness week", "Talks in schools about period poverty."),
    ("Permeable paving in car parks", "Let rain soak into the ground instead of the drains."),
    ("Libraries open on Sundays", "Many people can only visit at weekends."),
    ("Deposit return for cans", "Machines in supermarkets that take back cans."),
    ("Quiet hours in the park", "No amplified music before ten."),
    ("Shelters at tram stops", "Waiting in the rain is miserable."),
    ("Food bank delivery for the elderly", "Volunteers bring parcels to those who cannot come."),
    ("Mural festival in Eastgate", "Invite artists to paint large walls each summer."),
    ("E-scooter parking zones", "Scooters block pavements when left anywhere."),
    ("Crossing guard for the primary school", "A lollipop lady at the busy junction."),
    ("Clean up the harbour beach", "Monthly litter picks on the harbour beach."),
    ("Tennis courts free for residents", "Courts are empty because booking is expensive."),
    ("Conversation benches", "Benches where you sit if you would like a chat."),
    ("Weather station at every school", "Pupils measure temperature and rain."),
    ("Free furniture reuse shop", "Donated furniture for people moving into their first home."),
    ("Calisthenics park for teenagers", "Bars and rings for street workouts."),
    ("Shelter for homeless people in winter", "More beds when it freezes."),
    ("Youth council", "Young people advise the city council."),
    ("Insect hotels in school gardens", "Pupils build homes for insects."),
]


def top5_hit_rate(backend, original_ids: list[int]) -> tuple[float, list[str]]:
    """The share of paraphrases whose original is in the top 5 of ``backend.similar()``,
    and the paraphrases that missed. ``original_ids[i]`` is the idea made from ``PAIRS[i]``."""
    misses = []
    for (_title, _summary, paraphrase), original_id in zip(PAIRS, original_ids, strict=True):
        if original_id not in [idea.idea_id for idea in backend.similar(paraphrase, k=5)]:
            misses.append(paraphrase)
    return 1 - len(misses) / len(PAIRS), misses
