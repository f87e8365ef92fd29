"""Ideas and the same ideas said differently, for measuring ``similar()``.

Each pair is (original title, original summary, paraphrase). The paraphrase is what another
resident might type into the idea form for the same idea: other words, other order, some
words shared. ``DISTRACTORS`` are ideas on neighbouring topics that must not crowd the
original out of the top 5. ``NEW_TOPICS`` are ideas nobody in the generated city raised.
The module is long because it is data, written by hand.
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
    # Said by other residents: short and blunt, long and personal, other order, other words.
    (
        "Bike racks at the central library",
        "The railings outside the library are full of locked bicycles.",
        "nowhere to lock my bike when I go to the library, please add some stands",
    ),
    (
        "Speed humps on Victoria Avenue",
        "Drivers race down Victoria Avenue past the nursery.",
        "Cars go way too fast on Victoria Ave near the kindergarten, we need bumps to slow them down",
    ),
    (
        "Free period products in school toilets",
        "Girls miss lessons because they cannot afford pads.",
        "Schools should stock free sanitary pads so no pupil stays home during her period",
    ),
    (
        "Sunday opening for the central library",
        "Working parents can only visit the library at the weekend.",
        "Please open the main library on Sundays, it's the only day families like ours are free",
    ),
    (
        "Ban pavement parking on Church Street",
        "Cars parked on the pavement force wheelchair users into the road.",
        "I use a wheelchair and on Church St I have to go into the road because cars block the footway",
    ),
    (
        "Electric car chargers on lamp posts",
        "Residents without driveways cannot charge an electric car.",
        "Turn street lamps into charging points for people who park their EV on the street",
    ),
    (
        "Free wifi in the market square",
        "Visitors and market traders have no signal in the square.",
        "Public wifi around the market place for stallholders and shoppers",
    ),
    (
        "Report potholes with a photo",
        "Reporting a broken pavement to the council takes weeks of emails.",
        "An app to report potholes: take a photo and the council comes to fix it",
    ),
    (
        "Outdoor cinema in summer",
        "Show films on a big screen in the park on warm evenings.",
        "Movie nights under the stars in the park during the summer holidays",
    ),
    (
        "Reopen the Millfield outdoor pool",
        "The lido has been closed for ten years and is falling apart.",
        "Bring back the open-air swimming pool in Millfield that shut a decade ago",
    ),
    (
        "Shade sails over the playground in Central Park",
        "Children cannot play on the hot slides in summer.",
        "The slides in Central Park get burning hot, put up some sun shades above the play area",
    ),
    (
        "Stop sewage spills into the river",
        "After every storm raw sewage overflows into the river.",
        "The water company dumps raw sewage in our river whenever it rains, this has to end",
    ),
    (
        "Safe swimming spot in the harbour",
        "A roped-off area with a lifeguard where people can swim in summer.",
        "Let us swim in the harbour: mark out a safe zone and have a lifeguard on duty",
    ),
    (
        "Hedgehog holes in garden fences",
        "Hedgehogs cannot travel between gardens any more.",
        "Cut small gaps at the bottom of fences so hedgehogs can roam from garden to garden",
    ),
    (
        "Wildlife pond in Lakeside park",
        "There is no water for frogs, dragonflies and birds in the park.",
        "Dig a pond for frogs and dragonflies in Lakeside park with a platform for pond dipping",
    ),
    (
        "Pocket park on the corner of Cedar Street",
        "The derelict corner plot collects rubbish.",
        "Turn the derelict plot on Cedar St into a mini park with benches and greenery",
    ),
    (
        "Resident parking permits in Station Quarter",
        "Commuters take every space and residents circle for half an hour.",
        "People who live near the station can never park because commuters take all the spots, give us permits",
    ),
    (
        "Park and ride on the ring road",
        "A car park at the edge of town with a shuttle bus to the centre.",
        "Car parks at the edge of the city with a shuttle bus into the centre",
    ),
    (
        "Free lunches for children in the school holidays",
        "Kids who get free school meals go hungry in the summer.",
        "Some children only eat properly at school, so in the holidays they go without. Feed them",
    ),
    (
        "Collect unsold bread from bakeries",
        "Bakeries throw away bread every evening that could feed people.",
        "Pick up the leftover loaves bakeries bin each night and give them to people who need food",
    ),
    (
        "Food bank in the Eastgate community centre",
        "The nearest food bank is two bus rides away.",
        "Families in Eastgate need a place to get food parcels without travelling across town",
    ),
    (
        "Murals in the Harbour Road underpass",
        "The underpass is grey, tagged and scary.",
        "Get artists and kids to paint the underpass at Harbour Road so it stops feeling threatening",
    ),
    (
        "Sculpture trail through Beech Wood",
        "Local makers could show their work along the woodland path.",
        "Artworks by local sculptors placed along the walk in Beech Wood",
    ),
    (
        "Electric bike loans to try before buying",
        "E-bikes are expensive and people don't know if they'd use one.",
        "Borrow an electric bicycle free for a month to see if it works for your commute",
    ),
    (
        "Bike share docks in the outer districts",
        "The bike share only covers the centre.",
        "The hire bikes only exist in the centre, put docking stations in the suburbs too",
    ),
    (
        "Lower kerbs at every corner in Greenwood",
        "Buggies and wheelchairs cannot get up the high kerbs.",
        "Dropped kerbs please - pushing a pram around Greenwood is a nightmare",
    ),
    (
        "Zebra crossing by the Market Street shops",
        "People dash across four lanes to reach the shops.",
        "Pedestrians risk their lives crossing Market St to get to the stores, paint a crossing there",
    ),
    (
        "Noise cameras for loud motorbikes",
        "Modified exhausts wake everybody at night.",
        "Catch the bikers with illegal loud exhausts that roar past at 2am using sound cameras",
    ),
    (
        "Quiet asphalt on the ring road",
        "Traffic noise from the ring road is constant in Westbrook.",
        "Use a quieter road surface on the ring road, the tyre noise is unbearable",
    ),
    (
        "Deliveries only in the daytime on Queen Street",
        "Lorries unload outside our bedrooms at five in the morning.",
        "Ban early morning lorry deliveries to the supermarket on Queen Street, they wake everyone",
    ),
    (
        "Late opening for the Saturday market",
        "The market packs up at one, before many people get there.",
        "Keep the Saturday market going until five so people who work in the morning can still shop",
    ),
    (
        "Refill shop for dry food and soap",
        "There is nowhere to buy rice or shampoo without packaging.",
        "A shop without packaging where you fill your own jars with rice, pasta and detergent",
    ),
    (
        "Warm hub with soup at the community centre",
        "Pensioners sit alone in freezing flats all winter.",
        "Somewhere heated where old people can go for a bowl of soup and company when it's cold",
    ),
    (
        "Phone charging for rough sleepers",
        "People on the street lose contact with help when their phone dies.",
        "Phone charging points for homeless people so they can stay in touch with services",
    ),
    (
        "Showers and laundry at the day centre",
        "Homeless people have nowhere to wash themselves or their clothes.",
        "A place where people living on the street can take a shower and do their washing",
    ),
    (
        "Housing first for rough sleepers",
        "Give people a home first and support them after.",
        "Give rough sleepers a flat of their own straight away, then help with everything else",
    ),
    (
        "Youth council with its own budget",
        "Young people have no say in what the city does.",
        "Teenagers should elect representatives who get real money to spend on youth projects",
    ),
    (
        "Evening council meetings streamed online",
        "Meetings at two in the afternoon shut out everyone who works.",
        "Stream council meetings live and hold them after working hours",
    ),
    (
        "Tax shops left empty for years",
        "Landlords leave high street shops empty while waiting for higher rents.",
        "Put an extra tax on landlords who leave their shops standing empty for years",
    ),
    (
        "Neighbourhood council for Castle Hill",
        "Decisions about Castle Hill are taken without asking residents.",
        "A monthly local forum where Castle Hill people have a say on what happens in the area",
    ),
    (
        "Protect the old rail line as a nature reserve",
        "Developers want to build on the wildlife corridor.",
        "Keep the disused railway as a green corridor for nature instead of selling it for flats",
    ),
    (
        "Native hedges instead of fences in parks",
        "Metal fences give birds nowhere to nest.",
        "Replace the park railings with hawthorn and hazel hedges for wildlife",
    ),
    (
        "Stop spraying weedkiller on pavements",
        "Glyphosate is sprayed along every street.",
        "The council should end chemical weed spraying on our footpaths",
    ),
    (
        "Pump track in Northside rec",
        "Kids on bikes and scooters have nowhere to ride.",
        "A bumpy track for BMX bikes and scooters at Northside rec",
    ),
    (
        "Reopen the Eastgate youth club",
        "Since it closed, teenagers hang around the car park.",
        "Teenagers in Eastgate lost their youth centre last year and now have nowhere to go at night",
    ),
    (
        "Fix the basketball hoops in Orchard Park",
        "The court has had no hoops for two years.",
        "The basketball court at Orchard Park is useless without rims, please replace them",
    ),
    (
        "Dog-free fence around the toddler playground",
        "Dogs run into the play area and scare small children.",
        "Put a gate around the little kids' play area so dogs can't get in",
    ),
    (
        "Dog agility course in Millfield park",
        "Dogs need more than a walk round the field.",
        "An obstacle course for dogs to jump and weave through, in Millfield park",
    ),
    (
        "Wheelchair swing in Victoria Gardens",
        "Disabled children just watch while others play.",
        "An accessible swing in Victoria Gardens so a child in a wheelchair can swing too",
    ),
    (
        "Water butts for every household",
        "Rainwater runs straight into the overflowing drains.",
        "Hand out rain barrels so households collect roof water instead of it flooding the drains",
    ),
    (
        "Clear the blocked drains before autumn",
        "Leaves block the gullies and the road floods.",
        "Every year the drains fill with leaves and the street turns into a lake, clean them in September",
    ),
    (
        "Check on older neighbours in heatwaves",
        "Elderly people die alone in overheated flats.",
        "When it's extremely hot, volunteers should call or visit old people living alone",
    ),
    (
        "White roofs to cool the Docklands",
        "Dark roofs turn the flats into ovens in July.",
        "Paint the roofs in the Docklands a light colour so the buildings don't overheat",
    ),
    (
        "Insulate the old school buildings",
        "Classrooms are freezing and the heating runs all day.",
        "Insulate the school buildings, kids sit in class in their coats all winter",
    ),
    (
        "Community solar co-op",
        "Residents invest together in panels on public roofs and share the income.",
        "Let citizens buy shares in solar panels on city buildings and get a return",
    ),
    (
        "Heat pump for the swimming pool",
        "The pool's old gas boiler wastes energy.",
        "Replace the leisure centre's gas heating with a heat pump to warm the pool",
    ),
    (
        "Clothes swap evenings",
        "Good clothes end up in the bin while others need them.",
        "Swap evenings where you bring clothes you no longer wear and take home someone else's",
    ),
    (
        "Toy library for families",
        "Toddlers outgrow toys in a few months.",
        "Let parents borrow toys for young kids like books from a library and swap them when bored",
    ),
    (
        "Free computer classes for pensioners",
        "Older people are shut out now that everything is online.",
        "Teach pensioners to use computers and the internet, for free",
    ),
    (
        "Mentors for newly arrived families",
        "Families who just arrived don't know how schools and doctors work here.",
        "Local volunteers who mentor newly arrived refugee families and explain how things work here",
    ),
    (
        "Street party kit for neighbours",
        "Organising a street party is too complicated.",
        "Make it easy to hold a street party: lend us tables and sort out closing the road",
    ),
    (
        "Free bus pass for unpaid carers",
        "Carers spend a fortune travelling to the relatives they look after.",
        "People who look after a sick relative should ride the buses for free",
    ),
    (
        "Night bus on Friday and Saturday",
        "After midnight there is no way home except a taxi.",
        "Run buses through the night at weekends so people can get home safely after going out",
    ),
    (
        "Bus priority at traffic lights",
        "Buses wait at every red light behind cars.",
        "Make the traffic lights turn green for buses so they stop being late",
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


# Ideas on topics that neither the pairs nor the generated city raise: what "New thinking"
# is for. Novelty must put them above the paraphrases, which repeat earlier ideas.
NEW_TOPICS = [
    ("A piano in the train station", "An old piano in the station hall that any traveller may play."),
    ("Sign-language classes for city hall clerks", "Deaf residents cannot talk to the front desk."),
    ("Council letters in plain language", "Rewrite official letters so that anyone can understand them."),
    ("A public sauna on the pier", "A wood-fired sauna by the sea, open in winter."),
    ("Chess tables in the square", "Stone tables with chess boards where strangers play."),
    ("A city choir with no auditions", "Anyone can sing, weekly rehearsals in the town hall."),
    ("Students phone isolated pensioners", "Weekly phone calls between students and older people who live alone."),
    ("One lost-property office online", "Everything found on trams and in city offices listed on one website."),
    ("Free legal advice for tenants", "A lawyer answers renters' questions on Thursday evenings."),
    ("A dignified funeral for everyone", "The city pays for a proper service when nobody else can."),
    ("Soapbox race down the hill", "Teams build go-karts without engines and race them downhill each summer."),
    ("Makerspace with 3D printers", "Laser cutters, 3D printers and workbenches open to everyone."),
    ("Speed-friending evenings for over-60s", "Meet new friends in a relaxed evening at the town hall."),
    ("Volunteers help with tax returns", "Every spring, volunteers help people fill in their tax forms."),
    ("Escape room about the city's history", "Solve puzzles from the city's past in the old prison cells."),
    ("Name new streets after women", "Most streets honour men; name the next ones after local women."),
    ("A podcast explaining council decisions", "Ten minutes a week on what the council decided and why."),
    ("Guided mushroom walks", "A mycologist leads autumn walks to learn which fungi grow here."),
    ("Poems on the steps of the town hall", "Lines by local poets printed on the stairs."),
    ("Driving lessons for refugees", "Many jobs need a licence that newcomers cannot afford to get."),
    ("Karaoke booth in the shopping centre", "A soundproof booth where anyone can sing for a coin."),
    ("Free smoke alarms for older residents", "Firefighters fit alarms and check homes for fire risks."),
    ("First-aid course for every teenager", "Every secondary pupil learns CPR before leaving school."),
    ("Apprentice exchange with our twin city", "Young apprentices spend a month working abroad."),
    ("Bedtime stories in many languages", "Parents read to toddlers in their own languages at the library."),
    ("Defibrillators on pharmacy walls", "Life-saving devices on outside walls, shown on a map."),
    ("A dentist for uninsured children", "Free check-ups and fillings for children without cover."),
    ("Pay-what-you-can theatre on Mondays", "Anyone can see a play for whatever they can afford."),
    ("Quiet room at the station for autistic travellers", "A calm, dim room to recover from noise and crowds."),
    ("Old city photos online", "Digitise the archive so families can find pictures of their street."),
    ("An observatory on Castle Hill", "A telescope dome where residents look at the stars on clear nights."),
    ("Sundial and planet walk", "A scale model of the solar system along the promenade."),
]


def top_ranks(backend, original_ids: list[int], k: int = 5) -> list[int | None]:
    """Where each paraphrase's original comes in ``backend.similar()`` (1 = first; None when
    it is not in the top ``k``). ``original_ids[i]`` is the idea made from ``PAIRS[i]``."""
    ranks = []
    for (_title, _summary, paraphrase), original_id in zip(PAIRS, original_ids, strict=True):
        found = [idea.idea_id for idea in backend.similar(paraphrase, k=k)]
        ranks.append(found.index(original_id) + 1 if original_id in found else None)
    return ranks
