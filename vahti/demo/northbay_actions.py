"""The actions of the fictional "Northbay Climate Plan 2040" (see ``northbay.py``): all
invented. Dates relative to the day of loading keep some tasks late, some due soon."""

from vahti.demo.northbay import t


def task(name: dict, state: str, due_at: str, completed_at: str | None = None) -> dict:
    return {"name": name, "state": state, "due_at": due_at, "completed_at": completed_at}


ACTIONS = [
    {
        "identifier": "E1",
        "history": [
            {"date": "today-400", "status": "not_started"},
            {"date": "today-200", "status": "on_time"},
        ],
        "name": t(
            "Heat pumps for the city's schools",
            "Lämpöpumput kaupungin kouluihin",
            "Värmepumpar till stadens skolor",
        ),
        "lead": t(
            "Oil boilers in the city's eight schools are replaced with ground-source heat pumps.",
            "Kaupungin kahdeksan koulun öljykattilat korvataan maalämpöpumpuilla.",
            "Oljepannorna i stadens åtta skolor ersätts med bergvärmepumpar.",
        ),
        "description": t(
            "<p>Two schools a year switch from oil to ground-source heat. The first two "
            "were converted during the summer holidays.</p>",
            "<p>Kaksi koulua vuodessa siirtyy öljystä maalämpöön. Kaksi ensimmäistä "
            "muutettiin kesäloman aikana.</p>",
            "<p>Två skolor om året går över från olja till bergvärme. De två första "
            "byggdes om under sommarlovet.</p>",
        ),
        "categories": ["heating"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "significant",
        "start_date": "2024-01-01",
        "end_date": "2028-12-31",
        "responsible_parties": [("planning", "primary"), ("energy-company", "collaborator")],
        "contact_persons": [("hanna-lind", "contact")],
        "tasks": [
            task(
                t(
                    "First two schools converted",
                    "Kaksi ensimmäistä koulua muutettu",
                    "De två första skolorna ombyggda",
                ),
                "completed",
                "today-150",
                "today-160",
            ),
            task(
                t(
                    "Drilling permits for the next schools",
                    "Porauslupa seuraaville kouluille",
                    "Borrtillstånd för nästa skolor",
                ),
                "in_progress",
                "today+12",
            ),
        ],
        "news_posts": [
            {
                "title": t(
                    "Two schools now heated without oil",
                    "Kaksi koulua lämpiää nyt ilman öljyä",
                    "Två skolor värms nu utan olja",
                ),
                "body": t(
                    "<p>Northbay's first two schools started the term with ground-source heat.</p>",
                    "<p>Pohjoislahden kaksi ensimmäistä koulua aloittivat lukukauden "
                    "maalämmöllä.</p>",
                    "<p>Norrviks två första skolor började terminen med bergvärme.</p>",
                ),
                "published_on": "today-150",
                "author": "maria-berg",
            }
        ],
        "updated_at": "today-20",
    },
    {
        "identifier": "E2",
        "history": [{"date": "today-300", "status": "on_time"}],
        "name": t(
            "District heat from waste heat",
            "Kaukolämpöä hukkalämmöstä",
            "Fjärrvärme från spillvärme",
        ),
        "lead": t(
            "Waste heat from the harbour's cold stores is fed into the district heating network.",
            "Sataman kylmävarastojen hukkalämpö johdetaan kaukolämpöverkkoon.",
            "Spillvärmen från hamnens kyllager leds in i fjärrvärmenätet.",
        ),
        "categories": ["heating"],
        "status": "late",
        "implementation_phase": "planning",
        "impact": "moderate",
        "start_date": "2025-01-01",
        "end_date": "2027-12-31",
        "responsible_parties": [("energy-company", "primary")],
        "contact_persons": [("hanna-lind", "contact")],
        "tasks": [
            task(
                t("Feasibility study", "Toteutettavuusselvitys", "Förstudie"),
                "in_progress",
                "today-45",
            ),
            task(
                t("Investment decision", "Investointipäätös", "Investeringsbeslut"),
                "not_started",
                "today+200",
            ),
        ],
        "updated_at": "today-60",
    },
    {
        "identifier": "E3",
        "name": t(
            "Solar panels on city roofs",
            "Aurinkopaneelit kaupungin katoille",
            "Solpaneler på stadens tak",
        ),
        "lead": t(
            "Every suitable roof of the city's buildings gets solar panels.",
            "Kaikille kaupungin rakennusten soveltuville katoille asennetaan aurinkopaneelit.",
            "Alla lämpliga tak på stadens byggnader får solpaneler.",
        ),
        "categories": ["solar"],
        "status": "completed",
        "implementation_phase": "completed",
        "impact": "small",
        "start_date": "2022-03-01",
        "end_date": "2025-06-30",
        "responsible_parties": [("energy-company", "primary")],
        "contact_persons": [("hanna-lind", "contact")],
        "tasks": [
            task(
                t("Roof survey", "Kattokartoitus", "Takinventering"),
                "completed",
                "2022-09-30",
                "2022-09-15",
            ),
            task(
                t(
                    "Panels installed on 14 roofs",
                    "Paneelit asennettu 14 katolle",
                    "Paneler installerade på 14 tak",
                ),
                "completed",
                "2025-06-30",
                "2025-05-20",
            ),
        ],
        "updated_at": "today-90",
    },
    {
        "identifier": "M1",
        "history": [
            {"date": "today-500", "status": "not_started"},
            {"date": "today-250", "status": "late"},
        ],
        "name": t(
            "A network of protected bike lanes",
            "Suojattujen pyöräkaistojen verkko",
            "Ett nät av skyddade cykelfält",
        ),
        "lead": t(
            "Thirty kilometres of protected bike lanes connect the districts to the centre.",
            "Kolmekymmentä kilometriä suojattuja pyöräkaistoja yhdistää kaupunginosat keskustaan.",
            "Trettio kilometer skyddade cykelfält förbinder stadsdelarna med centrum.",
        ),
        "description": t(
            "<p>The lanes are separated from car traffic by a kerb and cleared of snow "
            "first in winter.</p>",
            "<p>Kaistat erotetaan autoliikenteestä reunakivellä, ja ne aurataan talvella "
            "ensimmäisinä.</p>",
            "<p>Cykelfälten skiljs från biltrafiken med en kantsten och plogas först på "
            "vintern.</p>",
        ),
        "categories": ["cycling"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "moderate",
        "start_date": "2021-01-01",
        "end_date": "2030-12-31",
        "responsible_parties": [("planning", "primary"), ("transit", "collaborator")],
        "contact_persons": [("samuel-okafor", "contact")],
        "tasks": [
            task(
                t(
                    "Harbour Road section opened",
                    "Satamatien osuus avattu",
                    "Hamnvägens sträcka öppnad",
                ),
                "completed",
                "today-100",
                "today-110",
            ),
            task(
                t(
                    "Plan for the eastern districts",
                    "Itäisten kaupunginosien suunnitelma",
                    "Plan för de östra stadsdelarna",
                ),
                "in_progress",
                "today+20",
            ),
        ],
        "news_posts": [
            {
                "title": t(
                    "Harbour Road bike lane opens",
                    "Satamatien pyöräkaista avattiin",
                    "Cykelfältet på Hamnvägen har öppnats",
                ),
                "body": t(
                    "<p>The 2.6 km lane along Harbour Road is open to cyclists.</p>",
                    "<p>Satamatien varren 2,6 kilometrin kaista on avattu pyöräilijöille.</p>",
                    "<p>Det 2,6 km långa fältet längs Hamnvägen är öppet för cyklister.</p>",
                ),
                "published_on": "today-100",
                "author": "samuel-okafor",
            }
        ],
        "updated_at": "today-15",
    },
    {
        "identifier": "M2",
        "name": t(
            "Electric buses on every route",
            "Sähköbussit kaikille linjoille",
            "Elbussar på alla linjer",
        ),
        "lead": t(
            "Northbay Transit replaces its diesel buses with electric ones by 2030.",
            "Pohjoislahden liikenne korvaa dieselbussinsa sähköbusseilla vuoteen 2030 mennessä.",
            "Norrviks trafik ersätter sina dieselbussar med elbussar till 2030.",
        ),
        "categories": ["public-transport"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "significant",
        "start_date": "2023-01-01",
        "end_date": "2030-12-31",
        "responsible_parties": [("transit", "primary")],
        "contact_persons": [("samuel-okafor", "contact")],
        "tasks": [
            task(
                t("Charging depot built", "Latausvarikko rakennettu", "Laddningsdepå byggd"),
                "completed",
                "today-30",
                "today-35",
            ),
            task(
                t(
                    "Tender for 20 buses",
                    "Tarjouskilpailu 20 bussista",
                    "Anbudstävling för 20 bussar",
                ),
                "not_started",
                "today+5",
            ),
        ],
        "updated_at": "today-35",
    },
    {
        "identifier": "M3",
        "name": t(
            "A flat fare for the whole region",
            "Yksi hinta koko seudulle",
            "Ett enhetspris för hela regionen",
        ),
        "lead": t(
            "One ticket price for every bus and ferry in the Northbay region.",
            "Yksi lipun hinta kaikille Pohjoislahden seudun busseille ja lautoille.",
            "Ett biljettpris för alla bussar och färjor i Norrviksregionen.",
        ),
        "categories": ["public-transport"],
        "status": "not_started",
        "implementation_phase": "not_started",
        "impact": "not_estimated",
        "start_date": "2027-01-01",
        "responsible_parties": [("transit", "primary"), ("city", "collaborator")],
        "contact_persons": [("samuel-okafor", "contact")],
        "tasks": [
            task(
                t(
                    "Proposal to the city council",
                    "Esitys kaupunginvaltuustolle",
                    "Förslag till stadsfullmäktige",
                ),
                "not_started",
                "today-10",
            ),
        ],
        "updated_at": "today-120",
    },
    {
        "identifier": "N1",
        "name": t(
            "A thousand new street trees",
            "Tuhat uutta katupuuta",
            "Tusen nya gatuträd",
        ),
        "lead": t(
            "New street trees shade the centre and store carbon.",
            "Uudet katupuut varjostavat keskustaa ja sitovat hiiltä.",
            "Nya gatuträd ger skugga i centrum och binder kol.",
        ),
        "categories": ["green-areas"],
        "status": "on_time",
        "implementation_phase": "continuous",
        "impact": "small",
        "start_date": "2024-04-01",
        "schedule_continuous": True,
        "responsible_parties": [("planning", "primary")],
        "contact_persons": [("david-reyes", "contact")],
        "tasks": [
            task(
                t("Spring planting", "Kevään istutukset", "Vårens planteringar"),
                "completed",
                "today-180",
                "today-185",
            ),
            task(
                t("Autumn planting", "Syksyn istutukset", "Höstens planteringar"),
                "in_progress",
                "today+25",
            ),
        ],
        "updated_at": "today-25",
    },
    {
        "identifier": "N2",
        "name": t(
            "Restoring the Mill Creek wetland",
            "Myllypuron kosteikon ennallistaminen",
            "Återställning av våtmarken vid Kvarnbäcken",
        ),
        "lead": t(
            "The drained wetland along Mill Creek is restored to hold water and carbon.",
            "Myllypuron varren ojitettu kosteikko ennallistetaan pidättämään vettä ja hiiltä.",
            "Den dikade våtmarken längs Kvarnbäcken återställs så att den håller vatten och kol.",
        ),
        "categories": ["green-areas", "stormwater"],
        "status": "late",
        "implementation_phase": "planning",
        "impact": "moderate",
        "start_date": "2025-05-01",
        "end_date": "2027-10-31",
        "responsible_parties": [("environment", "primary"), ("planning", "collaborator")],
        "contact_persons": [("david-reyes", "contact"), ("olivia-grant", "editor")],
        "tasks": [
            task(
                t(
                    "Survey of the wetland's species",
                    "Kosteikon lajiston kartoitus",
                    "Inventering av våtmarkens arter",
                ),
                "in_progress",
                "today-70",
            ),
        ],
        "updated_at": "today-75",
    },
    {
        "identifier": "N3",
        "name": t(
            "Rain gardens in the centre",
            "Sadepuutarhat keskustaan",
            "Regnträdgårdar i centrum",
        ),
        "lead": t(
            "Rain gardens take in stormwater before it floods the streets.",
            "Sadepuutarhat imevät huleveden ennen kuin se tulvii kaduille.",
            "Regnträdgårdar tar upp dagvattnet innan det svämmar över gatorna.",
        ),
        "categories": ["stormwater"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "small",
        "start_date": "2025-03-01",
        "end_date": "2026-12-31",
        "responsible_parties": [("planning", "primary")],
        "contact_persons": [("david-reyes", "contact")],
        "tasks": [
            task(
                t(
                    "Design of the first three gardens",
                    "Kolmen ensimmäisen puutarhan suunnittelu",
                    "Planering av de tre första trädgårdarna",
                ),
                "completed",
                "today-90",
                "today-95",
            ),
            task(
                t(
                    "Construction on Market Square",
                    "Rakentaminen Kauppatorilla",
                    "Byggande på Salutorget",
                ),
                "in_progress",
                "today+8",
            ),
        ],
        "updated_at": "today-10",
    },
    {
        "identifier": "N4",
        "name": t(
            "Climate tips for residents",
            "Ilmastovinkkejä asukkaille",
            "Klimattips för invånare",
        ),
        "lead": t(
            "A monthly newsletter and open evenings help residents cut their own emissions.",
            "Kuukausittainen uutiskirje ja avoimet illat auttavat asukkaita vähentämään "
            "omia päästöjään.",
            "Ett månatligt nyhetsbrev och öppna kvällar hjälper invånarna att minska sina "
            "egna utsläpp.",
        ),
        "categories": ["nature"],
        "status": "cancelled",
        "implementation_phase": "not_started",
        "impact": "not_estimated",
        "start_date": "2024-01-01",
        "end_date": "2024-12-31",
        "responsible_parties": [("city", "primary")],
        "contact_persons": [("maria-berg", "contact")],
        "tasks": [
            task(
                t("First newsletter", "Ensimmäinen uutiskirje", "Första nyhetsbrevet"),
                "cancelled",
                "2024-03-31",
            ),
        ],
        "updated_at": "today-200",
    },
]
