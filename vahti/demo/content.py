"""Demo content: the plan "Hiilineutraali Helsinki 2035" (Carbon-neutral Helsinki 2035).

Pure data, read by ``vahti.demo.loader``. Apart from action 126, which is reproduced
verbatim from its public page on Helsinki's Ilmastovahti site (texts, tasks, contact
persons, responsible unit, date of last update; see
``shared/seed/action-126-ilmastovahti.txt``), everything here is invented demo data: the
other actions, their people, tasks, dates, news and figures are plausible examples and do
not describe the City of Helsinki's actual climate work.

Conventions (the loader depends on them):

- Translated texts are dicts ``{"fi": ..., "sv": ..., "en": ...}``. "fi" is always
  present; "sv"/"en" are deliberately missing from some texts so that the site's fallback
  to Finnish is visible.
- Rich-text fields (intro, description, official_description, task "comment", news
  "body") are HTML using only <p>, <ul>, <ol>, <li>, <strong>, <em>, <a href>, <h3>, <h4>.
  Other texts are plain.
- Dates are "YYYY-MM-DD" or relative to the day of loading: "today+N" / "today-N".
  ``updated_at`` is "YYYY-MM-DDTHH:MM" (Helsinki time) or "today-N".
- Action 126's texts contain the no-break spaces (U+00A0) of the original page, written
  here as ``\\u00a0``.
"""

from vahti.plans import defaults

PLAN = {
    "identifier": "hnh2035",
    "name": {
        "fi": "Hiilineutraali Helsinki 2035",
        "sv": "Koldioxidneutralt Helsingfors 2035",
        "en": "Carbon-neutral Helsinki 2035",
    },
    "short_name": {
        "fi": "Hiilineutraali Helsinki",
        "sv": "Koldioxidneutralt Helsingfors",
        "en": "Carbon-neutral Helsinki",
    },
    "intro": {
        "fi": (
            "<p>Tämä on Vahdin esittelyaineistoa: esimerkkisuunnitelma, joka on rakennettu "
            "Helsingin Hiilineutraali Helsinki 2035 -toimenpideohjelman pohjalta.</p>"
            "<p><strong>Vain toimenpide 126 on todellinen:</strong> se on toistettu "
            "yhteyshenkilöineen Helsingin kaupungin julkiselta "
            '<a href="https://ilmastovahti.hel.fi/">Ilmastovahti-sivustolta</a>. '
            "Kaikki muut toimenpiteet sekä henkilöt, tehtävät, päivämäärät ja uutiset ovat "
            "keksittyjä esimerkkejä, eivätkä ne kuvaa kaupungin todellista ilmastotyötä.</p>"
        ),
        "sv": (
            "<p>Det här är Vahtis demonstrationsmaterial: en exempelplan som bygger på "
            "Helsingfors åtgärdsprogram Koldioxidneutralt Helsingfors 2035.</p>"
            "<p><strong>Endast åtgärd 126 är verklig:</strong> den är återgiven med sina "
            "kontaktpersoner från Helsingfors stads offentliga webbplats "
            '<a href="https://ilmastovahti.hel.fi/">Ilmastovahti</a>. '
            "Alla andra åtgärder samt personer, uppgifter, datum och nyheter är påhittade "
            "exempel och beskriver inte stadens verkliga klimatarbete.</p>"
        ),
        "en": (
            "<p>This is Vahti's demo data: an example plan based on Helsinki's Carbon-neutral "
            "Helsinki 2035 action programme.</p>"
            "<p><strong>Only action 126 is real:</strong> it is reproduced, with its contact "
            "persons, from the City of Helsinki's public "
            '<a href="https://ilmastovahti.hel.fi/">Ilmastovahti (Climate Watch)</a> site. '
            "All other actions, as well as the people, tasks, dates and news, are invented "
            "examples and do not describe the city's actual climate work.</p>"
        ),
    },
    "primary_language": "fi",
    "other_languages": ["sv", "en"],
    "time_zone": "Europe/Helsinki",
}

# ---------------------------------------------------------------------------------------
# The plan's lists, in display order
# ---------------------------------------------------------------------------------------

# Statuses, phases, impacts and the theme type are those every new plan starts from
# (vahti.plans.defaults); the schedules are Helsinki's own.
STATUSES = defaults.STATUSES
PHASES = defaults.PHASES
IMPACTS = defaults.IMPACTS

SCHEDULES = [
    {
        "identifier": "2020-2022",
        "name": {"fi": "2020–2022", "sv": "2020–2022", "en": "2020–2022"},
        "begins_at": "2020-01-01",
        "ends_at": "2022-12-31",
    },
    {
        "identifier": "2023-2025",
        "name": {"fi": "2023–2025", "sv": "2023–2025", "en": "2023–2025"},
        "begins_at": "2023-01-01",
        "ends_at": "2025-12-31",
    },
    {
        "identifier": "2026-2030",
        "name": {"fi": "2026–2030", "sv": "2026–2030", "en": "2026–2030"},
        "begins_at": "2026-01-01",
        "ends_at": "2030-12-31",
    },
    {
        "identifier": "2031-2035",
        "name": {"fi": "2031–2035", "sv": "2031–2035", "en": "2031–2035"},
        "begins_at": "2031-01-01",
        "ends_at": "2035-12-31",
    },
]

CATEGORY_TYPES = defaults.CATEGORY_TYPES

CATEGORIES = [
    # Top-level themes
    {
        "identifier": "rakentaminen",
        "type": "theme",
        "parent": None,
        "name": {
            "fi": "Rakentaminen ja rakennusten käyttö",
            "sv": "Byggande och användning av byggnader",
            "en": "Construction and use of buildings",
        },
        "lead": {
            "fi": "Uusien ja korjattavien rakennusten energiatehokkuus sekä rakentamisen "
            "elinkaaren aikaiset päästöt.",
            "sv": "Energieffektivitet i nya och renoverade byggnader samt byggandets utsläpp "
            "under livscykeln.",
            "en": "Energy efficiency of new and renovated buildings and the life-cycle "
            "emissions of construction.",
        },
        "color": "#9c4f1f",
    },
    {
        "identifier": "energia",
        "type": "theme",
        "parent": None,
        "name": {
            "fi": "Energia ja lämmitys",
            "sv": "Energi och uppvärmning",
            "en": "Energy and heating",
        },
        "lead": {
            "fi": "Kaukolämmön ja sähkön tuotanto ilman fossiilisia polttoaineita.",
            "en": "Producing district heat and electricity without fossil fuels.",
        },
        "color": "#b8860b",
    },
    {
        "identifier": "liikenne",
        "type": "theme",
        "parent": None,
        "name": {"fi": "Liikenne", "sv": "Trafik", "en": "Transport"},
        "lead": {
            "fi": "Kestävien kulkutapojen osuuden kasvattaminen ja liikenteen sähköistäminen.",
            "sv": "Större andel hållbara färdsätt och elektrifiering av trafiken.",
            "en": "A larger share of sustainable modes of transport and electrified traffic.",
        },
        "color": "#0072c6",
    },
    {
        "identifier": "kulutus",
        "type": "theme",
        "parent": None,
        "name": {
            "fi": "Kulutus ja hankinnat",
            "sv": "Konsumtion och upphandling",
            "en": "Consumption and procurement",
        },
        "lead": {
            "fi": "Kaupungin hankintojen ja kaupunkilaisten kulutuksen ilmastovaikutusten "
            "vähentäminen.",
        },
        "color": "#00777a",
    },
    {
        "identifier": "smart-clean",
        "type": "theme",
        "parent": None,
        "name": {
            "fi": "Smart & Clean kasvu – uusia työpaikkoja ja liiketoimintaa Helsinkiin",
            "sv": "Smart & Clean-tillväxt – nya arbetstillfällen och affärsverksamhet "
            "i Helsingfors",
            "en": "Smart & Clean growth – new jobs and business for Helsinki",
        },
        "lead": {
            "fi": "Ilmastotyö kasvun ja uusien työpaikkojen lähteenä.",
            "sv": "Klimatarbetet som källa till tillväxt och nya arbetstillfällen.",
            "en": "Climate action as a source of growth and new jobs.",
        },
        "color": "#2e7d32",
    },
    {
        "identifier": "osallisuus",
        "type": "theme",
        "parent": None,
        "name": {
            "fi": "Kaupunkilaisten osallisuus ja viestintä",
            "sv": "Invånarnas delaktighet och kommunikation",
            "en": "Resident participation and communication",
        },
        "lead": {
            "fi": "Kaupunkilaiset, koulut ja yhteisöt mukaan ilmastotyöhön.",
            "sv": "Invånare, skolor och föreningar med i klimatarbetet.",
            "en": "Bringing residents, schools and communities into climate action.",
        },
        "color": "#a4286a",
    },
    {
        "identifier": "hiilinielut",
        "type": "theme",
        "parent": None,
        "name": {"fi": "Hiilinielut", "sv": "Kolsänkor", "en": "Carbon sinks"},
        "lead": {
            "fi": "Metsien, puistojen ja maaperän hiilinielujen ja -varastojen vahvistaminen.",
        },
        "color": "#4b6b2a",
    },
    {
        "identifier": "seuranta",
        "type": "theme",
        "parent": None,
        "name": {
            "fi": "Seuranta ja raportointi",
            "sv": "Uppföljning och rapportering",
            "en": "Monitoring and reporting",
        },
        "lead": {
            "fi": "Päästöjen, mittareiden ja toimenpiteiden etenemisen seuranta.",
            "sv": "Uppföljning av utsläpp, indikatorer och åtgärdernas framsteg.",
            "en": "Monitoring emissions, indicators and the progress of actions.",
        },
        "color": "#505a6b",
    },
    # Sub-themes
    {
        "identifier": "uudisrakentaminen",
        "type": "theme",
        "parent": "rakentaminen",
        "name": {"fi": "Uudisrakentaminen", "sv": "Nybyggnad", "en": "New construction"},
        "color": "",
    },
    {
        "identifier": "korjausrakentaminen",
        "type": "theme",
        "parent": "rakentaminen",
        "name": {
            "fi": "Korjausrakentaminen ja energiatehokkuus",
            "sv": "Renovering och energieffektivitet",
            "en": "Renovation and energy efficiency",
        },
        "color": "",
    },
    {
        "identifier": "kavely-ja-pyoraily",
        "type": "theme",
        "parent": "liikenne",
        "name": {"fi": "Kävely ja pyöräily", "sv": "Gång och cykling", "en": "Walking and cycling"},
        "color": "",
    },
    {
        "identifier": "liikenteen-hinnoittelu",
        "type": "theme",
        "parent": "liikenne",
        "name": {
            "fi": "Liikenteen hinnoittelu",
            "sv": "Prissättning av trafiken",
            "en": "Transport pricing",
        },
        "color": "",
    },
    {
        "identifier": "sahkoinen-liikenne",
        "type": "theme",
        "parent": "liikenne",
        "name": {"fi": "Sähköinen liikenne", "sv": "Eldriven trafik", "en": "Electric transport"},
        "color": "",
    },
    {
        "identifier": "hankinnat",
        "type": "theme",
        "parent": "kulutus",
        "name": {"fi": "Hankinnat", "sv": "Upphandling", "en": "Procurement"},
        "color": "",
    },
    {
        "identifier": "kiertotalous",
        "type": "theme",
        "parent": "kulutus",
        "name": {"fi": "Kiertotalous", "sv": "Cirkulär ekonomi", "en": "Circular economy"},
        "color": "",
    },
]

