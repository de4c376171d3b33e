"""Demo indicators of "Hiilineutraali Helsinki 2035": invented demo data.

The names follow the kind of indicators Helsinki's plan follows, but every value, goal
and link here is a plausible example, not the City of Helsinki's statistics. Pure data,
read by ``vahti.demo.loader`` (same conventions as ``content.py``: translated texts are
dicts, periods are written as in a spreadsheet: "2023", "2024-05").
"""

DIMENSIONS = [
    {
        "identifier": "sector",
        "name": {"fi": "Sektori", "sv": "Sektor", "en": "Sector"},
        "categories": [
            {
                "identifier": "district-heating",
                "name": {"fi": "Kaukolämpö", "sv": "Fjärrvärme", "en": "District heating"},
            },
            {"identifier": "electricity", "name": {"fi": "Sähkö", "sv": "El", "en": "Electricity"}},
            {
                "identifier": "transport",
                "name": {"fi": "Liikenne", "sv": "Trafik", "en": "Transport"},
            },
            {
                "identifier": "individual-heating",
                "name": {
                    "fi": "Erillislämmitys",
                    "sv": "Separat uppvärmning",
                    "en": "Individual heating",
                },
            },
            {"identifier": "other", "name": {"fi": "Muut", "sv": "Övriga", "en": "Other"}},
        ],
    }
]

SCENARIOS = [
    {
        "identifier": "ambitious",
        "name": {
            "fi": "Kunnianhimoinen polku",
            "sv": "Ambitiös väg",
            "en": "Ambitious path",
        },
    }
]


def _yearly(values: dict[int, float]) -> list[tuple[str, float]]:
    return [(str(year), value) for year, value in values.items()]


_GHG_TOTAL = {
    2010: 3250, 2011: 3050, 2012: 2900, 2013: 2850, 2014: 2680, 2015: 2500, 2016: 2600,
    2017: 2450, 2018: 2440, 2019: 2280, 2020: 2050, 2021: 2130, 2022: 1900, 2023: 1680,
    2024: 1550,
}  # fmt: skip
# Sectors in the order of DIMENSIONS: district heating, electricity, transport,
# individual heating, other; each year's parts add up to its total.
_GHG_BY_SECTOR = {
    2015: (1400, 350, 550, 75, 125),
    2016: (1410, 352, 607, 78, 153),
    2017: (1285, 321, 604, 74, 166),
    2018: (1236, 309, 634, 73, 188),
    2019: (1115, 279, 623, 68, 195),
    2020: (966, 241, 588, 62, 193),
    2021: (966, 241, 639, 64, 220),
    2022: (828, 207, 595, 57, 213),
    2023: (702, 175, 549, 50, 204),
    2024: (620, 155, 527, 46, 202),
}
_SECTORS = [c["identifier"] for c in DIMENSIONS[0]["categories"]]

# Monthly city-bike trips (thousands), April–October: the bikes are out in summer only.
_CITY_BIKE_SEASON = {4: 0.45, 5: 1.0, 6: 1.25, 7: 1.2, 8: 1.3, 9: 1.05, 10: 0.55}
_CITY_BIKE_YEAR = {2021: 820, 2022: 910, 2023: 960, 2024: 1010, 2025: 1080}
_CITY_BIKE_TRIPS = [
    (f"{year}-{month:02d}", round(level * weight, 1))
    for year, level in _CITY_BIKE_YEAR.items()
    for month, weight in _CITY_BIKE_SEASON.items()
]

