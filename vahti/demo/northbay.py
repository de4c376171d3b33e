"""Demo content: "Northbay Climate Plan 2040", the plan of a fictional city.

Northbay does not exist: the city, its organisations, people, actions, figures and news
are invented to show that one installation serves several plans, and how a plan whose
primary language is English looks (Finnish and Swedish are its other languages). Pure
data, read by ``vahti.demo.loader`` with the conventions of ``content.py``. The actions
are in ``northbay_actions.py``.

The plan is created with ``vahti.plans.setup.plan_create`` like any city's, so its
statuses, phases, impacts, schedules and theme type are the defaults every new plan
starts from; this module adds what a city adds.
"""


def t(en: str, fi: str, sv: str) -> dict[str, str]:
    return {"en": en, "fi": fi, "sv": sv}


PLAN = {
    "identifier": "northbay2040",
    "name": t(
        "Northbay Climate Plan 2040",
        "Pohjoislahden ilmasto-ohjelma 2040",
        "Norrviks klimatplan 2040",
    ),
    "short_name": t("Northbay 2040", "Pohjoislahti 2040", "Norrvik 2040"),
    "intro": t(
        "<p>This is Vahti's second demo plan. <strong>Northbay is a fictional city:</strong> "
        "its plan, organisations, people, actions, figures and news are invented to show "
        "how one installation serves the plans of several cities, each in its own "
        "languages.</p><p>Northbay aims to be climate neutral by 2040. Browse the actions "
        "by theme, follow their tasks and read the latest news.</p>",
        "<p>Tämä on Vahdin toinen esittelysuunnitelma. <strong>Pohjoislahti on keksitty "
        "kaupunki:</strong> sen ohjelma, organisaatiot, henkilöt, toimenpiteet, luvut ja "
        "uutiset on keksitty näyttämään, miten yksi asennus palvelee monen kaupungin "
        "suunnitelmia, kunkin omilla kielillään.</p><p>Pohjoislahti tavoittelee "
        "ilmastoneutraaliutta vuoteen 2040 mennessä. Selaa toimenpiteitä teemoittain, "
        "seuraa niiden tehtäviä ja lue uusimmat uutiset.</p>",
        "<p>Det här är Vahtis andra demonstrationsplan. <strong>Norrvik är en påhittad "
        "stad:</strong> dess plan, organisationer, personer, åtgärder, siffror och nyheter "
        "är påhittade för att visa hur en installation betjänar flera städers planer, var "
        "och en på sina egna språk.</p><p>Norrvik strävar efter att vara klimatneutralt år "
        "2040. Bläddra bland åtgärderna per tema, följ deras uppgifter och läs de senaste "
        "nyheterna.</p>",
    ),
    "primary_language": "en",
    "other_languages": ["fi", "sv"],
    "time_zone": "Europe/Helsinki",
}

# The lists come from plan_create (vahti.plans.defaults): the loader keeps them as they are.
STATUSES = None
PHASES = None
IMPACTS = None
SCHEDULES = None
CATEGORY_TYPES = None