ORGANIZATIONS = [
    {
        "identifier": "kanslia",
        "parent": None,
        "name": {"fi": "Kaupunginkanslia", "sv": "Stadskansliet", "en": "City Executive Office"},
        "abbreviation": {"fi": "Kanslia"},
    },
    {
        "identifier": "elo",
        "parent": "kanslia",
        "name": {
            "fi": "Elinkeino-osasto",
            "sv": "Näringslivsavdelningen",
            "en": "Economic Development Division",
        },
        "abbreviation": {"fi": "Elo"},
    },
    {
        "identifier": "strategia",
        "parent": "kanslia",
        "name": {"fi": "Strategiaosasto", "sv": "Strategiavdelningen", "en": "Strategy Division"},
    },
    {
        "identifier": "hankintakeskus",
        "parent": "kanslia",
        "name": {
            "fi": "Hankintakeskus",
            "sv": "Upphandlingscentralen",
            "en": "Procurement Centre",
        },
    },
    {
        "identifier": "kymp",
        "parent": None,
        "name": {
            "fi": "Kaupunkiympäristön toimiala",
            "sv": "Stadsmiljösektorn",
            "en": "Urban Environment Division",
        },
        "abbreviation": {"fi": "Kymp"},
    },
    {
        "identifier": "ympa",
        "parent": "kymp",
        "name": {"fi": "Ympäristöpalvelut", "sv": "Miljötjänster", "en": "Environmental Services"},
        "abbreviation": {"fi": "Ympa"},
    },
    {
        "identifier": "liikennesuunnittelu",
        "parent": "kymp",
        "name": {
            "fi": "Liikenne- ja katusuunnittelu",
            "sv": "Trafik- och gatuplanering",
            "en": "Traffic and Street Planning",
        },
    },
    {
        "identifier": "rakennettu",
        "parent": "kymp",
        "name": {
            "fi": "Rakennetun omaisuuden hallinta",
            "sv": "Förvaltning av byggd egendom",
            "en": "Built Assets Management",
        },
    },
    {
        "identifier": "stara",
        "parent": "kymp",
        "name": {
            "fi": "Rakentamispalvelu Stara",
            "sv": "Byggtjänsten Stara",
            "en": "Stara Construction Services",
        },
        "abbreviation": {"fi": "Stara"},
    },
    {
        "identifier": "kasko",
        "parent": None,
        "name": {
            "fi": "Kasvatuksen ja koulutuksen toimiala",
            "sv": "Fostrans- och utbildningssektorn",
            "en": "Education Division",
        },
        "abbreviation": {"fi": "Kasko"},
    },
    {
        "identifier": "kuva",
        "parent": None,
        "name": {
            "fi": "Kulttuurin ja vapaa-ajan toimiala",
            "sv": "Kultur- och fritidssektorn",
            "en": "Culture and Leisure Division",
        },
        "abbreviation": {"fi": "Kuva"},
    },
    {
        "identifier": "sote",
        "parent": None,
        "name": {
            "fi": "Sosiaali- ja terveystoimiala",
            "sv": "Social- och hälsovårdssektorn",
            "en": "Social Services and Health Care Division",
        },
        "abbreviation": {"fi": "Sote"},
    },
    {
        "identifier": "palu",
        "parent": None,
        "name": {
            "fi": "Palvelukeskus Helsinki",
            "sv": "Servicecentralen Helsingfors",
            "en": "Service Centre Helsinki",
        },
        "abbreviation": {"fi": "Palu"},
    },
    {
        "identifier": "hsl",
        "parent": None,
        "name": {
            "fi": "Helsingin seudun liikenne -kuntayhtymä",
            "sv": "Samkommunen Helsingforsregionens trafik",
            "en": "Helsinki Region Transport",
        },
        "abbreviation": {"fi": "HSL", "sv": "HRT", "en": "HSL"},
    },
    {
        "identifier": "helen",
        "parent": None,
        "name": {"fi": "Helen Oy", "sv": "Helen Ab", "en": "Helen Ltd"},
    },
]

PEOPLE = [
    # The two contact persons of action 126, as on the Ilmastovahti page (no e-mail).
    {
        "key": "mikko-martikka",
        "first_name": "Mikko",
        "last_name": "Martikka",
        "title": {"fi": "erityissuunnittelija", "sv": "specialplanerare", "en": "special planner"},
        "organization": "elo",
        "email": "",
    },
    {
        "key": "kimmo-heinonen",
        "first_name": "Kimmo",
        "last_name": "Heinonen",
        "title": {
            "fi": "johtava asiantuntija",
            "sv": "ledande sakkunnig",
            "en": "leading specialist",
        },
        "organization": "elo",
        "email": "",
    },
    # Invented people.
    {
        "key": "aino-virtanen",
        "first_name": "Aino",
        "last_name": "Virtanen",
        "title": {"fi": "ilmastoasiantuntija", "sv": "klimatsakkunnig", "en": "climate specialist"},
        "organization": "strategia",
        "email": "aino.virtanen@example.invalid",
    },
    {
        "key": "elina-hamalainen",
        "first_name": "Elina",
        "last_name": "Hämäläinen",
        "title": {"fi": "tutkija", "sv": "forskare", "en": "researcher"},
        "organization": "ympa",
        "email": "elina.hamalainen@example.invalid",
    },
    {
        "key": "juha-korhonen",
        "first_name": "Juha",
        "last_name": "Korhonen",
        "title": {"fi": "energia-asiantuntija", "sv": "energisakkunnig", "en": "energy specialist"},
        "organization": "ympa",
        "email": "juha.korhonen@example.invalid",
    },
    {
        "key": "antti-heikkinen",
        "first_name": "Antti",
        "last_name": "Heikkinen",
        "title": {
            "fi": "ympäristötarkastaja",
            "sv": "miljöinspektör",
            "en": "environmental inspector",
        },
        "organization": "ympa",
        "email": "antti.heikkinen@example.invalid",
    },
    {
        "key": "laura-nieminen",
        "first_name": "Laura",
        "last_name": "Nieminen",
        "title": {"fi": "liikenneinsinööri", "sv": "trafikingenjör", "en": "traffic engineer"},
        "organization": "liikennesuunnittelu",
        "email": "laura.nieminen@example.invalid",
    },
    {
        "key": "tuomas-kallio",
        "first_name": "Tuomas",
        "last_name": "Kallio",
        "title": {
            "fi": "liikennesuunnittelija",
            "sv": "trafikplanerare",
            "en": "transport planner",
        },
        "organization": "liikennesuunnittelu",
        "email": "tuomas.kallio@example.invalid",
    },
    {
        "key": "petri-makinen",
        "first_name": "Petri",
        "last_name": "Mäkinen",
        "title": {"fi": "projektipäällikkö", "sv": "projektchef", "en": "project manager"},
        "organization": "rakennettu",
        "email": "petri.makinen@example.invalid",
    },
    {
        "key": "ville-jarvinen",
        "first_name": "Ville",
        "last_name": "Järvinen",
        "title": {"fi": "metsäsuunnittelija"},
        "organization": "kymp",
        "email": "ville.jarvinen@example.invalid",
    },
    {
        "key": "sanna-lehtonen",
        "first_name": "Sanna",
        "last_name": "Lehtonen",
        "title": {
            "fi": "hankinta-asiantuntija",
            "sv": "upphandlingsexpert",
            "en": "procurement specialist",
        },
        "organization": "hankintakeskus",
        "email": "sanna.lehtonen@example.invalid",
    },
    {
        "key": "markus-rantanen",
        "first_name": "Markus",
        "last_name": "Rantanen",
        "title": {"fi": "kalustopäällikkö", "sv": "materielchef", "en": "fleet manager"},
        "organization": "stara",
        "email": "markus.rantanen@example.invalid",
    },
    {
        "key": "sami-hiltunen",
        "first_name": "Sami",
        "last_name": "Hiltunen",
        "title": {"fi": "massakoordinaattori"},
        "organization": "stara",
        "email": "sami.hiltunen@example.invalid",
    },
    {
        "key": "timo-laaksonen",
        "first_name": "Timo",
        "last_name": "Laaksonen",
        "title": {"fi": "suunnittelupäällikkö", "sv": "planeringschef", "en": "planning manager"},
        "organization": "hsl",
        "email": "timo.laaksonen@example.invalid",
    },
    {
        "key": "riikka-salminen",
        "first_name": "Riikka",
        "last_name": "Salminen",
        "title": {"fi": "kehityspäällikkö", "sv": "utvecklingschef", "en": "development manager"},
        "organization": "helen",
        "email": "riikka.salminen@example.invalid",
    },
    {
        "key": "hanna-koskinen",
        "first_name": "Hanna",
        "last_name": "Koskinen",
        "title": {
            "fi": "kehittämiskoordinaattori",
            "sv": "utvecklingskoordinator",
            "en": "development coordinator",
        },
        "organization": "kasko",
        "email": "hanna.koskinen@example.invalid",
    },
    {
        "key": "katja-laine",
        "first_name": "Katja",
        "last_name": "Laine",
        "title": {
            "fi": "osallisuussuunnittelija",
            "sv": "delaktighetsplanerare",
            "en": "participation planner",
        },
        "organization": "kuva",
        "email": "katja.laine@example.invalid",
    },
    {
        "key": "jari-peltonen",
        "first_name": "Jari",
        "last_name": "Peltonen",
        "title": {"fi": "palvelupäällikkö", "sv": "servicechef", "en": "service manager"},
        "organization": "palu",
        "email": "jari.peltonen@example.invalid",
    },
    {
        "key": "minna-turunen",
        "first_name": "Minna",
        "last_name": "Turunen",
        "title": {
            "fi": "ravitsemusasiantuntija",
            "sv": "nutritionsexpert",
            "en": "nutrition specialist",
        },
        "organization": "palu",
        "email": "minna.turunen@example.invalid",
    },
]

# ---------------------------------------------------------------------------------------
# Actions
# ---------------------------------------------------------------------------------------

