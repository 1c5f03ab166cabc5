"""English gold articles: what a reader sees on the page, and what a careful annotator expects out of it.

Each `A(...)` is one page. `byline` is the raw byline as printed; `authors` / `orgs` are what should come out.
`ents` lists every entity surface form in the text as (surface, canonical, label); every whole-word
occurrence of a surface in the text is a gold mention. `date` is the UTC publish day expected, or None for a
page that states no date anywhere (it must come out undateable).
"""

from bench.quality.spec import A

ARTICLES = [
    A(
        "ecb-april-pause",
        "meridian",
        "ld",
        title="ECB keeps rates on hold for a fifth meeting",
        byline="By Helen Okafor and Tomasz Nowak",
        authors=["Helen Okafor", "Tomasz Nowak"],
        published="2024-03-14T13:15:00+01:00",
        date="2024-03-14",
        paras=[
            "The European Central Bank kept its deposit rate at 4 percent on Thursday, the fifth meeting in a row "
            "without a change, as policymakers in Frankfurt waited for clearer signs that wage growth was slowing.",
            "Christine Lagarde told reporters that the governing council had not discussed a cut. Lagarde said the "
            "bank would know much more by June, when new staff projections are published.",
            "Analysts at Commerzbank said the message was unchanged. Isabel Ferreira, an economist at the Bank of "
            "Portugal, said southern members of the eurozone were under more pressure from variable-rate mortgages.",
            "The euro rose slightly against the dollar after the announcement, while German bond yields fell.",
        ],
        ents=[
            ("European Central Bank", "European Central Bank", "ORG"),
            ("Frankfurt", "Frankfurt", "GPE"),
            ("Christine Lagarde", "Christine Lagarde", "PERSON"),
            ("Lagarde", "Christine Lagarde", "PERSON"),
            ("Commerzbank", "Commerzbank", "ORG"),
            ("Isabel Ferreira", "Isabel Ferreira", "PERSON"),
            ("Bank of Portugal", "Bank of Portugal", "ORG"),
            ("German", "German", "NORP"),
        ],
    ),
    A(
        "nairobi-matatu-fares",
        "harbor",
        "ld",
        title="Nairobi minibus operators raise fares after fuel price rise",
        byline="By Grace Wanjiru, Senior Reporter",
        authors=["Grace Wanjiru"],
        published="2024-03-12T06:40:00+03:00",
        date="2024-03-12",
        paras=[
            "Minibus operators in Nairobi raised fares by up to a fifth on Tuesday, a day after Kenya's energy "
            "regulator increased the pump price of diesel for the second month running.",
            "The Matatu Owners Association said its members could no longer absorb the cost. Its chairman, Simon "
            "Kimutai, said passengers on routes to Thika and Kitengela would pay the most.",
            "The Energy and Petroleum Regulatory Authority blamed higher import costs and a weaker shilling. Kimutai "
            "urged the Treasury to cut the fuel levy, which he said made up almost a third of the price.",
            "Commuters queued for longer at the central bus station as some drivers stayed home in protest.",
        ],
        ents=[
            ("Nairobi", "Nairobi", "GPE"),
            ("Kenya", "Kenya", "GPE"),
            ("Matatu Owners Association", "Matatu Owners Association", "ORG"),
            ("Simon Kimutai", "Simon Kimutai", "PERSON"),
            ("Kimutai", "Simon Kimutai", "PERSON"),
            ("Thika", "Thika", "GPE"),
            ("Kitengela", "Kitengela", "GPE"),
            ("Energy and Petroleum Regulatory Authority", "Energy and Petroleum Regulatory Authority", "ORG"),
            ("Treasury", "Treasury", "ORG"),
        ],
    ),
    A(
        "rotterdam-dockworkers-deal",
        "harbor",
        "ld",
        title="Rotterdam dockworkers accept three-year pay deal",
        byline="By Pieter de Vries in Rotterdam",
        authors=["Pieter de Vries"],
        published="2024-03-11T17:05:00+01:00",
        date="2024-03-11",
        paras=[
            "Dockworkers at the Port of Rotterdam voted to accept a three-year pay agreement on Monday, ending a "
            "dispute that had threatened to halt container traffic at Europe's busiest port.",
            "The union FNV Havens said 78 percent of members backed the offer, which raises wages by 11 percent and "
            "limits night shifts for workers over 60. Union negotiator Niek Stam called it a fair compromise.",
            "The employers' group VRS said the deal gave terminals the certainty they needed to keep investing in "
            "automation. Stam said the union would watch closely how new automated cranes were staffed.",
            "Shipping lines including Maersk and MSC had warned customers of possible delays.",
        ],
        ents=[
            ("Port of Rotterdam", "Port of Rotterdam", "FAC"),
            ("Europe", "Europe", "LOC"),
            ("FNV Havens", "FNV Havens", "ORG"),
            ("Niek Stam", "Niek Stam", "PERSON"),
            ("Stam", "Niek Stam", "PERSON"),
            ("VRS", "VRS", "ORG"),
            ("Maersk", "Maersk", "ORG"),
            ("MSC", "MSC", "ORG"),
        ],
    ),
    A(
        "un-climate-fund-pledges",
        "meridian",
        "ld",
        title="Donors pledge $3bn to UN climate adaptation fund",
        byline="By Amara Diallo",
        authors=["Amara Diallo"],
        published="2024-03-08T21:30:00-05:00",
        date="2024-03-09",  # evening in New York is the next day in UTC
        paras=[
            "Donor countries pledged $3 billion to the United Nations adaptation fund at a meeting in New York on "
            "Friday, short of the $5 billion that small island states had asked for.",
            "Germany and Japan made the largest pledges. The UN Secretary-General, Antonio Guterres, said the money "
            "would help coastal communities build sea walls and early-warning systems.",
            "Mia Mottley, the prime minister of Barbados, said the sums were welcome but far too small. Mottley has "
            "led calls for the World Bank to lend more cheaply to countries hit by storms.",
            "The fund will publish its first list of projects in June.",
        ],
        ents=[
            ("United Nations", "United Nations", "ORG"),
            ("UN", "United Nations", "ORG"),
            ("New York", "New York", "GPE"),
            ("Germany", "Germany", "GPE"),
            ("Japan", "Japan", "GPE"),
            ("Antonio Guterres", "Antonio Guterres", "PERSON"),
            ("Mia Mottley", "Mia Mottley", "PERSON"),
            ("Mottley", "Mia Mottley", "PERSON"),
            ("Barbados", "Barbados", "GPE"),
            ("World Bank", "World Bank", "ORG"),
        ],
    ),
    A(
        "airbus-deliveries-february",
        "meridian",
        "ld",
        title="Airbus deliveries slip as engine shortages bite",
        byline="Reuters",
        ld_authors=[("Reuters", "Organization")],
        authors=[],
        orgs=["Reuters"],
        published="2024-03-07T09:00:00Z",
        date="2024-03-07",
        paras=[
            "Airbus delivered 49 aircraft in February, fewer than analysts had expected, as shortages of engines "
            "from Pratt & Whitney and CFM International left finished jets waiting on the tarmac in Toulouse.",
            "Chief executive Guillaume Faury said last month that supply chains remained fragile. The company kept "
            "its target of about 800 deliveries this year.",
            "Rival Boeing is under pressure from regulators in Washington after a door panel blew off a 737 MAX in "
            "January. The Federal Aviation Administration has capped Boeing's production of the model.",
            "Airbus shares fell 1.2 percent in Paris.",
        ],
        ents=[
            ("Airbus", "Airbus", "ORG"),
            ("Pratt & Whitney", "Pratt & Whitney", "ORG"),
            ("CFM International", "CFM International", "ORG"),
            ("Toulouse", "Toulouse", "GPE"),
            ("Guillaume Faury", "Guillaume Faury", "PERSON"),
            ("Boeing", "Boeing", "ORG"),
            ("Washington", "Washington", "GPE"),
            ("Federal Aviation Administration", "Federal Aviation Administration", "ORG"),
            ("Paris", "Paris", "GPE"),
        ],
    ),
    A(
        "csto-summit-minsk",
        "worldaffairs",
        "ld",
        title="CSTO leaders meet in Minsk without Armenia",
        byline="By Ivan Petrov and Dilnoza Karimova, World Affairs Desk",
        authors=["Ivan Petrov", "Dilnoza Karimova"],
        published="2024-03-06T12:00:00+03:00",
        date="2024-03-06",
        paras=[
            "Leaders of the Collective Security Treaty Organization met in Minsk on Wednesday without Armenia, "
            "whose prime minister has frozen his country's participation in the alliance.",
            "The CSTO secretary-general, Imangali Tasmagambetov, said the door remained open. Nikol Pashinyan, "
            "Armenia's prime minister, has accused the bloc of failing to defend his country during clashes with "
            "Azerbaijan.",
            "Vladimir Putin joined by video link. Putin said the alliance would hold joint exercises in Kazakhstan "
            "in the autumn. Belarusian President Alexander Lukashenko hosted the meeting.",
            "Pashinyan did not comment on the summit.",
        ],
        ents=[
            ("Collective Security Treaty Organization", "Collective Security Treaty Organization", "ORG"),
            ("CSTO", "Collective Security Treaty Organization", "ORG"),
            ("Minsk", "Minsk", "GPE"),
            ("Armenia", "Armenia", "GPE"),
            ("Imangali Tasmagambetov", "Imangali Tasmagambetov", "PERSON"),
            ("Nikol Pashinyan", "Nikol Pashinyan", "PERSON"),
            ("Pashinyan", "Nikol Pashinyan", "PERSON"),
            ("Azerbaijan", "Azerbaijan", "GPE"),
            ("Vladimir Putin", "Vladimir Putin", "PERSON"),
            ("Putin", "Vladimir Putin", "PERSON"),
            ("Kazakhstan", "Kazakhstan", "GPE"),
            ("Belarusian", "Belarusian", "NORP"),
            ("Alexander Lukashenko", "Alexander Lukashenko", "PERSON"),
        ],
    ),
    A(
        "northfield-bus-depot",
        "northfield",
        "ld",
        title="Council approves electric bus depot on old gasworks site",
        byline="By JAMES WHITLOCK, Local Democracy Reporter",
        authors=["James Whitlock"],
        published="2024-03-13T15:45:00+00:00",
        date="2024-03-13",
        paras=[
            "Northfield Borough Council approved plans on Wednesday for a depot for 120 electric buses on the site "
            "of the old gasworks beside the River Aire.",
            "The scheme, led by the operator Westline Buses, will replace diesel vehicles on every town route by "
            "2027. Councillor Priya Shah, who chairs the planning committee, said it would cut roadside pollution.",
            "Residents of Holbeck Terrace objected to noise from charging equipment at night. Shah said the "
            "operator had agreed to build an acoustic wall.",
            "Construction is due to begin in the summer.",
        ],
        ents=[
            ("Northfield Borough Council", "Northfield Borough Council", "ORG"),
            ("River Aire", "River Aire", "LOC"),
            ("Westline Buses", "Westline Buses", "ORG"),
            ("Priya Shah", "Priya Shah", "PERSON"),
            ("Shah", "Priya Shah", "PERSON"),
            ("Holbeck Terrace", "Holbeck Terrace", "FAC"),
        ],
    ),
    A(
        "lisbon-housing-protest",
        "meridian",
        "ld",
        title="Thousands march in Lisbon over housing costs",
        byline="By Helen Okafor",
        ld_authors=[("Helen Okafor", "Person"), ("The Meridian Post", "Organization")],
        authors=["Helen Okafor"],
        orgs=["The Meridian Post"],
        published="2024-03-10T19:20:00+00:00",
        date="2024-03-10",
        modified="2024-03-11T08:00:00+00:00",
        paras=[
            "Thousands of people marched through central Lisbon on Sunday to protest against rising rents, a day "
            "before parliamentary elections in which housing has become a leading issue.",
            "Organisers from the movement Casa Para Viver said rents in the capital had doubled in a decade. "
            "Marchers walked from Alameda to the Rossio square carrying banners against short-term lets.",
            "Luis Montenegro, the leader of the Democratic Alliance, has promised tax breaks for young buyers. The "
            "Socialist Party candidate, Pedro Nuno Santos, wants more public housing.",
            "Montenegro's alliance leads in the latest polls.",
        ],
        ents=[
            ("Lisbon", "Lisbon", "GPE"),
            ("Casa Para Viver", "Casa Para Viver", "ORG"),
            ("Alameda", "Alameda", "FAC"),
            ("Rossio", "Rossio", "FAC"),
            ("Luis Montenegro", "Luis Montenegro", "PERSON"),
            ("Montenegro", "Luis Montenegro", "PERSON"),
            ("Democratic Alliance", "Democratic Alliance", "ORG"),
            ("Socialist Party", "Socialist Party", "ORG"),
            ("Pedro Nuno Santos", "Pedro Nuno Santos", "PERSON"),
        ],
    ),
    A(
        "hamburg-container-volumes",
        "harbor",
        "og",
        title="Hamburg container volumes fall to a 15-year low",
        byline="By Katrin Vogel | Hamburg Correspondent",
        meta_authors=["Katrin Vogel"],
        authors=["Katrin Vogel"],
        published="2024-03-05T10:30:00+01:00",
        date="2024-03-05",
        paras=[
            "Container throughput at the port of Hamburg fell 6 percent last year to its lowest level since 2009, "
            "the port's marketing company said on Tuesday.",
            "Hafen Hamburg Marketing blamed weak trade with China and the diversion of ships around the Cape of Good "
            "Hope. Its chief executive, Axel Mattern, said Rotterdam and Antwerp had taken market share.",
            "The city government sold a stake in the terminal operator HHLA to the Swiss shipping group MSC last "
            "year in a bid to secure more cargo. Mattern said the deal would take time to show results.",
            "Rail freight from the port grew slightly, helped by new links to Poland.",
        ],
        ents=[
            ("Hamburg", "Hamburg", "GPE"),
            ("Hafen Hamburg Marketing", "Hafen Hamburg Marketing", "ORG"),
            ("China", "China", "GPE"),
            ("Cape of Good Hope", "Cape of Good Hope", "LOC"),
            ("Axel Mattern", "Axel Mattern", "PERSON"),
            ("Mattern", "Axel Mattern", "PERSON"),
            ("Rotterdam", "Rotterdam", "GPE"),
            ("Antwerp", "Antwerp", "GPE"),
            ("HHLA", "HHLA", "ORG"),
            ("Swiss", "Swiss", "NORP"),
            ("MSC", "MSC", "ORG"),
            ("Poland", "Poland", "GPE"),
        ],
    ),
    A(
        "accra-cocoa-harvest",
        "meridian",
        "og",
        title="Ghana cuts cocoa harvest forecast as disease spreads",
        byline="By Kwame Mensah and Efua Owusu",
        meta_authors=["Kwame Mensah", "Efua Owusu"],
        authors=["Kwame Mensah", "Efua Owusu"],
        published="2024-03-04T14:00:00+00:00",
        date="2024-03-04",
        paras=[
            "Ghana's cocoa regulator cut its harvest forecast for the season by a third on Monday, as swollen shoot "
            "virus and heavy rains destroyed trees across the Western region.",
            "The Ghana Cocoa Board said it now expected about 650,000 tonnes. Its spokesman, Fiifi Boafo, said "
            "farmers would receive new seedlings from April.",
            "Cocoa futures in London and New York hit record highs this year. Chocolate makers including Nestle and "
            "Mondelez have warned that prices for consumers will rise.",
            "Neighbouring Ivory Coast, the world's biggest producer, has also reported a poor crop.",
        ],
        ents=[
            ("Ghana", "Ghana", "GPE"),
            ("Western", "Western", "LOC"),
            ("Ghana Cocoa Board", "Ghana Cocoa Board", "ORG"),
            ("Fiifi Boafo", "Fiifi Boafo", "PERSON"),
            ("London", "London", "GPE"),
            ("New York", "New York", "GPE"),
            ("Nestle", "Nestle", "ORG"),
            ("Mondelez", "Mondelez", "ORG"),
            ("Ivory Coast", "Ivory Coast", "GPE"),
        ],
    ),
    A(
        "geneva-talks-water",
        "worldaffairs",
        "og",
        title="Central Asian states agree water-sharing talks in Geneva",
        byline="Staff and agencies",
        meta_authors=["Staff and agencies"],
        authors=[],
        published="2024-03-02T11:10:00+01:00",
        date="2024-03-02",
        paras=[
            "Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan agreed on Saturday to hold talks in "
            "Geneva on sharing the waters of the Amu Darya and Syr Darya rivers.",
            "The talks will be chaired by the UN Economic Commission for Europe. Its executive secretary, Tatiana "
            "Molcean, said melting glaciers made an agreement urgent.",
            "Farmers in Uzbekistan depend on water released from reservoirs in Tajikistan and Kyrgyzstan. Molcean "
            "said the first round would focus on data sharing.",
        ],
        ents=[
            ("Kazakhstan", "Kazakhstan", "GPE"),
            ("Kyrgyzstan", "Kyrgyzstan", "GPE"),
            ("Tajikistan", "Tajikistan", "GPE"),
            ("Turkmenistan", "Turkmenistan", "GPE"),
            ("Uzbekistan", "Uzbekistan", "GPE"),
            ("Geneva", "Geneva", "GPE"),
            ("Amu Darya", "Amu Darya", "LOC"),
            ("Syr Darya", "Syr Darya", "LOC"),
            ("UN Economic Commission for Europe", "UN Economic Commission for Europe", "ORG"),
            ("Tatiana Molcean", "Tatiana Molcean", "PERSON"),
            ("Molcean", "Tatiana Molcean", "PERSON"),
        ],
    ),
    A(
        "oslo-wealth-fund-returns",
        "meridian",
        "og",
        title="Norway's wealth fund posts record profit on tech rally",
        byline="By Ingrid Halvorsen (ingrid.halvorsen@meridianpost.example)",
        meta_authors=["Ingrid Halvorsen"],
        authors=["Ingrid Halvorsen"],
        published="2024-01-30T08:30:00+01:00",
        date="2024-01-30",
        paras=[
            "Norway's sovereign wealth fund made a record profit last year as shares in technology companies "
            "surged, the fund's manager said in Oslo on Tuesday.",
            "Norges Bank Investment Management said the fund earned 2.2 trillion crowns. Chief executive Nicolai "
            "Tangen said holdings in Microsoft, Apple and Nvidia accounted for much of the gain.",
            "Tangen warned that returns would not always be so strong. The fund owns about 1.5 percent of all "
            "listed shares in the world.",
        ],
        ents=[
            ("Norway", "Norway", "GPE"),
            ("Oslo", "Oslo", "GPE"),
            ("Norges Bank Investment Management", "Norges Bank Investment Management", "ORG"),
            ("Nicolai Tangen", "Nicolai Tangen", "PERSON"),
            ("Tangen", "Nicolai Tangen", "PERSON"),
            ("Microsoft", "Microsoft", "ORG"),
            ("Apple", "Apple", "ORG"),
            ("Nvidia", "Nvidia", "ORG"),
        ],
    ),
    A(
        "lagos-power-tariff",
        "harbor",
        "visible",
        title="Nigeria raises electricity tariffs for biggest users",
        byline="By Chinedu Okeke",
        authors=["Chinedu Okeke"],
        dateline="Published 3 April 2024, 10:15",
        date="2024-04-03",
        paras=[
            "Nigeria's electricity regulator more than tripled the tariff paid by the biggest users on Wednesday, "
            "in a move the government said would reduce the cost of subsidies.",
            "The Nigerian Electricity Regulatory Commission said customers who receive at least 20 hours of supply "
            "a day would pay the new rate. Its chairman, Sanusi Garba, said other users were not affected.",
            "Manufacturers in Lagos said the rise would force some factories to close. The Manufacturers "
            "Association of Nigeria asked President Bola Tinubu to reverse it.",
        ],
        ents=[
            ("Nigeria", "Nigeria", "GPE"),
            ("Nigerian Electricity Regulatory Commission", "Nigerian Electricity Regulatory Commission", "ORG"),
            ("Sanusi Garba", "Sanusi Garba", "PERSON"),
            ("Lagos", "Lagos", "GPE"),
            ("Manufacturers Association of Nigeria", "Manufacturers Association of Nigeria", "ORG"),
            ("Bola Tinubu", "Bola Tinubu", "PERSON"),
        ],
        fetched="2024-04-05T12:00:00+00:00",
    ),
    A(
        "seville-orange-exports",
        "meridian",
        "visible",
        title="Seville orange growers find new buyers in Asia",
        byline="By Lucia Romero",
        authors=["Lucia Romero"],
        dateline="March 1, 2024",
        date="2024-03-01",
        paras=[
            "Growers of bitter oranges around Seville are selling to buyers in Japan and South Korea for the first "
            "time, as demand for British marmalade, their traditional market, declines.",
            "The Andalusian farmers' cooperative Agrosevilla said exports to Asia had doubled this season. Its "
            "export manager, Manuel Ortega, said Japanese companies used the peel in sweets and tea.",
            "Ortega said the city council still collected most of the fruit from the 48,000 orange trees lining "
            "Seville's streets, and turned some of it into electricity.",
        ],
        ents=[
            ("Seville", "Seville", "GPE"),
            ("Japan", "Japan", "GPE"),
            ("South Korea", "South Korea", "GPE"),
            ("British", "British", "NORP"),
            ("Andalusian", "Andalusian", "NORP"),
            ("Agrosevilla", "Agrosevilla", "ORG"),
            ("Manuel Ortega", "Manuel Ortega", "PERSON"),
            ("Ortega", "Manuel Ortega", "PERSON"),
            ("Japanese", "Japanese", "NORP"),
        ],
    ),
    A(
        "northfield-school-roof",
        "northfield",
        "visible",
        title="Primary school closed after roof concrete found unsafe",
        byline="By Sarah Ellison, Education Correspondent",
        authors=["Sarah Ellison"],
        dateline="Wednesday 28 February 2024",
        date="2024-02-28",
        paras=[
            "St Mary's Primary School in Northfield will stay closed for the rest of the week after inspectors found "
            "crumbling concrete in the roof of its main hall.",
            "The Department for Education said the building contained reinforced autoclaved aerated concrete, known "
            "as RAAC. Headteacher Daniel Brooks said pupils would be taught at the town library from Monday.",
            "Brooks thanked parents for their patience. Northfield Borough Council said repairs could take months.",
        ],
        ents=[
            ("St Mary's Primary School", "St Mary's Primary School", "ORG"),
            ("Northfield", "Northfield", "GPE"),
            ("Department for Education", "Department for Education", "ORG"),
            ("Daniel Brooks", "Daniel Brooks", "PERSON"),
            ("Brooks", "Daniel Brooks", "PERSON"),
            ("Northfield Borough Council", "Northfield Borough Council", "ORG"),
        ],
    ),
    A(
        "marseille-ferry-strike",
        "harbor",
        "visible",
        title="Ferry crews strike in Marseille over Corsica contract",
        byline="By Claire Dubois",
        authors=["Claire Dubois"],
        dateline="Updated: 02/03/2024",
        date="2024-03-02",
        paras=[
            "Crews on ferries between Marseille and Corsica went on strike on Saturday over the award of a public "
            "service contract to a rival operator.",
            "The CGT union said jobs at La Meridionale were at risk after the regional authority of Corsica chose "
            "Corsica Linea for two routes. Union official Frederic Alpozzo said the strike would last 48 hours.",
            "Passengers were offered seats on flights from Marseille to Ajaccio and Bastia.",
        ],
        ents=[
            ("Marseille", "Marseille", "GPE"),
            ("Corsica", "Corsica", "GPE"),
            ("CGT", "CGT", "ORG"),
            ("La Meridionale", "La Meridionale", "ORG"),
            ("Corsica Linea", "Corsica Linea", "ORG"),
            ("Frederic Alpozzo", "Frederic Alpozzo", "PERSON"),
            ("Ajaccio", "Ajaccio", "GPE"),
            ("Bastia", "Bastia", "GPE"),
        ],
    ),
    A(
        "tajikistan-rogun-dam",
        "worldaffairs",
        "url",
        title="World Bank backs financing for Tajikistan's Rogun dam",
        byline="By Dilnoza Karimova",
        authors=["Dilnoza Karimova"],
        url="https://worldaffairs.example/2024/02/21/rogun-dam-financing",
        date="2024-02-21",
        paras=[
            "The World Bank approved a first tranche of financing for the Rogun hydropower dam in Tajikistan, which "
            "would be the tallest dam in the world when finished.",
            "Tajik President Emomali Rahmon has called the project vital for the country's energy independence. "
            "Environmental groups including Human Rights Watch have raised concerns about the resettlement of "
            "families along the Vakhsh river.",
            "The bank said the dam could export electricity to Afghanistan and Pakistan.",
        ],
        ents=[
            ("World Bank", "World Bank", "ORG"),
            ("Rogun", "Rogun", "FAC"),
            ("Tajikistan", "Tajikistan", "GPE"),
            ("Tajik", "Tajik", "NORP"),
            ("Emomali Rahmon", "Emomali Rahmon", "PERSON"),
            ("Human Rights Watch", "Human Rights Watch", "ORG"),
            ("Vakhsh", "Vakhsh", "LOC"),
            ("Afghanistan", "Afghanistan", "GPE"),
            ("Pakistan", "Pakistan", "GPE"),
        ],
    ),
    A(
        "cologne-bridge-closure",
        "northfield",
        "url",
        title="Cologne closes motorway bridge for emergency repairs",
        byline="From our correspondent in Cologne",
        authors=[],
        url="https://northfieldgazette.example/news/2024-03-09-cologne-bridge-closure",
        date="2024-03-09",
        paras=[
            "Authorities in Cologne closed the Leverkusen motorway bridge over the Rhine to heavy goods vehicles, "
            "after engineers found new cracks in its steel supports.",
            "The federal motorway company Autobahn GmbH said lorries would be diverted for at least six weeks. "
            "Hendrik Wust, the premier of North Rhine-Westphalia, called for faster approval of replacement bridges.",
            "Local businesses said the diversions would add hours to deliveries.",
        ],
        ents=[
            ("Cologne", "Cologne", "GPE"),
            ("Leverkusen", "Leverkusen", "GPE"),
            ("Rhine", "Rhine", "LOC"),
            ("Autobahn GmbH", "Autobahn GmbH", "ORG"),
            ("Hendrik Wust", "Hendrik Wust", "PERSON"),
            ("North Rhine-Westphalia", "North Rhine-Westphalia", "GPE"),
        ],
    ),
    A(
        "accra-fintech-licence",
        "meridian",
        "url",
        title="Ghana grants first licences to digital lenders",
        byline="By Efua Owusu",
        authors=["Efua Owusu"],
        url="https://www.meridianpost.example/business/20240226/ghana-digital-lenders",
        date="2024-02-26",
        paras=[
            "The Bank of Ghana granted licences to five digital lenders on Monday under new rules meant to curb "
            "abusive debt collection by mobile loan apps.",
            "Governor Ernest Addison said the rules capped interest rates and banned lenders from contacting "
            "borrowers' relatives. Consumer groups in Accra welcomed the move.",
            "The lenders include the Kenyan company Branch and Ghana's own Fido.",
        ],
        ents=[
            ("Bank of Ghana", "Bank of Ghana", "ORG"),
            ("Ernest Addison", "Ernest Addison", "PERSON"),
            ("Accra", "Accra", "GPE"),
            ("Kenyan", "Kenyan", "NORP"),
            ("Branch", "Branch", "ORG"),
            ("Ghana", "Ghana", "GPE"),
            ("Fido", "Fido", "ORG"),
        ],
    ),
    A(
        "dushanbe-earthquake-drill",
        "worldaffairs",
        "feed",
        title="Dushanbe holds citywide earthquake drill",
        byline="By Farrukh Sharipov",
        authors=["Farrukh Sharipov"],
        listed="2024-03-03T07:00:00+00:00",
        date="2024-03-03",
        paras=[
            "Schools and offices across Dushanbe took part in an earthquake drill on Sunday, the largest held in "
            "the Tajik capital since a strong quake struck the east of the country last year.",
            "The Committee of Emergency Situations said more than 200,000 people had been evacuated from buildings "
            "in under ten minutes. Its head, Rustam Nazarzoda, said older Soviet-era apartment blocks remained a risk.",
            "The drill was supported by the Red Crescent Society of Tajikistan.",
        ],
        ents=[
            ("Dushanbe", "Dushanbe", "GPE"),
            ("Tajik", "Tajik", "NORP"),
            ("Committee of Emergency Situations", "Committee of Emergency Situations", "ORG"),
            ("Rustam Nazarzoda", "Rustam Nazarzoda", "PERSON"),
            ("Soviet", "Soviet", "NORP"),
            ("Red Crescent Society of Tajikistan", "Red Crescent Society of Tajikistan", "ORG"),
        ],
    ),
    A(
        "northfield-marathon-route",
        "northfield",
        "feed",
        title="New marathon route to pass castle and canal",
        byline="Sports desk",
        authors=[],
        listed="Mon, 26 Feb 2024 18:30:00 GMT",
        date="2024-02-26",
        paras=[
            "The Northfield Marathon will take runners past Aire Castle and along the Leeds and Liverpool Canal "
            "this year, organisers said, after complaints that the old route was too hilly.",
            "Race director Gemma Hartley said 6,000 runners had already signed up. The race, sponsored by Yorkshire "
            "Water, will start in Victoria Park on 12 May.",
            "Hartley said roads would close from 7am.",
        ],
        ents=[
            ("Northfield Marathon", "Northfield Marathon", "EVENT"),
            ("Aire Castle", "Aire Castle", "FAC"),
            ("Leeds and Liverpool Canal", "Leeds and Liverpool Canal", "FAC"),
            ("Gemma Hartley", "Gemma Hartley", "PERSON"),
            ("Hartley", "Gemma Hartley", "PERSON"),
            ("Yorkshire Water", "Yorkshire Water", "ORG"),
            ("Victoria Park", "Victoria Park", "FAC"),
        ],
    ),
    A(
        "malaga-airport-record",
        "meridian",
        "feed",
        title="Malaga airport handles record winter traffic",
        byline="By Lucia Romero and Javier Molina",
        authors=["Lucia Romero", "Javier Molina"],
        listed="2024-03-06T09:45:00+01:00",
        date="2024-03-06",
        paras=[
            "Malaga airport handled more passengers this winter than in any previous year, the airport operator "
            "Aena said, driven by flights from Britain, Germany and the Nordic countries.",
            "Aena's regional director, Pedro Bendala, said new routes to Poland and Morocco had also helped. The "
            "Costa del Sol tourism board said hotel occupancy in February topped 70 percent.",
            "Residents' groups in Malaga have protested against the growth of holiday flats.",
        ],
        ents=[
            ("Malaga", "Malaga", "GPE"),
            ("Aena", "Aena", "ORG"),
            ("Britain", "Britain", "GPE"),
            ("Germany", "Germany", "GPE"),
            ("Nordic", "Nordic", "NORP"),
            ("Pedro Bendala", "Pedro Bendala", "PERSON"),
            ("Poland", "Poland", "GPE"),
            ("Morocco", "Morocco", "GPE"),
            ("Costa del Sol", "Costa del Sol", "LOC"),
        ],
    ),
    A(
        "red-sea-shipping-rates",
        "harbor",
        "relative",
        title="Shipping rates from Asia to Europe ease for a third week",
        byline="By Sarah Lindqvist",
        authors=["Sarah Lindqvist"],
        dateline="3 hours ago",
        fetched="2024-03-15T12:00:00+00:00",
        date="2024-03-15",
        paras=[
            "Container freight rates from Shanghai to northern Europe fell for a third week, according to the "
            "Drewry World Container Index, as carriers added ships to routes around Africa.",
            "Drewry's index fell 4 percent to $3,400 per forty-foot container. Analyst Philip Damas said rates "
            "remained more than double their level before attacks on shipping in the Red Sea began.",
            "Hapag-Lloyd said it expected the diversions to last for months.",
        ],
        ents=[
            ("Shanghai", "Shanghai", "GPE"),
            ("Europe", "Europe", "LOC"),
            ("Drewry", "Drewry", "ORG"),
            ("Drewry World Container Index", "Drewry World Container Index", "PRODUCT"),
            ("Africa", "Africa", "LOC"),
            ("Philip Damas", "Philip Damas", "PERSON"),
            ("Red Sea", "Red Sea", "LOC"),
            ("Hapag-Lloyd", "Hapag-Lloyd", "ORG"),
        ],
    ),
    A(
        "lisbon-metro-extension",
        "meridian",
        "relative",
        title="Lisbon metro opens first stations of circular line",
        byline="By Tiago Mendes",
        authors=["Tiago Mendes"],
        dateline="Yesterday",
        fetched="2024-03-16T09:00:00+00:00",
        date="2024-03-15",
        paras=[
            "Lisbon's metro opened the first two stations of its new circular line, linking Rato and Cais do Sodre "
            "under the city centre.",
            "The operator Metropolitano de Lisboa said trains would run every five minutes at peak hours. Mayor "
            "Carlos Moedas said the line would take thousands of cars off the roads.",
            "Critics said the loop would force passengers from the suburbs to change trains.",
        ],
        ents=[
            ("Lisbon", "Lisbon", "GPE"),
            ("Rato", "Rato", "FAC"),
            ("Cais do Sodre", "Cais do Sodre", "FAC"),
            ("Metropolitano de Lisboa", "Metropolitano de Lisboa", "ORG"),
            ("Carlos Moedas", "Carlos Moedas", "PERSON"),
        ],
    ),
    A(
        "harbor-opinion-automation",
        "harbor",
        "undated",
        title="Opinion: automation will not save Europe's ports on its own",
        byline="By Marten Jansen, former harbour master",
        authors=["Marten Jansen"],
        date=None,
        paras=[
            "Every port in Europe now promises driverless cranes and self-steering trucks. Rotterdam began the race "
            "in the 1990s and Hamburg followed, yet neither has escaped the squeeze on volumes.",
            "The lesson from the 2019 strike in Antwerp is that machines need people who trust them. Terminal "
            "operators such as PSA and DP World should bring unions in at the design stage.",
            "Without that, the European Commission's plan for greener ports will stall.",
        ],
        ents=[
            ("Europe", "Europe", "LOC"),
            ("Rotterdam", "Rotterdam", "GPE"),
            ("Hamburg", "Hamburg", "GPE"),
            ("Antwerp", "Antwerp", "GPE"),
            ("PSA", "PSA", "ORG"),
            ("DP World", "DP World", "ORG"),
            ("European Commission", "European Commission", "ORG"),
        ],
    ),
    A(
        "northfield-allotments",
        "northfield",
        "undated",
        title="Allotment waiting list passes 800 names",
        byline="Email the author",
        authors=[],
        date=None,
        related_dates=True,  # the sidebar lists other stories with their dates: not this article's date
        paras=[
            "More than 800 people are waiting for an allotment in Northfield, the town's allotment society says, "
            "and some have waited seven years.",
            "Society secretary Margaret Owens said interest had grown since the pandemic. Owens asked the council "
            "to turn unused land behind the railway station into new plots.",
            "A spokesman for Northfield Borough Council said it was reviewing sites across the borough.",
        ],
        ents=[
            ("Northfield", "Northfield", "GPE"),
            ("Margaret Owens", "Margaret Owens", "PERSON"),
            ("Owens", "Margaret Owens", "PERSON"),
            ("Northfield Borough Council", "Northfield Borough Council", "ORG"),
        ],
    ),
    A(
        "worldaffairs-explainer-csto",
        "worldaffairs",
        "undated",
        title="Explainer: what is the CSTO and who belongs to it?",
        byline="World Affairs staff",
        authors=[],
        date=None,
        paras=[
            "The Collective Security Treaty Organization is a military alliance of former Soviet states led by "
            "Russia. Its members are Russia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan; Armenia froze its "
            "membership.",
            "The CSTO has its headquarters in Moscow. Its treaty, signed in Tashkent in 1992, commits members to "
            "defend one another, though the alliance has intervened only once, in Kazakhstan.",
            "Critics say the bloc mainly serves the interests of the Kremlin.",
        ],
        ents=[
            ("Collective Security Treaty Organization", "Collective Security Treaty Organization", "ORG"),
            ("CSTO", "Collective Security Treaty Organization", "ORG"),
            ("Soviet", "Soviet", "NORP"),
            ("Russia", "Russia", "GPE"),
            ("Belarus", "Belarus", "GPE"),
            ("Kazakhstan", "Kazakhstan", "GPE"),
            ("Kyrgyzstan", "Kyrgyzstan", "GPE"),
            ("Tajikistan", "Tajikistan", "GPE"),
            ("Armenia", "Armenia", "GPE"),
            ("Moscow", "Moscow", "GPE"),
            ("Tashkent", "Tashkent", "GPE"),
            ("Kremlin", "Kremlin", "ORG"),
        ],
    ),
    A(
        "meridian-guide-rail-passes",
        "meridian",
        "undated",
        title="A guide to Europe's rail passes",
        byline="By Travel Desk",
        authors=[],
        date=None,
        paras=[
            "Interrail passes let residents of Europe travel on most national railways for a fixed price, while "
            "visitors from outside the continent can buy the Eurail version.",
            "Seat reservations cost extra on high-speed trains in France, Spain and Italy. Deutsche Bahn does not "
            "require them on most of its routes in Germany.",
            "Night trains run by the Austrian operator OBB connect Vienna with Amsterdam, Brussels and Rome.",
        ],
        ents=[
            ("Interrail", "Interrail", "ORG"),
            ("Europe", "Europe", "LOC"),
            ("Eurail", "Eurail", "ORG"),
            ("France", "France", "GPE"),
            ("Spain", "Spain", "GPE"),
            ("Italy", "Italy", "GPE"),
            ("Deutsche Bahn", "Deutsche Bahn", "ORG"),
            ("Germany", "Germany", "GPE"),
            ("Austrian", "Austrian", "NORP"),
            ("OBB", "OBB", "ORG"),
            ("Vienna", "Vienna", "GPE"),
            ("Amsterdam", "Amsterdam", "GPE"),
            ("Brussels", "Brussels", "GPE"),
            ("Rome", "Rome", "GPE"),
        ],
    ),
    A(
        "us-fed-holds",
        "meridian",
        "ld",
        title="US Federal Reserve holds rates, signals three cuts this year",
        byline="By Daniel Cho in Washington",
        authors=["Daniel Cho"],
        published="2024-03-20T18:05:00+00:00",
        date="2024-03-20",
        fetched="2024-03-21T12:00:00+00:00",
        paras=[
            "The U.S. Federal Reserve left interest rates unchanged on Wednesday and said it still expected to cut "
            "them three times this year, as inflation in the United States eases.",
            "Fed chair Jerome Powell said the economy was strong. Powell told reporters in Washington that the US "
            "labour market remained tight but was coming into better balance.",
            "The Fed's decision lifted shares on Wall Street. Treasury Secretary Janet Yellen said she saw no sign "
            "of a recession.",
        ],
        ents=[
            ("U.S.", "United States", "GPE"),
            ("Federal Reserve", "Federal Reserve", "ORG"),
            ("United States", "United States", "GPE"),
            ("Fed", "Federal Reserve", "ORG"),
            ("Jerome Powell", "Jerome Powell", "PERSON"),
            ("Powell", "Jerome Powell", "PERSON"),
            ("Washington", "Washington", "GPE"),
            ("US", "United States", "GPE"),
            ("Wall Street", "Wall Street", "FAC"),
            ("Treasury", "Treasury", "ORG"),
            ("Janet Yellen", "Janet Yellen", "PERSON"),
        ],
    ),
    A(
        "kerry-lavrov-arctic",
        "worldaffairs",
        "ld",
        title="Arctic Council resumes work on scientific projects",
        byline="By Ivan Petrov",
        authors=["Ivan Petrov"],
        published="2024-02-29T16:00:00+01:00",
        date="2024-02-29",
        paras=[
            "The Arctic Council agreed to resume work on scientific projects that had been frozen since 2022, "
            "Norway's foreign ministry said after a meeting in Tromso.",
            "Foreign Minister Espen Barth Eide said cooperation on climate research was in everyone's interest. "
            "Eide said talks with Russia would be limited to technical matters.",
            "The council's other members include the United States, Canada, Denmark, Finland, Iceland and Sweden.",
        ],
        ents=[
            ("Arctic Council", "Arctic Council", "ORG"),
            ("Norway", "Norway", "GPE"),
            ("Tromso", "Tromso", "GPE"),
            ("Espen Barth Eide", "Espen Barth Eide", "PERSON"),
            ("Eide", "Espen Barth Eide", "PERSON"),
            ("Russia", "Russia", "GPE"),
            ("United States", "United States", "GPE"),
            ("Canada", "Canada", "GPE"),
            ("Denmark", "Denmark", "GPE"),
            ("Finland", "Finland", "GPE"),
            ("Iceland", "Iceland", "GPE"),
            ("Sweden", "Sweden", "GPE"),
        ],
    ),
    A(
        "maersk-profit-warning",
        "harbor",
        "og",
        title="Maersk warns of lower profit as freight rates normalise",
        byline="By Sarah Lindqvist and Pieter de Vries",
        meta_authors=["https://social.example/sarahlindqvist"],  # a profile URL in the author tag: not a name
        authors=["Sarah Lindqvist", "Pieter de Vries"],
        published="2024-02-08T07:30:00+01:00",
        date="2024-02-08",
        paras=[
            "A.P. Moller-Maersk warned that profit would fall sharply this year and suspended its share buyback, "
            "sending its shares down 15 percent in Copenhagen.",
            "Chief executive Vincent Clerc said the disruption in the Red Sea had lifted rates only temporarily. "
            "Clerc said a wave of new ships ordered during the pandemic would push prices down.",
            "Rivals Hapag-Lloyd and CMA CGM have given similar warnings.",
        ],
        ents=[
            ("A.P. Moller-Maersk", "A.P. Moller-Maersk", "ORG"),
            ("Copenhagen", "Copenhagen", "GPE"),
            ("Vincent Clerc", "Vincent Clerc", "PERSON"),
            ("Clerc", "Vincent Clerc", "PERSON"),
            ("Red Sea", "Red Sea", "LOC"),
            ("Hapag-Lloyd", "Hapag-Lloyd", "ORG"),
            ("CMA CGM", "CMA CGM", "ORG"),
        ],
    ),
    A(
        "uk-budget-fuel-duty",
        "meridian",
        "ld",
        title="UK budget freezes fuel duty for another year",
        byline="By Rachel Green, Political Editor",
        authors=["Rachel Green"],
        published="2024-03-06T13:40:00+00:00",
        date="2024-03-06",
        paras=[
            "The UK government froze fuel duty for another year in its budget on Wednesday, as Chancellor Jeremy "
            "Hunt cut national insurance by two percentage points.",
            "Hunt told the House of Commons that the measures would help working families. Labour leader Keir "
            "Starmer said the United Kingdom was still paying the highest taxes in 70 years.",
            "The Office for Budget Responsibility said growth would pick up to 0.8 percent this year. Britain "
            "narrowly entered a recession at the end of last year.",
        ],
        ents=[
            ("UK", "United Kingdom", "GPE"),
            ("Jeremy Hunt", "Jeremy Hunt", "PERSON"),
            ("Hunt", "Jeremy Hunt", "PERSON"),
            ("House of Commons", "House of Commons", "ORG"),
            ("Labour", "Labour", "ORG"),
            ("Keir Starmer", "Keir Starmer", "PERSON"),
            ("United Kingdom", "United Kingdom", "GPE"),
            ("Office for Budget Responsibility", "Office for Budget Responsibility", "ORG"),
            ("Britain", "United Kingdom", "GPE"),
        ],
    ),
    A(
        "eu-ai-act-vote",
        "meridian",
        "og",
        title="European Parliament approves AI Act",
        byline="By Tomasz Nowak in Strasbourg",
        meta_authors=["Tomasz Nowak"],
        authors=["Tomasz Nowak"],
        published="2024-03-13T12:30:00+01:00",
        date="2024-03-13",
        paras=[
            "The European Parliament approved the EU's Artificial Intelligence Act on Wednesday, the first broad "
            "set of rules for the technology adopted by a major regulator.",
            "Lawmakers in Strasbourg voted 523 to 46 in favour. Brando Benifei, one of the lead negotiators, said "
            "the law protected citizens while allowing innovation. The European Union will phase in the rules "
            "over two years.",
            "Companies including OpenAI and Google will have to disclose how their largest models are trained.",
        ],
        ents=[
            ("European Parliament", "European Parliament", "ORG"),
            ("EU", "European Union", "ORG"),
            ("Artificial Intelligence Act", "Artificial Intelligence Act", "LAW"),
            ("Strasbourg", "Strasbourg", "GPE"),
            ("Brando Benifei", "Brando Benifei", "PERSON"),
            ("European Union", "European Union", "ORG"),
            ("OpenAI", "OpenAI", "ORG"),
            ("Google", "Google", "ORG"),
        ],
    ),
    A(
        "accra-port-expansion",
        "harbor",
        "ld",
        title="Tema port opens new container terminal",
        byline="By Kwame Mensah, West Africa Correspondent",
        authors=["Kwame Mensah"],
        published="2024-02-15T10:00:00+00:00",
        date="2024-02-15",
        paras=[
            "A new container terminal at the port of Tema, east of Accra, began operating on Thursday, doubling the "
            "capacity of Ghana's main gateway for trade.",
            "The terminal is run by Meridian Port Services, a joint venture of APM Terminals and Bollore. Ghana "
            "Ports and Harbours Authority director Michael Luguje said larger ships could now call.",
            "Luguje said the port hoped to win cargo bound for Burkina Faso and Mali.",
        ],
        ents=[
            ("Tema", "Tema", "GPE"),
            ("Accra", "Accra", "GPE"),
            ("Ghana", "Ghana", "GPE"),
            ("Meridian Port Services", "Meridian Port Services", "ORG"),
            ("APM Terminals", "APM Terminals", "ORG"),
            ("Bollore", "Bollore", "ORG"),
            ("Ghana Ports and Harbours Authority", "Ghana Ports and Harbours Authority", "ORG"),
            ("Michael Luguje", "Michael Luguje", "PERSON"),
            ("Luguje", "Michael Luguje", "PERSON"),
            ("Burkina Faso", "Burkina Faso", "GPE"),
            ("Mali", "Mali", "GPE"),
        ],
    ),
    A(
        "kyiv-grain-corridor",
        "worldaffairs",
        "ld",
        title="Ukraine's Black Sea corridor ships record grain volume",
        byline="AFP",
        ld_authors=[("AFP", "Organization")],
        authors=[],
        orgs=["AFP"],
        published="2024-03-01T15:00:00+02:00",
        date="2024-03-01",
        paras=[
            "Ukraine exported a record volume of grain through its Black Sea corridor in February, the agriculture "
            "ministry in Kyiv said on Friday.",
            "Ships carried more than 8 million tonnes from Odesa and nearby ports. Deputy minister Taras Kachka said "
            "the corridor worked despite Russian attacks on port facilities.",
            "Most of the grain went to Egypt, Turkey and Spain.",
        ],
        ents=[
            ("Ukraine", "Ukraine", "GPE"),
            ("Black Sea", "Black Sea", "LOC"),
            ("Kyiv", "Kyiv", "GPE"),
            ("Odesa", "Odesa", "GPE"),
            ("Taras Kachka", "Taras Kachka", "PERSON"),
            ("Russian", "Russian", "NORP"),
            ("Egypt", "Egypt", "GPE"),
            ("Turkey", "Turkey", "GPE"),
            ("Spain", "Spain", "GPE"),
        ],
    ),
    A(
        "northfield-hospital-parking",
        "northfield",
        "og",
        title="Hospital parking charges to rise in April",
        byline="By Sarah Ellison | Email the author | Follow @sarahellison",
        meta_authors=["Sarah Ellison"],
        authors=["Sarah Ellison"],
        published="2024-03-08T09:00:00+00:00",
        date="2024-03-08",
        paras=[
            "Parking at Northfield General Hospital will cost visitors up to £4 a day from April, the NHS trust that "
            "runs it said, prompting complaints from patients' groups.",
            "Aire Valley NHS Trust said the money would pay for a new multi-storey car park. Its chief executive, "
            "Linda Moss, said staff and blue badge holders would still park free.",
            "Healthwatch Northfield said the charges would hit regular visitors hardest.",
        ],
        ents=[
            ("Northfield General Hospital", "Northfield General Hospital", "ORG"),
            ("NHS", "NHS", "ORG"),
            ("Aire Valley NHS Trust", "Aire Valley NHS Trust", "ORG"),
            ("Linda Moss", "Linda Moss", "PERSON"),
            ("Healthwatch Northfield", "Healthwatch Northfield", "ORG"),
        ],
    ),
]
