"""Short news paragraphs in languages that language identifiers confuse: Portuguese / Spanish / Galician-ish
Spanish, Danish / Norwegian (Bokmål) / Swedish, Dutch / German. Written for bench/langid_compare.py."""

TEXTS: list[tuple[str, str]] = [
    ("pt", "O governo português aprovou ontem um novo pacote de apoio às famílias, que inclui a redução do imposto "
           "sobre os combustíveis até ao final do ano. O ministro das Finanças disse que a medida custará cerca de "
           "trezentos milhões de euros."),
    ("pt", "A greve dos maquinistas provocou a supressão de centenas de comboios na região de Lisboa. Os sindicatos "
           "exigem aumentos salariais e a contratação de mais trabalhadores para a manutenção."),
    ("pt", "O Banco de Portugal reviu em alta a previsão de crescimento da economia, graças ao turismo e às "
           "exportações. Ainda assim, a inflação deverá manter-se acima dos dois por cento."),
    ("pt", "Milhares de pessoas desfilaram no Porto em defesa do direito à habitação, numa altura em que as rendas "
           "não param de subir no centro da cidade."),
    ("es", "El Gobierno aprobó ayer un nuevo paquete de ayudas para las familias, que incluye una rebaja del impuesto "
           "sobre los carburantes hasta final de año. La ministra de Hacienda dijo que costará unos trescientos "
           "millones de euros."),
    ("es", "La huelga de maquinistas obligó a suprimir cientos de trenes en la región de Madrid. Los sindicatos "
           "exigen subidas salariales y más contrataciones para el mantenimiento."),
    ("es", "El Banco de España elevó su previsión de crecimiento gracias al turismo y a las exportaciones, aunque "
           "la inflación seguirá por encima del dos por ciento."),
    ("da", "Regeringen fremlagde i går en ny aftale om støtte til familier, som blandt andet sænker afgiften på "
           "brændstof resten af året. Finansministeren sagde, at aftalen vil koste omkring tre milliarder kroner."),
    ("da", "Strejken blandt lokomotivførerne betød, at hundredvis af tog blev aflyst i hovedstadsområdet. "
           "Fagforeningen kræver højere løn og flere ansatte til vedligeholdelse."),
    ("da", "Nationalbanken hævede sin vækstprognose på grund af turisme og eksport, men inflationen ventes at blive "
           "over to procent."),
    ("no", "Regjeringen la i går fram en ny avtale om støtte til familier, som blant annet senker avgiften på "
           "drivstoff resten av året. Finansministeren sa at avtalen vil koste rundt tre milliarder kroner."),
    ("no", "Streiken blant lokførerne førte til at hundrevis av tog ble innstilt i Oslo-området. Fagforeningen "
           "krever høyere lønn og flere ansatte til vedlikehold."),
    ("no", "Norges Bank oppjusterte vekstanslaget på grunn av turisme og eksport, men prisveksten ventes å holde "
           "seg over to prosent."),
    ("sv", "Regeringen lade i går fram en ny överenskommelse om stöd till familjer, som bland annat sänker skatten "
           "på drivmedel resten av året. Finansministern sade att den kommer att kosta omkring tre miljarder kronor."),
    ("sv", "Strejken bland lokförarna ledde till att hundratals tåg ställdes in i Stockholmsområdet. Facket kräver "
           "högre löner och fler anställda för underhåll."),
    ("nl", "De regering heeft gisteren een nieuw steunpakket voor gezinnen gepresenteerd, waarmee onder meer de "
           "accijns op brandstof tot het einde van het jaar wordt verlaagd."),
    ("nl", "Door de staking van machinisten vielen honderden treinen uit in de regio Utrecht. De vakbond eist "
           "hogere lonen en meer personeel voor onderhoud."),
    ("de", "Die Regierung hat gestern ein neues Hilfspaket für Familien vorgestellt, das unter anderem die Steuer "
           "auf Kraftstoff bis zum Jahresende senkt."),
]  # fmt: skip
