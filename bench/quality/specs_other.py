"""Gold pages other than plain English articles: German, French and Spanish articles (two declaring the wrong
language), live blogs, paywall teasers, listing pages that are not articles, and syndicated copies.
Entities are annotated on English pages only: the default pipeline is English."""

from bench.quality.spec import A
from bench.quality.specs_en import ARTICLES as EN

_by_slug = {a.slug: a for a in EN}

OTHER = [
    A(
        "koeln-karneval-muell",
        "rheinblick",
        "ld",
        lang="de",
        title="Nach dem Karneval: Köln sammelt 300 Tonnen Müll",
        byline="Von Klaus Müller und Petra Schmidt",
        authors=["Klaus Müller", "Petra Schmidt"],
        published="2024-02-14T09:00:00+01:00",
        date="2024-02-14",
        paras=[
            "Nach den tollen Tagen hat die Stadtreinigung in Köln mehr als 300 Tonnen Müll von den Straßen geholt. "
            "Das sind etwas weniger als im vergangenen Jahr, teilten die Abfallwirtschaftsbetriebe am Mittwoch mit.",
            "Besonders viel Abfall fiel in der Altstadt und im Zülpicher Viertel an. Die Stadt hatte dort erstmals "
            "ein Glasverbot durchgesetzt, das nach Angaben der Polizei weitgehend eingehalten wurde.",
            "Oberbürgermeisterin Henriette Reker dankte den Helferinnen und Helfern, die bis in die Nacht im Einsatz "
            "waren. Im nächsten Jahr sollen mehr Mehrwegbecher ausgegeben werden.",
        ],
    ),
    A(
        "ezb-zinsen-sparer",
        "rheinblick",
        "og",
        lang="de",
        title="Was die Zinspause der EZB für Sparer bedeutet",
        byline="Von Anna Berg, Wirtschaftsredakteurin",
        meta_authors=["Anna Berg"],
        authors=["Anna Berg"],
        published="2024-03-08T07:00:00+01:00",
        date="2024-03-08",
        paras=[
            "Die Europäische Zentralbank hat die Leitzinsen erneut nicht verändert. Für Sparer ist das zunächst eine "
            "gute Nachricht, denn Tagesgeld und Festgeld bleiben vorerst attraktiv verzinst.",
            "Verbraucherschützer raten dennoch, Angebote regelmäßig zu vergleichen. Viele Banken haben ihre "
            "Konditionen bereits leicht gesenkt, weil sie mit einer baldigen Zinswende rechnen.",
            "Wer einen Kredit für eine Immobilie aufnehmen will, sollte nach Ansicht von Fachleuten nicht zu lange "
            "warten, denn die Bauzinsen sind zuletzt wieder gestiegen.",
        ],
    ),
    A(
        "rheinbruecke-sperrung",
        "rheinblick",
        "visible",
        lang="de",
        title="Rheinbrücke wird ab Montag voll gesperrt",
        byline="Von Jonas Weber",
        authors=["Jonas Weber"],
        dateline="Veröffentlicht am 22.02.2024",
        date="2024-02-22",
        paras=[
            "Die Mülheimer Brücke in Köln wird ab Montag für vier Wochen vollständig gesperrt. Grund sind "
            "Arbeiten an den Fahrbahnübergängen, die nach Angaben der Stadt nicht länger aufgeschoben werden können.",
            "Autofahrer sollen großräumig über die Zoobrücke ausweichen. Die Straßenbahnlinien 13 und 18 fahren "
            "während der Sperrung mit Umleitungen, die Verkehrsbetriebe setzen zusätzlich Busse ein.",
            "Anwohner im Stadtteil Mülheim befürchten mehr Verkehr in den Wohnstraßen. Die Stadt kündigte "
            "Kontrollen an.",
        ],
    ),
    A(
        "duesseldorf-messe",
        "rheinblick",
        "url",
        lang="de",
        title="Düsseldorfer Messe meldet Besucherrekord",
        byline="dpa",
        authors=[],
        orgs=["dpa"],
        url="https://rheinblick.example/wirtschaft/2024/01/29/messe-besucherrekord",
        date="2024-01-29",
        paras=[
            "Die Messe Düsseldorf hat im vergangenen Jahr so viele Besucher gezählt wie nie zuvor. Mehr als zwei "
            "Millionen Menschen kamen zu den Veranstaltungen auf dem Gelände im Norden der Stadt.",
            "Vor allem die Bootsmesse und die Fachmesse für Verpackung zogen viele internationale Gäste an. Die "
            "Hotels in der Stadt waren an mehreren Wochenenden fast vollständig ausgebucht.",
            "Für das laufende Jahr rechnet die Geschäftsführung mit einem ähnlichen Ergebnis und investiert in "
            "neue Hallen.",
        ],
    ),
    A(
        "bonn-radweg",
        "rheinblick",
        "ld",
        lang="de",
        declared="en",  # the CMS says English; the text is German
        title="Bonn baut Radweg am Rheinufer aus",
        byline="Von Petra Schmidt",
        authors=["Petra Schmidt"],
        published="2024-03-04T11:30:00+01:00",
        date="2024-03-04",
        paras=[
            "Die Stadt Bonn will den Radweg am Rheinufer zwischen Beuel und Bad Godesberg verbreitern. Der Rat hat "
            "dafür am Donnerstag rund vier Millionen Euro bewilligt.",
            "Fußgänger und Radfahrer teilen sich dort bisher einen schmalen Weg, was an sonnigen Tagen regelmäßig zu "
            "Konflikten führt. Künftig sollen beide Gruppen getrennte Spuren bekommen.",
            "Die Bauarbeiten beginnen im Herbst und sollen zwei Jahre dauern. Einzelne Abschnitte werden dafür "
            "zeitweise gesperrt.",
        ],
    ),
    A(
        "lyon-velo-hausse",
        "courrier",
        "ld",
        lang="fr",
        title="À Lyon, la fréquentation des pistes cyclables bondit",
        byline="Par Claire Dubois et Marc Lefèvre",
        authors=["Claire Dubois", "Marc Lefèvre"],
        published="2024-03-05T08:15:00+01:00",
        date="2024-03-05",
        paras=[
            "Le nombre de cyclistes a augmenté de près de vingt pour cent en un an sur les pistes de la métropole de "
            "Lyon, selon les compteurs installés par la collectivité.",
            "Les nouvelles voies lyonnaises, qui relient les communes de la périphérie au centre, expliquent une "
            "grande partie de cette hausse. Les commerçants de la Presqu'île restent toutefois inquiets pour leur "
            "activité.",
            "La métropole prévoit d'ouvrir trois nouvelles lignes d'ici la fin de l'année prochaine.",
        ],
    ),
    A(
        "marseille-calanques-quota",
        "courrier",
        "visible",
        lang="fr",
        title="Calanques : le quota de visiteurs reconduit cet été",
        byline="Par Julien Martin",
        authors=["Julien Martin"],
        dateline="Publié le 11 mars 2024 à 18h30",
        date="2024-03-11",
        paras=[
            "Le parc national des Calanques reconduira cet été la réservation obligatoire pour accéder à la calanque "
            "de Sugiton, près de Marseille, a annoncé sa direction lundi.",
            "Le dispositif, testé depuis trois ans, limite le nombre de visiteurs à quatre cents par jour. Selon le "
            "parc, la végétation a commencé à repousser sur les sentiers les plus fréquentés.",
            "Les associations de randonneurs demandent que les habitants des quartiers voisins soient exemptés.",
        ],
    ),
    A(
        "bordeaux-vendanges",
        "courrier",
        "og",
        lang="fr",
        declared="en",
        title="Bordeaux : des viticulteurs arrachent leurs vignes",
        byline="Par Marc Lefèvre, correspondant régional",
        meta_authors=["Marc Lefèvre"],
        authors=["Marc Lefèvre"],
        published="2024-02-20T17:00:00+01:00",
        date="2024-02-20",
        paras=[
            "Faute d'acheteurs, des centaines de viticulteurs du Bordelais vont arracher une partie de leurs vignes "
            "avec l'aide de l'État, qui finance la mesure à hauteur de six mille euros par hectare.",
            "La consommation de vin rouge recule en France comme à l'étranger, et les stocks s'accumulent dans les "
            "chais. Les producteurs espèrent que la réduction des surfaces fera remonter les prix.",
            "Certains parcelles seront reconverties en oliveraies ou en cultures de céréales.",
        ],
    ),
    A(
        "nantes-tramway",
        "courrier",
        "feed",
        lang="fr",
        title="Nantes commande de nouvelles rames de tramway",
        byline="Par Julien Martin",
        authors=["Julien Martin"],
        listed="2024-03-07T10:00:00+01:00",
        date="2024-03-07",
        paras=[
            "La métropole de Nantes a commandé quarante-six nouvelles rames de tramway, plus longues et plus "
            "accessibles que les modèles actuels, pour un montant de deux cents millions d'euros.",
            "Les premières rames circuleront sur la ligne 1 à partir de l'année prochaine. Elles pourront "
            "transporter un tiers de voyageurs en plus aux heures de pointe.",
            "Les anciennes rames, en service depuis plus de trente ans, seront démantelées.",
        ],
    ),
    A(
        "malaga-museo-visitantes",
        "diariosur",
        "ld",
        lang="es",
        title="El Museo Picasso de Málaga bate su récord de visitantes",
        byline="Por Javier Molina y Lucía Romero",
        authors=["Javier Molina", "Lucía Romero"],
        published="2024-01-10T12:00:00+01:00",
        date="2024-01-10",
        paras=[
            "El Museo Picasso de Málaga recibió el año pasado más de setecientos mil visitantes, la cifra más alta "
            "desde su apertura, según ha informado la dirección del centro.",
            "La exposición dedicada a la relación del pintor con la cerámica fue la más visitada. Casi la mitad de "
            "los visitantes llegaron desde fuera de España.",
            "El museo ampliará su horario durante la Semana Santa para atender la demanda.",
        ],
    ),
    A(
        "sevilla-sequia-riego",
        "diariosur",
        "visible",
        lang="es",
        title="Los regantes de Sevilla piden ayudas por la sequía",
        byline="Por Carmen Ruiz | Redacción",
        authors=["Carmen Ruiz"],
        dateline="Sevilla, 15 de febrero de 2024",
        date="2024-02-15",
        paras=[
            "Las comunidades de regantes de la provincia de Sevilla han pedido a la Junta de Andalucía ayudas "
            "urgentes para compensar las pérdidas causadas por la sequía.",
            "Los embalses de la cuenca del Guadalquivir están por debajo del veinte por ciento de su capacidad, y "
            "muchos agricultores no han podido sembrar arroz ni algodón este año.",
            "La Junta estudia un plan de obras para aprovechar el agua depurada en el riego.",
        ],
    ),
    A(
        "granada-alhambra-entradas",
        "diariosur",
        "undated",
        lang="es",
        title="La Alhambra cambia el sistema de venta de entradas",
        byline="Redacción",
        authors=[],
        date=None,
        paras=[
            "El Patronato de la Alhambra y el Generalife ha cambiado el sistema de venta de entradas para evitar la "
            "reventa, que obligará a identificar a cada visitante con su documento.",
            "Las entradas nominativas se podrán comprar en la web oficial con hasta tres meses de antelación. Los "
            "grupos organizados tendrán un cupo propio cada mañana.",
            "Los guías turísticos de Granada han criticado que no se les consultara antes del cambio.",
        ],
    ),
    # Live blogs: the JSON-LD says when the blog started; the updates carry times of day only.
    A(
        "liveblog-budget-day",
        "meridian",
        "liveblog",
        title="Budget day live: Hunt cuts national insurance",
        byline="By Rachel Green and Daniel Cho",
        authors=["Rachel Green", "Daniel Cho"],
        published="2024-03-06T09:00:00+00:00",
        date="2024-03-06",
        paras=[
            "14:10 Jeremy Hunt has finished his statement. Keir Starmer is now responding for Labour, calling the "
            "budget a last desperate gamble from a failing government.",
            "13:45 Hunt confirms a two-point cut in national insurance, worth about £450 a year to an average "
            "worker, according to the Treasury.",
            "12:30 The chancellor has arrived in the House of Commons. He is expected to speak for about an hour.",
            "09:00 Welcome to our live coverage of the budget. Economists at the Institute for Fiscal Studies "
            "expect only modest tax cuts.",
        ],
        ents=[
            ("Jeremy Hunt", "Jeremy Hunt", "PERSON"),
            ("Hunt", "Jeremy Hunt", "PERSON"),
            ("Keir Starmer", "Keir Starmer", "PERSON"),
            ("Labour", "Labour", "ORG"),
            ("Treasury", "Treasury", "ORG"),
            ("House of Commons", "House of Commons", "ORG"),
            ("Institute for Fiscal Studies", "Institute for Fiscal Studies", "ORG"),
        ],
    ),
    A(
        "liveblog-storm-ciaran",
        "northfield",
        "liveblog",
        title="Storm updates: flood warnings along the Aire",
        byline="By Sarah Ellison and James Whitlock",
        authors=["Sarah Ellison", "James Whitlock"],
        published="2024-02-25T06:30:00+00:00",
        date="2024-02-25",
        paras=[
            "11:20 The Environment Agency has issued a severe flood warning for the River Aire at Castleford.",
            "10:05 Northern Rail says trains between Leeds and Northfield are cancelled until further notice.",
            "08:40 Gusts of 70mph were recorded overnight at Emley Moor, according to the Met Office.",
            "06:30 Good morning. We will bring you updates on the storm throughout the day, with travel news and "
            "advice from Northfield Borough Council.",
        ],
        ents=[
            ("Environment Agency", "Environment Agency", "ORG"),
            ("River Aire", "River Aire", "LOC"),
            ("Castleford", "Castleford", "GPE"),
            ("Northern Rail", "Northern Rail", "ORG"),
            ("Leeds", "Leeds", "GPE"),
            ("Northfield", "Northfield", "GPE"),
            ("Emley Moor", "Emley Moor", "LOC"),
            ("Met Office", "Met Office", "ORG"),
            ("Northfield Borough Council", "Northfield Borough Council", "ORG"),
        ],
    ),
    # Paywall teasers: only the opening is on the page; what is there must come out clean, without the paywall.
    A(
        "teaser-port-finance",
        "harbor",
        "teaser",
        title="The hidden debts of Europe's port authorities",
        byline="By Pieter de Vries",
        authors=["Pieter de Vries"],
        published="2024-03-12T06:00:00+01:00",
        date="2024-03-12",
        paras=[
            "Port authorities across Europe have borrowed heavily to pay for deeper channels, longer quays and "
            "automated terminals, often on the assumption that trade would keep growing as it did for decades. "
            "An investigation by Harbor Daily found that at least nine of them now spend more than a fifth of "
            "their income on interest, and that several have quietly asked their city governments for help.",
        ],
        ents=[("Europe", "Europe", "LOC"), ("Harbor Daily", "Harbor Daily", "ORG")],
    ),
    A(
        "teaser-ecb-succession",
        "meridian",
        "teaser",
        title="Who will succeed Lagarde? The race begins early",
        byline="By Tomasz Nowak",
        authors=["Tomasz Nowak"],
        published="2024-03-15T05:00:00+01:00",
        date="2024-03-15",
        paras=[
            "Christine Lagarde's term at the European Central Bank runs until 2027, but governments in Berlin, "
            "Paris and Rome are already sounding out candidates. Klaas Knot, the Dutch central bank governor, and "
            "Pablo Hernandez de Cos of Spain are among the names mentioned most often by officials who spoke to "
            "The Meridian Post on condition of anonymity.",
        ],
        ents=[
            ("Christine Lagarde", "Christine Lagarde", "PERSON"),
            ("European Central Bank", "European Central Bank", "ORG"),
            ("Berlin", "Berlin", "GPE"),
            ("Paris", "Paris", "GPE"),
            ("Rome", "Rome", "GPE"),
            ("Klaas Knot", "Klaas Knot", "PERSON"),
            ("Dutch", "Dutch", "NORP"),
            ("Pablo Hernandez de Cos", "Pablo Hernandez de Cos", "PERSON"),
            ("Spain", "Spain", "GPE"),
            ("The Meridian Post", "The Meridian Post", "ORG"),
        ],
    ),
    # Listing pages: a section front is not an article and must not become one.
    A("listing-business", "meridian", "listing", title="Business", date=None, authors=[], listing_of=EN[:12]),
    A("listing-ports", "harbor", "listing", title="Ports and shipping", date=None, authors=[], listing_of=EN[12:24]),
    A("listing-local", "northfield", "listing", title="Local news", date=None, authors=[], listing_of=EN[24:]),
]