ACTIONS = [
    # --- Rakentaminen ja rakennusten käyttö -----------------------------------------------
    {
        "identifier": "1",
        "history": [{"date": "today-300", "status": "not_started"}],
        "name": {
            "fi": "Energiatehokkuusvaatimukset kaupungin tontinluovutuksessa",
            "sv": "Energieffektivitetskrav vid stadens tomtöverlåtelser",
            "en": "Energy-efficiency requirements in the city's plot allocation",
        },
        "lead": {
            "fi": "Kaupungin luovuttamille tonteille rakennettavilta uusilta rakennuksilta "
            "edellytetään kansallista vähimmäistasoa parempaa energiatehokkuutta.",
            "sv": "Nya byggnader på tomter som staden överlåter ska vara mer energieffektiva "
            "än den nationella miniminivån kräver.",
            "en": "New buildings on plots allocated by the city must be more energy-efficient "
            "than the national minimum requires.",
        },
        "description": {
            "fi": "<p>Tontinluovutusehtoihin on kirjattu vaatimus, jonka mukaan uusien asuin- "
            "ja toimitilarakennusten E-luvun on oltava vähintään 20 prosenttia "
            "rakentamismääräysten vaatimustasoa parempi. Vaatimuksen toteutumista seurataan "
            "rakennuslupavaiheessa sekä käyttöönoton jälkeen mitatun energiankulutuksen "
            "avulla.</p>"
            "<p>Vaatimustasoa tarkistetaan aina, kun rakennusten energiatehokkuutta koskevat "
            "kansalliset määräykset muuttuvat.</p>",
        },
        "categories": ["uudisrakentaminen"],
        "status": "on_time",
        "implementation_phase": "continuous",
        "impact": "significant",
        "schedules": [],
        "start_date": "2020-01-01",
        "end_date": None,
        "schedule_continuous": True,
        "responsible_parties": [("kymp", "primary"), ("ympa", "collaborator")],
        "contact_persons": [("juha-korhonen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Vaatimus lisätty tontinluovutusehtojen vakiomalliin"},
                "state": "completed",
                "due_at": "2020-06-30",
                "completed_at": "2020-06-15",
            },
            {
                "name": {"fi": "Ensimmäisten kohteiden toteutuneen energiankulutuksen vertailu"},
                "state": "completed",
                "due_at": "2024-03-31",
                "completed_at": "2024-03-28",
                "comment": {
                    "fi": "<p>Vertailuun saatiin 38 kerrostaloa. Mitattu kulutus oli "
                    "keskimäärin 12 prosenttia suunniteltua suurempi, mikä otetaan huomioon "
                    "vaatimustason päivityksessä.</p>",
                },
            },
            {
                "name": {"fi": "Vaatimustason päivittäminen uuden rakentamislain mukaiseksi"},
                "state": "in_progress",
                "due_at": "today+60",
                "completed_at": None,
            },
            {
                "name": {"fi": "Seurantaraportti kaupunkiympäristölautakunnalle"},
                "state": "not_started",
                "due_at": "today+180",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-45",
    },
    {
        "identifier": "2",
        "name": {
            "fi": "Rakennusten elinkaaren hiilijalanjälki kaupungin rakennushankkeissa",
            "sv": "Byggnaders klimatavtryck under livscykeln i stadens byggprojekt",
            "en": "Life-cycle carbon footprint of buildings in the city's construction projects",
        },
        "lead": {
            "fi": "Kaupungin omissa uudis- ja korjaushankkeissa lasketaan rakennuksen "
            "elinkaaren hiilijalanjälki, ja sille asetetaan raja-arvo.",
            "sv": "I stadens egna nybyggnads- och renoveringsprojekt beräknas byggnadens "
            "klimatavtryck under livscykeln, och ett gränsvärde fastställs för det.",
            "en": "The city calculates the life-cycle carbon footprint of its own new-build "
            "and renovation projects and sets a limit for it.",
        },
        "description": {
            "fi": "<p>Hiilijalanjälki lasketaan ympäristöministeriön rakennusten "
            "vähähiilisyyden arviointimenetelmällä suunnitteluvaiheessa ja uudelleen ennen "
            "käyttöönottoa. Laskennan tulokset kootaan vertailuaineistoksi, jonka perusteella "
            "kaupungin hankkeille asetetaan rakennustyyppikohtaiset raja-arvot.</p>"
            "<p>Vähähiilisten rakennusmateriaalien kokeilut (aiempi toimenpide 3) "
            "yhdistettiin tähän toimenpiteeseen keväällä 2022.</p>",
        },
        "categories": ["uudisrakentaminen"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "moderate",
        "schedules": ["2023-2025", "2026-2030"],
        "start_date": "2021-01-01",
        "end_date": "2030-12-31",
        "schedule_continuous": False,
        "responsible_parties": [("rakennettu", "primary"), ("ympa", "collaborator")],
        "contact_persons": [("petri-makinen", "contact"), ("aino-virtanen", "editor")],
        "tasks": [
            {
                "name": {"fi": "Laskentaohje kaupungin rakennushankkeille"},
                "state": "completed",
                "due_at": "2021-12-31",
                "completed_at": "2021-11-30",
            },
            {
                "name": {"fi": "Kymmenen pilottikohteen hiilijalanjälki laskettu"},
                "state": "completed",
                "due_at": "2023-06-30",
                "completed_at": "2023-05-15",
            },
            {
                "name": {"fi": "Raja-arvoehdotus päiväkodeille ja kouluille"},
                "state": "in_progress",
                "due_at": "today+25",
                "completed_at": None,
                "comment": {
                    "fi": "<p>Ehdotus perustuu pilottikohteiden tuloksiin. Luonnos on "
                    "kommentoitavana kasvatuksen ja koulutuksen toimialalla.</p>",
                },
            },
            {
                "name": {"fi": "Raja-arvot kaupungin hankeohjeeseen"},
                "state": "not_started",
                "due_at": "today+120",
                "completed_at": None,
            },
            {
                "name": {"fi": "Vähähiilisen betonin kokeilu kahdessa koulukohteessa"},
                "state": "not_started",
                "due_at": "today+270",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-12",
    },
    {
        "identifier": "3",
        "name": {
            "fi": "Vähähiilisten rakennusmateriaalien kokeilut",
            "sv": "Försök med koldioxidsnåla byggmaterial",
            "en": "Trials of low-carbon building materials",
        },
        "lead": {
            "fi": "Kaupungin rakennushankkeissa kokeillaan vähähiilistä betonia, puuta ja "
            "uudelleenkäytettyjä rakennusosia.",
        },
        "description": {
            "fi": "<p>Toimenpide on yhdistetty toimenpiteeseen 2, jossa materiaalikokeiluja "
            "jatketaan osana rakennusten elinkaaren hiilijalanjäljen hallintaa.</p>",
        },
        "categories": ["uudisrakentaminen"],
        "status": "cancelled",
        "implementation_phase": None,
        "impact": None,
        "schedules": ["2020-2022"],
        "start_date": None,
        "end_date": None,
        "schedule_continuous": False,
        "responsible_parties": [("rakennettu", "primary")],
        "contact_persons": [("petri-makinen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Puurakentamisen kokeilukohteiden kartoitus"},
                "state": "completed",
                "due_at": "2020-09-30",
                "completed_at": "2020-09-30",
            },
            {
                "name": {"fi": "Vähähiilisen betonin pilottikohteen kilpailutus"},
                "state": "cancelled",
                "due_at": "2022-06-30",
                "completed_at": "2022-03-15",
                "comment": {
                    "fi": "<p>Peruttu, koska materiaalikokeilut siirrettiin toimenpiteeseen 2.</p>",
                },
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": "2",
        "visibility": "public",
        "published": True,
        "internal_notes": "Yhdistetty toimenpiteeseen 2 ohjausryhmän päätöksellä 3/2022. "
        "Sivu säilytetään, jotta vanhat linkit toimivat.",
        "updated_at": "2022-03-15T14:20",
    },
    {
        "identifier": "9",
        "name": {
            "fi": "Taloyhtiöiden energiaremonttien neuvonta",
            "sv": "Rådgivning om energirenoveringar för husbolag",
            "en": "Advice for housing companies on energy renovations",
        },
        "lead": {
            "fi": "Kaupunki tarjoaa taloyhtiöille maksutonta neuvontaa energiaremonttien "
            "suunnitteluun ja rahoitukseen.",
            "sv": "Staden erbjuder husbolag kostnadsfri rådgivning om planering och "
            "finansiering av energirenoveringar.",
            "en": "The city offers housing companies free advice on planning and financing "
            "energy renovations.",
        },
        "description": {
            "fi": "<p>Suurin osa Helsingin asuinrakennuksista on taloyhtiöiden omistamia, "
            "joten niiden energiaremontit ovat rakennusten lämmityksen päästöjen "
            "vähentämisen tärkein yksittäinen keino. Kaupungin energia-asiantuntijat "
            "auttavat taloyhtiöiden hallituksia ja isännöitsijöitä:</p>"
            "<ul>"
            "<li>kartoittamaan kannattavat energiatehokkuustoimet, kuten "
            "poistoilman lämmöntalteenoton ja maalämmön,</li>"
            "<li>laatimaan hankesuunnitelman ja kilpailuttamaan suunnittelijat,</li>"
            "<li>hakemaan valtion energia-avustuksia.</li>"
            "</ul>"
            "<p>Neuvonnan tuloksia seurataan taloyhtiöiden toteutuneiden investointien ja "
            "säästetyn energian avulla.</p>",
        },
        "categories": ["korjausrakentaminen"],
        "status": "on_time",
        "implementation_phase": "continuous",
        "impact": "significant",
        "schedules": ["2020-2022", "2023-2025", "2026-2030"],
        "start_date": "2020-03-01",
        "end_date": None,
        "schedule_continuous": True,
        "responsible_parties": [("ympa", "primary"), ("helen", "collaborator")],
        "contact_persons": [("juha-korhonen", "contact"), ("antti-heikkinen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Energiaremonttien neuvontapalvelu avattu"},
                "state": "completed",
                "due_at": "2020-03-31",
                "completed_at": "2020-03-02",
            },
            {
                "name": {"fi": "Taloyhtiöiden energiaremonttiopas julkaistu"},
                "state": "completed",
                "due_at": "2021-04-30",
                "completed_at": "2021-04-20",
            },
            {
                "name": {"fi": "Neuvontaa saaneiden taloyhtiöiden määrä ylittää 300"},
                "state": "completed",
                "due_at": "2024-12-31",
                "completed_at": "2024-05-31",
            },
            {
                "name": {"fi": "Neuvonnan vaikuttavuusarvio"},
                "state": "in_progress",
                "due_at": "today+10",
                "completed_at": None,
                "comment": {
                    "fi": "<p>Arviossa verrataan neuvontaa saaneiden ja muiden taloyhtiöiden "
                    "lämmönkulutuksen kehitystä Helenin kulutustietojen avulla.</p>",
                },
            },
            {
                "name": {"fi": "Isännöitsijöiden koulutussarja"},
                "state": "not_started",
                "due_at": "today+95",
                "completed_at": None,
            },
            {
                "name": {"fi": "Neuvontapalvelun jatkorahoituksen valmistelu"},
                "state": "not_started",
                "due_at": "today+210",
                "completed_at": None,
            },
        ],
        "news_posts": [
            {
                "title": {
                    "fi": "Taloyhtiöiden energiailta keräsi ennätysyleisön",
                    "en": "Record turnout at the energy evening for housing companies",
                },
                "published_on": "today-30",
                "author": "juha-korhonen",
                "body": {
                    "fi": "<p>Kaupungin järjestämään taloyhtiöiden energiailtaan osallistui "
                    "noin 240 hallitusten jäsentä ja isännöitsijää. Illan aiheina olivat "
                    "poistoilmalämpöpumput, aurinkosähkö ja valtion energia-avustusten "
                    "hakeminen.</p>"
                    "<p>Tallenne ja esitykset löytyvät neuvontapalvelun sivuilta.</p>",
                    "en": "<p>Some 240 board members and property managers attended the "
                    "city's energy evening for housing companies. The topics were exhaust "
                    "air heat pumps, solar power and applying for state energy grants.</p>"
                    "<p>The recording and slides are available on the advisory service's "
                    "website.</p>",
                },
            },
            {
                "title": {"fi": "Energiaremonttiopas päivitetty"},
                "published_on": "2024-09-16",
                "author": "antti-heikkinen",
                "body": {
                    "fi": "<p>Taloyhtiöiden energiaremonttiopas on päivitetty. Uudessa "
                    "versiossa on esimerkkilaskelmat <strong>poistoilmalämpöpumpun</strong> "
                    "ja <strong>maalämmön</strong> takaisinmaksuajoista sekä tarkistuslista "
                    "yhtiökokouksen päätöksentekoa varten.</p>",
                },
            },
        ],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-6",
    },
    {
        "identifier": "10",
        "history": [
            {"date": "today-420", "status": "not_started"},
            {"date": "today-240", "status": "on_time"},
        ],
        "name": {
            "fi": "Kaupungin omien rakennusten energiakorjausohjelma",
            "sv": "Energirenoveringsprogram för stadens egna byggnader",
            "en": "Energy renovation programme for the city's own buildings",
        },
        "lead": {
            "fi": "Kaupungin palvelurakennusten energiankulutusta vähennetään korjaushankkeilla "
            "ja käytön ohjauksella.",
            "sv": "Energiförbrukningen i stadens servicebyggnader minskas genom renoveringar "
            "och bättre driftstyrning.",
            "en": "Energy use in the city's service buildings is cut through renovations and "
            "better operational control.",
        },
        "description": {
            "fi": "<p>Ohjelma kattaa koulut, päiväkodit, kirjastot, liikuntapaikat sekä "
            "sosiaali- ja terveyspalvelujen rakennukset. Korjaushankkeiden yhteydessä "
            "uusitaan ilmanvaihdon lämmöntalteenotto ja valaistus, ja rakennukset liitetään "
            "keskitettyyn rakennusautomaation valvontaan. Vastaavaa neuvontaa taloyhtiöille "
            "tarjotaan toimenpiteessä 9.</p>"
            "<p>Tavoitteena on vähentää kaupungin omien rakennusten lämmönkulutusta 20 "
            "prosenttia ja sähkönkulutusta 10 prosenttia vuoden 2015 tasosta vuoteen 2030 "
            "mennessä.</p>",
        },
        "categories": ["korjausrakentaminen"],
        "status": "late",
        "implementation_phase": "implementation",
        "impact": "significant",
        "schedules": ["2023-2025", "2026-2030"],
        "start_date": "2020-01-01",
        "end_date": "2030-12-31",
        "schedule_continuous": False,
        "responsible_parties": [
            ("rakennettu", "primary"),
            ("kasko", "collaborator"),
            ("kuva", "collaborator"),
            ("sote", "collaborator"),
        ],
        "contact_persons": [("petri-makinen", "contact"), ("aino-virtanen", "editor")],
        "tasks": [
            {
                "name": {"fi": "Energiakatselmukset 50 koulussa ja päiväkodissa"},
                "state": "completed",
                "due_at": "2022-12-31",
                "completed_at": "2022-12-15",
            },
            {
                "name": {"fi": "Rakennusautomaation etävalvonta laajennettu 400 rakennukseen"},
                "state": "completed",
                "due_at": "2024-12-31",
                "completed_at": "2024-10-31",
            },
            {
                "name": {"fi": "Lämmöntalteenoton uusiminen 12 koulussa"},
                "state": "in_progress",
                "due_at": "today-40",
                "completed_at": None,
                "comment": {
                    "fi": "<p>Urakoiden kilpailutus viivästyi, koska kahteen kohteeseen ei "
                    "saatu tarjouksia. Kohteet kilpailutetaan uudelleen.</p>",
                },
            },
            {
                "name": {"fi": "Liikuntapaikkojen valaistuksen uusiminen LED-valaisimiin"},
                "state": "not_started",
                "due_at": "today-120",
                "completed_at": None,
            },
            {
                "name": {"fi": "Energiankulutuksen seurantaraportti"},
                "state": "not_started",
                "due_at": "today+75",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "Kasko on pyytänyt, että kouluhankkeiden aikataulut käydään "
        "yhdessä läpi ennen seuraavaa seurantaraporttia.",
        "updated_at": "today-95",
    },
    {
        "identifier": "11",
        "history": [{"date": "today-380", "status": "late"}],
        "name": {
            "fi": "Maalämpö ja hukkalämpö kaupungin kiinteistöjen lämmityksessä",
            "sv": "Bergvärme och spillvärme för uppvärmning av stadens fastigheter",
            "en": "Geothermal and waste heat for heating the city's properties",
        },
        "lead": {
            "fi": "Kaupungin kiinteistöissä otetaan kaukolämmön rinnalle lämpöpumppuja "
            "kaikkialla, missä se on kannattavaa.",
            "sv": "Stadens fastigheter kompletterar fjärrvärmen med värmepumpar överallt där "
            "det är lönsamt.",
            "en": "The city's properties add heat pumps alongside district heating wherever "
            "it pays off.",
        },
        "description": {
            "fi": "<p>Kiinteistöille tehdään lämmitystapaselvitys aina peruskorjauksen "
            "yhteydessä. Selvityksessä verrataan maalämmön, poistoilmalämpöpumppujen ja "
            "kaukolämmön elinkaarikustannuksia ja päästöjä. Ensimmäiset kohteet ovat kouluja "
            "ja päiväkoteja, joissa lämpöpumpuilla voidaan tuottaa myös jäähdytystä.</p>",
        },
        "categories": ["korjausrakentaminen"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "moderate",
        "schedules": ["2023-2025", "2026-2030"],
        "start_date": "2023-01-01",
        "end_date": "2027-12-31",
        "schedule_continuous": False,
        "responsible_parties": [("rakennettu", "primary"), ("helen", "collaborator")],
        "contact_persons": [("petri-makinen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Lämmitystapaselvityksen malli hyväksytty"},
                "state": "completed",
                "due_at": "2023-06-30",
                "completed_at": "2023-06-12",
            },
            {
                "name": {"fi": "Ensimmäiset kolme maalämpökohdetta käytössä"},
                "state": "completed",
                "due_at": "2024-12-31",
                "completed_at": "2025-01-20",
            },
            {
                "name": {"fi": "Lämpöpumppujen soveltuvuuskartoitus 60 kiinteistöön"},
                "state": "in_progress",
                "due_at": "today+140",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-60",
    },
    # --- Energia ja lämmitys ---------------------------------------------------------------
    {
        "identifier": "17",
        "name": {
            "fi": "Aurinkosähkö kaupungin kiinteistöjen katoille",
            "sv": "Solel på taken till stadens fastigheter",
            "en": "Solar power on the roofs of the city's properties",
        },
        "lead": {
            "fi": "Kaupungin kiinteistöjen katoille rakennetaan aurinkovoimala aina, kun katto "
            "korjataan tai rakennus on uusi.",
            "en": "A solar power plant is installed on the city's buildings whenever a roof "
            "is renovated or a building is new.",
        },
        "description": {
            "fi": "<p>Aurinkovoimaloiden soveltuvuus arvioidaan kaupungin energia- ja "
            "ilmastoatlaksen aurinkopotentiaalitietojen avulla. Tuotettu sähkö käytetään "
            "pääosin kiinteistössä itsessään, mikä vähentää ostosähkön tarvetta "
            "kesäkaudella.</p>"
            "<p>Toimenpiteen tavoite, 5 megawattia kaupungin kiinteistöjen katoilla, "
            "saavutettiin vuoden 2022 lopussa. Uusia voimaloita rakennetaan edelleen osana "
            "korjaushankkeita.</p>",
        },
        "categories": ["energia"],
        "status": "completed",
        "implementation_phase": "completed",
        "impact": "small",
        "schedules": ["2020-2022"],
        "start_date": "2020-01-01",
        "end_date": "2022-12-31",
        "schedule_continuous": False,
        "responsible_parties": [("rakennettu", "primary"), ("stara", "collaborator")],
        "contact_persons": [("petri-makinen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Soveltuvien kattojen kartoitus"},
                "state": "completed",
                "due_at": "2020-06-30",
                "completed_at": "2020-05-29",
            },
            {
                "name": {"fi": "Ensimmäiset 20 aurinkovoimalaa käytössä"},
                "state": "completed",
                "due_at": "2021-09-30",
                "completed_at": "2021-09-30",
            },
            {
                "name": {"fi": "Aurinkosähkön yhteishankinta taloyhtiöille"},
                "state": "cancelled",
                "due_at": "2022-06-30",
                "completed_at": "2021-11-10",
                "comment": {
                    "fi": "<p>Peruttu: markkinoilla on riittävästi kaupallisia "
                    "yhteishankintoja, joten kaupungin oma kilpailutus ei ollut tarpeen.</p>",
                },
            },
            {
                "name": {
                    "fi": "Tavoite 5 MWp saavutettu",
                    "en": "Target of 5 MWp reached",
                },
                "state": "completed",
                "due_at": "2022-12-31",
                "completed_at": "2022-12-20",
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "2023-01-16T13:05",
    },
    {
        "identifier": "25",
        "name": {
            "fi": "Kaukolämmön tuotanto ilman kivihiiltä",
            "sv": "Fjärrvärmeproduktion utan stenkol",
            "en": "District heat production without coal",
        },
        "lead": {
            "fi": "Helen korvaa kivihiilen kaukolämmön tuotannossa lämpöpumpuilla, "
            "sähkökattiloilla, hukkalämmöillä ja kestävästi tuotetulla biomassalla.",
            "sv": "Helen ersätter stenkolen i fjärrvärmeproduktionen med värmepumpar, "
            "elpannor, spillvärme och hållbart producerad biomassa.",
            "en": "Helen is replacing coal in district heat production with heat pumps, "
            "electric boilers, waste heat and sustainably produced biomass.",
        },
        "description": {
            "fi": "<p>Kaukolämpö on Helsingin suurin yksittäinen päästölähde. Kivihiilestä "
            "luopuminen on ohjelman päästövaikutukseltaan merkittävin toimenpide, ja se "
            "toteutetaan Helen Oy:n investointiohjelmalla. Kaupunki seuraa omistajana "
            "investointien aikataulua ja kaukolämmön päästökertoimen kehitystä.</p>"
            "<p>Hukkalämpöjen talteenottoa käsitellään tarkemmin toimenpiteessä 33.</p>",
            "en": "<p>District heating is Helsinki's largest single source of emissions. "
            "Phasing out coal is the action with the greatest emission impact in the "
            "programme, and it is carried out through Helen Ltd's investment programme. As "
            "the owner, the city follows the schedule of the investments and the trend of "
            "the district heat emission factor.</p>"
            "<p>The recovery of waste heat is covered in more detail in action 33.</p>",
        },
        "official_name": {"fi": "Kivihiilen käytöstä luopuminen kaukolämmön tuotannossa"},
        "official_description": {
            "fi": "<p>Helen Oy luopuu kivihiilen käytöstä ja korvaa sen päästöttömillä "
            "ja vähäpäästöisillä lämmöntuotantomuodoilla.</p>",
        },
        "official_description_source": {
            "fi": "Hiilineutraali Helsinki 2035 -toimenpideohjelmasta",
            "sv": "Ur åtgärdsprogrammet Koldioxidneutralt Helsingfors 2035",
            "en": "From the Carbon-neutral Helsinki 2035 action programme",
        },
        "categories": ["energia"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "very_significant",
        "schedules": ["2020-2022", "2023-2025", "2026-2030"],
        "start_date": "2019-01-01",
        "end_date": "2030-12-31",
        "schedule_continuous": False,
        "responsible_parties": [("helen", "primary"), ("kanslia", "collaborator")],
        "contact_persons": [("riikka-salminen", "contact")],
        "tasks": [
            {
                "name": {
                    "fi": "Hanasaaren hiilivoimalaitos poistettu käytöstä",
                    "en": "Hanasaari coal-fired power plant decommissioned",
                },
                "state": "completed",
                "due_at": "2023-04-30",
                "completed_at": "2023-04-01",
            },
            {
                "name": {"fi": "Suurten sähkökattiloiden ensimmäinen vaihe käytössä"},
                "state": "completed",
                "due_at": "2024-03-31",
                "completed_at": "2024-02-15",
            },
            {
                "name": {"fi": "Kaukolämmön päästökertoimen raportointi edelliseltä vuodelta"},
                "state": "not_started",
                "due_at": "today+150",
                "completed_at": None,
            },
            {
                "name": {"fi": "Merivesilämpöpumppujen investointipäätös"},
                "state": "in_progress",
                "due_at": "today+200",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-20",
    },
    {
        "identifier": "33",
        "name": {
            "fi": "Hukkalämpöjen talteenotto kaukolämpöverkkoon",
            "sv": "Tillvaratagande av spillvärme i fjärrvärmenätet",
            "en": "Recovering waste heat into the district heating network",
        },
        "lead": {
            "fi": "Datakeskusten, kauppojen ja teollisuuden hukkalämpöä otetaan talteen "
            "kaukolämpöverkkoon.",
            "en": "Waste heat from data centres, shops and industry is recovered into the "
            "district heating network.",
        },
        "description": {
            "fi": "<p>Helen tarjoaa hukkalämmön tuottajille sopimusmallin, jolla lämpö voidaan "
            "myydä kaukolämpöverkkoon. Elinkeino-osasto ottaa hukkalämmön hyödyntämisen "
            "huomioon, kun datakeskuksille ja muille suurille lämmönlähteille etsitään "
            "sijaintia Helsingistä.</p>",
        },
        "categories": ["energia"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "moderate",
        "schedules": ["2023-2025", "2026-2030"],
        "start_date": None,
        "end_date": None,
        "schedule_continuous": False,
        "responsible_parties": [("helen", "primary"), ("elo", "collaborator")],
        "contact_persons": [("riikka-salminen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Hukkalämmön ostosopimuksen vakiomalli julkaistu"},
                "state": "completed",
                "due_at": "2023-09-30",
                "completed_at": "2023-09-01",
            },
            {
                "name": {"fi": "Hukkalämpökohteet mukaan yritysten sijoittumispalveluun"},
                "state": "in_progress",
                "due_at": "today+25",
                "completed_at": None,
            },
            {
                "name": {"fi": "Kahden datakeskuksen liittäminen kaukolämpöverkkoon"},
                "state": "not_started",
                "due_at": "today+300",
                "completed_at": None,
            },
            {
                "name": {"fi": "Kauppakeskusten hukkalämmön pilotti"},
                "state": "not_started",
                "due_at": "today+330",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-15",
    },
    # --- Liikenne -------------------------------------------------------------------------
    {
        "identifier": "40",
        "name": {
            "fi": "Pyöräliikenteen baanaverkon rakentaminen",
            "sv": "Utbyggnad av nätet av snabbcykelleder",
            "en": "Building the network of cycle highways",
        },
        "lead": {
            "fi": "Rakennetaan kantakaupungista esikaupunkeihin laadukkaat ja nopeat "
            "pyöräliikenteen pääväylät.",
            "sv": "Högklassiga och snabba huvudleder för cykeltrafiken byggs från innerstaden "
            "till förorterna.",
            "en": "High-quality, fast main cycle routes are built from the inner city to the "
            "suburbs.",
        },
        "description": {
            "fi": "<p>Baanaverkko on pyöräliikenteen pääverkko, jossa pyöräilijöillä on oma, "
            "jalankulusta erotettu väylä ja mahdollisimman vähän pysähtymistä liittymissä. "
            "Verkkoa rakennetaan pyöräliikenteen kehittämisohjelman mukaisessa järjestyksessä, "
            "ja työt yhteensovitetaan katujen peruskorjausten kanssa.</p>"
            "<h3>Seuraavan vuoden kohteet</h3>"
            "<ul>"
            "<li>Itäbaanan jatke Kulosaaresta Herttoniemeen</li>"
            "<li>Tuusulanbaanan rakentamisen aloitus</li>"
            "<li>Pyöräpysäköinnin lisääminen raideliikenteen asemille</li>"
            "</ul>"
            "<p>Kaupunkipyöräjärjestelmän laajentaminen on kuvattu toimenpiteessä 41.</p>",
        },
        "categories": ["kavely-ja-pyoraily"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "moderate",
        "schedules": ["2020-2022", "2023-2025", "2026-2030"],
        "start_date": "2020-01-01",
        "end_date": "2030-12-31",
        "schedule_continuous": False,
        "responsible_parties": [("liikennesuunnittelu", "primary"), ("stara", "collaborator")],
        "contact_persons": [("laura-nieminen", "contact"), ("tuomas-kallio", "contact")],
        "tasks": [
            {
                "name": {"fi": "Baanaverkon tavoiteverkko hyväksytty"},
                "state": "completed",
                "due_at": "2020-10-31",
                "completed_at": "2020-09-22",
            },
            {
                "name": {"fi": "Kantakaupungin baanojen ensimmäinen vaihe valmis"},
                "state": "completed",
                "due_at": "2023-10-31",
                "completed_at": "2023-10-31",
            },
            {
                "name": {"fi": "Itäbaanan yleissuunnitelma hyväksytty"},
                "state": "completed",
                "due_at": "2025-06-30",
                "completed_at": "2025-06-10",
            },
            {
                "name": {
                    "fi": "Itäbaanan jatkeen rakennussuunnitelma",
                    "en": "Construction plan for the Itäbaana extension",
                },
                "state": "in_progress",
                "due_at": "today+25",
                "completed_at": None,
                "comment": {
                    "fi": "<p>Suunnitelma on ollut nähtävillä, ja palautteen perusteella "
                    "Kulosaaren sillan kohdalle suunnitellaan leveämpi pyörätie.</p>",
                },
            },
            {
                "name": {"fi": "Tuusulanbaanan urakan kilpailutus"},
                "state": "not_started",
                "due_at": "today+150",
                "completed_at": None,
            },
            {
                "name": {"fi": "Pyöräpysäköinnin lisääminen kuudelle metroasemalle"},
                "state": "not_started",
                "due_at": "today+280",
                "completed_at": None,
            },
        ],
        "news_posts": [
            {
                "title": {
                    "fi": "Itäbaanan jatkeen suunnitelmat nähtävillä",
                    "en": "Plans for the Itäbaana extension on display",
                },
                "published_on": "today-14",
                "author": "tuomas-kallio",
                "body": {
                    "fi": "<p>Itäbaanan jatkeen rakennussuunnitelmat ovat nähtävillä kahden "
                    "viikon ajan. Uusi yhteys jatkaa baanaa Kulosaaresta Herttoniemeen, ja "
                    "pyöräilijöille rakennetaan jalankulusta erotettu kaksisuuntainen "
                    "pyörätie.</p>"
                    "<p>Suunnitelmista voi antaa palautetta kaupungin "
                    "palautejärjestelmässä.</p>",
                    "en": "<p>The construction plans for the Itäbaana extension are on "
                    "display for two weeks. The new link extends the cycle highway from "
                    "Kulosaari to Herttoniemi, with a two-way cycle track separated from "
                    "pedestrians.</p>"
                    "<p>Feedback on the plans can be given through the city's feedback "
                    "service.</p>",
                },
            },
        ],
        "related_actions": ["41"],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-14",
    },
    {
        "identifier": "41",
        "name": {
            "fi": "Kaupunkipyöräjärjestelmän laajentaminen koko kaupunkiin",
            "sv": "Utvidgning av stadscykelsystemet till hela staden",
            "en": "Extending the city bike system to the whole city",
        },
        "lead": {
            "fi": "Kaupunkipyöräasemia lisätään niin, että järjestelmä kattaa kaikki Helsingin "
            "asuinalueet.",
            "sv": "Fler stadscykelstationer byggs så att systemet täcker alla bostadsområden "
            "i Helsingfors.",
            "en": "More city bike stations are added so that the system covers every "
            "residential area in Helsinki.",
        },
        "description": {
            "fi": "<p>Kaupunkipyörät täydentävät joukkoliikennettä erityisesti lyhyillä "
            "liityntämatkoilla. Järjestelmä laajennettiin kattamaan koko kaupunki, minkä "
            "jälkeen asemaverkkoa on tihennetty käyttötietojen perusteella osana tavallista "
            "ylläpitoa.</p>",
        },
        "categories": ["kavely-ja-pyoraily"],
        "status": "completed",
        "implementation_phase": "completed",
        "impact": "small",
        "schedules": ["2020-2022"],
        "start_date": "2019-04-01",
        "end_date": "2021-10-31",
        "schedule_continuous": False,
        "responsible_parties": [("hsl", "primary"), ("liikennesuunnittelu", "collaborator")],
        "contact_persons": [("timo-laaksonen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Uudet asemat itäiseen ja pohjoiseen Helsinkiin"},
                "state": "completed",
                "due_at": "2021-05-31",
                "completed_at": "2021-05-03",
            },
            {
                "name": {"fi": "Käyttäjäkysely laajennuksen jälkeen"},
                "state": "completed",
                "due_at": "2021-12-31",
                "completed_at": "2021-12-14",
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "2022-01-10T09:30",
    },
    {
        "identifier": "52",
        "name": {
            "fi": "Ruuhkamaksun valmistelu",
            "sv": "Beredning av trängselavgift",
            "en": "Preparing a congestion charge",
        },
        "lead": {
            "fi": "Selvitetään ruuhkamaksun vaikutukset ja valmistellaan sen käyttöönottoa "
            "yhdessä valtion ja seudun kuntien kanssa.",
            "sv": "Konsekvenserna av en trängselavgift utreds och införandet bereds "
            "tillsammans med staten och regionens kommuner.",
            "en": "The impacts of a congestion charge are assessed and its introduction is "
            "prepared together with the state and the region's municipalities.",
        },
        "description": {
            "fi": "<p>Ruuhkamaksu edellyttää kansallista lainsäädäntöä, jota ei vielä ole. "
            "Kaupunki tuottaa lainvalmistelun tueksi selvityksiä maksun vaikutuksista "
            "liikenteeseen, päästöihin ja eri väestöryhmiin sekä vaihtoehtoisista "
            "maksuvyöhykkeistä.</p>",
        },
        "categories": ["liikenteen-hinnoittelu"],
        "status": "late",
        "implementation_phase": "planning",
        "impact": "significant",
        "schedules": ["2026-2030"],
        "start_date": None,
        "end_date": None,
        "schedule_continuous": False,
        "responsible_parties": [
            ("liikennesuunnittelu", "primary"),
            ("hsl", "collaborator"),
            ("kanslia", "collaborator"),
        ],
        "contact_persons": [("laura-nieminen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Seudullinen selvitys liikenteen hinnoittelusta"},
                "state": "completed",
                "due_at": "2021-03-31",
                "completed_at": "2021-02-26",
            },
            {
                "name": {"fi": "Maksuvyöhykevaihtoehtojen vaikutusarviointi"},
                "state": "in_progress",
                "due_at": "today-120",
                "completed_at": None,
                "comment": {
                    "fi": "<p>Vaikutusarviointi odottaa seudun liikennemallin päivitystä, "
                    "joka valmistuu arvioitua myöhemmin.</p>",
                },
            },
            {
                "name": {"fi": "Lausunto liikenne- ja viestintäministeriölle"},
                "state": "not_started",
                "due_at": "today-40",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "Poliittisesti herkkä aihe: uutiset hyväksytetään "
        "apulaispormestarin toimistossa ennen julkaisua.",
        "updated_at": "today-210",
    },
    {
        "identifier": "58",
        "name": {"fi": "Pysäköintimaksut päästöjen vähentämisen ohjauskeinona"},
        "lead": {
            "fi": "Kadunvarsipysäköinnin maksuvyöhykkeitä ja hintoja kehitetään niin, että ne "
            "ohjaavat kestävään liikkumiseen.",
        },
        "description": {
            "fi": "<p>Pysäköintipolitiikan päivityksessä tarkastellaan maksuvyöhykkeiden "
            "laajentamista kantakaupungin ulkopuolisiin aluekeskuksiin sekä "
            "asukaspysäköintitunnuksen hinnoittelua. Muutosten vaikutuksia seurataan "
            "pysäköintiasteen ja liikennemäärien avulla.</p>",
        },
        "categories": ["liikenteen-hinnoittelu"],
        "status": "not_started",
        "implementation_phase": "not_started",
        "impact": "small",
        "schedules": ["2026-2030"],
        "start_date": "2027-01-01",
        "end_date": "2028-12-31",
        "schedule_continuous": False,
        "responsible_parties": [("liikennesuunnittelu", "primary")],
        "contact_persons": [("tuomas-kallio", "contact")],
        "tasks": [
            {
                "name": {"fi": "Pysäköintipolitiikan päivityksen käynnistys"},
                "state": "not_started",
                "due_at": "today+45",
                "completed_at": None,
            },
            {
                "name": {"fi": "Asukaskysely pysäköinnistä aluekeskuksissa"},
                "state": "not_started",
                "due_at": "today+200",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-30",
    },
    {
        "identifier": "60",
        "name": {
            "fi": "Sähköautojen julkisen latausverkon laajentaminen",
            "sv": "Utbyggnad av det offentliga laddningsnätet för elbilar",
            "en": "Expanding the public charging network for electric cars",
        },
        "lead": {
            "fi": "Kaupunki mahdollistaa julkisten latauspisteiden rakentamisen kaduille, "
            "pysäköintilaitoksiin ja asiointipaikkoihin.",
            "sv": "Staden gör det möjligt att bygga offentliga laddpunkter på gator, i "
            "parkeringshus och vid butiker och tjänster.",
            "en": "The city makes it possible to build public charging points on streets, in "
            "car parks and at shops and services.",
        },
        "description": {
            "fi": "<p>Kaupunki vuokraa katu- ja pysäköintialueita latausoperaattoreille "
            "kilpailutuksella. Tavoitteena on, että jokaisessa kaupunginosassa on vähintään "
            "yksi pikalatausasema ja että asuinalueiden kadunvarsille tulee hitaan latauksen "
            "pisteitä niille, joilla ei ole omaa pysäköintipaikkaa.</p>"
            "<p>Kaupungin oman ajoneuvokaluston sähköistämistä käsitellään toimenpiteessä "
            "65.</p>",
        },
        "categories": ["sahkoinen-liikenne"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "moderate",
        "schedules": ["2023-2025", "2026-2030"],
        "start_date": "2022-01-01",
        "end_date": "2030-12-31",
        "schedule_continuous": False,
        "responsible_parties": [("liikennesuunnittelu", "primary"), ("helen", "collaborator")],
        "contact_persons": [("laura-nieminen", "contact"), ("aino-virtanen", "editor")],
        "tasks": [
            {
                "name": {"fi": "Latausoperaattoreiden ensimmäinen kilpailutus"},
                "state": "completed",
                "due_at": "2022-09-30",
                "completed_at": "2022-08-31",
            },
            {
                "name": {"fi": "Kaupungin oma latausoperaattoriyhtiö"},
                "state": "cancelled",
                "due_at": "2023-06-30",
                "completed_at": "2022-12-05",
                "comment": {
                    "fi": "<p>Peruttu: markkinaehtoinen malli on toiminut hyvin, joten "
                    "kaupungin omaa yhtiötä ei perusteta.</p>",
                },
            },
            {
                "name": {"fi": "1 000 julkista latauspistettä käytössä"},
                "state": "completed",
                "due_at": "2024-12-31",
                "completed_at": "2024-12-18",
            },
            {
                "name": {"fi": "Kadunvarsilatauksen kokeilu kolmella asuinalueella"},
                "state": "in_progress",
                "due_at": "today+10",
                "completed_at": None,
            },
            {
                "name": {"fi": "Toinen katualueiden vuokrauksen kilpailutus"},
                "state": "not_started",
                "due_at": "today+120",
                "completed_at": None,
            },
            {
                "name": {"fi": "Latausverkon kattavuusanalyysi"},
                "state": "not_started",
                "due_at": "today+330",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": ["65"],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-8",
    },
    {
        "identifier": "65",
        "name": {
            "fi": "Kaupungin ajoneuvojen ja työkoneiden vaihtaminen päästöttömiksi",
            "sv": "Utsläppsfria fordon och arbetsmaskiner i stadens tjänst",
            "en": "Switching the city's vehicles and machinery to zero-emission models",
        },
        "lead": {
            "fi": "Kaupungin omat henkilö- ja pakettiautot vaihdetaan täyssähköisiksi, ja "
            "työkoneissa siirrytään sähköön ja uusiutuviin polttoaineisiin.",
            "en": "The city's own cars and vans are replaced with fully electric ones, and "
            "machinery switches to electricity and renewable fuels.",
        },
        "description": {
            "fi": "<p>Kalustoa uusitaan sitä mukaa, kun vanhoja ajoneuvoja poistuu käytöstä. "
            "Raskaissa työkoneissa, joihin ei vielä ole sähköisiä vaihtoehtoja, käytetään "
            "uusiutuvaa dieseliä. Stara vastaa suurimmasta osasta kaupungin kalustoa; "
            "Palvelukeskus Helsinki ja toimialat hankkivat omat autonsa kaupungin yhteisen "
            "puitesopimuksen kautta.</p>",
        },
        "categories": ["sahkoinen-liikenne"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "small",
        "schedules": ["2023-2025", "2026-2030"],
        "start_date": None,
        "end_date": None,
        "schedule_continuous": False,
        "responsible_parties": [
            ("stara", "primary"),
            ("palu", "collaborator"),
            ("hankintakeskus", "collaborator"),
        ],
        "contact_persons": [("markus-rantanen", "contact"), ("jari-peltonen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Kaluston uusimissuunnitelma vuosille 2023–2030"},
                "state": "completed",
                "due_at": "2023-03-31",
                "completed_at": "2023-03-31",
            },
            {
                "name": {"fi": "Kaikki uudet henkilöautot täyssähköisiä"},
                "state": "completed",
                "due_at": "2024-06-30",
                "completed_at": "2024-06-28",
            },
            {
                "name": {"fi": "Sähköisten kaivinkoneiden kokeilu katutyömailla"},
                "state": "in_progress",
                "due_at": "today+90",
                "completed_at": None,
            },
            {
                "name": {"fi": "Kalustoraportti edelliseltä vuodelta"},
                "state": "not_started",
                "due_at": "today+100",
                "completed_at": None,
            },
            {
                "name": {"fi": "Varikkojen latausinfran laajennus"},
                "state": "not_started",
                "due_at": "today+180",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-40",
    },
    {
        "identifier": "72",
        "name": {
            "fi": "Sähköbussien osuuden kasvattaminen joukkoliikenteessä",
            "sv": "Större andel elbussar i kollektivtrafiken",
            "en": "Increasing the share of electric buses in public transport",
        },
        "lead": {
            "fi": "HSL edellyttää kilpailutuksissa sähköbusseja niin, että valtaosa Helsingin "
            "bussiliikenteestä ajetaan sähköllä vuoteen 2030 mennessä.",
            "sv": "HRT kräver elbussar i sina upphandlingar så att största delen av "
            "busstrafiken i Helsingfors körs med el senast 2030.",
            "en": "HSL requires electric buses in its tenders so that most of Helsinki's bus "
            "services run on electricity by 2030.",
        },
        "description": {
            "fi": "<p>Sähköbussien osuutta kasvatetaan liikennöintisopimusten "
            "kilpailutuksissa, joissa sähköbusseilla ajettavista linjoista saa laatupisteitä. "
            "Kaupunki ja HSL rakentavat yhdessä latausmahdollisuuksia bussien "
            "pääteasemille.</p>",
        },
        "categories": ["sahkoinen-liikenne"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "very_significant",
        "schedules": ["2020-2022", "2023-2025", "2026-2030"],
        "start_date": "2019-06-01",
        "end_date": "2030-12-31",
        "schedule_continuous": False,
        "responsible_parties": [("hsl", "primary"), ("liikennesuunnittelu", "collaborator")],
        "contact_persons": [("timo-laaksonen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Sähköbussien osuus 30 prosenttia bussiliikenteestä"},
                "state": "completed",
                "due_at": "2025-12-31",
                "completed_at": "2025-08-15",
            },
            {
                "name": {"fi": "Pääteasemien latausasemien suunnittelu"},
                "state": "in_progress",
                "due_at": "today+60",
                "completed_at": None,
            },
            {
                "name": {"fi": "Seuraavan liikennöintikilpailutuksen sähköbussikriteerit"},
                "state": "not_started",
                "due_at": "today+240",
                "completed_at": None,
            },
        ],
        "news_posts": [
            {
                "title": {
                    "fi": "Sähköbussien osuus ylitti 30 prosenttia",
                    "sv": "Andelen elbussar översteg 30 procent",
                    "en": "Electric buses now run over 30 per cent of bus services",
                },
                "published_on": "2025-08-20",
                "author": "timo-laaksonen",
                "body": {
                    "fi": "<p>Elokuun liikennöintikauden alussa jo yli 30 prosenttia "
                    "Helsingin bussiliikenteestä ajetaan sähköbusseilla. Osuus kasvaa "
                    "edelleen, kun uusia liikennöintisopimuksia alkaa.</p>",
                    "en": "<p>At the start of the August timetable period, more than 30 per "
                    "cent of Helsinki's bus services are run with electric buses. The share "
                    "will keep growing as new operating contracts begin.</p>",
                },
            },
        ],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-70",
    },
    # --- Kulutus ja hankinnat -------------------------------------------------------------
    {
        "identifier": "80",
        "name": {
            "fi": "Ilmastokriteerit kaupungin hankintoihin",
            "sv": "Klimatkriterier i stadens upphandlingar",
            "en": "Climate criteria in the city's procurement",
        },
        "lead": {
            "fi": "Kaupungin suurimmissa hankintaryhmissä otetaan käyttöön päästöjä "
            "vähentävät vähimmäisvaatimukset ja vertailuperusteet.",
            "sv": "I stadens största upphandlingskategorier införs minimikrav och "
            "tilldelningskriterier som minskar utsläppen.",
            "en": "Minimum requirements and award criteria that cut emissions are introduced "
            "in the city's largest procurement categories.",
        },
        "description": {
            "fi": "<p>Suurin osa hankintojen ilmastovaikutuksista syntyy rakentamisesta, "
            "kuljetuksista, energiasta, elintarvikkeista ja ICT-laitteista. Näihin "
            "hankintaryhmiin laaditaan yhteiset ilmastokriteerit, joita hankintayksiköt "
            "käyttävät kilpailutuksissaan. Kriteerien käyttöä seurataan hankintojen "
            "raportoinnissa.</p>"
            "<h3>Painopisteet</h3>"
            "<ol>"
            "<li>Ajoneuvot ja kuljetuspalvelut</li>"
            "<li>Rakennusurakat ja työmaat (ks. toimenpide 95)</li>"
            "<li>Elintarvikkeet ja ruokapalvelut (ks. toimenpide 90)</li>"
            "</ol>",
        },
        "categories": ["hankinnat"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "significant",
        "schedules": ["2020-2022", "2023-2025"],
        "start_date": "2020-06-01",
        "end_date": None,
        "schedule_continuous": True,
        "responsible_parties": [("hankintakeskus", "primary"), ("ympa", "collaborator")],
        "contact_persons": [("sanna-lehtonen", "contact"), ("aino-virtanen", "editor")],
        "tasks": [
            {
                "name": {"fi": "Ilmastokriteerien käsikirja julkaistu"},
                "state": "completed",
                "due_at": "2021-03-31",
                "completed_at": "2021-03-15",
            },
            {
                "name": {"fi": "Kaupungin hankintojen hiilijalanjälki laskettu"},
                "state": "completed",
                "due_at": "2023-12-31",
                "completed_at": "2023-11-30",
            },
            {
                "name": {"fi": "ICT-laitehankintojen ilmastokriteerit"},
                "state": "in_progress",
                "due_at": "today+25",
                "completed_at": None,
            },
            {
                "name": {"fi": "Kriteerien käytön seurantaraportti"},
                "state": "not_started",
                "due_at": "today+140",
                "completed_at": None,
            },
            {
                "name": {"fi": "Hankintayksiköiden koulutus ilmastokriteereistä"},
                "state": "not_started",
                "due_at": "today+200",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-25",
    },
    {
        "identifier": "90",
        "name": {
            "fi": "Kasvisruoan osuuden lisääminen kaupungin ruokapalveluissa",
            "sv": "Mer vegetarisk mat i stadens måltidstjänster",
            "en": "More plant-based food in the city's catering services",
        },
        "lead": {
            "fi": "Kouluissa, päiväkodeissa ja palvelutaloissa tarjotaan enemmän kasvisruokaa, "
            "ja ruokahävikkiä vähennetään.",
            "en": "Schools, day-care centres and service homes serve more plant-based food "
            "and reduce food waste.",
        },
        "description": {
            "fi": "<p>Kaupungin ruokapalvelut tarjoavat joka päivä kymmeniätuhansia aterioita. "
            "Ruokalistoja kehitetään niin, että kasvisruoka on houkutteleva vaihtoehto ja "
            "että peruskouluissa on vähintään kaksi kasvisruokapäivää viikossa. Samalla "
            "ruokahävikkiä seurataan keittiökohtaisesti.</p>",
        },
        "categories": ["hankinnat"],
        "status": "on_time",
        "implementation_phase": "continuous",
        "impact": "small",
        "schedules": [],
        "start_date": "2019-08-01",
        "end_date": None,
        "schedule_continuous": True,
        "responsible_parties": [
            ("palu", "primary"),
            ("kasko", "collaborator"),
            ("sote", "collaborator"),
        ],
        "contact_persons": [("minna-turunen", "contact"), ("hanna-koskinen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Kaksi kasvisruokapäivää viikossa peruskouluissa"},
                "state": "completed",
                "due_at": "2021-08-31",
                "completed_at": "2021-08-09",
            },
            {
                "name": {"fi": "Ruokahävikin mittaus kaikissa keittiöissä"},
                "state": "completed",
                "due_at": "2024-01-31",
                "completed_at": "2024-01-31",
            },
            {
                "name": {"fi": "Aterioiden hiilijalanjälkimerkinnät ruokalistoille"},
                "state": "cancelled",
                "due_at": "2025-05-31",
                "completed_at": "2025-02-14",
                "comment": {
                    "fi": "<p>Peruttu erillisenä tehtävänä: merkinnät tehdään osana "
                    "ruokalistajärjestelmän uudistusta, jonka aikataulu sovitaan "
                    "myöhemmin.</p>",
                },
            },
            {
                "name": {"fi": "Palvelutalojen ruokalistojen uudistus"},
                "state": "in_progress",
                "due_at": "today+50",
                "completed_at": None,
            },
            {
                "name": {"fi": "Oppilaiden makuraati uusille kasvisruoille"},
                "state": "not_started",
                "due_at": "today+160",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-5",
    },
    {
        "identifier": "95",
        "name": {
            "fi": "Päästöttömät työmaat",
            "sv": "Utsläppsfria byggarbetsplatser",
            "en": "Zero-emission construction sites",
        },
        "lead": {
            "fi": "Kaupungin urakoissa edellytetään sähkö- tai biopolttoainekäyttöisiä "
            "työkoneita ja fossiilittomia työmaalämmityksen ratkaisuja.",
            "sv": "I stadens entreprenader krävs arbetsmaskiner som drivs med el eller "
            "biobränsle och fossilfri uppvärmning av byggarbetsplatser.",
            "en": "The city's contracts require machinery powered by electricity or biofuels "
            "and fossil-free heating on construction sites.",
        },
        "description": {
            "fi": "<p>Vaatimukset otetaan käyttöön ensin katu- ja puistourakoissa ja sen "
            "jälkeen talonrakennusurakoissa. Staran oma kalusto uusitaan samojen "
            "periaatteiden mukaisesti (ks. toimenpide 65). Urakoitsijoiden kanssa käydään "
            "markkinavuoropuhelua, jotta vaatimukset ovat toteutettavissa.</p>",
        },
        "categories": ["hankinnat"],
        "status": "late",
        "implementation_phase": "implementation",
        "impact": "moderate",
        "schedules": ["2023-2025", "2026-2030"],
        "start_date": "2023-01-01",
        "end_date": "2028-12-31",
        "schedule_continuous": False,
        "responsible_parties": [
            ("kymp", "primary"),
            ("stara", "collaborator"),
            ("hankintakeskus", "collaborator"),
        ],
        "contact_persons": [("antti-heikkinen", "contact"), ("sanna-lehtonen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Markkinavuoropuhelu urakoitsijoiden kanssa"},
                "state": "completed",
                "due_at": "2023-10-31",
                "completed_at": "2023-10-05",
            },
            {
                "name": {"fi": "Kolme pilottityömaata toteutettu"},
                "state": "completed",
                "due_at": "2025-04-30",
                "completed_at": "2025-04-30",
            },
            {
                "name": {"fi": "Vaatimukset katu- ja puistourakoiden vakioasiakirjoihin"},
                "state": "in_progress",
                "due_at": "today-40",
                "completed_at": None,
                "comment": {
                    "fi": "<p>Juridinen tarkastus on kesken. Luonnos on kommentoitavana "
                    "urakoitsijoiden järjestöillä.</p>",
                },
            },
            {
                "name": {"fi": "Pilottityömaiden päästövähennysten arviointi"},
                "state": "not_started",
                "due_at": "today+25",
                "completed_at": None,
            },
            {
                "name": {"fi": "Vaatimukset talonrakennusurakoihin"},
                "state": "not_started",
                "due_at": "today+200",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-50",
    },
    {
        "identifier": "100",
        "name": {
            "fi": "Maa-ainesten ja purkumateriaalien uudelleenkäyttö",
            "sv": "Återanvändning av jordmassor och rivningsmaterial",
            "en": "Reusing excavated soil and demolition materials",
        },
        "lead": {
            "fi": "Rakentamisessa syntyvät maa-ainekset ja purkumateriaalit hyödynnetään "
            "mahdollisimman lähellä syntypaikkaansa.",
        },
        "description": {
            "fi": "<p>Kaupungin massakoordinaatio sovittaa yhteen hankkeiden ylijäämämassat "
            "ja massatarpeet, mikä vähentää kuljetuksia ja niiden päästöjä. Purkukohteista "
            "otetaan talteen uudelleenkäytettäviä rakennusosia, kuten ovia, laattoja ja "
            "teräsrakenteita.</p>",
        },
        "categories": ["kiertotalous"],
        "status": "on_time",
        "implementation_phase": "continuous",
        "impact": "moderate",
        "schedules": [],
        "start_date": "2020-01-01",
        "end_date": None,
        "schedule_continuous": True,
        "responsible_parties": [("stara", "primary"), ("kymp", "collaborator")],
        "contact_persons": [("sami-hiltunen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Massakoordinaation tietojärjestelmä käyttöön"},
                "state": "completed",
                "due_at": "2021-10-31",
                "completed_at": "2021-10-01",
            },
            {
                "name": {"fi": "Purkumateriaalikartoitus pakolliseksi kaupungin purkukohteissa"},
                "state": "completed",
                "due_at": "2024-09-30",
                "completed_at": "2024-09-01",
            },
            {
                "name": {"fi": "Maa-ainesten välivarastointialue Itä-Helsinkiin"},
                "state": "not_started",
                "due_at": "today+240",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-130",
    },
    {
        # A draft that has never been published.
        "identifier": "105",
        "name": {"fi": "Kaupungin kalusteiden ja laitteiden uudelleenkäyttöpalvelu"},
        "lead": {
            "fi": "Käytöstä poistuvat kalusteet ja laitteet siirretään kaupungin sisäisen "
            "palvelun kautta toisille yksiköille.",
        },
        "description": {
            "fi": "<p>Palvelun toteutustapaa ja vastuita valmistellaan vielä. Tavoitteena on, "
            "että käyttökelpoiset huonekalut, tietokoneet ja opetusvälineet siirtyvät "
            "yksiköltä toiselle ennen kuin uusia hankitaan.</p>",
        },
        "categories": ["kiertotalous"],
        "status": "not_started",
        "implementation_phase": "not_started",
        "impact": "not_estimated",
        "schedules": ["2026-2030"],
        "start_date": None,
        "end_date": None,
        "schedule_continuous": False,
        "responsible_parties": [("palu", "primary")],
        "contact_persons": [("jari-peltonen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Palvelumallin kuvaus"},
                "state": "not_started",
                "due_at": "today+90",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": False,
        "internal_notes": "Luonnos, ei vielä julkaistu. Odottaa Palun johtoryhmän käsittelyä.",
        "updated_at": "today-3",
    },
    # --- Kaupunkilaisten osallisuus ja viestintä ------------------------------------------
    {
        "identifier": "112",
        "name": {
            "fi": "Ilmastokasvatus päiväkodeissa ja kouluissa",
            "sv": "Klimatfostran i daghem och skolor",
            "en": "Climate education in day-care centres and schools",
        },
        "lead": {
            "fi": "Jokainen päiväkoti, koulu ja oppilaitos laatii ympäristösuunnitelman, ja "
            "ilmastoasiat sisältyvät opetukseen.",
            "sv": "Varje daghem, skola och läroanstalt gör upp en miljöplan, och klimatfrågor "
            "ingår i undervisningen.",
            "en": "Every day-care centre, school and educational institution draws up an "
            "environmental plan, and climate issues are part of teaching.",
        },
        "description": {
            "fi": "<p>Kasvatuksen ja koulutuksen toimialan ilmastotyö toteutetaan osana "
            "kestävän kehityksen ohjelmaa. Opettajille tarjotaan täydennyskoulutusta ja "
            "valmiita opetusmateriaaleja, ja oppilaat osallistuvat oman koulunsa "
            "energiankulutuksen seurantaan.</p>"
            "<p>Ruokapalvelujen kasvisruokapäivät on kuvattu toimenpiteessä 90.</p>",
            "sv": "<p>Fostrans- och utbildningssektorns klimatarbete genomförs som en del av "
            "programmet för hållbar utveckling. Lärarna erbjuds fortbildning och färdigt "
            "undervisningsmaterial, och eleverna deltar i uppföljningen av energiförbrukningen "
            "i sin egen skola.</p>"
            "<p>De vegetariska dagarna i måltidstjänsterna beskrivs i åtgärd 90.</p>",
        },
        "categories": ["osallisuus"],
        "status": "on_time",
        "implementation_phase": "continuous",
        "impact": "small",
        "schedules": [],
        "start_date": "2020-08-01",
        "end_date": None,
        "schedule_continuous": True,
        "responsible_parties": [("kasko", "primary"), ("ympa", "collaborator")],
        "contact_persons": [("hanna-koskinen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Kaikilla peruskouluilla ympäristösuunnitelma"},
                "state": "completed",
                "due_at": "2022-05-31",
                "completed_at": "2022-05-31",
            },
            {
                "name": {"fi": "Ilmastokasvatuksen opettajaverkosto perustettu"},
                "state": "completed",
                "due_at": "2023-01-31",
                "completed_at": "2023-01-20",
            },
            {
                "name": {"fi": "Energiansäästöviikon materiaalit kouluille"},
                "state": "in_progress",
                "due_at": "today+10",
                "completed_at": None,
            },
            {
                "name": {"fi": "Päiväkotien ilmastokasvatuksen materiaalipaketti"},
                "state": "not_started",
                "due_at": "today+100",
                "completed_at": None,
            },
            {
                "name": {"fi": "Toisen asteen oppilaitosten ilmastotyön kartoitus"},
                "state": "not_started",
                "due_at": "today+250",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-9",
    },
    {
        "identifier": "118",
        "name": {
            "fi": "Ilmastohankkeet osallistuvassa budjetoinnissa",
            "sv": "Klimatprojekt i den deltagande budgeteringen",
            "en": "Climate projects in participatory budgeting",
        },
        "lead": {
            "fi": "Asukkaita kannustetaan ehdottamaan ja äänestämään ilmastoa edistäviä "
            "hankkeita osallistuvassa budjetoinnissa.",
        },
        "description": {
            "fi": "<p>Osallistuvan budjetoinnin kierroksilla järjestetään ilmastoaiheisia "
            "ideatyöpajoja, joissa kaupungin asiantuntijat auttavat asukkaita kehittämään "
            "ehdotuksiaan. Toteutuneiden hankkeiden ilmastovaikutukset arvioidaan yhdessä "
            "ympäristöpalvelujen kanssa.</p>",
        },
        "categories": ["osallisuus"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "small",
        "schedules": ["2026-2030"],
        "start_date": None,
        "end_date": None,
        "schedule_continuous": False,
        "responsible_parties": [
            ("kuva", "primary"),
            ("kanslia", "collaborator"),
            ("ympa", "collaborator"),
        ],
        "contact_persons": [("katja-laine", "contact")],
        "tasks": [
            {
                "name": {"fi": "Ilmastotyöpajat edellisellä budjetointikierroksella"},
                "state": "completed",
                "due_at": "2025-03-31",
                "completed_at": "2025-03-20",
            },
            {
                "name": {"fi": "Ideointivaiheen ilmastotyöpajat"},
                "state": "not_started",
                "due_at": "today+130",
                "completed_at": None,
            },
            {
                "name": {"fi": "Toteutuneiden ilmastohankkeiden arviointi"},
                "state": "not_started",
                "due_at": "today+320",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-400",
    },
    # --- Smart & Clean kasvu --------------------------------------------------------------
    {
        # Reproduced from the public Ilmastovahti page: keep verbatim.
        "identifier": "126",
        "history": [{"date": "2019-04-01", "status": "not_started"}],
        "name": {
            "fi": "Elinkeinopolitiikka ja päästövähennykset",
            "sv": "Näringspolitik och utsläppsminskningar",
            "en": "Economic policy and emission reductions",
        },
        "lead": {
            "fi": "Kaupunkiorganisaation toimintamallit ja kriteerit yhdistäen "
            "elinkeinopoliittiset tavoitteet ja päästövähennykset.",
            "sv": "Stadsorganisationens verksamhetsmodeller och kriterier som förenar "
            "näringspolitiska mål och utsläppsminskningar.",
            "en": "Operating models and criteria for the city organisation that combine "
            "economic policy goals with emission reductions.",
        },
        "description": {
            "fi": "<p>Kehitystyön taustana ovat kaupungin elinkeinopolitiikan painopisteistä "
            "kansainvälinen vetovoima, osaava työvoima sekä uusi ja kasvava liiketoiminta. "
            "Toimenpide sitouttaa useita tahoja kaupunkiorganisaatiossa, joista "
            "elinkeino-osaston toiminta konkretisoituu yritysten vähähiilisyyden "
            "kehittämisen mahdollistamiseen\u00a0ja vähähiilisiä ratkaisuja tarjoavien "
            "yritysten toiminnan edistämiseen kokeilualustojen, hankkeiden ja investointien "
            "kautta. Kts. myös toimenpiteen\u00a0128 Smart & Clean "
            "-yhteiskehitysalustojen kehittämisen toteutus.</p>",
        },
        "official_description": {
            "fi": "<p>Kaupunkiorganisaatiolle luodaan toimintamalleja ja kriteereitä, jotka "
            "mahdollistavat kaupungin elinkeinopoliittisten tavoitteiden toteuttamisen "
            "yhdessä päästövähennystoimenpiteiden kanssa.</p>",
        },
        "official_description_source": {
            "fi": "Hiilineutraali Helsinki 2035 -toimenpideohjelmasta",
        },
        "categories": ["smart-clean"],
        "status": "on_time",
        "implementation_phase": None,
        "impact": "not_estimated",
        "schedules": [],
        "start_date": None,
        "end_date": None,
        "schedule_continuous": False,
        "responsible_parties": [("elo", "primary")],
        "contact_persons": [("mikko-martikka", "contact"), ("kimmo-heinonen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Toimenpiteen yhteyshenkilö valittu"},
                "state": "completed",
                "due_at": "2019-10-22",
                "completed_at": "2019-10-22",
            },
            {
                "name": {"fi": "Toimenpiteestä on tilannekuvaus"},
                "state": "completed",
                "due_at": "2019-10-22",
                "completed_at": "2019-10-22",
                "comment": {"fi": "<p>Alustava kuvaus</p>"},
            },
            {
                "name": {
                    "fi": "Elinkeinopolitiikka, yritysmyönteisyys ja kokeilualustatoiminta "
                    "ohjauskeinoina S&C-liiketoiminnan tukemisessa"
                },
                "state": "in_progress",
                "due_at": "2020-05-31",
                "completed_at": None,
                "comment": {
                    "fi": "<p>Keskeinen toiminta liittyy erityisesti toimenpiteeseen 128 "
                    "Älykkään ja puhtaan liiketoiminnan yhteiskehitysalustat yrityksille. "
                    "Toimintasuunnittelussa tullaan yhtenäistämään\u00a0toimenpiteiden 126, "
                    "127 ja 128 keskeisimpiä tavoitteita.</p>"
                    "<p>Elinkeino-osaston ehdotus kaupungin yhteisen kokeilualustamallin "
                    "kehittämiseksi hyväksyttiin vuoden 2019 lopulla ja toiminnan "
                    "yksityiskohtainen suunnittelu on käynnissä. Mallin käyttöönotossa vuoden "
                    "2020 tehtävinä:</p>"
                    "<ul>"
                    "<li>Toimialojen kanssa sovitaan kevään aikana kokeilutoiminnan "
                    "yhteisresursoinnista.</li>"
                    "<li>Suunnitellaan kokeiluja toteuttaneiden yrityksille\u00a0käyttöön "
                    "annettava\u00a0ns. Helsinki-leima, johon "
                    "sisällytettäisiin\u00a0toiminnan arvio alustan omistajan puolelta.</li>"
                    "<li>Alustatoiminnan tulosten ja vaikuttavuuden arviointi. Kehitetään "
                    "alustoille yhteinen malli tulosten keräämiseen ja vaikuttavuuden "
                    "arviontiin. Alustatoiminnan rviointiin tullaan harkitsemaan yhteistyötä "
                    "yliopistojen kanssa tai esimerkiksi\u00a0opinnäytetöihin liittyen.</li>"
                    "<li>Kehitystyönä ylläpidetään\u00a0listaa kaikista toteutetuista "
                    "ja\u00a0käynnissä olevista kokeiluista.</li>"
                    "<li>Kokeiluihin laaditaan yhtenäiset soveltuvat sopimusmallit.</li>"
                    "<li>Toimintaan rekrytoidaan viestintähenkilö ja määritellään "
                    "kokeilualustojen landing page.</li>"
                    "</ul>",
                },
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "2020-02-03T10:00",
    },
    {
        "identifier": "127",
        "name": {
            "fi": "Cleantech-yritysten kasvun ja kansainvälistymisen edistäminen",
            "sv": "Främjande av cleantechföretagens tillväxt och internationalisering",
            "en": "Promoting the growth and internationalisation of cleantech companies",
        },
        "lead": {
            "fi": "Helsinki tukee vähähiilisiä ratkaisuja kehittävien yritysten kasvua, "
            "sijoittumista ja kansainvälistymistä.",
            "sv": "Helsingfors stöder tillväxt, etablering och internationalisering hos "
            "företag som utvecklar koldioxidsnåla lösningar.",
            "en": "Helsinki supports the growth, location and internationalisation of "
            "companies developing low-carbon solutions.",
        },
        "description": {
            "fi": "<p>Elinkeino-osasto tarjoaa cleantech-yrityksille neuvontaa, verkostoja ja "
            "näkyvyyttä kansainvälisissä tapahtumissa. Ulkomaisia vähähiilisiä yrityksiä "
            "houkutellaan sijoittumaan Helsinkiin erityisesti energian, rakentamisen ja "
            "liikenteen aloilla.</p>"
            "<p>Toiminnan tavoitteet yhtenäistetään toimenpiteiden 126 ja 128 kanssa.</p>",
        },
        "categories": ["smart-clean"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "not_estimated",
        "schedules": ["2020-2022", "2023-2025"],
        "start_date": None,
        "end_date": None,
        "schedule_continuous": False,
        "responsible_parties": [("elo", "primary")],
        "contact_persons": [("kimmo-heinonen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Cleantech-yritysten palvelupolku kuvattu"},
                "state": "completed",
                "due_at": "2020-12-31",
                "completed_at": "2020-12-18",
            },
            {
                "name": {"fi": "Kansainvälinen sijoittumiskampanja vähähiilisille yrityksille"},
                "state": "completed",
                "due_at": "2022-10-31",
                "completed_at": "2022-10-14",
            },
            {
                "name": {"fi": "Helsingin yritysten yhteisosasto kansainvälisillä messuilla"},
                "state": "in_progress",
                "due_at": "today+160",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-180",
    },
    {
        "identifier": "128",
        "name": {
            "fi": "Älykkään ja puhtaan liiketoiminnan yhteiskehitysalustat yrityksille",
            "sv": "Samutvecklingsplattformar för smart och ren affärsverksamhet",
            "en": "Co-creation platforms for smart and clean business",
        },
        "lead": {
            "fi": "Kaupunki tarjoaa ympäristöään ja palvelujaan yritysten kokeilualustoiksi, "
            "joilla uusia vähähiilisiä ratkaisuja kehitetään yhdessä.",
            "sv": "Staden erbjuder sin stadsmiljö och sina tjänster som testplattformar där "
            "nya koldioxidsnåla lösningar utvecklas tillsammans med företag.",
            "en": "The city offers its urban environment and services as test platforms on "
            "which new low-carbon solutions are developed together with companies.",
        },
        "description": {
            "fi": "<p>Kokeilualustoilla yritykset pääsevät testaamaan tuotteitaan ja "
            "palvelujaan aidossa kaupunkiympäristössä, esimerkiksi kaupungin kiinteistöissä, "
            "kaduilla ja palveluissa. Alustatoimintaa koordinoi elinkeino-osasto kaupungin "
            "yhteisen kokeilualustamallin mukaisesti, ja kokeiluista ylläpidetään julkista "
            "luetteloa.</p>"
            "<p>Kokeilujen tuloksia hyödynnetään myös toimenpiteessä 80, kun hankintoihin "
            "etsitään uusia vähähiilisiä ratkaisuja.</p>",
        },
        "categories": ["smart-clean"],
        "status": "on_time",
        "implementation_phase": "implementation",
        "impact": "moderate",
        "schedules": ["2020-2022", "2023-2025", "2026-2030"],
        "start_date": "2019-01-01",
        "end_date": None,
        "schedule_continuous": False,
        "responsible_parties": [("elo", "primary"), ("kymp", "collaborator")],
        "contact_persons": [("mikko-martikka", "contact"), ("kimmo-heinonen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Kaupungin yhteinen kokeilualustamalli hyväksytty"},
                "state": "completed",
                "due_at": "2019-12-31",
                "completed_at": "2019-12-10",
            },
            {
                "name": {"fi": "Kokeiluluettelo julkaistu verkossa"},
                "state": "completed",
                "due_at": "2020-12-31",
                "completed_at": "2020-11-30",
            },
            {
                "name": {"fi": "Kokeilujen yhtenäiset sopimusmallit"},
                "state": "completed",
                "due_at": "2021-06-30",
                "completed_at": "2021-06-15",
            },
            {
                "name": {"fi": "Alustatoiminnan vaikuttavuusarvio yhdessä yliopistojen kanssa"},
                "state": "in_progress",
                "due_at": "today+60",
                "completed_at": None,
            },
            {
                "name": {"fi": "Kokeiluhaku liikenteen ja energian ratkaisuille"},
                "state": "not_started",
                "due_at": "today+120",
                "completed_at": None,
            },
            {
                "name": {"fi": "Helsinki-leiman myöntämisperusteiden päivitys"},
                "state": "not_started",
                "due_at": "today+300",
                "completed_at": None,
            },
        ],
        "news_posts": [
            {
                "title": {
                    "fi": "Kokeiluhaku avautuu: etsimme ratkaisuja työmaiden päästöihin",
                    "en": "Call for pilots: solutions for construction site emissions",
                },
                "published_on": "today-45",
                "author": "mikko-martikka",
                "body": {
                    "fi": "<p>Kaupunki hakee yrityksiä kokeilemaan ratkaisuja, joilla "
                    "vähennetään työmaiden työkoneiden ja lämmityksen päästöjä. Kokeilut "
                    "tehdään kaupungin omilla työmailla, ja niiden tuloksia hyödynnetään "
                    "toimenpiteessä 95.</p>"
                    "<p>Haku on auki kuusi viikkoa.</p>",
                    "en": "<p>The city is looking for companies to pilot solutions that cut "
                    "emissions from machinery and heating on construction sites. The pilots "
                    "take place on the city's own sites, and their results feed into action "
                    "95.</p>"
                    "<p>The call is open for six weeks.</p>",
                },
            },
        ],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-45",
    },
    # --- Seuranta ja raportointi ----------------------------------------------------------
    {
        # Visible to signed-in city staff only.
        "identifier": "130",
        "name": {"fi": "Ilmastotyön koordinaatioryhmä"},
        "lead": {
            "fi": "Toimialojen ilmastoyhdyshenkilöiden koordinaatioryhmä sovittaa yhteen "
            "toimenpiteiden toteutusta ja valmistelee ohjausryhmän käsittelyt.",
        },
        "description": {
            "fi": "<p>Koordinaatioryhmä kokoontuu kuukausittain. Se käy läpi myöhässä olevat "
            "tehtävät ja toimenpiteet, joiden tietoja ei ole päivitetty, ja valmistelee "
            "vuosiraportin.</p>",
        },
        "categories": ["seuranta"],
        "status": "on_time",
        "implementation_phase": "continuous",
        "impact": None,
        "schedules": [],
        "start_date": "2019-09-01",
        "end_date": None,
        "schedule_continuous": True,
        "responsible_parties": [("strategia", "primary"), ("ympa", "collaborator")],
        "contact_persons": [("aino-virtanen", "contact"), ("elina-hamalainen", "moderator")],
        "tasks": [
            {
                "name": {"fi": "Syksyn koordinaatiokokous"},
                "state": "completed",
                "due_at": "2026-10-15",
                "completed_at": "2026-10-14",
            },
            {
                "name": {"fi": "Uusien yhteyshenkilöiden perehdytys"},
                "state": "not_started",
                "due_at": "today+30",
                "completed_at": None,
            },
            {
                "name": {"fi": "Ohjausryhmän kevätkokouksen valmistelu"},
                "state": "in_progress",
                "due_at": "today+80",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "internal",
        "published": True,
        "internal_notes": "Vain kaupungin sisäiseen käyttöön. Kokousmuistiot ovat "
        "ilmastotyön yhteisellä työtilalla.",
        "updated_at": "today-2",
    },
    # --- Hiilinielut ----------------------------------------------------------------------
    {
        "identifier": "138",
        "name": {
            "fi": "Kaupungin metsien hiilinielujen vahvistaminen",
            "sv": "Starkare kolsänkor i stadens skogar",
            "en": "Strengthening carbon sinks in the city's forests",
        },
        "lead": {
            "fi": "Kaupungin metsiä hoidetaan niin, että niiden hiilivarasto kasvaa ja "
            "luonnon monimuotoisuus säilyy.",
            "sv": "Stadens skogar sköts så att deras kollager växer och den biologiska "
            "mångfalden bevaras.",
            "en": "The city's forests are managed so that their carbon stock grows and "
            "biodiversity is preserved.",
        },
        "description": {
            "fi": "<p>Metsäsuunnitelmissa painotetaan jatkuvapeitteistä kasvatusta ja "
            "lahopuun määrän lisäämistä. Hakkuita tehdään ensisijaisesti turvallisuuden ja "
            "virkistyskäytön vuoksi. Hiilinielujen laskentamenetelmää kehitetään "
            "toimenpiteessä 140.</p>",
            "en": "<p>Forest management plans favour continuous-cover forestry and more "
            "deadwood. Trees are felled mainly for safety and recreational use. The method "
            "for calculating carbon sinks is being developed in action 140.</p>",
        },
        "categories": ["hiilinielut"],
        "status": "on_time",
        "implementation_phase": "continuous",
        "impact": "small",
        "schedules": ["2026-2030", "2031-2035"],
        "start_date": "2020-01-01",
        "end_date": None,
        "schedule_continuous": True,
        "responsible_parties": [("kymp", "primary"), ("stara", "collaborator")],
        "contact_persons": [("ville-jarvinen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Metsien hiilivaraston perusinventointi"},
                "state": "completed",
                "due_at": "2021-12-31",
                "completed_at": "2021-12-31",
            },
            {
                "name": {"fi": "Keskuspuiston metsäsuunnitelma hyväksytty"},
                "state": "completed",
                "due_at": "2024-06-30",
                "completed_at": "2024-06-12",
            },
            {
                "name": {"fi": "Itä-Helsingin metsäsuunnitelma"},
                "state": "in_progress",
                "due_at": "today+210",
                "completed_at": None,
            },
            {
                "name": {"fi": "Lahopuuseurannan koealat perustettu"},
                "state": "not_started",
                "due_at": "today+270",
                "completed_at": None,
            },
            {
                "name": {"fi": "Metsien hiilitaseen raportti"},
                "state": "not_started",
                "due_at": "today+350",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": ["140"],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-33",
    },
    {
        "identifier": "140",
        "name": {
            "fi": "Hiilinielujen ja -varastojen laskentamenetelmä",
            "sv": "Beräkningsmetod för kolsänkor och kollager",
            "en": "Method for calculating carbon sinks and stocks",
        },
        "lead": {
            "fi": "Kehitetään menetelmä, jolla kaupungin maa-alueiden hiilinielut ja "
            "-varastot voidaan laskea ja raportoida vuosittain.",
        },
        "description": {
            "fi": "<p>Menetelmä kattaa metsät, puistot, katupuut ja maaperän. Laskennassa "
            "hyödynnetään laserkeilausaineistoja ja kaupungin puurekisteriä. Tulokset "
            "raportoidaan päästöraportoinnin yhteydessä (ks. toimenpide 147).</p>",
        },
        "categories": ["hiilinielut"],
        "status": "not_started",
        "implementation_phase": "planning",
        "impact": "not_estimated",
        "schedules": ["2026-2030"],
        "start_date": "2027-01-01",
        "end_date": "2028-06-30",
        "schedule_continuous": False,
        "responsible_parties": [("ympa", "primary"), ("kymp", "collaborator")],
        "contact_persons": [("elina-hamalainen", "contact"), ("ville-jarvinen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Menetelmän kehittäminen yliopistoyhteistyönä: tarjouspyyntö"},
                "state": "not_started",
                "due_at": "today+45",
                "completed_at": None,
            },
            {
                "name": {"fi": "Laserkeilausaineiston käsittely"},
                "state": "not_started",
                "due_at": "today+180",
                "completed_at": None,
            },
            {
                "name": {"fi": "Ensimmäiset laskentatulokset"},
                "state": "not_started",
                "due_at": "today+500",
                "completed_at": None,
            },
        ],
        "news_posts": [],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-20",
    },
    {
        "identifier": "147",
        "name": {
            "fi": "Päästöjen ja toimenpiteiden vuosittainen seuranta ja raportointi",
            "sv": "Årlig uppföljning och rapportering av utsläpp och åtgärder",
            "en": "Annual monitoring and reporting of emissions and actions",
        },
        "lead": {
            "fi": "Helsingin kasvihuonekaasupäästöt lasketaan vuosittain, ja "
            "toimenpideohjelman etenemisestä raportoidaan kaupunginvaltuustolle.",
            "sv": "Helsingfors växthusgasutsläpp beräknas varje år, och stadsfullmäktige får "
            "en rapport om hur åtgärdsprogrammet framskrider.",
            "en": "Helsinki's greenhouse gas emissions are calculated every year, and the "
            "City Council receives a report on the progress of the action programme.",
        },
        "description": {
            "fi": "<p>Päästöt lasketaan vuosittain Hiilineutraalit kunnat -laskentamallilla, "
            "ja tulokset julkaistaan keväisin. Toimenpiteiden etenemistä seurataan "
            "jatkuvasti tällä sivustolla, jossa kunkin toimenpiteen yhteyshenkilöt "
            "päivittävät tiedot vähintään kaksi kertaa vuodessa.</p>"
            "<p>Vuosiraportti kokoaa päästökehityksen, mittarit ja toimenpiteiden tilanteen. "
            "Hiilinielujen raportointia kehitetään toimenpiteessä 140.</p>",
            "en": "<p>Emissions are calculated every year with the Carbon Neutral "
            "Municipalities (Hinku) calculation model, and the results are published each "
            "spring. The progress of actions is followed continuously on this site, where "
            "the contact persons of each action update its information at least twice a "
            "year.</p>"
            "<p>The annual report brings together the emission trend, the indicators and the "
            "state of the actions. Reporting on carbon sinks is being developed in action "
            "140.</p>",
        },
        "categories": ["seuranta"],
        "status": "on_time",
        "implementation_phase": "continuous",
        "impact": "not_estimated",
        "schedules": [],
        "start_date": "2019-10-01",
        "end_date": None,
        "schedule_continuous": True,
        "responsible_parties": [("strategia", "primary"), ("ympa", "collaborator")],
        "contact_persons": [("aino-virtanen", "contact"), ("elina-hamalainen", "contact")],
        "tasks": [
            {
                "name": {"fi": "Päästöraportti vuodelta 2024"},
                "state": "completed",
                "due_at": "2025-04-30",
                "completed_at": "2025-04-15",
            },
            {
                "name": {"fi": "Vuosiraportti kaupunginvaltuustolle 2025"},
                "state": "completed",
                "due_at": "2025-11-30",
                "completed_at": "2025-11-26",
            },
            {
                "name": {"fi": "Päästöraportti vuodelta 2025"},
                "state": "completed",
                "due_at": "2026-04-30",
                "completed_at": "2026-04-14",
            },
            {
                "name": {
                    "fi": "Vuosiraportti kaupunginvaltuustolle 2026",
                    "en": "Annual report to the City Council 2026",
                },
                "state": "in_progress",
                "due_at": "today+10",
                "completed_at": None,
                "comment": {
                    "fi": "<p>Raporttiluonnos on kommenteilla toimialoilla. Myöhässä olevien "
                    "toimenpiteiden osalta pyydetään toimialoilta <em>korjaussuunnitelma</em> "
                    "ennen valtuustokäsittelyä.</p>",
                },
            },
            {
                "name": {"fi": "Päästöraportti vuodelta 2026"},
                "state": "not_started",
                "due_at": "today+140",
                "completed_at": None,
            },
            {
                "name": {"fi": "Mittareiden tietolähteiden päivitys"},
                "state": "not_started",
                "due_at": "today+220",
                "completed_at": None,
            },
        ],
        "news_posts": [
            {
                "title": {
                    "fi": "Helsingin päästöt laskivat edellisvuodesta",
                    "en": "Helsinki's emissions fell from the previous year",
                },
                "published_on": "2026-04-15",
                "author": "elina-hamalainen",
                "body": {
                    "fi": "<p>Helsingin kasvihuonekaasupäästöt laskivat vuonna 2025 "
                    "edellisvuodesta erityisesti kaukolämmön tuotannon muutosten ansiosta "
                    "(ks. toimenpide 25). Liikenteen päästöt pysyivät lähes ennallaan.</p>"
                    "<p>Koko päästöraportti taustatietoineen on ladattavissa "
                    "mittarisivuilta.</p>",
                    "en": "<p>Helsinki's greenhouse gas emissions fell in 2025 compared with "
                    "the previous year, mainly thanks to changes in district heat production "
                    "(see action 25). Transport emissions stayed almost unchanged.</p>"
                    "<p>The full emissions report with background data can be downloaded "
                    "from the indicator pages.</p>",
                },
            },
        ],
        "related_actions": [],
        "merged_with": None,
        "visibility": "public",
        "published": True,
        "internal_notes": "",
        "updated_at": "today-10",
    },
]