CATEGORIES = [
    {
        "identifier": "energy",
        "type": "theme",
        "parent": None,
        "name": t("Energy and buildings", "Energia ja rakennukset", "Energi och byggnader"),
        "lead": t(
            "Clean heat and power, and buildings that use less of them.",
            "Puhdas lämpö ja sähkö sekä rakennukset, jotka kuluttavat niitä vähemmän.",
            "Ren värme och el samt byggnader som förbrukar mindre av dem.",
        ),
        "color": "#8a4b00",
    },
    {
        "identifier": "heating",
        "type": "theme",
        "parent": "energy",
        "name": t("Heating", "Lämmitys", "Uppvärmning"),
    },
    {
        "identifier": "solar",
        "type": "theme",
        "parent": "energy",
        "name": t("Solar power", "Aurinkosähkö", "Solel"),
    },
    {
        "identifier": "mobility",
        "type": "theme",
        "parent": None,
        "name": t("Mobility", "Liikkuminen", "Mobilitet"),
        "lead": t(
            "Getting around Northbay on foot, by bike and by public transport.",
            "Pohjoislahdessa liikutaan kävellen, pyörällä ja joukkoliikenteellä.",
            "I Norrvik tar man sig fram till fots, med cykel och med kollektivtrafik.",
        ),
        "color": "#005a8c",
    },
    {
        "identifier": "cycling",
        "type": "theme",
        "parent": "mobility",
        "name": t("Cycling", "Pyöräily", "Cykling"),
    },
    {
        "identifier": "public-transport",
        "type": "theme",
        "parent": "mobility",
        "name": t("Public transport", "Joukkoliikenne", "Kollektivtrafik"),
    },
    {
        "identifier": "nature",
        "type": "theme",
        "parent": None,
        "name": t("Nature and adaptation", "Luonto ja sopeutuminen", "Natur och anpassning"),
        "lead": t(
            "Green areas that store carbon and protect the city from floods and heat.",
            "Viheralueet, jotka sitovat hiiltä ja suojaavat kaupunkia tulvilta ja helteeltä.",
            "Grönområden som binder kol och skyddar staden mot översvämningar och hetta.",
        ),
        "color": "#2f6b2f",
    },
    {
        "identifier": "green-areas",
        "type": "theme",
        "parent": "nature",
        "name": t("Green areas", "Viheralueet", "Grönområden"),
    },
    {
        "identifier": "stormwater",
        "type": "theme",
        "parent": "nature",
        "name": t("Stormwater", "Hulevedet", "Dagvatten"),
    },
]

ORGANIZATIONS = [
    {
        "identifier": "city",
        "parent": None,
        "name": t("City of Northbay", "Pohjoislahden kaupunki", "Norrviks stad"),
        "abbreviation": t("NB", "PL", "NV"),
    },
    {
        "identifier": "environment",
        "parent": "city",
        "name": t("Environment Office", "Ympäristötoimisto", "Miljöbyrån"),
        "abbreviation": t("ENV", "YMP", "MB"),
    },
    {
        "identifier": "planning",
        "parent": "city",
        "name": t(
            "Urban Planning Department",
            "Kaupunkisuunnitteluosasto",
            "Stadsplaneringsavdelningen",
        ),
        "abbreviation": t("UPD", "KSO", "SPA"),
    },
    {
        "identifier": "transit",
        "parent": "city",
        "name": t("Northbay Transit", "Pohjoislahden liikenne", "Norrviks trafik"),
        "abbreviation": t("NBT", "PLL", "NVT"),
    },
    {
        "identifier": "energy-company",
        "parent": "city",
        "name": t("Northbay Energy Ltd", "Pohjoislahden Energia Oy", "Norrviks Energi Ab"),
        "abbreviation": t("NBE", "PLE", "NVE"),
    },
]

PEOPLE = [
    {
        # The plan admin: logs in as "olivia.grant" (vahti.demo.logins).
        "key": "olivia-grant",
        "first_name": "Olivia",
        "last_name": "Grant",
        "title": t("climate coordinator", "ilmastokoordinaattori", "klimatkoordinator"),
        "organization": "environment",
        "email": "olivia.grant@example.invalid",
    },
    {
        # A contact person: logs in as "samuel.okafor" and sees only his own actions.
        "key": "samuel-okafor",
        "first_name": "Samuel",
        "last_name": "Okafor",
        "title": t("transport planner", "liikennesuunnittelija", "trafikplanerare"),
        "organization": "transit",
        "email": "samuel.okafor@example.invalid",
    },
    {
        "key": "hanna-lind",
        "first_name": "Hanna",
        "last_name": "Lind",
        "title": t("energy engineer", "energiainsinööri", "energiingenjör"),
        "organization": "energy-company",
        "email": "hanna.lind@example.invalid",
    },
    {
        "key": "david-reyes",
        "first_name": "David",
        "last_name": "Reyes",
        "title": t("landscape architect", "maisema-arkkitehti", "landskapsarkitekt"),
        "organization": "planning",
        "email": "david.reyes@example.invalid",
    },
    {
        "key": "maria-berg",
        "first_name": "Maria",
        "last_name": "Berg",
        "title": t("communications officer", "viestintäsuunnittelija", "kommunikatör"),
        "organization": "city",
        "email": "maria.berg@example.invalid",
    },
]

# Indicators -------------------------------------------------------------------------------

DIMENSIONS = []
SCENARIOS = []