# Syndicated copies: an agency story carried by another site under its own chrome, with the agency byline.
for slug, site, agency in (
    ("rotterdam-dockworkers-deal", "meridian", "Reuters"),
    ("accra-cocoa-harvest", "harbor", "AFP"),
    ("kyiv-grain-corridor", "northfield", "AFP"),
):
    original = _by_slug[slug]
    OTHER.append(
        original.copy(
            slug=f"syndicated-{slug}", site=site, byline=f"By {agency} staff", ld_authors=None, meta_authors=None,
            authors=[], orgs=[agency], syndicated_from=slug,
        )
    )  # fmt: skip

# Written after the rules above were tuned on the pages before them, and not tuned on since: a small
# held-out check that the rules carry over.
HELD_OUT = [
    A(
        "held-out-chicago-rail-freight",
        "meridian",
        "og",
        title="Rail freight volumes recover in the US Midwest",
        byline="Reporting by Tom Hale; Editing by Sara Lee",
        meta_authors=["Tom Hale"],
        authors=["Tom Hale"],
        published="March 12, 2024 10:00 AM",
        date="2024-03-12",
        paras=[
            "Rail freight volumes in the US Midwest recovered in February after a cold January, the Association of "
            "American Railroads said, helped by grain shipments to Gulf Coast ports.",
            "Union Pacific and BNSF carried more coal and grain than a year earlier. Analyst Jason Seidl said "
            "intermodal traffic from the West Coast had also picked up as importers restocked.",
            "Seidl said rail companies would still struggle to raise prices this year.",
        ],
        ents=[
            ("US", "United States", "GPE"),
            ("Midwest", "Midwest", "LOC"),
            ("Association of American Railroads", "Association of American Railroads", "ORG"),
            ("Gulf Coast", "Gulf Coast", "LOC"),
            ("Union Pacific", "Union Pacific", "ORG"),
            ("BNSF", "BNSF", "ORG"),
            ("Jason Seidl", "Jason Seidl", "PERSON"),
            ("Seidl", "Jason Seidl", "PERSON"),
            ("West Coast", "West Coast", "LOC"),
        ],
    ),
    A(
        "held-out-dhaka-garment-wages",
        "worldaffairs",
        "ld",
        title="Bangladesh garment workers win wage review",
        byline="By Nadia Rahman",
        ld_authors=[("Staff Reporter", "Person")],
        authors=["Nadia Rahman"],
        published="2024-03-10T14:00:00+06:00",
        date="2024-03-10",
        paras=[
            "Bangladesh's government agreed on Sunday to review the minimum wage for garment workers after weeks of "
            "protests in the industrial suburbs of Dhaka.",
            "Labour minister Nazrul Islam Chowdhury said a wage board would report within three months. The "
            "Bangladesh Garment Manufacturers and Exporters Association said factories could not afford a large "
            "rise while orders from Europe remained weak.",
            "Brands including H&M and Primark source heavily from Bangladesh.",
        ],
        ents=[
            ("Bangladesh", "Bangladesh", "GPE"),
            ("Dhaka", "Dhaka", "GPE"),
            ("Nazrul Islam Chowdhury", "Nazrul Islam Chowdhury", "PERSON"),
            (
                "Bangladesh Garment Manufacturers and Exporters Association",
                "Bangladesh Garment Manufacturers and Exporters Association",
                "ORG",
            ),
            ("Europe", "Europe", "LOC"),
            ("H&M", "H&M", "ORG"),
            ("Primark", "Primark", "ORG"),
        ],
    ),
    A(
        "held-out-oslo-ferry-electric",
        "harbor",
        "url",
        title="Oslo fjord ferries switch to battery power",
        byline="By Ingrid Halvorsen",
        authors=["Ingrid Halvorsen"],
        url="https://harbordaily.example/2024/03/07/oslo-ferries-battery",
        related_dates=True,
        date="2024-03-07",
        paras=[
            "All ferries crossing the inner Oslo fjord now run on batteries, the city's transport agency Ruter said, "
            "after the last diesel vessel was retired this week.",
            "The ferries are charged at the quays in Aker Brygge and Nesodden during the few minutes they spend "
            "loading passengers. Ruter chief executive Bernt Reitan Jenssen said emissions on the routes had "
            "fallen by 95 percent.",
            "Norway has set a goal that all new ferries be zero-emission by 2025.",
        ],
        ents=[
            ("Oslo", "Oslo", "GPE"),
            ("Ruter", "Ruter", "ORG"),
            ("Aker Brygge", "Aker Brygge", "FAC"),
            ("Nesodden", "Nesodden", "GPE"),
            ("Bernt Reitan Jenssen", "Bernt Reitan Jenssen", "PERSON"),
            ("Norway", "Norway", "GPE"),
        ],
    ),
    A(
        "held-out-northfield-mayor-undated",
        "northfield",
        "undated",
        title="Mayor backs plan for late-night buses",
        byline="By James Whitlock",
        authors=["James Whitlock"],
        date=None,
        paras=[
            "Northfield's mayor, Councillor Alan Price, has backed a plan for buses to run until 2am on Fridays and "
            "Saturdays, saying the town's night-time economy was being held back.",
            "On 4 March the transport committee asked Westline Buses to cost the idea. Price said businesses on "
            "Market Street had lost customers who could not get home.",
            "A decision is expected at the next full council meeting.",
        ],
        ents=[
            ("Northfield", "Northfield", "GPE"),
            ("Alan Price", "Alan Price", "PERSON"),
            ("Price", "Alan Price", "PERSON"),
            ("Westline Buses", "Westline Buses", "ORG"),
            ("Market Street", "Market Street", "FAC"),
        ],
    ),
    A(
        "held-out-koeln-dom-relative",
        "rheinblick",
        "relative",
        lang="de",
        title="Kölner Dom: Gerüst am Nordturm wird abgebaut",
        byline="Von Jonas Weber",
        authors=["Jonas Weber"],
        dateline="vor 2 Stunden",
        fetched="2024-03-18T10:00:00+00:00",
        date="2024-03-18",
        paras=[
            "Nach mehr als zehn Jahren wird das Gerüst am Nordturm des Kölner Doms abgebaut. Die Dombauhütte "
            "begann am Montag mit den Arbeiten, die mehrere Wochen dauern sollen.",
            "Dombaumeister Peter Füssenich sagte, die Sanierung der Steine sei abgeschlossen. Besucher müssen "
            "während des Abbaus mit Absperrungen auf dem Roncalliplatz rechnen.",
            "Ein Gerüst wird es am Dom aber auch künftig geben: Irgendwo wird immer gebaut.",
        ],
    ),
]
OTHER.extend(HELD_OUT)