INDICATORS = [
    {
        "identifier": "ghg-total",
        "level": "strategic",
        "name": {
            "fi": "Helsingin kasvihuonekaasupäästöt",
            "sv": "Helsingfors växthusgasutsläpp",
            "en": "Greenhouse gas emissions in Helsinki",
        },
        "description": {
            "fi": "<p>Helsingin alueen kasvihuonekaasupäästöt sektoreittain, kilotonneina "
            "hiilidioksidiekvivalenttia. Tavoitteena on vähentää päästöjä "
            "80 % vuoden 1990 tasosta vuoteen 2035 mennessä ja kompensoida loput.</p>",
            "sv": "<p>Växthusgasutsläppen inom Helsingfors område i kiloton "
            "koldioxidekvivalenter per sektor. Målet är att minska utsläppen med 80 % från "
            "1990 års nivå till 2035 och kompensera resten.</p>",
            "en": "<p>Greenhouse gas emissions in the Helsinki area in kilotonnes of CO₂ "
            "equivalent, by sector. The goal is to cut emissions by 80 % from the 1990 level "
            "by 2035 and to offset the rest.</p>",
        },
        "unit": {"fi": "kt CO₂e"},
        "quantity": {"fi": "päästöt", "sv": "utsläpp", "en": "emissions"},
        "resolution": "year",
        "desired_direction": "decrease",
        "minimum_value": 0,
        "decimals": 0,
        "organization": "ympa",
        "categories": ["seuranta"],
        "contact_persons": ["elina-hamalainen"],
        "data_source": {
            "fi": "Helsingin ympäristöpalvelut, päästölaskenta (esimerkkiaineisto)",
            "en": "Helsinki Environmental Services, emission inventory (demo data)",
        },
        "licence": "CC BY 4.0",
        "updated_values_due_at": "today+120",
        "values": _yearly(_GHG_TOTAL),
        "breakdown": [
            (str(year), "sector", sector, value)
            for year, parts in _GHG_BY_SECTOR.items()
            for sector, value in zip(_SECTORS, parts, strict=True)
        ],
        "goals": [
            ("2030", 1400),
            ("2035", 700),
            ("2030", 1200, "ambitious"),
            ("2035", 500, "ambitious"),
        ],
    },
    {
        "identifier": "sustainable-modes-share",
        "level": "tactical",
        "name": {
            "fi": "Kävelyn, pyöräilyn ja joukkoliikenteen osuus kaikista matkoista Helsingissä",
            "sv": "Gång, cykling och kollektivtrafik som andel av alla resor i Helsingfors",
            "en": "Share of walking, cycling and public transport of all trips in Helsinki",
        },
        "description": {
            "fi": "<p>Kestävien kulkutapojen osuus helsinkiläisten arkipäivän matkoista "
            "liikkumistutkimuksen mukaan.</p>",
            "en": "<p>The share of sustainable modes of transport in Helsinki residents' "
            "weekday trips, according to the travel survey.</p>",
        },
        "unit": {"fi": "%"},
        "quantity": {"fi": "osuus", "sv": "andel", "en": "share"},
        "resolution": "year",
        "minimum_value": 0,
        "maximum_value": 100,
        "decimals": 1,
        "organization": "liikennesuunnittelu",
        "categories": ["liikenne"],
        "contact_persons": ["laura-nieminen"],
        "data_source": {"fi": "Helsingin liikkumistutkimus (esimerkkiaineisto)"},
        "licence": "CC BY 4.0",
        "values": _yearly(
            {
                2012: 76.0,
                2013: 76.4,
                2014: 76.2,
                2015: 77.0,
                2016: 77.1,
                2017: 77.8,
                2018: 78.0,
                2019: 78.3,
                2020: 80.1,
                2021: 79.0,
                2022: 78.6,
                2023: 79.2,
                2024: 79.5,
            }
        ),
        "goals": [("2030", 85), ("2035", 87)],
    },
    {
        "identifier": "coal-share-district-heat",
        "level": "tactical",
        "name": {
            "fi": "Kivihiilen osuus kaukolämmön tuotannosta",
            "sv": "Stenkolets andel av fjärrvärmeproduktionen",
            "en": "Share of coal in district heat production",
        },
        "unit": {"fi": "%"},
        "resolution": "year",
        "desired_direction": "decrease",
        "minimum_value": 0,
        "maximum_value": 100,
        "decimals": 0,
        "organization": "helen",
        "categories": ["energia"],
        "data_source": {"fi": "Helen Oy (esimerkkiaineisto)"},
        "values": _yearly(
            {
                2015: 55,
                2016: 54,
                2017: 50,
                2018: 47,
                2019: 41,
                2020: 35,
                2021: 31,
                2022: 22,
                2023: 8,
                2024: 0,
            }
        ),
        "goals": [("2025", 0)],
    },
    {
        "identifier": "ev-share",
        "level": "tactical",
        "name": {
            "fi": "Täyssähköautojen osuus Helsingin henkilöautokannasta",
            "sv": "Elbilarnas andel av personbilarna i Helsingfors",
            "en": "Share of battery electric cars of passenger cars in Helsinki",
        },
        "unit": {"fi": "%"},
        "resolution": "year",
        "minimum_value": 0,
        "maximum_value": 100,
        "decimals": 1,
        "categories": ["sahkoinen-liikenne"],
        "data_source": {"fi": "Traficom, ajoneuvorekisteri (esimerkkiaineisto)"},
        "values": _yearly(
            {2018: 0.5, 2019: 0.9, 2020: 1.8, 2021: 3.2, 2022: 5.1, 2023: 7.4, 2024: 9.6}
        ),
        "goals": [("2030", 30)],
    },
    {
        "identifier": "baana-km",
        "level": "operational",
        "name": {
            "fi": "Rakennettu baanaverkko",
            "sv": "Byggt snabbcykelnät (baana)",
            "en": "Cycle highway network built",
        },
        "description": {
            "fi": "<p>Valmistuneiden pyöräliikenteen baanojen yhteispituus vuoden lopussa.</p>",
        },
        "unit": {"fi": "km"},
        "resolution": "year",
        "desired_direction": "increase",
        "minimum_value": 0,
        "decimals": 0,
        "organization": "liikennesuunnittelu",
        "categories": ["kavely-ja-pyoraily"],
        "contact_persons": ["laura-nieminen"],
        "values": _yearly({2019: 8, 2020: 11, 2021: 15, 2022: 20, 2023: 26, 2024: 31}),
        "goals": [("2030", 70), ("2035", 130)],
    },
    {
        "identifier": "city-bike-trips",
        "level": "operational",
        "name": {
            "fi": "Kaupunkipyörämatkat kuukaudessa",
            "sv": "Stadscykelresor per månad",
            "en": "City bike trips per month",
        },
        "unit": {"fi": "tuhatta matkaa", "sv": "tusen resor", "en": "thousand trips"},
        "resolution": "month",
        "minimum_value": 0,
        "decimals": 1,
        "organization": "hsl",
        "categories": ["kavely-ja-pyoraily"],
        "data_source": {"fi": "HSL (esimerkkiaineisto)"},
        "values": _CITY_BIKE_TRIPS,
        "goals": [],
    },
    {
        "identifier": "charging-points",
        "level": "operational",
        "name": {
            "fi": "Julkiset sähköautojen latauspisteet",
            "sv": "Offentliga laddpunkter för elbilar",
            "en": "Public charging points for electric cars",
        },
        "unit": {"fi": "kpl", "sv": "st.", "en": "points"},
        "resolution": "year",
        "minimum_value": 0,
        "decimals": 0,
        "categories": ["sahkoinen-liikenne"],
        "values": _yearly({2019: 250, 2020: 400, 2021: 650, 2022: 1000, 2023: 1450, 2024: 1900}),
        "goals": [("2030", 4000)],
    },
    {
        "identifier": "solar-capacity",
        "level": "operational",
        "name": {
            "fi": "Kaupungin kiinteistöjen aurinkosähkökapasiteetti",
            "sv": "Solelkapacitet på stadens fastigheter",
            "en": "Solar power capacity on city buildings",
        },
        "unit": {"fi": "MWp"},
        "resolution": "year",
        "minimum_value": 0,
        "decimals": 1,
        "organization": "kasko",
        "categories": ["energia"],
        "values": _yearly(
            {2018: 1.2, 2019: 1.9, 2020: 2.8, 2021: 4.2, 2022: 5.9, 2023: 7.6, 2024: 9.5}
        ),
        "goals": [("2030", 18)],
    },
    {
        "identifier": "vegetarian-meals",
        "level": "operational",
        "name": {
            "fi": "Kasvisruoan osuus kaupungin ruokapalveluiden aterioista",
            "sv": "Vegetariska måltider av stadens måltidstjänster",
            "en": "Share of vegetarian meals in the city's catering",
        },
        "unit": {"fi": "%"},
        "resolution": "year",
        "minimum_value": 0,
        "maximum_value": 100,
        "decimals": 0,
        "categories": ["hankinnat"],
        "contact_persons": ["minna-turunen"],
        "values": _yearly({2023: 28, 2024: 33}),
        "goals": [("2030", 50)],
    },
]

# (cause, effect, how, confidence)
RELATIONS = [
    ("baana-km", "sustainable-modes-share", "increases", "medium"),
    ("city-bike-trips", "sustainable-modes-share", "increases", "low"),
    ("sustainable-modes-share", "ghg-total", "decreases", "medium"),
    ("charging-points", "ev-share", "increases", "medium"),
    ("ev-share", "ghg-total", "decreases", "medium"),
    ("coal-share-district-heat", "ghg-total", "increases", "high"),
    ("solar-capacity", "ghg-total", "decreases", "low"),
]

# (action, indicator, expected effect, the indicator measures the action's progress)
ACTION_LINKS = [
    ("40", "baana-km", "increases", True),
    ("41", "city-bike-trips", "increases", False),
    ("52", "sustainable-modes-share", "increases", False),
    ("58", "sustainable-modes-share", "increases", False),
    ("60", "charging-points", "increases", True),
    ("65", "ev-share", "increases", False),
    ("72", "ghg-total", "decreases", False),
    ("25", "coal-share-district-heat", "decreases", True),
    ("33", "ghg-total", "decreases", False),
    ("17", "solar-capacity", "increases", True),
    ("90", "vegetarian-meals", "increases", True),
]
