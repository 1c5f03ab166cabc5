"""Fresh French gold pages, written and annotated by hand in the same way as `specs_fresh_en.py` (see there).

Labels follow the same OntoNotes scheme as the English pages (PERSON, ORG, GPE, LOC, NORP, FAC; EVENT, PRODUCT,
WORK_OF_ART, LAW unscored). Titles ("M.", "Mme", "Me") are left out of PERSON spans. Capitalised demonyms
("les Français") are NORP; lower-case adjectives of nationality ("le gouvernement français") are not names in
French spelling and are not annotated. Institutions and buildings written with a lower-case head ("le tribunal
correctionnel de Rennes", "le stade Vélodrome", "la centrale de Churchill Falls") contribute only their proper-name
part ("Rennes", "Vélodrome", "Churchill Falls"); natural features whose whole name is a toponym ("le golfe du
Mexique", "la baie James") are annotated whole.
"""

from bench.quality.spec import A

_PAGES = [
    A(
        "fresh-fr-le-maire-economies",
        "courrier",
        "ld",
        lang="fr",
        title="Bruno Le Maire annonce 10 milliards d'euros d'économies dès cette année",
        byline="Par Camille Roussel",
        authors=["Camille Roussel"],
        published="2024-02-19T07:30:00+01:00",
        date="2024-02-19",
        paras=[
            "Le ministre de l'Économie, Bruno Le Maire, a annoncé dimanche soir sur TF1 un plan de 10 milliards "
            "d'euros d'économies dans les dépenses de l'État dès cette année, après avoir abaissé sa prévision de "
            "croissance pour 2024 à 1 %, contre 1,4 % jusqu'ici.",
            "« Nous devons tenir nos engagements devant les Français », a déclaré M. Le Maire, qui a exclu toute "
            "hausse d'impôts. Tous les ministères devront renoncer à une partie de leurs crédits, y compris "
            "l'Éducation nationale, a-t-il précisé, sans détailler les montants.",
            "La guerre en Ukraine, le ralentissement chinois et la faiblesse de l'industrie en Allemagne pèsent sur "
            "l'activité, selon le ministre. Les économistes de l'OFCE estiment que ces coupes pourraient retirer "
            "jusqu'à 0,3 point de croissance.",
            "Le gouvernement de Gabriel Attal a promis de ramener le déficit public sous 3 % du PIB d'ici à 2027, "
            "comme l'exige la Commission européenne. La Cour des comptes a jugé cette trajectoire « peu crédible » "
            "dans son dernier rapport annuel.",
            "L'opposition a aussitôt dénoncé un « budget d'austérité ». Le président du groupe socialiste à "
            "l'Assemblée nationale, Boris Vallaud, a réclamé un projet de loi de finances rectificative, tandis que "
            "le Rassemblement national, par la voix de Jean-Philippe Tanguy, a accusé le ministre d'avoir « perdu "
            "le contrôle des comptes ».",
            "M. Le Maire doit présenter le détail des mesures mercredi devant la commission des finances du Sénat. "
            "Selon son entourage, le décret d'annulation des crédits sera publié dans la semaine.",
        ],
        ents=[
            ("Bruno Le Maire", "Bruno Le Maire", "PERSON"),
            ("Le Maire", "Bruno Le Maire", "PERSON"),
            ("TF1", "TF1", "ORG"),
            ("Français", "Français", "NORP"),
            ("Éducation nationale", "Ministère de l'Éducation nationale", "ORG"),
            ("Ukraine", "Ukraine", "GPE"),
            ("Allemagne", "Allemagne", "GPE"),
            ("OFCE", "Observatoire français des conjonctures économiques", "ORG"),
            ("Gabriel Attal", "Gabriel Attal", "PERSON"),
            ("Commission européenne", "Commission européenne", "ORG"),
            ("Cour des comptes", "Cour des comptes", "ORG"),
            ("Assemblée nationale", "Assemblée nationale", "ORG"),
            ("Boris Vallaud", "Boris Vallaud", "PERSON"),
            ("Rassemblement national", "Rassemblement national", "ORG"),
            ("Jean-Philippe Tanguy", "Jean-Philippe Tanguy", "PERSON"),
            ("Sénat", "Sénat", "ORG"),
        ],
    ),
    A(
        "fresh-fr-saint-gobain-csr",
        "courrier",
        "og",
        lang="fr",
        title="Saint-Gobain s'offre l'australien CSR pour 2,7 milliards d'euros",
        byline="Par Thomas Garnier, service Économie",
        meta_authors=["Thomas Garnier"],
        authors=["Thomas Garnier"],
        published="2024-02-26T09:15:00+01:00",
        date="2024-02-26",
        paras=[
            "Le groupe de matériaux de construction Saint-Gobain a annoncé lundi un accord pour racheter CSR, un "
            "fabricant australien de plaques de plâtre et de briques, pour environ 2,7 milliards d'euros, sa plus "
            "grosse acquisition depuis plus de dix ans.",
            "L'offre, de 9 dollars australiens par action, représente une prime de 33 % sur le cours de CSR à la "
            "Bourse de Sydney avant les premières rumeurs. Le conseil d'administration de CSR recommande à ses "
            "actionnaires de l'accepter.",
            "« L'Australie est un marché de la construction dynamique, porté par une forte croissance "
            "démographique », a déclaré le directeur général de Saint-Gobain, Benoit Bazin, lors d'une conférence "
            "téléphonique avec les analystes. M. Bazin a indiqué que l'opération serait financée par la dette et "
            "par la trésorerie du groupe.",
            "Depuis son arrivée à la tête du groupe en 2021, le dirigeant a recentré Saint-Gobain sur la "
            "construction durable et cédé des activités de distribution en Europe, notamment en Allemagne et au "
            "Royaume-Uni. L'Amérique du Nord et l'Asie-Pacifique représentent désormais plus d'un tiers de son "
            "chiffre d'affaires.",
            "Le rachat doit encore être autorisé par le Foreign Investment Review Board, l'organisme australien "
            "chargé d'examiner les investissements étrangers, puis approuvé par un tribunal de Nouvelle-Galles du "
            "Sud.",
            "À la Bourse de Paris, l'action Saint-Gobain a gagné 2,1 % lundi, tandis que le titre CSR bondissait "
            "de 13 %. Les analystes de Jefferies jugent le prix « élevé mais justifiable ».",
        ],
        ents=[
            ("Saint-Gobain", "Saint-Gobain", "ORG"),
            ("CSR", "CSR", "ORG"),
            ("Bourse de Sydney", "Australian Securities Exchange", "ORG"),
            ("Australie", "Australie", "GPE"),
            ("Benoit Bazin", "Benoit Bazin", "PERSON"),
            ("Bazin", "Benoit Bazin", "PERSON"),
            ("Europe", "Europe", "LOC"),
            ("Allemagne", "Allemagne", "GPE"),
            ("Royaume-Uni", "Royaume-Uni", "GPE"),
            ("Amérique du Nord", "Amérique du Nord", "LOC"),
            ("Asie-Pacifique", "Asie-Pacifique", "LOC"),
            ("Foreign Investment Review Board", "Foreign Investment Review Board", "ORG"),
            ("Nouvelle-Galles du Sud", "Nouvelle-Galles du Sud", "GPE"),
            ("Bourse de Paris", "Euronext Paris", "ORG"),
            ("Jefferies", "Jefferies", "ORG"),
        ],
    ),
    A(
        "fresh-fr-ancien-maire-condamne",
        "courrier",
        "ld",
        lang="fr",
        title="L'ancien maire de Saint-Aubin-des-Prés condamné à deux ans de prison avec sursis",
        byline="Par Gwenaëlle Le Bihan, à Rennes",
        authors=["Gwenaëlle Le Bihan"],
        published="2024-03-14T18:40:00+01:00",
        date="2024-03-14",
        paras=[
            "RENNES - Le tribunal correctionnel de Rennes a condamné jeudi Jacques Lebrun, ancien maire de "
            "Saint-Aubin-des-Prés (Ille-et-Vilaine), à deux ans d'emprisonnement avec sursis et cinq ans "
            "d'inéligibilité pour prise illégale d'intérêts et favoritisme.",
            "Entre 2015 et 2020, M. Lebrun avait attribué plusieurs marchés de voirie à l'entreprise Travaux "
            "publics de l'Ouest (TPO), dirigée par son beau-frère, Yannick Le Goff, sans mise en concurrence "
            "régulière, selon l'accusation. M. Le Goff a été condamné à 30 000 euros d'amende.",
            "Le préjudice pour la commune est estimé à 410 000 euros par la chambre régionale des comptes de "
            "Bretagne, dont le rapport avait déclenché l'enquête en 2021.",
            "« M. Lebrun a confondu l'intérêt de sa famille et celui de ses administrés », a déclaré la présidente "
            "du tribunal, Hélène Morvan, en lisant le jugement.",
            "Son avocat, Me Antoine Guérin, a aussitôt annoncé qu'il ferait appel. « Mon client n'a jamais touché "
            "un centime », avait plaidé Me Guérin lors de l'audience, en février.",
            "Le parquet avait requis trois ans de prison, dont un ferme. Élu sans étiquette en 2008, l'ancien "
            "édile ne s'était pas représenté en 2020. L'association Anticor, qui s'était constituée partie civile, "
            "a salué « un signal fort adressé aux élus locaux ».",
            "L'actuelle maire, Sylvie Rouxel, a indiqué que la commune réclamerait le remboursement des sommes "
            "versées en trop.",
        ],
        ents=[
            ("Saint-Aubin-des-Prés", "Saint-Aubin-des-Prés", "GPE"),
            ("RENNES", "Rennes", "GPE"),
            ("Rennes", "Rennes", "GPE"),
            ("Jacques Lebrun", "Jacques Lebrun", "PERSON"),
            ("Lebrun", "Jacques Lebrun", "PERSON"),
            ("Ille-et-Vilaine", "Ille-et-Vilaine", "GPE"),
            ("Travaux publics de l'Ouest", "Travaux publics de l'Ouest", "ORG"),
            ("TPO", "Travaux publics de l'Ouest", "ORG"),
            ("Yannick Le Goff", "Yannick Le Goff", "PERSON"),
            ("Le Goff", "Yannick Le Goff", "PERSON"),
            ("Bretagne", "Bretagne", "GPE"),
            ("Hélène Morvan", "Hélène Morvan", "PERSON"),
            ("Antoine Guérin", "Antoine Guérin", "PERSON"),
            ("Guérin", "Antoine Guérin", "PERSON"),
            ("Anticor", "Anticor", "ORG"),
            ("Sylvie Rouxel", "Sylvie Rouxel", "PERSON"),
        ],
    ),
    A(
        "fresh-fr-om-nantes",
        "courrier",
        "og",
        lang="fr",
        title="L'OM renverse le FC Nantes au Vélodrome et se relance",
        byline="Par Karim Benali, à Marseille",
        meta_authors=["Karim Benali"],
        authors=["Karim Benali"],
        published="2024-03-17T23:10:00+01:00",
        date="2024-03-17",
        paras=[
            "MARSEILLE - Mené à la pause, l'Olympique de Marseille a renversé le FC Nantes (2-1) dimanche soir au "
            "stade Vélodrome grâce à un doublé de son attaquant Pierre Mbina, et remonte à la huitième place de "
            "Ligue 1.",
            "Les Canaris avaient ouvert le score juste avant la mi-temps par Kader Diallo, d'une frappe croisée "
            "après une relance manquée du gardien marseillais Mathieu Carrel.",
            "Entré à l'heure de jeu, le jeune Yanis Belkacem a changé le visage de la rencontre. Il a délivré la "
            "passe décisive sur l'égalisation de Mbina (67e), avant que l'attaquant ne donne la victoire à l'OM "
            "d'une tête sur corner (84e).",
            "« On a montré du caractère. À la pause, on s'est dit des choses », a confié l'entraîneur Jean-Louis "
            "Gasset. Côté nantais, Jocelyn Gourvennec a regretté « vingt minutes de panique » qui ont coûté un "
            "point précieux dans la lutte pour le maintien.",
            "L'OM se déplacera à Montpellier après la trêve internationale.",
            "Classement de Ligue 1 après la 26e journée :",
            "1. Paris Saint-Germain, 56 pts",
            "2. Stade brestois, 47 pts",
            "3. AS Monaco, 46 pts",
            "4. Lille OSC, 44 pts",
            "5. OGC Nice, 43 pts",
            "8. Olympique de Marseille, 37 pts",
            "15. FC Nantes, 26 pts",
        ],
        ents=[
            ("OM", "Olympique de Marseille", "ORG"),
            ("FC Nantes", "FC Nantes", "ORG"),
            ("Vélodrome", "Stade Vélodrome", "FAC"),
            ("MARSEILLE", "Marseille", "GPE"),
            ("Olympique de Marseille", "Olympique de Marseille", "ORG"),
            ("Pierre Mbina", "Pierre Mbina", "PERSON"),
            ("Mbina", "Pierre Mbina", "PERSON"),
            ("Ligue 1", "Ligue 1", "ORG"),
            ("Canaris", "FC Nantes", "ORG"),
            ("Kader Diallo", "Kader Diallo", "PERSON"),
            ("Mathieu Carrel", "Mathieu Carrel", "PERSON"),
            ("Yanis Belkacem", "Yanis Belkacem", "PERSON"),
            ("Jean-Louis Gasset", "Jean-Louis Gasset", "PERSON"),
            ("Jocelyn Gourvennec", "Jocelyn Gourvennec", "PERSON"),
            ("Montpellier", "Montpellier", "GPE"),
            ("Paris Saint-Germain", "Paris Saint-Germain", "ORG"),
            ("Stade brestois", "Stade brestois 29", "ORG"),
            ("AS Monaco", "AS Monaco", "ORG"),
            ("Lille OSC", "Lille OSC", "ORG"),
            ("OGC Nice", "OGC Nice", "ORG"),
        ],
    ),
    A(
        "fresh-fr-mort-yann-kerdraon",
        "courrier",
        "ld",
        lang="fr",
        title="Le chanteur breton Yann Kerdraon est mort à 79 ans",
        byline="Par Anne-Sophie Morel",
        authors=["Anne-Sophie Morel"],
        published="2024-03-04T11:00:00+01:00",
        date="2024-03-04",
        paras=[
            "Le chanteur Yann Kerdraon, l'une des voix qui ont fait revivre la chanson en langue bretonne dans les "
            "années 1970, est mort dimanche à Quimper, à l'âge de 79 ans, a annoncé sa famille.",
            "Né en 1944 dans une famille de paysans du pays bigouden, près de Pont-l'Abbé, il avait appris les "
            "gwerz, ces longues complaintes chantées, auprès de sa grand-mère. Instituteur à Douarnenez, il "
            "enregistre son premier disque en 1971 pour le label Arfolk.",
            "Le succès arrive en 1974 avec l'album « Mor Bras », vendu à plus de 200 000 exemplaires. Il chante "
            "l'année suivante à l'Olympia, en première partie d'Alan Stivell, qui a salué lundi « un frère de "
            "chant, têtu et généreux ».",
            "Fidèle du Festival interceltique de Lorient, où il s'est produit plus de trente fois, Kerdraon avait "
            "aussi milité pour l'enseignement du breton et soutenu dès 1977 les premières écoles Diwan.",
            "« Il nous a appris que le breton n'était pas une langue de musée », a réagi le président de la région "
            "Bretagne, Loïg Chesnais-Girard, dans un communiqué.",
            "Ses obsèques seront célébrées samedi en la cathédrale Saint-Corentin de Quimper. Il laisse une épouse, "
            "Maï, et trois enfants.",
        ],
        ents=[
            ("Yann Kerdraon", "Yann Kerdraon", "PERSON"),
            ("Kerdraon", "Yann Kerdraon", "PERSON"),
            ("Quimper", "Quimper", "GPE"),
            ("Pont-l'Abbé", "Pont-l'Abbé", "GPE"),
            ("Douarnenez", "Douarnenez", "GPE"),
            ("Arfolk", "Arfolk", "ORG"),
            ("Mor Bras", "Mor Bras", "WORK_OF_ART"),
            ("Olympia", "Olympia", "FAC"),
            ("Alan Stivell", "Alan Stivell", "PERSON"),
            ("Festival interceltique de Lorient", "Festival interceltique de Lorient", "EVENT"),
            ("Diwan", "Diwan", "ORG"),
            ("Bretagne", "Bretagne", "GPE"),
            ("Loïg Chesnais-Girard", "Loïg Chesnais-Girard", "PERSON"),
            ("Saint-Corentin", "Cathédrale Saint-Corentin de Quimper", "FAC"),
            ("Maï", "Maï Kerdraon", "PERSON"),
        ],
    ),
    A(
        "fresh-fr-dinosaures-herault",
        "courrier",
        "og",
        lang="fr",
        title="Dans l'Hérault, un gisement de dinosaures « exceptionnel » mis au jour",
        byline="Par Claire Dubois",
        meta_authors=["Claire Dubois"],
        authors=["Claire Dubois"],
        published="2024-03-07T15:30:00+01:00",
        date="2024-03-07",
        paras=[
            "Des paléontologues du CNRS et de l'Université de Montpellier ont annoncé jeudi la découverte, près du "
            "village de Cessenon-sur-Orb, dans l'Hérault, d'un gisement contenant plus de 400 ossements de "
            "dinosaures vieux d'environ 72 millions d'années.",
            "Le site a été repéré en 2021 par un viticulteur qui arrachait de vieilles vignes. Les fouilles, menées "
            "depuis deux étés, ont livré des vertèbres, des dents et un fémur de près d'un mètre appartenant à des "
            "titanosaures, de grands herbivores à long cou.",
            "« C'est l'un des sites les plus riches d'Europe pour cette période », a expliqué la paléontologue "
            "Agnès Roumieu, qui dirige les fouilles. Selon elle, l'accumulation d'os suggère qu'une crue a "
            "emporté les carcasses de plusieurs animaux vers un ancien lit de rivière.",
            "Des œufs fossilisés, semblables à ceux découverts dans les Pyrénées et en Espagne, ont également été "
            "mis au jour. Ils seront étudiés au Muséum national d'histoire naturelle, à Paris.",
            "Mme Roumieu espère que le site permettra de mieux comprendre les derniers dinosaures d'Europe, peu "
            "avant l'extinction provoquée par la chute d'un astéroïde dans l'actuel golfe du Mexique.",
            "Le département de l'Hérault a voté une aide de 150 000 euros pour poursuivre les fouilles. Une "
            "partie des fossiles sera présentée à partir de l'été au musée Dinosauria d'Espéraza, dans l'Aude.",
        ],
        ents=[
            ("Hérault", "Hérault", "GPE"),
            ("CNRS", "CNRS", "ORG"),
            ("Université de Montpellier", "Université de Montpellier", "ORG"),
            ("Cessenon-sur-Orb", "Cessenon-sur-Orb", "GPE"),
            ("Europe", "Europe", "LOC"),
            ("Agnès Roumieu", "Agnès Roumieu", "PERSON"),
            ("Roumieu", "Agnès Roumieu", "PERSON"),
            ("Pyrénées", "Pyrénées", "LOC"),
            ("Espagne", "Espagne", "GPE"),
            ("Muséum national d'histoire naturelle", "Muséum national d'histoire naturelle", "ORG"),
            ("Paris", "Paris", "GPE"),
            ("golfe du Mexique", "golfe du Mexique", "LOC"),
            ("Dinosauria", "Dinosauria", "FAC"),
            ("Espéraza", "Espéraza", "GPE"),
            ("Aude", "Aude", "GPE"),
        ],
    ),
    A(
        "fresh-fr-toulouse-tunnelier",
        "courrier",
        "visible",
        lang="fr",
        title="Toulouse : le tunnelier de la troisième ligne de métro arrive à Matabiau",
        byline="Par Julien Martin",
        authors=["Julien Martin"],
        dateline="Publié le 12 mars 2024 à 17h45",
        date="2024-03-12",
        paras=[
            "Après quatorze mois de creusement sous la ville, le tunnelier « Élodie » a percé mardi matin la paroi "
            "de la future station Matabiau, sous la gare SNCF de Toulouse, sous les applaudissements d'une "
            "centaine d'ouvriers.",
            "La machine, longue de 110 mètres, creuse le tronçon central de la ligne C du métro toulousain, "
            "baptisée Toulouse Aerospace Express, qui reliera Colomiers à Labège en desservant les sites d'Airbus "
            "et le quartier de Montaudran.",
            "« C'est le chantier du siècle pour la métropole », s'est félicité le maire de Toulouse et président de "
            "Toulouse Métropole, Jean-Luc Moudenc. La mise en service reste prévue pour la fin de l'année 2028, "
            "selon Tisséo, l'autorité organisatrice des transports.",
            "Le coût du projet, estimé à 3,1 milliards d'euros, a été critiqué par l'opposition municipale. L'élu "
            "écologiste Antoine Maurice juge que l'argent aurait été « mieux investi dans des lignes de tramway "
            "et de bus ».",
            "Les riverains du quartier Bonnefoy, où les travaux ont provoqué des fissures dans une vingtaine de "
            "maisons, attendent toujours d'être indemnisés. Tisséo assure que les dossiers seront réglés avant "
            "l'été.",
            "Le tunnelier doit maintenant poursuivre sa route vers le nord, en direction de la station Jean-Jaurès, "
            "qu'il devrait atteindre à l'automne.",
        ],
        ents=[
            ("Toulouse", "Toulouse", "GPE"),
            ("Matabiau", "Gare de Toulouse-Matabiau", "FAC"),
            ("Élodie", "Élodie", "PRODUCT"),
            ("SNCF", "SNCF", "ORG"),
            ("Toulouse Aerospace Express", "Toulouse Aerospace Express", "FAC"),
            ("Colomiers", "Colomiers", "GPE"),
            ("Labège", "Labège", "GPE"),
            ("Airbus", "Airbus", "ORG"),
            ("Montaudran", "Montaudran", "GPE"),
            ("Toulouse Métropole", "Toulouse Métropole", "ORG"),
            ("Jean-Luc Moudenc", "Jean-Luc Moudenc", "PERSON"),
            ("Tisséo", "Tisséo", "ORG"),
            ("Antoine Maurice", "Antoine Maurice", "PERSON"),
            ("Bonnefoy", "Bonnefoy", "GPE"),
            ("Jean-Jaurès", "Jean-Jaurès", "FAC"),
        ],
    ),
    A(
        "fresh-fr-dakar-sonko-libere",
        "courrier",
        "ld",
        lang="fr",
        title="Sénégal : Ousmane Sonko et Bassirou Diomaye Faye libérés à dix jours de la présidentielle",
        byline="AFP",
        ld_authors=[("AFP", "Organization")],
        authors=[],
        orgs=["AFP"],
        published="2024-03-15T01:20:00+00:00",
        date="2024-03-15",
        paras=[
            "DAKAR (AFP) - L'opposant sénégalais Ousmane Sonko et son candidat à l'élection présidentielle, "
            "Bassirou Diomaye Faye, ont été libérés jeudi soir, à dix jours du scrutin, a constaté un journaliste "
            "de l'AFP.",
            "Des milliers de partisans ont envahi les rues de Dakar pour célébrer leur sortie de la prison du Cap "
            "Manuel, klaxonnant et agitant des drapeaux aux couleurs de leur ancien parti, le Pastef, dissous l'an "
            "dernier par les autorités.",
            "Leur libération intervient après l'adoption par l'Assemblée nationale, le 6 mars, d'une loi "
            "d'amnistie couvrant les faits liés aux manifestations politiques meurtrières survenues entre 2021 et "
            "2024. Le président sortant, Macky Sall, avait présenté ce texte comme un geste d'« apaisement ».",
            "Écarté de la course par le Conseil constitutionnel en raison d'une condamnation pour diffamation, M. "
            "Sonko avait désigné M. Faye, son ancien bras droit, pour le remplacer. « Diomaye, c'est moi », "
            "répètent ses partisans dans les meetings.",
            "M. Faye affrontera notamment le 24 mars l'ancien Premier ministre Amadou Ba, candidat de la coalition "
            "au pouvoir. M. Sall, qui ne se représente pas, avait tenté de reporter le scrutin à décembre, avant "
            "que le Conseil constitutionnel ne s'y oppose.",
            "La Communauté économique des États de l'Afrique de l'Ouest (Cédéao) a salué la libération des deux "
            "hommes et appelé les Sénégalais à voter « dans le calme ».",
        ],
        ents=[
            ("Sénégal", "Sénégal", "GPE"),
            ("Ousmane Sonko", "Ousmane Sonko", "PERSON"),
            ("Sonko", "Ousmane Sonko", "PERSON"),
            ("Bassirou Diomaye Faye", "Bassirou Diomaye Faye", "PERSON"),
            ("Faye", "Bassirou Diomaye Faye", "PERSON"),
            ("Diomaye", "Bassirou Diomaye Faye", "PERSON"),
            ("DAKAR", "Dakar", "GPE"),
            ("AFP", "AFP", "ORG"),
            ("Dakar", "Dakar", "GPE"),
            ("Cap Manuel", "Prison du Cap Manuel", "FAC"),
            ("Pastef", "Pastef", "ORG"),
            ("Assemblée nationale", "Assemblée nationale du Sénégal", "ORG"),
            ("Macky Sall", "Macky Sall", "PERSON"),
            ("Sall", "Macky Sall", "PERSON"),
            ("Conseil constitutionnel", "Conseil constitutionnel du Sénégal", "ORG"),
            ("Amadou Ba", "Amadou Ba", "PERSON"),
            (
                "Communauté économique des États de l'Afrique de l'Ouest",
                "Communauté économique des États de l'Afrique de l'Ouest",
                "ORG",
            ),
            ("Cédéao", "Communauté économique des États de l'Afrique de l'Ouest", "ORG"),
            ("Sénégalais", "Sénégalais", "NORP"),
        ],
    ),
    A(
        "fresh-fr-tribune-trains-de-nuit",
        "courrier",
        "ld",
        lang="fr",
        title="Tribune : ne laissons pas la SNCF enterrer une nouvelle fois les trains de nuit",
        byline="Par Marie Chevalier",
        authors=["Marie Chevalier"],
        published="2024-03-10T08:00:00+01:00",
        date="2024-03-10",
        paras=[
            "Il y a trois ans, l'État promettait une renaissance des trains de nuit. Le Paris-Nice reprenait du "
            "service, bientôt suivi du Paris-Tarbes et du Paris-Vienne, et l'on nous annonçait une dizaine de "
            "lignes nouvelles d'ici à 2030. Où en sommes-nous ? Nulle part, ou presque.",
            "Faute de voitures-couchettes en état de rouler, la SNCF supprime chaque mois des départs. Les "
            "voyageurs du Paris-Briançon arrivent avec des heures de retard, quand leur train n'est pas remplacé "
            "par des cars. Le matériel, hérité des années 1970, est à bout de souffle.",
            "Pendant ce temps, nos voisins avancent. En Autriche, la compagnie ÖBB a commandé 33 rames neuves pour "
            "ses Nightjet, qui relient Vienne à Hambourg, Rome ou Amsterdam. En Suède, l'État finance lui-même "
            "les trains de nuit vers la Laponie.",
            "La France ne manque ni de voyageurs ni d'arguments : un aller-retour en train de nuit vers les Alpes "
            "ou la Méditerranée émet cinquante fois moins de CO2 que le même trajet en avion. Ce qui manque, c'est "
            "une commande publique de matériel neuf, que l'État tarde à passer.",
            "Clément Beaune, lorsqu'il était ministre des Transports, avait promis un appel d'offres pour 2024. Il "
            "n'a toujours pas été lancé. Nous demandons au gouvernement de le publier avant l'été, et à l'Union "
            "européenne de financer les trains de nuit comme elle finance les autoroutes.",
            "Marie Chevalier est présidente de l'association Oui au train de nuit.",
        ],
        ents=[
            ("SNCF", "SNCF", "ORG"),
            ("Paris-Nice", "Paris-Nice (train de nuit)", "PRODUCT"),
            ("Paris-Tarbes", "Paris-Tarbes", "PRODUCT"),
            ("Paris-Vienne", "Paris-Vienne", "PRODUCT"),
            ("Paris-Briançon", "Paris-Briançon", "PRODUCT"),
            ("Autriche", "Autriche", "GPE"),
            ("ÖBB", "ÖBB", "ORG"),
            ("Nightjet", "Nightjet", "PRODUCT"),
            ("Vienne", "Vienne", "GPE"),
            ("Hambourg", "Hambourg", "GPE"),
            ("Rome", "Rome", "GPE"),
            ("Amsterdam", "Amsterdam", "GPE"),
            ("Suède", "Suède", "GPE"),
            ("Laponie", "Laponie", "LOC"),
            ("France", "France", "GPE"),
            ("Alpes", "Alpes", "LOC"),
            ("Méditerranée", "Méditerranée", "LOC"),
            ("Clément Beaune", "Clément Beaune", "PERSON"),
            ("Union européenne", "Union européenne", "ORG"),
            ("Marie Chevalier", "Marie Chevalier", "PERSON"),
            ("Oui au train de nuit", "Oui au train de nuit", "ORG"),
        ],
    ),
    A(
        "fresh-fr-hydro-quebec-plan",
        "courrier",
        "og",
        lang="fr",
        title="Hydro-Québec prévoit de nouveaux barrages pour doubler sa production d'ici 2050",
        byline="AFP",
        authors=[],
        orgs=["AFP"],
        published="2024-03-01T16:45:00-05:00",
        date="2024-03-01",
        paras=[
            "MONTRÉAL (AFP) - Hydro-Québec, la société d'État qui produit la quasi-totalité de l'électricité du "
            "Québec, a présenté vendredi un plan d'investissement de plus de 150 milliards de dollars canadiens, "
            "prévoyant de nouveaux barrages et des milliers d'éoliennes.",
            "« Nous devrons produire deux fois plus d'électricité d'ici 2050 pour décarboner l'économie », a "
            "déclaré à Montréal son PDG, Michael Sabia. Selon M. Sabia, la demande des usines de batteries et "
            "des centres de données explose.",
            "Le premier ministre québécois, François Legault, a salué un plan « historique », comparable aux "
            "grands chantiers de la baie James dans les années 1970. Son gouvernement, issu de la Coalition "
            "avenir Québec, a fait de l'énergie propre un argument pour attirer les investisseurs étrangers.",
            "Les communautés autochtones, dont les Innus de la Côte-Nord, réclament d'être associées aux décisions. "
            "Les nouveaux ouvrages ne pourront pas se faire « sans notre consentement », a prévenu le chef innu "
            "Jean-Charles Piétacho.",
            "Hydro-Québec négocie par ailleurs avec Terre-Neuve-et-Labrador le renouvellement du contrat de la "
            "centrale de Churchill Falls, qui arrive à échéance en 2041. L'électricité québécoise est aussi "
            "exportée vers l'État de New York et la Nouvelle-Angleterre.",
            "Les écologistes s'inquiètent de l'impact des barrages sur les rivières. « Il faut d'abord économiser "
            "l'énergie », estime Équiterre, un organisme environnemental de Montréal.",
        ],
        ents=[
            ("Hydro-Québec", "Hydro-Québec", "ORG"),
            ("MONTRÉAL", "Montréal", "GPE"),
            ("AFP", "AFP", "ORG"),
            ("Québec", "Québec", "GPE"),
            ("Montréal", "Montréal", "GPE"),
            ("Michael Sabia", "Michael Sabia", "PERSON"),
            ("Sabia", "Michael Sabia", "PERSON"),
            ("François Legault", "François Legault", "PERSON"),
            ("baie James", "baie James", "LOC"),
            ("Coalition avenir Québec", "Coalition avenir Québec", "ORG"),
            ("Innus", "Innus", "NORP"),
            ("Côte-Nord", "Côte-Nord", "GPE"),
            ("Jean-Charles Piétacho", "Jean-Charles Piétacho", "PERSON"),
            ("Terre-Neuve-et-Labrador", "Terre-Neuve-et-Labrador", "GPE"),
            ("Churchill Falls", "Centrale de Churchill Falls", "FAC"),
            ("New York", "État de New York", "GPE"),
            ("Nouvelle-Angleterre", "Nouvelle-Angleterre", "LOC"),
            ("Équiterre", "Équiterre", "ORG"),
        ],
    ),
]

FRESH_FR = [a.copy(fresh=True) for a in _PAGES]
