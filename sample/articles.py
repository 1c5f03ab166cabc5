"""The texts of the bundled sample corpus: fictional news (apart from the seed article), several sites.

`make_pages.py` wraps each one in its site's page template. People named here are invented, except in the
seed article (a real 2013 news text, `shared/samples/seed_article.txt`); places and organisations are real so
that entity extraction has something realistic to find.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SampleArticle:
    slug: str
    site: str  # key into make_pages.SITES
    title: str
    published: str  # ISO 8601 with offset, as the site would publish it
    authors: tuple[str, ...]
    paragraphs: tuple[str, ...]
    tags: tuple[str, ...] = ()
    description: str = ""
    section: str = "news"
    extra: dict = field(default_factory=dict)


ARTICLES: list[SampleArticle] = [
    # --- The Meridian Post: JSON-LD + OpenGraph, English -------------------------------------------------
    SampleArticle(
        slug="ecb-holds-rates",
        site="meridian",
        title="European Central Bank holds rates as inflation cools in the eurozone",
        published="2024-03-07T14:30:00+01:00",
        authors=("Helen Okafor",),
        tags=("economy", "ECB", "inflation"),
        description="Policymakers in Frankfurt kept borrowing costs unchanged for a fourth meeting.",
        section="business",
        paragraphs=(
            "The European Central Bank left its main interest rates unchanged on Thursday, saying inflation in "
            "the eurozone was falling faster than expected but not yet fast enough to begin cutting borrowing costs.",
            "Speaking in Frankfurt after the meeting, bank president Christine Lagarde said the governing council "
            "wanted to see wage growth slow further before acting. Markets had priced in a first cut for June.",
            "Economists at Deutsche Bank said the statement left the door open to a move in the summer. "
            "Marta Quiroga, chief economist at the Lisbon-based Atlantic Policy Institute, said the bank risked "
            "waiting too long as factories in Germany and Italy reported falling orders.",
            "Inflation in the 20 countries that share the euro fell to 2.6 percent in February, according to "
            "Eurostat, down from a peak above 10 percent in late 2022.",
            "Quiroga said households in Portugal and Spain, where many mortgages carry variable rates, would "
            "feel any cut within weeks. The next meeting of the governing council is scheduled for April.",
        ),
    ),
    SampleArticle(
        slug="lisbon-tram-strike",
        site="meridian",
        title="Lisbon tram drivers strike over night-shift pay",
        published="2024-03-08T09:05:00+00:00",
        authors=("Rui Almeida", "Helen Okafor"),
        tags=("Portugal", "transport", "strikes"),
        description="Historic tram lines stood still as drivers walked out for 24 hours.",
        section="world",
        paragraphs=(
            "Lisbon's historic trams stood idle on Friday as drivers walked out for 24 hours in a dispute over "
            "pay for night shifts, leaving tourists and commuters queueing for buses across the Portuguese capital.",
            "The drivers' union said talks with Carris, the city transport company, had broken down after four "
            "months. Union spokesman Tiago Mendes said members were asked to work longer nights for the same pay.",
            "Carlos Moedas, the mayor of Lisbon, called for both sides to return to the table and said the city "
            "would not accept a summer of disruption on the lines that carry visitors up to the Alfama district.",
            "Carris said 60 percent of its bus services ran normally. A second strike day is planned for March 22 "
            "if no agreement is reached, the union said.",
        ),
    ),
    SampleArticle(
        slug="nairobi-solar-grid",
        site="meridian",
        title="Nairobi switches on Africa's largest rooftop solar grid",
        published="2024-03-11T07:45:00+03:00",
        authors=("Amina Wanjiru",),
        tags=("Kenya", "energy", "climate"),
        description="Thousands of rooftops in the Kenyan capital now feed one shared grid.",
        section="world",
        paragraphs=(
            "Kenya switched on a rooftop solar network linking more than 4,000 buildings in Nairobi on Monday, "
            "a project its backers say is the largest of its kind in Africa.",
            "President William Ruto told a crowd at the opening in the Eastlands district that the scheme would "
            "cut power bills for small businesses and reduce blackouts during the dry season.",
            "The network was financed by the World Bank and the African Development Bank, with panels installed "
            "by a consortium led by Nairobi-based Sunlink Energy. Its chief executive, Grace Mutua, said the "
            "company planned to extend the grid to Mombasa and Kisumu next year.",
            "Critics in the Kenyan parliament questioned the tariffs paid to building owners. Energy minister "
            "Davis Chirchir said the rates would be reviewed after the first year of operation.",
        ),
    ),
    SampleArticle(
        slug="ecb-lagarde-june",
        site="meridian",
        title="Lagarde signals June as the earliest date for a rate cut",
        published="2024-03-14T16:10:00+01:00",
        authors=("Helen Okafor",),
        tags=("economy", "ECB"),
        description="The ECB president told lawmakers the bank would know more by June.",
        section="business",
        paragraphs=(
            "Christine Lagarde told members of the European Parliament on Thursday that the European Central "
            "Bank would have enough information by June to decide whether to lower interest rates.",
            "Lagarde said new wage data due in the spring would be decisive. She declined to commit to a cut, "
            "telling the economic affairs committee in Brussels that the bank remained dependent on data.",
            "Investors took the remarks as a strong hint. Yields on German government bonds fell and the euro "
            "slipped against the dollar in afternoon trading in London.",
            "Marta Quiroga of the Atlantic Policy Institute said Lagarde had gone as far as she could without "
            "pre-empting the governing council, which next meets in April.",
        ),
    ),
    # --- Harbor Daily: OpenGraph only, English ------------------------------------------------------------
    SampleArticle(
        slug="port-of-rotterdam-automation",
        site="harbor",
        title="Rotterdam port bets on driverless cranes as cargo volumes recover",
        published="2024-03-07T06:00:00+01:00",
        authors=("Pieter de Vries",),
        tags=("shipping", "Netherlands", "automation"),
        description="Europe's largest port is spending heavily on automation.",
        paragraphs=(
            "The Port of Rotterdam will spend 1.2 billion euros on automated cranes and electric trucks over the "
            "next five years, the port authority said on Thursday, as cargo volumes recover from last year's slump.",
            "Chief executive Boudewijn Siemons said the investment would keep Rotterdam ahead of Antwerp and "
            "Hamburg in the competition for container traffic from Asia.",
            "Dock workers' union FNV said it would seek guarantees that no jobs would be lost. Spokeswoman "
            "Ilse Bakker said the union had not been consulted on the timetable.",
            "Container throughput at Rotterdam fell by 6 percent in 2023, hit by weak demand in Germany and "
            "disruption to shipping in the Red Sea.",
        ),
    ),
    SampleArticle(
        slug="red-sea-insurance",
        site="harbor",
        title="War-risk insurance for Red Sea voyages triples",
        published="2024-03-09T11:20:00+00:00",
        authors=("Pieter de Vries", "Sarah Lindqvist"),
        tags=("shipping", "insurance"),
        description="Underwriters in London raised premiums again after attacks on merchant ships.",
        paragraphs=(
            "Premiums for ships crossing the Red Sea have tripled since January, underwriters in London said on "
            "Saturday, after a series of attacks on merchant vessels near the Bab el-Mandeb strait.",
            "Lloyd's of London said war-risk cover now cost about 0.7 percent of a ship's value per voyage. "
            "Maersk and Hapag-Lloyd have diverted most of their vessels around the Cape of Good Hope.",
            "Sarah Lindqvist, a maritime analyst, said the longer route added ten days to journeys between "
            "Shanghai and Rotterdam and pushed up fuel costs for every carrier still serving Europe.",
            "The International Maritime Organization has called for the safe passage of commercial shipping "
            "and said it was in contact with governments in the region.",
        ),
    ),
    SampleArticle(
        slug="hamburg-hydrogen-terminal",
        site="harbor",
        title="Hamburg approves hydrogen import terminal",
        published="2024-03-12T13:00:00+01:00",
        authors=("Sarah Lindqvist",),
        tags=("energy", "Germany", "hydrogen"),
        paragraphs=(
            "The city of Hamburg approved plans on Tuesday for Germany's first large terminal to import ammonia "
            "for conversion into hydrogen, part of a federal strategy to cut the country's reliance on gas.",
            "Hamburg's economy senator Melanie Leonhard said the terminal would be built on the site of a former "
            "coal power station at Moorburg and begin operating in 2027.",
            "Environmental group BUND said the project relied on imports from countries with weak standards and "
            "should be paired with stricter rules on how the hydrogen is produced.",
            "The Port of Rotterdam is building a similar terminal, and the two ports compete to become the main "
            "entry point for hydrogen shipped to northern Europe.",
        ),
    ),
    SampleArticle(
        slug="maersk-results",
        site="harbor",
        title="Maersk warns of another difficult year as freight rates swing",
        published="2024-03-13T08:15:00+01:00",
        authors=("Pieter de Vries",),
        tags=("shipping", "earnings"),
        paragraphs=(
            "Danish shipping group Maersk warned on Wednesday that 2024 would be another volatile year, saying the "
            "disruption in the Red Sea had lifted freight rates but raised costs just as sharply.",
            "Chief executive Vincent Clerc told analysts in Copenhagen that the company had diverted all of its "
            "Red Sea traffic around Africa and did not expect to return soon.",
            "Maersk suspended its share buyback programme. Its shares fell 4 percent in early trading.",
            "Sarah Lindqvist said rivals including Hapag-Lloyd faced the same squeeze, with longer voyages "
            "absorbing ships that would otherwise depress rates.",
        ),
    ),
    # --- Northfield Gazette: plain <meta> tags only, English, older layout --------------------------------
    SampleArticle(
        slug="library-reopens",
        site="northfield",
        title="Northfield library reopens after two-year restoration",
        published="2024-03-08",
        authors=("Margaret Ellison",),
        tags=("community", "libraries"),
        description="The Carnegie building on High Street is open again.",
        paragraphs=(
            "The Carnegie library on High Street reopened to the public on Friday after a two-year restoration "
            "that replaced its leaking roof and restored the original reading room.",
            "Councillor David Marsh, who chairs the town's culture committee, said more than 300 people visited "
            "in the first hour. The project cost 2.4 million pounds, most of it from the National Lottery "
            "Heritage Fund.",
            "Head librarian Priya Natarajan said the building now had step-free access for the first time since "
            "it opened in 1906, and a new children's wing in the former coal store.",
            "The library will open on Sundays from April, a first for Northfield, Natarajan said.",
        ),
    ),
    SampleArticle(
        slug="flood-defences",
        site="northfield",
        title="Council approves new flood defences for the river Avon",
        published="2024-03-12",
        authors=("Margaret Ellison", "Tom Hargreaves"),
        tags=("flooding", "council"),
        paragraphs=(
            "Northfield council approved a 12 million pound scheme on Tuesday to raise flood walls along the river "
            "Avon, three months after storms flooded more than 200 homes in the town.",
            "The Environment Agency will pay for most of the work. Councillor David Marsh said the vote was "
            "unanimous and construction could begin in the autumn.",
            "Residents of Mill Lane, which flooded twice in 2023, told the meeting they had struggled to get "
            "insurance. Resident Joan Whitfield said her premium had risen fourfold.",
            "The agency said the new walls would protect 450 properties from a flood of the size expected once "
            "every hundred years.",
        ),
    ),
    SampleArticle(
        slug="football-cup-run",
        site="northfield",
        title="Northfield Town knocked out of the cup after extra time",
        published="2024-03-10",
        authors=("Tom Hargreaves",),
        tags=("sport", "football"),
        paragraphs=(
            "Northfield Town's best cup run in a generation ended on Saturday with a 2-1 defeat after extra time "
            "against Bristol Rovers in front of a record crowd at Meadow Park.",
            "Striker Jamal Edwards had given the home side the lead before half-time, but Rovers equalised with "
            "ten minutes left and won it with a header in the 112th minute.",
            "Manager Kevin Doyle said he was proud of a squad of part-time players. The club will receive more "
            "than 80,000 pounds in prize money from the Football Association.",
        ),
    ),
    # --- The seed article, wrapped with all the trimmings by make_pages.py ----------------------------------
    SampleArticle(
        slug="lavrov-csto-syria",
        site="worldaffairs",
        title="Lavrov warns CSTO: unresolved Syria crisis threatens international law",
        published="2013-09-23T15:42:00+04:00",
        authors=("Ivan Petrov",),
        tags=("Russia", "CSTO", "Syria"),
        description="The Russian Foreign Minister briefed CSTO colleagues before a summit hosted by Putin.",
        section="politics",
        paragraphs=(),  # filled from shared/samples/seed_article.txt by make_pages.py
    ),
    SampleArticle(
        slug="csto-exercise-tajikistan",
        site="worldaffairs",
        title="CSTO rapid reaction force drills near the Afghan border",
        published="2013-09-25T10:00:00+04:00",
        authors=("Ivan Petrov",),
        tags=("CSTO", "Tajikistan", "Afghanistan"),
        section="politics",
        paragraphs=(
            "Troops from the Collective Security Treaty Organization began exercises in Tajikistan on Wednesday, "
            "two days after the bloc's leaders met in Sochi to discuss security on the Afghan border.",
            "The drills near the border town of Kulob involve about 2,000 soldiers from Russia, Kazakhstan, "
            "Kyrgyzstan and Tajikistan. General Nikolai Bordyuzha, the CSTO secretary general, said they "
            "rehearsed a response to armed groups crossing from Afghanistan.",
            "Tajikistan's president Emomali Rahmon attended the first day. Russia keeps its largest foreign "
            "military base in Tajikistan, near the capital Dushanbe.",
        ),
    ),
    SampleArticle(
        slug="kerry-lavrov-geneva",
        site="worldaffairs",
        title="Kerry and Lavrov meet in Geneva on chemical weapons timetable",
        published="2013-09-28T18:20:00+02:00",
        authors=("Anna Sokolova",),
        tags=("Syria", "diplomacy"),
        section="politics",
        paragraphs=(
            "US Secretary of State John Kerry and Russian Foreign Minister Sergey Lavrov met in Geneva on Saturday "
            "to agree a timetable for inspectors to enter Syria, a day after the UN Security Council voted to back "
            "the plan.",
            "Lavrov said the resolution showed that the Security Council could act when its members worked "
            "together. Kerry said inspectors from the Organisation for the Prohibition of Chemical Weapons would "
            "arrive in Damascus within days.",
            "UN special envoy Lakhdar Brahimi joined the talks and said a peace conference on Syria could be held "
            "in November.",
        ),
    ),
    # --- Rheinblick (German): JSON-LD with an author array ---------------------------------------------------
    SampleArticle(
        slug="koeln-rheinbruecke-sanierung",
        site="rheinblick",
        title="Köln: Sanierung der Mülheimer Brücke dauert ein Jahr länger",
        published="2024-03-08T10:30:00+01:00",
        authors=("Jana Becker", "Lukas Hoffmann"),
        tags=("Köln", "Verkehr"),
        description="Die Stadt Köln rechnet erst 2025 mit dem Ende der Bauarbeiten.",
        paragraphs=(
            "Die Sanierung der Mülheimer Brücke in Köln dauert mindestens ein Jahr länger als geplant. Das teilte "
            "die Stadtverwaltung am Freitag mit. Grund seien Schäden am Stahl, die erst während der Arbeiten "
            "entdeckt worden seien.",
            "Oberbürgermeisterin Henriette Reker sagte, die Sicherheit habe Vorrang vor dem Zeitplan. Die Kosten "
            "steigen nach Angaben der Stadt auf rund 350 Millionen Euro.",
            "Pendler aus dem rechtsrheinischen Köln müssen damit bis Ende 2025 mit Umleitungen rechnen. Die "
            "Kölner Verkehrs-Betriebe kündigten an, zusätzliche Busse einzusetzen.",
            "Die Industrie- und Handelskammer kritisierte die Verzögerung. Viele Betriebe in Mülheim litten unter "
            "dem Umweg für Lieferverkehr, sagte ein Sprecher.",
        ),
    ),
    SampleArticle(
        slug="ezb-zinsen-reaktion",
        site="rheinblick",
        title="EZB lässt Leitzins unverändert – Sparkassen warten ab",
        published="2024-03-07T17:45:00+01:00",
        authors=("Lukas Hoffmann",),
        tags=("Wirtschaft", "EZB"),
        paragraphs=(
            "Die Europäische Zentralbank hat den Leitzins am Donnerstag erneut nicht verändert. Präsidentin "
            "Christine Lagarde sagte in Frankfurt, die Inflation gehe zwar zurück, aber noch nicht schnell genug.",
            "Sparkassen im Rheinland reagierten gelassen. Ein Sprecher des Rheinischen Sparkassen- und "
            "Giroverbands sagte, man rechne mit einer ersten Senkung im Sommer.",
            "Für Immobilienkäufer in Düsseldorf und Köln bleibt die Finanzierung damit vorerst teuer. Makler "
            "berichten dennoch von steigender Nachfrage seit Jahresbeginn.",
        ),
    ),
    SampleArticle(
        slug="karneval-bilanz",
        site="rheinblick",
        title="Karneval in Düsseldorf: Polizei zieht positive Bilanz",
        published="2024-02-14T12:00:00+01:00",
        authors=("Jana Becker",),
        tags=("Düsseldorf", "Karneval"),
        paragraphs=(
            "Die Polizei in Düsseldorf hat nach den Karnevalstagen eine überwiegend positive Bilanz gezogen. Es "
            "habe deutlich weniger Festnahmen gegeben als im Vorjahr, sagte Polizeipräsidentin Miriam Brauns.",
            "Zum Rosenmontagszug kamen nach Schätzungen der Stadt rund 600.000 Menschen. Der Wagenbauer Jacques "
            "Tilly sorgte mit politischen Motiven erneut für Aufsehen.",
            "Die Rheinbahn meldete Rekordzahlen bei den Fahrgästen. Oberbürgermeister Stephan Keller dankte den "
            "Helferinnen und Helfern für ihren Einsatz.",
        ),
    ),
    # --- Le Courrier du Matin (French): OpenGraph --------------------------------------------------------------
    SampleArticle(
        slug="lyon-tramway-extension",
        site="courrier",
        title="Lyon : la nouvelle ligne de tramway T10 ouvrira en 2026",
        published="2024-03-09T08:00:00+01:00",
        authors=("Claire Dubois",),
        tags=("Lyon", "transports"),
        description="Le Sytral confirme le calendrier de la ligne T10 entre Gerland et Vénissieux.",
        paragraphs=(
            "La future ligne de tramway T10, qui reliera Gerland à Vénissieux, ouvrira bien en 2026, a confirmé "
            "vendredi le Sytral, l'autorité organisatrice des transports de la métropole de Lyon.",
            "Le président du Sytral, Bruno Bernard, a indiqué que les travaux avançaient conformément au "
            "calendrier malgré la hausse du prix des matériaux. Le coût total est estimé à 235 millions d'euros.",
            "Les commerçants du quartier de Gerland se plaignent toutefois d'une baisse de fréquentation pendant "
            "le chantier. L'association des commerçants réclame des indemnisations.",
            "La ligne doit transporter 30 000 voyageurs par jour selon les prévisions de la métropole.",
        ),
    ),
    SampleArticle(
        slug="bce-taux-inchanges",
        site="courrier",
        title="La BCE maintient ses taux et reste prudente sur l'inflation",
        published="2024-03-07T15:30:00+01:00",
        authors=("Marc Lefèvre",),
        tags=("économie", "BCE"),
        paragraphs=(
            "La Banque centrale européenne a laissé ses taux directeurs inchangés jeudi, pour la quatrième réunion "
            "consécutive. Sa présidente, Christine Lagarde, a estimé que l'inflation reculait plus vite que prévu.",
            "Le gouverneur de la Banque de France, François Villeroy de Galhau, avait plaidé la semaine dernière "
            "pour une baisse des taux au printemps.",
            "Les marchés anticipent désormais une première baisse en juin. Les taux des crédits immobiliers en "
            "France ont déjà commencé à reculer depuis le début de l'année.",
        ),
    ),
    SampleArticle(
        slug="marseille-port-croisieres",
        site="courrier",
        title="Marseille veut électrifier les quais pour les navires de croisière",
        published="2024-03-12T11:45:00+01:00",
        authors=("Claire Dubois", "Marc Lefèvre"),
        tags=("Marseille", "environnement"),
        paragraphs=(
            "Le port de Marseille a annoncé mardi un plan de 30 millions d'euros pour raccorder les navires de "
            "croisière au réseau électrique pendant leurs escales, afin de réduire la pollution de l'air.",
            "Le maire de Marseille, Benoît Payan, a salué une décision attendue par les habitants des quartiers "
            "nord, exposés aux fumées des navires.",
            "Les compagnies MSC et Costa se sont engagées à équiper leurs navires d'ici 2028, selon le Grand Port "
            "Maritime de Marseille.",
        ),
    ),
    # --- El Diario del Sur (Spanish): plain meta ---------------------------------------------------------------
    SampleArticle(
        slug="sevilla-sequia-embalses",
        site="diariosur",
        title="Sevilla levanta las restricciones de agua tras las lluvias de marzo",
        published="2024-03-13",
        authors=("Lucía Fernández",),
        tags=("Sevilla", "sequía"),
        paragraphs=(
            "El Ayuntamiento de Sevilla levantó el miércoles las restricciones al riego de parques y jardines "
            "después de que las lluvias de marzo elevaran el nivel de los embalses por encima del 40 por ciento.",
            "El alcalde, José Luis Sanz, afirmó que la ciudad seguirá pidiendo un uso responsable del agua. La "
            "empresa municipal Emasesa calcula que las reservas garantizan el suministro hasta 2026.",
            "La Junta de Andalucía mantiene, sin embargo, la declaración de sequía en otras comarcas de la "
            "provincia, donde los agricultores siguen sin recibir agua para el regadío.",
        ),
    ),
    SampleArticle(
        slug="malaga-turismo-record",
        site="diariosur",
        title="Málaga bate su récord de turistas en febrero",
        published="2024-03-14",
        authors=("Javier Ortega",),
        tags=("Málaga", "turismo"),
        paragraphs=(
            "El aeropuerto de Málaga recibió en febrero más de un millón de pasajeros, un récord para ese mes, "
            "según los datos publicados el jueves por Aena.",
            "La concejala de Turismo, Rosa Sánchez, atribuyó el aumento a las nuevas rutas con Alemania y los "
            "países nórdicos. Los hoteles de la Costa del Sol registraron una ocupación del 72 por ciento.",
            "Las asociaciones vecinales del centro de Málaga volvieron a pedir límites a los pisos turísticos, "
            "que según el Ayuntamiento ya superan las 12.000 viviendas.",
        ),
    ),
]
