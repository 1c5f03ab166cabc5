"""Fresh English gold pages: written and annotated by hand after the entity rules were built, without reading
those rules or running the model, so that they measure entity quality on text the rules were never tuned on.

Same format as `specs_en.py`: `ents` lists every entity surface form in the title and the text as (surface,
canonical, label), OntoNotes 5 conventions (titles such as "Mr", "Dr", "Judge", "Sir" left out of PERSON spans;
"the" left out unless it is part of the printed name, as in "The Lancet"); EVENT, PRODUCT, WORK_OF_ART and LAW
spans are listed so that what the model says inside them is not scored. A surface is used with one meaning only
on a page, because every whole-word occurrence of it counts as a mention.
"""

from bench.quality.spec import A

_PAGES = [
    # --- politics -------------------------------------------------------------------------------------------
    A(
        "fresh-frost-quits-housing",
        "meridian",
        "ld",
        title="Frost quits as housing minister over planning U-turn",
        byline="By Oliver Grant, Political Correspondent",
        authors=["Oliver Grant"],
        published="2024-03-19T19:05:00+00:00",
        date="2024-03-19",
        paras=[
            "Housing minister Catherine Frost resigned on Tuesday evening after the government dropped plans to "
            "force councils in the south of England to accept higher building targets, saying she could not defend "
            "a policy she no longer believed would be delivered.",
            "In her resignation letter, Frost said the decision to make the targets advisory 'sends the wrong signal "
            "to every young family priced out of a home'. A government spokesman thanked her for her service and "
            "said the new approach would give communities 'a real say' over development.",
            "Her departure is the third from the Department for Levelling Up, Housing and Communities in 18 months. "
            "Conservative MPs in commuter-belt seats had lobbied hard against the targets, and Sir Edward Hale, who "
            "chairs the 1922 Committee of backbench MPs, told colleagues last week that the policy was costing the "
            "party votes.",
            "Labour's housing spokeswoman, Priya Mistry, said the government had 'given up on a generation'. The "
            "Home Builders Federation (HBF) said the change could mean 60,000 fewer homes a year. Martin Sayer, the "
            "HBF's chief executive, said builders would hold back on buying land until the rules were settled.",
            "Frost, 47, has been the MP for Ashford since 2019 and was seen as a rising figure on the party's "
            "modernising wing. Friends said she would campaign for the targets from the back benches.",
            "A replacement is expected to be named on Wednesday. Tom Ellwood, a junior minister at the Treasury, is "
            "among those tipped for the job. Hale said the party now needed 'a period of calm'.",
        ],
        ents=[
            ("Frost", "Catherine Frost", "PERSON"),
            ("Catherine Frost", "Catherine Frost", "PERSON"),
            ("England", "England", "GPE"),
            (
                "Department for Levelling Up, Housing and Communities",
                "Department for Levelling Up, Housing and Communities",
                "ORG",
            ),
            ("Conservative", "Conservative", "NORP"),
            ("Edward Hale", "Edward Hale", "PERSON"),
            ("Hale", "Edward Hale", "PERSON"),
            ("1922 Committee", "1922 Committee", "ORG"),
            ("Labour", "Labour Party", "ORG"),
            ("Priya Mistry", "Priya Mistry", "PERSON"),
            ("Home Builders Federation", "Home Builders Federation", "ORG"),
            ("HBF", "Home Builders Federation", "ORG"),
            ("Martin Sayer", "Martin Sayer", "PERSON"),
            ("Ashford", "Ashford", "GPE"),
            ("Tom Ellwood", "Tom Ellwood", "PERSON"),
            ("Treasury", "Treasury", "ORG"),
        ],
    ),
    A(
        "fresh-arizona-groundwater-law",
        "worldaffairs",
        "og",
        title="Washington signs groundwater limits into law as Arizona's rural wells run dry",
        byline="By Megan Alvarez in Phoenix",
        meta_authors=["Megan Alvarez"],
        authors=["Megan Alvarez"],
        published="2024-03-18T17:30:00-07:00",
        date="2024-03-19",  # Monday evening in Arizona is Tuesday in UTC
        paras=[
            "PHOENIX - Arizona Governor Ellen Washington signed a bill on Monday that for the first time limits how "
            "much groundwater can be pumped in the state's rural valleys, ending a two-year fight with farmers and "
            "Republicans in the state legislature.",
            "The law creates new active management areas in Cochise and La Paz counties, where household wells have "
            "run dry as large dairy and alfalfa farms expanded. Washington, a Democrat, said the state could not "
            "'keep draining the bank account and praying for rain'.",
            "State Senator Jake Hollister, a Republican from Yuma, said the measure would 'strangle family farms' "
            "and predicted it would be challenged in court. Hollister voted against the bill, which passed the "
            "Senate by a single vote after two Republicans crossed the aisle.",
            "Much of the anger in the valleys has been aimed at Fondomonte, a subsidiary of the Saudi dairy company "
            "Almarai, which grows alfalfa near Vicksburg and ships it overseas as cattle feed. The company says it "
            "follows state law and has cut its water use.",
            "The Colorado River, which supplies about a third of Arizona's water, is running near historic lows, and "
            "the Central Arizona Project has already cut deliveries to farms in Pinal County. Hydrologists at the "
            "University of Arizona say some rural aquifers could take centuries to refill.",
            "The Arizona Department of Water Resources will hold public hearings in Willcox and Quartzsite before "
            "the limits take effect next year. Washington's signature caps a campaign promise she made in her first "
            "month in office.",
        ],
        ents=[
            ("Washington", "Ellen Washington", "PERSON"),
            ("Ellen Washington", "Ellen Washington", "PERSON"),
            ("Arizona", "Arizona", "GPE"),
            ("PHOENIX", "Phoenix", "GPE"),
            ("Republicans", "Republicans", "NORP"),
            ("Republican", "Republican", "NORP"),
            ("Cochise", "Cochise County", "GPE"),
            ("La Paz", "La Paz County", "GPE"),
            ("Democrat", "Democrat", "NORP"),
            ("Jake Hollister", "Jake Hollister", "PERSON"),
            ("Hollister", "Jake Hollister", "PERSON"),
            ("Yuma", "Yuma", "GPE"),
            ("Senate", "Arizona Senate", "ORG"),
            ("Fondomonte", "Fondomonte", "ORG"),
            ("Saudi", "Saudi", "NORP"),
            ("Almarai", "Almarai", "ORG"),
            ("Vicksburg", "Vicksburg", "GPE"),
            ("Colorado River", "Colorado River", "LOC"),
            ("Central Arizona Project", "Central Arizona Project", "ORG"),
            ("Pinal County", "Pinal County", "GPE"),
            ("University of Arizona", "University of Arizona", "ORG"),
            ("Arizona Department of Water Resources", "Arizona Department of Water Resources", "ORG"),
            ("Willcox", "Willcox", "GPE"),
            ("Quartzsite", "Quartzsite", "GPE"),
        ],
    ),
    A(
        "fresh-houston-carbon-price",
        "harbor",
        "ld",
        title="Houston presses Ottawa to scrap carbon price rise as premiers close ranks",
        byline="By Colin MacDonald in Halifax",
        authors=["Colin MacDonald"],
        published="2024-03-11T16:00:00-03:00",
        date="2024-03-11",
        paras=[
            "HALIFAX - Nova Scotia Premier Tim Houston called on Ottawa on Monday to cancel the increase in the "
            "federal carbon price due on April 1, joining six other provincial leaders who say the rise will hurt "
            "families already struggling with the cost of living.",
            "In a letter to Prime Minister Justin Trudeau, Houston said the charge on home heating oil fell hardest "
            "on rural Nova Scotians, many of whom have no access to natural gas. 'People here are choosing between "
            "heat and groceries,' he wrote.",
            "The premiers of New Brunswick, Prince Edward Island and Newfoundland and Labrador have made similar "
            "requests. Trudeau has refused to back down, saying most households get more back in quarterly rebate "
            "cheques than they pay in carbon charges.",
            "Federal Environment Minister Steven Guilbeault said the premiers were 'playing politics with the "
            "planet'. Guilbeault told reporters in Montreal that provinces were free to design their own carbon "
            "pricing systems if they disliked the federal one.",
            "Houston's Progressive Conservative Party holds a large majority in the provincial legislature. "
            "Opposition leader Zach Churchill said the premier was picking a fight with Ottawa to distract from "
            "long waits in emergency rooms. Churchill's Liberals have called for the province to spend more on heat "
            "pumps instead.",
            "Conservative Leader Pierre Poilievre, who leads Trudeau in national polls, has promised to scrap the "
            "carbon price altogether. Poilievre is due to hold a rally in Dartmouth on Friday.",
        ],
        ents=[
            ("Houston", "Tim Houston", "PERSON"),
            ("Tim Houston", "Tim Houston", "PERSON"),
            ("Ottawa", "Ottawa", "GPE"),
            ("HALIFAX", "Halifax", "GPE"),
            ("Nova Scotia", "Nova Scotia", "GPE"),
            ("Nova Scotians", "Nova Scotians", "NORP"),
            ("Justin Trudeau", "Justin Trudeau", "PERSON"),
            ("Trudeau", "Justin Trudeau", "PERSON"),
            ("New Brunswick", "New Brunswick", "GPE"),
            ("Prince Edward Island", "Prince Edward Island", "GPE"),
            ("Newfoundland and Labrador", "Newfoundland and Labrador", "GPE"),
            ("Steven Guilbeault", "Steven Guilbeault", "PERSON"),
            ("Guilbeault", "Steven Guilbeault", "PERSON"),
            ("Montreal", "Montreal", "GPE"),
            ("Progressive Conservative Party", "Progressive Conservative Association of Nova Scotia", "ORG"),
            ("Zach Churchill", "Zach Churchill", "PERSON"),
            ("Churchill", "Zach Churchill", "PERSON"),
            ("Liberals", "Liberals", "NORP"),
            ("Conservative", "Conservative", "NORP"),
            ("Pierre Poilievre", "Pierre Poilievre", "PERSON"),
            ("Poilievre", "Pierre Poilievre", "PERSON"),
            ("Dartmouth", "Dartmouth", "GPE"),
        ],
    ),
    # --- business -------------------------------------------------------------------------------------------
    A(
        "fresh-hartwell-van-loon-deal",
        "meridian",
        "og",
        title="Hartwell Foods agrees €2.1bn takeover of Dutch snack maker Van Loon",
        byline="By Priya Raman, Business Reporter",
        meta_authors=["Priya Raman"],
        authors=["Priya Raman"],
        published="2024-03-11T07:00:00+00:00",
        date="2024-03-11",
        paras=[
            "Hartwell Foods, the British maker of crisps and biscuits, has agreed to buy the Dutch snack company Van "
            "Loon for €2.1 billion, creating the second-largest savoury snacks group in Europe.",
            "The offer of €38 a share is a 31 percent premium to Van Loon's closing price on Euronext Amsterdam on "
            "Friday. The family of the company's founder, Joost van Loon, which owns 42 percent of the shares, has "
            "agreed to back the deal.",
            "Hartwell's chief executive, Simon Banks, said the combined group would save €120 million a year, mostly "
            "from buying and logistics, and that no factories would close in the Netherlands. Van Loon's "
            "headquarters will stay in Zwolle, where it employs about 1,400 people.",
            "Banks said the deal would give Hartwell a foothold in Germany and Poland, where Van Loon makes more than "
            "half of its sales, and a range of healthier snacks to offset the effect of tighter rules on "
            "advertising junk food in Britain.",
            "The takeover needs clearance from the European Commission and from the Competition and Markets "
            "Authority (CMA), which blocked a smaller deal in the sector last year. Analysts at Barclays said the "
            "overlap between the two businesses in Britain was small and the CMA was unlikely to object.",
            "Shares in Hartwell rose 4 percent in London. Van Loon's works council said it would seek written "
            "guarantees on jobs in Zwolle before giving its opinion on the offer.",
        ],
        ents=[
            ("Hartwell Foods", "Hartwell Foods", "ORG"),
            ("Hartwell", "Hartwell Foods", "ORG"),
            ("Dutch", "Dutch", "NORP"),
            ("Van Loon", "Van Loon", "ORG"),
            ("British", "British", "NORP"),
            ("Europe", "Europe", "LOC"),
            ("Euronext Amsterdam", "Euronext Amsterdam", "ORG"),
            ("Joost van Loon", "Joost van Loon", "PERSON"),
            ("Simon Banks", "Simon Banks", "PERSON"),
            ("Banks", "Simon Banks", "PERSON"),
            ("Netherlands", "Netherlands", "GPE"),
            ("Zwolle", "Zwolle", "GPE"),
            ("Germany", "Germany", "GPE"),
            ("Poland", "Poland", "GPE"),
            ("Britain", "Britain", "GPE"),
            ("European Commission", "European Commission", "ORG"),
            ("Competition and Markets Authority", "Competition and Markets Authority", "ORG"),
            ("CMA", "Competition and Markets Authority", "ORG"),
            ("Barclays", "Barclays", "ORG"),
            ("London", "London", "GPE"),
        ],
    ),
    A(
        "fresh-shannon-airport-stake",
        "harbor",
        "og",
        title="Shannon Airport owner in talks to sell minority stake to Gulf investor",
        byline="By Aoife Kennedy, Business Correspondent",
        meta_authors=["Aoife Kennedy"],
        authors=["Aoife Kennedy"],
        published="2024-03-08T06:30:00+00:00",
        date="2024-03-08",
        paras=[
            "Shannon Group, the state-owned company that runs Shannon Airport in County Clare, is in talks to sell a "
            "30 percent stake to ADQ, the Abu Dhabi sovereign investor, according to two people familiar with the "
            "discussions.",
            "A deal would value the group at about €400 million and would need the approval of the Department of "
            "Transport and of the Minister for Finance, Michael McGrath. It would be the first time a foreign "
            "investor has taken a stake in one of Ireland's state-owned airports.",
            "Passenger numbers at the Clare airport recovered to 1.9 million last year but remain far below those "
            "at Dublin Airport and Cork Airport. Transatlantic flights to Boston and New York, suspended during the "
            "pandemic, have since been restored by Aer Lingus and United Airlines.",
            "Chief executive Declan Moriarty told staff in an email on Thursday that the group needed 'a partner "
            "with deep pockets and a long view' to pay for a new runway surface and a cargo terminal.",
            "The group also owns the Shannon Free Zone, a business park on the estuary of the River Shannon that is "
            "home to more than 170 companies. Local councillor Niamh Burke, of Fianna Fáil, said the town of "
            "Shannon, which grew up around the airport in the 1960s, depended on it for thousands of jobs.",
            "ADQ, which owns stakes in Etihad Airways and Abu Dhabi Ports, declined to comment. The Department of "
            "Transport said it did not comment on commercial negotiations. Irish airport unions said they would "
            "seek assurances on pensions.",
        ],
        ents=[
            ("Shannon Airport", "Shannon Airport", "FAC"),
            ("Gulf", "Gulf", "LOC"),
            ("Shannon Group", "Shannon Group", "ORG"),
            ("County Clare", "County Clare", "GPE"),
            ("Clare", "County Clare", "GPE"),
            ("ADQ", "ADQ", "ORG"),
            ("Abu Dhabi", "Abu Dhabi", "GPE"),
            ("Department of Transport", "Department of Transport", "ORG"),
            ("Michael McGrath", "Michael McGrath", "PERSON"),
            ("Ireland", "Ireland", "GPE"),
            ("Dublin Airport", "Dublin Airport", "FAC"),
            ("Cork Airport", "Cork Airport", "FAC"),
            ("Boston", "Boston", "GPE"),
            ("New York", "New York", "GPE"),
            ("Aer Lingus", "Aer Lingus", "ORG"),
            ("United Airlines", "United Airlines", "ORG"),
            ("Declan Moriarty", "Declan Moriarty", "PERSON"),
            ("Shannon Free Zone", "Shannon Free Zone", "FAC"),
            ("River Shannon", "River Shannon", "LOC"),
            ("Niamh Burke", "Niamh Burke", "PERSON"),
            ("Fianna Fáil", "Fianna Fáil", "ORG"),
            ("Shannon", "Shannon", "GPE"),
            ("Etihad Airways", "Etihad Airways", "ORG"),
            ("Abu Dhabi Ports", "Abu Dhabi Ports", "ORG"),
            ("Irish", "Irish", "NORP"),
        ],
    ),
    A(
        "fresh-samsung-taylor-subsidy",
        "meridian",
        "og",
        title="Samsung set for $6bn in subsidies for Taylor, Texas chip plant, officials say",
        byline="By Daniel Park and Rebecca Stone",
        meta_authors=["Daniel Park", "Rebecca Stone"],
        authors=["Daniel Park", "Rebecca Stone"],
        published="2024-03-15T10:05:00-05:00",
        date="2024-03-15",
        paras=[
            "Samsung Electronics is set to receive more than $6 billion in federal grants to expand its chipmaking "
            "complex in Taylor, Texas, under the CHIPS and Science Act, according to two officials briefed on the "
            "plans.",
            "The award, which the Commerce Department is expected to announce next month, would be one of the "
            "largest under the $39 billion manufacturing programme, alongside grants to Intel and Taiwan "
            "Semiconductor Manufacturing Co (TSMC), which is building plants in Arizona.",
            "Samsung, South Korea's largest company, began building a $17 billion factory on farmland east of Austin "
            "in 2022. The officials said the company would commit to a second factory and a research centre on the "
            "site, raising its total investment in Texas to more than $40 billion.",
            "Commerce Secretary Gina Raimondo has said she wants to bring the production of the most advanced chips "
            "back to the United States after decades in which it moved to Asia. Raimondo told a Senate committee "
            "this month that demand for the grants far exceeded the money available.",
            "Taylor, a town of about 17,000 people in Williamson County, has seen house prices and traffic climb "
            "since construction began. Mayor Dwight Ellison said the town was 'proud and a little overwhelmed'.",
            "Samsung declined to comment. Shares of the South Korean company were little changed in Seoul. Its "
            "domestic rival SK Hynix is weighing a plant in Indiana.",
        ],
        ents=[
            ("Samsung", "Samsung Electronics", "ORG"),
            ("Samsung Electronics", "Samsung Electronics", "ORG"),
            ("Taylor", "Taylor", "GPE"),
            ("Texas", "Texas", "GPE"),
            ("CHIPS and Science Act", "CHIPS and Science Act", "LAW"),
            ("Commerce Department", "Commerce Department", "ORG"),
            ("Intel", "Intel", "ORG"),
            ("Taiwan Semiconductor Manufacturing Co", "Taiwan Semiconductor Manufacturing Co", "ORG"),
            ("TSMC", "Taiwan Semiconductor Manufacturing Co", "ORG"),
            ("Arizona", "Arizona", "GPE"),
            ("South Korea", "South Korea", "GPE"),
            ("Austin", "Austin", "GPE"),
            ("Gina Raimondo", "Gina Raimondo", "PERSON"),
            ("Raimondo", "Gina Raimondo", "PERSON"),
            ("United States", "United States", "GPE"),
            ("Asia", "Asia", "LOC"),
            ("Senate", "US Senate", "ORG"),
            ("Williamson County", "Williamson County", "GPE"),
            ("Dwight Ellison", "Dwight Ellison", "PERSON"),
            ("South Korean", "South Korean", "NORP"),
            ("Seoul", "Seoul", "GPE"),
            ("SK Hynix", "SK Hynix", "ORG"),
            ("Indiana", "Indiana", "GPE"),
        ],
    ),
    # --- courts ---------------------------------------------------------------------------------------------
    A(
        "fresh-king-fraud-jailed",
        "harbor",
        "ld",
        title="Fund manager King jailed for seven years over £41m investor fraud",
        byline="By Chloe Barnes, Courts Reporter",
        authors=["Chloe Barnes"],
        published="2024-03-15T14:20:00+00:00",
        date="2024-03-15",
        paras=[
            "A former fund manager who spent clients' savings on racehorses and a villa in Marbella was jailed for "
            "seven years at Southwark Crown Court on Friday.",
            "Marcus King, 52, the founder of Kingsbridge Capital, was convicted in January of fraud by abuse of "
            "position after a trial that heard he had taken £41 million from more than 900 investors, many of them "
            "retired teachers and nurses from Devon and Cornwall.",
            "Sentencing him, Judge Anne Carswell told King he had 'treated other people's life savings as a personal "
            "bank account'. She said his lack of remorse was striking and that several victims had been forced to "
            "sell their homes.",
            "The case was brought by the Serious Fraud Office (SFO), which began investigating in 2020 after "
            "complaints to the Financial Conduct Authority. The SFO said it would now seek a confiscation order to "
            "recover assets, including property in Spain and a share in a stud farm near Newmarket.",
            "King's barrister, Daniel Okonjo KC, had argued that his client genuinely believed the investments "
            "would recover. Okonjo told the court that King had repaid some investors from his own pocket before "
            "the firm collapsed.",
            "Outside court, Margaret Ellis, 71, from Torquay, said she had lost £86,000. 'I hope he thinks of us "
            "every single day,' she said. The Financial Services Compensation Scheme has so far paid out to about a "
            "third of the victims.",
        ],
        ents=[
            ("King", "Marcus King", "PERSON"),
            ("Marcus King", "Marcus King", "PERSON"),
            ("Marbella", "Marbella", "GPE"),
            ("Southwark Crown Court", "Southwark Crown Court", "ORG"),
            ("Kingsbridge Capital", "Kingsbridge Capital", "ORG"),
            ("Devon", "Devon", "GPE"),
            ("Cornwall", "Cornwall", "GPE"),
            ("Anne Carswell", "Anne Carswell", "PERSON"),
            ("Serious Fraud Office", "Serious Fraud Office", "ORG"),
            ("SFO", "Serious Fraud Office", "ORG"),
            ("Financial Conduct Authority", "Financial Conduct Authority", "ORG"),
            ("Spain", "Spain", "GPE"),
            ("Newmarket", "Newmarket", "GPE"),
            ("Daniel Okonjo", "Daniel Okonjo", "PERSON"),
            ("Okonjo", "Daniel Okonjo", "PERSON"),
            ("Margaret Ellis", "Margaret Ellis", "PERSON"),
            ("Torquay", "Torquay", "GPE"),
            ("Financial Services Compensation Scheme", "Financial Services Compensation Scheme", "ORG"),
        ],
    ),
    A(
        "fresh-yellowstone-bison-appeal",
        "worldaffairs",
        "og",
        title="Appeals court revives Montana ranchers' lawsuit over Yellowstone bison",
        byline="By Nora Whitcombe",
        meta_authors=["Nora Whitcombe"],
        authors=["Nora Whitcombe"],
        published="2024-03-07T13:10:00-08:00",
        date="2024-03-07",
        paras=[
            "SAN FRANCISCO - A federal appeals court on Thursday revived a lawsuit by Montana ranchers who say the "
            "National Park Service let diseased bison wander out of Yellowstone National Park and onto their land, "
            "overturning a judge who had thrown the case out.",
            "A three-judge panel of the US Court of Appeals for the Ninth Circuit ruled 2-1 that the ranchers could "
            "pursue claims that brucellosis, a bacterial disease that causes cattle to abort their calves, had "
            "spread to their herds near Gardiner.",
            "Writing for the majority, Judge Amy Young said the lower court had been wrong to treat the park's bison "
            "management plan as a matter of pure discretion. 'The government does not get to ignore its own rules "
            "because the animals are wild,' she wrote.",
            "Judge Carlos Whitfield dissented, saying Congress had deliberately left such decisions to park "
            "managers and that the courts should not second-guess them.",
            "The ranchers are represented by the Mountain States Legal Foundation, a conservative group based in "
            "Colorado. Its lawyer, Bridget Olsen, called the ruling 'a win for every family that raises cattle next "
            "to federal land'.",
            "The Department of the Interior, which oversees the park service, said it was reviewing the decision. "
            "Native American groups, including the InterTribal Buffalo Council, have pushed for more bison to be "
            "allowed to leave Yellowstone and be moved to tribal lands rather than slaughtered.",
            "The case now returns to the federal court in Billings. Young's opinion noted that no case of a bison "
            "passing brucellosis to cattle has ever been confirmed in the wild.",
        ],
        ents=[
            ("Montana", "Montana", "GPE"),
            ("Yellowstone", "Yellowstone National Park", "LOC"),
            ("Yellowstone National Park", "Yellowstone National Park", "LOC"),
            ("SAN FRANCISCO", "San Francisco", "GPE"),
            ("National Park Service", "National Park Service", "ORG"),
            (
                "US Court of Appeals for the Ninth Circuit",
                "US Court of Appeals for the Ninth Circuit",
                "ORG",
            ),
            ("Gardiner", "Gardiner", "GPE"),
            ("Amy Young", "Amy Young", "PERSON"),
            ("Young", "Amy Young", "PERSON"),
            ("Carlos Whitfield", "Carlos Whitfield", "PERSON"),
            ("Congress", "Congress", "ORG"),
            ("Mountain States Legal Foundation", "Mountain States Legal Foundation", "ORG"),
            ("Colorado", "Colorado", "GPE"),
            ("Bridget Olsen", "Bridget Olsen", "PERSON"),
            ("Department of the Interior", "Department of the Interior", "ORG"),
            ("Native American", "Native American", "NORP"),
            ("InterTribal Buffalo Council", "InterTribal Buffalo Council", "ORG"),
            ("Billings", "Billings", "GPE"),
        ],
    ),
    A(
        "fresh-salmon-cartel-fine",
        "worldaffairs",
        "ld",
        title="EU court upholds €397m cartel fine on Norwegian salmon farmers",
        byline="By Ines Carvalho in Luxembourg",
        authors=["Ines Carvalho"],
        published="2024-03-13T11:20:00+01:00",
        date="2024-03-13",
        paras=[
            "The European Union's General Court on Wednesday upheld fines totalling €397 million on five Norwegian "
            "salmon farmers for coordinating prices, rejecting their argument that the European Commission had no "
            "power over sales agreed in Norway.",
            "The judges in Luxembourg said the companies had swapped information on prices and volumes in weekly "
            "telephone calls between 2011 and 2019, and that the effects were felt by supermarkets and processors "
            "in the EU, which buys most of the fish they farm.",
            "The largest fine, €142 million, was imposed on Fjordlaks, based in Ålesund. Its chief executive, Ola "
            "Brekke, said the company would appeal to the Court of Justice. 'We sold into a market with hundreds of "
            "buyers and no power over the price,' Brekke said.",
            "Margrethe Vestager, the EU's competition commissioner, welcomed the judgment. Vestager's office said "
            "the ruling confirmed that companies outside the bloc could not escape its cartel rules 'simply by "
            "picking up the phone from abroad'.",
            "Salmon prices in Britain, France and Poland rose by more than a third between 2016 and 2019, according "
            "to the Commission. Processors in Poland, which smoke and pack much of the fish sold in European "
            "supermarkets, had complained to Brussels.",
            "The Norwegian Seafood Council said exports of salmon to the EU were worth more than €9 billion last "
            "year. Norway is not an EU member but is bound by the bloc's competition rules through a trade treaty.",
        ],
        ents=[
            ("EU", "European Union", "ORG"),
            ("Norwegian", "Norwegian", "NORP"),
            ("European Union", "European Union", "ORG"),
            ("General Court", "General Court", "ORG"),
            ("European Commission", "European Commission", "ORG"),
            ("Commission", "European Commission", "ORG"),
            ("Norway", "Norway", "GPE"),
            ("Luxembourg", "Luxembourg", "GPE"),
            ("Fjordlaks", "Fjordlaks", "ORG"),
            ("Ålesund", "Ålesund", "GPE"),
            ("Ola Brekke", "Ola Brekke", "PERSON"),
            ("Brekke", "Ola Brekke", "PERSON"),
            ("Court of Justice", "Court of Justice of the European Union", "ORG"),
            ("Margrethe Vestager", "Margrethe Vestager", "PERSON"),
            ("Vestager", "Margrethe Vestager", "PERSON"),
            ("Britain", "Britain", "GPE"),
            ("France", "France", "GPE"),
            ("Poland", "Poland", "GPE"),
            ("European", "European", "NORP"),
            ("Brussels", "Brussels", "GPE"),
            ("Norwegian Seafood Council", "Norwegian Seafood Council", "ORG"),
        ],
    ),
    # --- sport ----------------------------------------------------------------------------------------------
    A(
        "fresh-psl-kings-gladiators",
        "meridian",
        "ld",
        title="Baig's 64 lifts Karachi Kings past Quetta Gladiators at National Bank Cricket Arena",
        byline="By Faisal Qureshi in Karachi",
        authors=["Faisal Qureshi"],
        published="2024-03-09T23:55:00+05:00",
        date="2024-03-09",
        paras=[
            "Saad Baig hit 64 from 41 balls and Haris Mir took three wickets as Karachi Kings beat Quetta Gladiators "
            "by 22 runs in the Pakistan Super League on Saturday night to keep their play-off hopes alive.",
            "Put in to bat, the home side lost Usman Tariq in the second over, but Baig and Imran Siddiqui added 78 "
            "for the third wicket before Siddiqui holed out to long-on. Baig, the captain, was finally caught by "
            "Khalid Aziz off the bowling of the New Zealand seamer Liam Gill.",
            "The Gladiators needed 188 and were well placed at 96 for two after 11 overs, with the Australian opener "
            "Jack Dawson on 51. Mir then removed Dawson and Naveed Akhtar in the same over and the chase fell apart.",
            "'The wicket was slow and we knew 180 would be enough if we bowled straight,' said Baig, who was named "
            "player of the match. The Gladiators captain, Sarfraz Bhatti, said his side had 'handed the game away' "
            "in the middle overs.",
            "Karachi Kings 187 for 6 (20 overs)",
            "Usman Tariq c Aziz b Gill 4",
            "Imran Siddiqui c Dawson b Akhtar 38",
            "Saad Baig c Aziz b Gill 64",
            "Hamza Yousuf not out 29",
            "Bowling: Gill 4-0-31-2, Akhtar 4-0-36-2",
            "Quetta Gladiators 165 for 9 (20 overs)",
            "Jack Dawson c Tariq b Mir 51",
            "Naveed Akhtar lbw b Mir 0",
            "Sarfraz Bhatti run out 17",
            "Bowling: Mir 4-0-27-3, Yousuf 4-0-30-2",
            "Karachi Kings won by 22 runs. The teams meet Multan Sultans and Lahore Qalandars respectively on Tuesday.",
        ],
        ents=[
            ("Baig", "Saad Baig", "PERSON"),
            ("Saad Baig", "Saad Baig", "PERSON"),
            ("Karachi Kings", "Karachi Kings", "ORG"),
            ("Quetta Gladiators", "Quetta Gladiators", "ORG"),
            ("National Bank Cricket Arena", "National Bank Cricket Arena", "FAC"),
            ("Haris Mir", "Haris Mir", "PERSON"),
            ("Mir", "Haris Mir", "PERSON"),
            ("Pakistan Super League", "Pakistan Super League", "ORG"),
            ("Usman Tariq", "Usman Tariq", "PERSON"),
            ("Tariq", "Usman Tariq", "PERSON"),
            ("Imran Siddiqui", "Imran Siddiqui", "PERSON"),
            ("Siddiqui", "Imran Siddiqui", "PERSON"),
            ("Khalid Aziz", "Khalid Aziz", "PERSON"),
            ("Aziz", "Khalid Aziz", "PERSON"),
            ("New Zealand", "New Zealand", "GPE"),
            ("Liam Gill", "Liam Gill", "PERSON"),
            ("Gill", "Liam Gill", "PERSON"),
            ("Australian", "Australian", "NORP"),
            ("Jack Dawson", "Jack Dawson", "PERSON"),
            ("Dawson", "Jack Dawson", "PERSON"),
            ("Naveed Akhtar", "Naveed Akhtar", "PERSON"),
            ("Akhtar", "Naveed Akhtar", "PERSON"),
            ("Gladiators", "Quetta Gladiators", "ORG"),
            ("Sarfraz Bhatti", "Sarfraz Bhatti", "PERSON"),
            ("Hamza Yousuf", "Hamza Yousuf", "PERSON"),
            ("Yousuf", "Hamza Yousuf", "PERSON"),
            ("Multan Sultans", "Multan Sultans", "ORG"),
            ("Lahore Qalandars", "Lahore Qalandars", "ORG"),
        ],
    ),
    A(
        "fresh-northfield-town-top",
        "northfield",
        "og",
        title="Late Adeyemi header sends Northfield Town top of the National League North",
        byline="By Ryan Holt, Sports Reporter",
        meta_authors=["Ryan Holt"],
        authors=["Ryan Holt"],
        published="2024-03-16T18:10:00+00:00",
        date="2024-03-16",
        paras=[
            "Northfield Town moved to the top of the National League North on Saturday after Tunde Adeyemi's header "
            "two minutes from time earned a 2-1 win over Aireton Rovers in front of 3,412 at Brook Lane.",
            "Rovers, unbeaten in eleven league games, led at half-time through Callum Reid's close-range finish "
            "after Town goalkeeper Sam Whitaker could only parry a free kick into his path.",
            "Manager Gary Pearce sent on Jordan Lewis at the break and the substitute equalised within six minutes, "
            "turning in a low cross from Liam Hart. Adeyemi, on loan from Bradford City, then rose highest to meet "
            "Hart's corner in the 88th minute.",
            "'It's the best feeling I've had in football,' said Adeyemi, who has scored four goals in six games "
            "since arriving in January. Pearce was more cautious: 'We won't get carried away. There are eleven "
            "games left and three or four clubs who can still win it.'",
            "Elsewhere, Castlegate United drew 1-1 at home to Redmarsh Town, and Holme Valley Athletic were beaten "
            "3-0 by Stockbridge Park Steels.",
            "National League North, leading positions (played, points):",
            "1 Northfield Town 32 64",
            "2 Aireton Rovers 32 62",
            "3 Castlegate United 31 60",
            "4 Redmarsh Town 32 57",
            "5 Holme Valley Athletic 32 53",
            "Town travel to Castlegate United next Saturday.",
        ],
        ents=[
            ("Adeyemi", "Tunde Adeyemi", "PERSON"),
            ("Tunde Adeyemi", "Tunde Adeyemi", "PERSON"),
            ("Northfield Town", "Northfield Town", "ORG"),
            ("Town", "Northfield Town", "ORG"),
            ("National League North", "National League North", "ORG"),
            ("Aireton Rovers", "Aireton Rovers", "ORG"),
            ("Rovers", "Aireton Rovers", "ORG"),
            ("Brook Lane", "Brook Lane", "FAC"),
            ("Callum Reid", "Callum Reid", "PERSON"),
            ("Sam Whitaker", "Sam Whitaker", "PERSON"),
            ("Gary Pearce", "Gary Pearce", "PERSON"),
            ("Pearce", "Gary Pearce", "PERSON"),
            ("Jordan Lewis", "Jordan Lewis", "PERSON"),
            ("Liam Hart", "Liam Hart", "PERSON"),
            ("Hart", "Liam Hart", "PERSON"),
            ("Bradford City", "Bradford City", "ORG"),
            ("Castlegate United", "Castlegate United", "ORG"),
            ("Redmarsh Town", "Redmarsh Town", "ORG"),
            ("Holme Valley Athletic", "Holme Valley Athletic", "ORG"),
            ("Stockbridge Park Steels", "Stockbridge Park Steels", "ORG"),
        ],
    ),
    A(
        "fresh-lara-indian-wells-final",
        "meridian",
        "ld",
        title="Lara stuns top seed Kovač to reach Indian Wells final",
        byline="By Tom Ashby",
        authors=["Tom Ashby"],
        published="2024-03-15T22:40:00-07:00",
        date="2024-03-16",  # late Friday in California is Saturday in UTC
        paras=[
            "INDIAN WELLS, California - Sofia Lara of Spain reached the biggest final of her career on Friday, "
            "beating the top seed Petra Kovač 6-4, 3-6, 7-5 in a semi-final that lasted two hours and 41 minutes at "
            "the BNP Paribas Open.",
            "Lara, 22, from Valencia, saved two break points at 5-5 in the deciding set before breaking the "
            "Croatian's serve with a forehand winner down the line. She served out the match to love and fell onto "
            "her back on the baseline.",
            "'I was so nervous at the end, but my coach told me to keep swinging,' said Lara, who is coached by the "
            "former Argentine player Martín Sosa. 'Against Petra you have to be brave or she eats you.'",
            "Kovač, who won the Australian Open in January, said a sore wrist had slowed her serve but refused to "
            "use it as an excuse. 'She played better in the big moments. That's tennis,' she said.",
            "Lara will face either the American Jessica Ward or Ukraine's Olena Bondar in Sunday's final. Ward and "
            "Bondar were due to meet later on Friday night at the Indian Wells Tennis Garden.",
            "Victory would lift Lara into the WTA top 10 for the first time and make her the first Spanish woman "
            "there since Paula Badosa in 2022.",
        ],
        ents=[
            ("Lara", "Sofia Lara", "PERSON"),
            ("Sofia Lara", "Sofia Lara", "PERSON"),
            ("Kovač", "Petra Kovač", "PERSON"),
            ("Petra Kovač", "Petra Kovač", "PERSON"),
            ("Petra", "Petra Kovač", "PERSON"),
            ("Indian Wells", "Indian Wells", "GPE"),
            ("INDIAN WELLS", "Indian Wells", "GPE"),
            ("California", "California", "GPE"),
            ("Spain", "Spain", "GPE"),
            ("BNP Paribas Open", "BNP Paribas Open", "EVENT"),
            ("Valencia", "Valencia", "GPE"),
            ("Croatian", "Croatian", "NORP"),
            ("Argentine", "Argentine", "NORP"),
            ("Martín Sosa", "Martín Sosa", "PERSON"),
            ("Australian Open", "Australian Open", "EVENT"),
            ("American", "American", "NORP"),
            ("Jessica Ward", "Jessica Ward", "PERSON"),
            ("Ward", "Jessica Ward", "PERSON"),
            ("Ukraine", "Ukraine", "GPE"),
            ("Olena Bondar", "Olena Bondar", "PERSON"),
            ("Bondar", "Olena Bondar", "PERSON"),
            ("Indian Wells Tennis Garden", "Indian Wells Tennis Garden", "FAC"),
            ("WTA", "Women's Tennis Association", "ORG"),
            ("Spanish", "Spanish", "NORP"),
            ("Paula Badosa", "Paula Badosa", "PERSON"),
        ],
    ),
    A(
        "fresh-lombardi-paris-nice",
        "harbor",
        "og",
        title="Lombardi takes Paris-Nice lead with solo win on Mont Brouilly",
        byline="By Simon Thorne, Cycling Correspondent",
        meta_authors=["Simon Thorne"],
        authors=["Simon Thorne"],
        published="2024-03-06T17:45:00+01:00",
        date="2024-03-06",
        paras=[
            "Italian rider Matteo Lombardi took the overall lead of Paris-Nice on Wednesday with a solo victory on "
            "the steep climb of Mont Brouilly, attacking two kilometres from the top at the end of the fourth stage "
            "from Chalon-sur-Saône.",
            "Lombardi, 24, who rides for the Belgian team Soudal Quick-Step, finished 18 seconds ahead of Denmark's "
            "Jonas Holm of Visma-Lease a Bike and 31 seconds clear of the Briton Tom Whitley of Ineos Grenadiers.",
            "Holm, the defending champion, had worn the yellow jersey since the opening day in Les Mureaux but "
            "could not follow when Lombardi accelerated on the steepest ramp of the climb, which rises out of the "
            "Beaujolais vineyards.",
            "'I rode this climb in training in the winter and I knew exactly where to go,' said Lombardi, who "
            "finished ninth in last year's Tour de France. 'Now we have to defend it for four days, and that will "
            "be harder.'",
            "Thursday's fifth stage takes the race south through the Rhône valley to Sisteron.",
            "Stage four: 1 Matteo Lombardi (Italy) Soudal Quick-Step 3hrs 58mins 12secs; 2 Jonas Holm (Denmark) "
            "Visma-Lease a Bike +18secs; 3 Tom Whitley (Britain) Ineos Grenadiers +31secs; 4 Pierre Gautier "
            "(France) Decathlon AG2R La Mondiale +37secs; 5 Lucas Ferreira (Portugal) UAE Team Emirates +44secs.",
            "Overall: 1 Lombardi 14hrs 02mins 40secs; 2 Holm +11secs; 3 Whitley +29secs; 4 Gautier +52secs; "
            "5 Ferreira +1min 03secs.",
        ],
        ents=[
            ("Lombardi", "Matteo Lombardi", "PERSON"),
            ("Matteo Lombardi", "Matteo Lombardi", "PERSON"),
            ("Paris-Nice", "Paris-Nice", "EVENT"),
            ("Mont Brouilly", "Mont Brouilly", "LOC"),
            ("Italian", "Italian", "NORP"),
            ("Chalon-sur-Saône", "Chalon-sur-Saône", "GPE"),
            ("Belgian", "Belgian", "NORP"),
            ("Soudal Quick-Step", "Soudal Quick-Step", "ORG"),
            ("Denmark", "Denmark", "GPE"),
            ("Jonas Holm", "Jonas Holm", "PERSON"),
            ("Holm", "Jonas Holm", "PERSON"),
            ("Visma-Lease a Bike", "Visma-Lease a Bike", "ORG"),
            ("Briton", "Briton", "NORP"),
            ("Tom Whitley", "Tom Whitley", "PERSON"),
            ("Whitley", "Tom Whitley", "PERSON"),
            ("Ineos Grenadiers", "Ineos Grenadiers", "ORG"),
            ("Les Mureaux", "Les Mureaux", "GPE"),
            ("Beaujolais", "Beaujolais", "LOC"),
            ("Tour de France", "Tour de France", "EVENT"),
            ("Rhône", "Rhône", "LOC"),
            ("Sisteron", "Sisteron", "GPE"),
            ("Italy", "Italy", "GPE"),
            ("Britain", "Britain", "GPE"),
            ("Pierre Gautier", "Pierre Gautier", "PERSON"),
            ("Gautier", "Pierre Gautier", "PERSON"),
            ("France", "France", "GPE"),
            ("Decathlon AG2R La Mondiale", "Decathlon AG2R La Mondiale", "ORG"),
            ("Lucas Ferreira", "Lucas Ferreira", "PERSON"),
            ("Ferreira", "Lucas Ferreira", "PERSON"),
            ("Portugal", "Portugal", "GPE"),
            ("UAE Team Emirates", "UAE Team Emirates", "ORG"),
        ],
    ),
    # --- obituaries -----------------------------------------------------------------------------------------
    A(
        "fresh-obituary-eleanor-marsh",
        "meridian",
        "og",
        title="Eleanor Marsh, glaciologist who mapped the lakes beneath Antarctica, dies at 84",
        byline="By Fiona MacLeod",
        meta_authors=["Fiona MacLeod"],
        authors=["Fiona MacLeod"],
        published="2024-03-12T10:00:00+00:00",
        date="2024-03-12",
        paras=[
            "Eleanor Marsh, the glaciologist whose airborne radar surveys revealed lakes buried under kilometres of "
            "ice in Antarctica, has died at her home in Cambridge. She was 84.",
            "Her death was announced by the British Antarctic Survey (BAS), where she worked for more than three "
            "decades and led its glaciology group from 1981 until her retirement in 1999.",
            "Born in Whitby in 1939, the daughter of a trawlerman, Marsh studied physics at the University of Leeds "
            "before joining the Scott Polar Research Institute as a research student in 1962. Her first season on "
            "the ice, in 1964, was spent hauling sledges across the Ross Ice Shelf with a team of American and New "
            "Zealand scientists.",
            "In the 1970s, flying low over the ice sheet in an aircraft borrowed from the US Navy, Marsh and her "
            "colleagues used radio-echo sounding to see through four kilometres of ice. The flat, bright echoes "
            "they recorded near the Russian station at Vostok were the first evidence of what became known as Lake "
            "Vostok, the largest of more than 400 lakes now known beneath the continent.",
            "Dr Marsh was elected a Fellow of the Royal Society in 1988 and received the Polar Medal in 1991, one of "
            "the first women to do so.",
            "Colleagues remembered a demanding but generous mentor. 'Eleanor's great gift was patience, in the "
            "field and with her students,' said Professor Alan Whiteley, a former director of science at BAS.",
            "Marsh's husband, the geologist Peter Lindqvist, died in 2015. She is survived by their daughters, Anna "
            "and Clare Lindqvist, and four grandchildren.",
        ],
        ents=[
            ("Eleanor Marsh", "Eleanor Marsh", "PERSON"),
            ("Marsh", "Eleanor Marsh", "PERSON"),
            ("Eleanor", "Eleanor Marsh", "PERSON"),
            ("Antarctica", "Antarctica", "LOC"),
            ("Cambridge", "Cambridge", "GPE"),
            ("British Antarctic Survey", "British Antarctic Survey", "ORG"),
            ("BAS", "British Antarctic Survey", "ORG"),
            ("Whitby", "Whitby", "GPE"),
            ("University of Leeds", "University of Leeds", "ORG"),
            ("Scott Polar Research Institute", "Scott Polar Research Institute", "ORG"),
            ("Ross Ice Shelf", "Ross Ice Shelf", "LOC"),
            ("American", "American", "NORP"),
            ("New Zealand", "New Zealand", "GPE"),
            ("US Navy", "US Navy", "ORG"),
            ("Russian", "Russian", "NORP"),
            ("Vostok", "Vostok Station", "FAC"),
            ("Lake Vostok", "Lake Vostok", "LOC"),
            ("Royal Society", "Royal Society", "ORG"),
            ("Alan Whiteley", "Alan Whiteley", "PERSON"),
            ("Peter Lindqvist", "Peter Lindqvist", "PERSON"),
            ("Anna", "Anna Lindqvist", "PERSON"),
            ("Clare Lindqvist", "Clare Lindqvist", "PERSON"),
        ],
    ),
    A(
        "fresh-obituary-clarence-hope",
        "harbor",
        "ld",
        title="Clarence Hope, New Orleans pianist who shaped modern jazz, dies at 91",
        byline="By Marcus Delacroix",
        authors=["Marcus Delacroix"],
        published="2024-03-11T09:30:00-05:00",
        date="2024-03-11",
        paras=[
            "Clarence Hope, the New Orleans pianist whose spare, bluesy recordings for Blue Note Records in the "
            "1960s influenced generations of jazz musicians, died on Sunday in Baton Rouge, Louisiana. He was 91.",
            "His daughter, Denise Hope-Carter, said the cause was heart failure.",
            "Born in the Tremé neighborhood in 1932, Hope learned to play on the upright piano at St Augustine "
            "Church, where his mother sang in the choir. He was playing in the clubs of Rampart Street by the age "
            "of 15.",
            "He moved to New York in 1955 and spent a decade in the house bands of the Village Vanguard and the Five "
            "Spot, often alongside the saxophonist Sonny Rollins and the drummer Art Blakey. His 1963 album 'Crescent "
            "Moon', recorded in a single afternoon, is widely regarded as his masterpiece.",
            "Hope returned to New Orleans in 1978 and taught for 20 years at Loyola University. Among his students "
            "was the trumpeter Marcus Belton, who said on Monday that Hope 'taught me that silence is part of the "
            "music'.",
            "In 2006, a year after Hurricane Katrina destroyed his home in the Lower Ninth Ward, he recorded a solo "
            "album at Preservation Hall to raise money for displaced musicians. The National Endowment for the Arts "
            "named him a Jazz Master in 2010.",
            "Besides his daughter, he is survived by a son, Lionel, and five grandchildren.",
        ],
        ents=[
            ("Clarence Hope", "Clarence Hope", "PERSON"),
            ("Hope", "Clarence Hope", "PERSON"),
            ("New Orleans", "New Orleans", "GPE"),
            ("Blue Note Records", "Blue Note Records", "ORG"),
            ("Baton Rouge", "Baton Rouge", "GPE"),
            ("Louisiana", "Louisiana", "GPE"),
            ("Denise Hope-Carter", "Denise Hope-Carter", "PERSON"),
            ("Tremé", "Tremé", "GPE"),
            ("St Augustine Church", "St Augustine Church", "FAC"),
            ("Rampart Street", "Rampart Street", "FAC"),
            ("New York", "New York", "GPE"),
            ("Village Vanguard", "Village Vanguard", "FAC"),
            ("Five Spot", "Five Spot", "FAC"),
            ("Sonny Rollins", "Sonny Rollins", "PERSON"),
            ("Art Blakey", "Art Blakey", "PERSON"),
            ("Crescent Moon", "Crescent Moon", "WORK_OF_ART"),
            ("Loyola University", "Loyola University New Orleans", "ORG"),
            ("Marcus Belton", "Marcus Belton", "PERSON"),
            ("Hurricane Katrina", "Hurricane Katrina", "EVENT"),
            ("Lower Ninth Ward", "Lower Ninth Ward", "GPE"),
            ("Preservation Hall", "Preservation Hall", "FAC"),
            ("National Endowment for the Arts", "National Endowment for the Arts", "ORG"),
            ("Lionel", "Lionel Hope", "PERSON"),
        ],
    ),
    # --- science and health -------------------------------------------------------------------------------
    A(
        "fresh-eso-water-vapour",
        "meridian",
        "ld",
        title="ESO astronomers find hints of water vapour on a rocky world around a nearby star",
        byline="By Dr Hannah Pike, Science Editor",
        authors=["Hannah Pike"],
        published="2024-03-13T16:00:00+00:00",
        date="2024-03-13",
        paras=[
            "Astronomers using the European Southern Observatory's Very Large Telescope (VLT) in Chile say they have "
            "found signs of water vapour in the atmosphere of a rocky planet orbiting a small red star about 40 "
            "light years from Earth.",
            "If confirmed, it would be the first time water has been detected around a planet of roughly Earth's "
            "size in the habitable zone of its star, where temperatures could allow liquid water on the surface.",
            "The team, led by Dr Ana Beltrán of the University of Granada, watched the planet pass in front of its "
            "star 11 times over two years and used an instrument called ESPRESSO to pick out the faint fingerprint "
            "of water in the starlight filtering through its atmosphere.",
            "'It is a tentative detection, but it is exactly what we hoped to see,' Beltrán said. The findings were "
            "published on Wednesday in the journal Nature Astronomy.",
            "Other scientists urged caution. Jonathan Reyes, who studies exoplanets at the Massachusetts Institute "
            "of Technology (MIT), said flares and starspots on red dwarfs could mimic the signal. Observations with "
            "NASA's James Webb Space Telescope, planned for the autumn, should settle the question, he said.",
            "ESO, an intergovernmental organisation backed by 16 European countries, is building the Extremely "
            "Large Telescope on Cerro Armazones in the Atacama Desert. Due to begin observing in 2028, it will be "
            "able to study such atmospheres in far more detail, according to the observatory's director general, "
            "Xavier Barcons.",
        ],
        ents=[
            ("ESO", "European Southern Observatory", "ORG"),
            ("European Southern Observatory", "European Southern Observatory", "ORG"),
            ("Very Large Telescope", "Very Large Telescope", "FAC"),
            ("VLT", "Very Large Telescope", "FAC"),
            ("Chile", "Chile", "GPE"),
            ("Earth", "Earth", "LOC"),
            ("Ana Beltrán", "Ana Beltrán", "PERSON"),
            ("Beltrán", "Ana Beltrán", "PERSON"),
            ("University of Granada", "University of Granada", "ORG"),
            ("ESPRESSO", "ESPRESSO", "PRODUCT"),
            ("Nature Astronomy", "Nature Astronomy", "ORG"),
            ("Jonathan Reyes", "Jonathan Reyes", "PERSON"),
            ("Massachusetts Institute of Technology", "Massachusetts Institute of Technology", "ORG"),
            ("MIT", "Massachusetts Institute of Technology", "ORG"),
            ("NASA", "NASA", "ORG"),
            ("James Webb Space Telescope", "James Webb Space Telescope", "PRODUCT"),
            ("European", "European", "NORP"),
            ("Extremely Large Telescope", "Extremely Large Telescope", "FAC"),
            ("Cerro Armazones", "Cerro Armazones", "LOC"),
            ("Atacama Desert", "Atacama Desert", "LOC"),
            ("Xavier Barcons", "Xavier Barcons", "PERSON"),
        ],
    ),
    A(
        "fresh-thwaites-voyage",
        "harbor",
        "og",
        title="Britain's polar ship sets out to measure melting Thwaites Glacier",
        byline="By Kate Ferris, Environment Correspondent",
        meta_authors=["Kate Ferris"],
        authors=["Kate Ferris"],
        published="2024-03-04T20:15:00+00:00",
        date="2024-03-04",
        paras=[
            "The RRS Sir David Attenborough, Britain's £200 million polar research ship, left Punta Arenas in Chile "
            "on Monday for a seven-week voyage to the Amundsen Sea, where scientists will study one of the "
            "fastest-melting glaciers on Earth.",
            "The 43 scientists on board, from the British Antarctic Survey and universities in Britain, the United "
            "States and Sweden, will use underwater robots to measure how warm ocean water is eating away at the "
            "base of the Thwaites Glacier, nicknamed the 'Doomsday Glacier'.",
            "Thwaites, roughly the size of Florida, holds enough ice to raise global sea levels by 65 centimetres. "
            "Scientists fear its retreat could destabilise much of the West Antarctic Ice Sheet.",
            "Dr Kirsty Bell, an oceanographer at the University of Gothenburg who is leading the ocean work, said "
            "the ship would try to reach the front of the glacier's eastern ice shelf, which has cracked badly "
            "since 2020. 'We are trying to understand how quickly the ice can retreat,' Bell said. 'That matters "
            "for people living on coasts from Bangladesh to the Netherlands.'",
            "The ship carries a robotic submarine, Boaty McBoatface, which will dive beneath the ice shelf for up "
            "to three days at a time.",
            "The voyage is part of the International Thwaites Glacier Collaboration, a programme funded by the "
            "Natural Environment Research Council (NERC) and the National Science Foundation in the United States. "
            "NERC said the expedition would cost about £6 million.",
        ],
        ents=[
            ("Britain", "Britain", "GPE"),
            ("Thwaites Glacier", "Thwaites Glacier", "LOC"),
            ("Thwaites", "Thwaites Glacier", "LOC"),
            ("Doomsday Glacier", "Thwaites Glacier", "LOC"),
            ("RRS Sir David Attenborough", "RRS Sir David Attenborough", "PRODUCT"),
            ("Punta Arenas", "Punta Arenas", "GPE"),
            ("Chile", "Chile", "GPE"),
            ("Amundsen Sea", "Amundsen Sea", "LOC"),
            ("Earth", "Earth", "LOC"),
            ("British Antarctic Survey", "British Antarctic Survey", "ORG"),
            ("United States", "United States", "GPE"),
            ("Sweden", "Sweden", "GPE"),
            ("Florida", "Florida", "GPE"),
            ("West Antarctic Ice Sheet", "West Antarctic Ice Sheet", "LOC"),
            ("Kirsty Bell", "Kirsty Bell", "PERSON"),
            ("Bell", "Kirsty Bell", "PERSON"),
            ("University of Gothenburg", "University of Gothenburg", "ORG"),
            ("Bangladesh", "Bangladesh", "GPE"),
            ("Netherlands", "Netherlands", "GPE"),
            ("Boaty McBoatface", "Boaty McBoatface", "PRODUCT"),
            ("International Thwaites Glacier Collaboration", "International Thwaites Glacier Collaboration", "ORG"),
            ("Natural Environment Research Council", "Natural Environment Research Council", "ORG"),
            ("NERC", "Natural Environment Research Council", "ORG"),
            ("National Science Foundation", "National Science Foundation", "ORG"),
        ],
    ),
    A(
        "fresh-uganda-sickle-cell-trial",
        "worldaffairs",
        "ld",
        title="Ugandan trial finds cheap pill halves sickle cell deaths in children",
        byline="By Patience Akello in Kampala",
        authors=["Patience Akello"],
        published="2024-03-18T08:00:00+03:00",
        date="2024-03-18",
        paras=[
            "A cheap daily pill cut deaths among children with sickle cell anaemia by almost half in a trial in "
            "eastern Uganda, researchers said on Monday, raising hopes that the treatment could be offered widely "
            "across Africa.",
            "The study, led by Makerere University in Kampala with funding from the Wellcome Trust, followed 1,200 "
            "children in the Mbale and Tororo districts for three years. Those given hydroxyurea, a drug first "
            "developed to treat cancer, had far fewer painful crises, strokes and hospital admissions than those "
            "given a placebo. The results were published in The Lancet.",
            "Dr Ruth Namazzi, the paediatrician who led the trial, said the drug cost less than $10 a month but was "
            "still not on Uganda's list of essential medicines. 'Every week we lose children we already know how "
            "to save,' Namazzi said.",
            "The World Health Organization (WHO) estimates that about 300,000 babies are born with sickle cell "
            "disease each year, three quarters of them in sub-Saharan Africa, where most die before the age of "
            "five without treatment.",
            "Uganda's Ministry of Health said it would review the findings and could add the drug to its list by "
            "the end of the year. A similar trial run by the University of Ibadan in Nigeria reported comparable "
            "results last year.",
            "Ugandan doctors said the bigger obstacle was diagnosis. Fewer than one in ten newborns in the country "
            "are screened for the disease, according to the Uganda Sickle Cell Association.",
        ],
        ents=[
            ("Ugandan", "Ugandan", "NORP"),
            ("Uganda", "Uganda", "GPE"),
            ("Africa", "Africa", "LOC"),
            ("Makerere University", "Makerere University", "ORG"),
            ("Kampala", "Kampala", "GPE"),
            ("Wellcome Trust", "Wellcome Trust", "ORG"),
            ("Mbale", "Mbale", "GPE"),
            ("Tororo", "Tororo", "GPE"),
            ("The Lancet", "The Lancet", "ORG"),
            ("Ruth Namazzi", "Ruth Namazzi", "PERSON"),
            ("Namazzi", "Ruth Namazzi", "PERSON"),
            ("World Health Organization", "World Health Organization", "ORG"),
            ("WHO", "World Health Organization", "ORG"),
            ("sub-Saharan Africa", "Sub-Saharan Africa", "LOC"),
            ("Ministry of Health", "Ministry of Health of Uganda", "ORG"),
            ("University of Ibadan", "University of Ibadan", "ORG"),
            ("Nigeria", "Nigeria", "GPE"),
            ("Uganda Sickle Cell Association", "Uganda Sickle Cell Association", "ORG"),
        ],
    ),
    # --- local ----------------------------------------------------------------------------------------------
    A(
        "fresh-lincoln-library-closures",
        "northfield",
        "visible",
        title="Lincoln defends library closures as council seeks £6m of savings",
        byline="By Anita Desai, Local Democracy Reporter",
        authors=["Anita Desai"],
        dateline="Published 14 March 2024, 16:05",
        date="2024-03-14",
        paras=[
            "The leader of Northfield Borough Council, Councillor Peter Lincoln, has defended plans to close three of "
            "the town's nine libraries, saying the authority must find £6.2 million of savings before April.",
            "The libraries in Eastgate, Bramley and Low Moor would shut in the summer under the proposals, which go "
            "to a full council meeting at Northfield Town Hall next Thursday.",
            "Mr Lincoln said the council had 'no good options left' after years of cuts to its government grant. "
            "'I did not come into politics to close libraries,' he told the Gazette. 'But the alternative is "
            "cutting care for elderly people, and I won't do that.'",
            "Campaigners from Save Northfield Libraries have collected more than 4,000 signatures. Their chair, the "
            "retired teacher Janet Osei, said the Bramley branch was the only warm, free place for many older "
            "residents in the winter. 'Closing it is a false economy,' Ms Osei said.",
            "Liberal Democrat councillor Sunil Varma said the council should first sell empty offices such as "
            "Albion House, which has stood empty since staff moved to the Civic Centre in 2021.",
            "The plans also include moving the local history archive from the Central Library to the Civic Centre, "
            "and cutting opening hours at the remaining branches by a day a week. A public consultation closes on "
            "28 March.",
        ],
        ents=[
            ("Lincoln", "Peter Lincoln", "PERSON"),
            ("Peter Lincoln", "Peter Lincoln", "PERSON"),
            ("Northfield Borough Council", "Northfield Borough Council", "ORG"),
            ("Eastgate", "Eastgate", "GPE"),
            ("Bramley", "Bramley", "GPE"),
            ("Low Moor", "Low Moor", "GPE"),
            ("Northfield Town Hall", "Northfield Town Hall", "FAC"),
            ("Gazette", "Northfield Gazette", "ORG"),
            ("Save Northfield Libraries", "Save Northfield Libraries", "ORG"),
            ("Janet Osei", "Janet Osei", "PERSON"),
            ("Osei", "Janet Osei", "PERSON"),
            ("Liberal Democrat", "Liberal Democrat", "NORP"),
            ("Sunil Varma", "Sunil Varma", "PERSON"),
            ("Albion House", "Albion House", "FAC"),
            ("Civic Centre", "Civic Centre", "FAC"),
            ("Central Library", "Central Library", "FAC"),
        ],
    ),
    A(
        "fresh-padstow-kayak-rescue",
        "harbor",
        "url",
        title="Padstow lifeboat rescues two kayakers off Trevose Head",
        byline="By Jenna Trewin",
        authors=["Jenna Trewin"],
        url="https://harbordaily.example/2024/03/11/padstow-lifeboat-kayakers",
        date="2024-03-11",
        paras=[
            "Two kayakers were rescued from the sea off Trevose Head in Cornwall on Sunday afternoon after strong "
            "offshore winds swept them away from the beach, HM Coastguard said.",
            "The all-weather lifeboat from Padstow, crewed by volunteers from the Royal National Lifeboat "
            "Institution (RNLI), launched shortly before 3pm, and a Coastguard helicopter from Newquay joined the "
            "search.",
            "The pair, a man and a woman in their 30s from Bristol, were found clinging to one of their kayaks about "
            "a mile north of the headland, close to Quies Rocks.",
            "Coxswain Andy Rowe said they had been in the water for almost an hour. 'They were very cold, but they "
            "had done everything right: they stayed with the kayak and one of them had a phone in a waterproof "
            "pouch,' he said.",
            "The kayakers were flown to Royal Cornwall Hospital in Truro, where they were treated for hypothermia. "
            "Both were said to be recovering well on Monday.",
            "It was the station's 14th call-out this year. Rowe, a fisherman who has volunteered with the lifeboat "
            "for 22 years, said the crew had been called to more people swept out on paddleboards and kayaks in "
            "the past two years than ever before.",
            "The RNLI urged anyone going on the water to check forecasts from the Met Office and to carry a way of "
            "calling for help.",
        ],
        ents=[
            ("Padstow", "Padstow", "GPE"),
            ("Trevose Head", "Trevose Head", "LOC"),
            ("Cornwall", "Cornwall", "GPE"),
            ("HM Coastguard", "HM Coastguard", "ORG"),
            ("Coastguard", "HM Coastguard", "ORG"),
            ("Royal National Lifeboat Institution", "Royal National Lifeboat Institution", "ORG"),
            ("RNLI", "Royal National Lifeboat Institution", "ORG"),
            ("Newquay", "Newquay", "GPE"),
            ("Bristol", "Bristol", "GPE"),
            ("Quies Rocks", "Quies Rocks", "LOC"),
            ("Andy Rowe", "Andy Rowe", "PERSON"),
            ("Rowe", "Andy Rowe", "PERSON"),
            ("Royal Cornwall Hospital", "Royal Cornwall Hospital", "FAC"),
            ("Truro", "Truro", "GPE"),
            ("Met Office", "Met Office", "ORG"),
        ],
    ),
    # --- foreign news: wire copy --------------------------------------------------------------------------
    A(
        "fresh-antwerp-cocaine-seizure",
        "meridian",
        "ld",
        title="Belgium seizes 8 tonnes of cocaine hidden in Ecuador banana shipment",
        byline="Reuters",
        ld_authors=[("Reuters", "Organization")],
        authors=[],
        orgs=["Reuters"],
        published="2024-03-20T15:32:00+01:00",
        date="2024-03-20",
        paras=[
            "ANTWERP, Belgium (Reuters) - Belgian customs officers found 8 tonnes of cocaine hidden in a shipment "
            "of bananas from Ecuador at the port of Antwerp, prosecutors said on Wednesday, one of the largest "
            "single seizures in Europe this year.",
            "The drugs, with a street value of around 600 million euros, were packed into 14 containers loaded in "
            "Guayaquil, the federal prosecutor's office said. Three dock workers and a truck driver were arrested.",
            "Justice Minister Paul Van Tigchelt said the haul showed that extra scanners installed at the Port of "
            "Antwerp-Bruges were working, but warned that gangs were increasingly using bribes and threats against "
            "port staff. 'Every dock worker who says no needs our protection,' Van Tigchelt told broadcaster VRT.",
            "Antwerp, Europe's second-busiest container port after Rotterdam, has become the main entry point for "
            "cocaine from South America. Shootings and grenade attacks linked to the drug trade have shaken the "
            "city's Deurne and Borgerhout districts.",
            "Ecuador's government, which declared an 'internal armed conflict' with drug gangs in January, said its "
            "police were working with Belgian and Dutch investigators. Europol, the European Union's police agency, "
            "has set up a joint team for the ports of Antwerp and Rotterdam.",
            "(Reporting by Johan Claes in Brussels and Maria Valencia in Quito; Editing by Helen Popper)",
        ],
        ents=[
            ("Belgium", "Belgium", "GPE"),
            ("Ecuador", "Ecuador", "GPE"),
            ("ANTWERP", "Antwerp", "GPE"),
            ("Reuters", "Reuters", "ORG"),
            ("Belgian", "Belgian", "NORP"),
            ("Antwerp", "Antwerp", "GPE"),
            ("Europe", "Europe", "LOC"),
            ("Guayaquil", "Guayaquil", "GPE"),
            ("Paul Van Tigchelt", "Paul Van Tigchelt", "PERSON"),
            ("Van Tigchelt", "Paul Van Tigchelt", "PERSON"),
            ("Port of Antwerp-Bruges", "Port of Antwerp-Bruges", "FAC"),
            ("VRT", "VRT", "ORG"),
            ("Rotterdam", "Rotterdam", "GPE"),
            ("South America", "South America", "LOC"),
            ("Deurne", "Deurne", "GPE"),
            ("Borgerhout", "Borgerhout", "GPE"),
            ("Dutch", "Dutch", "NORP"),
            ("Europol", "Europol", "ORG"),
            ("European Union", "European Union", "ORG"),
            ("Johan Claes", "Johan Claes", "PERSON"),
            ("Brussels", "Brussels", "GPE"),
            ("Maria Valencia", "Maria Valencia", "PERSON"),
            ("Quito", "Quito", "GPE"),
            ("Helen Popper", "Helen Popper", "PERSON"),
        ],
    ),
    A(
        "fresh-ethiopia-dam-turbine",
        "worldaffairs",
        "og",
        title="Ethiopia starts fifth turbine at Nile mega-dam, Egypt protests",
        byline="AFP",
        authors=[],
        orgs=["AFP"],
        published="2024-03-05T14:50:00+03:00",
        date="2024-03-05",
        paras=[
            "ADDIS ABABA, March 5 (AFP) - Ethiopia said on Tuesday it had begun generating power from a fifth "
            "turbine at the Grand Ethiopian Renaissance Dam (GERD) on the Blue Nile, drawing an immediate protest "
            "from Egypt.",
            "'This is a milestone for every Ethiopian,' Prime Minister Abiy Ahmed wrote on X, formerly Twitter, "
            "alongside a photograph of engineers in the dam's control room.",
            "Egypt, which depends on the Nile for almost all of its fresh water, said the step breached "
            "international law. Foreign ministry spokesman Ahmed Abu Zeid said Cairo 'reserves the right to take "
            "all measures' to protect its water security.",
            "Sudan, downstream of both countries, has been at war since April last year and has played little part "
            "in recent negotiations. Talks brokered by the African Union (AU) broke down in December, with each "
            "side blaming the other.",
            "The dam, built by the Italian company Webuild near the Sudanese border, will have a capacity of more "
            "than 5,000 megawatts when complete, making it the largest hydroelectric plant in Africa.",
            "Ethiopians have paid for part of the four-billion-dollar project through government bonds and "
            "payroll contributions. Abiy has said the dam will lift millions out of poverty and allow Ethiopia to "
            "export electricity to Kenya and Djibouti.",
        ],
        ents=[
            ("Ethiopia", "Ethiopia", "GPE"),
            ("Nile", "Nile", "LOC"),
            ("Egypt", "Egypt", "GPE"),
            ("ADDIS ABABA", "Addis Ababa", "GPE"),
            ("AFP", "AFP", "ORG"),
            ("Grand Ethiopian Renaissance Dam", "Grand Ethiopian Renaissance Dam", "FAC"),
            ("GERD", "Grand Ethiopian Renaissance Dam", "FAC"),
            ("Blue Nile", "Blue Nile", "LOC"),
            ("Ethiopian", "Ethiopian", "NORP"),
            ("Abiy Ahmed", "Abiy Ahmed", "PERSON"),
            ("Abiy", "Abiy Ahmed", "PERSON"),
            ("X", "X", "ORG"),
            ("Twitter", "Twitter", "ORG"),
            ("Ahmed Abu Zeid", "Ahmed Abu Zeid", "PERSON"),
            ("Cairo", "Cairo", "GPE"),
            ("Sudan", "Sudan", "GPE"),
            ("African Union", "African Union", "ORG"),
            ("AU", "African Union", "ORG"),
            ("Italian", "Italian", "NORP"),
            ("Webuild", "Webuild", "ORG"),
            ("Sudanese", "Sudanese", "NORP"),
            ("Africa", "Africa", "LOC"),
            ("Ethiopians", "Ethiopians", "NORP"),
            ("Kenya", "Kenya", "GPE"),
            ("Djibouti", "Djibouti", "GPE"),
        ],
    ),
    A(
        "fresh-manila-water-cannon",
        "worldaffairs",
        "ld",
        title="Philippines accuses China of water cannon attack near Second Thomas Shoal",
        byline="Associated Press",
        ld_authors=[("Associated Press", "Organization")],
        authors=[],
        orgs=["Associated Press"],
        published="2024-03-05T21:30:00+08:00",
        date="2024-03-05",
        paras=[
            "MANILA, Philippines (AP) - The Philippines accused China's coast guard on Tuesday of firing water "
            "cannon at a Filipino supply boat near Second Thomas Shoal in the South China Sea, injuring four crew "
            "members and smashing the vessel's windscreen.",
            "The boat was carrying food and fresh water to a small detachment of Filipino marines on the BRP Sierra "
            "Madre, a rusting navy ship deliberately run aground on the shoal in 1999 to stake Manila's claim.",
            "Philippine Coast Guard spokesman Jay Tarriela said two Chinese coast guard ships had blocked the supply "
            "boat and a third had fired water cannon at close range. Tarriela said a Philippine Coast Guard escort "
            "had also been sideswiped.",
            "China's foreign ministry said the Philippine vessels had entered Chinese waters without permission and "
            "that its coast guard had acted 'in accordance with the law'. Beijing claims almost all of the South "
            "China Sea, including the shoal, which Filipinos call Ayungin Shoal.",
            "President Ferdinand Marcos Jr. convened his National Security Council after the incident. Marcos has "
            "taken a firmer line with Beijing than his predecessor, Rodrigo Duterte, and has allowed US forces "
            "wider access to Philippine bases.",
            "The US State Department said Washington stood with its ally and reminded Beijing that the 1951 Mutual "
            "Defense Treaty covers attacks on Philippine public vessels anywhere in the South China Sea.",
        ],
        ents=[
            ("Philippines", "Philippines", "GPE"),
            ("China", "China", "GPE"),
            ("Second Thomas Shoal", "Second Thomas Shoal", "LOC"),
            ("MANILA", "Manila", "GPE"),
            ("AP", "Associated Press", "ORG"),
            ("Filipino", "Filipino", "NORP"),
            ("South China Sea", "South China Sea", "LOC"),
            ("BRP Sierra Madre", "BRP Sierra Madre", "PRODUCT"),
            ("Manila", "Manila", "GPE"),
            ("Philippine Coast Guard", "Philippine Coast Guard", "ORG"),
            ("Jay Tarriela", "Jay Tarriela", "PERSON"),
            ("Tarriela", "Jay Tarriela", "PERSON"),
            ("Chinese", "Chinese", "NORP"),
            ("Philippine", "Philippine", "NORP"),
            ("Beijing", "Beijing", "GPE"),
            ("Filipinos", "Filipinos", "NORP"),
            ("Ayungin Shoal", "Second Thomas Shoal", "LOC"),
            ("Ferdinand Marcos Jr.", "Ferdinand Marcos Jr.", "PERSON"),
            ("National Security Council", "National Security Council of the Philippines", "ORG"),
            ("Marcos", "Ferdinand Marcos Jr.", "PERSON"),
            ("Rodrigo Duterte", "Rodrigo Duterte", "PERSON"),
            ("US", "United States", "GPE"),
            ("US State Department", "US State Department", "ORG"),
            ("Washington", "Washington", "GPE"),
            ("Mutual Defense Treaty", "Mutual Defense Treaty", "LAW"),
        ],
    ),
    A(
        "fresh-chile-wildfire-charges",
        "meridian",
        "og",
        title="Chile charges firefighter and forestry worker over deadly Viña del Mar fires",
        byline="Reuters",
        authors=[],
        orgs=["Reuters"],
        published="2024-03-21T19:40:00-03:00",
        date="2024-03-21",
        paras=[
            "SANTIAGO, March 21 (Reuters) - Chilean prosecutors on Thursday charged a volunteer firefighter and a "
            "forestry worker with deliberately starting the wildfires that killed 137 people around the coastal "
            "city of Viña del Mar in February, the deadliest fire disaster in the country's history.",
            "Regional prosecutor Claudio Ortiz told reporters in Valparaíso that the two men had used incendiary "
            "devices to set at least four fires on the same afternoon in a forest reserve above the city. Both "
            "were remanded in custody.",
            "The forestry worker was employed by the National Forestry Corporation (CONAF), the state agency "
            "responsible for fighting wildfires. CONAF said it was 'deeply shocked' and was cooperating with "
            "investigators.",
            "The fires swept through hillside neighbourhoods of Viña del Mar and the neighbouring towns of Quilpué "
            "and Villa Alemana on Feb. 2, destroying more than 7,000 homes. Many residents had only minutes to "
            "flee.",
            "President Gabriel Boric, who declared two days of national mourning after the fires, said on X that "
            "those responsible would face 'the full weight of the law'. Boric's government has promised to rebuild "
            "the destroyed neighbourhoods within two years.",
            "Interior Minister Carolina Tohá said the government would ask Congress to toughen sentences for "
            "arson. Chile's Senate is already debating a bill that would make starting a forest fire punishable by "
            "up to 20 years in prison.",
            "(Reporting by Ignacio Flores; Editing by Laura Gray)",
        ],
        ents=[
            ("Chile", "Chile", "GPE"),
            ("Viña del Mar", "Viña del Mar", "GPE"),
            ("SANTIAGO", "Santiago", "GPE"),
            ("Reuters", "Reuters", "ORG"),
            ("Chilean", "Chilean", "NORP"),
            ("Claudio Ortiz", "Claudio Ortiz", "PERSON"),
            ("Valparaíso", "Valparaíso", "GPE"),
            ("National Forestry Corporation", "National Forestry Corporation", "ORG"),
            ("CONAF", "National Forestry Corporation", "ORG"),
            ("Quilpué", "Quilpué", "GPE"),
            ("Villa Alemana", "Villa Alemana", "GPE"),
            ("Gabriel Boric", "Gabriel Boric", "PERSON"),
            ("Boric", "Gabriel Boric", "PERSON"),
            ("X", "X", "ORG"),
            ("Carolina Tohá", "Carolina Tohá", "PERSON"),
            ("Congress", "National Congress of Chile", "ORG"),
            ("Senate", "Senate of Chile", "ORG"),
            ("Ignacio Flores", "Ignacio Flores", "PERSON"),
            ("Laura Gray", "Laura Gray", "PERSON"),
        ],
    ),
    # --- opinion --------------------------------------------------------------------------------------------
    A(
        "fresh-opinion-europe-defence",
        "worldaffairs",
        "ld",
        title="Opinion: Europe cannot keep waiting for Washington to defend it",
        byline="By Alistair Ford",
        authors=["Alistair Ford"],
        published="2024-02-26T06:00:00+00:00",
        date="2024-02-26",
        paras=[
            "For 75 years Europeans have been able to assume that if the worst happened, the United States would "
            "come. NATO was built on that promise, and it held through the Berlin blockade, the Cuban missile "
            "crisis and the collapse of the Soviet Union.",
            "That assumption no longer holds. Whoever wins in November, Washington's attention is turning to the "
            "Pacific, and Congress has shown this winter how easily aid to Ukraine can be held hostage to domestic "
            "quarrels.",
            "European governments have at last begun to spend more. Poland now devotes almost 4 percent of its "
            "economy to defence, and Germany, after decades of neglect, will meet NATO's target of 2 percent this "
            "year. But spending is not the same as capability.",
            "Europe's armies still depend on American satellites, American air-to-air refuelling and American "
            "intelligence. Their factories cannot make artillery shells fast enough: the European Union promised "
            "Kyiv a million rounds within a year and will deliver barely half.",
            "Three things would help. Governments should buy together through the European Defence Agency rather "
            "than protect national champions such as Rheinmetall, Thales and Leonardo one contract at a time. "
            "Britain and Norway, outside the EU but essential to any serious European defence, must be brought "
            "into its plans for buying weapons. And Estonia, Latvia, Lithuania and Finland, which know the threat "
            "best, should host permanent multinational brigades rather than rotating battalions.",
            "None of this is cheap or quick. But the alternative is to hope that every future American president "
            "shares the view Harry Truman took in 1949, that Europe's security is America's own.",
            "Alistair Ford is a senior research fellow at the Royal United Services Institute (RUSI) in London. The "
            "views expressed are his own.",
        ],
        ents=[
            ("Europe", "Europe", "LOC"),
            ("Washington", "Washington", "GPE"),
            ("Europeans", "Europeans", "NORP"),
            ("United States", "United States", "GPE"),
            ("NATO", "NATO", "ORG"),
            ("Berlin", "Berlin", "GPE"),
            ("Cuban", "Cuban", "NORP"),
            ("Soviet Union", "Soviet Union", "GPE"),
            ("Pacific", "Pacific", "LOC"),
            ("Congress", "Congress", "ORG"),
            ("Ukraine", "Ukraine", "GPE"),
            ("European", "European", "NORP"),
            ("Poland", "Poland", "GPE"),
            ("Germany", "Germany", "GPE"),
            ("American", "American", "NORP"),
            ("European Union", "European Union", "ORG"),
            ("Kyiv", "Kyiv", "GPE"),
            ("European Defence Agency", "European Defence Agency", "ORG"),
            ("Rheinmetall", "Rheinmetall", "ORG"),
            ("Thales", "Thales", "ORG"),
            ("Leonardo", "Leonardo", "ORG"),
            ("Britain", "Britain", "GPE"),
            ("Norway", "Norway", "GPE"),
            ("EU", "European Union", "ORG"),
            ("Estonia", "Estonia", "GPE"),
            ("Latvia", "Latvia", "GPE"),
            ("Lithuania", "Lithuania", "GPE"),
            ("Finland", "Finland", "GPE"),
            ("Harry Truman", "Harry Truman", "PERSON"),
            ("America", "United States", "GPE"),
            ("Alistair Ford", "Alistair Ford", "PERSON"),
            ("Royal United Services Institute", "Royal United Services Institute", "ORG"),
            ("RUSI", "Royal United Services Institute", "ORG"),
            ("London", "London", "GPE"),
        ],
    ),
]

FRESH_EN = [a.copy(fresh=True) for a in _PAGES]
