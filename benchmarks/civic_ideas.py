# ruff: noqa: E501 — data: one phrase per string reads better than wrapped lines.
"""Realistic civic ideas in bulk: what thousands of residents of one city would propose.

Each idea is composed from a topic (cycling, school streets, trees, buses, benches, toilets,
flooding…: the same topics as the paraphrase set in ``tests/search/paraphrases.py``), one of
its titles, a problem, a proposal and a benefit, set in one of the city's streets, parks,
schools, stops or districts, in one of several voices. So ideas share the words a real city
shares ("street", "park", "school", "bus") and differ in what they actually ask for — the
haystack on which similar ideas and novelty are measured (no random word lists: they flatter
every matcher)::

    from benchmarks.civic_ideas import civic_ideas
    for title, summary, body, tag in civic_ideas(10_000, seed=1): ...

Deterministic: the same count and seed give the same ideas, in the same order. The module is
longer than most because most of it is data: the city's places and forty topics.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

STREETS = [
    "Main Street", "Harbour Road", "Station Street", "Mill Lane", "Church Street", "Victoria Avenue",
    "King's Road", "Elm Grove", "Canal Street", "Market Street", "Bridge Road", "Park Lane", "Queen Street",
    "Hill Road", "Oak Avenue", "the ring road", "Union Street", "School Lane", "Ferry Road", "Castle Street",
    "North Road", "Willow Way", "Chapel Street", "Riverside Drive", "Green Lane", "Cedar Street",
]  # fmt: skip
PARKS = [
    "Eastgate park", "Central Park", "the riverside park", "Millfield park", "Victoria Gardens",
    "the Castle Green", "Southfield park", "the harbour green", "Beech Wood", "Northside rec",
    "Orchard Park", "the old cemetery park", "Station Gardens", "Lakeside park",
]  # fmt: skip
DISTRICTS = [
    "Southfield", "Eastgate", "North Hills", "the Old Town", "Harbourside", "Westbrook", "Millfield",
    "Riverside", "Northside", "Castle Hill", "the Docklands", "Greenwood", "Station Quarter", "Lakeside",
]  # fmt: skip
SCHOOLS = [
    "St Mary's primary", "Eastgate primary school", "the Millfield academy", "Riverside secondary",
    "North Hills primary", "Harbour Road school", "Westbrook high school", "Castle Hill junior school",
    "Greenwood primary", "the Lakeside school",
]  # fmt: skip
STOPS = [
    "the Market Square stop", "the hospital stop", "the stop outside the library", "Station Street stop",
    "the Eastgate terminus", "the stop by the leisure centre", "the Mill Lane stop", "the university stop",
    "the Southfield interchange", "the stop at the retail park",
]  # fmt: skip
BUILDINGS = [
    "the central library", "city hall", "the leisure centre", "the community centre", "the train station",
    "the market hall", "the town museum", "the swimming pool", "the Eastgate health centre",
    "the old fire station", "the youth club", "the sports hall",
]  # fmt: skip

# Each topic: tag, titles, problems, proposals, benefits. Placeholders: {street} {park}
# {district} {school} {stop} {building}.
TOPICS = [
    ("cycling", [
        "Cycle lane maintenance on {street}", "Paint cycle lanes along {street}", "Fix the cycle path on {street}",
        "Bike lanes for {district}", "Cycle route from {district} to the centre",
    ], [
        "Cars park in the cycle lane on {street} every morning.", "Glass and leaves cover the cycle lane on {street}.",
        "The painted bike lane on {street} just ends at the junction.", "There is no signposted way to cycle from {district} into town.",
        "Potholes in the cycle path make it unusable after dark.",
    ], [
        "Sweep the cycle lanes of glass and leaves every week.", "Widen the cycle lane and paint it red.",
        "Connect the existing bits of cycle lane into one route.", "Resurface the cycle path and mark it clearly.",
        "Give cyclists their own traffic light phase at the junction.",
    ], [
        "More people would cycle to work.", "Fewer punctures and falls.",
        "Fewer cars would clog the centre at rush hour.", "It would link the station to the new housing.",
    ]),
    ("bike-storage", [
        "Bike hangars for terraced streets in {district}", "Bike storage in council flats in {district}",
        "Bike theft register", "Bike marking days at {building}", "Bike rooms in new housing",
    ], [
        "People in flats have nowhere to keep a bicycle.", "Bikes get stolen from hallways and gardens in {district}.",
        "Stolen bikes are never returned because nobody can prove they are theirs.",
        "Carrying a bike up four floors is impossible.", "New flats are built without any bike storage.",
    ], [
        "Add lockable bike hangars on residential streets.", "Turn two car spaces into a hangar for six bikes.",
        "Mark bikes with a code for free and register them.", "Require bike rooms in every new building.",
        "Offer storage in empty garages for a small yearly fee.",
    ], [
        "More people would cycle if their bike was safe at home.", "Thefts would drop.",
        "It is cheap compared with car parking.", "Hallways would be clear.",
    ]),
    ("school-streets", [
        "Park-and-stride for {school}", "School street for {school}", "Slow the traffic near {school}",
        "Clean air outside {school}", "Close the road by {school} at drop-off time",
    ], [
        "Cars speed past {school} at drop-off time.", "Parents park on the zigzag lines outside {school}.",
        "Drivers leave their engines running outside {school}.", "The school bus stops on the wrong side of {street}.",
        "The pavement outside {school} is too narrow for the morning rush.",
    ], [
        "Close the street to through traffic at the start and end of the school day.",
        "Paint the school's name on the road so drivers notice it.", "Fine drivers who idle their engines by the gates.",
        "Let parents park at the supermarket and walk the last five minutes.", "Widen the pavement and add railings.",
    ], [
        "Pupils could walk to school on their own.", "Parents would feel safe letting kids cycle.",
        "The air outside the school would be cleaner.", "Less chaos at the gates every morning.",
    ]),
    ("speed", [
        "20 mph limit in {district}", "Speed cameras on {street}", "Stop rat running through {district}",
        "Traffic calming on {street}", "Fewer lorries on {street}",
    ], [
        "Drivers use {street} as a shortcut and go far too fast.", "Lorries thunder through {district} all night.",
        "There have been three crashes on {street} this year.", "Cars overtake on the bend by the church.",
        "Our residential street has become a race track.",
    ], [
        "Lower the limit and enforce it with average speed cameras.", "Add chicanes and planters to narrow the road.",
        "Make the street one-way for cars.", "Ban heavy goods vehicles except for deliveries.",
        "Put in modal filters so through traffic uses the main road.",
    ], [
        "The street would be quieter and safer.", "Older people could cross without fear.",
        "Children could play outside again.", "Fewer accidents and less noise.",
    ]),
    ("trees", [
        "Plant more trees on {street}", "Street trees for {district}", "Replace the felled trees in {park}",
        "Look after the young trees in {district}", "A tree for every newborn in {district}",
    ], [
        "{street} is bare concrete and bakes in summer.", "The trees in {park} were cut down and never replaced.",
        "{district} has the fewest trees in the city.", "Young trees planted last year are dying of thirst.",
        "Several old trees on {street} are dying.",
    ], [
        "Plant large native trees in the pavement with proper tree pits.", "Let residents adopt and water a young tree.",
        "Replace every felled tree with two new ones.", "Plant a tree for every child born in the city.",
        "Use the empty verges for a row of lime trees.",
    ], [
        "Trees cool the street on hot days.", "They clean the air and calm the traffic.",
        "Birds and insects need them.", "The street would look greener and friendlier.",
    ]),
    ("growing-food", [
        "Vegetable growing course in {district}", "Grow food on school roofs", "Herb garden at {building}",
        "Allotments for {district}", "Balcony gardening for flats in {district}",
    ], [
        "The waiting list for allotments is ten years long.", "Families in flats have nowhere to grow anything.",
        "Children don't know where vegetables come from.", "The lawn around {building} is wasted space.",
        "Nobody in {district} has time to learn gardening alone.",
    ], [
        "Teach families to grow vegetables on balconies.", "Set up raised vegetable beds run by volunteers.",
        "Turn part of the park into new allotment plots.", "Plant herbs around public buildings for anyone to pick.",
        "Give schools a plot to grow their own food.",
    ], [
        "Fresh food close to home.", "Neighbours would meet while gardening.",
        "Children learn how food grows.", "Good for bees and birds.",
    ]),
    ("seating", [
        "More benches in {park}", "Benches along {street}", "Benches facing the view in {park}",
        "Picnic tables in {park}", "Benches from the city's own wood",
    ], [
        "There is nowhere to sit between the shops on {street}.", "Skateboarders have damaged the benches on {street}.",
        "The benches in {park} were removed and never replaced.", "The benches on {street} face the traffic.",
        "The only bench in {park} is broken.",
    ], [
        "Put benches with armrests near the shops.", "Install picnic tables near the playground.",
        "Make benches from the wood of felled city trees.", "Replace the broken benches with sturdy wooden ones.",
        "Choose benches that are easy to get up from.",
    ], [
        "Families could have lunch outside.", "People would stop and chat.",
        "It makes the street a place to stay, not just pass through.", "A small thing that makes a big difference.",
    ]),
    ("water-saving", [
        "Fix the leaking pipes on {street}", "Water the parks with river water", "Water meter for every flat",
        "Save water in {building}", "Drought-proof planting in {park}",
    ], [
        "Parks are watered with drinking water.", "A pipe on {street} has leaked for weeks.",
        "The toilets at {building} flush far too much water.", "The lawns in {park} turn brown every August.",
        "Flats share one meter, so nobody saves water.",
    ], [
        "Use water from the river for the parks' sprinklers.", "Fix leaks within a week of being reported.",
        "Fit water-saving toilets and taps.", "Plant dry-tolerant plants instead of lawns.",
        "Fit a meter in every flat.",
    ], [
        "Less water wasted.", "Lower bills.", "Parks stay green in dry summers.", "It prepares the city for droughts.",
    ]),
    ("buses", [
        "Better bus service to {district}", "More buses on the {district} route", "Cheaper bus fares for students",
        "Bus route to the business park", "Sunday buses for {district}",
    ], [
        "Single tickets cost more than parking.", "Buses to {district} only run once an hour.",
        "There is no bus on Sundays in {district}.", "Nobody can reach the new business park without a car.",
        "The bus is always full at rush hour.",
    ], [
        "Run a bus every fifteen minutes during the day.", "Introduce a flat fare of one euro.",
        "Run a shuttle from the station to the business park.", "Run a smaller bus on Sundays.",
        "Let people pay by card on the bus.",
    ], [
        "People without cars could get to work.", "Fewer people would drive.",
        "Students could afford to travel.", "Older people could visit family on Sundays.",
    ]),
    ("bus-stops", [
        "Shelter at {stop}", "Fix the shelter at {stop}", "A bin and a map at {stop}",
        "Move {stop} somewhere safer", "Accessible bus stop on {street}",
    ], [
        "There is no shelter at {stop} and people wait in the rain.", "The glass at {stop} has been smashed for months.",
        "{stop} is on a narrow verge beside fast traffic.", "Wheelchair users cannot board at {stop} because the kerb is too low.",
        "Litter piles up at {stop}.",
    ], [
        "Build a shelter with a roof and a light.", "Paint the stop number large so drivers see it.",
        "Raise the kerb so the bus ramp reaches it.", "Replace the glass and repair the roof.",
        "Add a bin and a map of the area.",
    ], [
        "Waiting for the bus would be less miserable.", "More people would take the bus.",
        "Disabled passengers could travel on their own.", "People would feel safer after dark.",
    ]),
    ("energy", [
        "LED lights in {building}", "Draught-proofing for homes in {district}", "Smart meters for council flats",
        "Switch off the heating in empty rooms", "Energy-saving challenge for {district}",
    ], [
        "The windows at {building} rattle and let the cold in.", "Energy bills are crushing families in {district}.",
        "The heating at {building} runs all weekend when nobody is there.", "The city still buys most of its electricity from gas.",
        "Old lights at {building} burn all night.",
    ], [
        "Fit draught excluders and thick curtains.", "Put thermostats in every room.",
        "Run free energy check-ups for homes.", "Switch all lighting to LED with timers.",
        "Buy only green electricity for city buildings.",
    ], [
        "It would cut the energy bill and emissions.", "Homes would be warmer.",
        "The building would be comfortable in winter.", "A visible step towards a carbon-neutral city.",
    ]),
    ("waste", [
        "More bins on {street}", "Recycling bins in {park}", "Clean up the litter on {street}",
        "Food waste collection in {district}", "Stop fly-tipping on {street}",
    ], [
        "The bins on {street} overflow every weekend.", "Litter blows around {park} after sunny days.",
        "Food waste from flats in {district} goes in the normal bin.", "People dump mattresses behind the shops on {street}.",
        "There is no recycling bin anywhere in {park}.",
    ], [
        "Put in bigger bins and empty them more often.", "Add recycling bins next to every litter bin.",
        "Start a weekly food waste collection with small caddies.", "Install a camera and fine fly-tippers.",
        "Organise a monthly litter pick with volunteers.",
    ], [
        "The street would be clean.", "Less goes to landfill.",
        "Foxes and gulls would stop tearing bags open.", "People would be proud of the area.",
    ]),
    ("green-waste", [
        "Leaf compost from the park trees", "Free mulch for gardeners", "Christmas tree recycling",
        "Green waste collection in {district}", "Compost course at {building}",
    ], [
        "Leaves from {park} are taken away and burned.", "Gardeners buy compost in plastic bags.",
        "The green bin collection costs extra.", "Christmas trees are dumped on the pavement in January.",
        "Grass cuttings from {park} are sent to landfill.",
    ], [
        "Compost the park's leaves and give it to gardeners.", "Run a free compost course in the library.",
        "Collect garden waste for free and return it as compost.", "Chip Christmas trees into mulch for the parks.",
        "Let gardeners collect wood chips for free.",
    ], [
        "Less waste and better soil.", "Gardeners save money.",
        "Nothing useful goes to landfill.", "Lower collection costs.",
    ]),
    ("sharing", [
        "Little free library on {street}", "Second-hand uniform sale in {district}", "Baby equipment exchange at {building}",
        "Free shop at {building}", "Give-away day in {district}",
    ], [
        "School uniforms cost a fortune and are outgrown in a year.", "Prams and cots are used for a few months and stored for years.",
        "Young people moving into their first flat have no furniture.", "Good things get thrown away every day.",
        "Books pile up in attics while others have nothing to read.",
    ], [
        "Collect school uniforms and pass them on.", "Put a weatherproof book box on the street.",
        "Set up an exchange for prams, cots and high chairs.", "Run a free shop for donated household goods.",
        "Let people leave unwanted things on the pavement on one day a year for others to take.",
    ], [
        "Less waste and more money in people's pockets.", "Neighbours get to know each other.",
        "Families save a lot of money.", "Things are used instead of gathering dust.",
    ]),
    ("toilets", [
        "Public toilets in {park}", "Baby changing in men's toilets", "Accessible toilet on {street}",
        "Clean toilets at {building}", "Toilet map for {district}",
    ], [
        "There is no public toilet anywhere near {park}.", "Fathers have nowhere to change a nappy.",
        "Wheelchair users have no accessible toilet in the centre.", "The toilets in {park} are filthy and often broken.",
        "People with bowel conditions avoid going out.",
    ], [
        "Build a self-cleaning toilet near the playground.", "Put changing tables in men's toilets too.",
        "Add an accessible toilet with a changing bench.", "Ask cafés to let anyone use their toilets for free.",
        "Clean them twice a day and publish a map.",
    ], [
        "Families could stay longer in the park.", "Older people could go out without worrying.",
        "Fewer people would use the bushes.", "Everyone needs a toilet.",
    ]),
    ("car-free", [
        "Parklets on {street}", "Pedestrianise {street}", "Play street on {street}",
        "Fewer parking spaces on {street}", "A car-free centre",
    ], [
        "{street} is full of traffic and fumes.", "Children in {district} have nowhere to play outside.",
        "The shops on {street} struggle because it is unpleasant to walk there.", "Cars dominate every square in town.",
        "Pavements on {street} are too narrow for prams.",
    ], [
        "Close the street to cars and open it to walkers and cafés.", "Close one street a month for children to play.",
        "Turn one parking space per street into a parklet.", "Turn parking spaces into terraces and planters.",
        "Let only deliveries in before ten in the morning.",
    ], [
        "Shops would gain customers who walk.", "The air would be cleaner.",
        "Children could play and neighbours meet.", "The street would come alive.",
    ]),
    ("swimming-sport", [
        "Cheaper swimming at {building}", "Aqua fitness for older people", "Diving boards back at {building}",
        "Longer opening hours at {building}", "Free sport for teenagers in {district}",
    ], [
        "A swim at {building} costs too much for big families.", "Older people in {district} need gentle exercise.",
        "The pool closes at seven, before people finish work.", "Teenagers in {district} have nothing to do in the evening.",
        "The diving boards were removed years ago.",
    ], [
        "Run aqua fitness sessions for over-65s.", "Open the pool until ten at night.",
        "Put the diving boards back.", "Give under-18s free entry to sport halls.",
        "Run women-only and family sessions at weekends.",
    ], [
        "Exercise for every age.", "Sport keeps young people healthy.",
        "Families could exercise together.", "More people would use the pool.",
    ]),
    ("flowers-bees", [
        "Sunflower field in {park}", "Flower boxes on {street}", "Bee-friendly planting in {district}",
        "Plants instead of paving in front gardens", "Pollinator corridor through {district}",
    ], [
        "{park} has no colour in late summer.", "Bees and butterflies are disappearing.",
        "The balconies on {street} are bare.", "Front gardens are paved over for cars.",
        "There are no flowers between the flats in {district}.",
    ], [
        "Sow a sunflower field for children to walk through.", "Give residents free window boxes and seeds.",
        "Plant lavender and other flowers that bees love.", "Give a grant to replace paving with plants.",
        "Connect parks with flowering planters.",
    ], [
        "Pollinators would come back.", "The city would be more colourful.",
        "Children could learn about insects.", "Streets would look cared for.",
    ]),
    ("lighting", [
        "Better street lights on {street}", "Lights in {park} at night", "Light the path to {stop}",
        "Fix the broken lamps on {street}", "Lighting for the underpass on {street}",
    ], [
        "{street} is pitch dark after six in winter.", "Women avoid walking through {park} at night.",
        "Half the street lamps on {street} have been broken for months.", "The underpass is dark and frightening.",
        "Overgrown trees hide the street lamps on {street}.",
    ], [
        "Install warm LED lights along the road.", "Repair the broken lamps and check them monthly.",
        "Trim the trees that hide the street lamps.", "Paint the underpass white and light it.",
        "Put lights on the bridges over the river.",
    ], [
        "People would feel safe walking home.", "Fewer falls and muggings.",
        "LEDs use less energy.", "More people would walk instead of drive.",
    ]),
    ("repair", [
        "Sewing machines to borrow at {building}", "Bike repair workshop at {building}", "Repair shop directory for {district}",
        "Mending skills for teenagers", "Repair instead of landfill",
    ], [
        "Broken toasters and lamps end up in the bin.", "Nobody knows how to mend clothes any more.",
        "Bike repairs in town are expensive.", "Old people have skills that are being lost.",
        "Repair shops in {district} have all closed.",
    ], [
        "Publish a map of local repair shops.", "Open a bike workshop where people fix their own bikes.",
        "Teach sewing and repair in the library.", "Pay a repair bonus for getting appliances fixed.",
        "Let retired engineers share their skills with young people.",
    ], [
        "Less waste and lower costs.", "Skills pass from one generation to the next.",
        "Small repair businesses would survive.", "Things last longer.",
    ]),
    ("youth", [
        "Climbing wall for {district}", "Youth shelter in {park}", "Table tennis tables in {park}",
        "Somewhere for teenagers in {district}", "Parkour park in {park}",
    ], [
        "Teenagers in {district} hang around the car park with nothing to do.", "The climbing frame in {park} is for small children only.",
        "Young people are moved on wherever they go.", "The table tennis table in {park} has no net.",
        "There is no free wifi or warm place for teenagers in {district}.",
    ], [
        "Put a climbing boulder in the park.", "Put up a covered youth shelter with lighting.",
        "Install concrete table tennis tables.", "Build a parkour course with bars and walls.",
        "Run free music studio sessions for teenagers.",
    ], [
        "Young people need a place of their own.", "Less antisocial behaviour.",
        "Sport keeps teenagers active.", "It shows the city cares about its youth.",
    ]),
    ("dogs", [
        "Dog training classes in {park}", "Dog water bowls on {street}", "Dog-friendly places map",
        "Dogs on buses", "Cheaper dog licences for rescue dogs",
    ], [
        "Some dogs in {park} are out of control.", "Dogs get thirsty on hot walks.",
        "Rescue centres in the city are full.", "Dog owners don't know where dogs are welcome.",
        "People with dogs can't use the bus.",
    ], [
        "Offer cheap dog training in the park.", "Put water bowls outside shops.",
        "Allow dogs on buses outside rush hour.", "Publish a map of dog-friendly places.",
        "Reduce the licence fee for rescue dogs.",
    ], [
        "Better behaved dogs.", "Happier dogs and owners.", "More dogs adopted.", "Fewer conflicts in the park.",
    ]),
    ("play", [
        "New playground in {park}", "Adventure playground in {district}", "Fix the swings in {park}",
        "Natural play area in {park}", "Play equipment for toddlers in {district}",
    ], [
        "The playground in {park} is old and half of it is taped off.", "Older children find the playground boring.",
        "There is no playground within walking distance in {district}.", "The slide is broken and the sandpit is full of glass.",
        "Toddlers have nothing to play on in {park}.",
    ], [
        "Replace the old equipment with new play.", "Build a rope course for older children.",
        "Build a play area with logs, water and sand.", "Fence the toddler area and add soft surfacing.",
        "Add a zip line and a climbing net.",
    ], [
        "Bigger kids would play outside again.", "Parents would meet other families.",
        "Children need to play outside.", "Safer play, fewer injuries.",
    ]),
    ("flooding", [
        "Stop the flooding on {street}", "Sandbags for {district}", "Flood map for {district}",
        "Green the car park at {building}", "Flood protection for {district}",
    ], [
        "{street} floods every time it rains heavily.", "Water pours into basements in {district}.",
        "Nobody knows which streets flood first.", "The car park at {building} is all tarmac and water runs off.",
        "The river burst its banks twice this year.",
    ], [
        "Hand out sandbags before storms.", "Send flood warnings by text message.",
        "Replace tarmac with permeable paving.", "Raise the river wall at its lowest point.",
        "Publish a map of the streets at risk.",
    ], [
        "Homes would stay dry.", "Less damage and lower insurance.",
        "People could prepare in time.", "The city copes with heavier storms.",
    ]),
    ("heat", [
        "Cool spaces in {district}", "Shade sails over the seating in {park}", "Cool the market square",
        "Heat plan for {district}", "Misting fountains on {street}",
    ], [
        "Summers are getting hotter and {district} has no shade.", "Flats in {district} overheat during heatwaves.",
        "The square is a frying pan in July.", "Nobody can sit in {park} at midday in summer.",
        "Shop fronts on {street} are in full sun all afternoon.",
    ], [
        "Open air-conditioned rooms in libraries during heatwaves.", "Put shade sails over the benches.",
        "Plant trees and add water features in the square.", "Open the swimming pool free on very hot days.",
        "Put up awnings over shop fronts.",
    ], [
        "Lives are saved in heatwaves.", "People can stay outside in summer.",
        "A cooler, more pleasant city.", "Shopping streets stay busy in summer.",
    ]),
    ("warm-spaces", [
        "Warm rooms in {district} this winter", "Heated space at {building}", "Winter drop-in at {building}",
        "Free hot drinks at {building}", "Help with heating bills in {district}",
    ], [
        "Many pensioners in {district} cannot afford to heat their homes.", "Heating bills have doubled.",
        "Bus shelters are freezing in winter.", "Students study in coats because their rooms are cold.",
        "Families choose between heating and eating.",
    ], [
        "Open heated rooms with free tea and wifi.", "Keep the library open later in winter.",
        "Run a winter phone line for people who feel alone.", "Give advice on heating grants and insulation.",
        "Offer free flu jabs at the drop-in.",
    ], [
        "Nobody should be cold in winter.", "Lonely people meet others.",
        "Fewer people fall ill.", "It costs little and helps many.",
    ]),
    ("plastic", [
        "Bring-your-own-cup discount in {district}", "Plastic-free market", "Plastic-free aisle in supermarkets",
        "Ban plastic bags at the market", "No plastic cutlery at city events",
    ], [
        "Supermarkets wrap every cucumber in plastic.", "The market gives out plastic bags for everything.",
        "Plastic straws and cutlery litter {park} after weekends.", "City festivals hand out plastic plates.",
        "Plastic bottles wash up along the river.",
    ], [
        "Give a discount to people who bring their own cup.", "Give market stalls paper bags and ban plastic.",
        "Ask supermarkets for an aisle without packaging.", "Use only washable plates at city events.",
        "Put a deposit on bottles and cans.",
    ], [
        "Far less plastic waste.", "Cleaner streets and river.",
        "Shops save money on packaging.", "Good habits spread.",
    ]),
    ("noise", [
        "Less noise on {street}", "Quiet hours in {district}", "Noise barrier along the ring road",
        "Quiet zone in {park}", "Soundproof windows for {street}",
    ], [
        "Bars on {street} play music until three.", "The ring road noise is constant in {district}.",
        "Church bells ring every quarter hour all night.", "Car alarms go off on {street} every night.",
        "Building sites start drilling at seven.",
    ], [
        "Build a green noise wall with plants.", "Agree quiet hours with bars and enforce them.",
        "Give grants for soundproof windows.", "Limit building work to eight till six.",
        "Make part of the park a quiet zone without music.",
    ], [
        "People could sleep again.", "Less stress and better health.",
        "Children could do homework in peace.", "The area would be a better place to live.",
    ]),
    ("food", [
        "Cooking classes on a budget", "Market leftovers sold cheap at closing", "Community kitchen in {district}",
        "Food waste tips for households", "Healthy school breakfasts",
    ], [
        "Many young people never learnt to cook.", "Market stalls bin bruised fruit at closing time.",
        "People in bedsits have no proper kitchen.", "Households throw away a third of the food they buy.",
        "Pupils arrive at school hungry.",
    ], [
        "Teach cheap healthy cooking at the community centre.", "Sell the market's leftover fruit cheaply at the end of the day.",
        "Open a shared kitchen where anyone can cook.", "Teach households to plan meals and waste less.",
        "Serve a free breakfast before lessons.",
    ], [
        "Healthier meals for less money.", "Neighbours help each other.",
        "No child should learn on an empty stomach.", "Less food in the bin.",
    ]),
    ("art", [
        "Murals on {street}", "Street art in {district}", "Artist studios in empty shops",
        "Sculpture trail in {park}", "Art in the windows of {building}",
    ], [
        "The walls on {street} are covered in tags.", "{district} looks grey and unloved.",
        "Empty shops on {street} stay boarded up.", "Local artists have nowhere to show their work.",
        "The shutters on {street} are ugly when the shops close.",
    ], [
        "Invite local artists to paint large murals.", "Let artists use empty shops as studios.",
        "Put sculptures by local makers along a walking trail.", "Paint the shop shutters with art.",
        "Hold a street art festival every summer.",
    ], [
        "The area would be brighter and less tagged.", "Artists get work and visibility.",
        "People would be proud of their streets.", "Visitors would come to see it.",
    ]),
    ("cycling-support", [
        "Cargo bike deliveries in the centre", "Cycle training for adults in {district}", "Bike repair vouchers",
        "Cycling lessons for newcomers", "Bike trailers to borrow",
    ], [
        "Delivery vans block {street} all day.", "Many adults never learnt to ride a bike.",
        "Old bikes rot in sheds because repairs cost too much.", "Small shops want greener deliveries.",
        "Newcomers from countries without cycling are afraid to ride.",
    ], [
        "Run deliveries in the centre by cargo bike.", "Give free cycling lessons to adults.",
        "Hand out vouchers for bike repairs.", "Lend bike trailers from the library.",
        "Run women-only cycling lessons.",
    ], [
        "Fewer vans and cars.", "Anyone can learn to cycle.",
        "Cleaner air in the centre.", "People discover cycling.",
    ]),
    ("walking", [
        "Wider pavements on {street}", "Pavement repairs in {district}", "Tactile paving in {district}",
        "Longer green light for pedestrians on {street}", "Footpath along the river to {district}",
    ], [
        "The pavement on {street} is so narrow that prams go on the road.", "The green man on {street} lasts five seconds.",
        "Blind people cannot tell where the pavement ends.", "The riverside footpath is overgrown and muddy.",
        "Tree roots have lifted the pavement slabs.",
    ], [
        "Widen the pavement and remove clutter.", "Give people on foot more time to cross.",
        "Lay tactile paving at every crossing.", "Resurface and light the riverside path.",
        "Fix the uneven slabs that trip people up.",
    ], [
        "Walking would be easy for everyone.", "Blind and partially sighted people could get around.",
        "Fewer falls.", "Fewer short car trips.",
    ]),
    ("river", [
        "Boat hire on the river", "Canal towpath clean-up", "Riverside walk in {district}",
        "River history signs", "Fishing platforms on the river",
    ], [
        "The river is only used by rowing clubs.", "Shopping trolleys are dumped in the canal.",
        "The riverbank in {district} is fenced off.", "Nobody knows the story of the old docks.",
        "Anglers trample the riverbank.",
    ], [
        "Rent canoes and rowing boats in summer.", "Fish out the trolleys and fence the banks.",
        "Open the riverbank with a path and benches.", "Put up signs about the river's history.",
        "Build fishing platforms that protect the bank.",
    ], [
        "The river becomes part of city life.", "A cleaner canal.",
        "Visitors learn about the city.", "Something to do on summer days.",
    ]),
    ("community", [
        "Community centre for {district}", "Meeting space at {building}", "Welcome pack for new residents",
        "Noticeboard on {street}", "Men's shed in {district}",
    ], [
        "Neighbours in {district} don't know each other.", "People who move here don't know where anything is.",
        "There is no free room to meet in {district}.", "Retired men in {district} have nowhere to go.",
        "Clubs have to pay a lot to hire a hall.",
    ], [
        "Open a free room for groups and clubs.", "Give every new household a welcome pack with a map.",
        "Put a community noticeboard at every corner shop.", "Open a workshop where retired people make things together.",
        "Let groups use school halls in the evening.",
    ], [
        "People would get to know their neighbours.", "Less loneliness.",
        "Newcomers would settle in faster.", "A stronger neighbourhood.",
    ]),
    ("homelessness", [
        "Help for homeless people in {district}", "Haircuts for homeless people", "Job training in shelters",
        "Pets allowed in the night shelter", "Outreach workers at night",
    ], [
        "More people sleep rough on {street} every winter.", "Rough sleepers cannot get a haircut before a job interview.",
        "People in shelters struggle to find work.", "People refuse shelter because dogs are not allowed.",
        "Nobody checks on people sleeping in doorways at night.",
    ], [
        "Run a free barber van once a month.", "Offer job training and a bank account.",
        "Let people bring their dogs into the night shelter.", "Send outreach workers out at night.",
        "Give every rough sleeper a named support worker.",
    ], [
        "Nobody should sleep on the street.", "People can get back to work.",
        "It costs less than emergency care.", "Dignity for everyone.",
    ]),
    ("participation", [
        "Yearly town meeting in {district}", "Votes at 16 in local referendums", "Petitions that get an answer",
        "Councillors' surgery times online", "Ask residents before road works in {district}",
    ], [
        "Residents feel the council never listens.", "Road works in {district} start without warning.",
        "Young people have no say in the city.", "Petitions are ignored however many sign.",
        "Nobody knows who their councillor is.",
    ], [
        "Hold a yearly town meeting in each district.", "Lower the voting age for local referendums to sixteen.",
        "Debate every petition with 1,000 signatures.", "Post councillors' surgery times online.",
        "Send a letter to every house before works begin.",
    ], [
        "People would trust the council more.", "Better decisions with local knowledge.",
        "Young people learn how democracy works.", "More people would take part.",
    ]),
    ("nature", [
        "Bat boxes in {district}", "Leave dead wood in {park}", "Bird feeders at {school}",
        "Nature trail signs in {park}", "Wildlife cameras in {park}",
    ], [
        "Bats have lost their roosts in old barns.", "Fallen trees are cleared away at once.",
        "Children never see birds up close.", "Nobody knows what lives in the park.",
        "Foxes and badgers live in {park} but nobody sees them.",
    ], [
        "Put bat boxes on tall trees.", "Leave fallen wood for beetles and fungi.",
        "Put feeders and a bird hide at schools.", "Put up signs about the birds and plants.",
        "Put cameras in the park so schools can watch the animals.",
    ], [
        "Wildlife comes back.", "Children can see nature close by.",
        "Nature makes people happier.", "A greener city.",
    ]),
    ("greening", [
        "Green roofs in {district}", "Turn the car park into a park", "Climbing plants on the walls of {building}",
        "Planters on {street}", "Green schoolyards in {district}",
    ], [
        "{district} is all concrete.", "Roofs in {district} are flat and bare.",
        "The car park on {street} is half empty every day.", "The school yards in {district} are bare asphalt.",
        "The walls of {building} are grey and hot in summer.",
    ], [
        "Give grants for green roofs.", "Dig up part of the car park and plant it.",
        "Grow ivy and climbing plants up the walls.", "Replace the school yard asphalt with grass and trees.",
        "Put large planters with shrubs along the street.",
    ], [
        "Greener streets for everyone.", "Cooler streets in summer.",
        "Wildlife returns.", "A nicer place to live.",
    ]),
    ("council-services", [
        "Online parking permits", "One phone number for the council", "Free wifi at {building}",
        "Paper forms kept for those who want them", "Longer opening hours at city hall",
    ], [
        "Parking permits still need a visit to city hall.", "Nobody knows which department to call.",
        "There is no free wifi in the centre.", "Some people have no internet at home.",
        "City hall closes at four, when most people are at work.",
    ], [
        "Let people renew permits online.", "Have one number that answers every question.",
        "Put free wifi in the library and square.", "Keep a paper version of every form.",
        "Open city hall on Thursday evenings.",
    ], [
        "Saves everyone time.", "Nobody is left behind.",
        "Fewer wasted trips.", "Staff can focus on people who need help.",
    ]),
    ("cars", [
        "Car club in {district}", "Cheaper parking for small cars", "Free parking for carers in {district}",
        "Car parks that show free spaces", "Fewer car parks in the centre",
    ], [
        "Most cars stand unused 23 hours a day.", "Big SUVs take two spaces on {street}.",
        "Home carers get parking fines while visiting patients.", "Drivers circle the centre looking for a space.",
        "The centre has more car parks than parks.",
    ], [
        "Start a car-sharing club with cars parked in every district.", "Charge for parking by car size.",
        "Give care workers a free parking permit.", "Put signs showing free spaces in each car park.",
        "Turn one car park into housing.",
    ], [
        "Less traffic searching for spaces.", "Fewer cars on the street.",
        "Carers can do their job.", "A calmer centre.",
    ]),
    ("culture", [
        "Open-air cinema in {park}", "Summer concerts in {park}", "Library card for every newborn",
        "Free museum days", "Festival for {district}",
    ], [
        "There is nothing to do in the evening in {district}.", "The library has no books in the languages people here speak.",
        "Museum tickets are too expensive for families.", "{park} is empty on summer evenings.",
        "Local bands have nowhere to play.",
    ], [
        "Show films outdoors on summer Fridays.", "Lend e-readers and audiobooks to housebound readers.",
        "Make the first Sunday of the month free at the museum.", "Hold free concerts with local bands.",
        "Organise a yearly festival run by residents.",
    ], [
        "Culture for everyone, not just those who can pay.", "The neighbourhood comes together.",
        "Local artists get a stage.", "Families have something to do.",
    ]),
]  # fmt: skip

VOICES = [
    "{title}",
    "{title}",
    "{title}",
    "{title} please",
    "We need: {title_lower}",
    "{title} — long overdue",
    "Idea: {title_lower}",
    "{title}!",
]
SUMMARIES = [
    "{problem} {proposal}",
    "{problem} {proposal} {benefit}",
    "{proposal} {benefit}",
    "{problem} We should {proposal_lower}",
    "{proposal} {problem}",
    "{problem} {benefit}",
]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        street=rng.choice(STREETS),
        park=rng.choice(PARKS),
        district=rng.choice(DISTRICTS),
        school=rng.choice(SCHOOLS),
        stop=rng.choice(STOPS),
        building=rng.choice(BUILDINGS),
    )


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def civic_idea(rng: random.Random) -> tuple[str, str, str, str]:
    """One idea: (title, summary, body as HTML, tag)."""
    tag, titles, problems, proposals, benefits = rng.choice(TOPICS)
    title = _capitalise(_fill(rng.choice(titles), rng))
    title = rng.choice(VOICES).format(title=title, title_lower=title[:1].lower() + title[1:])
    proposal = rng.choice(proposals)
    summary = rng.choice(SUMMARIES).format(
        problem=_capitalise(_fill(rng.choice(problems), rng)),
        proposal=_fill(proposal, rng),
        proposal_lower=proposal[:1].lower() + _fill(proposal[1:], rng),
        benefit=rng.choice(benefits),
    )
    extra = [_fill(rng.choice(problems), rng), _fill(rng.choice(proposals), rng), rng.choice(benefits)]
    body = "".join(f"<p>{_capitalise(sentence)}</p>" for sentence in rng.sample(extra, rng.randint(1, 3)))
    return title[:140], summary[:280], body, tag


def civic_ideas(count: int, *, seed: int = 1) -> Iterator[tuple[str, str, str, str]]:
    """``count`` different ideas (no two with the same title and summary)."""
    rng = random.Random(seed)
    seen: set[tuple[str, str]] = set()
    while len(seen) < count:
        idea = civic_idea(rng)
        if (idea[0], idea[1]) not in seen:
            seen.add((idea[0], idea[1]))
            yield idea