INDICATORS = [
    {
        "identifier": "emissions",
        "level": "strategic",
        "name": t(
            "Greenhouse gas emissions in Northbay",
            "Pohjoislahden kasvihuonekaasupäästöt",
            "Norrviks växthusgasutsläpp",
        ),
        "description": t(
            "<p>Emissions in the Northbay area in kilotonnes of CO₂ equivalent (invented "
            "demo figures).</p>",
            "<p>Pohjoislahden alueen päästöt kilotonneina hiilidioksidiekvivalenttia "
            "(keksittyjä esimerkkilukuja).</p>",
            "<p>Utsläppen inom Norrviks område i kiloton koldioxidekvivalenter (påhittade "
            "exempelsiffror).</p>",
        ),
        "unit": t("kt CO₂e", "kt CO₂e", "kt CO₂e"),
        "quantity": t("emissions", "päästöt", "utsläpp"),
        "resolution": "year",
        "desired_direction": "decrease",
        "minimum_value": 0,
        "decimals": 0,
        "organization": "environment",
        "categories": ["energy"],
        "contact_persons": ["olivia-grant"],
        "values": [
            ("2018", 410),
            ("2019", 396),
            ("2020", 362),
            ("2021", 371),
            ("2022", 344),
            ("2023", 318),
            ("2024", 301),
        ],
        "goals": [("2030", 200), ("2040", 40)],
    },
    {
        "identifier": "bike-lanes",
        "level": "operational",
        "name": t(
            "Length of protected bike lanes",
            "Suojattujen pyöräkaistojen pituus",
            "Längd på skyddade cykelfält",
        ),
        "unit": t("km", "km", "km"),
        "resolution": "year",
        "desired_direction": "increase",
        "minimum_value": 0,
        "decimals": 1,
        "organization": "planning",
        "categories": ["cycling"],
        "contact_persons": ["samuel-okafor"],
        "values": [("2021", 4.5), ("2022", 7.0), ("2023", 9.8), ("2024", 12.4)],
        "goals": [("2030", 30)],
    },
]

RELATIONS = [("bike-lanes", "emissions", "decreases", "low")]

ACTION_LINKS = [
    ("M1", "bike-lanes", "increases", True),
    ("E1", "emissions", "decreases", False),
]

# Content pages ----------------------------------------------------------------------------

PAGES = [
    {
        "slug": "about",
        "heading": t(
            "About the Northbay Climate Plan",
            "Tietoa Pohjoislahden ilmasto-ohjelmasta",
            "Om Norrviks klimatplan",
        ),
        "lead": t(
            "A fictional city's plan, made to show Vahti with several plans.",
            "Keksityn kaupungin ohjelma, joka esittelee Vahtia usean suunnitelman kanssa.",
            "En påhittad stads plan som visar Vahti med flera planer.",
        ),
        "body": t(
            "<p>Northbay and everything on this site are invented. The plan has ten "
            "actions under three themes: energy and buildings, mobility, and nature and "
            "adaptation.</p><h2>How to read the site</h2><p>Each action has a status, a "
            "responsible organisation and a contact person who keeps it up to date. The "
            "indicators show how emissions develop. All of it is open data.</p>",
            "<p>Pohjoislahti ja kaikki tämän sivuston sisältö ovat keksittyjä. Ohjelmassa "
            "on kymmenen toimenpidettä kolmen teeman alla: energia ja rakennukset, "
            "liikkuminen sekä luonto ja sopeutuminen.</p><h2>Miten tietoja luetaan?</h2>"
            "<p>Jokaisella toimenpiteellä on tila, vastuuorganisaatio ja yhteyshenkilö, "
            "joka pitää sen ajan tasalla. Mittarit näyttävät, miten päästöt kehittyvät. "
            "Tiedot ovat avointa dataa.</p>",
            "<p>Norrvik och allt innehåll på den här webbplatsen är påhittat. Planen har tio "
            "åtgärder under tre teman: energi och byggnader, mobilitet samt natur och "
            "anpassning.</p><h2>Hur läser man uppgifterna?</h2><p>Varje åtgärd har en "
            "status, en ansvarig organisation och en kontaktperson som håller den aktuell. "
            "Indikatorerna visar hur utsläppen utvecklas. Uppgifterna är öppna data.</p>",
        ),
    },
]
